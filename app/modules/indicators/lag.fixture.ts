/**
 * For the lag warning tests: the demo's own counts this year, with targets set so that, at `now`,
 * 紫阳县 is 25 points behind pace on two indicators and its town 蒿坪镇 on one, 汉滨区 only about
 * 5 points behind (within the 10), the city on pace, and rates and register counts far off but
 * not paced. Every other target of the year goes, so nothing else lags.
 */
import type { Db } from "../db.server.ts";
import { planYear } from "./lag.server.ts";
import { elapsedShare, regionDashboard } from "./progress.server.ts";

export const ZIYANG = "610924";
export const HAOPING = "610924101";
export const HANBIN = "610902";
export const CITY = "610900";

/** 09:00 China time on 1 October of the demo's year: three quarters of it gone by. */
export function octoberFirst(seededAt: Date): Date {
  return new Date(Date.UTC(planYear(seededAt), 9, 1, 1));
}

const ADMIN = { id: 0, role: "admin" as const, staffRegionCode: null };

async function demoPlan(db: Db, now: Date) {
  const year = planYear(now);
  const plan = await db.plan.findUniqueOrThrow({ where: { code: `ankang-${year}` }, include: { indicators: true } });
  const byCode = (code: string) => plan.indicators.find((i) => i.code === code)!;
  // What the dashboard says is done: the figure the warnings must agree with.
  const done = async (region: string, indicatorId: number) =>
    (await regionDashboard(ADMIN, { region, year, plan: plan.code }, now))!.indicators.find((i) => i.id === indicatorId)!.done!;
  return { year, plan, byCode, urban: byCode("new_urban_employment"), rural: byCode("rural_transfer_local"), done };
}

export async function setLagTargets(db: Db, now: Date) {
  const { year, plan, byCode, urban, rural, done } = await demoPlan(db, now);
  const elapsed = elapsedShare(year, now);
  // A target that puts `value` done at `points` behind the pace.
  const behindBy = (value: number, points: number) => Math.max(1, Math.ceil(value / (elapsed - points / 100)));

  await db.target.deleteMany({ where: { year, indicator: { planId: plan.id } } });
  const rows = [
    { indicatorId: urban.id, regionCode: ZIYANG, value: behindBy(await done(ZIYANG, urban.id), 25) },
    { indicatorId: rural.id, regionCode: ZIYANG, value: behindBy(await done(ZIYANG, rural.id), 25) },
    { indicatorId: urban.id, regionCode: HAOPING, value: behindBy(await done(HAOPING, urban.id), 25) },
    { indicatorId: urban.id, regionCode: HANBIN, value: behindBy(await done(HANBIN, urban.id), 5) },
    { indicatorId: urban.id, regionCode: CITY, value: Math.max(1, await done(CITY, urban.id)) },
    // Far off, but not about pace: a rate over its cap, and communities recognised once a year.
    { indicatorId: byCode("registered_unemployment_rate").id, regionCode: ZIYANG, value: 1 },
    { indicatorId: byCode("full_employment_communities").id, regionCode: HANBIN, value: 10_000 },
  ];
  await db.target.createMany({ data: rows.map((r) => ({ ...r, year })) });
  return { year, urban, rural };
}

/** 紫阳县 catches up: its targets become what it has done. */
export async function ziyangCatchesUp(db: Db, now: Date) {
  const { year, urban, rural, done } = await demoPlan(db, now);
  for (const indicator of [urban, rural]) {
    const value = Math.max(1, await done(ZIYANG, indicator.id));
    await db.target.update({ where: { indicatorId_regionCode_year: { indicatorId: indicator.id, regionCode: ZIYANG, year } }, data: { value } });
  }
}
