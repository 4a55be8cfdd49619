/**
 * Codes named for the candidate and invitation pages, in the reader's language: occupations,
 * certificates, skills, places, brands, and a reason as a message key with its words (the pages
 * read them under candidates.reasons.* for the employer, invitations.reasons.* for the seeker).
 */
import { credential, occupation, skill } from "../occupations/occupations.ts";
import { regionName, type CodeName, type RegionInfo } from "../regions/regions.server.ts";
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

export function candidateNames(regions: Map<string, RegionInfo>, lang: string, brands: CodeName[] = []) {
  const en = lang === "en";
  const pick = (entry: { nameZh: string; nameEn: string } | undefined, code: string) => (entry ? (en ? entry.nameEn : entry.nameZh) : code);
  const brandNames = new Map(brands.map((b) => [b.code, en ? b.nameEn : b.nameZh]));
  const separator = en ? ", " : "、";
  const names = {
    occupation: (code: string) => pick(occupation(code), code),
    credential: (code: string) => pick(credential(code) ?? skill(code), code),
    skill: (code: string) => pick(skill(code) ?? credential(code), code),
    county: (code: string) => regionName(regions, code, lang),
  };
  const reason = (r: Reason): ReasonWords => {
    switch (r.key) {
      case "occupation":
        return { key: r.level === "same" ? "occupationSame" : "occupationRelated", params: { occupation: names.occupation(r.occupation) } };
      case "near":
        return { key: "near", params: { county: names.county(r.county), km: Math.round(r.km) } };
      case "inCounty":
        return { key: "inCounty", params: { county: names.county(r.county) } };
      case "credentialHave":
        return { key: "credentialHave", params: { credential: names.credential(r.credential) } };
      case "skillHave":
        return { key: "skillHave", params: { skill: names.skill(r.skill) } };
      case "missing":
        return { key: "missing", params: { list: [...r.credentials.map(names.credential), ...r.skills.map(names.skill)].join(separator) } };
      case "brandTrained":
        return { key: "brandTrained", params: { brand: brandNames.get(r.brand) ?? r.brand } };
      case "internshipFor":
        return { key: "internshipFor", params: { year: r.year } };
      case "payMeets":
      case "payBelow":
        return { key: r.key, params: { floor: r.floor } };
      case "groupFor":
        return { key: "groupFor", params: { group: r.group } };
      default:
        return { key: r.key, params: {} };
    }
  };
  return { ...names, reason };
}
