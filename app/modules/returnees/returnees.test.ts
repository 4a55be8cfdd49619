import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createRng, makeOrganization, makePosting } from "../../../prisma/seed/factories.ts";
import { makeReturnee } from "../../../prisma/seed/returnees.ts";
import { openSeededDatabase } from "../../../tests/setup/test-env.ts";
import { apply, decide } from "../applications/applications.server.ts";
import type { Db } from "../db.server.ts";
import { decidePlacement } from "../placements/placements.server.ts";
import { decrypt, lookupHash } from "../security/secrets.server.ts";
import type { StaffActor } from "../staff/scope.ts";
import { createEvent } from "./events.server.ts";
import { registrationAction, registrationPage } from "./forms.server.ts";
import { registrantFormAction as ownFormAction, registrantPage } from "./mine.server.ts";
import { registrantAction } from "./staff-actions.server.ts";
import { registrantDetail, registryPage } from "./staff.server.ts";

type Reply = { status?: string; error?: Record<string, string[] | null>; initialValue?: Record<string, unknown> };
const form = (fields: Record<string, string | string[]>) => {
  const data = new FormData();
  for (const [k, v] of Object.entries(fields)) for (const one of Array.isArray(v) ? v : [v]) data.append(k, one);
  return data;
};
const VALID = { name: "陈归雁", county: "610924", town: "610924101", awayCity: "广州", returneeKind: "skilled", trade: "电工", intentions: ["job", "training"], timing: "within_6_months", frequency: "weekly", consent: "on" };
const errorsOf = (reply: unknown) => (reply as Reply).error ?? {};
const query = { page: 1 } as const;

describe("returnee registry (real SQLite, demo data)", () => {
  let db: Db;
  let cleanup: () => Promise<void>;
  const actors = {} as Record<"city" | "ziyang" | "hanbin" | "town", StaffActor>;
  const rng = createRng(12);
  const staff = async (email: string) => {
    const u = await db.user.findUniqueOrThrow({ where: { email } });
    return { id: u.id, role: u.role, staffRegionCode: u.staffRegionCode } as StaffActor;
  };

  beforeAll(async () => {
    ({ db, cleanup } = openSeededDatabase());
    actors.city = await staff("city@demo.ankang.gov.cn");
    actors.ziyang = await staff("ziyang@demo.ankang.gov.cn");
    actors.hanbin = await staff("hanbin@demo.ankang.gov.cn");
    actors.town = await staff("haoping@demo.ankang.gov.cn");
  });
  afterAll(async () => cleanup());

  it("answers bad input at each field, in the form's words, and keeps what was typed", async () => {
    const cases: [Record<string, string | string[]>, string, string][] = [
      [{ ...VALID }, "phone", "returnees.errors.contact"],
      [{ ...VALID, email: "not-an-address" }, "email", "returnees.errors.email"],
      [{ ...VALID, phone: "12345" }, "phone", "forms.phoneInvalid"],
      [{ ...VALID, phone: "13912340000", intentions: [] }, "intentions", "returnees.errors.intention"],
      [{ ...VALID, phone: "13912340000", consent: "" }, "consent", "returnees.errors.consent"],
      [{ ...VALID, phone: "13912340000", timing: "tomorrow" }, "timing", "forms.chooseOne"],
      [{ ...VALID, phone: "13912340000", name: "" }, "name", "forms.required"],
    ];
    for (const [fields, field, key] of cases) {
      const { reply, next } = await registrationAction(form(fields), null, "zh-CN", "10.0.0.1");
      expect(next, field).toBeNull();
      expect(errorsOf(reply)[field], field).toEqual([key]);
      expect((reply as Reply).initialValue?.trade).toBe("电工");
    }
    // Checks only the server can make: a county of this city, a town inside it, a real city away.
    const places: [Record<string, string | string[]>, string, string][] = [
      [{ ...VALID, phone: "13912340000", county: "611002", town: "" }, "county", "returnees.errors.countyHere"],
      [{ ...VALID, phone: "13912340000", town: "610902001" }, "town", "regionPicker.errors.townNotInCounty"],
      [{ ...VALID, phone: "13912340000", awayCity: "火星基地" }, "awayCity", "returnees.errors.awayCity"],
    ];
    for (const [fields, field, key] of places) {
      const { reply } = await registrationAction(form(fields), null, "zh-CN", "10.0.0.1");
      expect(errorsOf(reply)[field]?.[0], field).toBe(key);
      expect((reply as Reply).initialValue?.name).toBe("陈归雁");
    }
    expect(await db.returneeRegistration.count({ where: { name: "陈归雁" } })).toBe(0);
  });

  it("without an account: one link by email, nothing visible to staff or sent until it is opened; the same address again learns nothing", async () => {
    const email = "guiyan.gz@example.com";
    const before = await db.messageOutbox.count();
    const first = await registrationAction(form({ ...VALID, email }), null, "zh-CN", "10.0.0.2");
    expect(first).toMatchObject({ next: "check", channel: "email" });
    const row = await db.returneeRegistration.findFirstOrThrow({ where: { emailHash: lookupHash("email", email) } });
    expect(row.confirmedAt).toBeNull();
    expect(row.emailEnc).not.toContain("example.com");
    expect(row.emailMasked).not.toBe(email);
    const mail = await db.messageOutbox.findMany({ where: { id: { gt: before } } });
    expect(mail).toHaveLength(1);
    expect(decrypt(mail[0]!.toEnc)).toBe(email);
    expect(mail[0]!.text).toContain(`/returnees/r/${row.token}`);
    // Its alert on the home county waits too.
    const alert = await db.savedSearch.findUniqueOrThrow({ where: { id: row.savedSearchId! } });
    expect(alert).toMatchObject({ confirmedAt: null, query: "kind=job&kind=gig&kind=course&county=610924" });
    const ziyang = await registryPage(actors.ziyang, { ...query, q: "陈归雁" }, "zh-CN");
    expect(ziyang!.rows).toHaveLength(0);

    // Registering the same address again: the same answer, no second row, and the owner gets their link.
    const again = await registrationAction(form({ ...VALID, email, name: "别人" }), null, "zh-CN", "10.0.0.3");
    expect(again).toEqual({ ...first, reply: again.reply });
    expect(await db.returneeRegistration.count({ where: { emailHash: lookupHash("email", email) } })).toBe(1);
    const second = await db.messageOutbox.findMany({ where: { id: { gt: mail[0]!.id } } });
    expect(second).toHaveLength(1);
    expect(second[0]!.text).toContain(`/returnees/r/${row.token}`);

    // Opening the link shows a button; pressing it confirms the registration and starts the alert.
    expect((await registrantPage({ token: row.token }, "zh-CN"))!.confirmed).toBe(false);
    expect(await ownFormAction({ token: row.token }, form({ intent: "confirm" }))).toEqual({ ok: true, done: "confirmed" });
    expect((await db.savedSearch.findUniqueOrThrow({ where: { id: row.savedSearchId! } })).confirmedAt).not.toBeNull();
    const seen = await registryPage(actors.ziyang, { ...query, q: "陈归雁" }, "zh-CN");
    expect(seen!.rows.map((r) => r.home)).toEqual(["紫阳县 蒿坪镇"]);
    expect(seen!.rows[0]!.away).toBe("广东省 广州市");
  });

  it("staff see only their area's registrants, with counts by county, trade, intention and timing", async () => {
    const hanbinRow = await makeReturnee(db, rng, new Date(), { name: "汉滨登记人", homeCounty: "610902", homeTown: null, regionCode: "610902", trade: "焊工", intentions: ",startup,", timing: "within_3_months" });
    const city = await registryPage(actors.city, query, "zh-CN");
    const ziyang = await registryPage(actors.ziyang, query, "zh-CN");
    const hanbin = await registryPage(actors.hanbin, query, "zh-CN");
    const all = await db.returneeRegistration.count({ where: { confirmedAt: { not: null } } });
    expect(city!.counts.total).toBe(all);
    expect(ziyang!.counts.byCounty.map((c) => c.code)).toEqual(["610924"]);
    expect(hanbin!.counts.byCounty.map((c) => c.code)).toEqual(["610902"]);
    expect(ziyang!.counts.total + hanbin!.counts.total).toBeLessThanOrEqual(city!.counts.total);
    expect(city!.counts.byCounty.reduce((s, c) => s + c.count, 0)).toBe(all);
    // Each intention counted by the people who chose it, straight from the rows.
    const startup = await db.returneeRegistration.count({ where: { confirmedAt: { not: null }, intentions: { contains: ",startup," } } });
    expect(city!.counts.byIntention.find((c) => c.code === "startup")!.count).toBe(startup);
    const filtered = await registryPage(actors.hanbin, { ...query, intention: "startup", timing: "within_3_months", q: "焊工" }, "zh-CN");
    expect(filtered!.rows.map((r) => r.name)).toContain("汉滨登记人");
    expect(filtered!.rows.every((r) => r.intentions.includes("startup") && r.timing === "within_3_months")).toBe(true);
    // Another area's registrant does not exist for them; a filter outside the area finds nothing.
    expect(await registrantDetail(actors.ziyang, hanbinRow.id, "zh-CN")).toBeNull();
    expect(await registrantAction(actors.ziyang, hanbinRow.id, { intent: "contact", kind: "call", note: "x" })).toEqual({ ok: false, notFound: true });
    expect(await registryPage(actors.ziyang, { ...query, region: "610902" }, "zh-CN")).toBeNull();
    expect((await registrantDetail(actors.hanbin, hanbinRow.id, "zh-CN"))!.phone).toMatch(/^\d{3}\*{4}\d{4}$/);
  });

  it("logs contacts and looks at the full number only with an audit record", async () => {
    const row = await makeReturnee(db, rng, new Date(), { homeCounty: "610924", homeTown: "610924101", regionCode: "610924101" });
    expect(await registrantAction(actors.town, row.id, { intent: "contact", kind: "call", note: "打了电话，春节后回来" })).toEqual({ ok: true, done: "logSaved" });
    const detail = await registrantDetail(actors.ziyang, row.id, "zh-CN");
    expect(detail!.contacts.map((c) => [c.kind, c.note, c.by])).toEqual([["call", "打了电话，春节后回来", "蒿坪镇劳动保障站 周站长"]]);
    const revealed = await registrantAction(actors.ziyang, row.id, { intent: "reveal" });
    expect(revealed).toMatchObject({ ok: true, done: "revealed", phone: decrypt(row.phoneEnc!) });
    const audits = await db.auditLog.findMany({ where: { entityType: "returnee", entityId: String(row.id) }, orderBy: { id: "asc" } });
    expect(audits.map((a) => [a.action, a.actorId])).toEqual([["returnee.contact", actors.town.id], ["returnee.reveal_phone", actors.ziyang.id]]);
  });

  it("a registrant hired at home through the site is linked at once, and counts for a returnee indicator once the placement is verified", async () => {
    const user = await db.user.create({ data: { email: "back.home@example.com", passwordHash: "x", role: "seeker", displayName: "回乡人" } });
    await db.seekerProfile.create({ data: { userId: user.id, name: "回乡人", consentSharing: true } });
    const done = await registrationAction(form({ ...VALID, name: "回乡人", returneeKind: "industrial_worker" }), { id: user.id, role: "seeker" }, "zh-CN", "10.0.0.4");
    expect(done.next).toBe("mine");
    const registration = await db.returneeRegistration.findUniqueOrThrow({ where: { userId: user.id } });
    expect(registration.confirmedAt).not.toBeNull();
    // Coming back to the form, it starts from what they registered.
    const again = await registrationPage({ id: user.id, role: "seeker" }, "zh-CN");
    expect(again.defaults).toMatchObject({ registered: true, name: "回乡人", county: "610924", town: "610924101", awayCity: "广东省 广州市", returneeKind: "industrial_worker", frequency: "weekly" });
    const follow = await db.savedSearch.findUniqueOrThrow({ where: { id: registration.savedSearchId! } });
    expect(follow).toMatchObject({ userId: user.id, channels: ",site,email,", query: "kind=job&kind=gig&kind=course&county=610924" });

    const employer = await db.user.create({ data: { email: "boss.home@example.com", passwordHash: "x", role: "employer", displayName: "老板" } });
    const org = await makeOrganization(db, { regionCode: "610924100", name: "紫阳回乡测试厂" });
    await db.membership.create({ data: { userId: employer.id, organizationId: org.id, role: "owner" } });
    const post = await makePosting(db, { organizationId: org.id, regionCode: "610924100", title: "回乡电工" });
    const applied = await apply(user.id, post.id);
    if (!applied.ok) throw new Error(applied.reason);
    const hired = await decide(employer.id, applied.applicationId, { intent: "hired" } as Parameters<typeof decide>[2]);
    if (!hired.ok) throw new Error(hired.reason);
    const linked = await db.returneeRegistration.findUniqueOrThrow({ where: { id: registration.id } });
    expect(linked).toMatchObject({ status: "placed", placementId: hired.placementId });
    const placement = await db.placement.findUniqueOrThrow({ where: { id: hired.placementId! } });
    expect(placement).toMatchObject({ returneeKind: "industrial_worker" });
    expect(placement.groups).toContain(",returnee,");

    const year = placement.startDate.getUTCFullYear();
    const indicator = await db.indicator.findFirstOrThrow({ where: { code: "returnee_workers", plan: { startYear: { lte: year }, endYear: { gte: year }, regionCode: "610900" } } });
    const creditsBefore = await db.indicatorCredit.count({ where: { indicatorId: indicator.id } });
    const verified = await decidePlacement(actors.ziyang, { id: placement.id, intent: "verify" } as Parameters<typeof decidePlacement>[1]);
    expect(verified.ok).toBe(true);
    const credits = await db.indicatorCredit.findMany({ where: { indicatorId: indicator.id, placementId: placement.id } });
    expect(credits).toHaveLength(1);
    expect(await db.indicatorCredit.count({ where: { indicatorId: indicator.id } })).toBe(creditsBefore + 1);
  });

  it("links a staff-entered placement by its number, inside the area only, and only once", async () => {
    const row = await makeReturnee(db, rng, new Date(), { homeCounty: "610924", homeTown: "610924101", regionCode: "610924101", returneeKind: "skilled" });
    const other = await makeReturnee(db, rng, new Date(), { homeCounty: "610924", homeTown: "610924101", regionCode: "610924101" });
    const inZiyang = await db.placement.findFirstOrThrow({ where: { countyCode: "610924", returnee: null } });
    const inHanbin = await db.placement.findFirstOrThrow({ where: { countyCode: "610902", returnee: null } });
    expect(await registrantAction(actors.ziyang, row.id, { intent: "link", placementId: inHanbin.id })).toEqual({ ok: false, errors: { placementId: ["returneeStaff.detail.errors.placementNotFound"] } });
    expect(await registrantAction(actors.ziyang, row.id, { intent: "link", placementId: inZiyang.id })).toEqual({ ok: true, done: "linked" });
    expect(await registrantAction(actors.ziyang, other.id, { intent: "link", placementId: inZiyang.id })).toEqual({ ok: false, errors: { placementId: ["returneeStaff.detail.errors.placementTaken"] } });
    const detail = await registrantDetail(actors.ziyang, row.id, "zh-CN");
    expect(detail).toMatchObject({ status: "placed", placement: { id: inZiyang.id } });
    expect((await db.placement.findUniqueOrThrow({ where: { id: inZiyang.id } })).groups).toContain(",returnee,");
    expect(await db.auditLog.count({ where: { action: "returnee.link_placement", entityId: String(row.id) } })).toBe(1);
  });

  it("an event reaches the registrants of its county, they reply by their link, and staff see the replies", async () => {
    const now = new Date();
    const inCounty = await makeReturnee(db, rng, now, { name: "紫阳回复人", homeCounty: "610924", homeTown: "610924101", regionCode: "610924101", emailEnc: null, emailHash: null });
    const outside = await makeReturnee(db, rng, now, { homeCounty: "610902", homeTown: null, regionCode: "610902" });
    const when = new Date(now.getTime() + 10 * 86_400_000 + 8 * 3_600_000).toISOString().slice(0, 16);
    const past = await createEvent(actors.ziyang, { region: "610924", kind: "forum", title: "过去的会", startsAt: "2020-01-01T10:00", place: "县政府", description: "" });
    expect(past).toEqual({ ok: false, errors: { startsAt: ["returneeStaff.errors.past"] } });
    expect(await createEvent(actors.ziyang, { region: "610902", kind: "forum", title: "越界", startsAt: when, place: "x", description: "" })).toEqual({ ok: false, errors: { region: ["regionPicker.errors.outOfScope"] } });
    const before = await db.messageOutbox.count();
    const created = await createEvent(actors.ziyang, { region: "610924", kind: "forum", title: "紫阳籍在外人员座谈会", startsAt: when, place: "紫阳县人社局三楼", description: "聊聊回乡就业创业" });
    const told = await db.returneeRegistration.count({ where: { confirmedAt: { not: null }, regionCode: { startsWith: "610924" } } });
    expect(created).toEqual({ ok: true, told });
    const messages = await db.messageOutbox.findMany({ where: { id: { gt: before }, purpose: "returnee-event" } });
    expect(messages.length).toBe(told);
    expect(messages.some((m) => m.text.includes(`/returnees/r/${inCounty.token}`))).toBe(true);
    expect(messages.some((m) => m.text.includes(outside.token))).toBe(false);

    const mine = await registrantPage({ token: inCounty.token }, "zh-CN");
    const event = mine!.events.find((e) => e.title === "紫阳籍在外人员座谈会")!;
    expect((await registrantPage({ token: outside.token }, "zh-CN"))!.events.some((e) => e.id === event.id)).toBe(false);
    expect(await ownFormAction({ token: outside.token }, form({ intent: "reply", eventId: String(event.id), answer: "going" }))).toEqual({ ok: false });
    expect(await ownFormAction({ token: inCounty.token }, form({ intent: "reply", eventId: String(event.id), answer: "going", note: "带两个老乡" }))).toEqual({ ok: true, done: "replySaved" });
    expect(await ownFormAction({ token: inCounty.token }, form({ intent: "reply", eventId: String(event.id), answer: "sometimes" }))).toEqual({ ok: false });
    const { eventsPage } = await import("./events.server.ts");
    const list = await eventsPage(actors.ziyang, "zh-CN");
    const staffView = list.find((e) => e.id === event.id)!;
    expect(staffView.counts).toEqual({ going: 1, maybe: 0, notGoing: 0 });
    expect(staffView.replies).toEqual([{ name: "紫阳回复人", phone: inCounty.phoneMasked, answer: "going", note: "带两个老乡" }]);
    expect((await eventsPage(actors.hanbin, "zh-CN")).some((e) => e.id === event.id)).toBe(false);
  });

  it("withdrawing deletes the registration and the alert that followed home", async () => {
    const done = await registrationAction(form({ ...VALID, email: "leave.me@example.com" }), null, "zh-CN", "10.0.0.5");
    expect(done.next).toBe("check");
    const row = await db.returneeRegistration.findFirstOrThrow({ where: { emailHash: lookupHash("email", "leave.me@example.com") } });
    expect(await ownFormAction({ token: row.token }, form({ intent: "withdraw" }))).toEqual({ ok: true, done: "withdrawn" });
    expect(await db.returneeRegistration.findUnique({ where: { id: row.id } })).toBeNull();
    expect(await db.savedSearch.findUnique({ where: { id: row.savedSearchId! } })).toBeNull();
    expect(await registrantPage({ token: row.token }, "zh-CN")).toBeNull();
  });
});
