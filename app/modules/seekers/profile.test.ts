import fs from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makePosting } from "../../../prisma/seed/factories.ts";
import { copySeededDatabase } from "../../../tests/setup/test-env.ts";
import { createSession } from "../auth/session.server.ts";
import { createDb, setDb, type Db } from "../db.server.ts";
import { notify } from "../notifications/notifications.server.ts";
import { idNumberCheckChar } from "../people/identity.ts";
import { encrypt, lookupHash } from "../security/secrets.server.ts";
import { deleteSeekerAccount, exportSeekerData } from "./data-rights.server.ts";
import { allOccupations } from "../occupations/occupations.ts";
import { profileSchema } from "./profile-schema.ts";
import { completeness, loadProfileForm, loadSeekerHome, saveProfile } from "./profile.server.ts";

/** A valid GB 11643 number: region, birth date, sequence (odd = male), check character. */
export const validId = (first17: string) => `${first17}${idNumberCheckChar(first17)}`;

const PHONE = "13912345678";
const ID = validId("61092419950312123"); // Ziyang, born 1995-03-12, sequence 123: male
const ID_FEMALE = validId("61090220010704002");

const input = (fields: Record<string, unknown>) => profileSchema.parse({ name: "李春梅", ...fields });

describe("seeker profile, on a real SQLite copy of the demo data", () => {
  let db: Db;
  let dbFile: string;
  let dbDir: string;
  let nextPhone = 13700000000;
  const newSeeker = async (displayName = "新用户") =>
    (await db.user.create({ data: { role: "seeker", displayName, passwordHash: "x", phoneHash: lookupHash("phone", String(++nextPhone)) } })).id;

  beforeAll(() => {
    const copy = copySeededDatabase();
    dbFile = copy.file;
    dbDir = copy.dir;
    db = createDb(copy.url);
    setDb(db);
  });
  afterAll(async () => {
    await db.$disconnect();
    fs.rmSync(dbDir, { recursive: true, force: true });
  });

  it("stores phone and ID number encrypted at rest, with masked copies, and derives birth date and sex", async () => {
    const userId = await newSeeker();
    const result = await saveProfile(userId, input({ phone: "139 1234 5678", idNumber: ID.toLowerCase(), hometownCounty: "610924", hometownTown: "610924101", currentCounty: "610902" }));
    expect(result).toEqual({ ok: true });

    const [raw] = await db.$queryRawUnsafe<Record<string, unknown>[]>(`SELECT * FROM "SeekerProfile" WHERE "userId" = ${userId}`);
    const rawText = JSON.stringify(raw);
    expect(rawText).not.toContain(PHONE);
    expect(rawText).not.toContain(ID);
    expect(rawText).not.toContain(ID.slice(0, 17));
    expect(raw!.phoneMasked).toBe("139****5678");
    expect(raw!.idNumberMasked).toBe("6109**********" + ID.slice(-4));
    expect(raw!.idHash).toBe(lookupHash("id-number", ID));
    // The database file itself holds neither number in the clear.
    const file = fs.readFileSync(dbFile);
    expect(file.includes(Buffer.from(PHONE))).toBe(false);
    expect(file.includes(Buffer.from(ID))).toBe(false);

    const profile = await db.seekerProfile.findUniqueOrThrow({ where: { userId } });
    expect(profile.birthDate?.toISOString().slice(0, 10)).toBe("1995-03-12");
    expect(profile.sex).toBe("male");
    expect(profile.hometownCode).toBe("610924101");
    expect(profile.currentRegionCode).toBe("610902");

    // The form gets the phone back for editing, but the ID number only masked: its field starts blank.
    const form = await loadProfileForm(userId);
    expect(form.defaultValue.phone).toBe(PHONE);
    expect(form.defaultValue.idNumber).toBe("");
    expect(JSON.stringify(form)).not.toContain(ID);
    expect(form.idNumberMasked).toBe(raw!.idNumberMasked);
    expect(form.defaultValue.hometownCounty).toBe("610924");
    expect(form.defaultValue.hometownTown).toBe("610924101");
    expect(form).toMatchObject({ birthDate: "1995-03-12", sex: "male" });
  });

  it("keeps the stored ID number when the field is left blank, and removes it only when asked", async () => {
    const userId = await newSeeker();
    await saveProfile(userId, input({ idNumber: ID_FEMALE }));
    expect((await db.seekerProfile.findUniqueOrThrow({ where: { userId } })).sex).toBe("female");
    await saveProfile(userId, input({ school: "安康学院" }));
    const kept = await db.seekerProfile.findUniqueOrThrow({ where: { userId } });
    expect(kept.idHash).toBe(lookupHash("id-number", ID_FEMALE));
    expect(kept.school).toBe("安康学院");
    await saveProfile(userId, input({ idNumberRemove: true }));
    const removed = await db.seekerProfile.findUniqueOrThrow({ where: { userId } });
    expect([removed.idNumberEnc, removed.idNumberMasked, removed.idHash, removed.birthDate, removed.sex]).toEqual([null, null, null, null, null]);
  });

  it("checks region codes against the Region table and the schema's own rules", async () => {
    const userId = await newSeeker();
    expect(await saveProfile(userId, input({ currentCounty: "110101" }))).toEqual({ ok: false, errors: { currentCounty: "seekers.errors.regionUnknown" } });
    expect(await saveProfile(userId, input({ hometownTown: "610924999" }))).toEqual({ ok: false, errors: { hometownTown: "seekers.errors.regionUnknown" } });
    expect(await saveProfile(userId, input({ wishCounties: ["610924", "999999"] }))).toEqual({ ok: false, errors: { wishCounties: "forms.invalid" } });
    const issues = (fields: Record<string, unknown>) => profileSchema.safeParse({ name: "x", ...fields }).error?.issues.map((i) => [i.path.join("."), i.message]);
    expect(issues({ hometownCounty: "610924", hometownTown: "610902001" })).toEqual([["hometownTown", "seekers.errors.townNotInCounty"]]);
    expect(issues({ groups: ["returnee"] })).toEqual([["returneeKind", "seekers.errors.returneeKindRequired"]]);
    expect(issues({ groups: ["graduate"], returneeKind: "manager" })).toBeUndefined();
    expect(profileSchema.parse({ name: "x", groups: ["graduate"], returneeKind: "manager" }).returneeKind).toBeNull();
  });

  it("saves groups, returnee kind, wishes, consents and work history, and fills in the home page", async () => {
    const userId = await newSeeker("小周");
    expect(completeness(null).percent).toBe(0);
    const value = input({
      phone: "13900001111",
      education: "college",
      skills: "电子线束 装配",
      workHistory: [{ employer: "深圳某电子厂", title: "线束工", from: "2019.7", to: "2024-12" }, {}, {}],
      currentCounty: "610924",
      groups: ["returnee", "rural_migrant"],
      returneeKind: "industrial_worker",
      wishKinds: ["job", "course"],
      wishCounties: ["610924"],
      wishPayMin: 3500,
      wishStartDate: "2026-09-01",
      consentMatching: true,
    });
    expect(await saveProfile(userId, value)).toEqual({ ok: true });
    const p = await db.seekerProfile.findUniqueOrThrow({ where: { userId } });
    expect(JSON.parse(p.workHistory)).toEqual([{ employer: "深圳某电子厂", title: "线束工", from: "2019-07", to: "2024-12" }]);
    expect([p.groups, p.returneeKind, p.wishKinds, p.wishCounties, p.wishPayMin]).toEqual([",returnee,rural_migrant,", "industrial_worker", ",job,course,", ",610924,", 3500]);
    expect([p.consentMatching, p.consentSharing]).toEqual([true, false]);
    expect(p.wishStartDate?.toISOString()).toBe("2026-09-01T00:00:00.000Z");

    const home = await loadSeekerHome(userId, "zh-CN");
    expect(home.completeness).toEqual({ percent: 86, missing: ["idNumber"] });
    expect(home.profile).toMatchObject({ name: "李春梅", phoneMasked: "139****1111", currentPlace: "紫阳县", groups: ["returnee", "rural_migrant"], consentMatching: true, consentSharing: false });
    // The form shows the saved row plus blank ones, so at least three rows without JavaScript.
    expect((await loadProfileForm(userId)).defaultValue.workHistory).toHaveLength(3);
  });

  describe("what matching reads (issue 11, point 2)", () => {
    const rows = async (userId: number) => (await db.seekerOccupation.findMany({ where: { userId }, orderBy: { code: "asc" } })).map((r) => [r.code, r.minor, r.medium]);

    it("saves wanted occupations typed by name, code or 'name code', in either language, and replaces their rows at each save", async () => {
      const userId = await newSeeker();
      const first = input({ wishOccupations: ["保育师", "4-10-03-05", "", "Elderly care worker", "保育师 4-10-01-03"] });
      expect(await saveProfile(userId, first)).toEqual({ ok: true });
      const p = await db.seekerProfile.findUniqueOrThrow({ where: { userId } });
      // The same occupation twice is kept once; the order typed is kept.
      expect(p.wishOccupations).toBe(",4-10-01-03,4-10-03-05,4-10-01-05,");
      expect(await rows(userId)).toEqual([["4-10-01-03", "4-10-01", "4-10"], ["4-10-01-05", "4-10-01", "4-10"], ["4-10-03-05", "4-10-03", "4-10"]]);
      // The form shows them back by name in the page's language, in five boxes.
      expect((await loadProfileForm(userId)).defaultValue.wishOccupations).toEqual(["保育师", "修脚师", "养老护理员", "", ""]);
      expect((await loadProfileForm(userId, "en")).defaultValue.wishOccupations[0]).toBe("Nursery school carer");

      expect(await saveProfile(userId, input({ wishOccupations: ["月嫂"] }))).toEqual({ ok: true });
      expect(await rows(userId)).toEqual([["4-10-01-06", "4-10-01", "4-10"]]);
      expect(await saveProfile(userId, input({}))).toEqual({ ok: true });
      expect(await rows(userId)).toEqual([]);
      expect((await db.seekerProfile.findUniqueOrThrow({ where: { userId } })).wishOccupations).toBe(",");
    });

    it("answers an ambiguous or unknown occupation at its box, with up to five suggestions in the page's language, and saves nothing", async () => {
      const userId = await newSeeker();
      await saveProfile(userId, input({ wishOccupations: ["保育师"] }));
      const result = await saveProfile(userId, input({ wishOccupations: ["保育师", "护理", "宇航员"] }));
      expect(result.ok).toBe(false);
      const errors = (result as { errors: Record<string, string> }).errors;
      expect(Object.keys(errors)).toEqual(["wishOccupations[1]", "wishOccupations[2]"]);
      const [key, query] = errors["wishOccupations[1]"]!.split("?");
      expect(key).toBe("seekers.errors.occupationSuggest");
      const params = new URLSearchParams(query);
      expect(params.get("typed")).toBe("护理");
      const suggestions = params.get("suggestions")!.split("、");
      expect(suggestions.length).toBeGreaterThan(1);
      expect(suggestions.length).toBeLessThanOrEqual(5);
      expect(suggestions).toContain("养老护理员");
      expect(errors["wishOccupations[2]"]).toBe(`seekers.errors.occupationUnknown?${new URLSearchParams({ typed: "宇航员", suggestions: "" })}`);
      // In English the suggestions are English names.
      const en = (await saveProfile(userId, input({ wishOccupations: ["护理"] }), "en")) as { errors: Record<string, string> };
      expect(new URLSearchParams(en.errors["wishOccupations[0]"]!.split("?")[1]).get("suggestions")).toContain("Elderly care worker");
      // Nothing was saved: the earlier wish and its row stand.
      expect(await rows(userId)).toEqual([["4-10-01-03", "4-10-01", "4-10"]]);
    });

    it("saves certificates and skills ticked or typed by name, the travel radius, experience, brand trainings, and the city away with the month home", async () => {
      const userId = await newSeeker();
      const value = input({
        wishOccupations: ["修脚师"],
        credentials: ["health_certificate"],
        credentialOther: "C1 驾照、叉车",
        skillCodes: ["pedicure"],
        skillOther: "采茶",
        travelKm: 30,
        experienceYears: 6,
        brandsTrained: ["ziyang_pedicure"],
        awayCity: "广州",
        comeHomeBy: "2027.1",
      });
      expect(await saveProfile(userId, value)).toEqual({ ok: true });
      const p = await db.seekerProfile.findUniqueOrThrow({ where: { userId } });
      expect([p.credentials, p.skillCodes, p.travelKm, p.experienceYears, p.brandsTrained, p.awayCityCode]).toEqual([
        ",health_certificate,driving_c1,forklift,", ",pedicure,tea_picking,", 30, 6, ",ziyang_pedicure,", "440100",
      ]);
      expect(p.comeHomeBy?.toISOString()).toBe("2027-01-01T00:00:00.000Z");

      const form = await loadProfileForm(userId);
      expect(form.defaultValue).toMatchObject({ credentials: ["health_certificate", "driving_c1", "forklift"], credentialOther: "", skillCodes: ["pedicure", "tea_picking"], travelKm: "30", experienceYears: "6", brandsTrained: ["ziyang_pedicure"], awayCity: "广东省 广州市", comeHomeBy: "2027-01" });
      // The boxes: the common ones, those of the wanted occupation, those held; the lists to type from.
      const offered = form.credentialOptions.map((o) => o.value);
      expect(offered).toEqual(expect.arrayContaining(["health_certificate", "driving_c1", "driving_a2", "special_low_voltage", "forklift", "skill_pedicure"]));
      expect(form.skillOptions.map((o) => o.value)).toEqual(expect.arrayContaining(["pedicure", "tea_picking", "foot_care"]));
      expect(form.occupationNames.split("\n")).toContain("修脚师");
      expect(form.occupationNames.split("\n")).toHaveLength(allOccupations().length);
      expect(form.cityNames.split("\n")).toContain("广东省 广州市");
      expect((await loadProfileForm(userId, "en")).cityNames.split("\n")).toContain("Guangzhou City, Guangdong Province");
      expect(form.brandOptions).toContainEqual({ value: "ziyang_pedicure", label: "紫阳修脚师" });
      expect((await loadProfileForm(userId, "en")).defaultValue.awayCity).toBe("Guangzhou City, Guangdong Province");

      const data = await exportSeekerData(userId);
      expect(data.profile).toMatchObject({
        wishOccupations: [{ code: "4-10-03-05", nameZh: "修脚师" }],
        credentials: expect.arrayContaining([expect.objectContaining({ code: "health_certificate" })]),
        skillCodes: [expect.objectContaining({ code: "pedicure" }), expect.objectContaining({ code: "tea_picking" })],
        travelKm: 30, experienceYears: 6, brandsTrained: ["ziyang_pedicure"], awayCity: { code: "440100", name: "广东省 广州市" }, comeHomeBy: "2027-01",
      });
      expect(data.wantedOccupations).toEqual([{ code: "4-10-03-05", minor: "4-10-03", medium: "4-10" }]);
    });

    it("refuses unlisted codes and unknown names at their fields, and bad numbers in the schema", async () => {
      const userId = await newSeeker();
      expect(await saveProfile(userId, input({ credentials: ["pilot_licence"], skillCodes: ["flying"], brandsTrained: ["nowhere_brand"] }))).toEqual({
        ok: false, errors: { credentials: "forms.invalid", skillCodes: "forms.invalid", brandsTrained: "forms.invalid" },
      });
      const typed = (await saveProfile(userId, input({ credentialOther: "健康证、电工证", skillOther: "飞行", awayCity: "火星" }))) as { errors: Record<string, string> };
      expect(typed.errors.credentialOther).toMatch(/^seekers\.errors\.credentialSuggest\?/);
      expect(new URLSearchParams(typed.errors.credentialOther!.split("?")[1]).get("typed")).toBe("电工证");
      expect(typed.errors.skillOther).toMatch(/^seekers\.errors\.skillUnknown\?/);
      expect(typed.errors.awayCity).toMatch(/^seekers\.errors\.cityUnknown\?/);
      expect(await db.seekerProfile.findUnique({ where: { userId } })).toBeNull();
      const issues = (fields: Record<string, unknown>) => profileSchema.safeParse({ name: "x", ...fields }).error?.issues.map((i) => [i.path.join("."), i.message]);
      expect(issues({ travelKm: 0 })).toEqual([["travelKm", "seekers.errors.travelKmInvalid"]]);
      expect(issues({ travelKm: 301 })).toEqual([["travelKm", "seekers.errors.travelKmInvalid"]]);
      expect(issues({ travelKm: 2.5 })).toEqual([["travelKm", "seekers.errors.travelKmInvalid"]]);
      expect(issues({ experienceYears: -1 })).toEqual([["experienceYears", "seekers.errors.experienceInvalid"]]);
      expect(issues({ experienceYears: 61 })).toEqual([["experienceYears", "seekers.errors.experienceInvalid"]]);
      expect(issues({ comeHomeBy: "2027-13" })).toEqual([["comeHomeBy", "seekers.errors.monthInvalid"]]);
      expect(issues({ wishOccupations: ["a", "b", "c", "d", "e", "f"] })).toEqual([["wishOccupations", "forms.invalid"]]);
      expect(issues({ travelKm: 300, experienceYears: 0, comeHomeBy: "2027-01" })).toBeUndefined();
    });
  });

  describe("a seeker's data: download and deletion", () => {
    let userId: number;
    let placementLinked: number;
    let placementById: number;
    const id = validId("61092619880808202");

    beforeAll(async () => {
      userId = await newSeeker("导出测试");
      await db.user.update({ where: { id: userId }, data: { phoneEnc: encrypt("13755556666"), phoneMasked: "137****6666" } });
      await saveProfile(userId, input({ name: "张导出", phone: "13755556666", idNumber: id, skills: "修脚", wishOccupations: ["修脚师"] }));
      await createSession(userId, new Request("http://localhost/", { headers: { "User-Agent": "TestPhone/1.0" } }));
      const posting = await makePosting(db, { title: "导出测试岗位" });
      const application = await db.application.create({
        data: { postingId: posting.id, seekerId: userId, status: "interview", snapshot: JSON.stringify({ name: "张导出" }), events: { create: [{ status: "submitted" }, { status: "interview", reason: "周一面试" }] } },
      });
      await db.$transaction((tx) => notify(tx, userId, "applicationStatus", { title: "导出测试岗位" }, "/me"));
      const base = { personName: "张导出", employerName: "测试企业", kind: "new_urban", regionCode: "610926100", countyCode: "610926", startDate: new Date("2026-01-05"), source: "site" };
      placementLinked = (await db.placement.create({ data: { ...base, personUserId: userId, applicationId: application.id, status: "verified" } })).id;
      placementById = (await db.placement.create({ data: { ...base, source: "staff", idHash: lookupHash("id-number", id), idNumberEnc: encrypt(id), idNumberMasked: "6109**********" + id.slice(-4) } })).id;
    });

    it("exports everything held about them, with phone and ID number decrypted", async () => {
      const data = await exportSeekerData(userId);
      expect(data.account).toMatchObject({ id: userId, role: "seeker", displayName: "导出测试", phone: "13755556666" });
      expect(data.sessions).toEqual([expect.objectContaining({ userAgent: "TestPhone/1.0" })]);
      expect(data.profile).toMatchObject({ name: "张导出", phone: "13755556666", idNumber: id, birthDate: "1988-08-08", sex: "female", skills: "修脚" });
      expect(data.applications).toHaveLength(1);
      expect(data.applications[0]).toMatchObject({ status: "interview", posting: { title: "导出测试岗位" }, snapshot: { name: "张导出" } });
      expect(data.applications[0]!.events.map((e) => [e.status, e.reason])).toEqual([["submitted", null], ["interview", "周一面试"]]);
      expect(data.notifications).toEqual([expect.objectContaining({ type: "applicationStatus", params: { title: "导出测试岗位" }, link: "/me", readAt: null })]);
      // The record staff keep under the ID number is theirs only once their identity is proven.
      expect(data.placements.map((p) => [p.id, p.idNumber])).toEqual([[placementLinked, null]]);
      await db.seekerProfile.update({ where: { userId }, data: { idVerifiedAt: new Date(), idVerifiedHow: "staff" } });
      expect((await exportSeekerData(userId)).placements.map((p) => [p.id, p.idNumber])).toEqual([[placementLinked, null], [placementById, id]]);
      // It is plain JSON (what the download sends).
      expect(JSON.parse(JSON.stringify(data)).profile.idNumber).toBe(id);
    });

    it("deletes the account and all that hangs off it, but keeps placements as official records, unlinked", async () => {
      const applicationIds = (await db.application.findMany({ where: { seekerId: userId }, select: { id: true } })).map((a) => a.id);
      expect(await db.seekerOccupation.count({ where: { userId } })).toBe(1);
      expect(await deleteSeekerAccount(userId)).toEqual({ unlinkedPlacements: 1 });

      expect(await db.user.findUnique({ where: { id: userId } })).toBeNull();
      expect(await db.session.count({ where: { userId } })).toBe(0);
      expect(await db.seekerProfile.count({ where: { userId } })).toBe(0);
      expect(await db.seekerOccupation.count({ where: { userId } })).toBe(0);
      expect(await db.application.count({ where: { seekerId: userId } })).toBe(0);
      expect(await db.applicationEvent.count({ where: { applicationId: { in: applicationIds } } })).toBe(0);
      expect(await db.notification.count({ where: { userId } })).toBe(0);

      const linked = await db.placement.findUniqueOrThrow({ where: { id: placementLinked } });
      expect(linked).toMatchObject({ personUserId: null, applicationId: null, personName: "张导出", status: "verified" });
      expect(await db.placement.findUnique({ where: { id: placementById } })).not.toBeNull();
      const trail = await db.auditLog.findFirstOrThrow({ where: { entityType: "placement", entityId: String(placementLinked) } });
      expect(trail.action).toBe("placement.unlink_deleted_account");
      // The ID number is free again: a new account can register it.
      expect(await saveProfile(await newSeeker(), input({ idNumber: id }))).toEqual({ ok: true });
    });
  });
});
