import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { ChoroplethMap, PointsMap } from "~/components/region-map.tsx";
import { choropleth, contrast, MAP_FILLS, OUTLINE, pointsMap, textOn } from "./map.server.ts";
import { boundariesOf, pointOf } from "./points.ts";

const labels = { title: "新增城镇就业 · 各县区完成率", area: "县区", value: "完成率", legend: "图例", noData: "无数据" };
const percent = (v: number) => `${Math.round(v)}%`;

describe("choropleth", () => {
  const counties = boundariesOf("610900")!.features.map((f) => f.properties.code);
  const values = new Map<string, number | null>(counties.map((c, i) => [c, 40 + i * 7]));
  values.set("610927", null); // 镇坪县 without a figure

  it("draws one path per county, with its value in the text alternative", () => {
    const map = choropleth("610900", values)!;
    const html = renderToStaticMarkup(<ChoroplethMap map={map} labels={labels} format={percent} />);
    const paths = [...html.matchAll(/<path [^>]*data-code="(\d+)"/g)].map((m) => m[1]);
    expect(paths.sort()).toEqual([...counties].sort());
    expect(html).toContain('role="img"');
    expect(html).toMatch(/<svg[^>]*aria-labelledby="[^"]+"/);
    expect(html).toContain(`<title id=`);
    // the table a screen reader reads: every county, its value, 镇坪县 "no data"
    const rows = [...html.matchAll(/<tr data-code="(\d+)"><th scope="row">([^<]+)<\/th><td>([^<]+)<\/td>/g)].map((m) => [m[1], m[2], m[3]]);
    expect(rows).toHaveLength(10);
    expect(rows).toContainEqual(["610902", "汉滨区", "40%"]);
    expect(rows).toContainEqual(["610981", "旬阳市", percent(values.get("610981")!)]);
    expect(rows).toContainEqual(["610927", "镇坪县", "无数据"]);
  });

  it("bands values from the lowest to the highest, and fits a 412 px screen", () => {
    const map = choropleth("610900", values)!;
    const band = (code: string) => map.areas.find((a) => a.code === code)!.band;
    expect(band("610902")).toBe(0);
    expect(band("610981")).toBe(MAP_FILLS.length - 1);
    expect(band("610927")).toBe(-1);
    expect(map.legend[0]!.from).toBeLessThanOrEqual(40);
    expect(map.legend.at(-1)!.to).toBeGreaterThanOrEqual(values.get("610981")!);
    expect(map.width).toBeLessThanOrEqual(412);
    // the whole city inside the drawing
    for (const a of map.areas) for (const [, x, y] of a.d.matchAll(/[ML](-?[\d.]+),(-?[\d.]+)/g)) {
      expect(Number(x)).toBeGreaterThanOrEqual(0);
      expect(Number(x)).toBeLessThanOrEqual(map.width);
      expect(Number(y)).toBeGreaterThanOrEqual(0);
      expect(Number(y)).toBeLessThanOrEqual(map.height);
    }
  });

  it("uses colours with enough contrast: values written on a fill 4.5:1, outlines 3:1 on the lighter fills", () => {
    for (const fill of MAP_FILLS) expect(contrast(fill, textOn(fill))).toBeGreaterThanOrEqual(4.5);
    for (const fill of MAP_FILLS.slice(0, 3)) expect(contrast(fill, OUTLINE)).toBeGreaterThanOrEqual(3);
    expect(contrast("#ffffff", OUTLINE)).toBeGreaterThanOrEqual(3);
  });

  it("lists an area without an outline (a development zone) in the table, not on the map", () => {
    const map = choropleth("410100", new Map([["410102", 50], ["410171", 80]]), new Map([["410171", "郑州经济技术开发区"]]))!;
    const html = renderToStaticMarkup(<ChoroplethMap map={map} labels={labels} format={percent} />);
    expect(html).not.toMatch(/<path [^>]*data-code="410171"/);
    expect(html).toContain('<tr data-code="410171"><th scope="row">郑州经济技术开发区</th><td>80%</td>');
    expect(html.match(/<path [^>]*data-code=/g)).toHaveLength(12);
  });

  it("has no map where the areas have no outlines: a province (cities), a county (towns), a city not extracted", () => {
    expect(choropleth("610000", values)).toBeUndefined();
    expect(choropleth("610924", values)).toBeUndefined();
    expect(choropleth("610100", values)).toBeUndefined();
    expect(choropleth("611000", new Map())!.areas).toHaveLength(7);
  });
});

describe("pointsMap", () => {
  it("draws each point with its circle, sized by its radius in km", () => {
    const hanbin = pointOf("610902")!;
    const ziyang = pointOf("610924")!;
    const map = pointsMap("610900", [
      { ...hanbin, label: "汉滨区公共就业服务中心", radiusKm: 10 },
      { ...ziyang, label: "紫阳县公共就业服务中心", radiusKm: 20 },
    ])!;
    const [a, b] = map.points;
    expect(a!.inside && b!.inside).toBe(true);
    // the two seats are 50.07 km apart: the drawing keeps that scale for the circles
    const pxPerKm = Math.hypot(a!.x - b!.x, a!.y - b!.y) / 50.07;
    const radiusPx = (d: string) => {
      const xs = [...d.matchAll(/[ML](-?[\d.]+),/g)].map((m) => Number(m[1]));
      return (Math.max(...xs) - Math.min(...xs)) / 2;
    };
    expect(radiusPx(a!.circle!) / pxPerKm).toBeCloseTo(10, 0);
    expect(radiusPx(b!.circle!) / pxPerKm).toBeCloseTo(20, 0);
    const html = renderToStaticMarkup(<PointsMap map={map} labels={{ title: "服务站点", radius: (km) => `${km} 公里内` }} />);
    expect(html.match(/data-testid="map-point"/g)).toHaveLength(2);
    expect(html.match(/data-testid="point-circle"/g)).toHaveLength(2);
    expect(html).toContain("紫阳县公共就业服务中心<span");
    expect(html).toContain("20 公里内");
  });
});
