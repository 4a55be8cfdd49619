import { describe, expect, it } from "vitest";
import { circleKm, coverage, isUrban } from "./coverage.ts";

// A small fixture around 紫阳县's seat (32.52 N, 108.53 E): 0.01° of latitude is 1.11 km.
const seat = { lat: 32.52, lng: 108.53 };
const north = (km: number) => ({ lat: seat.lat + km / 111.2, lng: seat.lng });
const place = (code: string, name: string, km: number) => ({ code, name, point: north(km), approximate: false });

describe("service-circle coverage", () => {
  it("reads 街道 as urban (15 minutes) and 镇/乡 as rural (30 minutes)", () => {
    expect(isUrban("城关街道")).toBe(true);
    expect(isUrban("蒿坪镇")).toBe(false);
    expect(isUrban("东木乡")).toBe(false);
  });

  it("covers a place whose nearest station is inside its circle, by the travel-time estimate", () => {
    const rows = coverage(
      [place("1", "城关街道", 2), place("2", "新城街道", 8), place("3", "蒿坪镇", 10), place("4", "洞河镇", 25)],
      [{ id: 7, name: "县中心", point: seat }, { id: 8, name: "洞河站", point: north(40) }],
    );
    const byCode = new Map(rows.map((r) => [r.code, r]));
    // 2 km × 1.5 road factor at 25 km/h = 7.2 min, inside 15
    expect(byCode.get("1")).toMatchObject({ urban: true, circleMinutes: 15, covered: true, nearest: { id: 7 } });
    expect(byCode.get("1")!.nearest!.minutes).toBeCloseTo(7.2, 0);
    // 8 km in town = 28.8 min: outside the 15-minute circle
    expect(byCode.get("2")).toMatchObject({ urban: true, covered: false });
    // 10 km in the countryside = 22.5 min at 40 km/h: inside 30
    expect(byCode.get("3")).toMatchObject({ urban: false, circleMinutes: 30, covered: true });
    // 25 km from the seat and 15 from the other station: 33.75 min, outside; the nearer station is named
    expect(byCode.get("4")).toMatchObject({ covered: false, nearest: { id: 8 } });
  });

  it("leaves every place uncovered when there is no station", () => {
    const rows = coverage([place("1", "城关街道", 0)], []);
    expect(rows[0]).toMatchObject({ covered: false, nearest: null });
  });

  it("gives the radius a circle reaches: 30 rural minutes at 40 km/h over roads 1.5 times the straight line", () => {
    expect(circleKm(false)).toBeCloseTo(13.33, 1);
    expect(circleKm(true)).toBeCloseTo(4.17, 1);
  });
});
