/**
 * The support pages: real loaders and actions on real Requests over the demo data, and the real page
 * components rendered to HTML, so the test reads what a visitor reads.
 */
import { createStaticHandler, createStaticRouter, StaticRouterProvider } from "react-router-dom/server.js";
import { renderToStaticMarkup } from "react-dom/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openSeededDatabase } from "../../tests/setup/test-env.ts";
import "~/i18n/i18n.server.ts";
import { createSession } from "~/modules/auth/session.server.ts";
import type { Db } from "~/modules/db.server.ts";
import { loadDetail } from "~/modules/opportunities/detail.server.ts";
import { loadPolicyList } from "~/modules/policies/pages.server.ts";
import { SearchService, setSearchService } from "../../search/service.ts";
import PoliciesPage, { loader as listLoader } from "./policies._index.tsx";
import PolicyPage, { loader as policyLoader } from "./policies.$code.tsx";
import CheckPage, { action as checkAction, loader as checkLoader } from "./policies.check.tsx";

const context = { clientAddress: "10.7.3.1" };
const get = (url: string, cookie = "", params: Record<string, string> = {}) => ({ request: new Request(`http://localhost${url}`, { headers: { Cookie: cookie } }), params, context });
const statusOf = async (run: Promise<unknown>) => run.then(() => 200, (e: unknown) => (e instanceof Response ? e.status : 500));

async function render(Component: () => React.ReactElement, path: string, data: unknown, lang: "zh-CN" | "en" = "zh-CN"): Promise<string> {
  const page = JSON.parse(JSON.stringify(data)) as Record<string, unknown>;
  const { dataRoutes, query } = createStaticHandler([{ id: "root", path: "/", loader: () => ({ lang }), children: [{ id: "page", path: path.slice(1).split("?")[0], loader: () => page, Component }] }]);
  const ctx = await query(new Request(`http://localhost${path}`));
  if (ctx instanceof Response) throw ctx;
  return renderToStaticMarkup(<StaticRouterProvider router={createStaticRouter(dataRoutes, ctx)} context={ctx} hydrate={false} />);
}
const text = (html: string) => html.replace(/<[^>]+>/g, " ").replace(/\s+/g, " ");

describe("support and subsidy pages (routes, real SQLite)", () => {
  let db: Db;
  let cleanup: () => Promise<void>;
  beforeAll(() => {
    ({ db, cleanup } = openSeededDatabase());
    // Similar items come from search; the line under test does not, so an absent server will do.
    setSearchService(new SearchService("http://127.0.0.1:9", undefined, `policies_absent_${process.pid}`));
  });
  afterAll(() => cleanup());

  it("/policies lists the site region's entries with who, what and the source; another region by ?region", async () => {
    const data = await listLoader(get("/policies"));
    expect(data.region).toBe("610900");
    const html = text(await render(PoliciesPage, "/policies", data));
    expect(html).toContain("扶持政策和补贴");
    expect(html).toContain("跨省就业一次性交通补贴");
    expect(html).toContain("安政办发〔2022〕11号");
    expect(html).toContain("按当地标准");
    const shangluo = await listLoader(get("/policies?region=611000"));
    expect(shangluo.policies.map((p) => p.name)).toEqual(["职业培训补贴", "社保补贴", "小额担保贷款"]);
    const en = text(await render(PoliciesPage, "/policies", await loadPolicyList(new Request("http://localhost/policies"), "en"), "en"));
    expect(en).toContain("One-off travel subsidy for work in another province");
  });

  it("/policies/:code says who, what, how, where and the source; an unknown code is a 404", async () => {
    const data = await policyLoader(get("/policies/startup_loan", "", { code: "startup_loan" }));
    const html = text(await render(PolicyPage, "/policies/startup_loan", data));
    for (const words of ["创业担保贷款", "谁可以申请", "能得到什么", "怎么申请", "到哪里办", "政策出处", "第16条", "正在创业或打算创业"]) expect(html).toContain(words);
    expect(await statusOf(policyLoader(get("/policies/nothing", "", { code: "nothing" })))).toBe(404);
    expect(await statusOf(policyLoader(get("/policies/BAD!", "", { code: "BAD!" })))).toBe(404);
  });

  it("the check (GET, and POST alike): working in another province and lifted from poverty → the travel subsidy applies, with its reasons", async () => {
    const url = "/policies/check?checked=1&groups=lifted_from_poverty&works_other_province=yes";
    const data = await checkLoader(get(url));
    expect(data.results![0]).toMatchObject({ policy: { code: "travel_subsidy" }, result: { verdict: "applies" } });
    const html = text(await render(CheckPage, url, data));
    expect(html).toContain("您可能符合 跨省就业一次性交通补贴");
    expect(html).toContain("因为： 脱贫人口（含防返贫监测对象）；在外省工作，或要去外省工作");
    const posted = await checkAction({ request: new Request("http://localhost/policies/check", { method: "POST", body: new URLSearchParams([["works_other_province", "yes"]]) }), params: {}, context });
    const travel = posted.results!.find((r) => r.policy.code === "travel_subsidy")!;
    expect(travel.result).toMatchObject({ verdict: "maybe", missing: ["lifted_from_poverty"] });
  });

  it("bad input is answered at its field, the other answers kept, no results", async () => {
    const url = "/policies/check?checked=1&groups=graduate&groups=han_ethnicity&out_of_work=perhaps&starting_business=yes";
    const data = await checkLoader(get(url));
    expect(data.errors).toEqual({ groups: "policies.errors.groupUnknown", out_of_work: "policies.errors.yesNo" });
    expect(data.results).toBeNull();
    expect(data.answers).toMatchObject({ groups: ["graduate"], situations: { starting_business: "yes", out_of_work: "" } });
    const html = await render(CheckPage, url, data);
    expect(html).toMatch(/data-testid="q-out_of_work"[\s\S]*?请选择“是”“否”或“不确定”。/);
    expect(html).toContain("请从列出的人群中选择。");
    const yes = html.match(/<input[^>]*name="starting_business"[^>]*value="yes"[^>]*>/)?.[0] ?? "";
    expect(yes).toContain("checked");
  });

  it("a signed-in seeker's form starts from the profile's groups and city away", async () => {
    const user = await db.user.create({ data: { email: "policy-check@example.com", passwordHash: "x", displayName: "政策测试", role: "seeker", profile: { create: { name: "政策测试", groups: ",lifted_from_poverty,", awayCityCode: "440300" } } } });
    const cookie = (await createSession(user.id, new Request("http://localhost/"), false)).split(";")[0]!;
    const data = await checkLoader(get("/policies/check", cookie));
    expect(data.prefilled).toBe(true);
    expect(data.answers).toEqual({ groups: ["lifted_from_poverty"], situations: { works_other_province: "yes" } });
  });

  it("an internship's detail page says 可申请：见习补贴, linked to its conditions", async () => {
    const internship = await db.posting.findFirstOrThrow({ where: { kind: "internship", status: "published", regionCode: { gte: "6109", lt: "6110" } } });
    const detail = (await loadDetail("internship", internship.id, "zh-CN"))!;
    expect(detail.policies).toEqual([{ code: "internship_subsidy", name: "就业见习（见习补贴）", region: "610900" }]);
    const { PolicyHints } = await import("~/components/policy-hints.tsx");
    const html = await render(() => <PolicyHints links={detail.policies} mode="canApply" />, "/x", {});
    expect(text(html)).toContain("可申请： 就业见习（见习补贴）");
    expect(html).toContain('href="/policies/internship_subsidy?region=610900"');
  });
});
