import { z } from "zod";
import { getDb } from "../db.server.ts";
import { siteRegion } from "../regions/regions.server.ts";
import { GROUP_FACTS, SITUATION_FACTS, evaluatePolicies, mightSuit, type Eligibility, type PolicyFact, type PolicyFacts } from "./eligibility.ts";
import { pick, policiesFor, type Policy } from "./policies.server.ts";

export type Answer = "yes" | "no" | "";
export interface CheckAnswers {
  groups: PolicyFact[];
  situations: Partial<Record<PolicyFact, Answer>>;
}
export type CheckErrors = Partial<Record<PolicyFact | "groups", string>>;

const answer = z.enum(["yes", "no", ""], { errorMap: () => ({ message: "policies.errors.yesNo" }) });

const checkSchema = z.object({
  groups: z.array(z.string()).refine((list) => list.every((g) => (GROUP_FACTS as readonly string[]).includes(g)), "policies.errors.groupUnknown"),
  ...Object.fromEntries(SITUATION_FACTS.map((f) => [f, answer.optional()])),
});

/**
 * The check form's answers (a GET query or a POST body). Every field is kept as typed, so a bad one
 * goes back to its place with a message; the facts are built only from valid answers.
 */
export function parseCheck(form: URLSearchParams | FormData): { answers: CheckAnswers; errors: CheckErrors; facts: PolicyFacts } {
  const raw: Record<string, unknown> = { groups: form.getAll("groups").map(String) };
  for (const f of SITUATION_FACTS) {
    const v = form.get(f);
    if (v !== null) raw[f] = String(v);
  }
  const answers: CheckAnswers = {
    groups: (raw.groups as string[]).filter((g): g is PolicyFact => (GROUP_FACTS as readonly string[]).includes(g)),
    situations: Object.fromEntries(SITUATION_FACTS.map((f) => [f, typeof raw[f] === "string" && ["yes", "no"].includes(raw[f] as string) ? raw[f] : ""])),
  };
  const errors: CheckErrors = {};
  const parsed = checkSchema.safeParse(raw);
  if (!parsed.success) for (const issue of parsed.error.issues) errors[issue.path[0] as PolicyFact | "groups"] ??= issue.message;
  return { answers, errors, facts: factsFromAnswers(answers) };
}

export function factsFromAnswers(answers: CheckAnswers): PolicyFacts {
  const facts: PolicyFacts = {};
  for (const g of answers.groups) facts[g] = true;
  for (const [f, a] of Object.entries(answers.situations)) if (a) facts[f as PolicyFact] = a === "yes";
  return facts;
}

/** What a profile says, as facts: only declared groups and situations, never the ID-derived columns. */
export interface ProfileFactsInput {
  groups: string;
  wishKinds: string;
  awayCityCode: string | null;
}
export const PROFILE_FACTS_SELECT = { groups: true, wishKinds: true, awayCityCode: true } as const;

export function factsFromProfile(profile: ProfileFactsInput, home = siteRegion()): PolicyFacts {
  const facts: PolicyFacts = {};
  for (const g of profile.groups.split(",")) if ((GROUP_FACTS as readonly string[]).includes(g)) facts[g as PolicyFact] = true;
  // A city away in another province than the one the site serves: working across provinces.
  if (profile.awayCityCode) facts.works_other_province = profile.awayCityCode.slice(0, 2) !== home.slice(0, 2);
  const wishes = profile.wishKinds.split(",");
  if (wishes.includes("base")) facts.starting_business = true;
  if (wishes.includes("course")) facts.in_training = true;
  return facts;
}

/** The form's starting answers for a signed-in seeker: what the profile says; nothing for a visitor. */
export async function prefillFor(userId: number | null): Promise<CheckAnswers> {
  const empty: CheckAnswers = { groups: [], situations: {} };
  if (!userId) return empty;
  const profile = await getDb().seekerProfile.findUnique({ where: { userId }, select: PROFILE_FACTS_SELECT });
  if (!profile) return empty;
  const facts = factsFromProfile(profile);
  return {
    groups: GROUP_FACTS.filter((g) => facts[g]),
    situations: Object.fromEntries(SITUATION_FACTS.filter((f) => facts[f] !== undefined).map((f) => [f, facts[f] ? "yes" : "no"])),
  };
}

export interface CheckedPolicy {
  policy: Policy;
  result: Eligibility;
}

export async function runCheck(regionCode: string, facts: PolicyFacts): Promise<{ region: string | null; results: CheckedPolicy[] }> {
  const { region, policies } = await policiesFor(regionCode);
  const byCode = new Map(policies.map((p) => [p.code, p]));
  return { region, results: evaluatePolicies(policies, facts).map((result) => ({ policy: byCode.get(result.code)!, result })) };
}

/** The "您可能符合" line for a person's profile: entries their known facts meet so far. */
export async function policyHints(profile: ProfileFactsInput, regionCode: string, lang: string): Promise<PolicyLink[]> {
  const { region, results } = await runCheck(regionCode, factsFromProfile(profile));
  return results.filter((r) => mightSuit(r.result)).map((r) => ({ code: r.policy.code, name: pick(r.policy.name, lang), region }));
}

/**
 * Entries that go with an item's kind, for the "可申请…" line on its detail page, named in the
 * reader's language. Reference data held in memory: no query per page.
 */
export async function policyLinksForKind(regionCode: string, kind: string, lang: string): Promise<PolicyLink[]> {
  const { region, policies } = await policiesFor(regionCode);
  return policies.filter((p) => p.kinds.includes(kind)).map((p) => ({ code: p.code, name: pick(p.name, lang), region }));
}

export interface PolicyLink {
  code: string;
  name: string;
  region: string | null;
}
