import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "../../app/modules/db.server.ts";
import { createDb } from "../../app/modules/db.server.ts";
import { checkCreditCode } from "../../app/modules/organizations/credit-code.ts";
import { createTestDatabase } from "../../tests/setup/test-env.ts";
import { credential, isOccupationCode, skill } from "../../app/modules/occupations/occupations.ts";
import { lookupHash } from "../../app/modules/security/secrets.server.ts";
import { fromCommaList } from "../../app/utils/comma-list.ts";
import { LABOUR_BRANDS } from "./catalog.ts";
import { DEMO_PERSONAS } from "./demo-accounts.ts";
import { addDays, endOfChinaDay, startOfChinaYear } from "./factories.ts";
import { DEMO_SEEKERS, englishPlaceName, generatePostings, seedDemo } from "./seed.ts";
import { insertSeekersSqlite, seekerProfiles } from "./seekers.ts";

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

  it("posts at least 300 occupations, each a listed one, asking only for listed certificates and skills", async () => {
    const codes = (await db.posting.groupBy({ by: ["occupationCode"] })).map((g) => g.occupationCode);
    expect(codes.filter((c) => !c || !isOccupationCode(c))).toEqual([]);
    expect(codes.length).toBeGreaterThanOrEqual(300);
    const asked = await db.posting.groupBy({ by: ["credentials", "skillCodes"] });
    expect(asked.flatMap((a) => fromCommaList(a.credentials)).filter((c) => !credential(c))).toEqual([]);
    expect(asked.flatMap((a) => fromCommaList(a.skillCodes)).filter((c) => !skill(c))).toEqual([]);
    expect(await db.posting.count({ where: { credentials: { not: "," } } })).toBeGreaterThan(500);
    expect(await db.posting.count({ where: { credentials: "," } })).toBeGreaterThan(2000); // many everyday posts ask for nothing
    const welders = await db.posting.findMany({ where: { title: "焊工" }, select: { credentials: true } });
    expect(welders.every((w) => w.credentials.includes(",special_welding,"))).toBe(true);
    const drivers = await db.posting.findMany({ where: { title: "货车司机（A2）" }, select: { credentials: true } });
    expect(drivers.every((d) => d.credentials.includes(",driving_a2,"))).toBe(true);
    const cooks = await db.posting.findMany({ where: { title: "中式烹调师", kind: "job" }, select: { credentials: true } });
    expect(cooks.every((c) => c.credentials.includes(",health_certificate,"))).toBe(true);
  });

  it("gives every course the certificate it leads to, and has posts only listed groups may take", async () => {
    const courses = await db.trainingCourse.findMany({ select: { credentialCode: true } });
    expect(courses.filter((c) => !credential(c.credentialCode ?? ""))).toEqual([]);
    const welfare = await db.posting.findMany({ where: { groupOnly: true }, select: { groups: true, title: true } });
    expect(welfare.length).toBeGreaterThanOrEqual(6);
    for (const post of welfare) expect(fromCommaList(post.groups), post.title).toEqual(["employment_difficulty", "zero_employment_family"]);
  });

  it("has the golden personas with full, consenting profiles and their wanted occupations as rows", async () => {
    for (const persona of DEMO_PERSONAS) {
      const user = await db.user.findUniqueOrThrow({ where: { phoneHash: lookupHash("phone", persona.phone) }, include: { profile: true, wishedOccupations: true } });
      expect(user.role, persona.key).toBe("seeker");
      expect(user.profile?.consentMatching, persona.key).toBe(true);
      const wished = fromCommaList(user.profile!.wishOccupations);
      expect(wished.length, persona.key).toBeGreaterThan(0);
      expect(user.wishedOccupations.map((o) => o.code).sort(), persona.key).toEqual([...wished].sort());
      for (const o of user.wishedOccupations) expect([o.minor, o.medium]).toEqual([o.code.split("-").slice(0, 3).join("-"), o.code.split("-").slice(0, 2).join("-")]);
    }
    const pedicurist = await db.seekerProfile.findFirstOrThrow({ where: { name: "陈修远" } });
    expect(pedicurist).toMatchObject({ awayCityCode: "440100", brandsTrained: ",ziyang_pedicure,", returneeKind: "skilled", travelKm: 30, experienceYears: 8 });
    expect(pedicurist.hometownCode?.startsWith("610924")).toBe(true);
  });

  it("has what the personas should find", async () => {
    const open = { status: "published", validUntil: { gte: now } };
    expect(await db.posting.count({ where: { ...open, countyCode: "610924", title: { contains: "修脚" } } })).toBeGreaterThanOrEqual(2);
    expect(await db.posting.count({ where: { ...open, kind: "internship", countyCode: "610902", occupationCode: "2-05-08-01" } })).toBeGreaterThanOrEqual(2);
    expect(await db.posting.count({ where: { ...open, kind: "gig", countyCode: "610929", occupationCode: { in: ["4-02-05-01", "5-01-02-01"] } } })).toBeGreaterThanOrEqual(3);
    for (const type of ["veteran_park", "guiyan_park"]) expect(await db.incubationBase.count({ where: { countyCode: "610924", type } }), type).toBeGreaterThan(0);
    const enrolling = { status: "published", enrolDeadline: { gte: now } };
    expect(await db.trainingCourse.count({ where: { ...enrolling, countyCode: "610924", occupationCode: "6-02-06-10" } })).toBeGreaterThan(0);
    expect(await db.trainingCourse.count({ where: { ...enrolling, countyCode: "610921", occupationCode: "4-03-02-02" } })).toBeGreaterThan(0);
  });

  it("has a few hundred consenting seekers with wanted occupations, and generates many alike", async () => {
    expect(await db.seekerProfile.count({ where: { consentMatching: true, user: { wishedOccupations: { some: {} } } } })).toBeGreaterThanOrEqual(DEMO_SEEKERS);
    const a = seekerProfiles(200, 7, { now });
    expect(seekerProfiles(200, 7, { now })).toEqual(a);
    expect(new Set(a.flatMap((s) => s.occupations.map((o) => o.code))).size).toBeGreaterThan(80);
    for (const s of a) for (const o of s.occupations) expect(isOccupationCode(o.code)).toBe(true);
    const before = await db.seekerOccupation.count();
    const started = Date.now();
    expect(insertSeekersSqlite(url, seekerProfiles(5_000, 8, { now: addDays(now, 1) }), { now })).toBe(5_000);
    expect(Date.now() - started).toBeLessThan(20_000);
    expect(await db.seekerOccupation.count()).toBeGreaterThan(before + 5_000);
  });

  it("is deterministic: the same seed and time give the same rows", async () => {
    const other = createDb(createTestDatabase().url);
    await seedDemo(other, { now });
    const pick = { title: true, payMin: true, payMax: true, regionCode: true, organizationId: true, validUntil: true, occupationCode: true, credentials: true, skillCodes: true } as const;
    const a = await db.posting.findMany({ select: pick, orderBy: { id: "asc" } });
    const b = await other.posting.findMany({ select: pick, orderBy: { id: "asc" } });
    expect(b).toEqual(a);
    await other.$disconnect();
  }, 180_000); // a second full seed: minutes on a loaded machine

  it("generates large synthetic sets over the same employers", async () => {
    const before = await db.posting.count();
    expect(generatePostings(url, 20_000, { now })).toBe(20_000);
    expect(await db.posting.count()).toBe(before + 20_000);
    const sample = await db.posting.findFirst({ where: { id: before + 1 }, include: { organization: true } });
    expect(sample?.organization.regionCode.slice(0, 6)).toBe(sample?.countyCode);
  });
});
