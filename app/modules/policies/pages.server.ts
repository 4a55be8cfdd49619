import { getOptionalUser } from "../auth/guards.server.ts";
import { getRegions, regionName, siteRegion } from "../regions/regions.server.ts";
import { getHomeTown } from "../search/home-town.server.ts";
import { GROUP_FACTS, SITUATION_FACTS, type Eligibility, type PolicyFact } from "./eligibility.ts";
import { parseCheck, prefillFor, runCheck, type CheckAnswers, type CheckErrors } from "./check.server.ts";
import { pick, policiesFor, regionsWithPolicies, type Policy } from "./policies.server.ts";

/** A policy's texts in the reader's language. */
export function policyText(p: Policy, lang: string) {
  return { code: p.code, name: pick(p.name, lang), who: pick(p.who, lang), what: pick(p.what, lang), how: pick(p.how, lang), where: pick(p.where, lang), source: pick(p.source, lang), conditions: { all: p.rule.all ?? [], any: p.rule.any ?? [] } };
}
export type PolicyText = ReturnType<typeof policyText>;

/** ?region=<a region with a list>, else the visitor's home town, else the region the site serves. */
async function visitorRegion(request: Request): Promise<string> {
  const asked = new URL(request.url).searchParams.get("region");
  if (asked && /^\d{6}$/.test(asked) && (await regionsWithPolicies()).includes(asked)) return asked;
  return (await getHomeTown(request)) ?? siteRegion();
}

async function regionHeader(request: Request, lang: string) {
  const { region, policies } = await policiesFor(await visitorRegion(request));
  const [regions, all] = await Promise.all([getRegions(), regionsWithPolicies()]);
  const name = (code: string) => regionName(regions, code, lang);
  return { region, regionName: region ? name(region) : "", policies, others: all.filter((c) => c !== region).map((code) => ({ code, name: name(code) })) };
}

export async function loadPolicyList(request: Request, lang: string) {
  const { policies, ...header } = await regionHeader(request, lang);
  return { ...header, policies: policies.map((p) => policyText(p, lang)) };
}

export async function loadPolicy(request: Request, code: string, lang: string) {
  const { policies, region, regionName: name } = await regionHeader(request, lang);
  const found = policies.find((p) => p.code === code);
  return found ? { region, regionName: name, policy: policyText(found, lang) } : null;
}

export interface CheckPage {
  region: string | null;
  regionName: string;
  answers: CheckAnswers;
  errors: CheckErrors;
  prefilled: boolean;
  results: { policy: PolicyText; result: Eligibility }[] | null;
  groups: readonly PolicyFact[];
  situations: readonly PolicyFact[];
}

/**
 * The check: answers from the form (GET query with `checked`, or a POST body) → which apply, why and
 * what is missing. Without answers the form starts from the signed-in seeker's profile.
 */
export async function loadCheck(request: Request, lang: string, body?: FormData): Promise<CheckPage> {
  const params = new URL(request.url).searchParams;
  const form = body ?? (params.has("checked") ? params : null);
  const header = await regionHeader(request, lang);
  const base = { region: header.region, regionName: header.regionName, groups: GROUP_FACTS, situations: SITUATION_FACTS };
  if (!form) {
    const user = await getOptionalUser(request);
    const answers = await prefillFor(user?.id ?? null);
    return { ...base, answers, errors: {}, prefilled: answers.groups.length + Object.keys(answers.situations).length > 0, results: null };
  }
  const { answers, errors, facts } = parseCheck(form);
  if (Object.keys(errors).length) return { ...base, answers, errors, prefilled: false, results: null };
  const { results } = await runCheck(header.region ?? siteRegion(), facts);
  return { ...base, answers, errors, prefilled: false, results: results.map((r) => ({ policy: policyText(r.policy, lang), result: r.result })) };
}
