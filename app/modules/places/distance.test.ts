import { describe, expect, it } from "vitest";
import { greatCircleKm, reachKm, travelMinutes, travelSettingsFrom, TRAVEL_DEFAULTS } from "./distance.ts";
import { pointOf } from "./points.ts";

describe("greatCircleKm", () => {
  it("汉滨区 seat to 紫阳县 seat is about 50 km in a straight line (issue 10, point 7)", () => {
    const hanbin = pointOf("610902")!;
    const ziyang = pointOf("610924")!;
    // seats from the boundary data: 109.026836,32.695172 and 108.534228,32.520246 → 50.07 km
    expect(greatCircleKm(hanbin, ziyang)).toBeGreaterThan(49.5);
    expect(greatCircleKm(hanbin, ziyang)).toBeLessThan(50.7);
  });

  it("gives known figures: a degree of latitude, a quarter of the equator, 郑州 to 安康 (about 480 km)", () => {
    expect(greatCircleKm({ lat: 32, lng: 109 }, { lat: 33, lng: 109 })).toBeCloseTo(111.2, 1);
    expect(greatCircleKm({ lat: 0, lng: 0 }, { lat: 0, lng: 90 })).toBeCloseTo(10007.5, 0);
    // 2.05° of latitude (228 km) and 4.58° of longitude at 33.7° N (424 km): √(228² + 424²) ≈ 481
    const km = greatCircleKm(pointOf("410102")!, pointOf("610902")!);
    expect(km).toBeGreaterThan(475);
    expect(km).toBeLessThan(487);
  });

  it("is symmetric and zero for the same point", () => {
    const a = pointOf("610902")!;
    const b = pointOf("610927")!;
    expect(greatCircleKm(a, b)).toBe(greatCircleKm(b, a));
    expect(greatCircleKm(a, a)).toBe(0);
  });
});

describe("travelMinutes", () => {
  it("is road km at the area's speed: 汉滨–紫阳 by the default mountain road factor at rural speed", () => {
    const km = greatCircleKm(pointOf("610902")!, pointOf("610924")!);
    expect(travelMinutes(km)).toBeCloseTo((km * 1.5 * 60) / 40, 6);
    expect(travelMinutes(10, { urban: true })).toBeCloseTo(36, 6); // 15 road km at 25 km/h
    expect(travelMinutes(10, { roadFactor: 1, speedKmh: 60 })).toBeCloseTo(10, 6);
    expect(travelMinutes(0)).toBe(0);
  });

  it("reachKm is its inverse: the 30-minute rural circle is 13.3 km, the 15-minute urban one 4.2 km", () => {
    expect(reachKm(30)).toBeCloseTo(13.33, 2);
    expect(reachKm(15, { urban: true })).toBeCloseTo(4.17, 2);
    expect(travelMinutes(reachKm(30))).toBeCloseTo(30, 9);
  });

  it("takes its settings from the environment and refuses values out of range, naming the variable", () => {
    expect(travelSettingsFrom({})).toEqual(TRAVEL_DEFAULTS);
    expect(travelSettingsFrom({ TRAVEL_ROAD_FACTOR: "1.3", TRAVEL_RURAL_KMH: "50", TRAVEL_URBAN_KMH: " 20 " })).toEqual({ roadFactor: 1.3, ruralKmh: 50, urbanKmh: 20 });
    expect(() => travelSettingsFrom({ TRAVEL_ROAD_FACTOR: "0.5" })).toThrow(/TRAVEL_ROAD_FACTOR/);
    expect(() => travelSettingsFrom({ TRAVEL_URBAN_KMH: "fast" })).toThrow(/TRAVEL_URBAN_KMH/);
  });
});
