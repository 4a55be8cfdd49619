/**
 * Indicator figures from the registers (for the dashboard) and the figures staff enter by hand
 * (the surveyed unemployment rate from the statistics bureau, and other manual indicators).
 */
import { audit } from "../audit/audit.server.ts";
import { inScope, scopePrefix } from "../auth/permissions.ts";
import { getDb } from "../db.server.ts";
import { REGISTER_FORMULAS } from "../indicators/rules.ts";
import { getRegions, regionName, siteRegion } from "../regions/regions.server.ts";
import { inRegion, staffScope, type StaffActor } from "../staff/scope.ts";
import {
  assistanceRate,
  chinaDay,
  CLEAR_WITHIN_DAYS,
  fullEmploymentCount,
  labourFigureFor,
  percentToBp,
  registeredUnemploymentRate,
  unclearedFamilies,
  yearBounds,
} from "./formulas.ts";
import type { Change } from "./registers.server.ts";
import type { FigureSave } from "./schemas.ts";
import { likeText } from "../like.ts";

type Formula = (typeof REGISTER_FORMULAS)[number];

function formulaOf(rule: string): Formula | null {
  try {
    const formula = (JSON.parse(rule) as { formula?: unknown }).formula;
    return (REGISTER_FORMULAS as readonly unknown[]).includes(formula) ? (formula as Formula) : null;
  } catch {
    return null;
  }
}

/** One register formula's figure for a region (and everything under it) and a year. */
export async function registerFigure(formula: Formula, regionCode: string, year: number, now = new Date()): Promise<number | null> {
  const db = getDb();
  const where = { regionCode: { startsWith: likeText(scopePrefix(regionCode)) } };
  switch (formula) {
    case "difficulty_assistance": {
      const { start, end } = yearBounds(year);
      const rows = await db.difficultyPerson.findMany({ where: { ...where, recognisedAt: { gte: start, lt: end } }, select: { recognisedAt: true, assistedAt: true, employedAt: true } });
      return assistanceRate(rows, year).rate;
    }
    case "zero_families_uncleared": {
      const { end } = yearBounds(year);
      const rows = await db.zeroEmploymentFamily.findMany({ where: { ...where, recognisedAt: { lt: end } }, select: { recognisedAt: true, clearedAt: true } });
      return unclearedFamilies(rows, year, now);
    }
    case "registered_unemployment": {
      const rows = await db.labourForceFigure.findMany({ where: { ...where, year }, select: { regionCode: true, month: true, urbanEmployed: true, registeredUnemployed: true } });
      const regions = [...(await getRegions()).values()];
      return registeredUnemploymentRate(labourFigureFor(regionCode, rows, (code) => regions.filter((r) => r.parentCode === code).map((r) => r.code)));
    }
    case "full_employment_communities": {
      const rows = await db.fullEmploymentCommunity.findMany({ where: { ...where, year }, select: { regionCode: true, name: true, level: true, year: true } });
      return fullEmploymentCount(rows, year);
    }
  }
}

/** The figures of every register indicator among these, by indicator id (the dashboard's `done`). */
export async function registerFigures(indicators: readonly { id: number; method: string; rule: string }[], regionCode: string, year: number, now = new Date()): Promise<Map<number, number | null>> {
  const out = new Map<number, number | null>();
  const cache = new Map<Formula, Promise<number | null>>();
  for (const indicator of indicators) {
    if (indicator.method !== "register") continue;
    const formula = formulaOf(indicator.rule);
    if (!formula) {
      out.set(indicator.id, null);
      continue;
    }
    if (!cache.has(formula)) cache.set(formula, registerFigure(formula, regionCode, year, now));
    out.set(indicator.id, await cache.get(formula)!);
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Figures entered by staff

/** Manual indicators of the plans covering `year` that apply to `regionCode`: one choice per code. */
async function manualIndicators(regionCode: string, year: number) {
  const rows = await getDb().indicator.findMany({
    where: { method: "manual", plan: { startYear: { lte: year }, endYear: { gte: year } } },
    include: { plan: { select: { regionCode: true } } },
    orderBy: [{ sortOrder: "asc" }, { id: "asc" }],
  });
  return rows.filter((r) => inScope(r.plan.regionCode, regionCode));
}

function homeRegion(actor: StaffActor): string {
  return actor.staffRegionCode ?? siteRegion();
}

export async function listFigures(actor: StaffActor, query: { year: number; region?: string }, lang: string) {
  const scope = staffScope(actor);
  const regions = await getRegions();
  const regionCode = query.region ?? homeRegion(actor);
  if (scope !== null && !regionCode.startsWith(scope)) return null;
  const indicators = await manualIndicators(regionCode, query.year);
  const choices = [...new Map(indicators.map((i) => [i.code, { code: i.code, nameZh: i.nameZh, nameEn: i.nameEn, unit: i.unit }])).values()];
  const figures = await getDb().indicatorFigure.findMany({
    where: { ...inRegion(scope), year: query.year, indicator: { method: "manual" } },
    include: { indicator: { select: { code: true, nameZh: true, nameEn: true, unit: true } } },
    orderBy: [{ month: "desc" }, { regionCode: "asc" }, { id: "asc" }],
  });
  // The same figure is stored for each plan that names the indicator: show it once.
  const seen = new Set<string>();
  const rows = figures.filter((f) => {
    const key = `${f.indicator.code}|${f.regionCode}|${f.month}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  return {
    choices,
    rows: rows.map((f) => ({
      id: f.id,
      code: f.indicator.code,
      name: lang === "en" ? f.indicator.nameEn : f.indicator.nameZh,
      unit: f.indicator.unit,
      place: regionName(regions, f.regionCode, lang),
      regionCode: f.regionCode,
      year: f.year,
      month: f.month,
      value: f.value,
      note: f.note,
    })),
  };
}

/**
 * Enters or corrects a figure for one region and month: a percentage for rates (stored in basis
 * points), a whole number for counts. It is stored for every plan covering the year that names the
 * indicator, so the five-year plan and the annual targets show the same figure.
 */
export async function saveFigure(actor: StaffActor, input: FigureSave): Promise<Change> {
  const scope = staffScope(actor);
  const regions = await getRegions();
  const region = regions.get(input.regionCode);
  if (!region || !["city", "county", "town"].includes(region.level) || (scope !== null && !input.regionCode.startsWith(scope))) return { ok: false, reason: "invalid", fieldErrors: { regionCode: ["registers.errors.region"] } };
  const indicators = (await manualIndicators(input.regionCode, input.year)).filter((i) => i.code === input.indicatorCode);
  if (indicators.length === 0) return { ok: false, reason: "invalid", fieldErrors: { indicatorCode: ["forms.chooseOne"] } };
  const percent = indicators[0]!.unit === "percent";
  const value = percent ? percentToBp(input.value) : /^\d{1,9}$/.test(input.value) ? Number(input.value) : null;
  if (value === null) return { ok: false, reason: "invalid", fieldErrors: { value: [percent ? "registers.errors.percent" : "registers.errors.wholeNumber"] } };
  return getDb().$transaction(async (tx) => {
    for (const indicator of indicators) {
      const key = { indicatorId: indicator.id, regionCode: input.regionCode, year: input.year, month: input.month };
      const before = await tx.indicatorFigure.findUnique({ where: { indicatorId_regionCode_year_month: key } });
      const row = await tx.indicatorFigure.upsert({
        where: { indicatorId_regionCode_year_month: key },
        create: { ...key, value, note: input.note ?? null, enteredById: actor.id },
        update: { value, note: input.note ?? null, enteredById: actor.id },
      });
      await audit(tx, {
        actorId: actor.id,
        action: before ? "indicator_figure.update" : "indicator_figure.create",
        entityType: "indicator_figure",
        entityId: row.id,
        regionCode: row.regionCode,
        before: before ? { value: before.value, note: before.note } : undefined,
        after: { indicator: indicator.code, year: row.year, month: row.month, value: row.value, note: row.note },
      });
    }
    return { ok: true, name: indicators[0]!.nameZh } as const;
  });
}

/** Deletes a figure (for every plan that holds it). */
export async function deleteFigure(actor: StaffActor, id: number): Promise<Change> {
  const scope = inRegion(staffScope(actor));
  return getDb().$transaction(async (tx) => {
    const figure = await tx.indicatorFigure.findFirst({ where: { id, ...scope, indicator: { method: "manual" } }, include: { indicator: { select: { code: true, nameZh: true } } } });
    if (!figure) return { ok: false, reason: "not_found" } as const;
    const siblings = await tx.indicatorFigure.findMany({ where: { regionCode: figure.regionCode, year: figure.year, month: figure.month, indicator: { code: figure.indicator.code, method: "manual" } } });
    for (const row of siblings) {
      await tx.indicatorFigure.delete({ where: { id: row.id } });
      await audit(tx, {
        actorId: actor.id,
        action: "indicator_figure.delete",
        entityType: "indicator_figure",
        entityId: row.id,
        regionCode: row.regionCode,
        before: { indicator: figure.indicator.code, year: row.year, month: row.month, value: row.value, note: row.note },
      });
    }
    return { ok: true, name: figure.indicator.nameZh } as const;
  });
}

/** The registers' headline figures for the staff member's area (or one inside it) and a year. */
export async function registersOverview(actor: StaffActor, query: { year: number; region?: string }, lang: string, now = new Date()) {
  const scope = staffScope(actor);
  const regions = await getRegions();
  const regionCode = query.region ?? homeRegion(actor);
  if (!regions.has(regionCode) || (scope !== null && !regionCode.startsWith(scope))) return null;
  const where = { regionCode: { startsWith: likeText(scopePrefix(regionCode)) } };
  const db = getDb();
  const [assistance, uncleared, unemployment, communities, overdue, surveyed] = await Promise.all([
    registerFigure("difficulty_assistance", regionCode, query.year, now),
    registerFigure("zero_families_uncleared", regionCode, query.year, now),
    registerFigure("registered_unemployment", regionCode, query.year, now),
    registerFigure("full_employment_communities", regionCode, query.year, now),
    db.zeroEmploymentFamily.count({ where: { ...where, clearedAt: null, recognisedAt: { lt: new Date(chinaDay(now).getTime() - CLEAR_WITHIN_DAYS * 86_400_000) } } }),
    db.indicatorFigure.findFirst({ where: { regionCode, year: query.year, indicator: { code: "surveyed_unemployment_rate", method: "manual" } }, orderBy: { month: "desc" } }),
  ]);
  return {
    region: { code: regionCode, name: regionName(regions, regionCode, lang) },
    year: query.year,
    assistance,
    uncleared,
    overdue,
    unemployment,
    communities,
    surveyed: surveyed ? { month: surveyed.month, value: surveyed.value } : null,
  };
}
