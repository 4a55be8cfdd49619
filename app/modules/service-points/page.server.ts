import { pointsMap } from "../places/map.server.ts";
import { getRegions, regionName, siteCounties, siteRegion } from "../regions/regions.server.ts";
import { nearLabel, originOf } from "../search/near.ts";
import { circleKm, stationIsUrban } from "./coverage.ts";
import { listServicePoints, type ServicePointView } from "./service-points.server.ts";

/** A map of points with their service circles, numbered in the order of the list beside it. */
export async function servicePointsMap(points: ServicePointView[], label: (p: ServicePointView) => string) {
  const regions = await getRegions();
  const located = points.filter((p) => p.point);
  const map = pointsMap(siteRegion(), located.map((p) => ({
    lat: p.point!.lat,
    lng: p.point!.lng,
    label: label(p),
    radiusKm: circleKm(stationIsUrban(p.kind, regionName(regions, p.regionCode, "zh-CN"))),
  })));
  return map ?? null;
}

/** The public list: the site's points (or one county's), nearest to the visitor's place first, and their map. */
export async function loadServicePointsPage(input: { near?: string; county?: string; lang: string }) {
  const origin = originOf(input.near);
  const regions = await getRegions();
  const points = await listServicePoints({ county: input.county, origin, lang: input.lang });
  const counties = siteCounties(regions).map((r) => ({ code: r.code, name: regionName(regions, r.code, input.lang) }));
  return { points, counties, nearLabel: nearLabel(input.near, regions, input.lang), hasOrigin: Boolean(origin), map: await servicePointsMap(points, (p) => `${p.name}（${p.place}）`) };
}
