import fs from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { copySeededDatabase } from "../../tests/setup/test-env.ts";
import { createSession } from "~/modules/auth/session.server.ts";
import { createDb, setDb, type Db } from "~/modules/db.server.ts";
import { regionPickerOptions } from "~/modules/regions/picker.server.ts";
import { forgetReferenceData } from "~/modules/regions/regions.server.ts";
import { lookupHash } from "~/modules/security/secrets.server.ts";
import { matches, normalizeQuery } from "~/components/region-options.ts";
import { addDays, chinaDay } from "~/modules/postings/dates.ts";
import { createPosting, updatePosting } from "~/modules/postings/postings.server.ts";
import { fullPostingSchema } from "~/modules/postings/schemas.ts";
import { action as profileAction, loader as profileLoader } from "./me.profile.tsx";

type Reply = { status?: string; error?: Record<string, string[] | null>; initialValue?: Record<string, unknown> };
type Entries = [string, string][];

const context = { clientAddress: "10.3.0.9" };
const req = (url: string, cookie: string, body?: Entries) =>
  new Request(`http://localhost${url}`, { method: body ? "POST" : "GET", body: body ? new URLSearchParams(body) : undefined, headers: { Cookie: cookie } });

/** The profile form as sent without JavaScript, with the two places given. */
const form = (place: { hometownCounty?: string; hometownTown?: string; currentCounty?: string; currentTown?: string }): Entries => [
  ["name", "王小明"], ["phone", ""], ["idNumber", ""], ["education", "any"], ["school", ""], ["major", ""], ["graduationYear", ""], ["skills", ""],
  ["workHistory[0].employer", ""], ["workHistory[0].title", ""], ["workHistory[0].from", ""], ["workHistory[0].to", ""],
  ["hometownCounty", place.hometownCounty ?? ""], ["hometownTown", place.hometownTown ?? ""],
  ["currentCounty", place.currentCounty ?? ""], ["currentTown", place.currentTown ?? ""],
  ["returneeKind", ""], ["wishPayMin", ""], ["wishStartDate", ""],
];

describe("region pickers: the loaded list, town inside county, retired codes (real SQLite copy of the demo)", () => {
  let db: Db;
  let dir: string;
  let phone = 13500000000;
  // Codes come from the seeded database: the demo's town codes are not fixed here.
  let countyA: string;
  let countyB: string;
  let townOfA: { code: string; name: string };
  let townOfB: { code: string; name: string };

  const signIn = async () => {
    const user = await db.user.create({ data: { role: "seeker", displayName: "王小明", passwordHash: "x", phoneHash: lookupHash("phone", String(++phone)) } });
    return { id: user.id, cookie: (await createSession(user.id, new Request("http://localhost/"))).split(";")[0]! };
  };

  beforeAll(async () => {
    const copy = copySeededDatabase();
    dir = copy.dir;
    db = createDb(copy.url);
    setDb(db);
    forgetReferenceData();
    // Two counties of the site's own city (SITE_REGION, 安康 by default), which the public forms offer.
    const counties = await db.region.findMany({ where: { level: "county", parentCode: "610900", retiredAt: null, children: { some: { level: "town" } } }, orderBy: { code: "asc" }, take: 2 });
    [countyA, countyB] = [counties[0]!.code, counties[1]!.code];
    townOfA = (await db.region.findFirstOrThrow({ where: { level: "town", parentCode: countyA, retiredAt: null }, orderBy: { code: "asc" } }));
    townOfB = (await db.region.findFirstOrThrow({ where: { level: "town", parentCode: countyB, retiredAt: null }, orderBy: { code: "asc" } }));
  });
  afterAll(async () => {
    forgetReferenceData();
    await db.$disconnect();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it("refuses a town outside the chosen county with a message at the town field, keeping what was typed", async () => {
    const seeker = await signIn();
    const sent = form({ hometownCounty: countyA, hometownTown: townOfB.code });
    const reply = (await profileAction({ request: req("/me/profile", seeker.cookie, sent), params: {}, context })) as Reply;
    expect(reply.status).toBe("error");
    expect(reply.error?.hometownTown).toContain("seekers.errors.townNotInCounty");
    expect(reply.initialValue).toMatchObject({ hometownCounty: countyA, hometownTown: townOfB.code, name: "王小明" });
    expect(await db.seekerProfile.findUnique({ where: { userId: seeker.id } })).toBeNull();
  });

  it("saves a town sent without its county (the no-JavaScript list) and shows both again", async () => {
    const seeker = await signIn();
    const res = (await profileAction({ request: req("/me/profile", seeker.cookie, form({ currentTown: townOfB.code })), params: {}, context })) as Response;
    expect(res.status).toBe(302);
    expect((await db.seekerProfile.findUniqueOrThrow({ where: { userId: seeker.id } })).currentRegionCode).toBe(townOfB.code);
    const page = await profileLoader({ request: req("/me/profile", seeker.cookie), params: {}, context });
    expect(page.defaultValue).toMatchObject({ currentCounty: countyB, currentTown: townOfB.code });
  });

  it("hides a retired town from new choices but keeps it, named, for the record that holds it", async () => {
    const holder = await signIn();
    expect(((await profileAction({ request: req("/me/profile", holder.cookie, form({ hometownCounty: countyA, hometownTown: townOfA.code })), params: {}, context })) as Response).status).toBe(302);
    await db.region.update({ where: { code: townOfA.code }, data: { retiredAt: new Date() } });
    forgetReferenceData();
    try {
      // The holder's form still shows it (with its name, marked), and saving it unchanged works.
      const page = await profileLoader({ request: req("/me/profile", holder.cookie), params: {}, context });
      const kept = page.regions.counties.find((c) => c.code === countyA)?.towns.find((t) => t.code === townOfA.code);
      expect(kept).toMatchObject({ name: townOfA.name, retired: true });
      const again = (await profileAction({ request: req("/me/profile", holder.cookie, form({ hometownCounty: countyA, hometownTown: townOfA.code })), params: {}, context })) as Response;
      expect(again.status).toBe(302);
      expect((await db.seekerProfile.findUniqueOrThrow({ where: { userId: holder.id } })).hometownCode).toBe(townOfA.code);

      // Anyone else: not offered, and refused when sent anyway.
      const other = await signIn();
      const theirs = await profileLoader({ request: req("/me/profile", other.cookie), params: {}, context });
      expect(theirs.regions.counties.find((c) => c.code === countyA)?.towns.map((t) => t.code)).not.toContain(townOfA.code);
      const reply = (await profileAction({ request: req("/me/profile", other.cookie, form({ hometownCounty: countyA, hometownTown: townOfA.code })), params: {}, context })) as Reply;
      expect(reply.status).toBe("error");
      expect(reply.error?.hometownTown).toContain("regionPicker.errors.retired");
      expect(reply.initialValue).toMatchObject({ hometownTown: townOfA.code });
    } finally {
      await db.region.update({ where: { code: townOfA.code }, data: { retiredAt: null } });
      forgetReferenceData();
    }
  });

  it("a post keeps its retired town when edited unchanged; a new post cannot take it", async () => {
    const employer = await db.user.findUniqueOrThrow({ where: { email: "hr@demo-employer.cn" } });
    const job = fullPostingSchema.parse({
      kind: "job", title: "区划测试岗位", description: "负责仓库收发货和盘点，白班，月休四天。", requirements: "初中以上文化。",
      countyCode: countyA, townCode: townOfA.code, address: "工业园 1 号", headcount: 1, payMin: 3000, payMax: 4000, payPeriod: "month",
      contractType: "full_time", education: "any", howToApply: "电话联系。", contactPhone: "0915-4312345", validUntil: addDays(chinaDay(new Date()), 20),
    });
    const created = await createPosting(employer.id, { ...job, intent: "draft" });
    if (!created.ok) throw new Error(JSON.stringify(created.errors));
    await db.region.update({ where: { code: townOfA.code }, data: { retiredAt: new Date() } });
    forgetReferenceData();
    try {
      expect(await updatePosting(employer.id, created.id, { ...job, intent: "draft" })).toMatchObject({ ok: true });
      expect(await createPosting(employer.id, { ...job, intent: "draft" })).toEqual({ ok: false, errors: { townCode: "regionPicker.errors.retired" } });
      expect(await updatePosting(employer.id, created.id, { ...job, townCode: townOfB.code, intent: "draft" })).toEqual({ ok: false, errors: { townCode: "postings.errors.townNotInCounty" } });
    } finally {
      await db.region.update({ where: { code: townOfA.code }, data: { retiredAt: null } });
      forgetReferenceData();
    }
  });

  it("offers names in the page's language with search keys made on the server (Chinese, pinyin, initials)", async () => {
    const zh = await regionPickerOptions({ lang: "zh-CN" });
    const en = await regionPickerOptions({ lang: "en" });
    const town = zh.counties.find((c) => c.code === countyA)!.towns.find((t) => t.code === townOfA.code)!;
    expect(town.name).toBe(townOfA.name);
    const row = await db.region.findUniqueOrThrow({ where: { code: townOfA.code } });
    expect(en.counties.find((c) => c.code === countyA)!.towns.find((t) => t.code === townOfA.code)!.name).toBe(row.nameEn ?? row.name);
    expect(matches(town, normalizeQuery(townOfA.name.slice(0, 2)))).toBe(true);
    // 安康 towns all have Chinese names: their keys carry pinyin letters and initials beside them.
    expect(town.key.split(" ").some((part) => /^[a-z]{4,}$/.test(part))).toBe(true);
    expect(matches(town, "zzzzqqq")).toBe(false);
  });

  it("offers a staff member's scope only: a county's staff their county, a town's staff their town", async () => {
    const county = await regionPickerOptions({ lang: "zh-CN", scope: countyA });
    expect(county.counties.map((c) => c.code)).toEqual([countyA]);
    const town = await regionPickerOptions({ lang: "zh-CN", scope: townOfA.code });
    expect(town.counties).toMatchObject([{ code: countyA, selectable: false, towns: [{ code: townOfA.code }] }]);
  });
});
