import { getEnv } from "../../env.server.ts";
import { scopePrefix } from "../auth/permissions.ts";
import { getDb } from "../db.server.ts";

/**
 * The region this site serves (SITE_REGION, a city by default 安康 610900): what the public pages
 * list, and where pages start for an admin, whose scope is everywhere. Other loaded regions (the
 * plans of Shangluo and Henan) are there for their own staff.
 */
export function siteRegion(): string {
  return getEnv().SITE_REGION;
}

export interface RegionInfo {
  code: string;
  name: string;
  nameEn: string | null;
  level: string;
  parentCode: string | null;
  /** Set when the national list dropped the code: records keep it and show its name, pickers leave it out. */
  retiredAt: Date | null;
  /** The code that took over a retired one, when there is one. */
  replacedBy: string | null;
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

// The site's counties, once per loaded region map: the public pages ask on every request.
const siteCountyList = new WeakMap<Map<string, RegionInfo>, RegionInfo[]>();

/** The counties of the region the site serves that the national list still carries, by code. */
export function siteCounties(regions: Map<string, RegionInfo>): RegionInfo[] {
  let list = siteCountyList.get(regions);
  if (!list) {
    const site = scopePrefix(siteRegion());
    list = [...regions.values()].filter((r) => r.level === "county" && !r.retiredAt && r.code.startsWith(site)).sort((a, b) => a.code.localeCompare(b.code));
    siteCountyList.set(regions, list);
  }
  return list;
}

// Built once per loaded region map (so once per process until a load calls forgetReferenceData).
const childIndex = new WeakMap<Map<string, RegionInfo>, Map<string, RegionInfo[]>>();

function childrenIndex(regions: Map<string, RegionInfo>): Map<string, RegionInfo[]> {
  let index = childIndex.get(regions);
  if (!index) {
    index = new Map();
    for (const region of regions.values()) {
      if (!region.parentCode) continue;
      const list = index.get(region.parentCode) ?? [];
      list.push(region);
      index.set(region.parentCode, list);
    }
    for (const list of index.values()) list.sort((a, b) => a.code.localeCompare(b.code));
    childIndex.set(regions, index);
  }
  return index;
}

/** The regions right under `code`, by code; retired ones only when asked (records and sums still name them). */
export function childrenOf(regions: Map<string, RegionInfo>, code: string, options: { includeRetired?: boolean } = {}): RegionInfo[] {
  const all = childrenIndex(regions).get(code) ?? [];
  return options.includeRetired ? all : all.filter((r) => !r.retiredAt);
}

/** What a picker offers under a region: its children the national list still carries, by code. */
export async function activeChildren(code: string): Promise<RegionInfo[]> {
  return childrenOf(await getRegions(), code);
}

/** A retired code's successor chain followed to the code in use today (610928 → 610981); a live code is itself. */
export function currentCode(regions: Map<string, RegionInfo>, code: string): string {
  let current = code;
  for (let hops = 0; hops < 5; hops++) {
    const region = regions.get(current);
    if (!region?.retiredAt || !region.replacedBy) break;
    current = region.replacedBy;
  }
  return current;
}
