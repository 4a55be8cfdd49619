/**
 * The city's headline progress for anyone: the same figures the staff dashboard shows for the
 * city, reduced to aggregate numbers. Nothing here names a person, an employer or a record.
 */
import { z } from "zod";
import { inScope } from "../auth/permissions.ts";
import { getDb } from "../db.server.ts";
import { getRegions, siteRegion } from "../regions/regions.server.ts";
import type { StaffActor } from "../staff/scope.ts";
import { regionDashboard } from "./progress.server.ts";

/** A read-only, city-wide view used for the public numbers only; it never acts and is never a session. */
const PUBLIC_READ: StaffActor = { id: 0, role: "admin", staffRegionCode: null };
/** The indicator whose counties' % done is shown beside the city's table. */
export const PUBLIC_COUNTY_INDICATOR = "new_urban_employment";

const chinaYear = (now: Date) => new Date(now.getTime() + 8 * 3_600_000).getUTCFullYear();

/**
 * Per indicator: target, done, % done, time-elapsed pace and status; and the counties' % done for
 * new urban employment. `years` are the years the city's plans cover, up to this year; a year
 * outside them falls back to this year (or the latest covered).
 */
export async function publicFigures(query: { year?: number }, now = new Date()) {
  // The site's own city (SITE_REGION), not whichever city sorts first: the demo also loads Henan.
  const city = (await getRegions()).get(siteRegion());
  if (!city) return null;
  const thisYear = chinaYear(now);
  const plans = (await getDb().plan.findMany({ select: { regionCode: true, startYear: true, endYear: true } })).filter((p) => inScope(p.regionCode, city.code));
  const covered = new Set<number>();
  for (const p of plans) for (let y = p.startYear; y <= Math.min(p.endYear, thisYear); y++) covered.add(y);
  const years = [...covered].sort((a, b) => b - a);
  const year = query.year !== undefined && covered.has(query.year) ? query.year : covered.has(thisYear) ? thisYear : (years[0] ?? thisYear);

  const d = await regionDashboard(PUBLIC_READ, { region: city.code, year }, now);
  if (!d) return null;
  const headline = d.indicators.find((i) => i.code === PUBLIC_COUNTY_INDICATOR && i.traceable);
  return {
    year,
    years,
    city: { code: city.code, name: city.name, nameEn: city.nameEn },
    plan: d.plan ? { code: d.plan.code, nameZh: d.plan.nameZh, nameEn: d.plan.nameEn, document: d.plan.document } : null,
    elapsed: d.elapsed,
    indicators: d.indicators.map((i) => ({
      code: i.code,
      nameZh: i.nameZh,
      nameEn: i.nameEn,
      unit: i.unit,
      type: i.type,
      target: i.target,
      done: i.done,
      pct: i.pct,
      pace: i.pace,
      status: i.status,
    })),
    counties: headline
      ? {
          indicator: { code: headline.code, nameZh: headline.nameZh, nameEn: headline.nameEn },
          rows: d.children.map((c) => {
            const f = c.indicators.find((x) => x.indicatorId === headline.id)!;
            return { code: c.code, name: c.name, nameEn: c.nameEn, target: f.target, done: f.done, pct: f.pct, status: f.status };
          }),
        }
      : null,
  };
}
export type PublicFigures = NonNullable<Awaited<ReturnType<typeof publicFigures>>>;

/** The public page's URL: a year, or nothing; a bad value is the same as none. */
export const publicFiguresQuerySchema = z.object({ year: z.coerce.number().int().min(2000).max(2100).optional().catch(undefined) });
