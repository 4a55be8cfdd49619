import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { boundariesOf, citiesWithBoundaries, GEO_DIR, pointOf } from "./points.ts";

describe("pointOf", () => {
  it("gives a county its seat, exactly", () => {
    expect(pointOf("610924")).toEqual({ lat: 32.520246, lng: 108.534228, approximate: false });
  });

  it("gives a town and a village their county seat, marked approximate (no town points are shipped)", () => {
    expect(pointOf("610902001")).toEqual({ ...pointOf("610902"), approximate: true });
    expect(pointOf("610924100201")).toEqual({ ...pointOf("610924"), approximate: true });
  });

  it("finds a retired code under its successor: 旬阳县 610928 is 旬阳市 610981", () => {
    expect(pointOf("610928")).toEqual(pointOf("610981"));
    expect(pointOf("610928105")).toEqual({ ...pointOf("610981"), approximate: true });
  });

  it("gives a city the seat of its first district, approximate; a development zone its city's", () => {
    expect(pointOf("610900")).toEqual({ ...pointOf("610902"), approximate: true });
    expect(pointOf("410171")).toEqual({ ...pointOf("410102"), approximate: true });
    expect(pointOf("419000")).toEqual({ ...pointOf("419001"), approximate: true });
  });

  it("knows nothing of provinces, other cities and malformed codes", () => {
    expect(pointOf("610000")).toBeUndefined();
    expect(pointOf("610100")).toBeUndefined();
    expect(pointOf("61092")).toBeUndefined();
    expect(pointOf("610902-1")).toBeUndefined();
  });
});

describe("boundaries", () => {
  it("carry every county of 安康, 商洛 and Henan's 18 city-level units under current codes", () => {
    expect(citiesWithBoundaries().sort()).toEqual([
      ...["4101", "4102", "4103", "4104", "4105", "4106", "4107", "4108", "4109", "4110", "4111", "4112", "4113", "4114", "4115", "4116", "4117", "4190"].map((c) => `${c}00`),
      "610900",
      "611000",
    ]);
    const ankang = boundariesOf("610900")!.features.map((f) => `${f.properties.code}${f.properties.name}`);
    expect(ankang).toEqual(["610902汉滨区", "610921汉阴县", "610922石泉县", "610923宁陕县", "610924紫阳县", "610925岚皋县", "610926平利县", "610927镇坪县", "610929白河县", "610981旬阳市"]);
    expect(boundariesOf("6110")!.features).toHaveLength(7);
    const luoyang = boundariesOf("410300")!.features.find((f) => f.properties.code === "410308")!;
    expect(luoyang.properties).toMatchObject({ name: "孟津区", formerCodes: ["410306", "410322"] });
  });

  it("stay small: a few hundred KB for all of them", () => {
    const bytes = fs.readdirSync(GEO_DIR).filter((n) => n.endsWith(".json")).reduce((sum, n) => sum + fs.statSync(path.join(GEO_DIR, n)).size, 0);
    expect(bytes).toBeLessThan(450_000);
  });
});
