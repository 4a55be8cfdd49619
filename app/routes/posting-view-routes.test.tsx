/**
 * One post, three pages: its public page, the employer's preview and the staff queue get the same
 * view from the same builder (modules/opportunities/posting-view.ts) and draw it with the same
 * component, so what the employer and staff check is what a job seeker reads. Real loaders on
 * real Requests over the demo data, and the real page components rendered to HTML.
 */
import { createStaticHandler, createStaticRouter, StaticRouterProvider } from "react-router-dom/server.js";
import { renderToStaticMarkup } from "react-dom/server";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { makePosting } from "../../prisma/seed/factories.ts";
import { SearchService, setSearchService } from "../../search/service.ts";
import { openSeededDatabase } from "../../tests/setup/test-env.ts";
import "~/i18n/i18n.server.ts";
import { createSession } from "~/modules/auth/session.server.ts";
import type { Db } from "~/modules/db.server.ts";
import DetailPage, { loader as detailLoader } from "./$kind.$id.tsx";
import EmployerPostingPage, { loader as previewLoader } from "./employer.postings.$id._index.tsx";
import { loader as staffLoader } from "./staff.postings.tsx";

const context = { clientAddress: "10.7.0.1" };
const get = (url: string, cookie: string | null) => new Request(`http://localhost${url}`, { headers: cookie ? { Cookie: cookie } : {} });

/** A page component as the browser gets it from its loader's data (serialized), in the given language. */
async function render(Component: () => React.ReactElement, path: string, data: unknown, lang: "zh-CN" | "en"): Promise<string> {
  const page = JSON.parse(JSON.stringify(data)) as Record<string, unknown>;
  const { dataRoutes, query } = createStaticHandler([{ id: "root", path: "/", loader: () => ({ lang }), children: [{ id: "page", path: path.slice(1), loader: () => page, Component }] }]);
  const context = await query(new Request(`http://localhost${path}`));
  if (context instanceof Response) throw context;
  return renderToStaticMarkup(<StaticRouterProvider router={createStaticRouter(dataRoutes, context)} context={context} hydrate={false} />);
}
/** The drawn post (the component's <article>), without the parts only one page has around it. */
const article = (html: string) => html.match(/<article data-testid="posting-view">[\s\S]*?<\/article>/)?.[0] ?? "";

describe("a post's public page, the employer's preview and the staff queue show one view (routes, real SQLite)", () => {
  let db: Db;
  let cleanup: () => Promise<void>;
  const cookies = { employer: "", staff: "" };
  let organizationId: number;

  const signIn = async (userId: number) => (await createSession(userId, new Request("http://localhost/"), false)).split(";")[0]!;

  beforeAll(async () => {
    ({ db, cleanup } = openSeededDatabase());
    // Related items come from search; an index that does not exist sends them to the SQLite fallback.
    setSearchService(new SearchService(process.env.TEST_MEILI_URL ?? "http://127.0.0.1:9", process.env.TEST_MEILI_KEY, `posting_view_absent_${process.pid}`));
    const warn = console.warn.bind(console);
    vi.spyOn(console, "warn").mockImplementation((...args: unknown[]) => {
      if (!String(args[0]).startsWith("search server unavailable")) warn(...args);
    });
    const employer = await db.user.findUniqueOrThrow({ where: { email: "hr@demo-employer.cn" } });
    organizationId = (await db.membership.findFirstOrThrow({ where: { userId: employer.id } })).organizationId;
    await db.organization.update({ where: { id: organizationId }, data: { description: "本单位在紫阳县做富硒茶加工。" } });
    cookies.employer = await signIn(employer.id);
    cookies.staff = await signIn((await db.user.findUniqueOrThrow({ where: { email: "ziyang@demo.ankang.gov.cn" } })).id);
  });

  afterAll(async () => {
    vi.restoreAllMocks();
    await cleanup();
  });

  it("a one-sided age limit, the brand, the skills and the employer's description read the same on all three", async () => {
    const brand = await db.labourBrand.findFirstOrThrow({ orderBy: { code: "asc" } });
    const posting = await makePosting(db, {
      organizationId,
      regionCode: "610924100",
      title: "茶叶加工工（视图测试）",
      ageMin: 18,
      ageMax: null,
      brandCode: brand.code,
      skills: "会炒青、会揉捻",
      status: "pending",
      publishedAt: null,
      // First in the staff queue (oldest submission first).
      submittedAt: new Date("2020-01-01T00:00:00Z"),
    });
    const id = String(posting.id);

    // Waiting for staff: the employer's preview and the staff queue.
    const pendingPreview = await previewLoader({ request: get(`/employer/postings/${id}`, cookies.employer), params: { id }, context });
    const queue = await staffLoader({ request: get("/staff/postings", cookies.staff), params: {}, context });
    const queued = queue.queue.rows.find((row) => row.view.id === posting.id);
    expect(queued?.view).toEqual(pendingPreview.posting.view);
    expect(pendingPreview.posting.view.publishedAt).toBeNull();

    // Published: the public page and the preview.
    await db.posting.update({ where: { id: posting.id }, data: { status: "published", publishedAt: new Date() } });
    const page = await detailLoader({ request: get(`/job/${id}`, null), params: { kind: "job", id }, context });
    const preview = await previewLoader({ request: get(`/employer/postings/${id}`, cookies.employer), params: { id }, context });
    expect(page.detail.view).toEqual(preview.posting.view);
    const view = preview.posting.view;
    expect(view.terms?.age).toEqual({ min: 18, max: null });
    expect(view).toMatchObject({ brand: brand.nameZh, skills: "会炒青、会揉捻", organization: { description: "本单位在紫阳县做富硒茶加工。" } });
    expect(view.place).toBe("安康市 · 紫阳县 · 城关镇");

    // Drawn: the same article on both pages, the limit in words, in both languages.
    for (const [lang, age] of [["zh-CN", "18 岁以上"], ["en", "18 or older"]] as const) {
      const publicHtml = await render(DetailPage, `/job/${id}`, page, lang);
      const previewHtml = await render(EmployerPostingPage, `/employer/postings/${id}`, preview, lang);
      const drawn = article(publicHtml);
      expect(drawn, lang).toContain(age);
      expect(drawn).toContain(brand.nameZh); // names come in the language the loader answered in
      expect(drawn).toContain("会炒青、会揉捻");
      expect(drawn).toContain("本单位在紫阳县做富硒茶加工。");
      // The public page acts (apply, call) where the preview shows the plain how-to-apply box; the rest is the same.
      // Heading levels differ too: the public page's title is the page's h1, the preview's sits under the page's own.
      const withoutAct = (html: string) =>
        html.replace(/<a [^>]*data-testid="apply"[\s\S]*?<\/section>|<section class="mt-4 rounded-lg border border-brand-100[\s\S]*?<\/section>/, "").replace(/(<\/?h)[1-3]/g, "$1");
      expect(withoutAct(drawn)).toBe(withoutAct(article(previewHtml)));
      expect(publicHtml).toContain('data-testid="apply"');
    }
  });

  it("both sides of an age limit, and none, read the same; a gig shows no job terms on either page", async () => {
    const both = await makePosting(db, { organizationId, ageMin: 20, ageMax: 45 });
    const none = await makePosting(db, { organizationId, ageMin: null, ageMax: null });
    const gig = await makePosting(db, { organizationId, kind: "gig" });
    for (const [row, kind] of [[both, "job"], [none, "job"], [gig, "gig"]] as const) {
      const id = String(row.id);
      const page = await detailLoader({ request: get(`/${kind}/${id}`, null), params: { kind, id }, context });
      const preview = await previewLoader({ request: get(`/employer/postings/${id}`, cookies.employer), params: { id }, context });
      expect(page.detail.view, id).toEqual(preview.posting.view);
      const html = article(await render(DetailPage, `/${kind}/${id}`, page, "zh-CN"));
      if (row === both) expect(html).toContain("20–45 岁");
      if (row === none) expect(html).not.toContain("<dt class=\"w-24 shrink-0 text-slate-500\">年龄</dt>");
      if (row === gig) {
        expect(page.detail.view?.terms).toBeNull();
        expect(html).not.toContain("学历要求");
      }
    }
  });
});
