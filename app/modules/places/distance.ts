/**
 * Distances shared by search ("near me"), matching and the service-circle coverage. No imports, so
 * a page may use it too; the travel settings come from the environment only where there is one.
 */
export interface LatLng {
  lat: number;
  lng: number;
}

/** Mean earth radius (IUGG), km. */
const EARTH_RADIUS_KM = 6371.0088;
const rad = (deg: number) => (deg * Math.PI) / 180;

/** Straight-line (great-circle) distance in km, by the haversine formula. */
export function greatCircleKm(a: LatLng, b: LatLng): number {
  const dLat = rad(b.lat - a.lat);
  const dLng = rad(b.lng - a.lng);
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(rad(a.lat)) * Math.cos(rad(b.lat)) * Math.sin(dLng / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** The distance a card or a reason shows, in km with one decimal below 10 km; null when either point is unknown. */
export function distanceKm(from: LatLng | null | undefined, to: LatLng | null | undefined): number | null {
  if (!from || !to) return null;
  const km = greatCircleKm(from, to);
  return km < 10 ? Math.round(km * 10) / 10 : Math.round(km);
}

export interface TravelSettings {
  /** road km per straight km */
  roadFactor: number;
  ruralKmh: number;
  urbanKmh: number;
}

/**
 * Defaults, each a judgement to be replaced by local measurement (README, configuration):
 * - road factor 1.5: road networks measured country by country run 1.2–1.4 times the straight line
 *   (Ballou, Rahardja & Sakai 2002, "Selected country circuity factors for road travel distance
 *   estimation"); the mountain roads of the Qinling and Daba ranges wind more than that.
 * - rural 40 km/h: the design speed of a class-3 highway (三级公路, JTG B01-2014: 40/30 km/h), the
 *   usual county and town road, which a bus or motorbike does not beat on average.
 * - urban 25 km/h: the door-to-door average of city traffic with stops and junctions; class-4 roads
 *   and town streets (20–30 km/h) are of that order too.
 */
export const TRAVEL_DEFAULTS: TravelSettings = { roadFactor: 1.5, ruralKmh: 40, urbanKmh: 25 };

/** The variables that override the defaults, with the range each must fall in. */
export const TRAVEL_VARIABLES = {
  TRAVEL_ROAD_FACTOR: { key: "roadFactor", min: 1, max: 3 },
  TRAVEL_RURAL_KMH: { key: "ruralKmh", min: 5, max: 120 },
  TRAVEL_URBAN_KMH: { key: "urbanKmh", min: 5, max: 120 },
} as const;

/** Settings from environment variables; a value that is not a number in range throws, naming it. */
export function travelSettingsFrom(env: Record<string, string | undefined>): TravelSettings {
  const settings = { ...TRAVEL_DEFAULTS };
  for (const [name, { key, min, max }] of Object.entries(TRAVEL_VARIABLES)) {
    const text = env[name]?.trim();
    if (!text) continue;
    const value = Number(text);
    if (!Number.isFinite(value) || value < min || value > max) throw new Error(`${name} must be a number from ${min} to ${max}, not "${text}"`);
    settings[key] = value;
  }
  return settings;
}

let fromEnvironment: TravelSettings | undefined;
function currentSettings(): TravelSettings {
  fromEnvironment ??= typeof process === "undefined" ? TRAVEL_DEFAULTS : travelSettingsFrom(process.env);
  return fromEnvironment;
}

export interface TravelOptions {
  /** town streets and city districts (街道): the urban speed; otherwise the rural one */
  urban?: boolean;
  roadFactor?: number;
  speedKmh?: number;
}

/** Estimated minutes by road for a straight-line distance: km × road factor at the area's speed. */
export function travelMinutes(km: number, options: TravelOptions = {}): number {
  const settings = currentSettings();
  const roadFactor = options.roadFactor ?? settings.roadFactor;
  const speed = options.speedKmh ?? (options.urban ? settings.urbanKmh : settings.ruralKmh);
  return ((km * roadFactor) / speed) * 60;
}

/** The straight-line radius reachable in so many minutes (the inverse of travelMinutes): a service circle's size on a map. */
export function reachKm(minutes: number, options: TravelOptions = {}): number {
  const settings = currentSettings();
  const roadFactor = options.roadFactor ?? settings.roadFactor;
  const speed = options.speedKmh ?? (options.urban ? settings.urbanKmh : settings.ruralKmh);
  return ((minutes / 60) * speed) / roadFactor;
}
