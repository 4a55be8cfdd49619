import type { LatLng } from "../places/distance.ts";

export { distanceKm } from "../places/distance.ts";
import { pointOf } from "../places/points.ts";
import { regionName, type RegionInfo } from "../regions/regions.server.ts";

/**
 * "Near me": where a visitor is, from what they chose — a town or county code (their home town,
 * remembered in a cookie), or "lat,lng" from the browser's location, which they may allow and are
 * never asked to. A code without a known point gives no origin.
 */
export function originOf(near: string | undefined): (LatLng & { approximate: boolean }) | undefined {
  if (!near) return undefined;
  const comma = near.indexOf(",");
  if (comma < 0) return pointOf(near);
  const lat = Number(near.slice(0, comma));
  const lng = Number(near.slice(comma + 1));
  return Number.isFinite(lat) && Number.isFinite(lng) ? { lat, lng, approximate: false } : undefined;
}

/** Where a search is from and how far it reaches: its "near" as a point, and "within" in km only with one. */
export function placeOfSearch(params: { near?: string; within?: string }): { origin?: LatLng & { approximate: boolean }; withinKm?: number } {
  const origin = originOf(params.near);
  return { origin, withinKm: origin && params.within ? Number(params.within) : undefined };
}

/** The visitor's chosen place in words ("汉滨区 · 老城街道"); null for a browser location, which pages name in their own words. */
export function nearLabel(near: string | undefined, regions: Map<string, RegionInfo>, lang: string): string | null {
  if (!near || near.includes(",")) return null;
  const county = regionName(regions, near.slice(0, 6), lang);
  return near.length > 6 ? `${county} · ${regionName(regions, near, lang)}` : county;
}
