import { getDb } from "../db.server.ts";
import { likeText } from "../like.ts";
import { chinaDay } from "../postings/dates.ts";
import { getRegions } from "../regions/regions.server.ts";
import { staffScope, type StaffActor } from "../staff/scope.ts";
import { doneByRegion } from "./done.server.ts";
import { elapsedShare, plansCovering, plansOfRegion, pointsBehind, progressStatus, warnsOnPace } from "./progress.server.ts";

const round1 = (n: number) => Math.round(n * 10) / 10;

/** One area lagging on one indicator: more than LAG_POINTS behind the time-elapsed pace. */
export interface LaggingRow {
  regionCode: string;
  regionName: string;
  regionNameEn: string | null;
  level: string;
  indicatorId: number;
  code: string;
  nameZh: string;
  nameEn: string;
  unit: string;
  target: number;
  done: number;
  /** % done, % of the year gone by, and the points between them, to one decimal. */
  pctDone: number;
  pctTime: number;
  behind: number;
}

/** This China year at `now`: the plan year the warnings and the list look at. */
export function planYear(now: Date): number {
  return Number(chinaDay(now).slice(0, 4));
}

/**
 * Every area with a target this year (city, county, town) lagging on an indicator where pace means
 * something (warnsOnPace), under `scope` (a division-code prefix; null: everywhere). Each area is
 * read on the plan its dashboard opens on, with the dashboard's figures and status, so the list,
 * the warnings and the dashboard never disagree. By area code, then the plan's order.
 */
export async function laggingAreas(scope: string | null, now: Date): Promise<{ year: number; elapsed: number; rows: LaggingRow[] }> {
  const year = planYear(now);
  const elapsed = elapsedShare(year, now);
  const plans = await plansCovering(year);
  if (!plans.length) return { year, elapsed, rows: [] };
  const db = getDb();
  const indicators = (await db.indicator.findMany({ where: { planId: { in: plans.map((p) => p.id) } }, orderBy: [{ sortOrder: "asc" }, { id: "asc" }] })).filter(warnsOnPace);
  if (!indicators.length) return { year, elapsed, rows: [] };
  const targets = await db.target.findMany({
    where: { indicatorId: { in: indicators.map((i) => i.id) }, year, value: { gt: 0 }, ...(scope ? { regionCode: { startsWith: likeText(scope) } } : {}) },
  });
  const regions = await getRegions();
  const planOf = new Map<string, number | undefined>();
  for (const code of new Set(targets.map((t) => t.regionCode))) if (regions.has(code)) planOf.set(code, plansOfRegion(plans, code).at(-1)?.id);
  const byId = new Map(indicators.map((i) => [i.id, i]));
  const kept = targets.filter((t) => planOf.get(t.regionCode) !== undefined && byId.get(t.indicatorId)!.planId === planOf.get(t.regionCode));
  const doneOf = await doneByRegion(indicators, [...new Set(kept.map((t) => t.regionCode))], year);

  const rows: LaggingRow[] = [];
  for (const t of kept) {
    const indicator = byId.get(t.indicatorId)!;
    const done = doneOf(t.regionCode, indicator.id);
    if (done === null || progressStatus("count", t.value, done, elapsed) !== "lagging") continue;
    const region = regions.get(t.regionCode)!;
    rows.push({
      regionCode: region.code,
      regionName: region.name,
      regionNameEn: region.nameEn,
      level: region.level,
      indicatorId: indicator.id,
      code: indicator.code,
      nameZh: indicator.nameZh,
      nameEn: indicator.nameEn,
      unit: indicator.unit,
      target: t.value,
      done,
      pctDone: round1((done / t.value) * 100),
      pctTime: round1(elapsed * 100),
      behind: round1(pointsBehind(t.value, done, elapsed)),
    });
  }
  const order = new Map(indicators.map((i, n) => [i.id, n]));
  rows.sort((a, b) => a.regionCode.localeCompare(b.regionCode) || order.get(a.indicatorId)! - order.get(b.indicatorId)!);
  return { year, elapsed, rows };
}

/**
 * The lagging list a staff member sees: the areas in their scope (a county sees itself and its
 * towns; the city everything under it), each with when its staff were last warned and whether it
 * has staff to warn at all.
 */
export async function laggingList(actor: StaffActor, now: Date) {
  const scope = staffScope(actor);
  const { year, elapsed, rows } = await laggingAreas(scope, now);
  const codes = [...new Set(rows.map((r) => r.regionCode))];
  const db = getDb();
  const [warnings, staff] = await Promise.all([
    db.lagWarning.groupBy({ by: ["regionCode"], where: { regionCode: { in: codes } }, _max: { sentAt: true } }),
    db.user.groupBy({ by: ["staffRegionCode"], where: { role: "staff", staffRegionCode: { in: codes } }, _count: { _all: true } }),
  ]);
  const lastWarned = new Map(warnings.map((w) => [w.regionCode, w._max.sentAt?.toISOString() ?? null]));
  const staffed = new Set(staff.map((s) => s.staffRegionCode));
  return {
    year,
    pctTime: round1(elapsed * 100),
    rows: rows.map((r) => ({ ...r, lastWarnedAt: lastWarned.get(r.regionCode) ?? null, hasStaff: staffed.has(r.regionCode) })),
  };
}
