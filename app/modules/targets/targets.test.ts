import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openSeededDatabase, seedNow } from "../../../tests/setup/test-env.ts";
import { action, loader } from "~/routes/staff.targets.tsx";
import { createSession } from "~/modules/auth/session.server.ts";
import type { Db } from "~/modules/db.server.ts";
import { cellName } from "./schemas.ts";
import { saveTargets, splitByWeights } from "./targets.server.ts";

type Reply = { status?: string; error?: Record<string, string[] | null> | null; initialValue?: { intent?: string; v?: Record<string, Record<string, string>> } | null };
type Acted = { result: Reply; notice: { kind: string; changed?: number; warnings?: number; mode?: string } | null };
type Sheet = Awaited<ReturnType<typeof loader>>["sheet"];

const context = { clientAddress: "10.4.0.1" };
const CITY = "610900";
const ZIYANG = "610924";
const HANBIN = "610902";
const HAOPING = "610924101";

describe("targets: split a figure among the areas below, with sum checks, permissions and audit (real SQLite, demo data)", () => {
  let db: Db;
  let cleanup: () => Promise<void>;
  const cookies: Record<string, string> = {};
  const users: Record<string, number> = {};
  const year = new Date(seedNow().getTime() + 8 * 3_600_000).getUTCFullYear();
  const plan = `ankang-${year}`;
  const ids: Record<string, number> = {};

  const url = (region: string, y = year, p = plan) => `/staff/targets?region=${region}&year=${y}&plan=${p}`;
  const get = (path: string, cookie: string) => new Request(`http://localhost${path}`, { headers: { Cookie: cookie } });
  const post = (path: string, fields: [string, string][], cookie: string) =>
    new Request(`http://localhost${path}`, { method: "POST", body: new URLSearchParams(fields), headers: { Cookie: cookie } });
  /** The page, or the status of the Response it was refused with. */
  const open = async (path: string, cookie: string): Promise<Sheet | number> => {
    try {
      return (await loader({ request: get(path, cookie), params: {}, context })).sheet;
    } catch (e) {
      if (e instanceof Response) return e.status;
      throw e;
    }
  };
  /** What the action answers; a thrown Response is its status; anything else thrown fails the test (a 500). */
  const submit = async (path: string, fields: [string, string][], cookie: string): Promise<Acted | number> => {
    try {
      return (await action({ request: post(path, fields, cookie), params: {}, context })) as Acted;
    } catch (e) {
      if (e instanceof Response) return e.status;
      throw e;
    }
  };
  const sheetOf = async (path: string, cookie: string) => {
    const sheet = await open(path, cookie);
    if (typeof sheet === "number") throw new Error(`page refused: ${sheet}`);
    return sheet;
  };
  const acted = (answer: Acted | number): Acted => {
    if (typeof answer === "number") throw new Error(`action refused: ${answer}`);
    return answer;
  };
  const target = async (code: string, region: string, y = year) =>
    (await db.target.findFirst({ where: { indicator: { code, plan: { code: y === year ? plan : "ankang-2021-2025" } }, regionCode: region, year: y } }))?.value ?? null;
  const audits = () => db.auditLog.count({ where: { action: "target.set" } });
  const counties = async () => (await db.region.findMany({ where: { parentCode: CITY }, orderBy: { code: "asc" } })).map((r) => r.code);
  const towns = async (county: string) => (await db.region.findMany({ where: { parentCode: county }, orderBy: { code: "asc" } })).map((r) => r.code);

  beforeAll(async () => {
    ({ db, cleanup } = openSeededDatabase());
    for (const key of ["city", "ziyang", "hanbin", "haoping", "admin"]) {
      users[key] = (await db.user.findUniqueOrThrow({ where: { email: `${key}@demo.ankang.gov.cn` } })).id;
      cookies[key] = (await createSession(users[key]!, new Request("http://localhost/"), false)).split(";")[0]!;
    }
    for (const i of await db.indicator.findMany({ where: { plan: { code: plan } } })) ids[i.code] = i.id;
  });
  afterAll(() => cleanup());

  it("splits by weights with the largest remainder: the parts always add up exactly", () => {
    expect(splitByWeights(10, [1, 1, 1])).toEqual([4, 3, 3]);
    expect(splitByWeights(100, [30, 9, 6])).toEqual([67, 20, 13]);
    expect(splitByWeights(0, [1, 2])).toEqual([0, 0]);
    expect(splitByWeights(5, [0, 1, 0])).toEqual([0, 5, 0]);
    let seed = 7;
    const rand = (n: number) => ((seed = (seed * 48_271) % 2_147_483_647) % n);
    for (let k = 0; k < 500; k++) {
      const total = rand(1_000_000);
      const weights = Array.from({ length: 1 + rand(30) }, () => rand(5000));
      if (!weights.some((w) => w > 0)) weights[0] = 1;
      const parts = splitByWeights(total, weights);
      expect(parts.reduce((a, b) => a + b, 0)).toBe(total);
      const sum = weights.reduce((a, b) => a + b, 0);
      parts.forEach((p, i) => expect(Math.abs(p - (total * weights[i]!) / sum)).toBeLessThan(1));
    }
    expect(() => splitByWeights(5, [0, 0])).toThrow();
  });

  it("shows the city's own target and each county's, with their sum and the difference", async () => {
    const sheet = await sheetOf(url(CITY), cookies.city!);
    expect(sheet.region.code).toBe(CITY);
    expect(sheet.children.map((c) => c.code)).toEqual(await counties());
    expect(sheet.canEditOwn).toBe(true);
    expect(sheet.canEditChildren).toBe(true);
    const urban = sheet.indicators.find((i) => i.code === "new_urban_employment")!;
    expect(urban.own).toBe(20000);
    expect(urban.split).toBe(true);
    expect(urban.check).toEqual({ sum: 20000, missing: 0, diff: 0 });
    // A rate is shown, each county with its own bound, and no sum is checked.
    const rate = sheet.indicators.find((i) => i.code === "registered_unemployment_rate")!;
    expect(rate.split).toBe(false);
    expect(rate.check).toBeNull();
    expect(rate.children.every((v) => v === 400)).toBe(true);
    expect(sheet.indicators.find((i) => i.code === "zero_employment_families")!.check).toBeNull();
  });

  it("fills the counties evenly or by last year's shares, summing exactly to the city's figure, without saving", async () => {
    const before = await audits();
    const codes = await counties();
    const even = acted(await submit(url(CITY), [["intent", `even:${ids.new_urban_employment}`]], cookies.city!));
    expect(even.notice).toEqual({ kind: "filled", mode: "even", indicatorId: ids.new_urban_employment });
    const evenParts = codes.map((c) => Number(even.result.initialValue!.v![String(ids.new_urban_employment)]![c]));
    expect(evenParts.reduce((a, b) => a + b, 0)).toBe(20000);
    expect(Math.max(...evenParts) - Math.min(...evenParts)).toBeLessThanOrEqual(1);

    // The figure as typed (not yet saved) is what gets split.
    const typed = acted(await submit(url(CITY), [["intent", `share:${ids.returnee_talent}`], [cellName(ids.returnee_talent!, CITY), "777"]], cookies.city!));
    const shareParts = codes.map((c) => Number(typed.result.initialValue!.v![String(ids.returnee_talent)]![c]));
    expect(shareParts.reduce((a, b) => a + b, 0)).toBe(777);
    const last = await Promise.all(codes.map((c) => target("returnee_talent", c, year - 1)));
    const lastSum = last.reduce<number>((a, b) => a + (b ?? 0), 0);
    expect(lastSum).toBeGreaterThan(0);
    shareParts.forEach((p, i) => expect(Math.abs(p - (777 * last[i]!) / lastSum)).toBeLessThan(1));
    expect(typed.result.initialValue!.v![String(ids.returnee_talent)]![CITY]).toBe("777");

    // Nothing was written.
    expect(await target("returnee_talent", CITY)).toBe(600);
    expect(await audits()).toBe(before);
  });

  it("a rate is not split, and a year with no targets last year has no share to split by", async () => {
    const rate = acted(await submit(url(CITY), [["intent", `even:${ids.registered_unemployment_rate}`]], cookies.city!));
    expect(rate.result.error?.[`v.${ids.registered_unemployment_rate}`]).toEqual(["targets.errors.notSplit"]);
    const first = await db.indicator.findFirstOrThrow({ where: { code: "new_urban_employment", plan: { code: "ankang-2021-2025" } } });
    const sheet = await sheetOf(url(CITY, 2021, "ankang-2021-2025"), cookies.city!);
    expect(sheet.indicators.find((i) => i.id === first.id)!.hasLastYear).toBe(false);
    const answer = acted(await submit(url(CITY, 2021, "ankang-2021-2025"), [["intent", `share:${first.id}`]], cookies.city!));
    expect(answer.result.error?.[`v.${first.id}`]).toEqual(["targets.errors.noLastYear"]);
  });

  it("saving writes each changed target with an audit record (before and after) in one go", async () => {
    const codes = await counties();
    const id = ids.new_urban_employment!;
    const old = await Promise.all(codes.map((c) => target("new_urban_employment", c)));
    const parts = splitByWeights(20000, codes.map((_, i) => i + 1));
    const before = await audits();
    const answer = acted(await submit(url(CITY), [["intent", `save:${id}`], ...codes.map((c, i): [string, string] => [cellName(id, c), String(parts[i])])], cookies.city!));
    expect(answer.notice).toMatchObject({ kind: "saved", warnings: 0 });
    const changed = parts.filter((p, i) => p !== old[i]).length;
    expect(answer.notice!.changed).toBe(changed);
    for (const [i, c] of codes.entries()) expect(await target("new_urban_employment", c)).toBe(parts[i]);

    const records = await db.auditLog.findMany({ where: { action: "target.set" }, orderBy: { id: "asc" }, skip: before });
    expect(records).toHaveLength(changed);
    for (const record of records) {
      expect(record.actorId).toBe(users.city);
      expect(record.entityType).toBe("target");
      const i = codes.indexOf(record.regionCode!);
      const b = JSON.parse(record.before!) as { value: number; indicator: string; year: number };
      const a = JSON.parse(record.after!) as { value: number; name: string };
      expect(b).toMatchObject({ value: old[i], indicator: "new_urban_employment", year });
      expect(a.value).toBe(parts[i]);
      expect(a.name).toContain("城镇新增就业");
      expect(Number(record.entityId)).toBe((await db.target.findFirstOrThrow({ where: { indicatorId: id, regionCode: record.regionCode!, year } })).id);
    }
    // Saving the same figures again changes nothing and records nothing.
    const again = acted(await submit(url(CITY), [["intent", `save:${id}`], ...codes.map((c, i): [string, string] => [cellName(id, c), String(parts[i])])], cookies.city!));
    expect(again.notice).toMatchObject({ kind: "saved", changed: 0 });
    expect(await audits()).toBe(before + changed);
  });

  it("parts that do not add up are saved with a warning naming the difference, and the page keeps showing it", async () => {
    const id = ids.rural_transfer_local!;
    const townCodes = await towns(ZIYANG);
    const own = (await target("rural_transfer_local", ZIYANG))!;
    const parts = splitByWeights(own - 37, townCodes.map(() => 1));
    const answer = acted(await submit(url(ZIYANG), [["intent", `save:${id}`], ...townCodes.map((c, i): [string, string] => [cellName(id, c), String(parts[i])])], cookies.ziyang!));
    expect(answer.notice).toMatchObject({ kind: "saved", warnings: 1 });
    for (const [i, c] of townCodes.entries()) expect(await target("rural_transfer_local", c)).toBe(parts[i]);
    const row = (await sheetOf(url(ZIYANG), cookies.ziyang!)).indicators.find((i) => i.id === id)!;
    expect(row.check).toEqual({ sum: own - 37, missing: 0, diff: 37 });

    // Over the figure: a negative difference, straight from the module.
    const over = await saveTargets({ id: users.ziyang!, role: "staff", staffRegionCode: ZIYANG }, { region: ZIYANG, year, plan }, {
      indicatorId: id,
      values: new Map([[cellName(id, townCodes[0]!), parts[0]! + 50]]),
    });
    expect(over).toEqual({ ok: true, changed: 1, warnings: [{ indicatorId: id, code: "rural_transfer_local", own, sum: own + 13, diff: -13 }] });
    // An empty box clears that town's target: then it is missing, and counted as 0.
    const cleared = acted(await submit(url(ZIYANG), [["intent", `save:${id}`], [cellName(id, townCodes[0]!), ""]], cookies.ziyang!));
    expect(cleared.notice).toMatchObject({ changed: 1, warnings: 1 });
    expect(await target("rural_transfer_local", townCodes[0]!)).toBeNull();
    const log = await db.auditLog.findFirstOrThrow({ where: { action: "target.set", regionCode: townCodes[0]! }, orderBy: { id: "desc" } });
    expect(JSON.parse(log.after!)).toMatchObject({ value: null });
    expect(JSON.parse(log.before!)).toMatchObject({ value: parts[0]! + 50 });
    const page = await sheetOf(url(ZIYANG), cookies.ziyang!);
    expect(page.indicators.find((i) => i.id === id)!.check).toEqual({ sum: own - 37 - parts[0]!, missing: 1, diff: 37 + parts[0]! });

    // The city changed 紫阳县's new-urban figure in the test above: the county's towns no longer add up to it.
    const urban = page.indicators.find((i) => i.code === "new_urban_employment")!;
    const townSum = (await Promise.all(townCodes.map((c) => target("new_urban_employment", c)))).reduce<number>((a, b) => a + (b ?? 0), 0);
    expect(urban.own).toBe(await target("new_urban_employment", ZIYANG));
    expect(urban.check).toEqual({ sum: townSum, missing: 0, diff: urban.own! - townSum });
    expect(urban.check!.diff).not.toBe(0);
  });

  it("county staff split their county among its towns, but not their county's own figure nor another county", async () => {
    const id = ids.returnee_workers!;
    const sheet = await sheetOf(url(ZIYANG), cookies.ziyang!);
    expect(sheet.canEditOwn).toBe(false);
    expect(sheet.canEditChildren).toBe(true);
    const own = await target("returnee_workers", ZIYANG);
    const town = await target("returnee_workers", HAOPING);
    const before = await audits();
    // Their own county's figure, alone or slipped in with their towns: refused, nothing written.
    expect(await submit(url(ZIYANG), [["intent", "save"], [cellName(id, ZIYANG), "1"]], cookies.ziyang!)).toBe(403);
    expect(await submit(url(ZIYANG), [["intent", `save:${id}`], [cellName(id, HAOPING), "5"], [cellName(id, ZIYANG), "5"]], cookies.ziyang!)).toBe(403);
    expect(await target("returnee_workers", ZIYANG)).toBe(own);
    expect(await target("returnee_workers", HAOPING)).toBe(town);
    // Another county, and a town of another county: they do not exist for this account.
    for (const region of [HANBIN, `${HANBIN}001`, CITY]) {
      expect(await open(url(region), cookies.ziyang!)).toBe(404);
      expect(await submit(url(region), [["intent", "save"], [cellName(id, region), "1"]], cookies.ziyang!)).toBe(404);
      expect(await submit(url(region), [["intent", `even:${id}`]], cookies.ziyang!)).toBe(404);
    }
    expect(await audits()).toBe(before);
    // Their own towns they can set.
    const ok = acted(await submit(url(ZIYANG), [["intent", `save:${id}`], [cellName(id, HAOPING), String((town ?? 0) + 5)]], cookies.ziyang!));
    expect(ok.notice).toMatchObject({ kind: "saved", changed: 1 });
    expect(await target("returnee_workers", HAOPING)).toBe((town ?? 0) + 5);
    // City staff set the city's own figure and a county's; an administrator anything.
    acted(await submit(url(CITY), [["intent", `save:${id}`], [cellName(id, CITY), "6100"], [cellName(id, ZIYANG), String(own)]], cookies.city!));
    expect(await target("returnee_workers", CITY)).toBe(6100);
    acted(await submit(url(ZIYANG), [["intent", `save:${id}`], [cellName(id, ZIYANG), "480"]], cookies.admin!));
    expect(await target("returnee_workers", ZIYANG)).toBe(480);
  });

  it("town staff read their town's targets and change none", async () => {
    const sheet = await sheetOf(url(HAOPING), cookies.haoping!);
    expect(sheet.region.code).toBe(HAOPING);
    expect(sheet.children).toEqual([]);
    expect(sheet.canEditOwn).toBe(false);
    expect(sheet.canEditChildren).toBe(false);
    expect((await sheetOf("/staff/targets", cookies.haoping!)).region.code).toBe(HAOPING);
    const id = ids.new_urban_employment!;
    const own = await target("new_urban_employment", HAOPING);
    const before = await audits();
    expect(await submit(url(HAOPING), [["intent", "save"], [cellName(id, HAOPING), "1"]], cookies.haoping!)).toBe(403);
    expect(await submit(url(HAOPING), [["intent", `even:${id}`]], cookies.haoping!)).toBe(404);
    expect(await submit(url(ZIYANG), [["intent", "save"], [cellName(id, HAOPING), "1"]], cookies.haoping!)).toBe(404);
    expect(await open(url(ZIYANG), cookies.haoping!)).toBe(404);
    expect(await target("new_urban_employment", HAOPING)).toBe(own);
    expect(await audits()).toBe(before);
  });

  it("bad values get a message at their field, keep what was typed, save nothing, and never fail", async () => {
    const count = ids.internship_posts!;
    const rate = ids.registered_unemployment_rate!;
    const [first, second] = await counties();
    const cases: [number, string, string][] = [
      [count, "-5", "targets.errors.negative"],
      [count, "abc", "targets.errors.notNumber"],
      [count, "12a", "targets.errors.notNumber"],
      [count, "1e5", "targets.errors.notNumber"],
      [count, "99999999999999999999999", "targets.errors.tooLarge"],
      [count, "100000001", "targets.errors.tooLarge"],
      [count, "12.5", "targets.errors.wholeNumber"],
      [count, "0.5", "targets.errors.wholeNumber"],
      [count, "<script>", "targets.errors.notNumber"],
      [rate, "abc", "targets.errors.notPercent"],
      [rate, "-1", "targets.errors.negative"],
      [rate, "4.555", "targets.errors.percentDecimals"],
      [rate, "101", "targets.errors.percentRange"],
    ];
    const before = await audits();
    const stored = await target("internship_posts", second!);
    for (const [id, typed, message] of cases) {
      const answer = await submit(url(CITY), [["intent", "save"], [cellName(id, first!), typed], [cellName(count, second!), "321"]], cookies.city!);
      const reply = acted(answer).result;
      expect(reply.error?.[cellName(id, first!)], typed).toEqual([message]);
      expect(reply.initialValue?.v?.[String(id)]?.[first!]).toBe(typed);
      expect(reply.initialValue?.v?.[String(count)]?.[second!]).toBe("321");
    }
    expect(await audits()).toBe(before);
    expect(await target("internship_posts", second!)).toBe(stored);
    // A missing or unknown button is a form error, not a 500; an indicator not on the page is not found.
    expect(acted(await submit(url(CITY), [], cookies.city!)).result.error?.intent).toEqual(["forms.invalid"]);
    expect(acted(await submit(url(CITY), [["intent", "drop"]], cookies.city!)).result.error?.intent).toEqual(["forms.invalid"]);
    expect(await submit(url(CITY), [["intent", "save:999999"]], cookies.city!)).toBe(404);
    // One indicator's button checks only that indicator's boxes: a slip in another does not hold it up.
    const one = acted(await submit(url(CITY), [["intent", `save:${count}`], [cellName(count, second!), "321"], [cellName(rate, first!), "abc"]], cookies.city!));
    expect(one.notice).toMatchObject({ kind: "saved", changed: 1 });
    expect(await target("internship_posts", second!)).toBe(321);
    expect(await target("registered_unemployment_rate", first!)).toBe(400);
    // Good values in any common spelling are understood: rates as percentages, counts with separators.
    const fine = acted(await submit(url(CITY), [["intent", "save"], [cellName(rate, first!), "4.5"], [cellName(rate, second!), "３．２５％"], [cellName(count, first!), "1,234"]], cookies.city!));
    expect(fine.notice).toMatchObject({ kind: "saved", changed: 3 });
    expect(fine.notice!.warnings).toBeGreaterThan(0);
    expect(await target("registered_unemployment_rate", first!)).toBe(450);
    expect(await target("registered_unemployment_rate", second!)).toBe(325);
    expect(await target("internship_posts", first!)).toBe(1234);
    const posts = (await sheetOf(url(CITY), cookies.city!)).indicators.find((i) => i.id === count)!;
    const sum = (await Promise.all((await counties()).map((c) => target("internship_posts", c)))).reduce<number>((a, b) => a + (b ?? 0), 0);
    expect(posts.check).toEqual({ sum, missing: 0, diff: 2000 - sum });
    expect(posts.check!.diff).not.toBe(0);
  });
});
