import { describe, expect, expectTypeOf, it } from "vitest";
import ankang from "../../../prisma/seed/policies/ankang.json";
import { evaluatePolicies, evaluatePolicy, mightSuit, type PolicyFact, type PolicyFacts } from "./eligibility.ts";
import { parsePolicyFile } from "./file-schema.ts";

const policies = parsePolicyFile("ankang.json", ankang).policies;
const verdicts = (facts: PolicyFacts) => Object.fromEntries(evaluatePolicies(policies, facts).map((e) => [e.code, e.verdict]));
const one = (code: string, facts: PolicyFacts) => evaluatePolicy(policies.find((p) => p.code === code)!, facts);

describe("eligibility: one pure function over the person's own answers", () => {
  it("a graduate not yet in work: the internship and job-search subsidies may apply, the travel subsidy does not", () => {
    const v = verdicts({ graduate: true });
    expect(v.internship_subsidy).toBe("maybe");
    expect(v.job_startup_subsidy).toBe("maybe");
    expect(one("internship_subsidy", { graduate: true }).missing).toEqual(["out_of_work"]);
    const working = verdicts({ graduate: true, out_of_work: true });
    expect(working.internship_subsidy).toBe("applies");
    expect(working.job_startup_subsidy).toBe("applies");
    expect(one("internship_subsidy", { graduate: true, out_of_work: true }).met).toEqual(["out_of_work", "graduate"]);
  });

  it("a person lifted from poverty working in another province: the one-off travel subsidy, with its reasons", () => {
    const e = one("travel_subsidy", { lifted_from_poverty: true, works_other_province: true });
    expect(e).toMatchObject({ verdict: "applies", met: ["lifted_from_poverty", "works_other_province"], missing: [], unmet: [] });
    expect(evaluatePolicies(policies, { lifted_from_poverty: true, works_other_province: true })[0]!.code).toBe("travel_subsidy");
    // Working away alone: might apply, and what is missing is said.
    expect(one("travel_subsidy", { works_other_province: true })).toMatchObject({ verdict: "maybe", missing: ["lifted_from_poverty"] });
    expect(one("travel_subsidy", { works_other_province: false, lifted_from_poverty: true })).toMatchObject({ verdict: "no", unmet: ["works_other_province"] });
  });

  it("a founder: the guaranteed start-up loan", () => {
    expect(verdicts({ starting_business: true }).startup_loan).toBe("applies");
    expect(verdicts({ starting_business: false }).startup_loan).toBe("no");
    expect(mightSuit(one("startup_loan", { starting_business: true }))).toBe(true);
    expect(mightSuit(one("startup_loan", {}))).toBe(false);
  });

  it("an `any` rule said no on every count does not apply, with the conditions named", () => {
    expect(one("internship_subsidy", { out_of_work: true, graduate: false, youth_unemployed: false })).toMatchObject({ verdict: "no", unmet: ["graduate", "youth_unemployed"] });
  });

  it("reads nothing of age, sex, ethnicity or household registration: the input type has no such fields", () => {
    type Keys = keyof PolicyFacts;
    expectTypeOf<Extract<Keys, "age" | "birthDate" | "sex" | "ethnicity" | "hukou" | "householdRegistration" | "idNumber">>().toEqualTypeOf<never>();
    expectTypeOf<Keys>().toEqualTypeOf<PolicyFact>();
    const forbidden = /age|birth|sex|gender|ethnic|nation|hukou|household|id_?number/i;
    expect(policies.flatMap((p) => [...(p.rule.all ?? []), ...(p.rule.any ?? [])]).filter((f) => forbidden.test(f))).toEqual([]);
    // Extra properties passed in at run time are ignored.
    const withAge = { graduate: true, out_of_work: true, age: 40, sex: "female" } as unknown as PolicyFacts;
    expect(verdicts(withAge)).toEqual(verdicts({ graduate: true, out_of_work: true }));
  });
});

describe("the policy file schema", () => {
  it("refuses a bad file with a message naming the file, the field and what is wrong", () => {
    const bad = structuredClone(ankang) as { policies: { rule: { all?: string[] } }[] };
    bad.policies[0]!.rule.all = ["lifted_from_poverty", "age_16_24"];
    expect(() => parsePolicyFile("ankang.json", bad)).toThrow(/^ankang\.json: policies\.0\.rule\.all\.1: unknown fact "age_16_24"/);
    expect(() => parsePolicyFile("x.json", { ...ankang, regionCode: "6109" })).toThrow("x.json: regionCode: regionCode: a 6-digit division code");
    const dup = { ...ankang, policies: [ankang.policies[0], ankang.policies[0]] };
    expect(() => parsePolicyFile("x.json", dup)).toThrow("policy travel_subsidy appears twice");
    const noSource = { ...ankang, policies: [{ ...ankang.policies[0], source: undefined }] };
    expect(() => parsePolicyFile("x.json", noSource)).toThrow(/x\.json: policies\.0\.source: Required/);
  });
});
