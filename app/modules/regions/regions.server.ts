import { getDb } from "../db.server.ts";

export interface RegionInfo {
  code: string;
  name: string;
  nameEn: string | null;
  level: string;
  parentCode: string | null;
}

export interface CodeName {
  code: string;
  nameZh: string;
  nameEn: string;
}

/**
 * Reference data — regions, industries, labour brands — changes only when a division list or a
 * catalogue is loaded (the seed, an import command), never through a request: it is read once per
 * process and kept, and whatever loads new data calls forgetReferenceData().
 */
interface ReferenceData {
  regions: Map<string, RegionInfo>;
  industries: CodeName[];
  brands: CodeName[];
}
const holder = globalThis as typeof globalThis & { __referenceData?: Promise<ReferenceData> };

function referenceData(): Promise<ReferenceData> {
  holder.__referenceData ??= (async () => {
    const db = getDb();
    const [regions, industries, brands] = await Promise.all([
      db.region.findMany({ where: { level: { in: ["province", "city", "county", "town"] } } }),
      db.industry.findMany({ orderBy: { code: "asc" } }),
      db.labourBrand.findMany({ orderBy: { code: "asc" }, select: { code: true, nameZh: true, nameEn: true } }),
    ]);
    return { regions: new Map(regions.map((r) => [r.code, r])), industries, brands };
  })().catch((error: unknown) => {
    holder.__referenceData = undefined; // a failed read is tried again next time
    throw error;
  });
  return holder.__referenceData;
}

/** After loading regions, industries or brands: the next read goes to the database. */
export function forgetReferenceData() {
  holder.__referenceData = undefined;
}

export async function getRegions(): Promise<Map<string, RegionInfo>> {
  return (await referenceData()).regions;
}

export async function getIndustries(): Promise<CodeName[]> {
  return (await referenceData()).industries;
}

export async function getBrands(): Promise<CodeName[]> {
  return (await referenceData()).brands;
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
