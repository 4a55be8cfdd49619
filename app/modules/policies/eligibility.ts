/**
 * Who a support or subsidy entry is for, as data, and the one function that says whether it applies.
 * Zod-free and import-free so pages and the check form can use the fact list.
 *
 * A fact is something the person says of themselves (a yes/no answer or a group they declare).
 * There is deliberately no fact for age, sex, ethnicity or household registration: a policy that
 * names an age band is asked as the person's own answer ("youth_unemployed": "16–24 and out of
 * work", declared), never worked out from a birth date (docs/decisions/2026-12-05-policies-as-data.md).
 */
export const POLICY_FACTS = [
  // Groups a seeker can declare on the profile (same codes as PROFILE_GROUPS).
  "graduate", "returnee", "veteran", "employment_difficulty", "zero_employment_family", "lifted_from_poverty",
  "rural_migrant", "school_leaver", "youth_unemployed", "disabled",
  // Situations asked on the check form.
  "out_of_work", "works_other_province", "starting_business", "in_incubator", "in_training", "community_factory", "hires_people",
] as const;
export type PolicyFact = (typeof POLICY_FACTS)[number];

/** The groups among the facts: on the profile these are ticked, on the check form asked. */
export const GROUP_FACTS = POLICY_FACTS.slice(0, 10) as readonly PolicyFact[];
export const SITUATION_FACTS = POLICY_FACTS.slice(10) as readonly PolicyFact[];

/** Every fact in `all` must hold, and at least one in `any` (when given). */
export interface PolicyRule {
  all?: PolicyFact[];
  any?: PolicyFact[];
}

/**
 * What is known of the person: true (yes), false (no), absent (not said). Only facts: the type has
 * no place for a birth date, sex, ethnicity or household registration, so nothing can read them.
 */
export type PolicyFacts = Partial<Record<PolicyFact, boolean>>;

export type Verdict = "applies" | "maybe" | "no";

export interface Eligibility {
  code: string;
  verdict: Verdict;
  /** Facts that hold and count toward the entry. */
  met: PolicyFact[];
  /** Facts not said yet that would decide it (for `any`: any one of them). */
  missing: PolicyFact[];
  /** Facts said "no" that keep the entry out. */
  unmet: PolicyFact[];
}

export function evaluatePolicy(policy: { code: string; rule: PolicyRule }, facts: PolicyFacts): Eligibility {
  const all = policy.rule.all ?? [];
  const any = policy.rule.any ?? [];
  const met: PolicyFact[] = [];
  const missing: PolicyFact[] = [];
  const unmet: PolicyFact[] = [];
  for (const fact of all) {
    if (facts[fact] === true) met.push(fact);
    else if (facts[fact] === false) unmet.push(fact);
    else missing.push(fact);
  }
  if (any.length) {
    const held = any.filter((f) => facts[f] === true);
    if (held.length) met.push(...held);
    else {
      const open = any.filter((f) => facts[f] === undefined);
      if (open.length) missing.push(...open);
      else unmet.push(...any);
    }
  }
  const verdict: Verdict = unmet.length ? "no" : missing.length ? "maybe" : "applies";
  return { code: policy.code, verdict, met, missing, unmet };
}

const ORDER: Record<Verdict, number> = { applies: 0, maybe: 1, no: 2 };

/** Every entry with its verdict: those that apply first, then those that might, in the file's order. */
export function evaluatePolicies(policies: readonly { code: string; rule: PolicyRule }[], facts: PolicyFacts): Eligibility[] {
  return policies.map((p, i) => ({ e: evaluatePolicy(p, facts), i })).sort((a, b) => ORDER[a.e.verdict] - ORDER[b.e.verdict] || a.i - b.i).map((x) => x.e);
}

/**
 * For the short "您可能符合" line on recommendations: the person's known facts meet the entry as far
 * as they go (at least one condition met, none said "no").
 */
export function mightSuit(e: Eligibility): boolean {
  return e.verdict !== "no" && e.met.length > 0;
}
