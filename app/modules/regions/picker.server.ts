import { pinyin } from "pinyin-pro";
import type { RegionPickerOptions, PickerCounty, PickerPlace } from "../../components/region-options.ts";
import { scopePrefix } from "../auth/permissions.ts";
import { getRegions, siteRegion, type RegionInfo } from "./regions.server.ts";

export const isRetired = (r: RegionInfo | undefined) => !!r?.retiredAt;

/**
 * What a typed word is matched against, made here so pinyin-pro (~300 KiB) never reaches the
 * browser: both names, the full pinyin without tones and its initials, lower case, spaces removed
 * ("蒿坪镇 haopingtown haopingzhen hpz"). Kept per code: names change only when a list is loaded.
 */
const keys = new Map<string, string>();
function searchKey(r: RegionInfo): string {
  const cacheKey = `${r.code}|${r.name}|${r.nameEn ?? ""}`;
  let key = keys.get(cacheKey);
  if (key === undefined) {
    const syllables = pinyin(r.name, { toneType: "none", type: "array", nonZh: "removed" });
    key = [r.name, (r.nameEn ?? "").replace(/\s+/g, ""), syllables.join(""), syllables.map((s) => s[0] ?? "").join("")].filter(Boolean).join(" ").toLowerCase();
    keys.set(cacheKey, key);
  }
  return key;
}

export interface PickerRequest {
  lang: string;
  /** The division-code prefix the user may choose inside (staffScope); null or absent: every loaded county. */
  scope?: string | null;
  /** Codes the record already holds: shown (with their county) even when retired or outside the list, so an edit never changes them silently. */
  keep?: readonly (string | null | undefined)[];
}

/**
 * The counties (with their towns) a picker offers, names in the page's language: retired codes
 * hidden unless kept, a town-level scope's county offered only through that town.
 */
export async function regionPickerOptions({ lang, scope = null, keep = [] }: PickerRequest): Promise<RegionPickerOptions> {
  const regions = await getRegions();
  const kept = new Set(keep.filter((c): c is string => !!c));
  const label = (r: RegionInfo) => (lang === "en" && r.nameEn ? r.nameEn : r.name);
  const place = (r: RegionInfo): PickerPlace => ({ code: r.code, name: label(r), key: searchKey(r), ...(isRetired(r) ? { retired: true as const } : {}) });
  // A kept code is offered wherever it is; others when current and inside the scope.
  const offered = (r: RegionInfo) => kept.has(r.code) || (!isRetired(r) && (scope === null || r.code.startsWith(scope) || scope.startsWith(r.code)));
  const townsOf = new Map<string, RegionInfo[]>();
  for (const r of regions.values()) {
    if (r.level !== "town" || !r.parentCode || !offered(r) || (scope !== null && !r.code.startsWith(scope) && !kept.has(r.code))) continue;
    const list = townsOf.get(r.parentCode) ?? [];
    list.push(r);
    townsOf.set(r.parentCode, list);
  }
  // A kept town keeps its county in the list, retired or not.
  for (const code of kept) {
    const town = regions.get(code);
    if (town?.level === "town" && town.parentCode) kept.add(town.parentCode);
  }
  const counties: PickerCounty[] = [...regions.values()]
    .filter((r) => r.level === "county" && offered(r) && (townsOf.has(r.code) || scope === null || r.code.startsWith(scope) || kept.has(r.code)))
    .sort((a, b) => a.code.localeCompare(b.code))
    .map((c) => {
      const city = c.parentCode ? regions.get(c.parentCode) : undefined;
      return {
        ...place(c),
        ...(city ? { group: label(city) } : {}),
        ...(scope !== null && !c.code.startsWith(scope) && !kept.has(c.code) ? { selectable: false as const } : {}),
        towns: (townsOf.get(c.code) ?? []).sort((a, b) => a.code.localeCompare(b.code)).map(place),
      };
    });
  return { counties };
}

/**
 * What the public forms (profile, organization, posting) offer: the site's own area (SITE_REGION),
 * plus whatever the record already holds. Other loaded provinces are there for staff plans; listing
 * their thousands of towns on every form would weigh on the phones the site is made for.
 */
export function sitePickerOptions(lang: string, keep: PickerRequest["keep"] = []): Promise<RegionPickerOptions> {
  return regionPickerOptions({ lang, scope: scopePrefix(siteRegion()), keep });
}
