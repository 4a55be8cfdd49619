import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openSeededDatabase } from "../../tests/setup/test-env.ts";
import type { Db } from "~/modules/db.server.ts";
import { createSession } from "~/modules/auth/session.server.ts";
import { makeCreditCode } from "~/modules/organizations/credit-code.ts";
import { action as registerAction, loader as registerLoader } from "./employer.organization.new.tsx";
import { loader as employerLoader } from "./employer._index.tsx";
import { action as inviteAction } from "./employer.organization._index.tsx";
import { action as acceptAction, loader as invitationLoader } from "./invite.$token.tsx";
import { loader as staffLoader } from "./staff._index.tsx";
import { action as decideAction, loader as queueLoader } from "./staff.organizations.tsx";
import { loader as auditLoader } from "./staff.audit.tsx";
import { action as accountsAction, loader as accountsLoader } from "./staff.accounts.tsx";
import { action as loginAction } from "./login.tsx";

type Reply = { status?: string; error?: Record<string, string[] | null>; initialValue?: Record<string, unknown> };
const context = { clientAddress: "10.3.0.1" };
const args = (request: Request, params: Record<string, string> = {}) => ({ request, params, context });
const get = (url: string, cookie?: string) => new Request(`http://localhost${url}`, { headers: cookie ? { Cookie: cookie } : {} });
const post = (url: string, fields: Record<string, string>, cookie?: string) =>
  new Request(`http://localhost${url}`, { method: "POST", body: new URLSearchParams(fields), headers: cookie ? { Cookie: cookie } : {} });
/** A loader or action that throws a Response (redirect, 403, 404) gives it back here. */
const outcome = async (run: Promise<unknown>) => run.catch((e: unknown) => e);

describe("organization, invitation and staff routes (loaders and actions on real SQLite)", () => {
  let db: Db;
  let cleanup: () => Promise<void>;
  const cookies: Record<string, string> = {};
  let serial = 60_000_000;

  const cookieFor = async (userId: number) => (await createSession(userId, get("/"), false)).split(";")[0]!;
  const newEmployer = async (email: string) => {
    const user = await db.user.create({ data: { email, passwordHash: "x", role: "employer", displayName: "新老板" } });
    return cookieFor(user.id);
  };
  const good = () => ({
    name: "紫阳县表单测试有限公司",
    creditCode: makeCreditCode("610924", serial++),
    kind: "community_factory",
    industryCode: "plush_toys",
    countyCode: "610924",
    townCode: "610924101",
    address: "蒿坪镇社区工厂 2 号楼",
    contactName: "刘女士",
    contactPhone: "0915 4312345",
    description: "毛绒玩具加工",
  });

  beforeAll(async () => {
    ({ db, cleanup } = openSeededDatabase());
    for (const key of ["ziyang", "hanbin", "admin", "city"]) {
      cookies[key] = await cookieFor((await db.user.findUniqueOrThrow({ where: { email: `${key}@demo.ankang.gov.cn` } })).id);
    }
    cookies.seeker = await cookieFor((await db.user.findFirstOrThrow({ where: { role: "seeker" } })).id);
  });
  afterAll(() => cleanup());

  it("answers every bad registration value at its field, keeps what was typed, and never fails", async () => {
    const cookie = await newEmployer("form-test@example.com");
    const taken = (await db.organization.findFirstOrThrow()).creditCode;
    const bad: [Record<string, string>, string, string][] = [
      [{ name: "" }, "name", "forms.required"],
      [{ name: "厂" }, "name", "organizations.nameTooShort"],
      [{ name: "名".repeat(101) }, "name", "forms.tooLong"],
      [{ creditCode: "" }, "creditCode", "forms.required"],
      [{ creditCode: "9161 0924" }, "creditCode", "organizations.creditCodeLength?count=8"],
      [{ creditCode: "91610924MA0O234567" }, "creditCode", "organizations.creditCodeLetters"],
      [{ creditCode: "91ABCDEFMA01234567" }, "creditCode", "organizations.creditCodeFormat"],
      [{ creditCode: taken.toLowerCase() }, "creditCode", "organizations.creditCodeTaken"],
      [{ kind: "robot" }, "kind", "forms.chooseOne"],
      [{ kind: "" }, "kind", "forms.chooseOne"],
      [{ industryCode: "<script>" }, "industryCode", "forms.chooseOne"],
      [{ industryCode: "no_such_industry" }, "industryCode", "forms.chooseOne"],
      [{ countyCode: "" }, "countyCode", "organizations.chooseCounty"],
      [{ countyCode: "abc" }, "countyCode", "organizations.chooseCounty"],
      [{ countyCode: "610999", townCode: "" }, "countyCode", "organizations.chooseCounty"],
      [{ townCode: "610902001" }, "townCode", "organizations.townNotInCounty"],
      [{ townCode: "610924999" }, "townCode", "organizations.townNotInCounty"],
      [{ townCode: "'; DROP TABLE" }, "townCode", "forms.chooseOne"],
      [{ address: "" }, "address", "forms.required"],
      [{ address: "路".repeat(201) }, "address", "forms.tooLong"],
      [{ contactName: "   " }, "contactName", "forms.required"],
      [{ contactPhone: "12345" }, "contactPhone", "organizations.phoneInvalid"],
      [{ contactPhone: "1".repeat(200) }, "contactPhone", "organizations.phoneInvalid"],
      [{ description: "介".repeat(2001) }, "description", "forms.tooLong"],
    ];
    const before = await db.organization.count();
    for (const [change, field, message] of bad) {
      const fields = { ...good(), ...change };
      const result = (await registerAction(args(post("/employer/organization/new", fields, cookie)))) as Reply;
      expect(result.status, JSON.stringify(change)).toBe("error");
      expect(result.error?.[field], JSON.stringify(change)).toContain(message);
      for (const [key, value] of Object.entries(fields)) {
        if (value !== "") expect(result.initialValue?.[key], `${key} after ${JSON.stringify(change)}`).toBe(value);
      }
    }
    expect(await db.organization.count()).toBe(before);
  });

  it("registers, lands on the employer home as pending, with a warning when the check character fails", async () => {
    const cookie = await newEmployer("warned@example.com");
    const code = makeCreditCode("610924", serial++);
    const wrong = `${code.slice(0, 17)}${code[17] === "3" ? "4" : "3"}`;
    const form = await registerLoader(args(get("/employer/organization/new", cookie)));
    expect(form.options.counties.find((c) => c.code === "610924")?.towns.map((t) => t.code)).toContain("610924101");
    const res = (await registerAction(args(post("/employer/organization/new", { ...good(), creditCode: wrong }, cookie)))) as Response;
    expect(res.status).toBe(302);
    expect(res.headers.get("Location")).toBe("/employer");
    const home = await employerLoader(args(get("/employer", cookie)));
    expect(home.data?.organization).toMatchObject({ status: "pending", creditCodeWarning: true, contactPhone: "0915-4312345" });
    expect(home.data?.members).toEqual([expect.objectContaining({ role: "owner", isMe: true })]);
    // With an organization, the registration page sends them home.
    const again = (await outcome(registerLoader(args(get("/employer/organization/new", cookie))))) as Response;
    expect(again.headers.get("Location")).toBe("/employer");
  });

  it("keeps each role to its own pages", async () => {
    const anonymous = (await outcome(employerLoader(args(get("/employer"))))) as Response;
    expect(anonymous.headers.get("Location")).toBe(`/login?redirectTo=${encodeURIComponent("/employer")}`);
    expect(((await outcome(employerLoader(args(get("/employer", cookies.seeker))))) as Response).status).toBe(403);
    expect(((await outcome(employerLoader(args(get("/employer", cookies.ziyang))))) as Response).status).toBe(403);
    const employer = await newEmployer("roles@example.com");
    expect(((await outcome(staffLoader(args(get("/staff", employer))))) as Response).status).toBe(403);
    expect(((await outcome(queueLoader(args(get("/staff/organizations", cookies.seeker))))) as Response).status).toBe(403);
    expect(((await outcome(accountsLoader(args(get("/staff/accounts", cookies.ziyang))))) as Response).status).toBe(403);
    expect(((await outcome(registerAction(args(post("/employer/organization/new", good(), cookies.ziyang))))) as Response).status).toBe(403);
  });

  it("logs employers in to /employer and staff to /staff", async () => {
    for (const [identifier, home] of [["hr@demo-employer.cn", "/employer"], ["ziyang@demo.ankang.gov.cn", "/staff"], ["admin@demo.ankang.gov.cn", "/staff"]]) {
      const res = (await loginAction(args(post("/login", { identifier: identifier!, password: "Ankang-demo-2026" })))) as Response;
      expect(res.headers.get("Location"), identifier).toBe(home);
    }
  });

  it("staff decide only inside their region: another county gets 404; decisions show in the audit log of that region only", async () => {
    const cookie = await newEmployer("queue@example.com");
    const fields = { ...good(), name: "紫阳县队列测试有限公司" };
    await registerAction(args(post("/employer/organization/new", fields, cookie)));
    const org = await db.organization.findUniqueOrThrow({ where: { creditCode: fields.creditCode } });

    const hanbinQueue = await queueLoader(args(get("/staff/organizations", cookies.hanbin)));
    expect(hanbinQueue.list.rows.map((r) => r.id)).not.toContain(org.id);
    const hanbinAll = await queueLoader(args(get("/staff/organizations?tab=all&status=pending", cookies.hanbin)));
    expect(hanbinAll.list.rows.map((r) => r.id)).not.toContain(org.id);
    const refused = (await outcome(decideAction(args(post("/staff/organizations", { intent: "verify", id: String(org.id) }, cookies.hanbin))))) as Response;
    expect(refused.status).toBe(404);

    const ziyangHome = await staffLoader(args(get("/staff", cookies.ziyang)));
    expect(ziyangHome.counts.pendingOrganizations).toBeGreaterThanOrEqual(1);
    expect(ziyangHome.scope).toBe("紫阳县");
    const queue = await queueLoader(args(get("/staff/organizations?tab=bogus&page=-3", cookies.ziyang)));
    expect(queue.query).toMatchObject({ tab: "pending", page: 1 });
    expect(queue.list.rows.map((r) => r.id)).toContain(org.id);

    const noReason = (await decideAction(args(post("/staff/organizations", { intent: "reject", id: String(org.id), reason: "  " }, cookies.ziyang)))) as { result: Reply };
    expect(noReason.result.error?.reason).toEqual(["organizations.reasonRequired"]);
    const garbage = (await decideAction(args(post("/staff/organizations", { intent: "delete", id: "x" }, cookies.ziyang)))) as { result: Reply };
    expect(garbage.result.status).toBe("error");
    expect((await db.organization.findUniqueOrThrow({ where: { id: org.id } })).status).toBe("pending");

    const done = await decideAction(args(post("/staff/organizations", { intent: "verify", id: String(org.id) }, cookies.ziyang)));
    expect(done.done).toEqual({ intent: "verify", name: "紫阳县队列测试有限公司" });
    const twice = (await decideAction(args(post("/staff/organizations", { intent: "verify", id: String(org.id) }, cookies.ziyang)))) as { result: Reply };
    expect(twice.result.error?.[""]).toEqual(["organizations.alreadyDecided"]);
    expect((await employerLoader(args(get("/employer", cookie)))).data?.organization.status).toBe("verified");

    const ziyangAudit = await auditLoader(args(get("/staff/audit?type=organization", cookies.ziyang)));
    const entry = ziyangAudit.log.rows.find((r) => r.entityId === String(org.id));
    expect(entry).toMatchObject({ action: "organization.verify", actorName: "紫阳县就业局 陈干事", place: "紫阳县 · 蒿坪镇" });
    expect(entry?.before).toMatchObject({ status: "pending" });
    expect(entry?.after).toMatchObject({ status: "verified" });
    const hanbinAudit = await auditLoader(args(get("/staff/audit", cookies.hanbin)));
    expect(hanbinAudit.log.rows.map((r) => r.entityId)).not.toContain(String(org.id));
    const odd = await auditLoader(args(get("/staff/audit?type=<b>&page=abc", cookies.admin)));
    expect(odd.query).toEqual({ type: undefined, page: 1 });
  });

  it("creates an invitation link once; a signed-out visitor is sent to log in and back", async () => {
    const owner = await newEmployer("inviter@example.com");
    await registerAction(args(post("/employer/organization/new", good(), owner)));
    const bad = await inviteAction(args(post("/employer/organization", { identifier: "not a phone" }, owner)));
    expect(bad.invite).toBeNull();
    expect((bad.result as Reply).error?.identifier).toEqual(["forms.identifierInvalid"]);
    expect((bad.result as Reply).initialValue?.identifier).toBe("not a phone");
    const made = await inviteAction(args(post("/employer/organization", { identifier: "invitee@example.com" }, owner)));
    expect(made.invite?.link).toMatch(/^http:\/\/localhost\/invite\/[A-Za-z0-9_-]{43}$/);
    const token = made.invite!.link.split("/").pop()!;

    const page = await invitationLoader(args(get(`/invite/${token}`), { token }));
    expect(page.view).toMatchObject({ state: "open", problem: "signedOut", sentTo: { email: "i***@example.com" } });
    const signedOut = (await outcome(acceptAction(args(post(`/invite/${token}`, {}), { token })))) as Response;
    expect(signedOut.headers.get("Location")).toBe(`/login?redirectTo=${encodeURIComponent(`/invite/${token}`)}`);

    const invitee = await newEmployer("invitee@example.com");
    const joined = (await acceptAction(args(post(`/invite/${token}`, {}, invitee), { token }))) as Response;
    expect(joined.headers.get("Location")).toBe("/employer");
    expect((await employerLoader(args(get("/employer", invitee)))).data?.myRole).toBe("member");
    const reused = (await acceptAction(args(post(`/invite/${token}`, {}, invitee), { token }))) as { view: { state: string } };
    expect(reused.view.state).toBe("used");
    expect((await invitationLoader(args(get("/invite/garbage"), { token: "garbage" }))).view).toEqual({ state: "invalid" });
  });

  it("lets the admin create staff accounts with a scope, audited, never echoing the password", async () => {
    const fields = { email: "Xunyang.Staff@Example.com", displayName: "旬阳市就业局 王干事", regionCode: "610981", password: "汉江水清清2026" };
    const bad = (await accountsAction(args(post("/staff/accounts", { ...fields, regionCode: "999999" }, cookies.admin)))) as { result: Reply };
    expect(bad.result.error?.regionCode).toEqual(["staffAccounts.chooseScope"]);
    expect(bad.result.initialValue?.password).toBeUndefined();
    expect(bad.result.initialValue?.email).toBe(fields.email);
    const weak = (await accountsAction(args(post("/staff/accounts", { ...fields, password: "12345678" }, cookies.admin)))) as { result: Reply };
    expect(weak.result.error?.password?.[0]).toMatch(/^forms\.passwordWarning\./);
    const taken = (await accountsAction(args(post("/staff/accounts", { ...fields, email: "ziyang@demo.ankang.gov.cn" }, cookies.admin)))) as { result: Reply };
    expect(taken.result.error?.email).toEqual(["staffAccounts.emailTaken"]);

    const created = await accountsAction(args(post("/staff/accounts", fields, cookies.admin)));
    expect(created.created).toBe("xunyang.staff@example.com");
    const user = await db.user.findUniqueOrThrow({ where: { email: "xunyang.staff@example.com" } });
    expect(user).toMatchObject({ role: "staff", staffRegionCode: "610981" });
    const log = await db.auditLog.findFirstOrThrow({ where: { action: "staff.create", entityId: String(user.id) } });
    expect(JSON.parse(log.after!)).toEqual({ email: "xunyang.staff@example.com", displayName: "旬阳市就业局 王干事", role: "staff", staffRegionCode: "610981" });
    expect(log.after).not.toContain("汉江水清清");
    const list = await accountsLoader(args(get("/staff/accounts", cookies.admin)));
    expect(list.accounts.find((a) => a.id === user.id)?.scope).toBe("旬阳市");
    expect(list.scopes.find((s) => s.code === "610900")?.counties.find((c) => c.code === "610924")?.towns.length).toBeGreaterThan(10);
    const login = (await loginAction(args(post("/login", { identifier: fields.email, password: fields.password })))) as Response;
    expect(login.headers.get("Location")).toBe("/staff");
  });
});
