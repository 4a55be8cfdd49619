import fs from "node:fs";
import path from "node:path";
import type { PrismaClient } from "~/generated/prisma/client.ts";
import { planFileSchema, type PlanFile } from "./rules.ts";

/**
 * Loads (or reloads) one plan and its indicators. Codes are the keys: loading the same file twice
 * changes nothing, and an edited file updates names, rules and figures in place.
 */
export async function loadPlan(db: PrismaClient, input: unknown): Promise<{ planId: number; indicators: number }> {
  const plan: PlanFile = planFileSchema.parse(input);
  return db.$transaction(async (tx) => {
    const fields = { nameZh: plan.nameZh, nameEn: plan.nameEn, regionCode: plan.regionCode, startYear: plan.startYear, endYear: plan.endYear, document: plan.document ?? null };
    const row = await tx.plan.upsert({ where: { code: plan.code }, create: { code: plan.code, ...fields }, update: fields });
    for (const [sortOrder, indicator] of plan.indicators.entries()) {
      const data = {
        nameZh: indicator.nameZh,
        nameEn: indicator.nameEn,
        unit: indicator.unit,
        type: indicator.type,
        method: indicator.method,
        rule: JSON.stringify(indicator.rule),
        planTarget: indicator.planTarget ?? null,
        sortOrder,
      };
      await tx.indicator.upsert({ where: { planId_code: { planId: row.id, code: indicator.code } }, create: { planId: row.id, code: indicator.code, ...data }, update: data });
    }
    return { planId: row.id, indicators: plan.indicators.length };
  });
}

export const PLAN_DIR = path.resolve("prisma", "seed", "plans");

/** Reads a plan file; a malformed one fails naming the file and the field. */
export function readPlanFile(file: string): PlanFile {
  const parsed = planFileSchema.safeParse(JSON.parse(fs.readFileSync(file, "utf8")));
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new Error(`${path.basename(file)}: ${issue.path.join(".")}: ${issue.message}`);
  }
  return parsed.data;
}

export function planFiles(dir = PLAN_DIR): string[] {
  return fs.readdirSync(dir).filter((n) => n.endsWith(".json")).sort().map((n) => path.join(dir, n));
}
