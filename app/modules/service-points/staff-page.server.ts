import { scopePrefix } from "../auth/permissions.ts";
import { regionPickerOptions } from "../regions/picker.server.ts";
import { siteRegion } from "../regions/regions.server.ts";
import { staffScope, type StaffActor } from "../staff/scope.ts";
import { serviceCoverage } from "./coverage.server.ts";
import { servicePointsMap } from "./page.server.ts";
import { listStaffServicePoints } from "./service-points.server.ts";

/** The staff page: the region's points (closed ones too), where they may be put, the coverage and its map. */
export async function loadStaffServicePoints(actor: StaffActor, lang: string) {
  // An admin may place a point anywhere, and is offered the site's own area to choose from.
  const scope = staffScope(actor) ?? scopePrefix(siteRegion());
  const [points, options, coverage] = await Promise.all([
    listStaffServicePoints(actor, lang),
    regionPickerOptions({ lang, scope }),
    serviceCoverage(actor, lang),
  ]);
  const open = points.filter((p) => p.active);
  return { points, options, coverage, map: await servicePointsMap(open, (p) => p.name) };
}
