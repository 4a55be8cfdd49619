import { inScope, scopePrefix } from "../auth/permissions.ts";
import { getDb } from "../db.server.ts";
import { childrenOf, getRegions, regionName, type RegionInfo, siteRegion } from "../regions/regions.server.ts";
import { registerFigures } from "../registers/figures.server.ts";
import { staffScope, type StaffActor } from "../staff/scope.ts";
import type { IndicatorType } from "./rules.ts";
import { likeText } from "../like.ts";
import { doneByRegion } from "./done.server.ts";

const DAY = 86_400_000;
const CHINA_OFFSET = 8 * 3_600_000;
/** More than this many points behind the time-elapsed pace (序时进度) is flagged. */
export const LAG_POINTS = 10;

/** The share of `year` gone by at `now`, China time: 0 before it starts, 1 once it is over. */
export function elapsedShare(year: number, now: Date): number {
  const t = now.getTime() + CHINA_OFFSET;
  const start = Date.UTC(year, 0, 1);
  const end = Date.UTC(year + 1, 0, 1);
  if (t <= start) return 0;
  if (t >= end) return 1;
  return Math.floor((t - start) / DAY + 1) / Math.round((end - start) / DAY);
}

export type ProgressStatus = "no_target" | "no_data" | "done" | "on_track" | "behind" | "lagging" | "met" | "missed";

/** Where a count stands against its target and the pace; rates and zero-indicators against their bound. */
export function progressStatus(type: IndicatorType, target: number | null, done: number | null, elapsed: number): ProgressStatus {
  if (done === null) return "no_data";
  if (type === "zero") return done === 0 ? "met" : "missed";
  if (target === null) return "no_target";
  if (type === "rate_cap") return done <= target ? "met" : "missed";
  if (type === "rate_floor") return done >= target ? "met" : "missed";
  if (target === 0 || done >= target) return "done";
  const behind = pointsBehind(target, done, elapsed);
  if (behind > LAG_POINTS) return "lagging";
  if (behind > 0) return "behind";
  return "on_track";
}

/** How many percentage points a count's % done is below the share of the year gone by (negative: ahead). */
export function pointsBehind(target: number, done: number, elapsed: number): number {
  return elapsed * 100 - (done / target) * 100;
}

/**
 * Whether falling behind the time-elapsed pace means anything for an indicator, so that its staff
 * are warned: counts that build up record by record through the year (placements, posts, a figure
 * entered as it grows). Not rates or a zero bound (met or missed at a moment, not accumulated), and
 * not register counts, recognised once a year (full-employment communities). See
 * docs/decisions/2026-12-04-lag-warnings-weekly-digest.md.
 */
export function warnsOnPace(indicator: { type: string; method: string }): boolean {
  return indicator.type === "count" && indicator.method !== "register";
}

/**
 * How a counted record's code maps to the child it falls under, as SQL: a province's children are
 * cities (first 4 digits + "00"), a city's counties (6), a county's towns (9). A town has none: its
 * records are the next level.
 */
function childKey(regionCode: string, children: RegionInfo[]): string | null {
  const first = children[0];
  if (regionCode.length > 6 || !first) return null;
  return first.level === "city" ? "substr(regionCode, 1, 4) || '00'" : `substr(regionCode, 1, ${first.code.length})`;
}

/** Plans that cover `year`, the one a dashboard opens on last. */
export async function plansCovering(year: number) {
  return getDb().plan.findMany({ where: { startYear: { lte: year }, endYear: { gte: year } }, orderBy: [{ endYear: "asc" }, { id: "asc" }] });
}

/** Of those, the plans issued by this region or one above it. */
export function plansOfRegion<P extends { regionCode: string }>(plans: P[], regionCode: string): P[] {
  return plans.filter((p) => inScope(p.regionCode, regionCode));
}

async function plansFor(regionCode: string, year: number) {
  return plansOfRegion(await plansCovering(year), regionCode);
}

/**
 * The year a dashboard opens on when none is asked: this year when a plan of the region covers it,
 * else the last year of its latest plan (Henan's 2016–2020 plan opens on 2020).
 */
export async function defaultPlanYear(regionCode: string, now = new Date()): Promise<number> {
  const thisYear = new Date(now.getTime() + CHINA_OFFSET).getUTCFullYear();
  const plans = (await getDb().plan.findMany({ orderBy: [{ endYear: "desc" }, { id: "asc" }] })).filter((p) => inScope(p.regionCode, regionCode));
  if (plans.length === 0 || plans.some((p) => p.startYear <= thisYear && p.endYear >= thisYear)) return thisYear;
  return plans.find((p) => p.endYear < thisYear)?.endYear ?? thisYear;
}

export interface IndicatorProgress {
  id: number;
  code: string;
  nameZh: string;
  nameEn: string;
  unit: string;
  type: IndicatorType;
  method: string;
  target: number | null;
  done: number | null;
  pct: number | null;
  pace: number | null;
  gap: number | null;
  status: ProgressStatus;
  traceable: boolean;
}

export interface ChildProgress {
  code: string;
  name: string;
  nameEn: string | null;
  indicators: { indicatorId: number; target: number | null; done: number; pct: number | null; status: ProgressStatus }[];
}

export interface DashboardQuery {
  region?: string;
  /** Absent: see defaultPlanYear. */
  year?: number;
  plan?: string;
}

/**
 * The staff dashboard for one region and year: per indicator its target, what is done, % done,
 * the time-elapsed pace, the gap and a status; the child regions ranked; a monthly trend. Outside
 * the staff member's region there is nothing (null). Counts come from IndicatorTally, which triggers
 * keep equal to the credit rows, so each figure can be listed record by record.
 */
export async function regionDashboard(actor: StaffActor, query: DashboardQuery, now = new Date()) {
  const scope = staffScope(actor);
  const regions = await getRegions();
  const regionCode = query.region ?? actor.staffRegionCode ?? siteRegion();
  if (!regionCode || !regions.has(regionCode) || (scope !== null && !regionCode.startsWith(scope))) return null;
  const year = query.year ?? (await defaultPlanYear(regionCode, now));
  const plans = await plansFor(regionCode, year);
  const plan = plans.find((p) => p.code === query.plan) ?? plans[plans.length - 1];
  const region = regions.get(regionCode)!;
  const parentCode = scope !== null && region.parentCode && !region.parentCode.startsWith(scope) ? null : region.parentCode;
  const parent = parentCode ? (regions.get(parentCode) ?? null) : null;
  const base = { regionCode, year, plans: plans.map((p) => ({ code: p.code, nameZh: p.nameZh, nameEn: p.nameEn })), region, parentCode: parent?.code ?? null, parent };
  const elapsed = elapsedShare(year, now);
  if (!plan) return { ...base, plan: null, elapsed, indicators: [] as IndicatorProgress[], children: [] as ChildProgress[], trend: [] as { indicatorId: number; months: number[] }[] };

  const db = getDb();
  const prefix = scopePrefix(regionCode);
  const indicators = await db.indicator.findMany({ where: { planId: plan.id }, orderBy: { sortOrder: "asc" } });
  const ids = indicators.map((i) => i.id);
  // Retired children stay while they hold a target or a count for the year (records keep their codes).
  const everyChild = childrenOf(regions, regionCode, { includeRetired: true });
  const child = childKey(regionCode, everyChild);
  // A prefix as a range, so SQLite walks the (indicatorId, year, regionCode) index; LIKE would not.
  const upper = `${prefix}:`; // ':' sorts right after '9'

  const [targets, doneOf, byChild, byMonth] = await Promise.all([
    db.target.findMany({ where: { indicatorId: { in: ids }, year, regionCode: { in: [regionCode, ...everyChild.map((c) => c.code)] } } }),
    doneByRegion(indicators, [regionCode], year),
    child
      ? db.$queryRawUnsafe<{ indicatorId: number; child: string; n: bigint | number }[]>(
          `SELECT indicatorId, ${child} AS child, SUM(n) AS n FROM IndicatorTally WHERE year = ? AND regionCode >= ? AND regionCode < ? AND indicatorId IN (${ids.map(() => "?").join(",") || "NULL"}) GROUP BY indicatorId, child`,
          year, prefix, upper, ...ids,
        )
      : Promise.resolve([]),
    db.$queryRawUnsafe<{ indicatorId: number; month: number; n: bigint | number }[]>(
      `SELECT indicatorId, month, SUM(n) AS n FROM IndicatorTally WHERE year = ? AND regionCode >= ? AND regionCode < ? AND indicatorId IN (${ids.map(() => "?").join(",") || "NULL"}) GROUP BY indicatorId, month`,
      year, prefix, upper, ...ids,
    ),
  ]);
  const children = everyChild.filter((c) => !c.retiredAt || targets.some((t) => t.regionCode === c.code) || byChild.some((b) => b.child === c.code && Number(b.n) > 0));
  const num = (n: bigint | number) => Number(n);
  const targetOf = (indicatorId: number, code: string) => targets.find((t) => t.indicatorId === indicatorId && t.regionCode === code)?.value ?? null;

  const registers = await registerFigures(indicators, regionCode, year, now);
  const rows = indicators.map((indicator): IndicatorProgress => {
    const type = indicator.type as IndicatorType;
    const done = indicator.method === "register" ? (registers.get(indicator.id) ?? null) : doneOf(regionCode, indicator.id); // registers by their formulas
    const target = targetOf(indicator.id, regionCode);
    const pct = target && done !== null && type === "count" ? Math.round((done / target) * 1000) / 10 : null;
    return {
      id: indicator.id,
      code: indicator.code,
      nameZh: indicator.nameZh,
      nameEn: indicator.nameEn,
      unit: indicator.unit,
      type,
      method: indicator.method,
      target,
      done,
      pct,
      pace: type === "count" && target !== null ? Math.round(target * elapsed) : null,
      gap: type === "count" && target !== null && done !== null ? Math.max(0, target - done) : null,
      status: progressStatus(type, target, done, elapsed),
      traceable: indicator.method === "placements",
    };
  });

  const childRows = children.map((child): ChildProgress => {
    const perIndicator = indicators
      .filter((i) => i.method === "placements")
      .map((i) => {
        const done = num(byChild.find((b) => b.indicatorId === i.id && b.child === child.code)?.n ?? 0);
        const target = targetOf(i.id, child.code);
        return { indicatorId: i.id, target, done, pct: target ? Math.round((done / target) * 1000) / 10 : null, status: progressStatus(i.type as IndicatorType, target, done, elapsed) };
      });
    return { code: child.code, name: child.name, nameEn: child.nameEn, indicators: perIndicator };
  });

  const trend = indicators
    .filter((i) => i.method === "placements")
    .map((i) => ({ indicatorId: i.id, months: Array.from({ length: 12 }, (_, m) => num(byMonth.find((b) => b.indicatorId === i.id && b.month === m + 1)?.n ?? 0)) }));

  return { ...base, plan: { code: plan.code, nameZh: plan.nameZh, nameEn: plan.nameEn, document: plan.document }, elapsed, indicators: rows, children: childRows, trend };
}

export interface RecordsQuery {
  indicatorId: number;
  region: string;
  year: number;
  month?: number;
  page: number;
}

const RECORDS_PAGE = 50;

/** The records behind one figure: each credited person with the placement that counts. ID numbers masked. */
export async function indicatorRecords(actor: StaffActor, query: RecordsQuery, lang: string) {
  const scope = staffScope(actor);
  if (scope !== null && !query.region.startsWith(scope)) return null;
  const db = getDb();
  const indicator = await db.indicator.findUnique({ where: { id: query.indicatorId }, include: { plan: true } });
  if (!indicator) return null;
  const where = { indicatorId: indicator.id, year: query.year, regionCode: { startsWith: likeText(scopePrefix(query.region)) }, ...(query.month ? { month: query.month } : {}) };
  const [total, credits] = await Promise.all([
    db.indicatorCredit.count({ where }),
    db.indicatorCredit.findMany({
      where,
      orderBy: [{ month: "desc" }, { id: "desc" }], // what was counted last comes first
      skip: (query.page - 1) * RECORDS_PAGE,
      take: RECORDS_PAGE,
      include: { placement: { select: { id: true, personName: true, idNumberMasked: true, employerName: true, kind: true, startDate: true, source: true, regionCode: true, continuity: true } } },
    }),
  ]);
  const regions = await getRegions();
  return {
    indicator: { id: indicator.id, code: indicator.code, nameZh: indicator.nameZh, nameEn: indicator.nameEn, plan: indicator.plan.code },
    region: { code: query.region, name: regionName(regions, query.region, lang) },
    total,
    pages: Math.max(1, Math.ceil(total / RECORDS_PAGE)),
    rows: credits.map((c) => ({
      placementId: c.placement.id,
      personName: c.placement.personName,
      idNumberMasked: c.placement.idNumberMasked,
      employerName: c.placement.employerName,
      kind: c.placement.kind,
      startDate: c.placement.startDate.toISOString().slice(0, 10),
      source: c.placement.source,
      place: regionName(regions, c.placement.regionCode, lang),
    })),
  };
}
