import type { SearchDocument } from "./documents.ts";

/**
 * The filters filtersFor writes, checked on a document in memory, for the alerts' index of recent
 * posts: Meilisearch answers each distinct search text once, with every recent post it matches in
 * rank order, and each saved search's own filters pick from that list (a filter never changes how
 * the rest rank). Only the forms filtersFor writes are understood: another form fails loudly, so
 * a new filter there cannot be quietly skipped here (the tests compare with Meilisearch).
 */
export type DocumentTest = (doc: SearchDocument) => boolean;

type Value = string | number | boolean | null | undefined | string[];
const field = (doc: SearchDocument, name: string) => (doc as unknown as Record<string, Value>)[name];

const NUMBER = /^(\w+) (>=|>|<=|<) (-?\d+(?:\.\d+)?)$/;
const EQUALS = /^(\w+) = "([^"\\]*)"$/;
const IN_LIST = /^(\w+) IN \[((?:"[^"\\]*"(?:, )?)*)\]$/;
const RADIUS = /^_geoRadius\((-?\d+(?:\.\d+)?), (-?\d+(?:\.\d+)?), (\d+)\)$/;

/** Meilisearch's distance for _geoRadius: haversine on a sphere of the Earth's mean radius, in metres. */
export function haversineMetres(a: { lat: number; lng: number }, b: { lat: number; lng: number }): number {
  const rad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * rad;
  const dLng = (b.lng - a.lng) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLng / 2) ** 2;
  return 2 * 6_371_008.8 * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** An array field matches when any of its values does, as in Meilisearch. */
const has = (value: Value, wanted: string) => (Array.isArray(value) ? value.includes(wanted) : value === wanted);

function compileOne(filter: string): DocumentTest {
  let m = NUMBER.exec(filter);
  if (m) {
    const [, name, op, raw] = m as unknown as [string, string, string, string];
    const limit = Number(raw);
    return (doc) => {
      const v = field(doc, name);
      if (typeof v !== "number") return false;
      return op === ">=" ? v >= limit : op === ">" ? v > limit : op === "<=" ? v <= limit : v < limit;
    };
  }
  m = EQUALS.exec(filter);
  if (m) {
    const [, name, wanted] = m as unknown as [string, string, string];
    return (doc) => has(field(doc, name), wanted);
  }
  m = IN_LIST.exec(filter);
  if (m) {
    const [, name, list] = m as unknown as [string, string, string];
    const wanted = [...list.matchAll(/"([^"\\]*)"/g)].map((x) => x[1]!);
    return (doc) => wanted.some((w) => has(field(doc, name), w));
  }
  m = RADIUS.exec(filter);
  if (m) {
    const centre = { lat: Number(m[1]), lng: Number(m[2]) };
    const metres = Number(m[3]);
    return (doc) => doc._geo !== null && haversineMetres(centre, doc._geo) <= metres;
  }
  throw new Error(`alerts: no way to check the filter «${filter}» outside Meilisearch`);
}

/**
 * All the filters at once (they are ANDed, as Meilisearch takes a list). The date a saved search
 * asks about first: it leaves out most recent posts; whether a post is still open, which almost
 * all are, last.
 */
export function compileFilters(filters: string[]): DocumentTest {
  const rank = (f: string) => (f.startsWith("postedAt") ? 0 : f.startsWith("validUntil") ? 2 : 1);
  const tests = [...filters].sort((a, b) => rank(a) - rank(b)).map(compileOne);
  return (doc) => tests.every((test) => test(doc));
}
