import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makePosting } from "../../prisma/seed/factories.ts";
import { openSeededDatabase } from "../../tests/setup/test-env.ts";
import { apply, listApplicants } from "./applications/applications.server.ts";
import type { Db } from "./db.server.ts";
import { likeText, withLikeEscape } from "./like.ts";
import { searchDatabase } from "./search/database.server.ts";
import { listPlacementsForStaff } from "./placements/placements.server.ts";
import { parseSearchParams } from "./search/params.ts";
import type { StaffActor } from "./staff/scope.ts";

describe("user text in LIKE matches literally (real SQLite, demo data)", () => {
  let db: Db;
  let cleanup: () => Promise<void>;
  let ziyang: StaffActor;

  beforeAll(async () => {
    ({ db, cleanup } = openSeededDatabase());
    const staff = await db.user.findFirstOrThrow({ where: { email: "ziyang@demo.ankang.gov.cn" } });
    ziyang = { id: staff.id, role: "staff", staffRegionCode: staff.staffRegionCode };
    const base = { employerName: "紫阳县测试厂", kind: "new_urban", regionCode: "610924100", countyCode: "610924", startDate: new Date("2026-02-02"), source: "staff", status: "pending" };
    await db.placement.create({ data: { ...base, personName: "百分%之百" } });
    await db.placement.create({ data: { ...base, personName: "下划_线" } });
    await db.placement.create({ data: { ...base, personName: "反斜\\杠" } });
  });
  afterAll(() => cleanup());

  it("the escape helper and the clause the client adds", () => {
    expect(likeText("50%_a\\b")).toBe("50\\%\\_a\\\\b");
    expect(withLikeEscape("SELECT 1 WHERE a LIKE ? AND b NOT LIKE ?")).toBe("SELECT 1 WHERE a LIKE ? ESCAPE '\\' AND b NOT LIKE ? ESCAPE '\\'");
    expect(withLikeEscape("SELECT 1")).toBe("SELECT 1");
  });

  it("staff placement search: % and _ match only themselves, not every record", async () => {
    const names = async (q: string) => (await listPlacementsForStaff(ziyang, { status: "all", q, page: 1 }, "zh-CN")).rows.map((r) => r.personName);
    const everything = (await listPlacementsForStaff(ziyang, { status: "all", page: 1 }, "zh-CN")).total;
    expect(everything).toBeGreaterThan(1000);
    expect(await names("%")).toEqual(["百分%之百"]);
    expect(await names("_")).toEqual(["下划_线"]);
    expect(await names("\\")).toEqual(["反斜\\杠"]);
    expect(await names("%%")).toEqual([]);
    expect(await names("百分%")).toEqual(["百分%之百"]);
    // Ordinary text still finds what contains it.
    expect(await names("紫阳县测试")).toHaveLength(3);
  });

  it("the search fallback and the employer's applicant search do the same", async () => {
    const outcome = await searchDatabase(parseSearchParams(new URLSearchParams({ q: "%" })).params);
    expect(outcome.total).toBe(0);
    const underscore = await searchDatabase(parseSearchParams(new URLSearchParams({ q: "_" })).params);
    expect(underscore.total).toBe(0);

    const owner = await db.user.findFirstOrThrow({ where: { email: "hr@demo-employer.cn" } });
    const orgId = (await db.membership.findFirstOrThrow({ where: { userId: owner.id } })).organizationId;
    const posting = await makePosting(db, { organizationId: orgId, regionCode: "610924100", title: "通配符测试岗位" });
    const seeker = await db.user.findFirstOrThrow({ where: { role: "seeker", profile: { isNot: null } } });
    const applied = await apply(seeker.id, posting.id);
    expect(applied.ok).toBe(true);
    const rows = async (q: string) => (await listApplicants(owner.id, { posting: posting.id, q }))!.rows.length;
    expect(await rows("%")).toBe(0);
    expect(await rows("_")).toBe(0);
  });
});
