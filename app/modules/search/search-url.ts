import type { OPPORTUNITY_KINDS, PAY_BANDS } from "../../../search/documents.ts";

/**
 * The search state's shape, limits and URL, without the parser: pages import these in the browser,
 * and the parser's zod schemas (params.ts) would bring zod along (~14 KiB of gzip).
 */
export const PAGE_SIZE = 20;
export const MAX_QUERY_LENGTH = 100;
export const MAX_PAGE = 500;
export const SORTS = ["relevance", "newest", "pay", "distance"] as const;
export const POSTED_WITHIN = ["1", "7", "30"] as const;
/** "Within N km of home" choices (straight-line distance). */
export const WITHIN_KM = ["5", "10", "20", "50"] as const;
export const GROUP_CODES = [
  "returnee", "graduate", "veteran", "employment_difficulty", "zero_employment_family",
  "lifted_from_poverty", "rural_migrant", "school_leaver", "disabled", "youth_unemployed",
] as const;

export interface SearchParams {
  q: string;
  kind: (typeof OPPORTUNITY_KINDS)[number][];
  county?: string;
  town?: string;
  industry?: string;
  pay?: (typeof PAY_BANDS)[number];
  posted?: (typeof POSTED_WITHIN)[number];
  group?: (typeof GROUP_CODES)[number];
  brand?: string;
  /** Where the visitor is: a town or county code, or "lat,lng" from the browser (two decimals, about 1 km). */
  near?: string;
  /** Only items within this many km of `near`. */
  within?: (typeof WITHIN_KM)[number];
  sort: (typeof SORTS)[number];
  page: number;
}

/** A note shown above results when a parameter was dropped or changed; `key` is an i18n key. */
export interface ParamNote {
  param: string;
  key: string;
}

/** The URL for a search state; `undefined` or empty values are left out. */
export function searchUrl(params: Partial<SearchParams>, base = "/search"): string {
  const query = new URLSearchParams();
  if (params.q) query.set("q", params.q);
  for (const k of params.kind ?? []) query.append("kind", k);
  for (const name of ["county", "town", "industry", "pay", "posted", "group", "brand", "near", "within"] as const) {
    const value = params[name];
    if (value) query.set(name, value);
  }
  if (params.sort && params.sort !== "relevance") query.set("sort", params.sort);
  if (params.page && params.page > 1) query.set("page", String(params.page));
  const text = query.toString();
  return text ? `${base}?${text}` : base;
}
