import { getDb } from "../db.server.ts";
import { pointOf } from "../places/points.ts";
import { scopePrefix } from "../auth/permissions.ts";
import { getRegions, regionName, siteRegion } from "../regions/regions.server.ts";
import { inRegion, staffScope, type StaffActor } from "../staff/scope.ts";
import { coverage, type CoverageRow } from "./coverage.ts";
import { pointOfRow } from "./service-points.server.ts";

export interface CoverageReport {
  rows: (CoverageRow & { county: string })[];
  covered: number;
  total: number;
  /** Places whose point is their county seat: their minutes are a guess until a finer point is known. */
  approximate: number;
}

/**
 * Which towns (and, where villages and communities are loaded, those too) of a staff member's
 * region have no open service point within their circle, by the travel-time estimate. Points
 * across a county line count: people go to the nearest one.
 */
export async function serviceCoverage(actor: StaffActor, lang: string): Promise<CoverageReport> {
  // An admin's scope is everywhere; the coverage they are shown is the site's own area.
  const area = staffScope(actor) ?? scopePrefix(siteRegion());
  const regions = await getRegions();
  const stations = await getDb().servicePoint.findMany({ where: { active: true, ...inRegion(area.slice(0, 4)) } });
  const places = [...regions.values()]
    .filter((r) => (r.level === "town" || r.level === "village") && !r.retiredAt && r.code.startsWith(area))
    .sort((a, b) => a.code.localeCompare(b.code))
    .flatMap((r) => {
      const point = pointOf(r.code);
      // The Chinese name, whatever the page's language: urban or rural is read from it (街道).
      return point ? [{ code: r.code, name: r.name, point, approximate: point.approximate, county: r.parentCode }] : [];
    });
  const points = stations.flatMap((s) => {
    const point = pointOfRow(s);
    return point ? [{ id: s.id, name: s.name, point }] : [];
  });
  const rows = coverage(places, points).map((row, i) => ({ ...row, name: regionName(regions, row.code, lang), county: regionName(regions, places[i]!.county, lang) }));
  return { rows, covered: rows.filter((r) => r.covered).length, total: rows.length, approximate: rows.filter((r) => r.approximate).length };
}
