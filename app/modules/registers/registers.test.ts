import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openSeededDatabase } from "../../../tests/setup/test-env.ts";
import { action as communitiesAction } from "../../routes/staff.registers.communities.tsx";
import { action as difficultyAction, loader as difficultyLoader } from "../../routes/staff.registers.difficulty.tsx";
import { action as familiesAction, loader as familiesLoader } from "../../routes/staff.registers.families.tsx";
import { action as figuresAction } from "../../routes/staff.registers.figures.tsx";
import { loader as dashboardLoader } from "../../routes/staff.indicators._index.tsx";
import { action as labourAction } from "../../routes/staff.registers.labour.tsx";
import { createSession } from "../auth/session.server.ts";
import type { Db } from "../db.server.ts";
import { regionDashboard } from "../indicators/progress.server.ts";
import { idNumberCheckChar, maskIdNumber } from "../people/identity.ts";
import { decidePlacement } from "../placements/placements.server.ts";
import { encrypt, lookupHash } from "../security/secrets.server.ts";
import type { StaffActor } from "../staff/scope.ts";
import { registersOverview } from "./figures.server.ts";
import { chinaDay } from "./formulas.ts";
import {
  clearFamily,
  createCommunity,
  createDifficultyPerson,
  createFamily,
  deleteDifficultyPerson,
  listDifficultyPersons,
  listFamilies,
  saveLabourFigure,
  updateDifficultyPerson,
} from "./registers.server.ts";
import { communityCreateSchema, difficultyCreateSchema, familyCreateSchema, labourSaveSchema } from "./schemas.ts";

type Reply = { status?: string; error?: Record<string, string[] | null>; initialValue?: Record<string, unknown> };
const context = { clientAddress: "10.4.0.1" };
const get = (url: string, cookie: string) => ({ request: new Request(`http://localhost${url}`, { headers: { Cookie: cookie } }), params: {}, context });
const post = (url: string, fields: Record<string, string>, cookie: string) => ({
  request: new Request(`http://localhost${url}`, { method: "POST", body: new URLSearchParams(fields), headers: { Cookie: cookie } }),
  params: {},
  context,
});
const outcome = async (run: Promise<unknown>) => run.catch((e: unknown) => e);

const DAY = 86_400_000;
const today = chinaDay(new Date());
const year = today.getUTCFullYear();
const iso = (d: Date) => d.toISOString().slice(0, 10);
const daysAgo = (n: number) => new Date(today.getTime() - n * DAY);
const jan1 = new Date(Date.UTC(year, 0, 1));

let serial = 0;
/** A fresh valid ID number from 紫阳县 (nobody in the demo data has it). */
function newId(): string {
  serial += 1;
  const first17 = `610924${1970 + (serial % 30)}0${1 + (serial % 9)}1${serial % 10}${String(800 + serial).padStart(3, "0")}`;
  return first17 + idNumberCheckChar(first17);
}

describe("registers that feed indicators (real SQLite, demo data)", () => {
  let db: Db;
  let cleanup: () => Promise<void>;
  let ziyang: StaffActor;
  let hanbin: StaffActor;
  let city: StaffActor;
  const cookies: Record<string, string> = {};
  const TOWN = "610924102";
  const OTHER_TOWN = "610924103";

  const staff = async (email: string): Promise<StaffActor> => {
    const u = await db.user.findUniqueOrThrow({ where: { email } });
    return { id: u.id, role: u.role as StaffActor["role"], staffRegionCode: u.staffRegionCode };
  };
  const auditFor = (entityType: string, entityId: number) => db.auditLog.findMany({ where: { entityType, entityId: String(entityId) }, orderBy: { id: "asc" } });
  const difficulty = (idNumber: string, recognisedAt = jan1, regionCode = TOWN) =>
    difficultyCreateSchema.parse({ intent: "create", name: "测试人员", idNumber, regionCode, category: "older", recognisedAt: iso(recognisedAt) });
  const family = (headIdNumber: string, recognisedAt: Date, extra: Record<string, string> = {}) =>
    familyCreateSchema.parse({ intent: "create", headName: "户主测试", headIdNumber, memberCount: "3", regionCode: TOWN, recognisedAt: iso(recognisedAt), ...extra });
  const pendingPlacement = (idNumber: string, startDate: Date, name = "家庭成员") => {
    const idHash = lookupHash("id-number", idNumber);
    return db.placement.create({
      data: { personName: name, idHash, personKey: idHash, idNumberEnc: encrypt(idNumber), idNumberMasked: maskIdNumber(idNumber), employerName: "紫阳县测试茶厂", kind: "zero_family", regionCode: TOWN, countyCode: "610924", startDate, source: "staff" },
    });
  };

  beforeAll(async () => {
    ({ db, cleanup } = openSeededDatabase());
    [ziyang, hanbin, city] = (await Promise.all(["ziyang@demo.ankang.gov.cn", "hanbin@demo.ankang.gov.cn", "city@demo.ankang.gov.cn"].map(staff))) as [StaffActor, StaffActor, StaffActor];
    for (const [key, actor] of [["ziyang", ziyang], ["hanbin", hanbin]] as const) cookies[key] = (await createSession(actor.id, new Request("http://localhost/"), false)).split(";")[0]!;
    // The towns used below start with empty registers, so every figure is the rows made here.
    for (const regionCode of [TOWN, OTHER_TOWN]) {
      await db.difficultyPerson.deleteMany({ where: { regionCode } });
      await db.zeroEmploymentFamily.deleteMany({ where: { regionCode } });
      await db.fullEmploymentCommunity.deleteMany({ where: { regionCode } });
    }
    await db.labourForceFigure.deleteMany({ where: { regionCode: { startsWith: "610924" } } });
  });
  afterAll(() => cleanup());

  it("keeps each county's register to itself: another county's rows do not exist (not found, 404)", async () => {
    const created = await createDifficultyPerson(ziyang, difficulty(newId()));
    expect(created.ok).toBe(true);
    const row = await db.difficultyPerson.findFirstOrThrow({ where: { regionCode: TOWN }, orderBy: { id: "desc" } });
    expect(row.idNumberMasked).toMatch(/^6109\*{10}/);
    expect(row.idNumberEnc).not.toContain("610924");

    const hanbinList = await listDifficultyPersons(hanbin, { year, status: "all", page: 1 }, "zh-CN");
    expect(hanbinList!.rows.some((r) => r.id === row.id)).toBe(false);
    expect(await listDifficultyPersons(hanbin, { region: "610924", year, status: "all", page: 1 }, "zh-CN")).toBeNull();
    expect(await updateDifficultyPerson(hanbin, { intent: "assist", id: row.id, assistedAt: today })).toEqual({ ok: false, reason: "not_found" });
    expect(await deleteDifficultyPerson(hanbin, row.id)).toEqual({ ok: false, reason: "not_found" });
    expect(await createDifficultyPerson(hanbin, difficulty(newId()))).toMatchObject({ ok: false, fieldErrors: { regionCode: ["registers.errors.region"] } });

    const answer = (await outcome(difficultyAction(post("/staff/registers/difficulty", { intent: "assist", id: String(row.id), assistedAt: iso(today) }, cookies.hanbin!)))) as Response;
    expect(answer.status).toBe(404);
    const page = (await outcome(difficultyLoader(get("/staff/registers/difficulty?region=610924", cookies.hanbin!)))) as Response;
    expect(page.status).toBe(404);
    const head = newId();
    await createFamily(ziyang, family(head, daysAgo(1)));
    const theirs = await db.zeroEmploymentFamily.findFirstOrThrow({ where: { headIdHash: lookupHash("id-number", head) } });
    const clear = (await outcome(familiesAction(post("/staff/registers/families", { intent: "delete", id: String(theirs.id) }, cookies.hanbin!)))) as Response;
    expect(clear.status).toBe(404);
    expect(await db.zeroEmploymentFamily.count({ where: { id: theirs.id } })).toBe(1);
    expect((await listFamilies(hanbin, { status: "all", page: 1 }, "zh-CN"))!.rows.some((r) => r.id === theirs.id)).toBe(false);
    expect((await db.difficultyPerson.findUniqueOrThrow({ where: { id: row.id } })).assistedAt).toBeNull();
  });

  it("writes an audit record with before and after for every change", async () => {
    const id = newId();
    await createDifficultyPerson(ziyang, difficulty(id, daysAgo(3)));
    const row = await db.difficultyPerson.findFirstOrThrow({ where: { personKey: lookupHash("id-number", id) } });
    expect(await updateDifficultyPerson(ziyang, { intent: "assist", id: row.id, assistedAt: daysAgo(1) })).toMatchObject({ ok: true });
    expect(await updateDifficultyPerson(ziyang, { intent: "close", id: row.id, closedAt: today })).toMatchObject({ ok: true });
    expect(await updateDifficultyPerson(ziyang, { intent: "assist", id: row.id, assistedAt: daysAgo(10) })).toMatchObject({ ok: false, fieldErrors: { assistedAt: ["registers.errors.beforeRecognition"] } });
    expect(await deleteDifficultyPerson(ziyang, row.id)).toMatchObject({ ok: true });
    const trail = await auditFor("difficulty_person", row.id);
    expect(trail.map((a) => a.action)).toEqual(["difficulty_person.create", "difficulty_person.assist", "difficulty_person.close", "difficulty_person.delete"]);
    expect(trail.every((a) => a.actorId === ziyang.id && a.regionCode === TOWN)).toBe(true);
    expect(JSON.parse(trail[1]!.before!)).toEqual({ assistedAt: null });
    expect(JSON.parse(trail[1]!.after!)).toEqual({ assistedAt: iso(daysAgo(1)) });
    expect(trail.map((a) => `${a.before}${a.after}`).join("")).not.toContain(id);

    await createCommunity(ziyang, communityCreateSchema.parse({ intent: "create", name: "审计测试村", regionCode: TOWN, level: "city", year: String(year), recognisedAt: iso(jan1) }));
    const community = await db.fullEmploymentCommunity.findFirstOrThrow({ where: { name: "审计测试村" } });
    expect((await auditFor("community", community.id)).map((a) => a.action)).toEqual(["community.create"]);
    expect(await createCommunity(ziyang, communityCreateSchema.parse({ intent: "create", name: "审计测试村", regionCode: TOWN, level: "city", year: String(year), recognisedAt: iso(jan1) }))).toMatchObject({ ok: false, fieldErrors: { name: ["registers.errors.communityTwice"] } });

    const labour = labourSaveSchema.parse({ intent: "save", regionCode: OTHER_TOWN, year: String(year), month: "1", urbanEmployed: "1000", registeredUnemployed: "20" });
    await saveLabourFigure(ziyang, labour);
    await saveLabourFigure(ziyang, { ...labour, registeredUnemployed: 40 });
    const figure = await db.labourForceFigure.findUniqueOrThrow({ where: { regionCode_year_month: { regionCode: OTHER_TOWN, year, month: 1 } } });
    expect(figure.registeredUnemployed).toBe(40);
    const labourTrail = await auditFor("labour_figure", figure.id);
    expect(labourTrail.map((a) => a.action)).toEqual(["labour_figure.create", "labour_figure.update"]);
    expect(JSON.parse(labourTrail[1]!.before!)).toEqual({ urbanEmployed: 1000, registeredUnemployed: 20 });
  });

  it("clears a zero-employment family in the transaction that verifies a member's placement, and uncleares it when that is rejected", async () => {
    const head = newId();
    const member = newId();
    expect(await createFamily(ziyang, family(head, daysAgo(12), { member2Name: "家庭成员", member2Id: member }))).toMatchObject({ ok: true });
    const f = await db.zeroEmploymentFamily.findFirstOrThrow({ where: { headIdHash: lookupHash("id-number", head) }, include: { members: true } });
    expect(f.members).toHaveLength(2);
    expect(f.clearedAt).toBeNull();
    // The member is also a person with employment difficulties.
    await createDifficultyPerson(ziyang, difficulty(member, daysAgo(20)));

    const placement = await pendingPlacement(member, daysAgo(2));
    expect((await db.zeroEmploymentFamily.findUniqueOrThrow({ where: { id: f.id } })).clearedAt).toBeNull(); // pending does not count
    expect(await decidePlacement(ziyang, { intent: "verify", id: placement.id })).toMatchObject({ ok: true });

    const cleared = await db.zeroEmploymentFamily.findUniqueOrThrow({ where: { id: f.id } });
    expect(iso(cleared.clearedAt!)).toBe(iso(daysAgo(2)));
    expect(cleared.clearedByPlacementId).toBe(placement.id);
    const person = await db.difficultyPerson.findFirstOrThrow({ where: { personKey: lookupHash("id-number", member) } });
    expect(person.placementId).toBe(placement.id);
    expect(iso(person.employedAt!)).toBe(iso(daysAgo(2)));
    const trail = await auditFor("zero_family", f.id);
    expect(trail.map((a) => a.action)).toEqual(["zero_family.create", "zero_family.clear"]);
    expect(JSON.parse(trail[1]!.after!)).toMatchObject({ clearedByPlacementId: placement.id, automatic: true });
    expect(trail[1]!.actorId).toBe(ziyang.id);

    expect(await decidePlacement(ziyang, { intent: "reject", id: placement.id, from: "verified", reason: "登记有误" })).toMatchObject({ ok: true });
    const back = await db.zeroEmploymentFamily.findUniqueOrThrow({ where: { id: f.id } });
    expect(back.clearedAt).toBeNull();
    expect(back.clearedByPlacementId).toBeNull();
    expect((await db.difficultyPerson.findUniqueOrThrow({ where: { id: person.id } })).employedAt).toBeNull();
    expect((await auditFor("zero_family", f.id)).map((a) => a.action)).toEqual(["zero_family.create", "zero_family.clear", "zero_family.unclear"]);

    // A member already in work (a verified placement since recognition) clears a new family at once.
    const working = newId();
    const earlier = await pendingPlacement(working, daysAgo(1));
    await decidePlacement(ziyang, { intent: "verify", id: earlier.id });
    await createFamily(ziyang, family(working, daysAgo(5)));
    expect((await db.zeroEmploymentFamily.findFirstOrThrow({ where: { headIdHash: lookupHash("id-number", working) } })).clearedByPlacementId).toBe(earlier.id);
  });

  it("staff clear a family with the placement they choose: a member's verified one, matched by name where it has no ID number", async () => {
    const head = newId();
    await createFamily(ziyang, family(head, daysAgo(8), { member2Name: "无证成员", member2Id: newId() }));
    const f = await db.zeroEmploymentFamily.findFirstOrThrow({ where: { headIdHash: lookupHash("id-number", head) } });
    const noId = await db.placement.create({
      data: { personName: "无证成员", personKey: "", employerName: "紫阳县测试茶厂", kind: "zero_family", regionCode: TOWN, countyCode: "610924", startDate: daysAgo(1), source: "staff", status: "verified", verifiedAt: new Date() },
    });
    const stranger = await db.placement.findFirstOrThrow({ where: { status: "verified", regionCode: { startsWith: "610924" }, personName: { not: "无证成员" } } });
    expect(await clearFamily(ziyang, { id: f.id, placementId: stranger.id })).toMatchObject({ ok: false, fieldErrors: { placementId: ["registers.errors.choosePlacement"] } });
    expect(await clearFamily(hanbin, { id: f.id, placementId: noId.id })).toEqual({ ok: false, reason: "not_found" });
    expect(await clearFamily(ziyang, { id: f.id, placementId: noId.id })).toMatchObject({ ok: true });
    const row = await db.zeroEmploymentFamily.findUniqueOrThrow({ where: { id: f.id } });
    expect(row.clearedByPlacementId).toBe(noId.id);
    expect(JSON.parse((await auditFor("zero_family", f.id)).at(-1)!.after!)).toMatchObject({ clearedByPlacementId: noId.id, automatic: false });
  });

  it("shows the one-month clock, overdue after 30 days, and lists uncleared families first, the longest waiting on top", async () => {
    const overdue = newId();
    const fresh = newId();
    await createFamily(ziyang, family(overdue, daysAgo(40)));
    await createFamily(ziyang, family(fresh, daysAgo(5)));
    const list = (await listFamilies(ziyang, { region: TOWN, status: "all", page: 1 }, "zh-CN"))!;
    const uncleared = list.rows.filter((r) => r.clearedAt === null);
    const firstCleared = list.rows.findIndex((r) => r.clearedAt !== null);
    expect(firstCleared).toBeGreaterThan(0);
    expect(list.rows.slice(firstCleared).every((r) => r.clearedAt !== null)).toBe(true);
    expect(uncleared.map((r) => r.recognisedAt)).toEqual([...uncleared.map((r) => r.recognisedAt)].sort());
    const late = list.rows.find((r) => r.headIdMasked === maskIdNumber(overdue))!;
    const soon = list.rows.find((r) => r.headIdMasked === maskIdNumber(fresh))!;
    expect(late.clock).toEqual({ days: 40, overdue: true, left: 0 });
    expect(soon.clock).toEqual({ days: 5, overdue: false, left: 25 });
    expect(list.rows.indexOf(late)).toBeLessThan(list.rows.indexOf(soon));
    expect(list.summary.overdue).toBeGreaterThanOrEqual(1);

    const page = await familiesLoader(get(`/staff/registers/families?region=${TOWN}`, cookies.ziyang!));
    expect(page.list.rows[0]!.clearedAt).toBeNull();
    expect(page.list.rows[0]!.clock.overdue).toBe(true);
  });

  it("the dashboard shows the assistance rate and the registered unemployment rate computed from the registers", async () => {
    // In OTHER_TOWN: four people recognised this year, three assisted (one of them only by being placed) → 75.00%.
    const ids = [newId(), newId(), newId(), newId()];
    for (const id of ids) await createDifficultyPerson(ziyang, difficulty(id, jan1, OTHER_TOWN));
    const rows = await db.difficultyPerson.findMany({ where: { regionCode: OTHER_TOWN }, orderBy: { id: "asc" } });
    await updateDifficultyPerson(ziyang, { intent: "assist", id: rows[0]!.id, assistedAt: jan1 });
    await updateDifficultyPerson(ziyang, { intent: "assist", id: rows[1]!.id, assistedAt: today });
    const placement = await pendingPlacement(ids[2]!, today);
    await db.placement.update({ where: { id: placement.id }, data: { regionCode: OTHER_TOWN } });
    await decidePlacement(ziyang, { intent: "verify", id: placement.id });

    // Labour-force figures: OTHER_TOWN 1000 + 40 (from the audit test), TOWN 1460 + 60; the county has none of its own → sum.
    await saveLabourFigure(ziyang, labourSaveSchema.parse({ intent: "save", regionCode: TOWN, year: String(year), month: "1", urbanEmployed: "1460", registeredUnemployed: "60" }));

    const done = async (actor: StaffActor, region: string, code: string) => (await regionDashboard(actor, { region, year }))!.indicators.find((i) => i.code === code)!.done;
    expect(await done(ziyang, OTHER_TOWN, "difficulty_assistance_rate")).toBe(7500);
    expect(await done(ziyang, OTHER_TOWN, "registered_unemployment_rate")).toBe(Math.round((40 * 10_000) / 1040));
    expect(await done(ziyang, TOWN, "registered_unemployment_rate")).toBe(Math.round((60 * 10_000) / 1520));
    expect(await done(ziyang, "610924", "registered_unemployment_rate")).toBe(Math.round((100 * 10_000) / 2560)); // 3.91%
    expect(await done(ziyang, TOWN, "zero_employment_families")).toBe(await db.zeroEmploymentFamily.count({ where: { regionCode: TOWN, clearedAt: null } }));
    expect(await done(ziyang, TOWN, "full_employment_communities")).toBe(1);

    // The city has no figure of its own: its counties' summed (紫阳县's from its towns).
    const counties = await db.labourForceFigure.findMany({ where: { year, regionCode: { not: { startsWith: "610924" } } } });
    const latest = new Map<string, { u: number; r: number; m: number }>();
    for (const c of counties) if ((latest.get(c.regionCode)?.m ?? 0) < c.month) latest.set(c.regionCode, { u: c.urbanEmployed, r: c.registeredUnemployed, m: c.month });
    const u = [...latest.values()].reduce((a, c) => a + c.u, 0) + 2460;
    const r = [...latest.values()].reduce((a, c) => a + c.r, 0) + 100;
    expect(await done(city, "610900", "registered_unemployment_rate")).toBe(Math.round((r * 10_000) / (u + r)));

    const page = await dashboardLoader(get(`/staff/indicators?region=${OTHER_TOWN}&year=${year}`, cookies.ziyang!));
    const shown = Object.fromEntries(page.dashboard.indicators.map((i) => [i.code, i.done]));
    expect(shown.difficulty_assistance_rate).toBe(7500);
    expect(shown.registered_unemployment_rate).toBe(385);
    expect((await registersOverview(ziyang, { year, region: OTHER_TOWN }, "zh-CN"))!.assistance).toBe(7500);
  });

  it("takes the surveyed unemployment rate as a percentage, stores basis points for every plan naming it, and the dashboard shows it", async () => {
    const save = (fields: Record<string, string>) => figuresAction(post("/staff/registers/figures", { intent: "save", indicatorCode: "surveyed_unemployment_rate", regionCode: "610924", year: String(year), month: "1", ...fields }, cookies.ziyang!));
    expect((await save({ value: "5.3" })).done).not.toBeNull();
    const stored = await db.indicatorFigure.findMany({ where: { regionCode: "610924", year, month: 1, indicator: { code: "surveyed_unemployment_rate" } } });
    expect(stored.length).toBeGreaterThanOrEqual(1);
    expect(stored.every((f) => f.value === 530)).toBe(true);
    expect(await db.auditLog.count({ where: { entityType: "indicator_figure", entityId: { in: stored.map((f) => String(f.id)) } } })).toBe(stored.length);
    expect((await regionDashboard(ziyang, { region: "610924", year }))!.indicators.find((i) => i.code === "surveyed_unemployment_rate")!.done).toBe(530);

    const bad = await save({ value: "五点三" });
    expect((bad.result as Reply).error?.value).toEqual(["registers.errors.percent"]);
    expect((bad.result as Reply).initialValue?.value).toBe("五点三");
    const outside = await save({ value: "5", regionCode: "610902" });
    expect((outside.result as Reply).error?.regionCode).toEqual(["registers.errors.region"]);
  });

  it("answers bad form values at their fields in the user's words, keeps what was typed, and never fails", async () => {
    const cookie = cookies.ziyang!;
    const cases: [typeof difficultyAction, string, Record<string, string>, string, string][] = [
      [difficultyAction, "/staff/registers/difficulty", { intent: "create", name: "张三", idNumber: "61092419800101123", regionCode: TOWN, category: "older", recognisedAt: iso(today) }, "idNumber", "seekers.errors.idNumberFormat"],
      [difficultyAction, "/staff/registers/difficulty", { intent: "create", name: "张三", idNumber: newId(), regionCode: TOWN, category: "older", recognisedAt: "2026-02-30" }, "recognisedAt", "registers.errors.date"],
      [difficultyAction, "/staff/registers/difficulty", { intent: "create", name: "张三", idNumber: newId(), regionCode: TOWN, category: "older", recognisedAt: iso(new Date(today.getTime() + 3 * DAY)) }, "recognisedAt", "registers.errors.future"],
      [difficultyAction, "/staff/registers/difficulty", { intent: "create", name: "", idNumber: newId(), regionCode: TOWN, category: "older", recognisedAt: iso(today) }, "name", "forms.required"],
      [difficultyAction, "/staff/registers/difficulty", { intent: "create", name: "张三", idNumber: newId(), regionCode: "", category: "robot", recognisedAt: iso(today) }, "category", "forms.chooseOne"],
      [difficultyAction, "/staff/registers/difficulty", { intent: "create", name: "张三", idNumber: newId(), regionCode: "610902001", category: "older", recognisedAt: iso(today) }, "regionCode", "registers.errors.region"],
      [difficultyAction, "/staff/registers/difficulty", { intent: "assist", id: "abc", assistedAt: iso(today) }, "id", "forms.invalid"],
      [familiesAction, "/staff/registers/families", { intent: "create", headName: "李四", headIdNumber: newId(), memberCount: "3", regionCode: TOWN, recognisedAt: iso(today), member2Name: "李五" }, "member2Id", "registers.errors.memberId"],
      [familiesAction, "/staff/registers/families", { intent: "create", headName: "李四", headIdNumber: newId(), memberCount: "三", regionCode: TOWN, recognisedAt: iso(today) }, "memberCount", "registers.errors.members"],
      [familiesAction, "/staff/registers/families", { intent: "clear", id: "1", placementId: "" }, "placementId", "registers.errors.choosePlacement"],
      [communitiesAction, "/staff/registers/communities", { intent: "create", name: "新华村", regionCode: TOWN, villageCode: "610902001001", level: "city", year: String(year), recognisedAt: iso(today) }, "villageCode", "registers.errors.villageOutsideTown"],
      [communitiesAction, "/staff/registers/communities", { intent: "create", name: "新华村", regionCode: TOWN, level: "village", year: String(year), recognisedAt: iso(today) }, "level", "forms.chooseOne"],
      [communitiesAction, "/staff/registers/communities", { intent: "create", name: "新华村", regionCode: TOWN, level: "city", year: String(year - 1), recognisedAt: iso(today) }, "recognisedAt", "registers.errors.dateOutsideYear"],
      [labourAction, "/staff/registers/labour", { intent: "save", regionCode: "610924", year: String(year), month: "13", urbanEmployed: "100", registeredUnemployed: "3" }, "month", "registers.errors.month"],
      [labourAction, "/staff/registers/labour", { intent: "save", regionCode: "610924", year: String(year), month: "1", urbanEmployed: "十万", registeredUnemployed: "3" }, "urbanEmployed", "registers.errors.wholeNumber"],
      [labourAction, "/staff/registers/labour", { intent: "save", regionCode: "610924", year: String(year), month: "1", urbanEmployed: "-5", registeredUnemployed: "3" }, "urbanEmployed", "registers.errors.wholeNumber"],
      [labourAction, "/staff/registers/labour", { intent: "save", regionCode: "610924", year: String(year + 1), month: "1", urbanEmployed: "5", registeredUnemployed: "3" }, "year", "registers.errors.year"],
      [labourAction, "/staff/registers/labour", { intent: "save", regionCode: "610924", year: String(year), month: "1", urbanEmployed: "0", registeredUnemployed: "0" }, "urbanEmployed", "registers.errors.bothZero"],
    ];
    const before = await db.auditLog.count();
    for (const [action, url, fields, field, message] of cases) {
      const answer = await outcome(action(post(url, fields, cookie)));
      expect(answer, `${field} ← ${JSON.stringify(fields)}`).not.toBeInstanceOf(Error);
      const reply = (answer as { result: Reply; done: unknown }).result;
      expect((answer as { done: unknown }).done).toBeNull();
      expect(reply.error?.[field], `${field} ← ${JSON.stringify(fields)}`).toEqual([message]);
      for (const [key, value] of Object.entries(fields)) if (value && key !== "intent") expect(reply.initialValue?.[key], key).toBe(value);
    }
    expect(await db.auditLog.count()).toBe(before);
    // A second record of someone still on the register is refused at the ID number.
    const id = newId();
    await createDifficultyPerson(ziyang, difficulty(id));
    const twice = await difficultyAction(post("/staff/registers/difficulty", { intent: "create", name: "再登记", idNumber: id, regionCode: TOWN, category: "older", recognisedAt: iso(today) }, cookie));
    expect((twice.result as Reply).error?.idNumber).toEqual(["registers.errors.personTwice"]);
  });
});
