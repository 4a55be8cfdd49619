import { parseWithZod } from "@conform-to/zod";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeOrganization } from "../../../prisma/seed/factories.ts";
import { openSeededDatabase } from "../../../tests/setup/test-env.ts";
import type { Db } from "../db.server.ts";
import { decideOrganization } from "../organizations/organizations.server.ts";
import { encrypt, lookupHash } from "../security/secrets.server.ts";
import { maskPhone } from "../people/identity.ts";
import { applyForPlace, listAdmitted, listFounderApplications, withdrawBaseApplication } from "./founder.server.ts";
import { listBaseApplications, loadBaseApplication, loadOperatorBase, updateBase } from "./operator.server.ts";
import { reviewBaseApplication } from "./review.server.ts";
import { applySchema, reviewSchema } from "./schemas.ts";

const form = (entries: [string, string][]) => {
  const data = new FormData();
  for (const [k, v] of entries) data.append(k, v);
  return data;
};

describe("incubation bases: applications for a place, review by the operator, admission (real SQLite)", () => {
  let db: Db;
  let cleanup: () => Promise<void>;
  let serial = 0;
  let operator: { id: number };
  let otherOperator: { id: number };
  let baseId: number;
  let otherBaseId: number;
  let industry: string;

  const user = (role: string, name: string) => db.user.create({ data: { email: `${role}${++serial}@bases.test`, passwordHash: "x", role, displayName: name } });
  const founder = async (name: string, groups = ",graduate,") => {
    const u = await user("seeker", name);
    const phone = `137${String(10_000_000 + serial).slice(-8)}`;
    await db.user.update({ where: { id: u.id }, data: { phoneEnc: encrypt(phone), phoneHash: lookupHash("phone", phone), phoneMasked: maskPhone(phone) } });
    await db.seekerProfile.create({ data: { userId: u.id, name, groups, hometownCode: "610924101" } });
    return u;
  };
  const input = (over: Partial<Record<string, unknown>> = {}) => ({
    businessPlan: "富硒茶网店，线上卖给城市年轻人，靠差价和直播带货赚钱。",
    team: "三人：我负责运营，两位同学负责拍摄和客服。",
    industryCode: industry,
    groups: ["graduate" as const],
    needs: "一间办公室，帮忙办营业执照。",
    ...over,
  });

  beforeAll(async () => {
    ({ db, cleanup } = openSeededDatabase());
    industry = (await db.industry.findFirstOrThrow()).code;
    const org = await makeOrganization(db, { kind: "incubator", regionCode: "610924101", name: "紫阳测试孵化中心", status: "verified" });
    const other = await makeOrganization(db, { kind: "incubator", regionCode: "610902001", name: "汉滨测试孵化中心", status: "verified" });
    operator = await user("employer", "基地 周主任");
    otherOperator = await user("employer", "别家 吴主任");
    await db.membership.create({ data: { userId: operator.id, organizationId: org.id, role: "owner" } });
    await db.membership.create({ data: { userId: otherOperator.id, organizationId: other.id, role: "owner" } });
    const base = (organizationId: number, regionCode: string, name: string, freePlaces: number) =>
      db.incubationBase.create({ data: { name, type: "incubator", level: "county", organizationId, regionCode, countyCode: regionCode.slice(0, 6), address: "测试路1号", description: "测试", totalPlaces: 10, freePlaces, rentTerms: "三年免租", publishedAt: new Date() } });
    baseId = (await base(org.id, "610924101", "紫阳测试创业孵化基地", 2)).id;
    otherBaseId = (await base(other.id, "610902001", "汉滨测试创业孵化基地", 5)).id;
  });

  afterAll(async () => {
    await cleanup();
  });

  it("answers bad input at the fields: a short plan, no team, no industry, an unknown status, and an industry not in the list", async () => {
    const reply = parseWithZod(form([["businessPlan", "太短"], ["team", ""], ["groups", "alien"], ["needs", "场地"]]), { schema: applySchema });
    expect(reply.status).toBe("error");
    const errors = reply.reply().error!;
    expect(errors.businessPlan).toEqual(["bases.errors.planTooShort"]);
    expect(errors.team).toEqual(["forms.required"]);
    expect(errors.industryCode).toEqual(["forms.chooseOne"]);
    expect(errors["groups[0]"] ?? errors.groups).toEqual(["forms.chooseOne"]);
    expect(errors.needs).toBeUndefined();
    const person = await founder("错行业");
    expect(await applyForPlace(person.id, baseId, input({ industryCode: "no_such_trade" }), "zh-CN")).toEqual({ ok: false, reason: "bad_industry", field: "industryCode" });
    expect(await db.baseApplication.count({ where: { founderId: person.id } })).toBe(0);
  });

  it("a decline needs a reason, an interview a real time", () => {
    const decline = parseWithZod(form([["intent", "decline"], ["reason", ""]]), { schema: reviewSchema }).reply().error!;
    expect(decline.reason).toEqual(["bases.errors.reasonRequired"]);
    const interview = parseWithZod(form([["intent", "interview"], ["interviewAt", "2026-02-30T10:00"]]), { schema: reviewSchema }).reply().error!;
    expect(interview.interviewAt).toEqual(["bases.errors.timeInvalid"]);
  });

  it("an operator sees and decides only its own bases' applications: another operator's id is not found", async () => {
    const person = await founder("李创业");
    const applied = await applyForPlace(person.id, baseId, input(), "zh-CN");
    expect(applied.ok).toBe(true);
    const id = applied.ok ? applied.applicationId : 0;
    expect(await db.notification.count({ where: { userId: operator.id, type: "baseApplicationReceived" } })).toBeGreaterThan(0);
    expect(await loadBaseApplication(otherOperator.id, id, "zh-CN")).toBeNull();
    expect(await listBaseApplications(otherOperator.id, baseId)).toBeNull();
    expect(await loadOperatorBase(otherOperator.id, baseId)).toBeNull();
    expect(await updateBase(otherOperator.id, baseId, { totalPlaces: 1, freePlaces: 0, rentTerms: "x", contactPhone: "0915-1234567" })).toBe(false);
    expect(await reviewBaseApplication(otherOperator.id, id, { intent: "admit" })).toEqual({ ok: false, reason: "not_found" });
    expect((await listBaseApplications(operator.id, baseId))!.rows.map((r) => r.id)).toContain(id);
    expect(await loadBaseApplication(operator.id, id, "zh-CN")).toMatchObject({ status: "submitted", next: ["interview", "admit", "decline"] });
    expect(await applyForPlace(person.id, baseId, input(), "zh-CN")).toEqual({ ok: false, reason: "already_applied" });
  });

  it("interview, then admission: free places less one and a search outbox row in the same transaction, a pending founding placement, the founder told and following the history", async () => {
    const person = await founder("王毕业");
    const applied = await applyForPlace(person.id, baseId, input(), "zh-CN");
    const id = applied.ok ? applied.applicationId : 0;
    const t1 = new Date("2026-03-03T02:00:00Z");
    expect(await reviewBaseApplication(operator.id, id, { intent: "interview", interviewAt: "2026-03-05T10:30", note: "带上身份证" }, t1)).toMatchObject({ ok: true });
    const before = await db.incubationBase.findUniqueOrThrow({ where: { id: baseId } });
    const outboxBefore = await db.searchOutbox.count({ where: { docId: `base-${baseId}` } });
    const admitted = await reviewBaseApplication(operator.id, id, { intent: "admit", businessName: "紫阳硒茶小铺", jobsCreated: 3 }, new Date("2026-03-06T02:00:00Z"));
    expect(admitted).toMatchObject({ ok: true, intent: "admit" });
    expect((await db.incubationBase.findUniqueOrThrow({ where: { id: baseId } })).freePlaces).toBe(before.freePlaces - 1);
    expect(await db.searchOutbox.count({ where: { docId: `base-${baseId}` } })).toBe(outboxBefore + 1);

    const placement = await db.placement.findUniqueOrThrow({ where: { id: admitted.ok ? admitted.placementId! : 0 } });
    expect(placement).toMatchObject({ personUserId: person.id, kind: "new_urban", continuity: "new_business", source: "site", status: "pending", countyCode: "610924", groups: ",graduate," });
    expect(await db.auditLog.count({ where: { action: "placement.create_from_admission", entityId: String(placement.id) } })).toBe(1);
    expect(await db.notification.count({ where: { userId: person.id, type: { in: ["baseInterview", "baseAdmitted"] } } })).toBe(2);
    expect(await db.messageOutbox.count({ where: { userId: person.id, purpose: "base_application", channel: "sms" } })).toBe(2);

    const [mine] = await listFounderApplications(person.id);
    expect(mine).toMatchObject({ status: "admitted", businessName: "紫阳硒茶小铺", jobsCreated: 3, canWithdraw: false });
    expect(mine!.events.map((e) => e.status)).toEqual(["submitted", "interview", "admitted"]);
    expect(mine!.events[1]!.note).toContain("带上身份证");

    expect(await reviewBaseApplication(operator.id, id, { intent: "record", businessName: "紫阳硒茶小铺", jobsCreated: 5 })).toMatchObject({ ok: true });
    const shown = await listAdmitted(baseId, "zh-CN");
    expect(shown.businesses).toEqual([expect.objectContaining({ name: "紫阳硒茶小铺", jobsCreated: 5 })]);
    expect(shown.jobsCreated).toBe(5);
  });

  it("refuses to admit when the base is full and leaves everything as it was; the founder can withdraw, a decline carries its reason", async () => {
    const a = await founder("甲");
    const b = await founder("乙");
    const c = await founder("丙");
    const ids: number[] = [];
    for (const p of [a, b, c]) {
      const r = await applyForPlace(p.id, baseId, input(), "en");
      ids.push(r.ok ? r.applicationId : 0);
    }
    expect(await reviewBaseApplication(operator.id, ids[0]!, { intent: "admit" })).toMatchObject({ ok: true });
    expect((await db.incubationBase.findUniqueOrThrow({ where: { id: baseId } })).freePlaces).toBe(0);
    const outbox = await db.searchOutbox.count();
    expect(await reviewBaseApplication(operator.id, ids[1]!, { intent: "admit" })).toEqual({ ok: false, reason: "full" });
    expect((await db.incubationBase.findUniqueOrThrow({ where: { id: baseId } })).freePlaces).toBe(0);
    expect(await db.searchOutbox.count()).toBe(outbox);
    expect((await db.baseApplication.findUniqueOrThrow({ where: { id: ids[1]! } })).status).toBe("submitted");

    expect(await reviewBaseApplication(operator.id, ids[1]!, { intent: "decline", reason: "位置已满，明年再申请" })).toMatchObject({ ok: true });
    const [declined] = await listFounderApplications(b.id);
    expect(declined).toMatchObject({ status: "declined", declineReason: "位置已满，明年再申请" });
    expect(await withdrawBaseApplication(b.id, ids[1]!)).toEqual({ ok: false, reason: "not_allowed" });
    expect(await withdrawBaseApplication(a.id, ids[2]!)).toEqual({ ok: false, reason: "not_found" });
    expect(await withdrawBaseApplication(c.id, ids[2]!)).toEqual({ ok: true });
    expect((await listFounderApplications(c.id))[0]!.events.map((e) => e.status)).toEqual(["submitted", "withdrawn"]);
    expect(await listBaseApplications(otherOperator.id, otherBaseId)).toMatchObject({ rows: [] });
  });

  it("staff verification of an incubator organization is audited, in the staff member's region only", async () => {
    const org = await makeOrganization(db, { kind: "incubator", regionCode: "610924101", name: "紫阳新孵化器", status: "pending" });
    const ziyang = await db.user.create({ data: { email: "ziyang-staff@bases.test", passwordHash: "x", role: "staff", displayName: "紫阳", staffRegionCode: "610924" } });
    const hanbin = await db.user.create({ data: { email: "hanbin-staff@bases.test", passwordHash: "x", role: "staff", displayName: "汉滨", staffRegionCode: "610902" } });
    expect(await decideOrganization({ id: hanbin.id, role: "staff", staffRegionCode: "610902" }, { intent: "verify", id: org.id })).toEqual({ ok: false, reason: "not_found" });
    expect(await decideOrganization({ id: ziyang.id, role: "staff", staffRegionCode: "610924" }, { intent: "verify", id: org.id })).toMatchObject({ ok: true, status: "verified" });
    const log = await db.auditLog.findFirstOrThrow({ where: { entityType: "organization", entityId: String(org.id) } });
    expect(log).toMatchObject({ actorId: ziyang.id, action: "organization.verify", regionCode: "610924101" });
  });
});
