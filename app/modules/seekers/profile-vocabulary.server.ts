import path from "node:path";
import fs from "node:fs";
import { allCredentials, allOccupations, allSkills, credential, credentialsFor, isWellFormedCode, occupation, searchOccupations, skill, skillsFor } from "../occupations/occupations.ts";
import { englishRegionName } from "../regions/english.ts";
import { readRows } from "../regions/national-list.ts";

// From the working directory, as data/occupations is read: national-list.ts's REGION_DIR follows its
// own file, which the server build moves.
const REGION_DIR = path.resolve("data", "regions");
import { COMMON_CREDENTIALS, COMMON_SKILLS } from "./profile-options.ts";

/**
 * What the profile's typed answers mean: a wanted occupation, a certificate or skill typed by name,
 * and the city a person works in away from home. The page offers each as a list to pick from
 * (a <datalist>, so it works without JavaScript), in its own language; the server accepts a name in
 * either language or a code, and answers an unknown or ambiguous one with up to five suggestions.
 */

export type Resolved = { ok: true; code: string } | { ok: false; suggestions: string[] };

const SUGGESTIONS = 5;
const nameIn = (lang: string, entry: { nameZh: string; nameEn: string }) => (lang === "en" ? entry.nameEn : entry.nameZh);

/** Case, spaces, full-width brackets and commas aside, so "机动车驾驶证C1(小型汽车)" is the list's name. */
export function normalize(text: string): string {
  return text
    .normalize("NFKC")
    .toLowerCase()
    .replace(/[\s,，、·]+/g, "");
}

/**
 * A wanted occupation from what was typed: a code ("4-10-01-03"), a name in Chinese or English, or
 * "name code" as a list may show it. A query that names one occupation only ("修脚") is that one.
 */
export function resolveOccupation(typed: string, lang: string): Resolved {
  const text = typed.trim();
  const code = /(?:^|\s)([1-8]-\d{2}-\d{2}-\d{2})$/.exec(text)?.[1];
  if (code && isWellFormedCode(code) && occupation(code)?.level === "occupation") return { ok: true, code };
  const q = normalize(text);
  const exact = allOccupations().find((o) => normalize(o.nameZh) === q || normalize(o.nameEn) === q);
  if (exact) return { ok: true, code: exact.code };
  const found = searchOccupations(text, SUGGESTIONS + 1);
  if (found.length === 1) return { ok: true, code: found[0]!.code };
  return { ok: false, suggestions: found.slice(0, SUGGESTIONS).map((o) => nameIn(lang, o)) };
}

type Named = { code: string; nameZh: string; nameEn: string };

/** "A2", "C1 驾照", "B2驾驶证": the driving licence of that class. */
function drivingClass(q: string): string | null {
  const m = /^([abcde][123]?)(?:驾照|驾驶证|驾驶执照|drivinglicen[cs]e|licen[cs]e)?$/.exec(q) ?? /^(?:驾照|驾驶证|drivinglicen[cs]e)([abcde][123]?)$/.exec(q);
  return m ? `driving_${m[1]}` : null;
}

/** One entry of a controlled list from its code or name; a part of one name only ("健康证", "叉车") is that one. */
function resolveNamed(list: Named[], typed: string, lang: string, find: (code: string) => Named | undefined): Resolved {
  const q = normalize(typed);
  const direct = find(typed.trim()) ?? find(drivingClass(q) ?? "");
  if (direct) return { ok: true, code: direct.code };
  const exact = list.find((e) => normalize(e.nameZh) === q || normalize(e.nameEn) === q);
  if (exact) return { ok: true, code: exact.code };
  const containing = (part: string) => (part.length >= 2 ? list.filter((e) => normalize(e.nameZh).includes(part) || normalize(e.nameEn).includes(part)) : []);
  // "健康证" is in one name as typed; "电工证" and "焊工证书" are what people say, the list names the certificate in full.
  const asTyped = containing(q);
  const found = asTyped.length ? asTyped : containing(q.replace(/(证书|证)$/, ""));
  if (found.length === 1) return { ok: true, code: found[0]!.code };
  return { ok: false, suggestions: found.slice(0, SUGGESTIONS).map((e) => nameIn(lang, e)) };
}

export const resolveCredential = (typed: string, lang: string) => resolveNamed(allCredentials(), typed, lang, credential);
export const resolveSkill = (typed: string, lang: string) => resolveNamed(allSkills(), typed, lang, skill);

/** "健康证、叉车证, C1": a text box may hold several names. */
export const splitNames = (text: string | undefined) => (text ?? "").split(/[,，、;；/\n]+/).map((s) => s.trim()).filter(Boolean);

export interface AwayCity {
  code: string;
  labelZh: string;
  labelEn: string;
  /** normalized names that find it: "广东省广州市", "广州市", "广州", and their English */
  keys: string[];
}

const holder = globalThis as typeof globalThis & { __awayCities?: AwayCity[] };

// Headings in the list that are not cities: a municipality's districts (北京市 市辖区) stand for the
// municipality; counties under the province (济源市 419001) are cities of their own here.
const UNDER_PROVINCE = /直辖县级行政区划$/;

/** Every city of the national list (342, and the county-level cities that answer to a province), read once. */
export function awayCities(dir = REGION_DIR): AwayCity[] {
  if (holder.__awayCities && dir === REGION_DIR) return holder.__awayCities;
  const cities: AwayCity[] = [];
  for (const file of fs.readdirSync(dir).filter((f) => /^\d{2}\.csv$/.test(f)).sort()) {
    const rows = readRows(path.join(dir, file), (code) => code.length === 6);
    const province = rows.find((r) => r.level === "province");
    if (!province) continue;
    const headings = new Set(rows.filter((r) => r.level === "city" && UNDER_PROVINCE.test(r.name)).map((r) => r.code));
    for (const r of rows) {
      const city = r.level === "city" && !UNDER_PROVINCE.test(r.name) && r.name !== "县";
      const underProvince = r.level === "county" && r.parentCode !== null && headings.has(r.parentCode);
      if (!city && !underProvince) continue;
      const municipality = r.name === "市辖区";
      const nameZh = municipality ? province.name : r.name;
      const nameEn = municipality ? province.nameEn : englishRegionName(r.name, "city");
      const labelZh = municipality ? province.name : `${province.name} ${r.name}`;
      const labelEn = municipality ? province.nameEn : `${nameEn}, ${province.nameEn}`;
      const stem = nameZh.replace(/(市|地区|自治州|盟)$/, "");
      const stemEn = nameEn.replace(/ (City|Municipality|Prefecture|Autonomous Prefecture|League)$/, "");
      cities.push({ code: r.code, labelZh, labelEn, keys: [...new Set([labelZh, nameZh, stem, labelEn, nameEn, stemEn].map(normalize))] });
    }
  }
  if (dir === REGION_DIR) holder.__awayCities = cities;
  return cities;
}

/** The city a person works in now, from "广东省 广州市", "广州", "Guangzhou" or its code. */
export function resolveAwayCity(typed: string, lang: string): Resolved {
  const q = normalize(typed);
  const cities = awayCities();
  const byCode = /^\d{6}$/.test(q) ? cities.find((c) => c.code === q) : undefined;
  if (byCode) return { ok: true, code: byCode.code };
  const exact = cities.filter((c) => c.keys.includes(q));
  if (exact.length === 1) return { ok: true, code: exact[0]!.code };
  const found = exact.length ? exact : q.length >= 2 ? cities.filter((c) => c.keys.some((k) => k.includes(q))) : [];
  if (found.length === 1) return { ok: true, code: found[0]!.code };
  return { ok: false, suggestions: found.slice(0, SUGGESTIONS).map((c) => (lang === "en" ? c.labelEn : c.labelZh)) };
}

export function awayCityLabel(code: string | null, lang: string): string {
  if (!code) return "";
  const city = awayCities().find((c) => c.code === code);
  return city ? (lang === "en" ? city.labelEn : city.labelZh) : code;
}

export const occupationName = (code: string, lang: string) => {
  const o = occupation(code);
  return o ? nameIn(lang, o) : code;
};

/**
 * What the page lists, in its language: the occupations and cities to pick from, the certificates
 * and skills as boxes (the common ones, those of the wanted occupations, those held) and as names
 * to type. Names only for the lists: the server resolves them.
 */
export function profileVocabulary(lang: string, held: { occupations: string[]; credentials: string[]; skills: string[] }) {
  const boxes = <T extends Named>(common: readonly string[], forOccupation: (code: string) => T[], mine: string[], find: (code: string) => T | undefined) =>
    [...new Set([...common, ...held.occupations.flatMap((o) => forOccupation(o).map((e) => e.code)), ...mine])]
      .map((code) => find(code))
      .filter((e): e is T => e !== undefined)
      .map((e) => ({ value: e.code, label: nameIn(lang, e) }));
  // Lists to pick from travel as one text each, a name a line: they fill four <datalist>s and are the page's largest data.
  const lines = (names: string[]) => names.join("\n");
  return {
    occupationNames: lines(allOccupations().map((o) => nameIn(lang, o))),
    credentialOptions: boxes(COMMON_CREDENTIALS, credentialsFor, held.credentials, credential),
    skillOptions: boxes(COMMON_SKILLS, skillsFor, held.skills, skill),
    credentialNames: lines(allCredentials().map((c) => nameIn(lang, c))),
    skillNames: lines(allSkills().map((s) => nameIn(lang, s))),
    cityNames: lines(awayCities().map((c) => (lang === "en" ? c.labelEn : c.labelZh))),
  };
}

/** An answer's message: the key, with what was typed and the suggestions as its parameters. */
function message(kind: "occupation" | "credential" | "skill" | "city", typed: string, suggestions: string[], lang: string): string {
  const params = new URLSearchParams({ typed, suggestions: suggestions.join(lang === "en" ? "; " : "、") });
  return `seekers.errors.${kind}${suggestions.length ? "Suggest" : "Unknown"}?${params}`;
}

/**
 * The typed answers of one form, resolved to codes: wanted occupations (by box, in order, no
 * duplicates), the certificates and skills ticked plus those typed, and the city away. Codes ticked
 * must be listed; a message per field for the rest.
 */
export function resolveProfileWords(
  input: { wishOccupations: string[]; credentials: string[]; credentialOther?: string; skillCodes: string[]; skillOther?: string; awayCity?: string },
  lang: string,
) {
  const errors: Record<string, string> = {};
  const occupations: string[] = [];
  input.wishOccupations.forEach((typed, i) => {
    if (!typed.trim()) return;
    const r = resolveOccupation(typed, lang);
    if (r.ok) occupations.push(r.code);
    else errors[`wishOccupations[${i}]`] = message("occupation", typed.trim(), r.suggestions, lang);
  });
  const typedCodes = (field: "credentialOther" | "skillOther", kind: "credential" | "skill", resolve: (t: string, l: string) => Resolved) => {
    const found: string[] = [];
    for (const typed of splitNames(input[field])) {
      const r = resolve(typed, lang);
      if (r.ok) found.push(r.code);
      else if (!errors[field]) errors[field] = message(kind, typed, r.suggestions, lang);
    }
    return found;
  };
  if (!input.credentials.every((c) => credential(c))) errors.credentials = "forms.invalid";
  if (!input.skillCodes.every((c) => skill(c))) errors.skillCodes = "forms.invalid";
  const credentials = [...new Set([...input.credentials, ...typedCodes("credentialOther", "credential", resolveCredential)])];
  const skills = [...new Set([...input.skillCodes, ...typedCodes("skillOther", "skill", resolveSkill)])];
  let awayCityCode: string | null = null;
  if (input.awayCity?.trim()) {
    const r = resolveAwayCity(input.awayCity, lang);
    if (r.ok) awayCityCode = r.code;
    else errors.awayCity = message("city", input.awayCity.trim(), r.suggestions, lang);
  }
  return { errors, occupations: [...new Set(occupations)], credentials, skills, awayCityCode };
}
