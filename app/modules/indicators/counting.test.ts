import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeOrganization, makePosting } from "../../../prisma/seed/factories.ts";
import { openSeededDatabase } from "../../../tests/setup/test-env.ts";
import { apply, decide } from "../applications/applications.server.ts";
import type { Db } from "../db.server.ts";
import { idNumberCheckChar, maskIdNumber, maskPhone } from "../people/identity.ts";
import { decidePlacement } from "../placements/placements.server.ts";
import { encrypt, lookupHash } from "../security/secrets.server.ts";
import type { StaffActor } from "../staff/scope.ts";
import { recountEveryone } from "./counting.server.ts";
import { loadPlan, planFiles, readPlanFile } from "./plans.server.ts";
import { indicatorRecords, regionDashboard } from "./progress.server.ts";

const ID = (() => {
  const first17 = "61092419980506241";
  return first17 + idNumberCheckChar(first17);
})();

describe("indicator counts from verified placements (real SQLite, demo data)", () => {
  let db: Db;
  let cleanup: () => Promise<void>;
  let ziyang: StaffActor;
  let hanbin: StaffActor;
  let city: StaffActor;
  const year = new Date(Date.now() + 8 * 3_600_000).getUTCFullYear();
  const staff = async (email: string): Promise<StaffActor> => {
    const u = await db.user.findUniqueOrThrow({ where: { email } });
    return { id: u.id, role: u.role as StaffActor["role"], staffRegionCode: u.staffRegionCode };
  };
  const figure = async (actor: StaffActor, region: string, code = "new_urban_employment") =>
    (await regionDashboard(actor, { region, year }))!.indicators.find((i) => i.code === code)!.done;

  beforeAll(async () => {
    ({ db, cleanup } = openSeededDatabase());
    [ziyang, hanbin, city] = await Promise.all(["ziyang@demo.ankang.gov.cn", "hanbin@demo.ankang.gov.cn", "city@demo.ankang.gov.cn"].map(staff)) as [StaffActor, StaffActor, StaffActor];
  });
  afterAll(() => cleanup());

  it("loads the three plans from the seeds as data, twice without change", async () => {
    const files = planFiles();
    expect(files.map((f) => f.split("/").pop())).toEqual(["ankang-2021-2025.json", "henan-2016-2020.json", "shangluo-2012.json"]);
    const before = await db.indicator.count();
    for (const file of files) await loadPlan(db, readPlanFile(file));
    expect(await db.indicator.count()).toBe(before);
    const plans = await db.plan.findMany({ where: { code: { in: ["ankang-2021-2025", "henan-2016-2020", "shangluo-2012"] } }, include: { indicators: true } });
    const byCode = Object.fromEntries(plans.map((p) => [p.code, p]));
    expect(byCode["ankang-2021-2025"]!.indicators.find((i) => i.code === "new_urban_employment")!.planTarget).toBe(100_000);
    expect(byCode["shangluo-2012"]!.indicators.find((i) => i.code === "new_urban_employment")!.planTarget).toBe(12_000);
    expect(byCode["shangluo-2012"]!.indicators.find((i) => i.code === "registered_unemployment_rate")!.planTarget).toBe(450);
    expect(byCode["henan-2016-2020"]!.indicators.find((i) => i.code === "new_urban_employment")!.planTarget).toBe(5_000_000);
    expect(byCode["henan-2016-2020"]!.regionCode).toBe("410000");
    await expect(loadPlan(db, { ...readPlanFile(files[0]!), indicators: [] })).rejects.toThrow();
  });

  it("has this year's targets split from the city to counties to towns, summing exactly", async () => {
    const indicator = await db.indicator.findFirstOrThrow({ where: { code: "new_urban_employment", plan: { code: `ankang-${year}` } } });
    const targets = await db.target.findMany({ where: { indicatorId: indicator.id, year } });
    const cityTarget = targets.find((t) => t.regionCode === "610900")!.value;
    const counties = targets.filter((t) => t.regionCode.length === 6 && t.regionCode !== "610900");
    expect(counties).toHaveLength(10);
    expect(counties.reduce((a, t) => a + t.value, 0)).toBe(cityTarget);
    const ziyangTowns = targets.filter((t) => t.regionCode.startsWith("610924") && t.regionCode.length === 9);
    expect(ziyangTowns.reduce((a, t) => a + t.value, 0)).toBe(counties.find((t) => t.regionCode === "610924")!.value);
  });

  it("the demo figures are the credit rows, and recounting everyone from the records gives the same", async () => {
    const cityFigure = await figure(city, "610900");
    const countySum = (await regionDashboard(city, { region: "610900", year }))!.children.reduce((a, c) => a + c.indicators[0]!.done, 0);
    expect(countySum).toBe(cityFigure);
    const before = await db.indicatorCredit.count();
    await recountEveryone(db);
    expect(await db.indicatorCredit.count()).toBe(before);
    expect(await figure(city, "610900")).toBe(cityFigure);
    // The tally the dashboard reads equals the credit rows, indicator by indicator and month by month.
    const [tally, counted] = await Promise.all([
      db.indicatorTally.groupBy({ by: ["indicatorId", "year", "month"], _sum: { n: true }, where: { n: { gt: 0 } } }),
      db.indicatorCredit.groupBy({ by: ["indicatorId", "year", "month"], _count: { _all: true } }),
    ]);
    const key = (r: { indicatorId: number; year: number; month: number }) => `${r.indicatorId}:${r.year}:${r.month}`;
    expect(new Map(tally.map((r) => [key(r), r._sum.n]))).toEqual(new Map(counted.map((r) => [key(r), r._count._all])));
  });

  it("counts one person once however many times they are hired at once (100 parallel hires)", async () => {
    const org = await makeOrganization(db, { regionCode: "610924101", name: "紫阳县并发测试电子厂" });
    const owner = await db.user.create({ data: { email: "parallel-owner@test.cn", passwordHash: "x", role: "employer", displayName: "老板" } });
    await db.membership.create({ data: { userId: owner.id, organizationId: org.id, role: "owner" } });
    const seeker = await db.user.create({ data: { email: "parallel-seeker@test.cn", passwordHash: "x", role: "seeker", displayName: "赵秀英" } });
    await db.seekerProfile.create({
      data: { userId: seeker.id, name: "赵秀英", phoneEnc: encrypt("13912340000"), phoneMasked: maskPhone("13912340000"), idNumberEnc: encrypt(ID), idNumberMasked: maskIdNumber(ID), idHash: lookupHash("id-number", ID), consentSharing: true },
    });
    const postings = await Promise.all(Array.from({ length: 100 }, (_, n) => makePosting(db, { organizationId: org.id, regionCode: "610924101", kind: "job", title: `并发岗位 ${n}` })));
    const applications = [];
    for (const p of postings) {
      const applied = await apply(seeker.id, p.id);
      if (!applied.ok) throw new Error(JSON.stringify(applied));
      applications.push(applied.applicationId);
    }
    const [ziyangBefore, cityBefore] = [await figure(ziyang, "610924"), await figure(city, "610900")];
    const hires = await Promise.all(applications.map((id) => decide(owner.id, id, { intent: "hired" })));
    expect(hires.every((h) => h.ok)).toBe(true);
    const placements = await db.placement.findMany({ where: { personKey: lookupHash("id-number", ID) } });
    expect(placements).toHaveLength(100);
    // Another county's staff can neither see nor verify them.
    expect(await decidePlacement(hanbin, { intent: "verify", id: placements[0]!.id })).toEqual({ ok: false, reason: "not_found" });
    const verified = await Promise.all(placements.map((p) => decidePlacement(ziyang, { intent: "verify", id: p.id })));
    expect(verified.every((v) => v.ok)).toBe(true);
    expect(await figure(ziyang, "610924")).toBe(ziyangBefore! + 1);
    expect(await figure(city, "610900")).toBe(cityBefore! + 1);
    const credits = await db.indicatorCredit.findMany({ where: { personKey: lookupHash("id-number", ID) }, include: { indicator: true } });
    // This year's plan counts the person once (the five-year plan ended with 2025).
    expect(credits.filter((c) => c.indicator.code === "new_urban_employment" && c.year === year)).toHaveLength(1);
    expect(new Set(credits.map((c) => `${c.indicatorId}:${c.year}`)).size).toBe(credits.length);

    // The figure traces to the record: the credited placement is in the county's drill-down, masked.
    const annual = credits.find((c) => c.indicator.code === "new_urban_employment")!;
    const records = await indicatorRecords(ziyang, { indicatorId: annual.indicatorId, region: "610924101", year, page: 1 }, "zh-CN"); // newest first
    const row = records!.rows.find((r) => r.placementId === annual.placementId);
    expect(row).toMatchObject({ personName: "赵秀英", idNumberMasked: maskIdNumber(ID) });
    expect(JSON.stringify(records)).not.toContain(ID);
    expect(await indicatorRecords(hanbin, { indicatorId: annual.indicatorId, region: "610924", year, page: 1 }, "zh-CN")).toBeNull();
    expect(await regionDashboard(hanbin, { region: "610924", year })).toBeNull();

    // Rejecting the credited one moves the count to the next real start; rejecting all removes it.
    expect((await decidePlacement(ziyang, { intent: "reject", id: annual.placementId, from: "verified", reason: "重复登记" })).ok).toBe(true);
    expect(await figure(ziyang, "610924")).toBe(ziyangBefore! + 1);
    await Promise.all(placements.map((p) => decidePlacement(ziyang, { intent: "reject", id: p.id, from: "verified", reason: "核实不符" })));
    expect(await figure(ziyang, "610924")).toBe(ziyangBefore);
    expect(await figure(city, "610900")).toBe(cityBefore);
    const audits = await db.auditLog.count({ where: { entityType: "placement", action: { in: ["placement.verify", "placement.correct_reject"] } } });
    expect(audits).toBe(200);
  });
});
