import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openSeededDatabase } from "../../tests/setup/test-env.ts";
import { createSession } from "~/modules/auth/session.server.ts";
import type { Db } from "~/modules/db.server.ts";
import { planFiles, readPlanFile } from "~/modules/indicators/plans.server.ts";
import { publicFigures } from "~/modules/indicators/public.server.ts";
import { cellName } from "~/modules/targets/schemas.ts";
import { loader as staffHomeLoader } from "./staff._index.tsx";
import { loader as dashboardLoader } from "./staff.indicators._index.tsx";
import { action as targetsAction, loader as targetsLoader } from "./staff.targets.tsx";

const context = { clientAddress: "10.4.0.2" };
type Dashboard = Awaited<ReturnType<typeof dashboardLoader>>["dashboard"];
type Acted = { result: { initialValue?: { v?: Record<string, Record<string, string>> } | null }; notice: { kind: string; changed?: number; warnings?: number } | null };

/** The three plans of the seeds: each opens on its own region, with that region's children ranked. */
const PLANS = [
  { code: "ankang-2021-2025", region: "610900", year: 2023, staff: "city@demo.ankang.gov.cn", children: "county", count: 10 },
  { code: "shangluo-2012", region: "611000", year: 2012, staff: "shangluo@demo.shangluo.gov.cn", children: "county", count: 7 },
  { code: "henan-2016-2020", region: "410000", year: 2020, staff: "henan@demo.henan.gov.cn", children: "city", count: 18 },
] as const;

describe("the Shangluo 2012 and Henan 2016–2020 plans open on the staff dashboard with their own regions (real SQLite, demo data, real Requests)", () => {
  let db: Db;
  let cleanup: () => Promise<void>;
  const cookies: Record<string, string> = {};
  const get = (path: string, cookie: string) => new Request(`http://localhost${path}`, { headers: { Cookie: cookie } });
  const post = (path: string, fields: [string, string][], cookie: string) =>
    new Request(`http://localhost${path}`, { method: "POST", body: new URLSearchParams(fields), headers: { Cookie: cookie } });
  /** The dashboard, or the status it was refused with. */
  const dashboard = async (path: string, cookie: string): Promise<Dashboard | number> => {
    try {
      return (await dashboardLoader({ request: get(path, cookie), params: {}, context })).dashboard;
    } catch (e) {
      if (e instanceof Response) return e.status;
      throw e;
    }
  };
  const opened = async (path: string, cookie: string): Promise<Dashboard> => {
    const d = await dashboard(path, cookie);
    if (typeof d === "number") throw new Error(`${path}: ${d}`);
    return d;
  };
  const submit = async (path: string, fields: [string, string][], cookie: string): Promise<Acted | number> => {
    try {
      return (await targetsAction({ request: post(path, fields, cookie), params: {}, context })) as Acted;
    } catch (e) {
      if (e instanceof Response) return e.status;
      throw e;
    }
  };

  beforeAll(async () => {
    ({ db, cleanup } = openSeededDatabase());
    for (const email of ["admin@demo.ankang.gov.cn", ...PLANS.map((p) => p.staff)]) {
      const user = await db.user.findUniqueOrThrow({ where: { email } });
      cookies[email] = (await createSession(user.id, new Request("http://localhost/"), false)).split(";")[0]!;
    }
  });
  afterAll(() => cleanup());

  for (const plan of PLANS) {
    it(`${plan.code}: its staff and the administrator open ${plan.region} ${plan.year} on that plan, its ${plan.count} ${plan.children} areas listed`, async () => {
      const file = readPlanFile(planFiles().find((f) => f.endsWith(`${plan.code}.json`))!);
      for (const cookie of [cookies[plan.staff]!, cookies["admin@demo.ankang.gov.cn"]!]) {
        const d = await opened(`/staff/indicators?region=${plan.region}&year=${plan.year}&plan=${plan.code}`, cookie);
        expect(d.regionCode).toBe(plan.region);
        expect(d.plan?.code).toBe(plan.code);
        expect(d.indicators.map((i) => i.code)).toEqual(file.indicators.map((i) => i.code));
        expect(d.children).toHaveLength(plan.count);
        const regions = await db.region.findMany({ where: { code: { in: d.children.map((c) => c.code) } } });
        expect(new Set(regions.map((r) => r.level))).toEqual(new Set([plan.children]));
        expect(regions.every((r) => r.parentCode === plan.region)).toBe(true);
      }
    });
  }

  it("opens a region's own plan year when none is asked: Henan's staff land on 2020, Shangluo's on 2012", async () => {
    const henan = await opened("/staff/indicators", cookies["henan@demo.henan.gov.cn"]!);
    expect([henan.regionCode, henan.year, henan.plan?.code]).toEqual(["410000", 2020, "henan-2016-2020"]);
    expect(henan.children.map((c) => c.name)).toEqual(expect.arrayContaining(["郑州市", "洛阳市", "南阳市"]));
    const shangluo = await opened("/staff/indicators", cookies["shangluo@demo.shangluo.gov.cn"]!);
    expect([shangluo.regionCode, shangluo.year, shangluo.plan?.code]).toEqual(["611000", 2012, "shangluo-2012"]);
    expect(shangluo.children.map((c) => c.name)).toEqual(["商州区", "洛南县", "丹凤县", "商南县", "山阳县", "镇安县", "柞水县"]);
    // A drill-down inside Henan: a city's children are its counties.
    const zhengzhou = await opened("/staff/indicators?region=410100&year=2020", cookies["henan@demo.henan.gov.cn"]!);
    expect(zhengzhou.plan?.code).toBe("henan-2016-2020");
    expect(zhengzhou.children.map((c) => c.code)).toContain("410102");
  });

  it("counts a placement in a Henan town under its city on the province's ranking and under its county on the city's", async () => {
    const indicator = await db.indicator.findFirstOrThrow({ where: { code: "new_urban_employment", plan: { code: "henan-2016-2020" } } });
    const placement = await db.placement.create({
      data: { personName: "测试人员", employerName: "郑州测试公司", kind: "new_urban", regionCode: "410102001", countyCode: "410102", startDate: new Date("2020-06-01T00:00:00Z"), source: "staff", status: "verified", personKey: "henan-test-1" },
    });
    await db.indicatorCredit.create({ data: { indicatorId: indicator.id, year: 2020, month: 6, personKey: "henan-test-1", placementId: placement.id, regionCode: "410102001", countyCode: "410102" } });
    const cookie = cookies["henan@demo.henan.gov.cn"]!;
    const done = (d: Dashboard, code: string) => d.children.find((c) => c.code === code)!.indicators.find((x) => x.indicatorId === indicator.id)!.done;
    const henan = await opened("/staff/indicators?region=410000&year=2020", cookie);
    expect(henan.indicators.find((i) => i.id === indicator.id)!.done).toBe(1);
    expect(done(henan, "410100")).toBe(1);
    expect(done(henan, "410300")).toBe(0);
    expect(done(await opened("/staff/indicators?region=410100&year=2020", cookie), "410102")).toBe(1);
  });

  it("greets Shangluo's and Henan's staff on the staff home with their own region", async () => {
    const home = (email: string) => staffHomeLoader({ request: get("/staff", cookies[email]!), params: {}, context });
    expect((await home("henan@demo.henan.gov.cn")).scope).toBe("河南省");
    expect((await home("shangluo@demo.shangluo.gov.cn")).scope).toBe("商洛市");
  });

  it("keeps the public figures on the site's own city (SITE_REGION), not the first city by code now that Henan is loaded", async () => {
    const figures = await publicFigures({});
    expect(figures?.city.code).toBe("610900");
    expect(figures?.counties?.rows.map((r) => r.code)).toContain("610924");
  });

  it("keeps each staff member to their own region: Ankang's city staff cannot open Henan or Shangluo, nor they Ankang", async () => {
    const ankang = cookies["city@demo.ankang.gov.cn"]!;
    expect(await dashboard("/staff/indicators?region=410000&year=2020", ankang)).toBe(404);
    expect(await dashboard("/staff/indicators?region=611000&year=2012", ankang)).toBe(404);
    expect(await dashboard("/staff/indicators?region=610900&year=2023", cookies["henan@demo.henan.gov.cn"]!)).toBe(404);
    expect(await dashboard("/staff/indicators?region=610924", cookies["shangluo@demo.shangluo.gov.cn"]!)).toBe(404);
    const before = await db.target.count();
    const henanIndicator = await db.indicator.findFirstOrThrow({ where: { code: "new_urban_employment", plan: { code: "henan-2016-2020" } } });
    expect(await submit("/staff/targets?region=410000&year=2020&plan=henan-2016-2020", [["intent", `save:${henanIndicator.id}`], [cellName(henanIndicator.id, "410100"), "5"]], ankang)).toBe(404);
    expect(await db.target.count()).toBe(before);
  });

  it("splits Henan's 2020 figure among its cities and Shangluo's 2012 figure among its counties, and the dashboards show the parts", async () => {
    const cases = [
      { plan: PLANS[2], own: 1_000_000, child: "410100" },
      { plan: PLANS[1], own: 12_000, child: "611021" },
    ];
    for (const { plan, own, child } of cases) {
      const cookie = cookies[plan.staff]!;
      const url = `/staff/targets?region=${plan.region}&year=${plan.year}&plan=${plan.code}`;
      const { sheet } = await targetsLoader({ request: get(url, cookie), params: {}, context });
      expect(sheet.canEditOwn).toBe(true);
      expect(sheet.canEditChildren).toBe(true);
      expect(sheet.children).toHaveLength(plan.count);
      const indicator = sheet.indicators.find((i) => i.code === "new_urban_employment")!;
      const codes = sheet.children.map((c) => c.code);

      const filled = await submit(url, [["intent", `even:${indicator.id}`], [cellName(indicator.id, plan.region), String(own)]], cookie);
      if (typeof filled === "number") throw new Error(`split refused: ${filled}`);
      const parts = codes.map((c) => Number(filled.result.initialValue!.v![String(indicator.id)]![c]));
      expect(parts.reduce((a, b) => a + b, 0)).toBe(own);

      const saved = await submit(url, [["intent", `save:${indicator.id}`], [cellName(indicator.id, plan.region), String(own)], ...codes.map((c, i): [string, string] => [cellName(indicator.id, c), String(parts[i])])], cookie);
      if (typeof saved === "number") throw new Error(`save refused: ${saved}`);
      expect(saved.notice).toEqual({ kind: "saved", changed: codes.length + 1, warnings: 0 });
      expect(await db.target.findFirst({ where: { indicatorId: indicator.id, regionCode: child, year: plan.year } })).toMatchObject({ value: parts[codes.indexOf(child)] });
      expect(await db.auditLog.count({ where: { action: "target.set", regionCode: child } })).toBe(1);

      const d = await opened(`/staff/indicators?region=${plan.region}&year=${plan.year}&plan=${plan.code}`, cookie);
      expect(d.indicators.find((i) => i.code === "new_urban_employment")!.target).toBe(own);
      const row = d.children.find((c) => c.code === child)!;
      expect(row.indicators.find((x) => x.indicatorId === indicator.id)!.target).toBe(parts[codes.indexOf(child)]);
    }
  });
});
