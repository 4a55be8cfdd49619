/**
 * The lagging list at /staff/indicators/lagging: real loader on real Requests over the demo data,
 * the clock set to 1 October, each staff member seeing only their scope; and the page itself
 * rendered to HTML (a plain page of links: nothing needs JavaScript).
 */
import { createStaticHandler, createStaticRouter, StaticRouterProvider } from "react-router-dom/server.js";
import { renderToStaticMarkup } from "react-dom/server";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { openSeededDatabase, seedNow } from "../../tests/setup/test-env.ts";
import "~/i18n/i18n.server.ts";
import { createSession } from "~/modules/auth/session.server.ts";
import type { Db } from "~/modules/db.server.ts";
import { HAOPING, octoberFirst, setLagTargets, ZIYANG } from "~/modules/indicators/lag.fixture.ts";
import { runLagWarnings } from "~/modules/indicators/lag-warnings.server.ts";
import LaggingPage, { loader } from "./staff.indicators.lagging.tsx";
import { loader as dashboardLoader } from "./staff.indicators._index.tsx";

const context = { clientAddress: "10.7.0.9" };
type List = Awaited<ReturnType<typeof loader>>;

async function render(data: unknown, lang: "zh-CN" | "en"): Promise<string> {
  const page = JSON.parse(JSON.stringify(data)) as Record<string, unknown>;
  const path = "/staff/indicators/lagging";
  const { dataRoutes, query } = createStaticHandler([{ id: "root", path: "/", loader: () => ({ lang }), children: [{ id: "page", path: path.slice(1), loader: () => page, Component: LaggingPage }] }]);
  const ctx = await query(new Request(`http://localhost${path}`));
  if (ctx instanceof Response) throw ctx;
  return renderToStaticMarkup(<StaticRouterProvider router={createStaticRouter(dataRoutes, ctx)} context={ctx} hydrate={false} />);
}

describe("the lagging list is scoped to the viewer's region (routes, real SQLite, clock on 1 October)", () => {
  let db: Db;
  let cleanup: () => Promise<void>;
  const now = octoberFirst(seedNow());
  const cookies: Record<string, string> = {};
  const open = async (who: string): Promise<List> => loader({ request: new Request("http://localhost/staff/indicators/lagging", { headers: { Cookie: cookies[who]! } }), params: {}, context });
  const areas = (list: List) => [...new Set(list.list.rows.map((r) => r.regionCode))];

  beforeAll(async () => {
    vi.useFakeTimers({ toFake: ["Date"], now });
    ({ db, cleanup } = openSeededDatabase());
    await setLagTargets(db, now);
    for (const email of ["city@demo.ankang.gov.cn", "ziyang@demo.ankang.gov.cn", "hanbin@demo.ankang.gov.cn", "haoping@demo.ankang.gov.cn", "shangluo@demo.shangluo.gov.cn", "admin@demo.ankang.gov.cn"]) {
      const user = await db.user.findUniqueOrThrow({ where: { email } });
      cookies[email.split("@")[0]!] = (await createSession(user.id, new Request("http://localhost/"), false)).split(";")[0]!;
    }
  });
  afterAll(async () => {
    vi.useRealTimers();
    await cleanup();
  });

  it("the city and the administrator see every lagging area; a county its own and its towns; a town itself; a county on pace and another city none", async () => {
    expect(areas(await open("city"))).toEqual([ZIYANG, HAOPING]);
    expect(areas(await open("admin"))).toEqual([ZIYANG, HAOPING]);
    expect(areas(await open("ziyang"))).toEqual([ZIYANG, HAOPING]);
    expect(areas(await open("haoping"))).toEqual([HAOPING]);
    expect((await open("hanbin")).list.rows).toEqual([]);
    expect((await open("shangluo")).list.rows).toEqual([]);
  });

  it("each row has the target, what is done, % done against % of the year gone by, points behind, and when staff were last told", async () => {
    const before = (await open("city")).list;
    expect(before.pctTime).toBeCloseTo(75.1, 1);
    const row = before.rows.find((r) => r.regionCode === ZIYANG && r.code === "new_urban_employment")!;
    expect(row).toMatchObject({ regionName: "紫阳县", hasStaff: true, lastWarnedAt: null });
    expect(row.done / row.target).toBeCloseTo(row.pctDone / 100, 2);
    expect(row.behind).toBeCloseTo(row.pctTime - row.pctDone, 0);
    expect(row.behind).toBeGreaterThan(10);

    await runLagWarnings(now);
    const after = (await open("city")).list;
    expect(new Set(after.rows.map((r) => r.lastWarnedAt))).toEqual(new Set([now.toISOString()]));
  });

  it("renders as a table of plain links in both languages; the dashboard calls the same figure lagging", async () => {
    const data = await open("ziyang");
    const zh = await render(data, "zh-CN");
    expect(zh).toContain("进度明显滞后的地区");
    expect(zh.match(/data-testid="lagging-row"/g)).toHaveLength(3);
    expect(zh).toContain(`href="/staff/indicators?region=${ZIYANG}&amp;year=`);
    expect(zh).toContain("城镇新增就业");
    expect(zh).not.toContain("<form");
    const en = await render(data, "en");
    expect(en).toContain("Areas behind pace");
    expect(en).toContain("Points behind");
    expect(en).toContain("Ziyang");

    const dashboard = await dashboardLoader({ request: new Request("http://localhost/staff/indicators", { headers: { Cookie: cookies.ziyang! } }), params: {}, context });
    expect(dashboard.dashboard.indicators.find((i) => i.code === "new_urban_employment")!.status).toBe("lagging");
  });
});
