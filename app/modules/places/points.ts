/**
 * Where places are, from the boundary data in data/geo (scripts/geo-extract.ts, data/geo/README.md):
 * each county's seat and outline, by city. Pure data, no database, so search/ and the seed can use
 * it. The files are read by a `.server` module, so a page may import this one (the browser gets no
 * data and no fs); call it from loaders and server code only.
 *
 * Reference data rule: the files are read once per process, at first use, and kept.
 */
import type { LatLng } from "./distance.ts";
import { GEO_DIR, readGeoDir } from "./geo-files.server.ts";

export { GEO_DIR };

export interface Point extends LatLng {
  /** true when the point stands for a larger area (a town's point is its county seat, a city's its first district's) */
  approximate: boolean;
}

export type Position = [number, number]; // [lng, lat], as GeoJSON
export interface CountyFeature {
  type: "Feature";
  properties: { code: string; name: string; seat: Position; formerCodes?: string[] };
  geometry: { type: "Polygon"; coordinates: Position[][] } | { type: "MultiPolygon"; coordinates: Position[][][] };
}
export interface CityBoundaries {
  type: "FeatureCollection";
  features: CountyFeature[];
}

interface GeoData {
  cities: Map<string, CityBoundaries>;
  /** county code (current and former) → seat */
  seats: Map<string, LatLng>;
  /** city code → the seat of its lowest-coded county, where city governments usually sit */
  citySeats: Map<string, LatLng>;
}
const holder = globalThis as typeof globalThis & { __geoData?: GeoData };

function load(dir: string): GeoData {
  const cities = readGeoDir(dir);
  const seats = new Map<string, LatLng>();
  const citySeats = new Map<string, LatLng>();
  for (const [cityCode, city] of cities) {
    for (const f of city.features) {
      const [lng, lat] = f.properties.seat;
      for (const code of [f.properties.code, ...(f.properties.formerCodes ?? [])]) seats.set(code, { lat, lng });
    }
    const first = [...city.features].sort((a, b) => a.properties.code.localeCompare(b.properties.code))[0];
    if (first) citySeats.set(cityCode, { lat: first.properties.seat[1], lng: first.properties.seat[0] });
  }
  return { cities, seats, citySeats };
}

function geo(): GeoData {
  holder.__geoData ??= load(GEO_DIR);
  return holder.__geoData;
}

/** Tests point this at a folder of their own; undefined goes back to data/geo. */
export function setGeoDir(dir: string | undefined): void {
  holder.__geoData = dir === undefined ? undefined : load(dir);
}

/**
 * The point of a region: a county's seat; a town's (or village's) own point when one is known, else
 * its county's seat, marked approximate; a city's seat (approximate). A code whose county has no
 * outline (a development zone, 410171) falls back to its city. Provinces and unknown codes: undefined.
 */
export function pointOf(regionCode: string): Point | undefined {
  if (!/^\d{6}(\d{3})?(\d{3})?$/.test(regionCode)) return undefined;
  const data = geo();
  const county = regionCode.slice(0, 6);
  const below = regionCode.length > 6;
  if (county.endsWith("0000")) return undefined;
  const seat = county.endsWith("00") ? undefined : data.seats.get(county);
  if (seat) return { ...seat, approximate: below };
  const city = data.citySeats.get(`${county.slice(0, 4)}00`);
  return city ? { ...city, approximate: true } : undefined;
}

/** County outlines of a city (6-digit code, or 4-digit prefix), or undefined when none is extracted. */
export function boundariesOf(cityCode: string): CityBoundaries | undefined {
  return geo().cities.get(`${cityCode.slice(0, 4)}00`);
}

/** Every city with outlines, by code. */
export function citiesWithBoundaries(): string[] {
  return [...geo().cities.keys()];
}
