import { getDb } from "../db.server.ts";
import { pointOf } from "../places/points.ts";
import { getRegions } from "../regions/regions.server.ts";
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
  const scope = staffScope(actor);
  const regions = await getRegions();
  const cityPrefix = scope === null ? undefined : scope.slice(0, 4);
  const stations = await getDb().servicePoint.findMany({ where: { active: true, ...inRegion(cityPrefix ?? null) } });
  const places = [...regions.values()]
    .filter((r) => (r.level === "town" || r.level === "village") && !r.retiredAt && (scope === null || r.code.startsWith(scope)))
    .sort((a, b) => a.code.localeCompare(b.code))
    .flatMap((r) => {
      const point = pointOf(r.code);
      return point ? [{ code: r.code, name: lang === "en" && r.nameEn ? r.nameEn : r.name, nameZh: r.name, point, approximate: point.approximate, county: r.parentCode ?? "" }] : [];
    });
  const points = stations.flatMap((s) => {
    const point = pointOfRow(s);
    return point ? [{ id: s.id, name: s.name, point }] : [];
  });
  const countyName = (code: string) => {
    const county = regions.get(code.slice(0, 6));
    return county ? (lang === "en" && county.nameEn ? county.nameEn : county.name) : "";
  };
  // Urban or rural is read from the Chinese name (街道), whatever the page's language.
  const rows = coverage(places.map((p) => ({ ...p, name: p.nameZh })), points).map((row, i) => ({ ...row, name: places[i]!.name, county: countyName(row.code) }));
  return { rows, covered: rows.filter((r) => r.covered).length, total: rows.length, approximate: rows.filter((r) => r.approximate).length };
}
