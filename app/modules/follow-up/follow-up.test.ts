import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addDays, makeOrganization, makePosting } from "../../../prisma/seed/factories.ts";
import { startSmtpServer } from "../../../tests/setup/smtp-server.ts";
import { openSeededDatabase } from "../../../tests/setup/test-env.ts";
import { getEnv, resetEnvForTests } from "../../env.server.ts";
import { apply, decide, withdraw } from "../applications/applications.server.ts";
import { setEmailSender, SmtpEmailSender } from "../auth/mail.server.ts";
import { LogSmsSender, setSmsSender } from "../auth/sms.server.ts";
import type { Db } from "../db.server.ts";
import { MessageWorker } from "../messages/worker.server.ts";
import { postingReader } from "../opportunities/posting-view.server.ts";
import { maskPhone } from "../people/identity.ts";
import { encrypt, lookupHash } from "../security/secrets.server.ts";
import { responseFigures } from "./figures.ts";
import { runFollowUp } from "./run.server.ts";

const HOUR = 3_600_000;
const at = (t0: Date, days: number, hours = 0) => new Date(t0.getTime() + days * 86_400_000 + hours * HOUR);

/** The follow-up clock, driven by an explicit `now`, on real SQLite, with the mail through a real SMTP server. */
describe("follow-up of applications: the clock, the settings and the response figures", () => {
  let db: Db;
  let cleanup: () => Promise<void>;
  let serial = 0;

  const person = async (role: "seeker" | "employer", name: string, contact: { email?: boolean; phone?: boolean } = { email: true }) => {
    serial += 1;
    const phone = `137${String(20_000_000 + serial).slice(-8)}`;
    const user = await db.user.create({
      data: {
        role,
        displayName: name,
        passwordHash: "not-used",
        email: contact.email ? `${role}${serial}@follow-up.test` : null,
        ...(contact.phone ? { phoneHash: lookupHash("phone", phone), phoneEnc: encrypt(phone), phoneMasked: maskPhone(phone) } : {}),
      },
    });
    if (role === "seeker") await db.seekerProfile.create({ data: { userId: user.id, name, consentSharing: false } });
    return { ...user, phone };
  };

  /** An employer in 紫阳县 with one member (or more), and an open post valid for two months from t0. */
  const employer = async (t0: Date, members = 1) => {
    const org = await makeOrganization(db, { regionCode: "610924101", name: `跟进测试单位${++serial}有限公司` }, t0);
    const people = [];
    for (let i = 0; i < members; i++) {
      const member = await person("employer", `人事${i}`);
      await db.membership.create({ data: { userId: member.id, organizationId: org.id, role: i ? "member" : "owner" } });
      people.push(member);
    }
    const posting = await makePosting(db, { organizationId: org.id, regionCode: "610924101", title: `茶园管理员${serial}`, publishedAt: t0, validUntil: addDays(t0, 60) }, t0);
    return { org, posting, members: people };
  };

  const applied = async (seekerId: number, postingId: number, when: Date) => {
    const result = await apply(seekerId, postingId, when);
    if (!result.ok) throw new Error(`fixture: ${result.reason}`);
    return result.applicationId;
  };
  const notices = (userId: number, type: string) => db.notification.count({ where: { userId, type } });

  beforeAll(() => {
    ({ db, cleanup } = openSeededDatabase());
  });
  afterAll(() => cleanup());

  it("day 6 nothing, day 7 one reminder, day 8 still one; day 14 to the county's staff queue with the seeker told; a second pass changes nothing", async () => {
    const t0 = new Date("2026-06-01T02:00:00Z");
    const { org, posting, members } = await employer(t0, 2);
    const [owner, colleague] = members as [Awaited<ReturnType<typeof person>>, Awaited<ReturnType<typeof person>>];
    // The owner chose English on the site (a saved search remembers it); the colleague never did.
    await db.savedSearch.create({ data: { userId: owner.id, query: "q=茶", frequency: "daily", channels: "site", lang: "en", token: `t${serial}`, lastCheckedAt: t0, nextRunAt: t0 } });
    const seeker = await person("seeker", "王小红", { email: true, phone: true });
    const applicationId = await applied(seeker.id, posting.id, t0);
    const before = await db.messageOutbox.count();

    expect((await runFollowUp(at(t0, 6, 23))).reminded).toBe(0);
    expect(await notices(owner.id, "applicationReminder")).toBe(0);

    const day7 = await runFollowUp(at(t0, 7));
    expect(day7).toMatchObject({ reminded: 1, escalated: 0 });
    for (const m of members) expect(await notices(m.id, "applicationReminder")).toBe(1);
    expect(await db.messageOutbox.count({ where: { purpose: "follow_up_reminder" } })).toBe(2);

    expect((await runFollowUp(at(t0, 8))).reminded).toBe(0);
    for (const m of members) expect(await notices(m.id, "applicationReminder")).toBe(1);
    expect(await db.messageOutbox.count({ where: { purpose: "follow_up_reminder" } })).toBe(2);

    expect((await runFollowUp(at(t0, 13, 23))).escalated).toBe(0);
    expect(await db.applicationFollowUp.count({ where: { applicationId } })).toBe(0);

    const day14 = await runFollowUp(at(t0, 14));
    expect(day14).toMatchObject({ reminded: 0, escalated: 1 });
    const row = await db.applicationFollowUp.findUniqueOrThrow({ where: { applicationId } });
    expect(row).toMatchObject({ organizationId: org.id, regionCode: "610924101", countyCode: "610924", closedAt: null, calls: 0 });
    expect(await notices(seeker.id, "applicationFollowUp")).toBe(1);
    const told = await db.notification.findFirstOrThrow({ where: { userId: seeker.id, type: "applicationFollowUp" } });
    expect(JSON.parse(told.params)).toMatchObject({ title: posting.title, days: 14, county: "紫阳县" });
    for (const m of members) expect(await notices(m.id, "applicationEscalated")).toBe(1);
    expect((await db.messageOutbox.findMany({ where: { purpose: "follow_up_seeker" } })).map((m) => m.channel).sort()).toEqual(["email", "sms"]);

    for (const later of [at(t0, 14), at(t0, 15), at(t0, 30)]) expect(await runFollowUp(later)).toMatchObject({ reminded: 0, escalated: 0 });
    expect(await db.applicationFollowUp.count({ where: { applicationId } })).toBe(1);
    expect(await notices(seeker.id, "applicationFollowUp")).toBe(1);
    for (const m of members) expect(await notices(m.id, "applicationReminder")).toBe(1);
    expect(await db.messageOutbox.count()).toBe(before + 4);

    // The mail itself, through a real SMTP server: each member in their own language, the seeker told what is happening.
    const smtp = await startSmtpServer();
    const sms = new LogSmsSender();
    setEmailSender(new SmtpEmailSender(smtp.url, "安康就业 <no-reply@example.cn>"));
    setSmsSender(sms);
    try {
      while ((await new MessageWorker(db).runOnce()) > 0);
      const to = (email: string | null) => smtp.mails.find((m) => m.to.includes(email!));
      expect(to(owner.email)?.subject).toBe("Applications waiting for your answer: 1");
      expect(to(owner.email)?.text).toContain(`/employer/applicants?posting=${posting.id}`);
      expect(to(colleague.email)?.subject).toBe("有 1 份申请等您答复");
      expect(to(colleague.email)?.text).toContain(`“${posting.title}”：1 份`);
      expect(to(colleague.email)?.text).not.toContain("王小红");
      expect(to(seeker.email)?.subject).toBe(`您对“${posting.title}”的申请：人社部门正在跟进`);
      expect(to(seeker.email)?.text).toContain("紫阳县人社部门已经知道这件事");
      expect(to(seeker.email)?.text).toContain(`/me/applications#application-${applicationId}`);
      expect(sms.sent.find((s) => s.phone === seeker.phone)?.message).toMatch(/^【安康就业】您申请的“.+”14天未获答复，紫阳县人社部门正在联系用人单位跟进/);
    } finally {
      setEmailSender(undefined);
      await smtp.close();
    }
  });

  it("an answered application never reminds; 'viewed' is not an answer; a withdrawal or a closed post stops the clock", async () => {
    const t0 = new Date("2026-07-01T02:00:00Z");
    const { posting, members } = await employer(t0);
    const owner = members[0]!;
    const answered = await applied((await person("seeker", "甲")).id, posting.id, t0);
    const viewed = await applied((await person("seeker", "乙")).id, posting.id, t0);
    const withdrawn = (await person("seeker", "丙")).id;
    const withdrawnId = await applied(withdrawn, posting.id, t0);
    expect((await decide(owner.id, answered, { intent: "interview" }, at(t0, 2))).ok).toBe(true);
    expect((await decide(owner.id, viewed, { intent: "viewed" }, at(t0, 1))).ok).toBe(true);
    expect((await withdraw(withdrawn, withdrawnId, at(t0, 3))).ok).toBe(true);

    const closedPost = await makePosting(db, { organizationId: posting.organizationId, regionCode: "610924101", title: "已停招岗位", publishedAt: t0, validUntil: addDays(t0, 60) }, t0);
    const onClosed = await applied((await person("seeker", "丁")).id, closedPost.id, t0);
    await db.posting.update({ where: { id: closedPost.id }, data: { status: "closed", closedAt: at(t0, 5) } });

    for (const day of [7, 8, 14, 20]) await runFollowUp(at(t0, day));
    const state = async (id: number) => db.application.findUniqueOrThrow({ where: { id }, select: { remindedAt: true, escalatedAt: true, answeredAt: true } });
    expect(await state(answered)).toEqual({ remindedAt: null, escalatedAt: null, answeredAt: at(t0, 2) });
    expect(await state(viewed)).toMatchObject({ remindedAt: at(t0, 7), escalatedAt: at(t0, 14), answeredAt: null });
    expect(await state(withdrawnId)).toMatchObject({ remindedAt: null, escalatedAt: null });
    expect(await state(onClosed)).toMatchObject({ remindedAt: null, escalatedAt: null });
    expect(await db.applicationFollowUp.count({ where: { applicationId: { in: [answered, withdrawnId, onClosed] } } })).toBe(0);

    // The employer answers the one in the queue: it leaves the queue at once, and a later withdrawal is no reason to reopen it.
    expect((await decide(owner.id, viewed, { intent: "rejected", reason: "岗位已招满" }, at(t0, 21))).ok).toBe(true);
    expect(await db.applicationFollowUp.findUniqueOrThrow({ where: { applicationId: viewed } })).toMatchObject({ closedAt: at(t0, 21), closedReason: "answered" });
  });

  it("the days are settings: with 2 and 4 the reminder comes on day 2 and the staff on day 4; a bad pair stops the start", async () => {
    const saved = { remind: process.env.FOLLOW_UP_REMIND_DAYS, escalate: process.env.FOLLOW_UP_ESCALATE_DAYS };
    const restore = () => {
      for (const [name, value] of [["FOLLOW_UP_REMIND_DAYS", saved.remind], ["FOLLOW_UP_ESCALATE_DAYS", saved.escalate]] as const) {
        if (value === undefined) delete process.env[name];
        else process.env[name] = value;
      }
      resetEnvForTests();
    };
    try {
      process.env.FOLLOW_UP_REMIND_DAYS = "2";
      process.env.FOLLOW_UP_ESCALATE_DAYS = "4";
      resetEnvForTests();
      const t0 = new Date("2026-09-01T02:00:00Z");
      const { posting } = await employer(t0);
      const id = await applied((await person("seeker", "戊")).id, posting.id, t0);
      const state = () => db.application.findUniqueOrThrow({ where: { id }, select: { remindedAt: true, escalatedAt: true } });
      await runFollowUp(at(t0, 1, 23));
      expect(await state()).toEqual({ remindedAt: null, escalatedAt: null });
      await runFollowUp(at(t0, 2));
      expect(await state()).toEqual({ remindedAt: at(t0, 2), escalatedAt: null });
      await runFollowUp(at(t0, 4));
      expect(await state()).toEqual({ remindedAt: at(t0, 2), escalatedAt: at(t0, 4) });

      process.env.FOLLOW_UP_ESCALATE_DAYS = "2";
      resetEnvForTests();
      expect(() => getEnv()).toThrow(/FOLLOW_UP_ESCALATE_DAYS: must be more than FOLLOW_UP_REMIND_DAYS/);
    } finally {
      restore();
    }
    expect(getEnv()).toMatchObject({ FOLLOW_UP_REMIND_DAYS: 7, FOLLOW_UP_ESCALATE_DAYS: 14, FOLLOW_UP_MIN_APPLICATIONS: 5 });
  });

  it("the response rate and usual time are right, counted at each answer, and hidden below the minimum", async () => {
    const t0 = new Date("2026-10-01T02:00:00Z");
    const { org, posting, members } = await employer(t0);
    const owner = members[0]!;
    // Four answered after 12, 30, 50 and 80 hours (median 40 h: "within 2 days"), one left waiting.
    const ids = [];
    for (const name of ["一", "二", "三", "四", "五"]) ids.push(await applied((await person("seeker", `求职者${name}`)).id, posting.id, t0));
    const steps = [[12, "interview"], [30, "offered"], [50, "rejected"], [80, "hired"]] as const;
    for (const [i, [hours, intent]] of steps.entries()) {
      const input = intent === "rejected" ? { intent, reason: "不合适" } : { intent };
      expect((await decide(owner.id, ids[i]!, input, at(t0, 0, hours))).ok).toBe(true);
    }
    // Counted at the answer already: four answered; the waiting one is not late yet.
    expect(await db.organization.findUniqueOrThrow({ where: { id: org.id } })).toMatchObject({ responseCounted: 4, responseAnswered: 4, responseMedianHours: 40 });
    // A week on, the pass counts the unanswered one against the employer.
    await runFollowUp(at(t0, 7));
    const row = await db.organization.findUniqueOrThrow({ where: { id: org.id } });
    expect(row).toMatchObject({ responseCounted: 5, responseAnswered: 4, responseMedianHours: 40, responseFlagged: false });
    expect(responseFigures(row, 5)).toEqual({ applications: 5, answered: 4, answeredPercent: 80, usualDays: 2 });
    expect(responseFigures(row, 6)).toBeNull();
    expect(responseFigures({ ...row, responseAnswered: 5, responseMedianHours: 3 }, 5)).toMatchObject({ answeredPercent: 100, usualDays: 1 });

    // The post's page reads them with the post, in its one view model; with the minimum raised they are gone.
    const read = async () => (await postingReader("zh-CN"))(await db.posting.findUniqueOrThrow({ where: { id: posting.id }, include: { organization: true } }));
    const { item, view } = await read();
    expect(view.organization.responses).toEqual({ applications: 5, answered: 4, answeredPercent: 80, usualDays: 2 });
    expect(item.organization.responses).toEqual(view.organization.responses);
    process.env.FOLLOW_UP_MIN_APPLICATIONS = "6";
    resetEnvForTests();
    try {
      expect((await read()).view.organization.responses).toBeNull();
    } finally {
      delete process.env.FOLLOW_UP_MIN_APPLICATIONS;
      resetEnvForTests();
    }
  });

  it("an employer that never answers is flagged to staff (audited), and unflagged once it answers", async () => {
    const t0 = new Date("2026-11-01T02:00:00Z");
    const { org, posting, members } = await employer(t0);
    const ids = [];
    for (const name of ["甲", "乙", "丙", "丁", "戊"]) ids.push(await applied((await person("seeker", `无回音${name}`)).id, posting.id, t0));
    await runFollowUp(at(t0, 6));
    expect((await db.organization.findUniqueOrThrow({ where: { id: org.id } })).responseFlagged).toBe(false);
    await runFollowUp(at(t0, 7));
    expect(await db.organization.findUniqueOrThrow({ where: { id: org.id } })).toMatchObject({ responseCounted: 5, responseAnswered: 0, responseFlagged: true });
    expect(await db.auditLog.count({ where: { action: "organization.flag_unresponsive", entityId: String(org.id), actorId: null, regionCode: "610924101" } })).toBe(1);
    expect(responseFigures(await db.organization.findUniqueOrThrow({ where: { id: org.id } }), 5)).toMatchObject({ answered: 0, answeredPercent: 0, usualDays: null });

    expect((await decide(members[0]!.id, ids[0]!, { intent: "interview" }, at(t0, 8))).ok).toBe(true);
    expect((await db.organization.findUniqueOrThrow({ where: { id: org.id } })).responseFlagged).toBe(false);
    expect(await db.auditLog.count({ where: { action: "organization.unflag_unresponsive", entityId: String(org.id) } })).toBe(1);
  });
});
