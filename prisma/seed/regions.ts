/**
 * The demo's places. Every code and name comes from the national list shipped in data/regions (the
 * seed loads it through the same loader as `npm run regions:load`): Ankang (6109) with its real
 * town codes, and Shangluo (6110) and Henan (41), whose plans the indicators load. What is the
 * demo's own here is only how Ankang's postings spread over its counties.
 */
import type { PrismaClient } from "../../app/generated/prisma/client.ts";
import { loadRegions } from "../../app/modules/regions/load.server.ts";
import { listedRegions } from "../../app/modules/regions/national-list.ts";

/** Division-code prefixes the demo loads: Ankang, Shangluo, Henan. */
export const DEMO_REGION_PREFIXES = ["6109", "6110", "41"] as const;

export const CITY = { code: "610900", name: "安康市", nameEn: "Ankang City" } as const;
export const PROVINCE = { code: "610000", name: "陕西省", nameEn: "Shaanxi Province" } as const;

/** Rough share of the city's jobs per county, for a realistic spread of demo postings. */
const WEIGHTS: Record<string, number> = {
  "610902": 30, "610921": 9, "610922": 6, "610923": 3, "610924": 10, "610925": 5, "610926": 7, "610927": 2, "610929": 6, "610981": 12,
};

interface CountySeed {
  code: string;
  name: string;
  nameEn: string;
  weight: number;
}

export interface TownSeed {
  code: string;
  name: string;
  countyCode: string;
}

const ANKANG = listedRegions("6109");

export const COUNTIES: CountySeed[] = ANKANG.filter((r) => r.level === "county").map((r) => {
  const weight = WEIGHTS[r.code];
  if (weight === undefined) throw new Error(`demo weights lack county ${r.code} ${r.name} of the national list`);
  return { code: r.code, name: r.name, nameEn: r.nameEn, weight };
});

/** Ankang's towns by code; a county's first is its seat (街道 and 城关镇 take the lowest numbers). */
export const ALL_TOWNS: TownSeed[] = ANKANG.filter((r) => r.level === "town").map((r) => ({ code: r.code, name: r.name, countyCode: r.parentCode! }));

export function townsOf(county: Pick<CountySeed, "code">): TownSeed[] {
  return ALL_TOWNS.filter((t) => t.countyCode === county.code);
}

/** "汉滨区" → "汉滨": how people name a county in titles and company names. */
export function shortCountyName(name: string): string {
  return name.replace(/(区|县|市)$/, "");
}

export async function seedRegions(db: PrismaClient) {
  for (const prefix of DEMO_REGION_PREFIXES) await loadRegions(db, prefix);
}
