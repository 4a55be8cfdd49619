import { describe, expect, it } from "vitest";
import { elapsedShare, progressStatus } from "./progress.server.ts";
import { creditsFor, type DatedPlacement } from "./rules.ts";

const day = (s: string) => new Date(`${s}T00:00:00Z`);
let nextId = 1;
const placement = (startDate: string, employerKey: string, extra: Partial<DatedPlacement> = {}): DatedPlacement => ({
  id: nextId++, startDate: day(startDate), employerKey, continuity: "new_employer", kind: "new_urban", groups: [], returneeKind: null, ...extra,
});
const urban = { id: 1, rule: { excludeKinds: ["rural_transfer_local" as const] }, startYear: 2024, endYear: 2026 };
const returneeTalent = { id: 2, rule: { groups: ["returnee" as const], returneeKinds: ["skilled" as const, "manager" as const] }, startYear: 2024, endYear: 2026 };

describe("who counts, and when", () => {
  it("counts a person once a year, at the first placement of that year", () => {
    const first = placement("2026-03-01", "org:1");
    const second = placement("2026-07-01", "org:2");
    expect(creditsFor([second, first], [urban])).toEqual([{ indicatorId: 1, year: 2026, month: 3, placementId: first.id }]);
  });

  it("counts a later year again only on a real change; a renewal never counts", () => {
    const start = placement("2025-02-01", "org:1");
    const renewal = placement("2026-02-01", "org:1", { continuity: "renewal" });
    const sameEmployer = placement("2026-05-01", "org:1");
    expect(creditsFor([start, renewal, sameEmployer], [urban]).map((c) => c.year)).toEqual([2025]);
    const moved = placement("2026-06-01", "org:9");
    expect(creditsFor([start, renewal, moved], [urban]).map((c) => [c.year, c.placementId])).toEqual([[2025, start.id], [2026, moved.id]]);
    const business = placement("2026-06-01", "org:1", { continuity: "new_business" });
    expect(creditsFor([start, business], [urban]).map((c) => c.year)).toEqual([2025, 2026]);
    const back = placement("2026-08-01", "org:1", { continuity: "back_from_unemployment" });
    expect(creditsFor([start, back], [urban]).map((c) => c.year)).toEqual([2025, 2026]);
  });

  it("follows each indicator's rule: kinds, groups and the returnee's kind; and the plan's years", () => {
    const rural = placement("2026-01-10", "org:1", { kind: "rural_transfer_local" });
    expect(creditsFor([rural], [urban])).toEqual([]);
    const skilled = placement("2026-04-10", "org:1", { kind: "returnee", groups: ["returnee"], returneeKind: "skilled" });
    expect(creditsFor([skilled], [urban, returneeTalent]).map((c) => c.indicatorId)).toEqual([1, 2]);
    const veteran = placement("2026-04-10", "org:1", { kind: "returnee", groups: ["returnee"], returneeKind: "veteran" });
    expect(creditsFor([veteran], [returneeTalent])).toEqual([]);
    expect(creditsFor([placement("2023-04-10", "org:1")], [urban])).toEqual([]);
  });
});

describe("progress against the time-elapsed pace (序时进度)", () => {
  it("measures the share of the year gone in China time", () => {
    expect(elapsedShare(2026, new Date("2025-12-31T15:59:00Z"))).toBe(0);
    expect(elapsedShare(2026, new Date("2025-12-31T16:00:00Z"))).toBeCloseTo(1 / 365);
    expect(elapsedShare(2026, new Date("2026-07-02T04:00:00Z"))).toBeCloseTo(183 / 365);
    expect(elapsedShare(2025, new Date("2026-07-02T04:00:00Z"))).toBe(1);
  });

  it("calls a region lagging when it is more than 10 points behind the pace", () => {
    expect(progressStatus("count", 1000, 1000, 0.5)).toBe("done");
    expect(progressStatus("count", 1000, 520, 0.5)).toBe("on_track");
    expect(progressStatus("count", 1000, 450, 0.5)).toBe("behind");
    expect(progressStatus("count", 1000, 399, 0.5)).toBe("lagging");
    expect(progressStatus("count", null, 10, 0.5)).toBe("no_target");
    expect(progressStatus("rate_cap", 400, 380, 0.5)).toBe("met");
    expect(progressStatus("rate_cap", 400, 420, 0.5)).toBe("missed");
    expect(progressStatus("rate_floor", 10000, 9800, 0.5)).toBe("missed");
    expect(progressStatus("zero", 0, 0, 0.5)).toBe("met");
    expect(progressStatus("count", 1000, null, 0.5)).toBe("no_data");
  });
});
