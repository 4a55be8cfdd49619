import fs from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { copySeededDatabase } from "../../tests/setup/test-env.ts";
import { homeFor } from "~/modules/auth/home.ts";
import { createSession } from "~/modules/auth/session.server.ts";
import { createDb, setDb, type Db } from "~/modules/db.server.ts";
import { notify } from "~/modules/notifications/notifications.server.ts";
import { idNumberCheckChar } from "~/modules/people/identity.ts";
import { lookupHash } from "~/modules/security/secrets.server.ts";
import { saveProfile } from "~/modules/seekers/profile.server.ts";
import { profileSchema } from "~/modules/seekers/profile-schema.ts";
import { SearchService, setSearchService } from "../../search/service.ts";
import { loader as homeLoader } from "./me._index.tsx";
import { action as deleteAction, loader as deleteLoader } from "./me.delete.tsx";
import { loader as exportLoader } from "./me.export.ts";
import { action as profileAction, loader as profileLoader } from "./me.profile.tsx";
import { action as notificationsAction, loader as notificationsLoader } from "./notifications.tsx";

type Reply = { status?: string; error?: Record<string, string[] | null>; initialValue?: Record<string, unknown> };
type Entries = [string, string][];

const validId = (first17: string) => `${first17}${idNumberCheckChar(first17)}`;
const ID = validId("61092419990101331");
const TAKEN_ID = validId("61092419800505442");
const context = { clientAddress: "10.3.0.1" };
const req = (url: string, cookie: string, body?: Entries) =>
  new Request(`http://localhost${url}`, { method: body ? "POST" : "GET", body: body ? new URLSearchParams(body) : undefined, headers: { Cookie: cookie } });
const thrown = (promise: Promise<unknown>) => promise.then(() => null, (e: unknown) => e as Response);

/** A complete, valid profile form as the browser sends it (three work rows, as rendered without JavaScript). */
const GOOD: Entries = [
  ["name", "陈小芳"], ["phone", "13911112222"], ["idNumber", ""], ["education", "bachelor"], ["school", "西安理工大学"],
  ["major", "机械设计"], ["graduationYear", "2023"], ["skills", "CAD 钳工"],
  ["workHistory[0].employer", "西安某机械厂"], ["workHistory[0].title", "技术员"], ["workHistory[0].from", "2023-07"], ["workHistory[0].to", "2025-06"],
  ["workHistory[1].employer", ""], ["workHistory[1].title", ""], ["workHistory[1].from", ""], ["workHistory[1].to", ""],
  ["workHistory[2].employer", ""], ["workHistory[2].title", ""], ["workHistory[2].from", ""], ["workHistory[2].to", ""],
  ["hometownCounty", "610924"], ["hometownTown", "610924101"], ["currentCounty", "610902"], ["currentTown", ""],
  ["groups", "returnee"], ["groups", "graduate"], ["returneeKind", "graduate"],
  ["wishKinds", "job"], ["wishKinds", "internship"], ["wishCounties", "610924"], ["wishCounties", "610902"],
  ["wishPayMin", "4000"], ["wishStartDate", "2026-09-01"],
  ["wishOccupations[0]", "保育师"], ["wishOccupations[1]", "4-10-03-05"], ["wishOccupations[2]", ""], ["wishOccupations[3]", ""], ["wishOccupations[4]", ""],
  ["credentials", "health_certificate"], ["credentialOther", "C1"], ["skillCodes", "childcare"], ["skillOther", "修脚"],
  ["travelKm", "30"], ["experienceYears", "2"], ["brandsTrained", "ziyang_pedicure"], ["awayCity", "广东省 广州市"], ["comeHomeBy", "2027-01"],
  ["consentMatching", "on"], ["consentSharing", "on"], ["consentCandidate", "on"],
];

/** GOOD with one name's value(s) replaced (or added). */
function withValue(name: string, ...values: string[]): Entries {
  const at = GOOD.findIndex(([n]) => n === name);
  const rest = GOOD.filter(([n]) => n !== name);
  const insertAt = at === -1 ? rest.length : at;
  return [...rest.slice(0, insertAt), ...values.map((v): [string, string] => [name, v]), ...rest.slice(insertAt)];
}

/** Reads "workHistory[0].employer" out of conform's nested initialValue. */
function valueAt(root: unknown, name: string): unknown {
  return name.split(/[.[\]]+/).filter(Boolean).reduce<unknown>((node, key) => (node == null ? undefined : (node as Record<string, unknown>)[key]), root);
}

/** Every value typed comes back in the reply (empty fields may come back empty or absent). */
function expectAllKept(reply: Reply, sent: Entries, label: string) {
  const names = [...new Set(sent.map(([n]) => n))];
  for (const name of names) {
    const typed = sent.filter(([n]) => n === name).map(([, v]) => v);
    const back = valueAt(reply.initialValue, name);
    const backList = back === undefined ? [] : Array.isArray(back) ? back : [back];
    expect(backList.filter((v) => v !== ""), `${label}: ${name}`).toEqual(typed.filter((v) => v !== ""));
  }
}

// [field name, bad value(s), the field the error shows at (default: the same), message]
const BAD: [string, string[], string | null, string][] = [
  ["name", [""], null, "forms.required"],
  ["name", ["   "], null, "forms.required"],
  ["name", ["名".repeat(41)], null, "forms.tooLong"],
  ["phone", ["12345"], null, "forms.phoneInvalid"],
  ["phone", ["0915-1234567"], null, "forms.phoneInvalid"],
  ["phone", ["手机"], null, "forms.phoneInvalid"],
  ["idNumber", ["61092419990101"], null, "seekers.errors.idNumberFormat"],
  ["idNumber", ["61092419991301331X"], null, "seekers.errors.idNumberDate"],
  ["idNumber", [`${ID.slice(0, 17)}${ID[17] === "1" ? "2" : "1"}`], null, "seekers.errors.idNumberChecksum"],
  ["idNumberRemove", ["yes"], null, "forms.invalid"],
  ["education", ["phd"], null, "forms.chooseOne"],
  ["school", ["校".repeat(81)], null, "forms.tooLong"],
  ["major", ["专".repeat(61)], null, "forms.tooLong"],
  ["graduationYear", ["abc"], null, "seekers.errors.yearInvalid"],
  ["graduationYear", ["1800"], null, "seekers.errors.yearInvalid"],
  ["graduationYear", ["2023.5"], null, "seekers.errors.yearInvalid"],
  ["graduationYear", ["3000"], null, "seekers.errors.yearInvalid"],
  ["skills", ["技".repeat(501)], null, "forms.tooLong"],
  ["workHistory[0].employer", [""], null, "seekers.errors.employerRequired"],
  ["workHistory[0].employer", ["厂".repeat(81)], null, "forms.tooLong"],
  ["workHistory[0].title", ["岗".repeat(61)], null, "forms.tooLong"],
  ["workHistory[0].from", ["2023-13"], null, "seekers.errors.monthInvalid"],
  ["workHistory[0].from", ["last year"], null, "seekers.errors.monthInvalid"],
  ["workHistory[0].to", ["2020-01"], null, "seekers.errors.toBeforeFrom"],
  ["workHistory[1].title", ["只写了岗位"], "workHistory[1].employer", "seekers.errors.employerRequired"],
  ["hometownCounty", ["abc"], null, "seekers.errors.regionUnknown"],
  ["currentCounty", ["110101"], null, "seekers.errors.regionUnknown"],
  ["hometownTown", ["610902001"], null, "seekers.errors.townNotInCounty"],
  ["hometownTown", ["610924999"], null, "seekers.errors.regionUnknown"],
  ["currentCounty", ["6109"], null, "seekers.errors.regionUnknown"],
  ["currentTown", ["61092400"], null, "seekers.errors.regionUnknown"],
  ["groups", ["king"], null, "forms.invalid"],
  ["groups", ["graduate", "<script>"], null, "forms.invalid"],
  ["returneeKind", [""], null, "seekers.errors.returneeKindRequired"],
  ["returneeKind", ["pilot"], null, "forms.chooseOne"],
  ["wishKinds", ["holiday"], null, "forms.invalid"],
  ["wishCounties", ["abc"], null, "forms.invalid"],
  ["wishCounties", ["999999"], null, "forms.invalid"],
  ["wishPayMin", ["-5"], null, "seekers.errors.payInvalid"],
  ["wishPayMin", ["三千"], null, "seekers.errors.payInvalid"],
  ["wishPayMin", ["3000.5"], null, "seekers.errors.payInvalid"],
  ["wishPayMin", ["1000000"], null, "seekers.errors.payInvalid"],
  ["wishStartDate", ["2026-02-30"], null, "seekers.errors.dateInvalid"],
  ["wishStartDate", ["tomorrow"], null, "seekers.errors.dateInvalid"],
  ["travelKm", ["0"], null, "seekers.errors.travelKmInvalid"],
  ["travelKm", ["301"], null, "seekers.errors.travelKmInvalid"],
  ["travelKm", ["十公里"], null, "seekers.errors.travelKmInvalid"],
  ["travelKm", ["2.5"], null, "seekers.errors.travelKmInvalid"],
  ["experienceYears", ["-1"], null, "seekers.errors.experienceInvalid"],
  ["experienceYears", ["61"], null, "seekers.errors.experienceInvalid"],
  ["experienceYears", ["三年"], null, "seekers.errors.experienceInvalid"],
  ["comeHomeBy", ["2027-13"], null, "seekers.errors.monthInvalid"],
  ["credentials", ["<script>"], null, "forms.invalid"],
  ["credentials", ["pilot_licence"], null, "forms.invalid"],
  ["skillCodes", ["flying"], null, "forms.invalid"],
  ["brandsTrained", ["nowhere_brand"], null, "forms.invalid"],
  ["wishOccupations[1]", ["宇航员"], null, `seekers.errors.occupationUnknown?${new URLSearchParams({ typed: "宇航员", suggestions: "" })}`],
  ["awayCity", ["火星"], null, `seekers.errors.cityUnknown?${new URLSearchParams({ typed: "火星", suggestions: "" })}`],
  ["consentMatching", ["yes"], null, "forms.invalid"],
  ["consentSharing", ["true"], null, "forms.invalid"],
  ["consentCandidate", ["true"], null, "forms.invalid"],
];

describe("seeker pages (loaders and actions called as the browser would, on a real SQLite copy)", () => {
  let db: Db;
  let dir: string;
  let seeker: { id: number; cookie: string };
  let staffCookie: string;
  let phone = 13600000000;

  const signIn = async (role: "seeker" | "staff", displayName: string) => {
    const user = await db.user.create({ data: { role, displayName, passwordHash: "x", phoneHash: lookupHash("phone", String(++phone)), staffRegionCode: role === "staff" ? "610924" : null } });
    return { id: user.id, cookie: (await createSession(user.id, new Request("http://localhost/"))).split(";")[0]! };
  };

  beforeAll(async () => {
    const copy = copySeededDatabase();
    dir = copy.dir;
    db = createDb(copy.url);
    setDb(db);
    // The home page's recommendations search an index; one that does not exist answers "unavailable" (not these tests' subject).
    setSearchService(new SearchService(process.env.TEST_MEILI_URL ?? "http://127.0.0.1:9", process.env.TEST_MEILI_KEY, `seeker_routes_absent_${process.pid}`));
    seeker = await signIn("seeker", "陈小芳");
    staffCookie = (await signIn("staff", "紫阳县 工作人员")).cookie;
    const other = (await signIn("seeker", "另一位")).id;
    await saveProfile(other, profileSchema.parse({ name: "另一位", idNumber: TAKEN_ID }));
  });
  afterAll(async () => {
    await db.$disconnect();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it("answers every bad value with no 500, the message at its field, and everything typed kept", async () => {
    for (const [field, values, errorAt, message] of BAD) {
      const sent = withValue(field, ...values);
      const label = `${field}=${JSON.stringify(values)}`;
      const reply = (await profileAction({ request: req("/me/profile", seeker.cookie, sent), params: {}, context })) as Reply;
      expect(reply.status, label).toBe("error");
      expect(reply.error?.[errorAt ?? field], label).toContain(message);
      expectAllKept(reply, sent, label);
    }
    expect(await db.seekerProfile.findUnique({ where: { userId: seeker.id } })).toBeNull();
  });

  it("answers an ambiguous occupation, certificate or city at its field with suggestions in the page's language, keeping what was typed", async () => {
    const sent: Entries = withValue("wishOccupations[0]", "护理").map(([n, v]): [string, string] => [n, n === "credentialOther" ? "电工证" : n === "awayCity" ? "Guang" : v]);
    const reply = (await profileAction({ request: req("/me/profile?lng=en", seeker.cookie, sent), params: {}, context })) as Reply;
    expect(reply.status).toBe("error");
    const params = (field: string) => {
      const [key, query] = reply.error![field]![0]!.split("?");
      return { key, ...Object.fromEntries(new URLSearchParams(query)) };
    };
    expect(params("wishOccupations[0]")).toMatchObject({ key: "seekers.errors.occupationSuggest", typed: "护理", suggestions: expect.stringContaining("Elderly care worker") });
    expect(params("credentialOther")).toMatchObject({ key: "seekers.errors.credentialSuggest", typed: "电工证", suggestions: expect.stringContaining("Skill level certificate: electrician") });
    expect(params("awayCity")).toMatchObject({ key: "seekers.errors.citySuggest", typed: "Guang", suggestions: expect.stringContaining("Guangzhou City, Guangdong Province") });
    expect(Object.keys(reply.error!).filter((k) => reply.error![k]?.length).sort()).toEqual(["awayCity", "credentialOther", "wishOccupations[0]"]);
    expectAllKept(reply, sent, "ambiguous");
    expect(await db.seekerProfile.findUnique({ where: { userId: seeker.id } })).toBeNull();
  });

  it("gives an unknown occupation its message in the same answer as a bad number", async () => {
    const sent = withValue("wishOccupations[0]", "宇航员").map(([n, v]): [string, string] => [n, n === "travelKm" ? "500" : v]);
    const reply = (await profileAction({ request: req("/me/profile", seeker.cookie, sent), params: {}, context })) as Reply;
    expect(reply.error?.travelKm).toEqual(["seekers.errors.travelKmInvalid"]);
    expect(reply.error?.["wishOccupations[0]"]?.[0]).toMatch(/^seekers\.errors\.occupationUnknown\?/);
    expect(Object.entries(reply.error ?? {}).filter(([, v]) => v?.length).map(([k]) => k).sort()).toEqual(["travelKm", "wishOccupations[0]"]);
    expectAllKept(reply, sent, "both");
  });

  it("adds a work-history row on the server when JavaScript is off, saving nothing", async () => {
    const sent: Entries = [...GOOD, ["__intent__", JSON.stringify({ type: "insert", payload: { name: "workHistory" } })]];
    const reply = (await profileAction({ request: req("/me/profile", seeker.cookie, sent), params: {}, context })) as Reply;
    expect((reply.initialValue?.workHistory as unknown[]).length).toBe(4);
    expectAllKept(reply, GOOD, "insert");
    expect(await db.seekerProfile.findUnique({ where: { userId: seeker.id } })).toBeNull();
  });

  it("saves a good profile; the page then shows the ID number masked and never in full", async () => {
    const res = (await profileAction({ request: req("/me/profile", seeker.cookie, withValue("idNumber", ID)), params: {}, context })) as Response;
    expect(res.status).toBe(302);
    expect(res.headers.get("Location")).toBe("/me/profile?saved=1");

    const page = await profileLoader({ request: req("/me/profile", seeker.cookie), params: {}, context });
    expect(JSON.stringify(page)).not.toContain(ID);
    expect(page.idNumberMasked).toBe(`6109**********${ID.slice(-4)}`);
    expect(page.defaultValue).toMatchObject({ name: "陈小芳", idNumber: "", groups: ["returnee", "graduate"], returneeKind: "graduate", consentMatching: true });
    expect([page.birthDate, page.sex]).toEqual(["1999-01-01", "male"]);

    const home = await homeLoader({ request: req("/me", seeker.cookie), params: {}, context });
    expect(JSON.stringify(home)).not.toContain(ID);
    expect(home.profile).toMatchObject({ idNumberMasked: page.idNumberMasked, phoneMasked: "139****2222" });
    expect(home.completeness.percent).toBe(100);

    // What matching reads, resolved from the typed names, and shown back by name.
    const saved = await db.seekerProfile.findUniqueOrThrow({ where: { userId: seeker.id } });
    expect([saved.wishOccupations, saved.credentials, saved.skillCodes, saved.travelKm, saved.experienceYears, saved.brandsTrained, saved.awayCityCode, saved.comeHomeBy?.toISOString()]).toEqual([
      ",4-10-01-03,4-10-03-05,", ",health_certificate,driving_c1,", ",childcare,pedicure,", 30, 2, ",ziyang_pedicure,", "440100", "2027-01-01T00:00:00.000Z",
    ]);
    expect(page.defaultValue).toMatchObject({ wishOccupations: ["保育师", "修脚师", "", "", ""], awayCity: "广东省 广州市", travelKm: "30", comeHomeBy: "2027-01" });
    const wanted = async () => (await db.seekerOccupation.findMany({ where: { userId: seeker.id }, orderBy: { code: "asc" } })).map((r) => r.code);
    expect(await wanted()).toEqual(["4-10-01-03", "4-10-03-05"]);

    // Saving again with the ID field blank keeps the stored number; the wanted occupations' rows are replaced.
    await profileAction({ request: req("/me/profile", seeker.cookie, withValue("skills", "CAD 钳工 焊工").map(([n, v]): [string, string] => [n, n === "wishOccupations[1]" ? "养老护理员" : v])), params: {}, context });
    expect((await db.seekerProfile.findUniqueOrThrow({ where: { userId: seeker.id } })).idHash).toBe(lookupHash("id-number", ID));
    expect(await wanted()).toEqual(["4-10-01-03", "4-10-01-05"]);
  });

  it("saves a number another account holds like any other: no answer tells whose it is", async () => {
    const other = await signIn("seeker", "第三位");
    const res = (await profileAction({ request: req("/me/profile", other.cookie, withValue("idNumber", TAKEN_ID)), params: {}, context })) as Response;
    expect(res.status).toBe(302);
    expect(res.headers.get("Location")).toBe("/me/profile?saved=1");
    const page = await profileLoader({ request: req("/me/profile", other.cookie), params: {}, context });
    expect(page.idVerified).toBeNull();
  });

  it("goes back to the application it was sent from, and only to a page of this site", async () => {
    const other = await signIn("seeker", "第四位");
    const save = (redirectTo: string) => profileAction({ request: req("/me/profile", other.cookie, [...GOOD, ["redirectTo", redirectTo]]), params: {}, context }) as Promise<Response>;
    expect((await save("/apply/12")).headers.get("Location")).toBe("/apply/12");
    expect((await save("https://evil.example/apply/12")).headers.get("Location")).toBe("/me/profile?saved=1");
    expect((await save("")).headers.get("Location")).toBe("/me/profile?saved=1");
  });

  it("downloads everything as a JSON attachment, ID number and phone included", async () => {
    const res = await exportLoader({ request: req("/me/export", seeker.cookie), params: {}, context });
    expect(res.headers.get("Content-Disposition")).toMatch(/^attachment; filename="my-data-\d{4}-\d{2}-\d{2}\.json"$/);
    expect(res.headers.get("Cache-Control")).toBe("no-store");
    const data = (await res.json()) as { profile: { idNumber: string; phone: string; workHistory: unknown[] } };
    expect(data.profile).toMatchObject({ idNumber: ID, phone: "13911112222" });
    expect(data.profile.workHistory).toHaveLength(1);
  });

  it("lists notifications for any signed-in role and marks them all read", async () => {
    await db.$transaction(async (tx) => {
      await notify(tx, seeker.id, "some.unknown.type", {}, "/me");
      await notify(tx, seeker.id, "evil", {}, "//evil.example/");
    });
    const list = await notificationsLoader({ request: req("/notifications", seeker.cookie), params: {}, context });
    expect(list.items.map((n) => [n.link, n.read])).toEqual([["/notifications", false], ["/me", false]]);
    const res = (await notificationsAction({ request: req("/notifications", seeker.cookie, []), params: {}, context })) as Response;
    expect(res.headers.get("Location")).toBe("/notifications");
    expect((await notificationsLoader({ request: req("/notifications", seeker.cookie), params: {}, context })).items.every((n) => n.read)).toBe(true);
    expect((await notificationsLoader({ request: req("/notifications", staffCookie), params: {}, context })).items).toEqual([]);
  });

  it("keeps seeker pages to seekers and sends visitors to log in", async () => {
    expect((await thrown(homeLoader({ request: req("/me", staffCookie), params: {}, context })))?.headers.get("Location")).toBe(homeFor("staff"));
    expect((await thrown(profileLoader({ request: req("/me/profile", staffCookie), params: {}, context })))?.status).toBe(403);
    expect((await thrown(profileAction({ request: req("/me/profile", staffCookie, GOOD), params: {}, context })))?.status).toBe(403);
    expect((await thrown(exportLoader({ request: req("/me/export", staffCookie), params: {}, context })))?.status).toBe(403);
    expect((await thrown(deleteAction({ request: req("/me/delete", staffCookie, [["confirm", "on"]]), params: {}, context })))?.status).toBe(403);
    expect((await thrown(notificationsLoader({ request: new Request("http://localhost/notifications"), params: {}, context })))?.headers.get("Location")).toBe("/login?redirectTo=%2Fnotifications");
    expect((await thrown(exportLoader({ request: new Request("http://localhost/me/export"), params: {}, context })))?.headers.get("Location")).toBe("/login?redirectTo=%2Fme%2Fexport");
  });

  it("deletes the account only with the box ticked, then logs out", async () => {
    const refused = (await deleteAction({ request: req("/me/delete", seeker.cookie, []), params: {}, context })) as Reply;
    expect(refused.error?.confirm).toEqual(["seekers.errors.confirmRequired"]);
    expect(await db.user.findUnique({ where: { id: seeker.id } })).not.toBeNull();

    const res = (await deleteAction({ request: req("/me/delete", seeker.cookie, [["confirm", "on"]]), params: {}, context })) as Response;
    expect(res.headers.get("Location")).toBe("/me/delete?done=1");
    expect(res.headers.get("Set-Cookie")).toMatch(/^__session=;.*Max-Age=0/);
    expect(await db.user.findUnique({ where: { id: seeker.id } })).toBeNull();
    expect(await deleteLoader({ request: new Request("http://localhost/me/delete?done=1"), params: {}, context })).toEqual({ done: true });
    // The old cookie no longer opens anything.
    expect((await thrown(homeLoader({ request: req("/me", seeker.cookie), params: {}, context })))?.headers.get("Location")).toBe("/login?redirectTo=%2Fme");
  });
});
