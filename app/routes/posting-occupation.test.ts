import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openSeededDatabase } from "../../tests/setup/test-env.ts";
import { createI18n } from "~/i18n/i18n.server.ts";
import { tKey } from "~/i18n/translate.ts";
import { languageCookie } from "~/i18n/language.server.ts";
import { createSession } from "~/modules/auth/session.server.ts";
import type { Db } from "~/modules/db.server.ts";
import { postingReader } from "~/modules/opportunities/posting-view.server.ts";
import { addDays, chinaDay } from "~/modules/postings/dates.ts";
import { loader as previewLoader } from "./employer.postings.$id._index.tsx";
import { action as editAction, loader as editLoader } from "./employer.postings.$id.edit.tsx";
import { action as newAction, loader as newLoader } from "./employer.postings.new.tsx";
import { loader as queueLoader } from "./staff.postings.tsx";

/**
 * The posting form's occupation (the 2022 classification), required certificates and skills, and
 * "only for these groups", at route level as a browser without JavaScript posts them; and the one
 * view model (public page, employer's preview, staff queue) naming them.
 */

type Form = Record<string, string | string[]>;
type Reply = { status?: string; error?: Record<string, string[] | null>; initialValue?: Record<string, unknown> };
type Answer = { reply: Reply; choices: { credentials: { value: string; label: string }[]; skills: { value: string; label: string }[] } };

const context = { clientAddress: "10.5.0.2" };
const entries = (form: Form): [string, string][] => Object.entries(form).flatMap(([k, v]) => (Array.isArray(v) ? v.map((x): [string, string] => [k, x]) : [[k, v] as [string, string]]));
const get = (url: string, cookie: string) => new Request(`http://localhost${url}`, { headers: { Cookie: cookie } });
const post = (url: string, form: Form, cookie: string) => new Request(`http://localhost${url}`, { method: "POST", body: new URLSearchParams(entries(form)), headers: { Cookie: cookie } });

async function settle(run: Promise<unknown>): Promise<Answer | Response> {
  try {
    return (await run) as Answer;
  } catch (error) {
    if (error instanceof Response) return error;
    throw error;
  }
}
const idFrom = (r: Answer | Response) => {
  if (!(r instanceof Response)) throw new Error(`not saved: ${JSON.stringify(r.reply.error)}`);
  return Number(/\/employer\/postings\/(\d+)/.exec(r.headers.get("Location") ?? "")?.[1]);
};
const zh = createI18n("zh-CN");
const en = createI18n("en");
const text = (i18n: ReturnType<typeof createI18n>, message: string) => {
  const [key = "", query = ""] = message.split("?");
  return tKey(i18n.t, key, Object.fromEntries(new URLSearchParams(query)));
};

describe("posting form: occupation, certificates and skills, only for groups (routes, real SQLite)", () => {
  let db: Db;
  let cleanup: () => Promise<void>;
  let employer = "";
  let english = "";
  let staff = "";
  let county = "";

  const form = (changes: Form = {}): Form => ({
    intent: "submit",
    kind: "job",
    title: "社区岗位 OCC",
    occupation: "",
    description: "负责小区公共区域的日常工作，白班 8:00–17:00，月休 4 天。",
    requirements: "身体健康，能吃苦。",
    education: "any",
    countyCode: county,
    address: "紫阳县城关镇新华路 8 号",
    headcount: "2",
    contractType: "full_time",
    payMin: "2600",
    payMax: "3200",
    payPeriod: "month",
    howToApply: "电话联系，或到物业办公室面试。",
    validUntil: addDays(chinaDay(new Date()), 30),
    ...changes,
  });
  const create = (changes: Form, cookie = employer) => settle(newAction({ request: post("/employer/postings/new", form(changes), cookie), params: {}, context }));
  const row = (id: number) => db.posting.findUniqueOrThrow({ where: { id }, include: { organization: true } });

  beforeAll(async () => {
    ({ db, cleanup } = openSeededDatabase());
    const signIn = async (email: string) => (await createSession((await db.user.findUniqueOrThrow({ where: { email } })).id, new Request("http://localhost/"))).split(";")[0]!;
    employer = await signIn("hr@demo-employer.cn");
    staff = await signIn("ziyang@demo.ankang.gov.cn");
    english = `${employer}; ${(await languageCookie.serialize("en")).split(";")[0]}`;
    const hr = await db.user.findUniqueOrThrow({ where: { email: "hr@demo-employer.cn" }, include: { memberships: { include: { organization: true } } } });
    county = hr.memberships[0]!.organization.regionCode.slice(0, 6);
  });

  afterAll(async () => {
    await cleanup();
  });

  it("the form offers the classification as a datalist in the page's language, and the common certificates", async () => {
    const page = await newLoader({ request: get("/employer/postings/new?kind=job", employer), params: {}, context });
    expect(page.options?.occupations).toContain("修脚师 4-10-03-05");
    expect(page.options?.occupations.length).toBeGreaterThan(600);
    // Short options: the name and the code, nothing more.
    expect(Math.max(...page.options!.occupations.map((o) => o.length))).toBeLessThan(40);
    expect(page.options?.requirements.credentials.map((c) => c.value)).toEqual(expect.arrayContaining(["health_certificate", "driving_c1", "special_low_voltage", "forklift", "skill_elderly_care"]));
    const inEnglish = await newLoader({ request: get("/employer/postings/new?kind=job", english), params: {}, context });
    expect(inEnglish.options?.occupations.find((o) => o.endsWith(" 4-10-03-05"))).toMatch(/^[A-Z][a-z]/);
    expect(inEnglish.options?.occupations.some((o) => /[\u3400-\u9fff]/.test(o))).toBe(false);
    // The schema's limits reach the page as attributes; zod itself does not.
    expect(page.constraint).toMatchObject({ title: { required: true, maxLength: 40 }, occupation: { maxLength: 60 } });
  });

  it("an occupation by name, by code, by the datalist's 'name code', by English name, or from a clear title is stored as its code", async () => {
    const byName = idFrom(await create({ title: "足疗店修脚 OCC1", occupation: "修脚师" }));
    expect(await row(byName)).toMatchObject({ occupationCode: "4-10-03-05", occupation: "修脚师" });
    const byCode = idFrom(await create({ title: "招聘 OCC2", occupation: "4-10-03-05" }));
    expect((await row(byCode)).occupationCode).toBe("4-10-03-05");
    const byOption = idFrom(await create({ title: "招聘 OCC3", occupation: "保洁员 4-09-08-01" }));
    expect((await row(byOption)).occupationCode).toBe("4-09-08-01");
    const pedicureEn = (await newLoader({ request: get("/employer/postings/new?kind=job", english), params: {}, context })).options!.occupations.find((o) => o.endsWith(" 4-10-03-05"))!.split(" 4-10")[0]!;
    const byEnglish = idFrom(await settle(newAction({ request: post("/employer/postings/new", form({ title: "招聘 OCC4", occupation: pedicureEn.toUpperCase() }), english), params: {}, context })));
    expect((await row(byEnglish)).occupationCode).toBe("4-10-03-05");
    // Nothing typed: a title with one clear reading decides.
    const fromTitle = idFrom(await create({ title: "电子线束装配工 OCC5" }));
    expect((await row(fromTitle)).occupationCode).toBe("6-25-04-07");
  });

  it("an ambiguous or unknown occupation, or an unclear title, is answered at the field with candidates, in the user's language, everything typed kept", async () => {
    const before = await db.posting.count();
    const ambiguous = (await create({ title: "装配岗位 OCC6", occupation: "装配工", groups: ["returnee"] })) as Answer;
    expect(ambiguous.reply.status).toBe("error");
    const [message] = ambiguous.reply.error?.occupation ?? [];
    expect(message).toMatch(/^postings\.errors\.occupationPick\?/);
    const shown = text(zh, message!);
    expect(shown).toContain("医疗器械装配工 6-21-06-01");
    expect(shown.split("、").length).toBeLessThanOrEqual(5);
    expect(Object.keys(ambiguous.reply.error ?? {}).filter((k) => ambiguous.reply.error?.[k]?.length)).toEqual(["occupation"]);
    expect(ambiguous.reply.initialValue).toMatchObject({ title: "装配岗位 OCC6", occupation: "装配工", groups: "returnee", payMin: "2600" });

    const inEnglish = (await settle(newAction({ request: post("/employer/postings/new", form({ occupation: "装配工" }), english), params: {}, context }))) as Answer;
    const englishText = text(en, inEnglish.reply.error!.occupation![0]!);
    expect(englishText).toMatch(/^Pick an occupation/);
    expect(englishText).not.toMatch(/[\u3400-\u9fff]/);

    const unknown = (await create({ occupation: "宇航飞行员XYZ" })) as Answer;
    expect(unknown.reply.error?.occupation).toEqual(["postings.errors.occupationUnknown"]);
    expect(unknown.reply.initialValue?.occupation).toBe("宇航飞行员XYZ");
    const wrongCode = (await create({ occupation: "9-99-99-99" })) as Answer;
    expect(wrongCode.reply.error?.occupation).toEqual(["postings.errors.occupationUnknown"]);

    // The title reads as no one occupation (or several): the form asks.
    const unclear = (await create({ title: "社区岗位 OCC7", occupation: "" })) as Answer;
    expect(unclear.reply.error?.occupation?.[0]).toMatch(/^postings\.errors\.occupation(Required|FromTitle)/);
    expect(text(zh, unclear.reply.error!.occupation![0]!)).toMatch(/[\u3400-\u9fff]/);
    // Messages with other fields' messages too, never instead of them.
    const both = (await create({ occupation: "装配工", headcount: "0" })) as Answer;
    expect(Object.keys(both.reply.error ?? {}).filter((k) => both.reply.error?.[k]?.length).sort()).toEqual(["headcount", "occupation"]);
    expect(await db.posting.count()).toBe(before);
  });

  it("certificates and skills: the occupation's own are offered after 'show certificates' (nothing saved), unknown codes are refused, ticked ones are stored as comma lists", async () => {
    const before = await db.posting.count();
    const refreshed = (await create({ intent: "requirements", title: "招聘 OCC8", occupation: "电子设备装接工", headcount: "" })) as Answer;
    expect(refreshed.reply.error?.headcount ?? []).toEqual([]);
    expect(refreshed.reply.initialValue).toMatchObject({ title: "招聘 OCC8", occupation: "电子设备装接工" });
    expect(refreshed.choices.credentials.map((c) => c.value)).toEqual(expect.arrayContaining(["skill_electronics_assembler", "special_harness", "health_certificate"]));
    expect(refreshed.choices.skills.map((c) => c.value)).toEqual(expect.arrayContaining(["wire_crimping", "soldering"]));
    expect(refreshed.choices.credentials[0]?.value).toBe("skill_electronics_assembler");
    expect(await db.posting.count()).toBe(before);
    // An empty occupation box is filled from a clear title, so the employer sees what it reads.
    const fromTitle = (await create({ intent: "requirements", title: "电子线束装配工 OCC9" })) as Answer;
    expect(fromTitle.reply.initialValue?.occupation).toBe("电子设备装接工");

    const badCredential = (await create({ occupation: "修脚师", credentials: ["health_certificate", "no_such_licence"] })) as Answer;
    expect(badCredential.reply.error?.credentials).toEqual(["postings.errors.unknownCredential"]);
    expect(badCredential.reply.initialValue?.credentials).toEqual(["health_certificate", "no_such_licence"]);
    const badSkill = (await create({ occupation: "修脚师", skillCodes: "<script>" })) as Answer;
    expect(badSkill.reply.error?.skillCodes).toEqual(["postings.errors.unknownSkill"]);
    for (const m of ["postings.errors.unknownCredential", "postings.errors.unknownSkill"]) expect(text(en, m)).not.toBe(m.split("?")[0]);
    expect(await db.posting.count()).toBe(before);

    const id = idFrom(await create({ title: "修脚师 OCC10", occupation: "修脚师", credentials: ["health_certificate", "skill_pedicure"], skillCodes: ["pedicure", "foot_bath"] }));
    expect(await row(id)).toMatchObject({ credentials: ",health_certificate,skill_pedicure,", skillCodes: ",pedicure,foot_bath," });
  });

  it("'only for these groups' needs a group; with one it is stored", async () => {
    const refused = (await create({ occupation: "保洁员", groupOnly: "on" })) as Answer;
    expect(refused.reply.error?.groupOnly).toEqual(["postings.errors.groupOnly"]);
    expect(refused.reply.initialValue?.groupOnly).toBe("on");
    expect(text(zh, "postings.errors.groupOnly")).toMatch(/[\u3400-\u9fff]/);
    expect(text(en, "postings.errors.groupOnly")).not.toMatch(/[\u3400-\u9fff]/);
    const id = idFrom(await create({ title: "公益性岗位保洁 OCC11", occupation: "保洁员", groupOnly: "on", groups: ["employment_difficulty"] }));
    expect(await row(id)).toMatchObject({ groupOnly: true, groups: ",employment_difficulty," });
  });

  it("edit starts from the stored occupation's name and ticks; the preview, the staff queue and the public page name them", async () => {
    const id = idFrom(await create({ title: "足疗修脚 OCC12", occupation: "修脚师 4-10-03-05", credentials: ["health_certificate", "skill_pedicure"], skillCodes: ["pedicure"], groupOnly: "on", groups: ["returnee"] }));
    const edit = await editLoader({ request: get(`/employer/postings/${id}/edit`, employer), params: { id: String(id) }, context });
    expect(edit.posting.values).toMatchObject({ occupation: "修脚师", credentials: ["health_certificate", "skill_pedicure"], skillCodes: ["pedicure"], groupOnly: "on" });
    expect(edit.options.requirements.credentials[0]?.value).toBe("skill_pedicure");
    const editEn = await editLoader({ request: get(`/employer/postings/${id}/edit`, english), params: { id: String(id) }, context });
    expect(editEn.posting.values.occupation).not.toMatch(/[\u3400-\u9fff]/);
    // Saved unchanged from the English form: the same code.
    const resaved = await settle(editAction({ request: post(`/employer/postings/${id}/edit`, { ...(editEn.posting.values as Form), intent: "submit" }, english), params: { id: String(id) }, context }));
    expect(idFrom(resaved)).toBe(id);
    expect(await row(id)).toMatchObject({ occupationCode: "4-10-03-05", credentials: ",health_certificate,skill_pedicure,", groupOnly: true });

    const preview = await previewLoader({ request: get(`/employer/postings/${id}`, employer), params: { id: String(id) }, context });
    expect(preview.posting.view).toMatchObject({ occupation: "修脚师", needs: ["健康证明（从业人员健康证）", "职业技能等级证书（修脚师）", "修脚"], terms: { groups: ["returnee"], groupOnly: true } });
    const queue = await queueLoader({ request: get("/staff/postings", staff), params: {}, context });
    const queued = queue.queue.rows.find((r) => r.view.id === id);
    expect(queued?.view).toMatchObject({ occupation: "修脚师", needs: ["健康证明（从业人员健康证）", "职业技能等级证书（修脚师）", "修脚"], terms: { groupOnly: true } });

    await db.posting.update({ where: { id }, data: { status: "published", publishedAt: new Date() } });
    const { item, view } = (await postingReader("en"))(await row(id));
    expect(item).toMatchObject({ occupationCode: "4-10-03-05", credentials: ["health_certificate", "skill_pedicure"], skillCodes: ["pedicure"], groupOnly: true });
    expect(view.occupation).toMatch(/^[A-Za-z]/);
    expect(view.needs.join(" ")).not.toMatch(/[\u3400-\u9fff]/);
    expect(view.needs).toHaveLength(3);
    // Without groups, a stored "only" shows as nothing special.
    await db.posting.update({ where: { id }, data: { groups: "," } });
    expect((await postingReader("zh-CN"))(await row(id)).view.terms?.groupOnly).toBe(false);
  });
});
