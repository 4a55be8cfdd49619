import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "../../app/modules/db.server.ts";
import { createDb } from "../../app/modules/db.server.ts";
import { checkCreditCode } from "../../app/modules/organizations/credit-code.ts";
import { createTestDatabase } from "../../tests/setup/test-env.ts";
import { LABOUR_BRANDS } from "./catalog.ts";
import { endOfChinaDay, startOfChinaYear } from "./factories.ts";
import { englishPlaceName, generatePostings, seedDemo } from "./seed.ts";

const now = new Date("2026-06-15T04:00:00Z");
const ANKANG_COUNTIES = ["610902", "610921", "610922", "610923", "610924", "610925", "610926", "610927", "610929", "610981"];

describe("demo seed", () => {
  let db: Db;
  let url: string;
  let summary: Awaited<ReturnType<typeof seedDemo>>;

  beforeAll(async () => {
    url = createTestDatabase().url;
    db = createDb(url);
    summary = await seedDemo(db, { now });
  });
  afterAll(() => db.$disconnect());

  it("has Ankang's ten counties with their national codes and towns under each", async () => {
    const counties = await db.region.findMany({ where: { level: "county", parentCode: "610900" }, orderBy: { code: "asc" } });
    expect(counties.map((c) => c.code)).toEqual([...ANKANG_COUNTIES].sort());
    expect(counties.find((c) => c.code === "610924")?.name).toBe("紫阳县");
    for (const county of counties) {
      const towns = await db.region.findMany({ where: { parentCode: county.code, level: "town" } });
      expect(towns.length, county.name).toBeGreaterThanOrEqual(5);
      for (const town of towns) expect(town.code.startsWith(county.code) && town.code.length === 9).toBe(true);
    }
    expect(await db.region.count({ where: { level: "town" } })).toBeGreaterThanOrEqual(100);
  });

  it("gives towns English names", () => {
    expect(englishPlaceName("恒口镇")).toBe("Hengkou Town");
    expect(englishPlaceName("老城街道")).toBe("Laocheng Subdistrict");
  });

  it("meets the yearly volumes: 2,000 internships, 3,000 jobs, 500 gigs, 30 bases, 60 courses", async () => {
    const thisYear = { publishedAt: { gte: startOfChinaYear(now), lte: now } };
    expect(await db.posting.count({ where: { kind: "internship", ...thisYear } })).toBeGreaterThanOrEqual(2000);
    expect(await db.posting.count({ where: { kind: "job", ...thisYear } })).toBeGreaterThanOrEqual(3000);
    expect(await db.posting.count({ where: { kind: "gig", ...thisYear } })).toBeGreaterThanOrEqual(500);
    expect(summary.bases).toBeGreaterThanOrEqual(30);
    expect(await db.trainingCourse.count({ where: { status: "published", enrolDeadline: { gte: now } } })).toBeGreaterThanOrEqual(60);
  });

  it("has gig work ending today, and some already over", async () => {
    expect(await db.posting.count({ where: { kind: "gig", validUntil: endOfChinaDay(now) } })).toBeGreaterThan(10);
    expect(await db.posting.count({ where: { kind: "gig", validUntil: { lt: now } } })).toBeGreaterThan(0);
  });

  it("has the six labour brands, each with courses, and the other training lines", async () => {
    const brands = await db.labourBrand.findMany({ include: { _count: { select: { courses: true } } } });
    expect(brands.map((b) => b.nameZh).sort()).toEqual(LABOUR_BRANDS.map((b) => b.nameZh).sort());
    for (const brand of brands) expect(brand._count.courses, brand.nameZh).toBeGreaterThan(0);
    for (const trade of ["康养服务", "母婴护理", "茶叶制作", "电子线束", "缝纫"]) {
      expect(await db.trainingCourse.count({ where: { trade } }), trade).toBeGreaterThan(0);
    }
  });

  it("gives every employer a valid unified social credit code for its own county", async () => {
    const orgs = await db.organization.findMany({ select: { creditCode: true, regionCode: true } });
    expect(orgs.length).toBeGreaterThan(300);
    for (const org of orgs) {
      expect(checkCreditCode(org.creditCode)).toEqual({ ok: true });
      expect(org.creditCode.slice(2, 8)).toBe(org.regionCode.slice(0, 6));
    }
  });

  it("covers the seeds' industries and community-factory trades", async () => {
    const used = await db.posting.groupBy({ by: ["industryCode"], _count: true });
    const codes = used.map((u) => u.industryCode);
    for (const code of ["selenium", "tourism_wellness", "new_materials", "equipment", "electronics", "logistics", "plush_toys", "garments"]) {
      expect(codes).toContain(code);
    }
    expect(await db.organization.count({ where: { kind: "community_factory" } })).toBeGreaterThan(50);
  });

  it("is deterministic: the same seed and time give the same rows", async () => {
    const other = createDb(createTestDatabase().url);
    await seedDemo(other, { now });
    const pick = { title: true, payMin: true, payMax: true, regionCode: true, organizationId: true, validUntil: true } as const;
    const a = await db.posting.findMany({ select: pick, orderBy: { id: "asc" } });
    const b = await other.posting.findMany({ select: pick, orderBy: { id: "asc" } });
    expect(b).toEqual(a);
    await other.$disconnect();
  });

  it("generates large synthetic sets over the same employers", async () => {
    const before = await db.posting.count();
    expect(generatePostings(url, 20_000, { now })).toBe(20_000);
    expect(await db.posting.count()).toBe(before + 20_000);
    const sample = await db.posting.findFirst({ where: { id: before + 1 }, include: { organization: true } });
    expect(sample?.organization.regionCode.slice(0, 6)).toBe(sample?.countyCode);
  });
});
