import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openSeededDatabase, seedNow } from "../../../tests/setup/test-env.ts";
import type { Db } from "../db.server.ts";
import { decrypt } from "../security/secrets.server.ts";
import { CITY, HANBIN, HAOPING, octoberFirst, setLagTargets, ZIYANG, ziyangCatchesUp } from "./lag.fixture.ts";
import { laggingAreas } from "./lag.server.ts";
import { passDue, runLagWarnings } from "./lag-warnings.server.ts";

const DAY = 86_400_000;

describe("lag warnings reach an area's staff, at most once a week (real SQLite, demo data, controlled clock)", () => {
  let db: Db;
  let cleanup: () => Promise<void>;
  const now = octoberFirst(seedNow());
  const staff: Record<string, number> = {};
  let noEmailStaff: number;

  const noticesOf = (userId: number) => db.notification.findMany({ where: { userId, type: "lagWarning" }, orderBy: { id: "asc" } });
  const mailsTo = (userId: number) => db.messageOutbox.findMany({ where: { userId, purpose: "lag_warning" }, orderBy: { id: "asc" } });
  const allMails = () => db.messageOutbox.count({ where: { purpose: "lag_warning" } });

  beforeAll(async () => {
    ({ db, cleanup } = openSeededDatabase());
    await setLagTargets(db, now);
    for (const [key, region] of Object.entries({ ziyang: ZIYANG, town: HAOPING, hanbin: HANBIN, city: CITY })) {
      staff[key] = (await db.user.findFirstOrThrow({ where: { role: "staff", staffRegionCode: region, email: { not: null } } })).id;
    }
    // A second 紫阳县 account with a phone only: the notice, but no email.
    noEmailStaff = (await db.user.create({ data: { role: "staff", staffRegionCode: ZIYANG, displayName: "紫阳县就业局 无邮箱干事", passwordHash: "x" } })).id;
  });
  afterAll(() => cleanup());

  it("finds the areas more than 10 points behind on paced counts only: not within 10, not rates, not register counts", async () => {
    const { rows } = await laggingAreas(null, now);
    expect(rows.map((r) => `${r.regionCode} ${r.code}`)).toEqual([`${ZIYANG} new_urban_employment`, `${ZIYANG} rural_transfer_local`, `${HAOPING} new_urban_employment`]);
    for (const r of rows) {
      expect(r.behind).toBeGreaterThan(10);
      expect(r.pctTime).toBeCloseTo(75.1, 1);
      expect(r.pctDone).toBeCloseTo(r.pctTime - r.behind, 0);
    }
  });

  it("the first pass gives each lagging area's staff one notice and one email listing all its lagging indicators, in Chinese; an area within 10 points, and the city, get nothing", async () => {
    const run = await runLagWarnings(now);
    expect(run).toEqual({ lagging: 2, warned: 2, notices: 3, emails: 2 });

    const [ziyangNotice, ...moreZiyang] = await noticesOf(staff.ziyang!);
    expect(moreZiyang).toEqual([]);
    expect(ziyangNotice!.link).toBe("/staff/indicators/lagging");
    expect(JSON.parse(ziyangNotice!.params)).toMatchObject({ area: "紫阳县", count: 2, points: 10 });
    const [mail, ...moreMail] = await mailsTo(staff.ziyang!);
    expect(moreMail).toEqual([]);
    expect(mail!.channel).toBe("email");
    expect(decrypt(mail!.toEnc)).toBe("ziyang@demo.ankang.gov.cn");
    expect(mail!.subject).toBe("进度预警：紫阳县有 2 项指标明显滞后");
    expect(mail!.text).toMatch(/^· 城镇新增就业：目标 [\d,]+，已完成 [\d,]+，完成率 [\d.]+%，落后 2[45](\.\d)? 个百分点$/m);
    expect(mail!.text).toMatch(/^· 引导农民就地就近转移就业：目标 [\d,]+，已完成 [\d,]+，完成率 [\d.]+%，落后 2[45](\.\d)? 个百分点$/m);
    expect(mail!.text).toContain("/staff/indicators/lagging");

    // The account without an address: the notice only.
    expect(await noticesOf(noEmailStaff)).toHaveLength(1);
    expect(await mailsTo(noEmailStaff)).toHaveLength(0);

    // The county's staff hear of the county; the town's staff of the town.
    const [townNotice] = await noticesOf(staff.town!);
    expect(JSON.parse(townNotice!.params)).toMatchObject({ area: "蒿坪镇", count: 1 });
    expect((await mailsTo(staff.town!)).map((m) => m.subject)).toEqual(["进度预警：蒿坪镇有 1 项指标明显滞后"]);

    for (const quiet of [staff.hanbin!, staff.city!]) {
      expect(await noticesOf(quiet)).toHaveLength(0);
      expect(await mailsTo(quiet)).toHaveLength(0);
    }
    expect(await allMails()).toBe(2);
    expect(await db.lagWarning.count()).toBe(2);
  });

  it("a second pass the same day, the next day or six days on sends nothing (the record, not memory, holds the limit)", async () => {
    for (const later of [now.getTime() + 60_000, now.getTime() + DAY, now.getTime() + 6 * DAY]) {
      expect(await runLagWarnings(new Date(later))).toMatchObject({ lagging: 2, warned: 0, notices: 0, emails: 0 });
    }
    expect(await noticesOf(staff.ziyang!)).toHaveLength(1);
    expect(await allMails()).toBe(2);
  });

  it("seven days on, still lagging: one more digest each", async () => {
    const week = new Date(now.getTime() + 7 * DAY);
    expect(await runLagWarnings(week)).toMatchObject({ warned: 2, emails: 2 });
    expect(await noticesOf(staff.ziyang!)).toHaveLength(2);
    expect(await mailsTo(staff.town!)).toHaveLength(2);
    expect(await allMails()).toBe(4);
  });

  it("an area that has caught up gets nothing more; one still behind does", async () => {
    const twoWeeks = new Date(now.getTime() + 14 * DAY);
    await ziyangCatchesUp(db, twoWeeks);
    expect(await runLagWarnings(twoWeeks)).toMatchObject({ lagging: 1, warned: 1, emails: 1 });
    expect(await noticesOf(staff.ziyang!)).toHaveLength(2);
    expect(await mailsTo(staff.town!)).toHaveLength(3);
  });

  it("the runner passes once a China day, from 8:00", () => {
    const at = (iso: string) => new Date(iso);
    expect(passDue(at("2026-10-01T23:30:00Z"), null)).toBe(false); // 07:30 on 2 October, China time
    expect(passDue(at("2026-10-02T00:00:00Z"), null)).toBe(true);
    expect(passDue(at("2026-10-02T09:00:00Z"), "2026-10-02")).toBe(false);
    expect(passDue(at("2026-10-03T01:00:00Z"), "2026-10-02")).toBe(true);
  });
});
