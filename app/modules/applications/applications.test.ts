import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addDays, makeOrganization, makePosting } from "../../../prisma/seed/factories.ts";
import { openSeededDatabase } from "../../../tests/setup/test-env.ts";
import type { Db } from "../db.server.ts";
import { idNumberCheckChar, maskIdNumber, maskPhone } from "../people/identity.ts";
import { encrypt, lookupHash } from "../security/secrets.server.ts";
import { apply, decide, listApplicants, listSeekerApplications, loadApplicant, loadApplyPage, placementKind, withdraw } from "./applications.server.ts";
import { transitionSchema } from "./schemas.ts";
import en from "../../locales/en.ts";
import zhCN from "../../locales/zh-CN.ts";

const ID_NUMBER = (() => {
  const first17 = "61092420010203452";
  return `${first17}${idNumberCheckChar(first17)}`;
})();

describe("applications: apply, lifecycle on both sides, placement on hire (real SQLite)", () => {
  let db: Db;
  let cleanup: () => Promise<void>;
  let serial = 0;

  const user = async (role: "seeker" | "employer", name: string) =>
    db.user.create({ data: { email: `${role}${++serial}@apply.test`, passwordHash: "not-used", role, displayName: name } });

  type ProfileOptions = { consent?: boolean; groups?: string[]; idNumber?: string; skills?: string; education?: string; returneeKind?: string | null };
  const seeker = async (name: string, options: ProfileOptions = {}) => {
    const u = await user("seeker", name);
    const phone = `139${String(10_000_000 + serial).slice(-8)}`;
    const id = options.idNumber;
    await db.seekerProfile.create({
      data: {
        userId: u.id,
        name,
        phoneEnc: encrypt(phone),
        phoneMasked: maskPhone(phone),
        ...(id ? { idNumberEnc: encrypt(id), idNumberMasked: maskIdNumber(id), idHash: lookupHash("id-number", id), birthDate: new Date(Date.UTC(2001, 1, 3)), sex: "female" } : {}),
        education: options.education ?? "college",
        skills: options.skills ?? "电子商务 直播",
        groups: `,${(options.groups ?? []).join(",")}${options.groups?.length ? "," : ""}`,
        returneeKind: options.returneeKind ?? null,
        hometownCode: "610924101",
        consentSharing: options.consent ?? true,
      },
    });
    return { ...u, phone };
  };

  /** An organization in 紫阳 with two members, and another organization with its own member. */
  let org: { id: number; name: string };
  let owner: { id: number };
  let colleague: { id: number };
  let outsider: { id: number };
  let otherOrgId: number;

  const unread = (userId: number, type?: string) => db.notification.count({ where: { userId, readAt: null, ...(type ? { type } : {}) } });

  beforeAll(async () => {
    ({ db, cleanup } = openSeededDatabase());
    const o = await makeOrganization(db, { regionCode: "610924101", name: "紫阳县富硒茶业有限公司" });
    org = { id: o.id, name: o.name };
    owner = await user("employer", "人事 赵女士");
    colleague = await user("employer", "人事 钱先生");
    outsider = await user("employer", "别家 孙经理");
    await db.membership.create({ data: { userId: owner.id, organizationId: org.id, role: "owner" } });
    await db.membership.create({ data: { userId: colleague.id, organizationId: org.id, role: "member" } });
    otherOrgId = (await makeOrganization(db, { regionCode: "610902001" })).id;
    await db.membership.create({ data: { userId: outsider.id, organizationId: otherOrgId, role: "owner" } });
  });

  afterAll(async () => {
    await cleanup();
  });

  it("goes submitted → viewed → interview → offered → hired with an event, a timestamp and a notice each time, seen by both sides", async () => {
    const posting = await makePosting(db, { organizationId: org.id, regionCode: "610924101", kind: "job", title: "网店运营专员" });
    const person = await seeker("王小红", { groups: ["graduate", "returnee"], returneeKind: "graduate", idNumber: ID_NUMBER });

    const t0 = new Date("2026-03-02T01:00:00Z");
    const applied = await apply(person.id, posting.id, t0);
    expect(applied.ok).toBe(true);
    if (!applied.ok) return;
    const id = applied.applicationId;
    // Both members of the organization hear of it.
    expect(await unread(owner.id, "applicationReceived")).toBe(1);
    expect(await unread(colleague.id, "applicationReceived")).toBe(1);
    expect(await unread(outsider.id)).toBe(0);
    const received = await db.notification.findFirstOrThrow({ where: { userId: owner.id, type: "applicationReceived" } });
    expect(JSON.parse(received.params)).toEqual({ name: "王小红", title: "网店运营专员" });
    expect(received.link).toBe(`/employer/applicants/${id}`);

    // The snapshot never holds the full ID number; the employer reads the masked one and, with consent, the full phone.
    const row = await db.application.findUniqueOrThrow({ where: { id } });
    expect(row.snapshot).not.toContain(ID_NUMBER);
    expect(row.snapshot).not.toContain(person.phone);
    const seen = await loadApplicant(owner.id, id, "zh-CN");
    expect(seen?.applicant).toMatchObject({ name: "王小红", phone: person.phone, phoneIsFull: true, idNumberMasked: maskIdNumber(ID_NUMBER), education: "college", groups: ["graduate", "returnee"] });
    expect(seen?.applicant.hometown).toContain("紫阳");

    const steps = ["viewed", "interview", "offered"] as const;
    for (const [i, step] of steps.entries()) {
      const result = await decide(owner.id, id, { intent: step }, new Date(t0.getTime() + (i + 1) * 3_600_000));
      expect(result, step).toMatchObject({ ok: true, status: step, placementId: null });
    }
    const hired = await decide(colleague.id, id, { intent: "hired", startDate: "2026-03-16" }, new Date(t0.getTime() + 4 * 3_600_000));
    expect(hired.ok).toBe(true);

    // The seeker's side: status, the whole timeline in order with times, one notice per step.
    const [mine] = await listSeekerApplications(person.id);
    expect(mine).toMatchObject({ id, status: "hired", startDate: "2026-03-16", canWithdraw: false });
    expect(mine!.events.map((e) => e.status)).toEqual(["submitted", "viewed", "interview", "offered", "hired"]);
    expect(mine!.events.map((e) => e.at)).toEqual([0, 1, 2, 3, 4].map((h) => new Date(t0.getTime() + h * 3_600_000).toISOString()));
    for (const type of ["applicationViewed", "applicationInterview", "applicationOffered", "applicationHired"]) {
      expect(await unread(person.id, type), type).toBe(1);
    }
    const hiredNotice = await db.notification.findFirstOrThrow({ where: { userId: person.id, type: "applicationHired" } });
    expect(JSON.parse(hiredNotice.params)).toEqual({ title: "网店运营专员", date: "2026-03-16" });

    // The employer's side shows the same history, with who acted.
    const after = await loadApplicant(owner.id, id, "en");
    expect(after?.status).toBe("hired");
    expect(after?.events.map((e) => e.status)).toEqual(["submitted", "viewed", "interview", "offered", "hired"]);
    expect(after?.next).toEqual([]);
    const actors = await db.applicationEvent.findMany({ where: { applicationId: id }, orderBy: { id: "asc" }, select: { actorId: true } });
    expect(actors.map((a) => a.actorId)).toEqual([person.id, owner.id, owner.id, owner.id, colleague.id]);
  });

  it("marking hired creates one pending placement with the person, organization, post, date, place and kind — and a second hire creates none", async () => {
    const posting = await makePosting(db, { organizationId: org.id, regionCode: "610924101", kind: "job", title: "茶叶加工工" });
    const person = await seeker("李娟", { groups: ["returnee"], returneeKind: "industrial_worker", idNumber: undefined, consent: false });
    const applied = await apply(person.id, posting.id);
    if (!applied.ok) throw new Error(applied.reason);
    const hired = await decide(owner.id, applied.applicationId, { intent: "hired" }, new Date("2026-05-10T20:00:00Z"));
    expect(hired).toMatchObject({ ok: true, status: "hired" });

    const placements = await db.placement.findMany({ where: { applicationId: applied.applicationId } });
    expect(placements).toHaveLength(1);
    expect(placements[0]).toMatchObject({
      personUserId: person.id,
      personName: "李娟",
      idHash: null,
      idNumberEnc: null,
      groups: ",returnee,",
      returneeKind: "industrial_worker",
      organizationId: org.id,
      employerName: org.name,
      postingId: posting.id,
      kind: "returnee",
      regionCode: "610924101",
      countyCode: "610924",
      source: "site",
      status: "pending",
      createdById: owner.id,
    });
    // No date given: today in China (20:00 UTC on 10 May is already 11 May in Ankang).
    expect(placements[0]!.startDate.toISOString()).toBe("2026-05-11T00:00:00.000Z");
    expect(await db.auditLog.count({ where: { entityType: "placement", entityId: String(placements[0]!.id), action: "placement.create_from_hire" } })).toBe(1);

    const again = await decide(owner.id, applied.applicationId, { intent: "hired" });
    expect(again).toEqual({ ok: false, reason: "illegal" });
    const twice = await Promise.all([decide(owner.id, applied.applicationId, { intent: "hired" }), decide(colleague.id, applied.applicationId, { intent: "hired" })]);
    expect(twice.every((r) => !r.ok)).toBe(true);
    expect(await db.placement.count({ where: { applicationId: applied.applicationId } })).toBe(1);

    // With an ID number in the profile, the placement carries its hash and the encrypted and masked copies.
    const withId = await seeker("周敏", { groups: ["graduate"], idNumber: `${"61092419990101331"}${idNumberCheckChar("61092419990101331")}` });
    const second = await apply(withId.id, posting.id);
    if (!second.ok) throw new Error(second.reason);
    await decide(owner.id, second.applicationId, { intent: "hired", startDate: "2026-04-01" });
    const p = await db.placement.findUniqueOrThrow({ where: { applicationId: second.applicationId } });
    const profile = await db.seekerProfile.findUniqueOrThrow({ where: { userId: withId.id } });
    expect(p).toMatchObject({ idHash: profile.idHash, idNumberEnc: profile.idNumberEnc, idNumberMasked: profile.idNumberMasked, kind: "graduate", personName: "周敏" });
    expect(p.startDate.toISOString()).toBe("2026-04-01T00:00:00.000Z");
  });

  it("has a message in both languages for every notice it sends, beside the other areas' notices", () => {
    const types = ["applicationReceived", "applicationWithdrawn", "applicationViewed", "applicationInterview", "applicationOffered", "applicationHired", "applicationRejected"];
    for (const messages of [zhCN.notifications, en.notifications] as Record<string, string>[]) {
      for (const type of [...types, "organizationVerified", "organizationRejected"]) expect(messages[type], type).toBeTruthy();
    }
  });

  it("derives the placement kind from the post first, then the person's groups", () => {
    expect(placementKind("gig", ["graduate"])).toBe("gig_flexible");
    expect(placementKind("internship", ["returnee"])).toBe("internship");
    expect(placementKind("job", ["returnee", "graduate"])).toBe("graduate");
    expect(placementKind("job", ["returnee", "veteran"])).toBe("returnee");
    expect(placementKind("job", ["veteran"])).toBe("new_urban");
    expect(placementKind("job", [])).toBe("new_urban");
  });

  it("refuses a second application to the same post politely, also when both arrive at once", async () => {
    const posting = await makePosting(db, { organizationId: org.id, regionCode: "610924101" });
    const person = await seeker("陈静");
    expect((await apply(person.id, posting.id)).ok).toBe(true);
    expect(await apply(person.id, posting.id)).toEqual({ ok: false, reason: "already_applied" });

    const other = await makePosting(db, { organizationId: org.id, regionCode: "610924101" });
    const results = await Promise.all(Array.from({ length: 5 }, () => apply(person.id, other.id)));
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok && r.reason === "already_applied")).toHaveLength(4);
    expect(await db.application.count({ where: { seekerId: person.id } })).toBe(2);
    expect((await loadApplyPage(person.id, other.id, "zh-CN"))?.existing).toMatchObject({ status: "submitted" });
  });

  it("fills a 5-person gig with exactly 5 of 30 people applying at once; a withdrawal frees a place", async () => {
    const gig = await makePosting(db, { organizationId: org.id, regionCode: "610924101", kind: "gig", headcount: 5, title: "茶园采摘零工" });
    const people = await Promise.all(Array.from({ length: 30 }, (_, i) => seeker(`采茶工${i}`)));
    const results = await Promise.all(people.map((p) => apply(p.id, gig.id)));
    expect(results.filter((r) => r.ok)).toHaveLength(5);
    expect(results.filter((r) => !r.ok && r.reason === "full")).toHaveLength(25);
    expect(await db.application.count({ where: { postingId: gig.id } })).toBe(5);
    const page = await loadApplyPage(people[0]!.id, gig.id, "zh-CN");
    expect(page?.posting.gig).toEqual({ taken: 5, headcount: 5, full: true });

    const winners = people.filter((_, i) => results[i]!.ok);
    const firstId = (results.find((r) => r.ok) as { applicationId: number }).applicationId;
    expect(await withdraw(winners[0]!.id, firstId)).toEqual({ ok: true });
    const late = people.find((_, i) => !results[i]!.ok)!;
    expect((await apply(late.id, gig.id)).ok).toBe(true);
    expect(await apply(people.find((p) => p.id !== late.id && !winners.includes(p))!.id, gig.id)).toEqual({ ok: false, reason: "full" });
  });

  it("lets the seeker withdraw until a decision, notifies the employer, and never withdraws someone else's", async () => {
    const posting = await makePosting(db, { organizationId: org.id, regionCode: "610924101", title: "仓库管理员" });
    const person = await seeker("赵刚");
    const applied = await apply(person.id, posting.id);
    if (!applied.ok) throw new Error(applied.reason);
    const intruder = await seeker("钱多");
    expect(await withdraw(intruder.id, applied.applicationId)).toEqual({ ok: false, reason: "not_found" });

    await decide(owner.id, applied.applicationId, { intent: "interview" });
    const before = await unread(owner.id, "applicationWithdrawn");
    expect(await withdraw(person.id, applied.applicationId)).toEqual({ ok: true });
    expect(await unread(owner.id, "applicationWithdrawn")).toBe(before + 1);
    expect(await withdraw(person.id, applied.applicationId)).toEqual({ ok: false, reason: "not_allowed" });
    expect(await decide(owner.id, applied.applicationId, { intent: "offered" })).toEqual({ ok: false, reason: "illegal" });
    const [mine] = await listSeekerApplications(person.id);
    expect(mine?.events.map((e) => e.status)).toEqual(["submitted", "interview", "withdrawn"]);
    // A withdrawn application still counts as "already applied".
    expect(await apply(person.id, posting.id)).toEqual({ ok: false, reason: "already_applied" });

    for (const final of ["hired", "rejected"] as const) {
      const p = await seeker(`终态${final}`);
      const a = await apply(p.id, posting.id);
      if (!a.ok) throw new Error(a.reason);
      await decide(owner.id, a.applicationId, final === "hired" ? { intent: "hired" } : { intent: "rejected", reason: "岗位已招满" });
      expect(await withdraw(p.id, a.applicationId), final).toEqual({ ok: false, reason: "not_allowed" });
    }
  });

  it("follows the transition table: forward only, reject from any open status with a reason, nothing after the end", async () => {
    const posting = await makePosting(db, { organizationId: org.id, regionCode: "610924101", title: "质检员" });
    const fresh = async (status?: "viewed" | "interview" | "offered") => {
      const p = await seeker(`候选人${serial}`);
      const a = await apply(p.id, posting.id);
      if (!a.ok) throw new Error(a.reason);
      if (status) expect((await decide(owner.id, a.applicationId, { intent: status })).ok).toBe(true);
      return { seekerId: p.id, id: a.applicationId };
    };
    const illegal: ["viewed" | "interview" | "offered", "viewed" | "interview" | "offered"][] = [
      ["interview", "viewed"],
      ["offered", "interview"],
      ["offered", "viewed"],
      ["viewed", "viewed"],
    ];
    for (const [from, to] of illegal) {
      const a = await fresh(from);
      expect(await decide(owner.id, a.id, { intent: to }), `${from} → ${to}`).toEqual({ ok: false, reason: "illegal" });
    }
    // Steps may be skipped forward (a gig is filled at once).
    expect((await decide(owner.id, (await fresh()).id, { intent: "hired" })).ok).toBe(true);

    const rejected = await fresh("offered");
    expect(await decide(owner.id, rejected.id, { intent: "rejected", reason: "已找到更合适的人选" })).toMatchObject({ ok: true });
    expect(await decide(owner.id, rejected.id, { intent: "hired" })).toEqual({ ok: false, reason: "illegal" });
    const [mine] = await listSeekerApplications(rejected.seekerId);
    expect(mine).toMatchObject({ status: "rejected", rejectionReason: "已找到更合适的人选" });
    expect(mine?.events.at(-1)).toMatchObject({ status: "rejected", reason: "已找到更合适的人选" });
    const notice = await db.notification.findFirstOrThrow({ where: { userId: rejected.seekerId, type: "applicationRejected" } });
    expect(JSON.parse(notice.params)).toEqual({ title: "质检员", reason: "已找到更合适的人选" });

    // A reason is required, and only the known steps exist.
    expect(transitionSchema.safeParse({ intent: "rejected", reason: "  " }).success).toBe(false);
    expect(transitionSchema.safeParse({ intent: "rejected" }).success).toBe(false);
    expect(transitionSchema.safeParse({ intent: "withdrawn" }).success).toBe(false);
    expect(transitionSchema.safeParse({ intent: "hired", startDate: "2026-02-30" }).success).toBe(false);
  });

  it("refuses closed, expired, unpublished posts, and seekers without a profile", async () => {
    const person = await seeker("孙丽");
    const closed = await makePosting(db, { organizationId: org.id, status: "closed" });
    const expired = await makePosting(db, { organizationId: org.id, validUntil: addDays(new Date(), -1) });
    const pending = await makePosting(db, { organizationId: org.id, status: "pending" });
    expect(await apply(person.id, closed.id)).toEqual({ ok: false, reason: "closed" });
    expect(await apply(person.id, expired.id)).toEqual({ ok: false, reason: "closed" });
    expect(await apply(person.id, pending.id)).toEqual({ ok: false, reason: "not_found" });
    expect(await apply(person.id, 999_999_999)).toEqual({ ok: false, reason: "not_found" });
    const bare = await user("seeker", "没简历");
    const open = await makePosting(db, { organizationId: org.id });
    expect(await apply(bare.id, open.id)).toEqual({ ok: false, reason: "no_profile" });
    expect((await loadApplyPage(bare.id, open.id, "zh-CN"))?.shared).toBeNull();
    expect(await db.application.count({ where: { postingId: { in: [closed.id, expired.id, pending.id, open.id] } } })).toBe(0);
  });

  it("shares only the name and masked phone without consent", async () => {
    const posting = await makePosting(db, { organizationId: org.id, regionCode: "610924101" });
    const person = await seeker("吴芳", { consent: false, idNumber: `${"61092419950505112"}${idNumberCheckChar("61092419950505112")}`, skills: "缝纫" });
    const preview = await loadApplyPage(person.id, posting.id, "zh-CN");
    expect(preview?.shared).toMatchObject({ shared: false, name: "吴芳", phone: maskPhone(person.phone), phoneIsFull: false, skills: "", idNumberMasked: null });
    const a = await apply(person.id, posting.id);
    if (!a.ok) throw new Error(a.reason);
    const snapshot = JSON.parse((await db.application.findUniqueOrThrow({ where: { id: a.applicationId } })).snapshot);
    expect(snapshot).toEqual({ v: 1, shared: false, name: "吴芳", phoneMasked: maskPhone(person.phone) });
    expect((await loadApplicant(owner.id, a.applicationId, "zh-CN"))?.applicant).toMatchObject({ phone: maskPhone(person.phone), phoneIsFull: false });
  });

  it("keeps another organization's employer out: cannot list, see or act (not found)", async () => {
    const posting = await makePosting(db, { organizationId: org.id, regionCode: "610924101", title: "保密岗位" });
    const person = await seeker("郑洁");
    const a = await apply(person.id, posting.id);
    if (!a.ok) throw new Error(a.reason);
    expect(await loadApplicant(outsider.id, a.applicationId, "zh-CN")).toBeNull();
    expect(await decide(outsider.id, a.applicationId, { intent: "rejected", reason: "x" })).toEqual({ ok: false, reason: "not_found" });
    expect(await decide(outsider.id, a.applicationId, { intent: "hired" })).toEqual({ ok: false, reason: "not_found" });
    expect(await listApplicants(outsider.id, { posting: posting.id })).toBeNull();
    const theirs = await listApplicants(outsider.id, {});
    expect(theirs?.rows.map((r) => r.id)).not.toContain(a.applicationId);
    expect(theirs?.postings.map((p) => p.id)).not.toContain(posting.id);
    expect((await db.application.findUniqueOrThrow({ where: { id: a.applicationId } })).status).toBe("submitted");
    expect(await db.placement.count({ where: { applicationId: a.applicationId } })).toBe(0);
  });

  it("lists a post's applicants with search by name or skill and filters by status, group and education", async () => {
    const posting = await makePosting(db, { organizationId: org.id, regionCode: "610924101", title: "电商主播" });
    const people = [
      await seeker("刘洋", { skills: "直播 剪辑", groups: ["graduate"], education: "bachelor" }),
      await seeker("杨帆", { skills: "叉车 仓储", groups: ["returnee"], returneeKind: "skilled", education: "senior" }),
      await seeker("刘备", { skills: "电焊", groups: [], education: "junior" }),
      await seeker("黄蓉", { consent: false }),
    ];
    const ids: number[] = [];
    for (const p of people) {
      const a = await apply(p.id, posting.id);
      if (!a.ok) throw new Error(a.reason);
      ids.push(a.applicationId);
    }
    await decide(owner.id, ids[1]!, { intent: "interview" });
    const names = async (filters: Parameters<typeof listApplicants>[1]) => (await listApplicants(owner.id, { posting: posting.id, ...filters }))!.rows.map((r) => r.name).sort();
    expect(await names({})).toEqual(["刘备", "刘洋", "杨帆", "黄蓉"].sort());
    expect(await names({ q: "刘" })).toEqual(["刘备", "刘洋"].sort());
    expect(await names({ q: "叉车" })).toEqual(["杨帆"]);
    expect(await names({ q: "name" })).toEqual([]);
    expect(await names({ status: "interview" })).toEqual(["杨帆"]);
    expect(await names({ group: "graduate" })).toEqual(["刘洋"]);
    expect(await names({ education: "junior" })).toEqual(["刘备"]);
    expect(await names({ q: "刘", education: "bachelor" })).toEqual(["刘洋"]);
    const list = await listApplicants(owner.id, { posting: posting.id });
    expect(list?.statusCounts).toEqual({ submitted: 3, interview: 1 });
    expect(list?.posting?.title).toBe("电商主播");
    expect(list?.rows.find((r) => r.name === "黄蓉")).toMatchObject({ shared: false, skills: "", groups: [] });
  });
});
