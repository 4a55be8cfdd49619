import { createI18n } from "~/i18n/i18n.server.ts";
import type { Language } from "~/i18n/i18n.ts";
import { tCode } from "~/i18n/translate.ts";
import { credential, occupation, skill } from "../occupations/occupations.ts";
import { regionName, type CodeName, type RegionInfo } from "../regions/regions.server.ts";
import type { Reason } from "./types.ts";

/** A reason as a page shows it: a message key under matching.reasons and its words, in the reader's language. */
export interface ReasonView {
  key: string;
  params: Record<string, string | number>;
}

export interface NameBook {
  regions: Map<string, RegionInfo>;
  brands: CodeName[];
  lang: string;
}

export function namer({ regions, brands, lang }: NameBook) {
  const en = lang === "en";
  const brandNames = new Map(brands.map((b) => [b.code, en ? b.nameEn : b.nameZh]));
  const pick = (entry: { nameZh: string; nameEn: string } | undefined, code: string) => (entry ? (en ? entry.nameEn : entry.nameZh) : code);
  const names = {
    occupation: (code: string) => pick(occupation(code), code),
    credential: (code: string) => pick(credential(code) ?? skill(code), code),
    skill: (code: string) => pick(skill(code) ?? credential(code), code),
    county: (code: string) => regionName(regions, code, lang),
    brand: (code: string) => brandNames.get(code) ?? code,
  };
  const separator = en ? ", " : "、";
  const view = (reason: Reason): ReasonView => {
    switch (reason.key) {
      case "occupation":
        return { key: `occupation_${reason.level}`, params: { occupation: names.occupation(reason.occupation) } };
      case "near":
        return { key: reason.km < 1 ? "nearHome" : "near", params: { county: names.county(reason.county), km: reason.km } };
      case "inCounty":
        return { key: "inCounty", params: { county: names.county(reason.county) } };
      case "credentialHave":
        return { key: "credentialHave", params: { credential: names.credential(reason.credential) } };
      case "skillHave":
        return { key: "skillHave", params: { skill: names.skill(reason.skill) } };
      case "missing":
        return { key: "missing", params: { list: [...reason.credentials.map(names.credential), ...reason.skills.map(names.skill)].join(separator) } };
      case "brandTrained":
        return { key: "brandTrained", params: { brand: names.brand(reason.brand) } };
      case "internshipFor":
        return { key: "internshipFor", params: { year: reason.year } };
      case "payMeets":
      case "payBelow":
        return { key: reason.key, params: { floor: reason.floor } };
      case "fresh":
        return { key: reason.days === 0 ? "freshToday" : "fresh", params: { days: reason.days } };
      case "openings":
        return { key: "openings", params: { openings: reason.openings, applications: reason.applications } };
      case "groupFor":
        return { key: "groupFor", params: { group: reason.group } };
      case "courseLeadsTo":
        return { key: "courseLeadsTo", params: { credential: names.credential(reason.credential) } };
      case "widened":
        return { key: "widened", params: { from: names.occupation(reason.from), to: names.occupation(reason.to) } };
      default:
        return { key: reason.key, params: {} };
    }
  };
  return { ...names, view };
}

/** A reason in words on the server, for pages that show a few without loading the matching strings. */
export function reasonWords(lang: Language) {
  const t = createI18n(lang).t;
  return (r: ReasonView) => tCode(t, "matching.reasons", r.key, r.key === "groupFor" ? { group: tCode(t, "groups", String(r.params.group)) } : r.params);
}
