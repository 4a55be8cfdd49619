import { audit } from "../audit/audit.server.ts";
import { inScope, scopePrefix } from "../auth/permissions.ts";
import { getDb } from "../db.server.ts";
import { childrenOf, getRegions, type RegionInfo, siteRegion } from "../regions/regions.server.ts";
import { staffScope, type StaffActor } from "../staff/scope.ts";
import { cellName, isRate, isSplit, type TargetsQuery } from "./schemas.ts";

/**
 * Splits a whole number by weights, largest remainder first: the parts always add up to the total
 * exactly, and ties go to the area listed first. Weights must not all be zero.
 */
export function splitByWeights(total: number, weights: readonly number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  if (sum <= 0) throw new Error("splitByWeights: the weights add up to nothing");
  const exact = weights.map((w) => (total * w) / sum);
  const parts = exact.map(Math.floor);
  let left = total - parts.reduce((a, b) => a + b, 0);
  const order = exact.map((x, i) => [x - Math.floor(x), i] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  for (const [, i] of order) if (left-- > 0) parts[i]! += 1;
  return parts;
}

/**
 * Who may set the target of `regionCode`: an administrator anywhere; staff only for the areas
 * strictly below their own (a county splits among its towns, a city among its counties and their
 * towns, a province among its cities), and city and province staff also their own figure, which
 * their own plan gives them. A town has nothing below it, so town staff read their targets but
 * change none.
 */
export function canEditTarget(actor: StaffActor, regionCode: string, regions: Map<string, RegionInfo>): boolean {
  if (actor.role === "admin") return true;
  if (actor.role !== "staff" || !actor.staffRegionCode) return false;
  const own = actor.staffRegionCode;
  if (regionCode === own) return ["city", "province"].includes(regions.get(own)?.level ?? "");
  return regionCode.startsWith(scopePrefix(own));
}

/** The region, its plan and indicators for one page; null outside the staff member's region. */
async function resolvePage(actor: StaffActor, query: TargetsQuery) {
  const scope = staffScope(actor);
  const regions = await getRegions();
  const regionCode = query.region ?? actor.staffRegionCode ?? siteRegion();
  const region = regionCode ? regions.get(regionCode) : undefined;
  if (!regionCode || !region || (scope !== null && !regionCode.startsWith(scope))) return null;
  const db = getDb();
  const plans = (
    await db.plan.findMany({ where: { startYear: { lte: query.year }, endYear: { gte: query.year } }, orderBy: [{ endYear: "asc" }, { id: "asc" }] })
  ).filter((p) => inScope(p.regionCode, regionCode));
  const plan = plans.find((p) => p.code === query.plan) ?? plans[plans.length - 1] ?? null;
  const indicators = plan ? await db.indicator.findMany({ where: { planId: plan.id }, orderBy: { sortOrder: "asc" } }) : [];
  // A child the national list retired stays on the sheet only while it holds a target that year.
  const everyChild = childrenOf(regions, regionCode, { includeRetired: true });
  const retired = everyChild.filter((c) => c.retiredAt).map((c) => c.code);
  const held = new Set(retired.length ? (await db.target.findMany({ where: { year: query.year, regionCode: { in: retired } }, select: { regionCode: true } })).map((t) => t.regionCode) : []);
  const children = everyChild.filter((c) => !c.retiredAt || held.has(c.code));
  const editable = (code: string) => canEditTarget(actor, code, regions);
  return {
    regions,
    region,
    regionCode,
    year: query.year,
    plans,
    plan,
    indicators,
    children,
    editable,
    // "Up" only while it stays inside the staff member's region.
    parentCode: region.parentCode && regions.has(region.parentCode) && (scope === null || region.parentCode.startsWith(scope)) ? region.parentCode : null,
  };
}
type Page = NonNullable<Awaited<ReturnType<typeof resolvePage>>>;

export interface SumCheck {
  /** The children's figures added up (an area without a target counts as 0). */
  sum: number;
  /** Areas below without a target. */
  missing: number;
  /** The region's own target minus the sum; null when the region has no target. */
  diff: number | null;
}

/** Only counts are split; for a rate or a must-stay-zero indicator the parts need not add up. */
function sumCheck(indicator: { type: string; unit: string }, own: number | null, children: (number | null)[]): SumCheck | null {
  if (!isSplit(indicator) || children.length === 0) return null;
  const sum = children.reduce<number>((a, v) => a + (v ?? 0), 0);
  return { sum, missing: children.filter((v) => v === null).length, diff: own === null ? null : own - sum };
}

export interface SumWarning {
  indicatorId: number;
  code: string;
  own: number;
  sum: number;
  /** Own target minus the children's sum: positive means the parts fall short. */
  diff: number;
}

async function pageTargets(page: Page, indicatorIds: number[]) {
  const rows = await getDb().target.findMany({
    where: { indicatorId: { in: indicatorIds }, year: page.year, regionCode: { in: [page.regionCode, ...page.children.map((c) => c.code)] } },
  });
  return (indicatorId: number, regionCode: string) => rows.find((t) => t.indicatorId === indicatorId && t.regionCode === regionCode)?.value ?? null;
}

function warningsOf(page: Page, indicators: Page["indicators"], valueOf: (indicatorId: number, regionCode: string) => number | null): SumWarning[] {
  return indicators.flatMap((i) => {
    const own = valueOf(i.id, page.regionCode);
    const check = sumCheck(i, own, page.children.map((c) => valueOf(i.id, c.code)));
    return check && own !== null && check.diff !== null && check.diff !== 0 ? [{ indicatorId: i.id, code: i.code, own, sum: check.sum, diff: check.diff }] : [];
  });
}

/**
 * Last year's targets of the areas below, per indicator code: from the same plan when it covered
 * last year, else from the latest plan for this region that did (an annual plan follows a five-year one).
 */
async function lastYearShares(page: Page): Promise<Map<string, Map<string, number>>> {
  const year = page.year - 1;
  const db = getDb();
  const plans = (await db.plan.findMany({ where: { startYear: { lte: year }, endYear: { gte: year } }, orderBy: [{ endYear: "desc" }, { id: "desc" }] })).filter((p) =>
    inScope(p.regionCode, page.regionCode),
  );
  const shares = new Map<string, Map<string, number>>();
  if (plans.length === 0 || page.children.length === 0) return shares;
  const rows = await db.target.findMany({
    where: { year, regionCode: { in: page.children.map((c) => c.code) }, indicator: { planId: { in: plans.map((p) => p.id) }, code: { in: page.indicators.map((i) => i.code) } } },
    include: { indicator: { select: { code: true, planId: true } } },
  });
  const rank = (planId: number) => (planId === page.plan?.id ? -1 : plans.findIndex((p) => p.id === planId));
  for (const indicator of page.indicators) {
    const own = rows.filter((r) => r.indicator.code === indicator.code);
    if (own.length === 0) continue;
    const best = own.reduce((a, r) => (rank(r.indicator.planId) < rank(a.indicator.planId) ? r : a)).indicator.planId;
    const weights = new Map(own.filter((r) => r.indicator.planId === best).map((r) => [r.regionCode, r.value]));
    if ([...weights.values()].some((v) => v > 0)) shares.set(indicator.code, weights);
  }
  return shares;
}

const nameOf = (region: RegionInfo, en: boolean) => (en && region.nameEn ? region.nameEn : region.name);

/**
 * One page of the targets sheet: for the region, year and plan, each indicator's own target and
 * its children's (counties under a city, towns under a county), with their sum and the difference,
 * and which of them this staff member may change. Outside the staff member's region: null.
 */
export async function loadTargetSheet(actor: StaffActor, query: TargetsQuery, lang: string) {
  const page = await resolvePage(actor, query);
  if (!page) return null;
  const en = lang === "en";
  const [valueOf, shares] = await Promise.all([pageTargets(page, page.indicators.map((i) => i.id)), lastYearShares(page)]);
  return {
    region: { code: page.regionCode, name: nameOf(page.region, en), level: page.region.level },
    parent: page.parentCode ? { code: page.parentCode, name: nameOf(page.regions.get(page.parentCode)!, en) } : null,
    year: page.year,
    plans: page.plans.map((p) => ({ code: p.code, name: en ? p.nameEn : p.nameZh })),
    plan: page.plan ? { code: page.plan.code, name: en ? page.plan.nameEn : page.plan.nameZh, document: page.plan.document } : null,
    children: page.children.map((c) => ({ code: c.code, name: nameOf(c, en), hasChildren: c.level !== "town" })),
    canEditOwn: page.editable(page.regionCode),
    canEditChildren: page.children.length > 0 && page.editable(page.children[0]!.code),
    indicators: page.indicators.map((i) => {
      const own = valueOf(i.id, page.regionCode);
      const children = page.children.map((c) => valueOf(i.id, c.code));
      return {
        id: i.id,
        code: i.code,
        name: en ? i.nameEn : i.nameZh,
        unit: i.unit,
        type: i.type,
        split: isSplit(i),
        own,
        children,
        check: sumCheck(i, own, children),
        hasLastYear: shares.has(i.code),
      };
    }),
  };
}
export type TargetSheet = NonNullable<Awaited<ReturnType<typeof loadTargetSheet>>>;

export type SaveTargetsResult = { ok: true; changed: number; warnings: SumWarning[] } | { ok: false; reason: "not_found" | "forbidden" };

/**
 * Saves the targets sent for one page: `values` holds only the cells the form sent (keyed by
 * cellName; null clears a target), for one indicator or all of them. Every changed target is
 * written with its own audit record (before and after) in one transaction; sending a cell this
 * staff member may not change refuses the whole save. Sums that do not match are returned as
 * warnings, never refused: a city may hand out its figure over several sittings.
 */
export async function saveTargets(actor: StaffActor, query: TargetsQuery, input: { indicatorId: number | null; values: ReadonlyMap<string, number | null> }): Promise<SaveTargetsResult> {
  const page = await resolvePage(actor, query);
  if (!page || !page.plan) return { ok: false, reason: "not_found" };
  const plan = page.plan;
  const selected = input.indicatorId === null ? page.indicators : page.indicators.filter((i) => i.id === input.indicatorId);
  if (selected.length === 0) return { ok: false, reason: "not_found" };
  const places = [page.region, ...page.children];
  const writes: { indicator: (typeof selected)[number]; region: RegionInfo; value: number | null }[] = [];
  for (const indicator of selected) {
    for (const region of places) {
      const key = cellName(indicator.id, region.code);
      if (!input.values.has(key)) continue;
      if (!page.editable(region.code)) return { ok: false, reason: "forbidden" };
      writes.push({ indicator, region, value: input.values.get(key) ?? null });
    }
  }
  const ids = selected.map((i) => i.id);
  const codes = places.map((r) => r.code);
  return getDb().$transaction(async (tx) => {
    const existing = await tx.target.findMany({ where: { indicatorId: { in: ids }, year: page.year, regionCode: { in: codes } } });
    const find = (indicatorId: number, regionCode: string) => existing.find((t) => t.indicatorId === indicatorId && t.regionCode === regionCode);
    let changed = 0;
    for (const w of writes) {
      const before = find(w.indicator.id, w.region.code);
      const from = before?.value ?? null;
      if (from === w.value) continue;
      changed++;
      const snapshot = (value: number | null) => ({
        name: `${w.indicator.nameZh} · ${w.region.name} · ${page.year}年${isRate(w.indicator) ? "（以万分之一计）" : ""}`,
        plan: plan.code,
        indicator: w.indicator.code,
        regionCode: w.region.code,
        year: page.year,
        value,
      });
      let id: number;
      if (w.value === null) {
        id = before!.id;
        await tx.target.delete({ where: { id } });
      } else if (before) {
        id = before.id;
        await tx.target.update({ where: { id }, data: { value: w.value, updatedById: actor.id } });
      } else {
        id = (await tx.target.create({ data: { indicatorId: w.indicator.id, regionCode: w.region.code, year: page.year, value: w.value, updatedById: actor.id } })).id;
      }
      await audit(tx, { actorId: actor.id, action: "target.set", entityType: "target", entityId: id, regionCode: w.region.code, before: snapshot(from), after: snapshot(w.value) });
    }
    const now = await tx.target.findMany({ where: { indicatorId: { in: ids }, year: page.year, regionCode: { in: codes } } });
    const valueOf = (indicatorId: number, regionCode: string) => now.find((t) => t.indicatorId === indicatorId && t.regionCode === regionCode)?.value ?? null;
    return { ok: true, changed, warnings: warningsOf(page, selected, valueOf) } as const;
  });
}

export type SplitMode = "even" | "share";
export type SplitResult =
  | { ok: true; parent: number; values: Record<string, number> }
  | { ok: false; reason: "not_found" | "forbidden" | "not_split" | "no_children" | "no_parent" | "no_last_year" };

/**
 * Fills one indicator's children from the region's figure, to be checked and saved: evenly, or in
 * the shares the children had in last year's targets. Largest remainder, so the parts add up to
 * the figure exactly. `parent` is the figure typed on the form, if any; else the stored one.
 * Nothing is written here.
 */
export async function splitTarget(actor: StaffActor, query: TargetsQuery, input: { indicatorId: number; mode: SplitMode; parent?: number }): Promise<SplitResult> {
  const page = await resolvePage(actor, query);
  const indicator = page?.indicators.find((i) => i.id === input.indicatorId);
  if (!page || !indicator) return { ok: false, reason: "not_found" };
  if (!isSplit(indicator)) return { ok: false, reason: "not_split" };
  if (page.children.length === 0) return { ok: false, reason: "no_children" };
  if (!page.editable(page.children[0]!.code)) return { ok: false, reason: "forbidden" };
  const typed = page.editable(page.regionCode) ? input.parent : undefined;
  const parent = typed ?? (await pageTargets(page, [indicator.id]))(indicator.id, page.regionCode);
  if (parent === null) return { ok: false, reason: "no_parent" };
  let weights = page.children.map(() => 1);
  if (input.mode === "share") {
    const shares = (await lastYearShares(page)).get(indicator.code);
    if (!shares) return { ok: false, reason: "no_last_year" };
    weights = page.children.map((c) => shares.get(c.code) ?? 0);
  }
  const parts = splitByWeights(parent, weights);
  return { ok: true, parent, values: Object.fromEntries(page.children.map((c, i) => [c.code, parts[i]!])) };
}
