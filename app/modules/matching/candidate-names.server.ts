/**
 * Codes named for the candidate and invitation pages, in the reader's language: occupations,
 * certificates, skills, places, brands, and a reason as a message key with its words (the pages
 * read them under candidates.reasons.* for the employer, invitations.reasons.* for the seeker).
 */
import { regionName, type CodeName, type RegionInfo } from "../regions/regions.server.ts";
import { namer } from "./reason-names.server.ts";
import type { Reason } from "./types.ts";

export interface ReasonWords {
  key: string;
  params: Record<string, string | number>;
}

/** "紫阳县 · 蒿坪镇": the county and, when the code is a town, the town. */
export function placeOfHome(regions: Map<string, RegionInfo>, code: string | null, lang: string): string {
  if (!code) return "";
  const county = code.slice(0, 6);
  return [regionName(regions, county, lang), code.length > 6 ? regionName(regions, code, lang) : ""].filter(Boolean).join(" · ");
}

/** The candidate and invitation pages' keys where they differ from the recommendations' (reason-names.server.ts). */
const KEYS: Record<string, string> = { occupation_same: "occupationSame", occupation_related: "occupationRelated", nearHome: "near" };

/** The recommendations' namer (one place names codes and reasons), with these pages' keys and whole kilometres. */
export function candidateNames(regions: Map<string, RegionInfo>, lang: string, brands: CodeName[] = []) {
  const names = namer({ regions, brands, lang });
  const reason = (r: Reason): ReasonWords => {
    const view = names.view(r);
    return { key: KEYS[view.key] ?? view.key, params: r.key === "near" ? { ...view.params, km: Math.round(r.km) } : view.params };
  };
  return { ...names, reason };
}
