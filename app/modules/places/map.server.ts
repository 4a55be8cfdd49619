/**
 * Maps drawn on the server (docs/decisions/2026-12-02-maps-drawn-on-the-server.md): a city's county
 * outlines projected with d3-geo into SVG path strings the page renders as they are, so a map shows
 * without JavaScript, costs no tiles and no map library in the browser (this is a `.server` module;
 * app/components/region-map.tsx only draws what it returns).
 */
import { geoArea, geoCircle, geoMercator, geoPath, type GeoPermissibleObjects } from "d3-geo";
import { scaleQuantize } from "d3-scale";
import { boundariesOf, type CityBoundaries, type CountyFeature } from "./points.ts";

/** Sequential blues (ColorBrewer "Blues", the two darkest deepened so white text on them passes 4.5:1). */
export const MAP_FILLS = ["#eff3ff", "#bdd7e7", "#6baed6", "#2171b5", "#08306b"] as const;
export const NO_DATA_FILL = "#ffffff";
/** County outlines: slate-600, 7.6:1 on white, 3.1:1 or more on the three lighter fills (the two dark fills stand out from white and from the light ones by themselves). */
export const OUTLINE = "#475569";
const DARK_TEXT = "#0f172a";
const LIGHT_TEXT = "#ffffff";

const WIDTH = 400;
const PAD = 4;
/** Areas smaller than this (px²) get no name and value written on them (their <title> and the table say it). */
const LABEL_MIN_AREA = 2400;

export interface MapArea {
  code: string;
  name: string;
  /** the outline as an SVG path; "" for an area the data has no outline for (listed in the table only) */
  d: string;
  value: number | null;
  fill: string;
  /** the legend band, −1 without a value */
  band: number;
  label: { x: number; y: number; color: string } | null;
}
export interface LegendBand {
  fill: string;
  from: number;
  to: number;
}
export interface ChoroplethGeometry {
  width: number;
  height: number;
  areas: MapArea[];
  legend: LegendBand[];
  noData: boolean;
}

/**
 * d3-geo takes a polygon's rings as clockwise on the sphere; GeoJSON files differ. A ring wound the
 * other way would be the rest of the globe, so each polygon whose area exceeds a hemisphere is turned.
 */
function rewound(feature: CountyFeature): CountyFeature {
  const polygons = feature.geometry.type === "Polygon" ? [feature.geometry.coordinates] : feature.geometry.coordinates;
  const fixed = polygons.map((rings) => (geoArea({ type: "Polygon", coordinates: rings }) > 2 * Math.PI ? rings.map((r) => [...r].reverse()) : rings));
  return { ...feature, geometry: { type: "MultiPolygon", coordinates: fixed } };
}

interface Projected {
  width: number;
  height: number;
  path: ReturnType<typeof geoPath>;
  features: CountyFeature[];
}

const projectedCache = new Map<string, Projected>();
function projected(cityCode: string): Projected | undefined {
  const city: CityBoundaries | undefined = boundariesOf(cityCode);
  if (!city) return undefined;
  const key = cityCode.slice(0, 4);
  const kept = projectedCache.get(key);
  if (kept) return kept;
  const features = city.features.map(rewound);
  const collection = { type: "FeatureCollection", features } as GeoPermissibleObjects;
  // Mercator is conformal, and over one city its scale barely changes: a circle stays a circle.
  const projection = geoMercator().fitWidth(WIDTH - 2 * PAD, collection);
  const [[, y0], [, y1]] = geoPath(projection).bounds(collection);
  projection.translate([projection.translate()[0] + PAD, projection.translate()[1] - y0 + PAD]);
  const result = { width: WIDTH, height: Math.ceil(y1 - y0 + 2 * PAD), path: geoPath(projection).digits(1), features };
  projectedCache.set(key, result);
  return result;
}

/** Relative luminance and contrast ratio (WCAG 2.x). */
export function contrast(a: string, b: string): number {
  const lum = (hex: string) => {
    const [r, g, bl] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255).map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
    return 0.2126 * r! + 0.7152 * g! + 0.0722 * bl!;
  };
  const [hi, lo] = [lum(a), lum(b)].sort((x, y) => y - x);
  return (hi! + 0.05) / (lo! + 0.05);
}
export const textOn = (fill: string) => (contrast(fill, DARK_TEXT) >= contrast(fill, LIGHT_TEXT) ? DARK_TEXT : LIGHT_TEXT);

/**
 * A city's counties coloured by a value each (five equal bands over the values' nice range).
 * Counties without a value are white and say so in the table. Undefined for anything but a city
 * with outlines in data/geo (a province's areas are cities, a county's are towns: neither is drawn).
 */
export function choropleth(cityCode: string, values: ReadonlyMap<string, number | null>, names?: ReadonlyMap<string, string>): ChoroplethGeometry | undefined {
  if (!/^\d{4}00$/.test(cityCode) || cityCode.endsWith("0000")) return undefined; // a county's areas are towns: no outlines
  const p = projected(cityCode);
  if (!p) return undefined;
  const known = [...values.values()].filter((v): v is number => v !== null && Number.isFinite(v));
  const lo = known.length ? Math.min(...known) : 0;
  const hi = known.length ? Math.max(...known) : 1;
  const scale = scaleQuantize<number>().domain([lo, hi === lo ? lo + 1 : hi]).nice(MAP_FILLS.length).range(MAP_FILLS.map((_, i) => i));
  const [d0, d1] = scale.domain() as [number, number];
  const step = (d1 - d0) / MAP_FILLS.length;
  const legend = MAP_FILLS.map((fill, i) => ({ fill, from: d0 + i * step, to: d0 + (i + 1) * step }));
  const areas = p.features.map((f): MapArea => {
    const value = values.get(f.properties.code) ?? null;
    const band = value === null ? -1 : scale(value);
    const fill = band < 0 ? NO_DATA_FILL : MAP_FILLS[band]!;
    const [x, y] = p.path.centroid(f as GeoPermissibleObjects);
    const big = p.path.area(f as GeoPermissibleObjects) >= LABEL_MIN_AREA;
    return {
      code: f.properties.code,
      name: names?.get(f.properties.code) ?? f.properties.name,
      d: p.path(f as GeoPermissibleObjects) ?? "",
      value,
      fill,
      band,
      label: big && value !== null ? { x: Math.round(x * 10) / 10, y: Math.round(y * 10) / 10, color: textOn(fill) } : null,
    };
  });
  // Areas with a value but no outline (development zones, 410171) are not drawn, but the table lists them.
  const drawn = new Set(areas.map((a) => a.code));
  for (const [code, value] of values) {
    if (drawn.has(code)) continue;
    const band = value === null ? -1 : scale(value);
    areas.push({ code, name: names?.get(code) ?? code, d: "", value, fill: band < 0 ? NO_DATA_FILL : MAP_FILLS[band]!, band, label: null });
  }
  return { width: p.width, height: p.height, areas, legend, noData: areas.some((a) => a.value === null) };
}

export interface MapPointInput {
  lat: number;
  lng: number;
  label: string;
  radiusKm?: number;
}
export interface PointsGeometry {
  width: number;
  height: number;
  outlines: { code: string; name: string; d: string }[];
  points: { n: number; label: string; x: number; y: number; radiusKm: number | null; circle: string | null; inside: boolean }[];
}

/**
 * Service points (or anything with a place) on a city's county outlines, numbered for the list the
 * page prints beside them, each with its circle: a geodesic circle of radiusKm, so the projection
 * bends it as it bends the land.
 */
export function pointsMap(cityCode: string, points: readonly MapPointInput[]): PointsGeometry | undefined {
  const p = projected(cityCode);
  if (!p) return undefined;
  const projection = p.path.projection() as ReturnType<typeof geoMercator>;
  const EARTH_KM_PER_DEGREE = (6371.0088 * Math.PI) / 180;
  return {
    width: p.width,
    height: p.height,
    outlines: p.features.map((f) => ({ code: f.properties.code, name: f.properties.name, d: p.path(f as GeoPermissibleObjects) ?? "" })),
    points: points.map((pt, i) => {
      const [x, y] = projection([pt.lng, pt.lat]) ?? [Number.NaN, Number.NaN];
      const radiusKm = pt.radiusKm && pt.radiusKm > 0 ? pt.radiusKm : null;
      const circle = radiusKm ? p.path(geoCircle().center([pt.lng, pt.lat]).radius(radiusKm / EARTH_KM_PER_DEGREE).precision(3)()) : null;
      return {
        n: i + 1,
        label: pt.label,
        x: Math.round(x * 10) / 10,
        y: Math.round(y * 10) / 10,
        radiusKm,
        circle,
        inside: x >= 0 && x <= p.width && y >= 0 && y <= p.height,
      };
    }),
  };
}
