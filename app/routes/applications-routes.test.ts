import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeOrganization, makePosting } from "../../prisma/seed/factories.ts";
import { openSeededDatabase } from "../../tests/setup/test-env.ts";
import { createSession } from "~/modules/auth/session.server.ts";
import type { Db } from "~/modules/db.server.ts";
import { lookupHash } from "~/modules/security/secrets.server.ts";
import { action as applyAction, loader as applyLoader } from "./apply.$postingId.tsx";
import { action as decideAction, loader as applicantLoader } from "./employer.applicants.$id.tsx";
import { loader as applicantsLoader } from "./employer.applicants._index.tsx";
import { action as mineAction, loader as mineLoader } from "./me.applications.tsx";

type Reply = { status?: string; error?: Record<string, string[] | null>; initialValue?: Record<string, unknown> };
type Entries = [string, string][];

const context = { clientAddress: "10.4.0.1" };
const req = (url: string, cookie: string | null, body?: Entries) =>
  new Request(`http://localhost${url}`, { method: body ? "POST" : "GET", body: body ? new URLSearchParams(body) : undefined, headers: cookie ? { Cookie: cookie } : {} });
/** What a loader or action threw (a redirect or an error status), or null when it returned. */
const thrown = (promise: Promise<unknown>) => promise.then(() => null, (e: unknown) => e as Response);

describe("applying and application pages (routes, real SQLite with the demo data)", () => {
  let db: Db;
  let cleanup: () => Promise<void>;
  const cookies: Record<"seeker" | "employer" | "outsider" | "bare", string> = { seeker: "", employer: "", outsider: "", bare: "" };
  let seekerId: number;
  let postingId: number;
  let closedId: number;
  let foreignPostingId: number;

  const signIn = async (userId: number) => (await createSession(userId, new Request("http://localhost/"))).split(";")[0]!;

  beforeAll(async () => {
    ({ db, cleanup } = openSeededDatabase());
    const seeker = await db.user.findUniqueOrThrow({ where: { phoneHash: lookupHash("phone", "13800000001") } });
    seekerId = seeker.id;
    const employer = await db.user.findUniqueOrThrow({ where: { email: "hr@demo-employer.cn" }, include: { memberships: true } });
    const orgId = employer.memberships[0]!.organizationId;
    postingId = (await makePosting(db, { organizationId: orgId, regionCode: "610924100", title: "路由测试岗位" })).id;
    closedId = (await makePosting(db, { organizationId: orgId, regionCode: "610924100", status: "closed" })).id;
    const outsider = await db.user.create({ data: { email: "outsider@routes.test", passwordHash: "x", role: "employer", displayName: "别家" } });
    const otherOrg = await makeOrganization(db, { regionCode: "610902001" });
    await db.membership.create({ data: { userId: outsider.id, organizationId: otherOrg.id, role: "owner" } });
    foreignPostingId = (await makePosting(db, { organizationId: otherOrg.id })).id;
    const bare = await db.user.create({ data: { email: "bare@routes.test", passwordHash: "x", role: "seeker", displayName: "新用户" } });
    cookies.seeker = await signIn(seeker.id);
    cookies.employer = await signIn(employer.id);
    cookies.outsider = await signIn(outsider.id);
    cookies.bare = await signIn(bare.id);
  });

  afterAll(async () => {
    await cleanup();
  });

  it("apply page: sign-in first, seekers only, unknown ids are 404, and it shows what will be shared", async () => {
    const anonymous = await thrown(applyLoader({ request: req(`/apply/${postingId}`, null), params: { postingId: String(postingId) }, context }));
    expect(anonymous?.status).toBe(302);
    expect(anonymous?.headers.get("Location")).toBe(`/login?redirectTo=${encodeURIComponent(`/apply/${postingId}`)}`);
    expect((await thrown(applyLoader({ request: req(`/apply/${postingId}`, cookies.employer), params: { postingId: String(postingId) }, context })))?.status).toBe(403);
    for (const bad of ["abc", "0", "1e3", "-5", "99999999999999999999", "999999999"]) {
      const res = await thrown(applyLoader({ request: req(`/apply/${bad}`, cookies.seeker), params: { postingId: bad }, context }));
      expect(res?.status, bad).toBe(404);
      const post = await thrown(applyAction({ request: req(`/apply/${bad}`, cookies.seeker, []), params: { postingId: bad }, context }));
      expect(post?.status, bad).toBe(404);
    }
    const page = await applyLoader({ request: req(`/apply/${postingId}`, cookies.seeker), params: { postingId: String(postingId) }, context });
    // The demo seeker consented to sharing: the full phone goes to the employer.
    expect(page.shared).toMatchObject({ shared: true, name: "王小红", phone: "13800000001" });
    expect(page.existing).toBeNull();
    expect(page.posting).toMatchObject({ title: "路由测试岗位", open: true, gig: null });
  });

  it("sends a seeker without a profile to fill it in, and coming back here afterwards", async () => {
    const page = await applyLoader({ request: req(`/apply/${postingId}`, cookies.bare), params: { postingId: String(postingId) }, context });
    expect(page.shared).toBeNull();
    const res = (await applyAction({ request: req(`/apply/${postingId}`, cookies.bare, []), params: { postingId: String(postingId) }, context })) as Response;
    expect(res.status).toBe(302);
    expect(res.headers.get("Location")).toBe(`/me/profile?redirectTo=${encodeURIComponent(`/apply/${postingId}`)}`);
  });

  it("applies in one step, refuses a second time and closed posts politely (no 500)", async () => {
    const ok = (await applyAction({ request: req(`/apply/${postingId}`, cookies.seeker, []), params: { postingId: String(postingId) }, context })) as Response;
    expect(ok.status).toBe(302);
    const applicationId = Number(/applied=(\d+)/.exec(ok.headers.get("Location") ?? "")?.[1]);
    expect(applicationId).toBeGreaterThan(0);
    const again = await applyAction({ request: req(`/apply/${postingId}`, cookies.seeker, []), params: { postingId: String(postingId) }, context });
    expect(again).toEqual({ error: "applications.alreadyApplied" });
    const closed = await applyAction({ request: req(`/apply/${closedId}`, cookies.seeker, []), params: { postingId: String(closedId) }, context });
    expect(closed).toEqual({ error: "applications.closed" });
    const page = await applyLoader({ request: req(`/apply/${postingId}`, cookies.seeker), params: { postingId: String(postingId) }, context });
    expect(page.existing).toMatchObject({ id: applicationId, status: "submitted" });
    const mine = await mineLoader({ request: req("/me/applications", cookies.seeker), params: {}, context });
    expect(mine.applications.find((a) => a.id === applicationId)).toMatchObject({ status: "submitted", canWithdraw: true, posting: { title: "路由测试岗位" } });
  });

  it("withdraw form: bad or foreign ids answer with a message, never a 500", async () => {
    const applicationId = (await db.application.findFirstOrThrow({ where: { seekerId, postingId } })).id;
    const foreign = await makePosting(db, {});
    const other = await db.application.create({ data: { postingId: foreign.id, seekerId: (await db.user.findUniqueOrThrow({ where: { email: "bare@routes.test" } })).id, snapshot: "{}" } });
    for (const bad of ["", "abc", "-1", "0", "1.5", "1e3", "99999999999999", String(other.id)]) {
      const reply = (await mineAction({ request: req("/me/applications", cookies.seeker, [["applicationId", bad]]), params: {}, context })) as Reply;
      expect(reply.status, bad).toBe("error");
      expect(reply.error?.[""], bad).toEqual(["applications.errors.notFound"]);
    }
    expect((await db.application.findUniqueOrThrow({ where: { id: other.id } })).status).toBe("submitted");
    const employerOnly = await thrown(mineAction({ request: req("/me/applications", cookies.employer, [["applicationId", String(applicationId)]]), params: {}, context }));
    expect(employerOnly?.status).toBe(302);
    expect((await db.application.findUniqueOrThrow({ where: { id: applicationId } })).status).toBe("submitted");
  });

  it("applicant list: every bad filter is dropped and explained at its field, what was typed stays, the rest still applies", async () => {
    const good = await applicantsLoader({ request: req(`/employer/applicants?posting=${postingId}`, cookies.employer), params: {}, context });
    expect(good.rows.map((r) => r.name)).toContain("王小红");
    const bad: [string, string, string][] = [
      ["posting", "abc", "forms.invalid"],
      ["q", "王".repeat(51), "forms.tooLong"],
      ["status", "bogus", "forms.chooseOne"],
      ["group", "astronaut", "forms.chooseOne"],
      ["education", "phd", "forms.chooseOne"],
      ["page", "0", "forms.invalid"],
      ["page", "-3", "forms.invalid"],
    ];
    for (const [name, value, message] of bad) {
      const params = new URLSearchParams({ posting: String(postingId), q: "王小红", [name]: value });
      const data = await applicantsLoader({ request: req(`/employer/applicants?${params}`, cookies.employer), params: {}, context });
      expect(data.errors[name], `${name}=${value}`).toBe(message);
      expect(data.typed[name], `${name}=${value}`).toBe(value);
      if (name !== "q") expect(data.rows.map((r) => r.name), `${name}=${value}`).toContain("王小红");
    }
    const foreign = await thrown(applicantsLoader({ request: req(`/employer/applicants?posting=${foreignPostingId}`, cookies.employer), params: {}, context }));
    expect(foreign?.status).toBe(404);
    const outsider = await applicantsLoader({ request: req("/employer/applicants", cookies.outsider), params: {}, context });
    expect(outsider.rows).toEqual([]);
    expect((await thrown(applicantsLoader({ request: req("/employer/applicants", cookies.seeker), params: {}, context })))?.status).toBe(403);
  });

  it("applicant page and decisions: bad values answer at the field with what was typed; other organizations get 404", async () => {
    const id = (await db.application.findFirstOrThrow({ where: { seekerId, postingId } })).id;
    const params = { id: String(id) };
    const url = `/employer/applicants/${id}`;
    const page = await applicantLoader({ request: req(url, cookies.employer), params, context });
    expect(page.applicant).toMatchObject({ name: "王小红", phone: "13800000001", phoneIsFull: true });
    expect(page.next).toEqual(["viewed", "interview", "offered", "hired", "rejected"]);

    for (const bad of ["abc", "0", "1e3"]) {
      expect((await thrown(applicantLoader({ request: req(`/employer/applicants/${bad}`, cookies.employer), params: { id: bad }, context })))?.status, bad).toBe(404);
    }
    expect((await thrown(applicantLoader({ request: req(url, cookies.outsider), params, context })))?.status).toBe(404);
    expect((await thrown(decideAction({ request: req(url, cookies.outsider, [["intent", "hired"]]), params, context })))?.status).toBe(404);
    expect((await thrown(decideAction({ request: req(url, cookies.outsider, [["intent", "rejected"], ["reason", "不合适"]]), params, context })))?.status).toBe(404);

    type Case = [Entries, string, string, string?];
    const cases: Case[] = [
      [[], "intent", "forms.invalid"],
      [[["intent", "withdrawn"]], "intent", "forms.invalid"],
      [[["intent", "<script>"]], "intent", "forms.invalid"],
      [[["intent", "rejected"], ["reason", ""]], "reason", "applications.errors.reasonRequired"],
      [[["intent", "rejected"], ["reason", "   "]], "reason", "applications.errors.reasonRequired"],
      [[["intent", "rejected"], ["reason", "不".repeat(201)]], "reason", "forms.tooLong", "不".repeat(201)],
      [[["intent", "hired"], ["startDate", "2026-13-45"]], "startDate", "applications.errors.dateInvalid", "2026-13-45"],
      [[["intent", "hired"], ["startDate", "明天"]], "startDate", "applications.errors.dateInvalid", "明天"],
      [[["intent", "hired"], ["startDate", "2099-01-01"]], "startDate", "applications.errors.dateOutOfRange", "2099-01-01"],
    ];
    for (const [body, field, message, kept] of cases) {
      const data = (await decideAction({ request: req(url, cookies.employer, body), params, context })) as { intent: string; reply: Reply };
      expect(data.reply.status, JSON.stringify(body)).toBe("error");
      expect(data.reply.error?.[field], JSON.stringify(body)).toContain(message);
      if (kept) expect(data.reply.initialValue?.[field], JSON.stringify(body)).toBe(kept);
    }
    expect((await db.application.findUniqueOrThrow({ where: { id } })).status).toBe("submitted");

    const interview = (await decideAction({ request: req(url, cookies.employer, [["intent", "interview"]]), params, context })) as Response;
    expect(interview.headers.get("Location")).toBe(`${url}?done=interview`);
    const back = (await decideAction({ request: req(url, cookies.employer, [["intent", "viewed"]]), params, context })) as { reply: Reply };
    expect(back.reply.error?.[""]).toEqual(["applications.errors.notAllowed"]);
    const hired = (await decideAction({ request: req(url, cookies.employer, [["intent", "hired"], ["startDate", ""]]), params, context })) as Response;
    expect(hired.headers.get("Location")).toBe(`${url}?done=hired`);
    const after = await applicantLoader({ request: req(url, cookies.employer), params, context });
    expect(after.placement).toMatchObject({ status: "pending", startDate: after.today });
    expect(after.events.map((e) => e.status)).toEqual(["submitted", "interview", "hired"]);

    const mine = await mineLoader({ request: req("/me/applications", cookies.seeker), params: {}, context });
    expect(mine.applications.find((a) => a.id === id)).toMatchObject({ status: "hired", canWithdraw: false, startDate: after.today });
    const refused = (await mineAction({ request: req("/me/applications", cookies.seeker, [["applicationId", String(id)]]), params: {}, context })) as Reply;
    expect(refused.error?.[""]).toEqual(["applications.errors.notAllowed"]);
  });
});
