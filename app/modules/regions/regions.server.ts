import { getDb } from "../db.server.ts";

export interface RegionInfo {
  code: string;
  name: string;
  nameEn: string | null;
  level: string;
  parentCode: string | null;
}

let cache: { byCode: Map<string, RegionInfo>; loadedAt: number } | undefined;

/** Regions change only with a new division list, so they are read once a minute at most. */
export async function getRegions(): Promise<Map<string, RegionInfo>> {
  if (cache && Date.now() - cache.loadedAt < 60_000) return cache.byCode;
  const rows = await getDb().region.findMany({ where: { level: { in: ["province", "city", "county", "town"] } } });
  cache = { byCode: new Map(rows.map((r) => [r.code, r])), loadedAt: Date.now() };
  return cache.byCode;
}

export function regionName(regions: Map<string, RegionInfo>, code: string | null | undefined, lang: string): string {
  if (!code) return "";
  const region = regions.get(code);
  if (!region) return code;
  return lang === "en" && region.nameEn ? region.nameEn : region.name;
}

export async function countiesOf(regions: Map<string, RegionInfo>) {
  return [...regions.values()].filter((r) => r.level === "county").sort((a, b) => a.code.localeCompare(b.code));
}
