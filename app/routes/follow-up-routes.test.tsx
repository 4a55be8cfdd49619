/**
 * The follow-up pages: the staff queue at /staff/follow-up inside each officer's region, its call
 * form (bad input at the field, another region's row a 404), the flag on the organizations page,
 * and the response figures in words on a post's public page. Real loaders and actions on real
 * Requests over the demo data; pages rendered to HTML with their real components.
 */
import { createStaticHandler, createStaticRouter, StaticRouterProvider } from "react-router-dom/server.js";
import { renderToStaticMarkup } from "react-dom/server";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { addDays, makeOrganization, makePosting } from "../../prisma/seed/factories.ts";
import { SearchService, setSearchService } from "../../search/service.ts";
import { openSeededDatabase } from "../../tests/setup/test-env.ts";
import "~/i18n/i18n.server.ts";
import { apply } from "~/modules/applications/applications.server.ts";
import { createSession } from "~/modules/auth/session.server.ts";
import type { Db } from "~/modules/db.server.ts";
import { runFollowUp } from "~/modules/follow-up/run.server.ts";
import { maskPhone } from "~/modules/people/identity.ts";
import { encrypt, lookupHash } from "~/modules/security/secrets.server.ts";
import DetailPage, { loader as detailLoader } from "./$kind.$id.tsx";
import FollowUpPage, { action, loader } from "./staff.follow-up.tsx";
import { loader as staffHome } from "./staff._index.tsx";
import { loader as organizationsLoader } from "./staff.organizations.tsx";

const context = { clientAddress: "10.12.0.1" };
const get = (url: string, cookie: string | null) => new Request(`http://localhost${url}`, { headers: cookie ? { Cookie: cookie } : {} });
const post = (cookie: string, form: [string, string][]) => new Request("http://localhost/staff/follow-up", { method: "POST", body: new URLSearchParams(form), headers: { Cookie: cookie } });
const DAY = 86_400_000;

async function render(Component: () => React.ReactElement, path: string, data: unknown, lang: "zh-CN" | "en"): Promise<string> {
  const page = JSON.parse(JSON.stringify(data)) as Record<string, unknown>;
  const { dataRoutes, query } = createStaticHandler([{ id: "root", path: "/", loader: () => ({ lang }), children: [{ id: "page", path: path.slice(1), loader: () => page, Component }] }]);
  const ctx = await query(new Request(`http://localhost${path}`));
  if (ctx instanceof Response) throw ctx;
  return renderToStaticMarkup(<StaticRouterProvider router={createStaticRouter(dataRoutes, ctx)} context={ctx} hydrate={false} />);
}

describe("follow-up pages (routes, real SQLite, demo data)", () => {
  let db: Db;
  let cleanup: () => Promise<void>;
  const cookies = {} as Record<"ziyang" | "haoping" | "hanbin" | "city" | "admin", string>;
  const t0 = new Date(Date.now() - 15 * DAY);
  // One waiting application in each of three places: 紫阳县蒿坪镇, 紫阳县城关镇 and 汉滨区.
  const places = { haoping: "610924101", chengguan: "610924100", hanbin: "610902001" } as const;
  const rows = {} as Record<keyof typeof places, { followUpId: number; employer: string; phone: string; seeker: string; seekerPhone: string }>;
  let serial = 0;

  const signIn = async (email: string) => (await createSession((await db.user.findUniqueOrThrow({ where: { email } })).id, new Request("http://localhost/"), false)).split(";")[0]!;
  const seeker = async (name: string) => {
    const phone = `136${String(30_000_000 + ++serial).slice(-8)}`;
    const user = await db.user.create({ data: { role: "seeker", displayName: name, passwordHash: "x", phoneHash: lookupHash("phone", phone), phoneEnc: encrypt(phone), phoneMasked: maskPhone(phone) } });
    await db.seekerProfile.create({ data: { userId: user.id, name, phoneEnc: encrypt(phone), phoneMasked: maskPhone(phone), consentSharing: true } });
    return { id: user.id, phone };
  };
  const employerAt = async (regionCode: string, name: string, phone: string) => {
    const org = await makeOrganization(db, { regionCode, name, contactName: "刘经理", contactPhone: phone }, t0);
    const posting = await makePosting(db, { organizationId: org.id, regionCode, title: `${name}招聘`, publishedAt: t0, validUntil: addDays(t0, 60) }, t0);
    return { org, posting };
  };

  beforeAll(async () => {
    ({ db, cleanup } = openSeededDatabase());
    setSearchService(new SearchService(process.env.TEST_MEILI_URL ?? "http://127.0.0.1:9", process.env.TEST_MEILI_KEY, `follow_up_absent_${process.pid}`));
    const warn = console.warn.bind(console);
    vi.spyOn(console, "warn").mockImplementation((...args: unknown[]) => {
      if (!String(args[0]).startsWith("search server unavailable")) warn(...args);
    });
    cookies.ziyang = await signIn("ziyang@demo.ankang.gov.cn");
    cookies.haoping = await signIn("haoping@demo.ankang.gov.cn");
    cookies.hanbin = await signIn("hanbin@demo.ankang.gov.cn");
    cookies.city = await signIn("city@demo.ankang.gov.cn");
    cookies.admin = await signIn("admin@demo.ankang.gov.cn");
    for (const [key, regionCode] of Object.entries(places) as [keyof typeof places, string][]) {
      const phone = `0915-55${String(++serial).padStart(5, "0")}`;
      const employer = `跟进页${key}有限公司`;
      const { posting } = await employerAt(regionCode, employer, phone);
      const name = `求职者${key}秘名`;
      const person = await seeker(name);
      const applied = await apply(person.id, posting.id, t0);
      if (!applied.ok) throw new Error(applied.reason);
      rows[key] = { followUpId: 0, employer, phone, seeker: name, seekerPhone: person.phone };
    }
    await runFollowUp(new Date());
    for (const key of Object.keys(places) as (keyof typeof places)[]) {
      const row = await db.applicationFollowUp.findFirstOrThrow({ where: { organization: { name: rows[key].employer } } });
      rows[key].followUpId = row.id;
    }
  });

  afterAll(async () => {
    vi.restoreAllMocks();
    await cleanup();
  });

  const listed = async (cookie: string) => (await loader({ request: get("/staff/follow-up", cookie), params: {}, context })).rows.map((r) => r.employer.name).filter((n) => n.startsWith("跟进页"));

  it("each officer sees the queue of their own region: a town its town, a county its towns, the city all its counties", async () => {
    expect((await listed(cookies.haoping)).sort()).toEqual([rows.haoping.employer]);
    expect((await listed(cookies.ziyang)).sort()).toEqual([rows.chengguan.employer, rows.haoping.employer].sort());
    expect(await listed(cookies.hanbin)).toEqual([rows.hanbin.employer]);
    expect((await listed(cookies.city)).sort()).toEqual(Object.values(rows).map((r) => r.employer).sort());
    expect((await listed(cookies.admin)).length).toBe(3);
  });

  it("a row says what the call needs — employer, contact, phone, how long the applicant waited — and the applicant only masked", async () => {
    const queue = await loader({ request: get("/staff/follow-up", cookies.ziyang), params: {}, context });
    const row = queue.rows.find((r) => r.employer.name === rows.haoping.employer)!;
    expect(row).toMatchObject({ applicant: "求**", waitingDays: 15, status: "submitted", employer: { contactName: "刘经理", contactPhone: rows.haoping.phone }, post: { open: true } });
    expect(row.remindedAt).not.toBeNull();
    const body = JSON.stringify(queue);
    for (const r of Object.values(rows)) {
      expect(body).not.toContain(r.seeker);
      expect(body).not.toContain(r.seekerPhone);
    }
    // Drawn without JavaScript: a plain POST form per row with the three outcomes.
    const html = await render(FollowUpPage, "/staff/follow-up", queue, "zh-CN");
    expect(html).toContain(rows.haoping.employer);
    expect(html).toContain(`href="tel:${rows.haoping.phone}"`);
    expect(html).toContain('<form method="post"');
    expect(html.match(/name="outcome"/g)?.length).toBe(3 * queue.rows.length);
    expect(html).toContain("已联系，单位答应尽快答复");
    const home = await staffHome({ request: get("/staff", cookies.ziyang), params: {}, context });
    expect(home.counts.followUps.open).toBe(queue.total);
  });

  it("another region's row, or a made-up id, is a 404 — never a 500, never a change", async () => {
    const status = (cookie: string, id: string) => action({ request: post(cookie, [["id", id], ["outcome", "promised"]]), params: {}, context }).then(() => 200, (e: unknown) => (e instanceof Response ? e.status : 500));
    expect(await status(cookies.ziyang, String(rows.hanbin.followUpId))).toBe(404);
    expect(await status(cookies.hanbin, String(rows.haoping.followUpId))).toBe(404);
    expect(await status(cookies.haoping, String(rows.chengguan.followUpId))).toBe(404);
    for (const id of ["abc", "-1", "0", "99999999", ""]) expect(await status(cookies.ziyang, id)).toBe(404);
    // Even a malformed form about another region's row says nothing about it.
    await expect(action({ request: post(cookies.ziyang, [["id", String(rows.hanbin.followUpId)]]), params: {}, context })).rejects.toMatchObject({ status: 404 });
    expect((await db.applicationFollowUp.findUniqueOrThrow({ where: { id: rows.hanbin.followUpId } })).calls).toBe(0);
    expect(await db.auditLog.count({ where: { action: "follow_up.call" } })).toBe(0);
  });

  it("bad input is answered at its field with what was typed kept, and changes nothing", async () => {
    const id = String(rows.haoping.followUpId);
    const missing = await action({ request: post(cookies.ziyang, [["id", id], ["note", "电话占线"]]), params: {}, context });
    expect(missing).toMatchObject({ ok: false, reason: "invalid", errors: { outcome: ["staffFollowUp.errors.outcome"] }, values: { note: "电话占线" } });
    const tooLong = await action({ request: post(cookies.ziyang, [["id", id], ["outcome", "unreachable"], ["note", "长".repeat(301)]]), params: {}, context });
    expect(tooLong).toMatchObject({ ok: false, errors: { note: ["staffFollowUp.errors.noteTooLong?max=300"] }, values: { outcome: "unreachable" } });
    const unknown = await action({ request: post(cookies.ziyang, [["id", id], ["outcome", "shouted"]]), params: {}, context });
    expect(unknown).toMatchObject({ ok: false, errors: { outcome: ["staffFollowUp.errors.outcome"] } });
    expect((await db.applicationFollowUp.findUniqueOrThrow({ where: { id: Number(id) } })).calls).toBe(0);
  });

  it("a call is recorded and audited; 'resolved' closes the follow-up and tells the seeker", async () => {
    const id = rows.chengguan.followUpId;
    const promised = await action({ request: post(cookies.ziyang, [["id", String(id)], ["outcome", "promised"], ["note", "刘经理说明天处理"]]), params: {}, context });
    expect(promised).toEqual({ ok: true, id, outcome: "promised", employer: rows.chengguan.employer });
    const staffId = (await db.user.findUniqueOrThrow({ where: { email: "ziyang@demo.ankang.gov.cn" } })).id;
    expect(await db.auditLog.count({ where: { action: "follow_up.call", entityId: String(id), actorId: staffId, regionCode: places.chengguan } })).toBe(1);
    let queue = await loader({ request: get("/staff/follow-up", cookies.ziyang), params: {}, context });
    expect(queue.rows.find((r) => r.id === id)).toMatchObject({ calls: 1, lastOutcome: "promised", lastNote: "刘经理说明天处理", lastCalledBy: "紫阳县就业局 陈干事" });

    expect(await action({ request: post(cookies.city, [["id", String(id)], ["outcome", "resolved"]]), params: {}, context })).toMatchObject({ ok: true, outcome: "resolved" });
    queue = await loader({ request: get("/staff/follow-up", cookies.ziyang), params: {}, context });
    expect(queue.rows.some((r) => r.id === id)).toBe(false);
    const row = await db.applicationFollowUp.findUniqueOrThrow({ where: { id }, include: { application: true } });
    expect(row).toMatchObject({ calls: 2, closedReason: "resolved" });
    expect(await db.notification.count({ where: { userId: row.application.seekerId, type: "applicationFollowUpResolved" } })).toBe(1);
    // Closed: a late second form is answered, not applied twice.
    expect(await action({ request: post(cookies.ziyang, [["id", String(id)], ["outcome", "resolved"]]), params: {}, context })).toMatchObject({ ok: false, errors: { "": ["staffFollowUp.errors.closed"] } });
  });

  it("an employer that never answers is flagged on the organizations page and in the queue, for its region's staff only", async () => {
    const { org, posting } = await employerAt(places.haoping, "从不回复测试有限公司", "0915-5599999");
    for (let i = 0; i < 5; i++) {
      const applied = await apply((await seeker(`无回音${i}`)).id, posting.id, t0);
      if (!applied.ok) throw new Error(applied.reason);
    }
    await runFollowUp(new Date());
    expect((await db.organization.findUniqueOrThrow({ where: { id: org.id } })).responseFlagged).toBe(true);
    const tab = async (cookie: string) => (await organizationsLoader({ request: get("/staff/organizations?tab=unresponsive", cookie), params: {}, context })).list;
    const ziyang = await tab(cookies.ziyang);
    expect(ziyang.rows.map((r) => r.name)).toContain("从不回复测试有限公司");
    expect(ziyang.rows.find((r) => r.id === org.id)?.responses).toEqual({ flagged: true, counted: 5, answered: 0, escalations: 5 });
    expect(ziyang.unresponsiveTotal).toBeGreaterThanOrEqual(1);
    expect((await tab(cookies.hanbin)).rows.map((r) => r.id)).not.toContain(org.id);
    const queue = await loader({ request: get("/staff/follow-up", cookies.haoping), params: {}, context });
    expect(queue.flagged.map((o) => o.name)).toContain("从不回复测试有限公司");
    expect(queue.rows.find((r) => r.employer.id === org.id)?.employer.flagged).toBe(true);
    expect((await loader({ request: get("/staff/follow-up", cookies.hanbin), params: {}, context })).flagged.map((o) => o.id)).not.toContain(org.id);
  });

  it("a post's public page says in plain words how its employer answers, once it has had enough applications", async () => {
    const { org, posting } = await employerAt(places.chengguan, "答复率展示有限公司", "0915-5588888");
    const id = String(posting.id);
    const page = async () => detailLoader({ request: get(`/job/${id}`, null), params: { kind: "job", id }, context });
    await db.organization.update({ where: { id: org.id }, data: { responseCounted: 4, responseAnswered: 4, responseMedianHours: 30 } });
    expect((await page()).detail.view?.organization.responses).toBeNull();
    expect(await render(DetailPage, `/job/${id}`, await page(), "zh-CN")).not.toContain('data-testid="response-rate"');

    await db.organization.update({ where: { id: org.id }, data: { responseCounted: 25, responseAnswered: 23, responseMedianHours: 40 } });
    const data = await page();
    expect(data.detail.view?.organization.responses).toEqual({ applications: 25, answered: 23, answeredPercent: 92, usualDays: 2 });
    expect(await render(DetailPage, `/job/${id}`, data, "zh-CN")).toContain("这家单位回复了 92% 的申请，通常在 2 天内。");
    expect(await render(DetailPage, `/job/${id}`, data, "en")).toContain("This employer answered 92% of applications, usually within 2 days.");

    await db.organization.update({ where: { id: org.id }, data: { responseCounted: 6, responseAnswered: 0, responseMedianHours: null } });
    expect(await render(DetailPage, `/job/${id}`, await page(), "zh-CN")).toContain("这家单位近一年收到的 6 份申请都还没有答复。");
  });
});
