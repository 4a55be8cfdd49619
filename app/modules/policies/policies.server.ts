import fs from "node:fs";
import path from "node:path";
import type { PrismaClient } from "~/generated/prisma/client.ts";
import { getDb } from "../db.server.ts";
import { getRegions } from "../regions/regions.server.ts";
import type { PolicyRule } from "./eligibility.ts";
import { parsePolicyFile, type PolicyFile } from "./file-schema.ts";

export const POLICY_DIR = path.resolve("prisma", "seed", "policies");

export type Bilingual = { zh: string; en: string };

/** One entry as pages read it (both languages; the page picks). */
export interface Policy {
  code: string;
  regionCode: string;
  name: Bilingual;
  who: Bilingual;
  what: Bilingual;
  how: Bilingual;
  where: Bilingual;
  source: Bilingual;
  rule: PolicyRule;
  kinds: string[];
}

/** Reads a policy file; a malformed one fails naming the file and the field. */
export function readPolicyFile(file: string): PolicyFile {
  let json: unknown;
  try {
    json = JSON.parse(fs.readFileSync(file, "utf8"));
  } catch (error) {
    throw new Error(`${path.basename(file)}: not valid JSON (${error instanceof Error ? error.message : String(error)})`);
  }
  return parsePolicyFile(path.basename(file), json);
}

export function policyFiles(dir = POLICY_DIR): string[] {
  return fs.readdirSync(dir).filter((n) => n.endsWith(".json")).sort().map((n) => path.join(dir, n));
}

/**
 * Loads (or reloads) one region's list. Codes are the keys: loading the same file twice changes
 * nothing, an edited entry changes in place, and an entry taken out of the file is removed.
 */
export async function loadPolicyFile(db: PrismaClient, input: unknown, name = "policy file"): Promise<{ regionCode: string; policies: number }> {
  const file = parsePolicyFile(name, input);
  await db.$transaction(async (tx) => {
    for (const [sortOrder, p] of file.policies.entries()) {
      const data = {
        setCode: file.code,
        sortOrder,
        nameZh: p.name.zh,
        nameEn: p.name.en,
        texts: JSON.stringify({ who: p.who, what: p.what, how: p.how, where: p.where, source: p.source }),
        rule: JSON.stringify(p.rule),
        kinds: `,${p.kinds.join(",")}${p.kinds.length ? "," : ""}`,
      };
      await tx.policy.upsert({ where: { regionCode_code: { regionCode: file.regionCode, code: p.code } }, create: { regionCode: file.regionCode, code: p.code, ...data }, update: data });
    }
    await tx.policy.deleteMany({ where: { OR: [{ setCode: file.code }, { regionCode: file.regionCode }], code: { notIn: file.policies.map((p) => p.code) } } });
  });
  forgetPolicies();
  return { regionCode: file.regionCode, policies: file.policies.length };
}

// Reference data: read once per process, dropped by whatever loads a file (as regions are).
const holder = globalThis as typeof globalThis & { __policies?: Promise<Map<string, Policy[]>> };

function allPolicies(): Promise<Map<string, Policy[]>> {
  holder.__policies ??= (async () => {
    const rows = await getDb().policy.findMany({ orderBy: [{ regionCode: "asc" }, { sortOrder: "asc" }] });
    const byRegion = new Map<string, Policy[]>();
    for (const row of rows) {
      const texts = JSON.parse(row.texts) as Pick<Policy, "who" | "what" | "how" | "where" | "source">;
      const list = byRegion.get(row.regionCode) ?? [];
      list.push({ code: row.code, regionCode: row.regionCode, name: { zh: row.nameZh, en: row.nameEn }, ...texts, rule: JSON.parse(row.rule) as PolicyRule, kinds: row.kinds.split(",").filter(Boolean) });
      byRegion.set(row.regionCode, list);
    }
    return byRegion;
  })().catch((error: unknown) => {
    holder.__policies = undefined;
    throw error;
  });
  return holder.__policies;
}

export function forgetPolicies() {
  holder.__policies = undefined;
}

/**
 * The list that covers a place: its own region's, else the nearest one above it (a town or county
 * reads its city's, a city its province's). `region`: the code of the list found, null if none.
 */
export async function policiesFor(code: string): Promise<{ region: string | null; policies: Policy[] }> {
  const [all, regions] = await Promise.all([allPolicies(), getRegions()]);
  let current: string | null | undefined = code;
  for (let hops = 0; current && hops < 6; hops++) {
    const list = all.get(current);
    if (list) return { region: current, policies: list };
    current = regions.get(current)?.parentCode ?? (current.length > 6 ? current.slice(0, 6) : null);
  }
  return { region: null, policies: [] };
}

/** The regions that have a list, for the page's "another region" links. */
export async function regionsWithPolicies(): Promise<string[]> {
  return [...(await allPolicies()).keys()];
}

export function pick(text: Bilingual, lang: string): string {
  return lang === "en" ? text.en : text.zh;
}
