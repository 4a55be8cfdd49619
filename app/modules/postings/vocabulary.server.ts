import type { FieldErrors } from "../auth/accounts.server.ts";
import { allOccupations, codeTitle, credential, credentialsFor, isOccupationCode, occupation, searchOccupations, skill, skillsFor, type Occupation } from "../occupations/occupations.ts";

/**
 * The posting form's occupation and its required certificates and skills, by the one vocabulary
 * (modules/occupations): what the form offers, and reading back what the employer typed or ticked.
 * The schema checked shapes only; this decides what a name or a code means.
 */

type Lang = string;
const nameIn = (o: { nameZh: string; nameEn: string }, lang: Lang) => (lang === "en" ? o.nameEn : o.nameZh);
const CODE_AT_END = /(\d-\d{2}-\d{2}-\d{2})$/;
const MAX_CANDIDATES = 5;

/** "修脚师 4-10-03-05": one datalist option, the name in the reader's language and the code. */
export const occupationLabel = (o: Occupation, lang: Lang) => `${nameIn(o, lang)} ${o.code}`;

/** Every occupation as the form's datalist offers it, in one language (the page's own). */
export function occupationChoices(lang: Lang): string[] {
  return allOccupations().map((o) => occupationLabel(o, lang));
}

/** What the occupation box starts with when editing: the stored code's name. */
export function occupationName(code: string | null, lang: Lang): string {
  const o = code ? occupation(code) : undefined;
  return o?.level === "occupation" ? nameIn(o, lang) : "";
}

export type OccupationReading = { code: string } | { error: string };

function listed(codes: Occupation[], lang: Lang) {
  const separator = lang === "en" ? "; " : "、";
  return new URLSearchParams({ options: codes.slice(0, MAX_CANDIDATES).map((o) => occupationLabel(o, lang)).join(separator) }).toString();
}

/**
 * What was typed, as a code: an exact name (Chinese or English), a code, or "name code" from the
 * datalist. Nothing typed: the title's one confident reading (codeTitle gives a single occupation).
 * Otherwise a message for the field naming up to five candidates, in the reader's language.
 */
export function readOccupation(typed: string | undefined, title: string, lang: Lang): OccupationReading {
  const text = (typed ?? "").trim().replace(/\s+/g, " ");
  if (!text) {
    const fromTitle = codeTitle(title, MAX_CANDIDATES);
    if (fromTitle.length === 1) return { code: fromTitle[0]! };
    const candidates = fromTitle.map((c) => occupation(c)).filter((o): o is Occupation => o !== undefined);
    return { error: candidates.length ? `postings.errors.occupationFromTitle?${listed(candidates, lang)}` : "postings.errors.occupationRequired" };
  }
  const code = CODE_AT_END.exec(text)?.[1];
  if (code && isOccupationCode(code)) return { code };
  const name = (code ? text.slice(0, -code.length) : text).trim().toLowerCase();
  const exact = allOccupations().find((o) => o.nameZh.toLowerCase() === name || o.nameEn.toLowerCase() === name);
  if (exact) return { code: exact.code };
  const candidates = searchOccupations(name || text, MAX_CANDIDATES);
  return { error: candidates.length ? `postings.errors.occupationPick?${listed(candidates, lang)}` : "postings.errors.occupationUnknown" };
}

/** Certificates many local posts ask for, offered whatever the occupation. */
export const COMMON_CREDENTIALS = ["health_certificate", "driving_c1", "driving_a2", "driving_b2", "special_low_voltage", "special_welding", "forklift", "skill_childcare", "skill_elderly_care"] as const;
/** Skills many posts ask for. */
export const COMMON_SKILLS = ["putonghua", "office_software", "car_driving", "customer_service", "first_aid"] as const;

export interface RequirementChoices {
  credentials: { value: string; label: string }[];
  skills: { value: string; label: string }[];
}

/**
 * The check boxes for required certificates and skills: those that go with the occupation first,
 * then the common ones, then any already ticked (a saved choice never disappears from the form).
 */
export function requirementChoices(code: string | null, lang: Lang, ticked: { credentials?: string[]; skillCodes?: string[] } = {}): RequirementChoices {
  const own = code && isOccupationCode(code) ? code : null;
  const pick = <T extends { code: string; nameZh: string; nameEn: string }>(forOccupation: T[], common: readonly string[], more: string[] | undefined, find: (c: string) => T | undefined) => {
    const seen = new Set<string>();
    const out: { value: string; label: string }[] = [];
    for (const item of [...forOccupation, ...[...common, ...(more ?? [])].map(find)]) {
      if (!item || seen.has(item.code)) continue;
      seen.add(item.code);
      out.push({ value: item.code, label: nameIn(item, lang) });
    }
    return out;
  };
  return {
    credentials: pick(own ? credentialsFor(own) : [], COMMON_CREDENTIALS, ticked.credentials, credential),
    skills: pick(own ? skillsFor(own) : [], COMMON_SKILLS, ticked.skillCodes, skill),
  };
}

/** Every ticked code must be in the vocabulary. */
export function requirementErrors(input: { credentials?: string[]; skillCodes?: string[] }): FieldErrors {
  const errors: FieldErrors = {};
  if ((input.credentials ?? []).some((c) => !credential(c))) errors.credentials = "postings.errors.unknownCredential";
  if ((input.skillCodes ?? []).some((c) => !skill(c))) errors.skillCodes = "postings.errors.unknownSkill";
  return errors;
}

/** "需要：…" on a post's pages: the certificates' and skills' names, certificates first. */
export function requirementNames(credentials: string[], skills: string[], lang: Lang): string[] {
  return [...credentials.map((c) => credential(c)), ...skills.map((s) => skill(s))].filter((x) => x !== undefined).map((x) => nameIn(x, lang));
}
