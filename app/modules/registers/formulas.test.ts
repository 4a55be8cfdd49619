import { describe, expect, it } from "vitest";
import {
  assistanceRate,
  compareFamilies,
  familyClock,
  fullEmploymentCount,
  labourFigureFor,
  percentToBp,
  ratioBp,
  registeredUnemploymentRate,
  unclearedFamilies,
} from "./formulas.ts";

const d = (text: string) => new Date(`${text}T00:00:00Z`);
/** Noon China time on that day. */
const at = (text: string) => new Date(`${text}T04:00:00Z`);

describe("register formulas", () => {
  it("divides in basis points, half up, and never rounds a shortfall up to 100%", () => {
    expect(ratioBp(1, 3)).toBe(3333);
    expect(ratioBp(2, 3)).toBe(6667);
    expect(ratioBp(99_999, 100_000)).toBe(9999);
    expect(ratioBp(5, 5)).toBe(10_000);
    expect(ratioBp(0, 0)).toBeNull();
  });

  it("assistance rate: assisted (by staff, or in work) ÷ recognised, among those recognised in the year", () => {
    const rows = [
      { recognisedAt: d("2025-02-01"), assistedAt: d("2025-02-10"), employedAt: null },
      { recognisedAt: d("2025-03-01"), assistedAt: null, employedAt: d("2025-04-01") },
      { recognisedAt: d("2025-05-01"), assistedAt: null, employedAt: null },
      { recognisedAt: d("2025-12-20"), assistedAt: d("2026-01-05"), employedAt: null }, // helped only after the year
      { recognisedAt: d("2024-06-01"), assistedAt: d("2024-06-02"), employedAt: null }, // another year
    ];
    expect(assistanceRate(rows, 2025)).toEqual({ recognised: 4, assisted: 2, employed: 1, rate: 5000 });
    expect(assistanceRate(rows, 2024)).toEqual({ recognised: 1, assisted: 1, employed: 0, rate: 10_000 });
    expect(assistanceRate(rows, 2023).rate).toBeNull();
  });

  it("zero-employment families left uncleared: as at the year's end, or today in the current year", () => {
    const rows = [
      { recognisedAt: d("2025-03-01"), clearedAt: null },
      { recognisedAt: d("2025-06-01"), clearedAt: d("2025-06-20") },
      { recognisedAt: d("2025-12-10"), clearedAt: d("2026-01-08") }, // open at the end of 2025
      { recognisedAt: d("2026-02-01"), clearedAt: null }, // after 2025
    ];
    expect(unclearedFamilies(rows, 2025, at("2026-03-01"))).toBe(2);
    expect(unclearedFamilies(rows, 2026, at("2026-03-01"))).toBe(2);
    expect(unclearedFamilies(rows, 2026, at("2026-01-15"))).toBe(1);
  });

  it("the one-month clock: days since recognition, overdue after 30, and uncleared families first", () => {
    const today = at("2026-03-31");
    expect(familyClock({ recognisedAt: d("2026-03-11"), clearedAt: null }, today)).toEqual({ days: 20, overdue: false, left: 10 });
    expect(familyClock({ recognisedAt: d("2026-03-01"), clearedAt: null }, today)).toEqual({ days: 30, overdue: false, left: 0 });
    expect(familyClock({ recognisedAt: d("2026-02-28"), clearedAt: null }, today)).toEqual({ days: 31, overdue: true, left: 0 });
    expect(familyClock({ recognisedAt: d("2026-01-01"), clearedAt: d("2026-01-15") }, today)).toEqual({ days: 14, overdue: false, left: null });
    expect(familyClock({ recognisedAt: d("2026-01-01"), clearedAt: d("2026-03-01") }, today).overdue).toBe(true);
    const rows = [
      { id: 1, recognisedAt: d("2026-01-01"), clearedAt: d("2026-01-10") },
      { id: 2, recognisedAt: d("2026-03-01"), clearedAt: null },
      { id: 3, recognisedAt: d("2026-01-05"), clearedAt: d("2026-02-10") },
      { id: 4, recognisedAt: d("2026-02-01"), clearedAt: null },
    ];
    expect([...rows].sort(compareFamilies).map((r) => r.id)).toEqual([4, 2, 3, 1]);
  });

  it("registered unemployment rate: the region's own latest month, else its children's summed", () => {
    const tree: Record<string, string[]> = { "610900": ["610902", "610924"], "610924": ["610924100", "610924101"] };
    const childrenOf = (code: string) => tree[code] ?? [];
    const rows = [
      { regionCode: "610902", month: 1, urbanEmployed: 1000, registeredUnemployed: 100 },
      { regionCode: "610902", month: 2, urbanEmployed: 960, registeredUnemployed: 40 }, // latest: 4.00%
      { regionCode: "610924100", month: 2, urbanEmployed: 470, registeredUnemployed: 30 },
      { regionCode: "610924101", month: 1, urbanEmployed: 490, registeredUnemployed: 10 },
    ];
    expect(registeredUnemploymentRate(labourFigureFor("610902", rows, childrenOf))).toBe(400);
    expect(labourFigureFor("610924", rows, childrenOf)).toEqual({ urbanEmployed: 960, registeredUnemployed: 40 });
    expect(labourFigureFor("610900", rows, childrenOf)).toEqual({ urbanEmployed: 1920, registeredUnemployed: 80 });
    expect(registeredUnemploymentRate(labourFigureFor("610900", rows, childrenOf))).toBe(400);
    expect(labourFigureFor("610925", rows, childrenOf)).toBeNull();
    expect(registeredUnemploymentRate(null)).toBeNull();
    // The county's own figure wins over its towns'.
    expect(labourFigureFor("610924", [...rows, { regionCode: "610924", month: 1, urbanEmployed: 950, registeredUnemployed: 50 }], childrenOf)).toEqual({ urbanEmployed: 950, registeredUnemployed: 50 });
  });

  it("full-employment communities: recognised in the year at city level or above, each community once", () => {
    const rows = [
      { regionCode: "610924101", name: "新华村", level: "city", year: 2025 },
      { regionCode: "610924101", name: "新华村", level: "provincial", year: 2025 },
      { regionCode: "610924101", name: "和平社区", level: "national", year: 2025 },
      { regionCode: "610924102", name: "新华村", level: "city", year: 2025 },
      { regionCode: "610924102", name: "幸福村", level: "county", year: 2025 },
      { regionCode: "610924102", name: "团结村", level: "city", year: 2024 },
    ];
    expect(fullEmploymentCount(rows, 2025)).toBe(3);
    expect(fullEmploymentCount(rows, 2024)).toBe(1);
  });

  it("reads a typed percentage as basis points", () => {
    expect(percentToBp("5.2")).toBe(520);
    expect(percentToBp("5.25%")).toBe(525);
    expect(percentToBp(" ５．５ ")).toBe(550);
    expect(percentToBp("4")).toBe(400);
    expect(percentToBp("100")).toBe(10_000);
    for (const bad of ["", "abc", "5.255", "-1", "101", "5,2"]) expect(percentToBp(bad), bad).toBeNull();
  });
});
