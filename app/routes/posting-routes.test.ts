import { tKey } from "~/i18n/translate.ts";
import { getZodConstraint, parseWithZod } from "@conform-to/zod";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeOrganization, makePosting } from "../../prisma/seed/factories.ts";
import { openSeededDatabase } from "../../tests/setup/test-env.ts";
import type { Language } from "~/i18n/i18n.ts";
import { createI18n } from "~/i18n/i18n.server.ts";
import { getLanguage, languageCookie } from "~/i18n/language.server.ts";
import { createSession } from "~/modules/auth/session.server.ts";
import type { Db } from "~/modules/db.server.ts";
import { addDays, chinaDay } from "~/modules/postings/dates.ts";
import { postingSchemaFor, type PostingKind } from "~/modules/postings/schemas.ts";
import { action as previewAction, loader as previewLoader } from "./employer.postings.$id._index.tsx";
import { action as editAction, loader as editLoader } from "./employer.postings.$id.edit.tsx";
import { loader as listLoader } from "./employer.postings._index.tsx";
import { action as newAction, loader as newLoader } from "./employer.postings.new.tsx";
import { action as moderateAction, loader as queueLoader } from "./staff.postings.tsx";

/**
 * The posting forms at route level: loaders and actions called as a browser without JavaScript
 * posts them (urlencoded, repeated names for check boxes). Every bad value must come back as a
 * conform reply with the message at its field and everything typed kept; nothing may throw
 * anything but a Response (a thrown Error is a 500 page).
 */

type Form = Record<string, string | string[]>;
type Reply = { status?: string; error?: Record<string, string[] | null>; initialValue?: Record<string, unknown> };
type Outcome = Reply | Response;

const context = { clientAddress: "10.5.0.1" };
const entries = (form: Form): [string, string][] => Object.entries(form).flatMap(([k, v]) => (Array.isArray(v) ? v.map((x): [string, string] => [k, x]) : [[k, v] as [string, string]]));
const get = (url: string, cookie: string) => new Request(`http://localhost${url}`, { headers: { Cookie: cookie } });
const post = (url: string, form: Form, cookie: string) => new Request(`http://localhost${url}`, { method: "POST", body: new URLSearchParams(entries(form)), headers: { Cookie: cookie } });

/**
 * What the route gave back: its return value (the posting form's reply, without the check boxes it
 * sends along), or the Response it threw. Any other throw fails the test (it would be a 500).
 */
async function settle(run: Promise<unknown>): Promise<Outcome> {
  try {
    const value = await run;
    if (value && typeof value === "object" && "reply" in value && "choices" in value) return value.reply as Reply;
    return value as Outcome;
  } catch (error) {
    if (error instanceof Response) return error;
    throw error;
  }
}
const isResponse = (o: unknown): o is Response => o instanceof Response;
const statusOf = (o: Outcome) => (isResponse(o) ? o.status : 200);
const fieldErrors = (reply: Reply) => Object.fromEntries(Object.entries(reply.error ?? {}).filter(([, v]) => v && v.length)) as Record<string, string[]>;

const i18n: Record<Language, ReturnType<typeof createI18n>> = { "zh-CN": createI18n("zh-CN"), en: createI18n("en") };
const CJK = /[\u3400-\u9fff]/;

/**
 * The text the page shows for an error message ("key?param=value") in the request's language,
 * failing when the key has no string in that language (the page would show the bare key).
 */
async function shown(request: Request, message: string): Promise<string> {
  const lang = await getLanguage(request);
  return inLanguage(lang, message);
}
function inLanguage(lang: Language, message: string): string {
  const [key = "", query = ""] = message.split("?");
  const params = Object.fromEntries(new URLSearchParams(query));
  expect(i18n[lang].getResource(lang, "translation", key), `"${key}" has no ${lang} text`).toEqual(expect.any(String));
  const text = tKey(i18n[lang].t, key, params);
  // The phrase the content check found is quoted as typed, in any language.
  const rest = Object.values(params).reduce((t, p) => t.replace(p, ""), text);
  if (lang === "zh-CN") expect(rest, message).toMatch(CJK);
  else expect(rest, message).not.toMatch(CJK);
  return text;
}

const today = () => chinaDay(new Date());
const long = (n: number, ch = "长") => ch.repeat(n);
const HUGE = "字".repeat(100_000);
const SCRIPT = `<script>alert("x")</script>`;

describe("posting forms, preview actions and staff moderation (routes, real SQLite with the demo data)", () => {
  let db: Db;
  let cleanup: () => Promise<void>;
  const cookies: Record<"employer" | "outsider" | "noOrg" | "ziyang" | "hanbin" | "seeker", string> = { employer: "", outsider: "", noOrg: "", ziyang: "", hanbin: "", seeker: "" };
  let englishCookie: string;
  let organizationId: number;
  let county: string;
  let town: string;
  let otherCountyTown: string;
  let industryCode: string;
  let foreignPostingId: number;

  const signIn = async (userId: number) => (await createSession(userId, new Request("http://localhost/"))).split(";")[0]!;

  /** A job or internship as a person fills the full form: every field, two check boxes. */
  const fullForm = (kind: "job" | "internship" = "job"): Form => ({
    intent: "submit",
    kind,
    title: kind === "job" ? "电子线束装配工" : "行政助理见习",
    occupation: "电子设备装接工",
    industryCode,
    brandCode: "",
    description: "负责电子线束装配和质检，白班 8:00–17:30，月休 4 天。",
    requirements: "初中以上文化，男女不限，视力良好。",
    skills: "会看简单图纸",
    education: "junior",
    experienceYears: "1",
    ageMin: "18",
    ageMax: "50",
    countyCode: county,
    townCode: town,
    address: "紫阳县城关镇工业园 3 号厂房",
    headcount: "5",
    contractType: "full_time",
    payMin: "3200",
    payMax: "4500",
    payPeriod: "month",
    benefits: ["meals", "insurance"],
    groups: ["returnee", "graduate"],
    howToApply: "电话联系，或带身份证到厂区面试。",
    contactPhone: "0915-4312345",
    validUntil: addDays(today(), 30),
    ...(kind === "internship" ? { durationMonths: "6", eligibleMajors: "文秘、行政管理" } : {}),
  });

  /** The gig short form: date, hours, pay per day or hour, place, people needed. */
  const gigForm = (): Form => ({
    intent: "submit",
    kind: "gig",
    title: "茶园采茶工（日结）",
    description: "茶园采摘明前茶，按斤另有奖励。",
    requirements: "身体健康，准时到岗。",
    workDate: addDays(today(), 2),
    startTime: "07:00",
    endTime: "16:00",
    pay: "150",
    payPeriod: "day",
    countyCode: county,
    townCode: town,
    address: "紫阳县焕古镇茶园",
    headcount: "12",
    contactPhone: "13800000002",
    howToApply: "电话报名",
  });

  beforeAll(async () => {
    ({ db, cleanup } = openSeededDatabase());
    const employer = await db.user.findUniqueOrThrow({ where: { email: "hr@demo-employer.cn" }, include: { memberships: { include: { organization: true } } } });
    const org = employer.memberships[0]!.organization;
    expect(org.status).toBe("verified");
    organizationId = org.id;
    county = org.regionCode.slice(0, 6);
    expect(county).toBe("610924"); // 紫阳县: the Ziyang staff member's region
    town = (await db.region.findFirstOrThrow({ where: { parentCode: county, level: "town" }, orderBy: { code: "asc" } })).code;
    otherCountyTown = (await db.region.findFirstOrThrow({ where: { parentCode: "610902", level: "town" }, orderBy: { code: "asc" } })).code;
    industryCode = (await db.industry.findFirstOrThrow({ orderBy: { code: "asc" } })).code;

    const outsider = await db.user.create({ data: { email: "outsider@posting-routes.test", passwordHash: "x", role: "employer", displayName: "别家" } });
    const otherOrg = await makeOrganization(db, { regionCode: otherCountyTown, status: "verified" });
    await db.membership.create({ data: { userId: outsider.id, organizationId: otherOrg.id, role: "owner" } });
    foreignPostingId = (await makePosting(db, { organizationId: otherOrg.id, regionCode: otherCountyTown, title: "别家的岗位", status: "pending" })).id;
    const noOrg = await db.user.create({ data: { email: "no-org@posting-routes.test", passwordHash: "x", role: "employer", displayName: "还没单位" } });

    cookies.employer = await signIn(employer.id);
    cookies.outsider = await signIn(outsider.id);
    cookies.noOrg = await signIn(noOrg.id);
    cookies.ziyang = await signIn((await db.user.findUniqueOrThrow({ where: { email: "ziyang@demo.ankang.gov.cn" } })).id);
    cookies.hanbin = await signIn((await db.user.findUniqueOrThrow({ where: { email: "hanbin@demo.ankang.gov.cn" } })).id);
    cookies.seeker = await signIn((await db.user.findFirstOrThrow({ where: { role: "seeker" } })).id);
    englishCookie = `${cookies.employer}; ${(await languageCookie.serialize("en")).split(";")[0]}`;
  });

  afterAll(async () => {
    await cleanup();
  });

  const myPostings = () => db.posting.count({ where: { organizationId } });

  /**
   * Posts `form` with `field` set to `value` and checks what a person would: no error page, the
   * message at that field (the one the browser's copy of the schema gives too, unless only the
   * database can tell), every value typed — the bad one included — sent back unchanged, and no
   * post saved.
   */
  async function expectFieldError(url: string, params: Record<string, string>, run: typeof newAction, form: Form, field: string, value: string | string[], message: string, where: "schema" | "server" = "schema", schemaKind?: PostingKind) {
    const typed = { ...form, [field]: value };
    const label = `${field}=${JSON.stringify(value).slice(0, 40)}`;
    const request = post(url, typed, cookies.employer);
    const outcome = await settle(run({ request, params, context }));
    expect(isResponse(outcome), `${label}: answered ${statusOf(outcome)}`).toBe(false);
    const reply = outcome as Reply;
    expect(reply.status, label).toBe("error");
    const errors = fieldErrors(reply);
    expect(errors[field], label).toEqual([message]);
    expect(Object.keys(errors), `${label}: only that field is marked`).toEqual([field]);
    // (conform leaves out empty fields: an empty box, or a group with nothing ticked, comes back empty.)
    const empty = (v: string | string[]) => v === "" || (Array.isArray(v) && v.length === 0);
    for (const [name, v] of Object.entries(typed)) expect(reply.initialValue?.[name], `${label}: ${name} kept`).toEqual(empty(v) ? undefined : v);
    // The browser runs the same schema: the same message appears before the form is even sent.
    const kind = schemaKind ?? ((typed.kind === "gig" ? "gig" : "job") as PostingKind);
    const client = parseWithZod(new URLSearchParams(entries(typed)), { schema: postingSchemaFor(kind) });
    if (where === "schema") expect(client.status === "error" ? client.error?.[field] : null, `${label}: browser`).toEqual([message]);
    else expect(client.status, `${label}: only the server can tell`).toBe("success");
    // Readable in both languages.
    expect(await shown(request, message)).not.toBe(message);
    inLanguage("en", message);
    return reply;
  }

  it("new form: choosing a kind, English options, and no form without an organization", async () => {
    const choose = (await newLoader({ request: get("/employer/postings/new?kind=robot", cookies.employer), params: {}, context })) as { kind: unknown };
    expect(choose.kind).toBeNull();
    const zh = await newLoader({ request: get("/employer/postings/new?kind=gig", cookies.employer), params: {}, context });
    expect(zh).toMatchObject({ kind: "gig", defaults: { countyCode: county, payPeriod: "day", workDate: addDays(today(), 1) } });
    expect(zh.options?.counties.find((c) => c.code === county)?.name).toBe("紫阳县");
    const en = await newLoader({ request: get("/employer/postings/new?kind=job", englishCookie), params: {}, context });
    expect(en.options?.counties.find((c) => c.code === county)?.name).toMatch(/^Ziyang/);
    const en2 = await newLoader({ request: get("/employer/postings/new?kind=job&lng=en", cookies.employer), params: {}, context });
    expect(en2.options?.counties.find((c) => c.code === county)?.name).toMatch(/^Ziyang/);

    const noOrg = await settle(newLoader({ request: get("/employer/postings/new?kind=job", cookies.noOrg), params: {}, context }));
    expect(isResponse(noOrg) && noOrg.status).toBe(302);
    const noOrgPost = (await settle(newAction({ request: post("/employer/postings/new", fullForm(), cookies.noOrg), params: {}, context }))) as Reply;
    expect(noOrgPost.error?.[""]).toEqual(["postings.errors.noOrganization"]);
    expect(noOrgPost.initialValue?.title).toBe("电子线束装配工");
    const seeker = await settle(newAction({ request: post("/employer/postings/new", fullForm(), cookies.seeker), params: {}, context }));
    expect(isResponse(seeker) && seeker.status).toBe(403);

    // The browser gets the same schema's limits as input attributes.
    expect(getZodConstraint(postingSchemaFor("job"))).toMatchObject({ headcount: { required: true, min: 1, max: 9999 }, payMin: { required: true, min: 1 }, ageMin: { required: false, min: 16, max: 70 }, title: { required: true, maxLength: 40 } });
    expect(getZodConstraint(postingSchemaFor("gig"))).toMatchObject({ pay: { required: true, min: 1, max: 100_000 }, startTime: { required: true }, contactPhone: { required: true, maxLength: 40 } });
  });

  const fullCases = (): [string, string | string[], string, ("schema" | "server")?][] => {
    const past = addDays(today(), -1);
    return [
      ["kind", "robot", "forms.chooseOne"],
      ["kind", "", "forms.chooseOne"],
      ["title", "", "forms.required"],
      ["title", "   ", "postings.errors.tooShort?min=2"],
      ["title", "厂", "postings.errors.tooShort?min=2"],
      ["title", long(41), "postings.errors.tooLong?max=40"],
      ["title", HUGE, "postings.errors.tooLong?max=40"],
      ["occupation", long(61), "postings.errors.tooLong?max=60"],
      ["industryCode", "<script>", "forms.chooseOne"],
      ["industryCode", "no_such_industry", "forms.chooseOne", "server"],
      ["brandCode", "no_such_brand", "forms.chooseOne", "server"],
      ["description", "", "forms.required"],
      ["description", "太短了", "postings.errors.tooShort?min=10"],
      ["description", long(3001), "postings.errors.tooLong?max=3000"],
      ["description", HUGE, "postings.errors.tooLong?max=3000"],
      ["requirements", "", "forms.required"],
      ["requirements", long(1001), "postings.errors.tooLong?max=1000"],
      ["requirements", HUGE, "postings.errors.tooLong?max=1000"],
      ["skills", long(501), "postings.errors.tooLong?max=500"],
      ["education", "phd", "forms.chooseOne"],
      ["experienceYears", "abc", "postings.errors.experience"],
      ["experienceYears", "-1", "postings.errors.experience"],
      ["experienceYears", "31", "postings.errors.experience"],
      ["ageMin", "15", "postings.errors.age"],
      ["ageMin", "71", "postings.errors.age"],
      ["ageMin", "十八", "postings.errors.age"],
      ["ageMax", "71", "postings.errors.age"],
      ["ageMax", "17", "postings.errors.ageMaxBelowMin"],
      ["countyCode", "", "postings.errors.chooseCounty"],
      ["countyCode", "abc", "postings.errors.chooseCounty"],
      ["countyCode", "61092", "postings.errors.chooseCounty"],
      ["countyCode", "610924'; DROP TABLE Posting;--", "postings.errors.chooseCounty"],
      ["countyCode", SCRIPT, "postings.errors.chooseCounty"],
      ["countyCode", "1".repeat(100_000), "postings.errors.chooseCounty"],
      ["townCode", "abc", "forms.chooseOne"],
      ["townCode", "6109240011", "forms.chooseOne"],
      ["townCode", SCRIPT, "forms.chooseOne"],
      ["address", "", "forms.required"],
      ["address", "厂", "postings.errors.tooShort?min=2"],
      ["address", long(201), "postings.errors.tooLong?max=200"],
      ["address", HUGE, "postings.errors.tooLong?max=200"],
      ["headcount", "", "forms.required"],
      ["headcount", "abc", "postings.errors.headcount"],
      ["headcount", "五", "postings.errors.headcount"],
      ["headcount", "0", "postings.errors.headcount"],
      ["headcount", "-3", "postings.errors.headcount"],
      ["headcount", "1.5", "postings.errors.headcount"],
      ["headcount", "10000", "postings.errors.headcount"],
      ["headcount", "9".repeat(100_000), "postings.errors.headcount"],
      ["headcount", SCRIPT, "postings.errors.headcount"],
      ["contractType", "slave", "forms.chooseOne"],
      ["payMin", "", "forms.required"],
      ["payMin", "abc", "postings.errors.pay"],
      ["payMin", "三千", "postings.errors.pay"],
      ["payMin", "0", "postings.errors.pay"],
      ["payMin", "-3200", "postings.errors.pay"],
      ["payMin", "3200.5", "postings.errors.pay"],
      ["payMin", "1000001", "postings.errors.pay"],
      ["payMin", "9".repeat(100_000), "postings.errors.pay"],
      ["payMax", "", "forms.required"],
      ["payMax", "4500元", "postings.errors.pay"],
      ["payMax", "3000", "postings.errors.payMaxBelowMin"],
      ["payPeriod", "year", "forms.chooseOne"],
      ["payPeriod", SCRIPT, "forms.chooseOne"],
      ["benefits", ["meals", "pony"], "forms.invalid"],
      ["benefits", HUGE, "forms.invalid"],
      ["groups", "astronaut", "forms.invalid"],
      ["howToApply", "", "forms.required"],
      ["howToApply", long(501), "postings.errors.tooLong?max=500"],
      ["howToApply", HUGE, "postings.errors.tooLong?max=500"],
      ["contactPhone", "abc", "organizations.phoneInvalid"],
      ["contactPhone", "123", "organizations.phoneInvalid"],
      ["contactPhone", "1".repeat(100_000), "organizations.phoneInvalid"],
      ["validUntil", "", "forms.required"],
      ["validUntil", "下个月", "postings.errors.dateInvalid"],
      ["validUntil", "2026-02-30", "postings.errors.dateInvalid"],
      ["validUntil", SCRIPT, "postings.errors.dateInvalid"],
      ["validUntil", HUGE, "postings.errors.dateInvalid"],
      ["validUntil", past, "postings.errors.datePast"],
      ["validUntil", addDays(today(), 181), `postings.errors.validTooFar?date=${addDays(today(), 180)}`],
      ["validUntil", "9999-12-31", `postings.errors.validTooFar?date=${addDays(today(), 180)}`],
    ];
  };

  it("job form: every bad value is answered at its field in Chinese and English, with everything typed kept", async () => {
    const before = await myPostings();
    for (const [field, value, message, where] of fullCases()) {
      await expectFieldError("/employer/postings/new", {}, newAction, fullForm("job"), field, value, message, where);
    }
    // A town of another county, real or not: checked by the schema, or by the region table.
    await expectFieldError("/employer/postings/new", {}, newAction, fullForm("job"), "townCode", otherCountyTown, "postings.errors.townNotInCounty");
    await expectFieldError("/employer/postings/new", {}, newAction, fullForm("job"), "townCode", `${county}999`, "postings.errors.townNotInCounty", "server");
    // A county-shaped code that is not a county here (unknown, or the city itself), the town left empty.
    await expectFieldError("/employer/postings/new", {}, newAction, { ...fullForm("job"), townCode: "" }, "countyCode", "610999", "postings.errors.chooseCounty", "server");
    await expectFieldError("/employer/postings/new", {}, newAction, { ...fullForm("job"), townCode: "" }, "countyCode", "610900", "postings.errors.chooseCounty", "server");
    expect(await myPostings()).toBe(before);
  });

  it("internship form: the same checks, and the internship's own fields", async () => {
    const before = await myPostings();
    const cases: [string, string, string][] = [
      ["durationMonths", "", "forms.required"],
      ["durationMonths", "0", "postings.errors.duration"],
      ["durationMonths", "25", "postings.errors.duration"],
      ["durationMonths", "半年", "postings.errors.duration"],
      ["eligibleMajors", long(201), "postings.errors.tooLong?max=200"],
      ["title", "", "forms.required"],
      ["headcount", "-1", "postings.errors.headcount"],
      ["payMax", "100", "postings.errors.payMaxBelowMin"],
      ["validUntil", addDays(today(), -30), "postings.errors.datePast"],
    ];
    for (const [field, value, message] of cases) await expectFieldError("/employer/postings/new", {}, newAction, fullForm("internship"), field, value, message);
    expect(await myPostings()).toBe(before);
  });

  it("gig short form: every bad value is answered at its field, with everything typed kept", async () => {
    const before = await myPostings();
    const cases: [string, string, string, ("schema" | "server")?][] = [
      ["title", "", "forms.required"],
      ["title", HUGE, "postings.errors.tooLong?max=40"],
      ["description", "", "forms.required"],
      ["requirements", long(1001), "postings.errors.tooLong?max=1000"],
      ["workDate", "", "forms.required"],
      ["workDate", "明天", "postings.errors.dateInvalid"],
      ["workDate", "2026-13-01", "postings.errors.dateInvalid"],
      ["workDate", addDays(today(), -1), "postings.errors.datePast"],
      ["workDate", addDays(today(), 61), `postings.errors.gigTooFar?date=${addDays(today(), 60)}`],
      ["workDate", SCRIPT, "postings.errors.dateInvalid"],
      ["workDate", HUGE, "postings.errors.dateInvalid"],
      ["startTime", "", "forms.required"],
      ["startTime", "25:00", "postings.errors.time"],
      ["startTime", "24:00", "postings.errors.time"],
      ["startTime", "8点", "postings.errors.time"],
      ["startTime", "7:00", "postings.errors.time"],
      ["endTime", "16:60", "postings.errors.time"],
      ["endTime", "07:00", "postings.errors.sameTime"],
      ["endTime", HUGE, "postings.errors.time"],
      ["pay", "", "forms.required"],
      ["pay", "abc", "postings.errors.pay"],
      ["pay", "0", "postings.errors.pay"],
      ["pay", "-150", "postings.errors.pay"],
      ["pay", "150.5", "postings.errors.pay"],
      ["pay", "100001", "postings.errors.pay"],
      ["pay", "9".repeat(100_000), "postings.errors.pay"],
      ["pay", "150元", "postings.errors.pay"],
      ["payPeriod", "", "forms.chooseOne"],
      ["payPeriod", "month", "forms.chooseOne"],
      ["payPeriod", "week", "forms.chooseOne"],
      ["headcount", "", "forms.required"],
      ["headcount", "0", "postings.errors.headcount"],
      ["headcount", "-12", "postings.errors.headcount"],
      ["headcount", "十二", "postings.errors.headcount"],
      ["headcount", HUGE, "postings.errors.headcount"],
      ["countyCode", "abc", "postings.errors.chooseCounty"],
      ["townCode", otherCountyTown, "postings.errors.townNotInCounty"],
      ["townCode", "610924x01", "forms.chooseOne"],
      ["address", "", "forms.required"],
      ["contactPhone", "", "forms.required"],
      ["contactPhone", "电话", "organizations.phoneInvalid"],
      ["howToApply", long(501), "postings.errors.tooLong?max=500"],
    ];
    for (const [field, value, message, where] of cases) await expectFieldError("/employer/postings/new", {}, newAction, gigForm(), field, value, message, where);
    expect(await myPostings()).toBe(before);
  });

  it("messages reach the page in English with the language cookie or ?lng=en, Chinese otherwise", async () => {
    const form = { ...fullForm(), headcount: "abc", payMax: "1" };
    for (const [url, cookie, lang] of [
      ["/employer/postings/new", englishCookie, "en"],
      ["/employer/postings/new?lng=en", cookies.employer, "en"],
      ["/employer/postings/new", cookies.employer, "zh-CN"],
    ] as const) {
      const request = post(url, form, cookie);
      expect(await getLanguage(request)).toBe(lang);
      const reply = (await settle(newAction({ request, params: {}, context }))) as Reply;
      const text = await shown(request, fieldErrors(reply).headcount![0]!);
      expect(text).toBe(lang === "en" ? "Enter a whole number from 1 to 9999." : "请填 1 到 9999 之间的整数。");
      expect(reply.initialValue?.headcount).toBe("abc");
    }
  });

  it("content check: discriminatory wording and hype are refused naming the phrase; lawful wording passes", async () => {
    const before = await myPostings();
    const refused: [string, string, string, string][] = [
      ["requirements", "限男性，身体健康。", "sex", "限男性"],
      ["requirements", "仅限本地户籍，能吃苦。", "origin", "仅限本地户籍"],
      ["requirements", "汉族，初中以上文化。", "ethnicity", "汉族"],
      ["requirements", "信仰佛教者优先", "religion", "信仰"],
      ["title", "高薪诚聘装配工", "hype", "高薪"],
      ["description", "培训合格保录，负责电子线束装配和质检。", "hype", "保录"],
      ["howToApply", "已婚已育者请电话联系", "sex", "已婚已育"],
    ];
    for (const [field, value, category, phrase] of refused) {
      const message = `postings.check.${category}?phrase=${encodeURIComponent(phrase)}`;
      await expectFieldError("/employer/postings/new", {}, newAction, fullForm(), field, value, message);
      expect(inLanguage("zh-CN", message)).toContain(`“${phrase}”`);
      expect(inLanguage("en", message)).toContain(`“${phrase}”`);
    }
    await expectFieldError("/employer/postings/new", {}, newAction, gigForm(), "requirements", "只招女工", "postings.check.sex?phrase=%E5%8F%AA%E6%8B%9B%E5%A5%B3%E5%B7%A5");
    expect(await myPostings()).toBe(before);

    const lawful = { ...fullForm(), requirements: "男女不限，不限户籍，民族不限，初中以上文化。" };
    const ok = await settle(newAction({ request: post("/employer/postings/new", lawful, cookies.employer), params: {}, context }));
    expect(isResponse(ok) && ok.status).toBe(302);
  });

  let jobId: number;
  let gigId: number;

  it("good input creates the post waiting for staff, the preview shows it, the list counts it", async () => {
    const job = await settle(newAction({ request: post("/employer/postings/new", { ...fullForm(), title: `${SCRIPT}装配` }, cookies.employer), params: {}, context }));
    expect(isResponse(job) && job.status).toBe(302);
    const location = (job as Response).headers.get("Location") ?? "";
    expect(location).toMatch(/^\/employer\/postings\/\d+\?done=pending$/);
    jobId = Number(/postings\/(\d+)/.exec(location)![1]);
    const row = await db.posting.findUniqueOrThrow({ where: { id: jobId } });
    expect(row).toMatchObject({ status: "pending", kind: "job", organizationId, headcount: 5, payMin: 3200, payMax: 4500, regionCode: town, benefits: ",meals,insurance," });

    const preview = await previewLoader({ request: get(`/employer/postings/${jobId}`, cookies.employer), params: { id: String(jobId) }, context });
    // Markup is kept as the text typed: React escapes it on the page.
    expect(preview.posting).toMatchObject({ status: "pending", searchable: false, rejectionReason: null, view: { title: `${SCRIPT}装配`, headcount: 5, requirements: "初中以上文化，男女不限，视力良好。" } });
    expect(preview.posting.actions).toMatchObject({ close: true, submit: false, reopen: false, copy: true });

    const gig = await settle(newAction({ request: post("/employer/postings/new", gigForm(), cookies.employer), params: {}, context }));
    expect(isResponse(gig) && gig.status).toBe(302);
    gigId = Number(/postings\/(\d+)/.exec((gig as Response).headers.get("Location") ?? "")![1]);
    const gigView = await previewLoader({ request: get(`/employer/postings/${gigId}`, cookies.employer), params: { id: String(gigId) }, context });
    const english = await previewLoader({ request: get(`/employer/postings/${gigId}?lng=en`, cookies.employer), params: { id: String(gigId) }, context });
    expect(english.posting.view.place).toMatch(/Ziyang/);
    expect(gigView.posting.view.place).toMatch(/紫阳县/);
    expect(gigView.posting.view).toMatchObject({ kind: "gig", gig: { startTime: "07:00", endTime: "16:00" }, pay: { min: 150, max: 150, period: "day" }, headcount: 12, terms: null });

    // An overnight gig (ends the next morning) is allowed; only equal start and end times are refused.
    const night = await settle(newAction({ request: post("/employer/postings/new", { ...gigForm(), title: "夜班装卸工", startTime: "22:00", endTime: "06:00" }, cookies.employer), params: {}, context }));
    expect(isResponse(night) && night.status).toBe(302);

    const draft = await settle(newAction({ request: post("/employer/postings/new", { ...fullForm("internship"), intent: "draft" }, cookies.employer), params: {}, context }));
    expect((draft as Response).headers.get("Location")).toMatch(/\?done=draft$/);

    const list = await listLoader({ request: get("/employer/postings?status=pending", cookies.employer), params: {}, context });
    expect(list.list.rows.map((r) => r.id)).toEqual(expect.arrayContaining([jobId, gigId]));
    for (const query of ["status=bogus&page=abc", "status=&page=-1", `page=${"9".repeat(50)}`]) {
      const odd = await listLoader({ request: get(`/employer/postings?${query}`, cookies.employer), params: {}, context });
      expect(odd.query, query).toEqual({ status: "all", page: 1 });
    }
  });

  const BAD_IDS = ["abc", "0", "-1", "1.5", "1e3", "0x10", "99999999999999999999", "999999999999999"];

  it("preview and edit: bad ids and another organization's post are 404, never 500", async () => {
    for (const id of [...BAD_IDS, String(foreignPostingId)]) {
      const params = { id };
      for (const run of [
        previewLoader({ request: get(`/employer/postings/${id}`, cookies.employer), params, context }),
        editLoader({ request: get(`/employer/postings/${id}/edit`, cookies.employer), params, context }),
        editAction({ request: post(`/employer/postings/${id}/edit`, fullForm(), cookies.employer), params, context }),
        previewAction({ request: post(`/employer/postings/${id}`, { intent: "close" }, cookies.employer), params, context }),
      ]) {
        const outcome = await settle(run);
        expect(statusOf(outcome), `id ${id}`).toBe(404);
      }
    }
    // The other organization sees none of ours either.
    expect(statusOf(await settle(previewLoader({ request: get(`/employer/postings/${jobId}`, cookies.outsider), params: { id: String(jobId) }, context })))).toBe(404);
    expect(statusOf(await settle(editAction({ request: post(`/employer/postings/${jobId}/edit`, fullForm(), cookies.outsider), params: { id: String(jobId) }, context })))).toBe(404);
    expect((await db.posting.findUniqueOrThrow({ where: { id: foreignPostingId } })).title).toBe("别家的岗位");
  });

  it("edit: starts from the stored values; bad values answer at the field and change nothing; good values go back to staff", async () => {
    const params = { id: String(jobId) };
    const url = `/employer/postings/${jobId}/edit`;
    const page = await editLoader({ request: get(url, cookies.employer), params, context });
    expect(page.posting.values).toMatchObject({ kind: "job", headcount: "5", payMin: "3200", townCode: town, benefits: ["meals", "insurance"], validUntil: addDays(today(), 30) });
    const stored = page.posting.values as Form;
    const cases: [string, string, string][] = [
      ["headcount", "0", "postings.errors.headcount"],
      ["payMax", "10", "postings.errors.payMaxBelowMin"],
      ["townCode", otherCountyTown, "postings.errors.townNotInCounty"],
      ["validUntil", addDays(today(), -1), "postings.errors.datePast"],
      ["requirements", "仅限本地户口", "postings.check.origin?phrase=%E4%BB%85%E9%99%90%E6%9C%AC%E5%9C%B0%E6%88%B7%E5%8F%A3"],
      ["title", HUGE, "postings.errors.tooLong?max=40"],
      ["kind", "gig", "forms.chooseOne"],
    ];
    for (const [field, value, message] of cases) {
      // The stored post's kind picks the schema, whatever the form says.
      await expectFieldError(url, params, editAction, { ...stored, intent: "submit" }, field, value, message, "schema", "job");
    }
    // A job's form sent as an internship: the kind never changes; a message, not an error page.
    const asInternship = (await settle(editAction({ request: post(url, { ...stored, kind: "internship", durationMonths: "6" }, cookies.employer), params, context }))) as Reply;
    expect(asInternship.error?.[""]).toEqual(["forms.invalid"]);
    expect(asInternship.initialValue?.title).toBe(stored.title);
    expect((await db.posting.findUniqueOrThrow({ where: { id: jobId } })).headcount).toBe(5);

    // A gig's edit form uses the short form's schema.
    const gigUrl = `/employer/postings/${gigId}/edit`;
    const gigStored = (await editLoader({ request: get(gigUrl, cookies.employer), params: { id: String(gigId) }, context })).posting.values as Form;
    await expectFieldError(gigUrl, { id: String(gigId) }, editAction, { ...gigStored, intent: "submit" }, "startTime", "25:00", "postings.errors.time");
    await expectFieldError(gigUrl, { id: String(gigId) }, editAction, { ...gigStored, intent: "submit" }, "payPeriod", "piece", "forms.chooseOne");

    const saved = await settle(editAction({ request: post(url, { ...stored, intent: "submit", headcount: "8" }, cookies.employer), params, context }));
    expect(isResponse(saved) && saved.headers.get("Location")).toBe(`/employer/postings/${jobId}?done=pending`);
    expect(await db.posting.findUniqueOrThrow({ where: { id: jobId } })).toMatchObject({ headcount: 8, status: "pending" });
  });

  it("close, reopen, copy and submit: bad intents answer with a message, wrong states too, foreign ids are 404", async () => {
    const params = { id: String(gigId) };
    const url = `/employer/postings/${gigId}`;
    const act = async (intent: string, id = gigId, cookie = cookies.employer) => settle(previewAction({ request: post(`/employer/postings/${id}`, { intent }, cookie), params: { id: String(id) }, context }));

    for (const intent of ["", "delete", SCRIPT, HUGE]) {
      const reply = (await act(intent)) as Reply;
      expect(isResponse(reply), intent.slice(0, 20)).toBe(false);
      expect(fieldErrors(reply).intent, intent.slice(0, 20)).toEqual(["forms.chooseOne"]);
    }
    for (const wrong of ["reopen", "submit"]) {
      const reply = (await act(wrong)) as Reply;
      expect(reply.error?.[""], wrong).toEqual(["postings.errors.notAllowed"]);
      expect(await shown(post(url, {}, englishCookie), "postings.errors.notAllowed")).toMatch(/does not allow/);
    }
    const closed = await act("close");
    expect(isResponse(closed) && closed.headers.get("Location")).toBe(`${url}?done=close`);
    expect(((await act("close")) as Reply).error?.[""]).toEqual(["postings.errors.notAllowed"]);
    expect((await previewLoader({ request: get(url, cookies.employer), params, context })).posting).toMatchObject({ status: "closed", actions: { reopen: true, close: false } });
    const reopened = await act("reopen");
    expect(isResponse(reopened) && reopened.headers.get("Location")).toBe(`${url}?done=reopen`);
    expect((await db.posting.findUniqueOrThrow({ where: { id: gigId } })).status).toBe("pending");

    const copied = await act("copy");
    const copyLocation = isResponse(copied) ? (copied.headers.get("Location") ?? "") : "";
    expect(copyLocation).toMatch(/^\/employer\/postings\/\d+\/edit\?done=copied$/);
    const copyId = Number(/postings\/(\d+)/.exec(copyLocation)![1]);
    expect(copyId).not.toBe(gigId);
    expect(await db.posting.findUniqueOrThrow({ where: { id: copyId } })).toMatchObject({ status: "draft", organizationId, title: "茶园采茶工（日结）" });
    const submitted = await act("submit", copyId);
    expect(isResponse(submitted) && submitted.headers.get("Location")).toBe(`/employer/postings/${copyId}?done=submit`);

    // Another organization's post: none of the actions find it, and it is untouched.
    for (const intent of ["close", "reopen", "copy", "submit", "bogus"]) {
      const outcome = await act(intent, foreignPostingId);
      if (intent === "bogus") expect(fieldErrors(outcome as Reply).intent).toEqual(["forms.chooseOne"]);
      else expect(statusOf(outcome), intent).toBe(404);
    }
    expect(await db.posting.count({ where: { title: "别家的岗位" } })).toBe(1);
    expect((await db.posting.findUniqueOrThrow({ where: { id: foreignPostingId } })).status).toBe("pending");
  });

  it("staff moderation: reasons are checked at the field with the text kept; out-of-region and bad ids are 404 or a message", async () => {
    const queue = await queueLoader({ request: get("/staff/postings", cookies.ziyang), params: {}, context });
    const mine = queue.queue.rows.find((r) => r.view.id === jobId);
    expect(mine).toMatchObject({ organization: { status: "verified" }, findings: [], expired: false });
    const hanbinQueue = await queueLoader({ request: get("/staff/postings", cookies.hanbin), params: {}, context });
    expect(hanbinQueue.queue.rows.map((r) => r.view.id)).not.toContain(jobId);
    expect(statusOf(await settle(queueLoader({ request: get("/staff/postings", cookies.employer), params: {}, context })))).toBe(403);

    const decide = (form: Form, cookie = cookies.ziyang) => settle(moderateAction({ request: post("/staff/postings", form, cookie), params: {}, context }));
    type Decided = { id: number | null; result: Reply; done: unknown };

    const badReasons: [string, string][] = [
      ["", "postings.errors.reasonRequired"],
      ["   ", "postings.errors.reasonRequired"],
      [long(501, "因"), "forms.tooLong"],
      [HUGE, "forms.tooLong"],
    ];
    for (const [reason, message] of badReasons) {
      const request = post("/staff/postings", { intent: "reject", id: String(jobId), reason }, cookies.ziyang);
      const outcome = (await settle(moderateAction({ request, params: {}, context }))) as Decided;
      expect(isResponse(outcome)).toBe(false);
      expect(outcome.id).toBe(jobId);
      expect(outcome.done).toBeNull();
      expect(fieldErrors(outcome.result), reason.slice(0, 10)).toEqual({ reason: [message] });
      expect(outcome.result.initialValue).toEqual({ intent: "reject", id: String(jobId), ...(reason ? { reason } : {}) });
      inLanguage("zh-CN", message);
      inLanguage("en", message);
    }
    // A reject form without the reason field at all.
    expect(fieldErrors(((await decide({ intent: "reject", id: String(jobId) })) as Decided).result)).toEqual({ reason: ["postings.errors.reasonRequired"] });

    for (const intent of ["", "delete", SCRIPT]) {
      const outcome = (await decide({ intent, id: String(jobId), reason: "理由" })) as Decided;
      expect(fieldErrors(outcome.result).intent, intent).toEqual(["forms.chooseOne"]);
    }
    // Not an id: a message at the field (in both languages); an id no one in the region can see: 404.
    for (const id of ["", "abc", "-1", "0", "1.5", "1e400", SCRIPT, "2147483648", "999999999999999", "99999999999999999999"]) {
      const outcome = (await decide({ intent: "reject", id, reason: "理由充分" })) as Decided;
      expect(isResponse(outcome), `id ${id}: answered ${statusOf(outcome as unknown as Outcome)}`).toBe(false);
      const errors = fieldErrors(outcome.result);
      expect(Object.keys(errors), id).toEqual(["id"]);
      inLanguage("zh-CN", errors.id![0]!);
      inLanguage("en", errors.id![0]!);
      expect(outcome.result.initialValue).toMatchObject({ reason: "理由充分" });
    }
    for (const id of ["999999999", "2147483647", String(foreignPostingId)]) {
      expect(statusOf(await decide({ intent: "approve", id }, cookies.ziyang)), id).toBe(404);
    }
    // Hanbin's staff member on a Ziyang post: it does not exist for them.
    expect(statusOf(await decide({ intent: "reject", id: String(jobId), reason: "不在本区" }, cookies.hanbin))).toBe(404);
    expect(statusOf(await decide({ intent: "approve", id: String(jobId) }, cookies.hanbin))).toBe(404);
    expect((await db.posting.findUniqueOrThrow({ where: { id: jobId } })).status).toBe("pending");
  });

  it("staff decisions: a rejection's reason reaches the employer's page; a decided post answers with a message", async () => {
    const decide = (form: Form, cookie = cookies.ziyang) => settle(moderateAction({ request: post("/staff/postings", form, cookie), params: {}, context }));
    type Decided = { id: number | null; result: Reply; done: { intent: string; title: string } | null };
    const reason = `要求写明每天工作时长；${SCRIPT}`;
    const rejected = (await decide({ intent: "reject", id: String(jobId), reason })) as Decided;
    expect(rejected.done).toEqual({ intent: "reject", title: `${SCRIPT}装配` });
    expect(fieldErrors(rejected.result)).toEqual({});

    const page = await previewLoader({ request: get(`/employer/postings/${jobId}`, cookies.employer), params: { id: String(jobId) }, context });
    expect(page.posting).toMatchObject({ status: "rejected", rejectionReason: reason, searchable: false });
    expect(inLanguage("zh-CN", `postings.rejectedBecause?reason=${encodeURIComponent(reason)}`)).toContain(reason);
    const list = await listLoader({ request: get("/employer/postings?status=rejected", cookies.employer), params: {}, context });
    expect(list.list.rows.find((r) => r.id === jobId)?.rejectionReason).toBe(reason);

    // Deciding again: a message at the form, not an error page.
    for (const form of [{ intent: "approve", id: String(jobId) }, { intent: "reject", id: String(jobId), reason: "再退一次" }] as Record<string, string>[]) {
      const again = (await decide(form)) as Decided;
      expect(again.result.error?.[""], form.intent).toEqual(["staffPostings.alreadyDecided"]);
      expect(inLanguage("en", "staffPostings.alreadyDecided")).toMatch(/already/);
    }

    // Fixing it sends it back to the queue without the old reason; staff approve it.
    const fixUrl = `/employer/postings/${jobId}/edit`;
    const values = (await editLoader({ request: get(fixUrl, cookies.employer), params: { id: String(jobId) }, context })).posting.values as Form;
    expect(isResponse(await settle(editAction({ request: post(fixUrl, { ...values, intent: "submit", title: "电子线束装配工" }, cookies.employer), params: { id: String(jobId) }, context })))).toBe(true);
    expect(await db.posting.findUniqueOrThrow({ where: { id: jobId } })).toMatchObject({ status: "pending", rejectionReason: null });
    const approved = (await decide({ intent: "approve", id: String(jobId) })) as Decided;
    expect(approved.done).toEqual({ intent: "approve", title: "电子线束装配工" });
    const live = await previewLoader({ request: get(`/employer/postings/${jobId}`, cookies.employer), params: { id: String(jobId) }, context });
    expect(live.posting).toMatchObject({ status: "published", searchable: true, rejectionReason: null });

    // A post whose text fails the check (stored before the check existed) cannot be approved: a message.
    const old = await makePosting(db, { organizationId, regionCode: town, status: "pending", requirements: "限男性", submittedAt: new Date() });
    const refused = (await decide({ intent: "approve", id: String(old.id) })) as Decided;
    expect(refused.result.error?.[""]).toEqual(["staffPostings.contentProblem"]);
    const row = (await queueLoader({ request: get("/staff/postings", cookies.ziyang), params: {}, context })).queue.rows.find((r) => r.view.id === old.id);
    expect(row?.findings).toEqual([{ field: "requirements", category: "sex", phrase: "限男性" }]);
  });
});
