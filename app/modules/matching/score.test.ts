import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { eligible } from "./eligibility.ts";
import { ExposureLedger } from "./exposure.ts";
import { scoreMatch } from "./score.ts";
import { matchSeekerFrom, type MatchableProfile } from "./seeker.ts";
import { recommend } from "./recommend.ts";
import type { MatchDoc } from "../../../search/match.ts";
import type { EducationLevel, MatchItem, MatchSeeker } from "./types.ts";

const NOW = Date.UTC(2026, 11, 2, 4) / 1000;
const DAY = 86_400;
const ZIYANG = { lat: 32.52, lng: 108.54 };

const seeker = (over: Partial<MatchSeeker> = {}): MatchSeeker => ({
  wishOccupations: ["4-10-03-05"],
  wishKinds: [],
  home: { ...ZIYANG, code: "610924" },
  travelKm: 30,
  wishCounties: [],
  payFloorMonthly: 3000,
  availableFrom: null,
  credentials: [],
  skills: [],
  education: "junior",
  graduationYear: null,
  experienceYears: 3,
  brandsTrained: [],
  groups: [],
  ...over,
});

const item = (over: Partial<MatchItem> = {}): MatchItem => ({
  id: "job-1",
  kind: "job",
  occupation: "4-10-03-05",
  countyCode: "610924",
  point: { lat: 32.6, lng: 108.6 },
  payMonthly: 4500,
  postedAt: NOW - 3 * DAY,
  validUntil: NOW + 30 * DAY,
  startsAt: null,
  groups: [],
  groupOnly: false,
  brand: null,
  credentials: ["health_certificate"],
  skills: [],
  education: "any",
  experienceYears: 0,
  openings: 5,
  applications: 2,
  ...over,
});

const codes = ["health_certificate", "driving_c1", "driving_a2", "electrician", "welder"];
const arbSeeker = fc.record({
  travelKm: fc.integer({ min: 1, max: 300 }),
  payFloorMonthly: fc.option(fc.integer({ min: 1000, max: 12000 }), { nil: null }),
  credentials: fc.subarray(codes),
  experienceYears: fc.integer({ min: 0, max: 40 }),
  education: fc.constantFrom<EducationLevel[]>("any", "junior", "senior", "college", "bachelor"),
});
const arbItem = fc.record({
  credentials: fc.subarray(codes),
  payMonthly: fc.option(fc.integer({ min: 1000, max: 15000 }), { nil: null }),
  openings: fc.integer({ min: 1, max: 50 }),
  applications: fc.integer({ min: 0, max: 200 }),
  experienceYears: fc.integer({ min: 0, max: 10 }),
  lat: fc.double({ min: 31.5, max: 33.5, noNaN: true }),
  lng: fc.double({ min: 108, max: 110.2, noNaN: true }),
});

describe("the score (property tests)", () => {
  it("never scores a nearer item lower, all else equal", () => {
    fc.assert(
      fc.property(arbSeeker, arbItem, fc.double({ min: 0, max: 1, noNaN: true }), (s, i, f) => {
        const person = seeker(s);
        const far = item({ ...i, point: { lat: i.lat, lng: i.lng } });
        // A point on the straight line between home and the far item is nearer.
        const near = item({ ...i, point: { lat: ZIYANG.lat + (i.lat - ZIYANG.lat) * f, lng: ZIYANG.lng + (i.lng - ZIYANG.lng) * f } });
        const a = scoreMatch(person, near, { nowSec: NOW });
        const b = scoreMatch(person, far, { nowSec: NOW });
        expect(a.total).toBeGreaterThanOrEqual(b.total - 1e-12);
        expect(a.mutual).toBeGreaterThanOrEqual(b.mutual - 1e-12);
      }),
      { numRuns: 500 },
    );
  });

  it("never scores lower for holding more of what the item asks", () => {
    fc.assert(
      fc.property(arbSeeker, arbItem, fc.constantFrom(...codes), (s, i, extra) => {
        const it = item({ ...i, point: { lat: i.lat, lng: i.lng } });
        const fewer = seeker(s);
        const more = seeker({ ...s, credentials: [...new Set([...s.credentials, extra])] });
        expect(scoreMatch(more, it, { nowSec: NOW }).total).toBeGreaterThanOrEqual(scoreMatch(fewer, it, { nowSec: NOW }).total - 1e-12);
        expect(scoreMatch(more, it, { nowSec: NOW }).mutual).toBeGreaterThanOrEqual(scoreMatch(fewer, it, { nowSec: NOW }).mutual - 1e-12);
      }),
      { numRuns: 500 },
    );
  });

  it("never scores lower for better pay, and every factor stays within (0, 1]", () => {
    fc.assert(
      fc.property(arbSeeker, arbItem, fc.integer({ min: 0, max: 5000 }), (s, i, raise) => {
        const person = seeker(s);
        const low = item({ ...i, point: { lat: i.lat, lng: i.lng }, payMonthly: i.payMonthly ?? 3000 });
        const high = { ...low, payMonthly: low.payMonthly! + raise };
        const a = scoreMatch(person, low, { nowSec: NOW });
        const b = scoreMatch(person, high, { nowSec: NOW });
        expect(b.total).toBeGreaterThanOrEqual(a.total - 1e-12);
        for (const v of [a.interest, a.fit, a.competition]) expect(v > 0 && v <= 1).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it("names what the person has and what is still missing", () => {
    const s = scoreMatch(seeker({ credentials: ["driving_c1"] }), item({ credentials: ["driving_c1", "health_certificate"] }), { nowSec: NOW });
    expect(s.reasons).toContainEqual({ key: "credentialHave", credential: "driving_c1" });
    expect(s.reasons).toContainEqual({ key: "missing", credentials: ["health_certificate"], skills: [] });
    expect(s.missing.credentials).toEqual(["health_certificate"]);
  });
});

const base: MatchableProfile = {
  wishOccupations: ",4-10-03-05,", wishKinds: ",job,", wishCounties: ",", wishPayMin: 3000, wishStartDate: null, travelKm: 30,
  credentials: ",health_certificate,", skillCodes: ",", education: "junior", graduationYear: null, experienceYears: 5, brandsTrained: ",",
  groups: ",returnee,", hometownCode: "610924", currentRegionCode: null, awayCityCode: "440100",
};

describe("fairness", () => {
  it("reads no sex, age, ethnicity or ID: profiles that differ only there give the same person, scores and ranks", () => {
    const a = matchSeekerFrom({ ...base, ...({ sex: "female", birthDate: new Date("1976-01-01"), idNumberEnc: "x", ethnicity: "汉" } as object) });
    const b = matchSeekerFrom({ ...base, ...({ sex: "male", birthDate: new Date("2001-06-30"), idNumberEnc: "y", ethnicity: "回" } as object) });
    expect(a).toEqual(b);
    expect(Object.keys(a)).not.toEqual(expect.arrayContaining(["sex"]));
    const items = [item(), item({ id: "job-2", credentials: [], payMonthly: 2800 }), item({ id: "job-3", point: { lat: 32.9, lng: 109 } })];
    const ranks = (s: MatchSeeker) => items.map((i) => scoreMatch(s, i, { nowSec: NOW })).map((x) => [x.total, x.mutual]);
    expect(ranks(a)).toEqual(ranks(b));
  });
});

describe("eligibility", () => {
  it("never shows an internship to someone neither a recent graduate nor a young person out of work", () => {
    const intern = item({ kind: "internship", id: "internship-1" });
    expect(eligible(seeker(), intern, NOW)).toBe(false);
    expect(eligible(seeker({ education: "college", graduationYear: 2026 }), intern, NOW)).toBe(true);
    expect(eligible(seeker({ education: "college", graduationYear: 2022 }), intern, NOW)).toBe(false);
    expect(eligible(seeker({ groups: ["youth_unemployed"] }), intern, NOW)).toBe(true);
  });

  it("keeps a group-only post for its groups, an expired or out-of-reach item for nobody", () => {
    expect(eligible(seeker(), item({ groupOnly: true, groups: ["employment_difficulty"] }), NOW)).toBe(false);
    expect(eligible(seeker({ groups: ["employment_difficulty"] }), item({ groupOnly: true, groups: ["employment_difficulty"] }), NOW)).toBe(true);
    expect(eligible(seeker(), item({ validUntil: NOW - 1 }), NOW)).toBe(false);
    expect(eligible(seeker({ travelKm: 10 }), item({ point: { lat: 32.7, lng: 109.03 } }), NOW)).toBe(false);
  });

  it("looks three times as far for a start-up base as for work (about 50 km away, for someone who would travel 20)", () => {
    const far = { lat: 32.7, lng: 109.03 };
    const founder = seeker({ travelKm: 20, wishKinds: ["job", "base"] });
    expect(eligible(founder, item({ point: far }), NOW)).toBe(false);
    expect(eligible(founder, item({ id: "base-1", kind: "base", point: far }), NOW)).toBe(true);
    expect(eligible(seeker({ travelKm: 15, wishKinds: ["base"] }), item({ id: "base-1", kind: "base", point: far }), NOW)).toBe(false);
  });

  it("is re-checked on every retrieved document: an ineligible hit never reaches the list", () => {
    const doc = (i: MatchItem): MatchDoc => ({
      id: i.id, kind: i.kind, countyCode: i.countyCode, groups: i.groups, brand: i.brand, occupation: i.occupation, credentials: i.credentials,
      groupOnly: i.groupOnly, postedAt: i.postedAt, _geo: i.point,
      card: { key: i.id, kind: i.kind, id: Number(i.id.split("-")[1]), title: i.id, orgName: "", regionCode: i.countyCode, countyCode: i.countyCode, summary: "", pay: null, postedAt: "", groups: [], brand: null, date: null, level: null, placesLeft: null, point: null },
      match: { skills: i.skills, education: i.education, experienceYears: i.experienceYears, openings: i.openings, payMonthly: i.payMonthly, validUntil: i.validUntil, startsAt: i.startsAt },
    });
    const docs = [item(), item({ id: "internship-2", kind: "internship" }), item({ id: "job-3", validUntil: NOW - 5 }), item({ id: "job-4", groupOnly: true, groups: ["disabled"] })].map(doc);
    const out = recommend(seeker(), { wanted: docs, related: [], bases: [], courses: [], occupationCounts: {} }, { now: new Date(NOW * 1000), person: "p", ledger: new ExposureLedger(100) });
    expect(out.top.map((r) => r.doc.id)).toEqual(["job-1"]);
  });
});
