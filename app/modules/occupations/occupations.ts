/**
 * One vocabulary for work on both sides of matching (issue 11, point 1): the national classification
 * of occupations, 2022 edition, and a controlled list of certificates and skills, from data/occupations
 * (see its README: compiled, to be checked against the official edition before statistics rely on it).
 *
 * Pure lookups over data read once per process, at first use, by a `.server` module, so a page may
 * import this file for its types; call the functions from loaders and server code only.
 */
import { isWellFormedCode, levelOf, parentCodesOf, type OccupationLevel } from "./codes.ts";
import { readOccupationFiles, OCCUPATION_DIR } from "./files.server.ts";
import { TITLE_KEYWORDS } from "./keywords.ts";

export { isWellFormedCode, levelOf, parentCodeOf, parentCodesOf, relatedness, type OccupationLevel } from "./codes.ts";
export { OCCUPATION_DIR };

export interface Occupation {
  code: string;
  nameZh: string;
  nameEn: string;
  level: OccupationLevel;
}

export const CREDENTIAL_KINDS = ["licence", "qualification", "skill_level", "special_ability"] as const;
export type CredentialKind = (typeof CREDENTIAL_KINDS)[number];

export interface Credential {
  code: string;
  nameZh: string;
  nameEn: string;
  kind: CredentialKind;
  /** occupations it usually goes with; a hint for forms and reasons, not a legal rule */
  occupations: string[];
}

export interface Skill {
  code: string;
  nameZh: string;
  nameEn: string;
  occupations: string[];
}

interface Vocabulary {
  edition: string;
  entries: Map<string, Occupation>;
  occupations: Occupation[];
  children: Map<string, Occupation[]>;
  credentials: Map<string, Credential>;
  skills: Map<string, Skill>;
  /** words a title may contain → the occupation they mean, with the weight of a match per character */
  terms: { word: string; code: string; weight: number; bonus: number }[];
}

const holder = globalThis as typeof globalThis & { __occupations?: Vocabulary };

/** Trailing words that every name of a kind shares; a title says 修脚 or 保洁 without them. */
const SUFFIXES = ["工程技术人员", "专业人员", "技术人员", "人员", "员", "工", "师", "者"];

function stemOf(name: string): string | null {
  const suffix = SUFFIXES.find((s) => name.endsWith(s));
  const stem = suffix ? name.slice(0, -suffix.length) : null;
  return stem && stem.length >= 2 ? stem : null;
}

function load(dir: string): Vocabulary {
  const files = readOccupationFiles(dir);
  const entries = new Map<string, Occupation>();
  for (const [code, nameZh, nameEn] of [...files.groups, ...files.occupations]) {
    const level = levelOf(code);
    if (!level || entries.has(code)) throw new Error(`${dir}: code ${code} is malformed or listed twice`);
    entries.set(code, { code, nameZh, nameEn, level });
  }
  const occupations = [...entries.values()].filter((e) => e.level === "occupation").sort((a, b) => (a.code < b.code ? -1 : 1));
  const children = new Map<string, Occupation[]>();
  for (const e of [...entries.values()].sort((a, b) => (a.code < b.code ? -1 : 1))) {
    const parent = parentCodesOf(e.code)[0];
    if (parent) children.set(parent, [...(children.get(parent) ?? []), e]);
  }
  const credentials = new Map<string, Credential>();
  for (const [code, nameZh, nameEn, kind, codes] of files.credentials) {
    if (!(CREDENTIAL_KINDS as readonly string[]).includes(kind)) throw new Error(`${dir}: credential ${code} has kind ${kind}`);
    credentials.set(code, { code, nameZh, nameEn, kind: kind as CredentialKind, occupations: codes });
  }
  const skills = new Map<string, Skill>();
  for (const [code, nameZh, nameEn, codes] of files.skills) skills.set(code, { code, nameZh, nameEn, occupations: codes });

  const terms: Vocabulary["terms"] = [];
  for (const o of occupations) {
    terms.push({ word: o.nameZh, code: o.code, weight: 3, bonus: 0 });
    const stem = stemOf(o.nameZh);
    if (stem) terms.push({ word: stem, code: o.code, weight: 2, bonus: 0 });
  }
  for (const k of TITLE_KEYWORDS) terms.push({ word: k.word.toLowerCase(), code: k.code, weight: 3, bonus: k.bonus ?? 0 });
  return { edition: files.edition, entries, occupations, children, credentials, skills, terms };
}

function vocabulary(): Vocabulary {
  holder.__occupations ??= load(OCCUPATION_DIR);
  return holder.__occupations;
}

/** The classification's edition the data follows ("2022"). */
export function edition(): string {
  return vocabulary().edition;
}

/** A listed code of any level: an occupation, or a major, medium or minor group. */
export function occupation(code: string): Occupation | undefined {
  return vocabulary().entries.get(code);
}

/** True for a listed occupation (level 4), the only level a post, a course or a wish carries. */
export function isOccupationCode(code: string): boolean {
  return occupation(code)?.level === "occupation";
}

/** The listed groups above a code, nearest first, up to its major group. */
export function parentsOf(code: string): Occupation[] {
  return parentCodesOf(code).map((c) => occupation(c)).filter((e): e is Occupation => e !== undefined);
}

/** The listed entries right below a group, by code; for pickers that open a group. */
export function childrenOf(code: string): Occupation[] {
  return vocabulary().children.get(code) ?? [];
}

export function majorGroups(): Occupation[] {
  return [...vocabulary().entries.values()].filter((e) => e.level === "major");
}

/** Every listed occupation (level 4), by code. */
export function allOccupations(): Occupation[] {
  return vocabulary().occupations;
}

export function credential(code: string): Credential | undefined {
  return vocabulary().credentials.get(code);
}

export function allCredentials(): Credential[] {
  return [...vocabulary().credentials.values()];
}

export function skill(code: string): Skill | undefined {
  return vocabulary().skills.get(code);
}

export function allSkills(): Skill[] {
  return [...vocabulary().skills.values()];
}

/** Certificates that usually go with an occupation, for a posting form's suggestions. */
export function credentialsFor(occupationCode: string): Credential[] {
  return allCredentials().filter((c) => c.occupations.includes(occupationCode));
}

export function skillsFor(occupationCode: string): Skill[] {
  return allSkills().filter((s) => s.occupations.includes(occupationCode));
}

/**
 * The occupations a job title most likely means, best first: "电子线束装配工" → 6-25-04-07
 * 电子设备装接工. A title scores by the longest name, name stem or keyword (keywords.ts) it contains;
 * a full name or a keyword counts more than a stem. Empty when nothing matches: the poster picks.
 */
export function codeTitle(title: string, limit = 3): string[] {
  const text = title.toLowerCase().replace(/\s+/g, "");
  if (!text) return [];
  const best = new Map<string, number>();
  for (const t of vocabulary().terms) {
    if (!text.includes(t.word)) continue;
    const score = t.word.length * t.weight + t.bonus;
    if (score > (best.get(t.code) ?? 0)) best.set(t.code, score);
  }
  return [...best].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, limit).map(([code]) => code);
}

/**
 * Occupations for a picker's query, in Chinese, English or by code: names that are the query come
 * first, then names that start with it, then names and English names that contain it, then what
 * codeTitle reads in the query ("我想做月嫂" finds 家政服务员).
 */
export function searchOccupations(query: string, limit = 20): Occupation[] {
  const q = query.trim().toLowerCase();
  if (!q) return [];
  const rank = (o: Occupation): number => {
    const zh = o.nameZh.toLowerCase();
    if (zh === q) return 0;
    if (zh.startsWith(q)) return 1;
    if (zh.includes(q)) return 2;
    if (isWellFormedCode(q) && o.code.startsWith(q)) return 3;
    const en = o.nameEn.toLowerCase();
    if (` ${en.replace(/[^a-z0-9]+/g, " ")} `.includes(` ${q} `)) return 4; // a whole word: "nurse" before "nursery"
    if (en.includes(q)) return 5;
    return 9;
  };
  const found = allOccupations()
    .map((o) => ({ o, r: rank(o) }))
    .filter((x) => x.r < 9)
    .sort((a, b) => a.r - b.r || a.o.nameZh.length - b.o.nameZh.length || (a.o.code < b.o.code ? -1 : 1))
    .map((x) => x.o);
  const seen = new Set(found.map((o) => o.code));
  for (const code of codeTitle(q, limit)) {
    const o = occupation(code);
    if (o && !seen.has(code)) found.push(o);
  }
  return found.slice(0, limit);
}
