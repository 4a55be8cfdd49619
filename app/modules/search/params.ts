import { z } from "zod";
import { PAY_BANDS, OPPORTUNITY_KINDS } from "../../../search/documents.ts";
import { GROUP_CODES, MAX_PAGE, MAX_QUERY_LENGTH, POSTED_WITHIN, SORTS, WITHIN_KM, type ParamNote, type SearchParams } from "./search-url.ts";

export * from "./search-url.ts";

const countyCode = z.string().regex(/^\d{6}$/);
const townCode = z.string().regex(/^\d{9}$/);
const slug = z.string().regex(/^[a-z][a-z0-9_]{0,40}$/);

/** Where "near me" starts: a town or county code, or "lat,lng" from the browser (two decimals, about 1 km). */
export const nearParam = z.union([
  z.string().regex(/^\d{6}(\d{3})?$/),
  // A browser location, rounded so that one place makes one URL (and the exact spot is never sent).
  z.string().regex(/^-?\d{1,2}\.\d{1,2},-?\d{1,3}\.\d{1,2}$/).refine((v) => {
    const [lat, lng] = v.split(",").map(Number) as [number, number];
    return Math.abs(lat) <= 90 && Math.abs(lng) <= 180;
  }),
]);

const single = {
  county: countyCode,
  town: townCode,
  industry: slug,
  pay: z.enum(PAY_BANDS),
  posted: z.enum(POSTED_WITHIN),
  group: z.enum(GROUP_CODES),
  brand: slug,
  near: nearParam,
  within: z.enum(WITHIN_KM),
} as const;

export const KNOWN_PARAMS = new Set(["q", "kind", "sort", "page", "lng", ...Object.keys(single)]);

/**
 * Parses a search URL leniently: every value is checked with zod, and a bad one is dropped (or
 * clamped) with a note instead of failing the request.
 */
export function parseSearchParams(input: URLSearchParams): { params: SearchParams; notes: ParamNote[] } {
  const notes: ParamNote[] = [];
  const note = (param: string, key: string) => notes.push({ param, key });

  // eslint-disable-next-line no-control-regex -- stripping control characters is the point
  let q = (input.get("q") ?? "").replace(/[\u0000-\u001f\u007f]/g, " ").trim();
  if (q.length > MAX_QUERY_LENGTH) {
    q = q.slice(0, MAX_QUERY_LENGTH);
    note("q", "notes.queryTruncated");
  }

  const kind: SearchParams["kind"] = [];
  for (const value of input.getAll("kind")) {
    const parsed = z.enum(OPPORTUNITY_KINDS).safeParse(value);
    if (parsed.success) {
      if (!kind.includes(parsed.data)) kind.push(parsed.data);
    } else note("kind", "notes.badKind");
  }

  const params: SearchParams = { q, kind, sort: "relevance", page: 1 };
  for (const [name, schema] of Object.entries(single) as [keyof typeof single, z.ZodTypeAny][]) {
    const raw = input.get(name);
    if (raw === null || raw === "") continue;
    const parsed = schema.safeParse(raw);
    if (parsed.success) (params as unknown as Record<string, unknown>)[name] = parsed.data;
    else note(name, "notes.badValue");
  }
  if (params.town) {
    if (!params.county) params.county = params.town.slice(0, 6);
    else if (!params.town.startsWith(params.county)) {
      delete params.town;
      note("town", "notes.badValue");
    }
  }

  if (params.within && !params.near) {
    delete params.within;
    note("within", "notes.needsNear");
  }

  const sort = input.get("sort");
  if (sort) {
    const parsed = z.enum(SORTS).safeParse(sort);
    if (parsed.success) params.sort = parsed.data;
    else note("sort", "notes.badValue");
    if (params.sort === "distance" && !params.near) {
      params.sort = "relevance";
      note("sort", "notes.needsNear");
    }
  }

  const page = input.get("page");
  if (page) {
    const parsed = z.coerce.number().int().min(1).max(MAX_PAGE).safeParse(page);
    if (parsed.success) params.page = parsed.data;
    else note("page", "notes.badPage");
  }

  for (const name of new Set(input.keys())) {
    if (!KNOWN_PARAMS.has(name)) note(name, "notes.unknownParam");
  }
  return { params, notes };
}
