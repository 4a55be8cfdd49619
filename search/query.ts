import type { Filter, MultiSearchQuery } from "meilisearch";
import type { SearchConnection } from "./client.ts";
import type { OpportunityCard } from "./cards.ts";
import type { OpportunityKind } from "./documents.ts";
import { isFresh, searchGeneration } from "./freshness.ts";

/** The search state as search/ needs it (the app's zod-parsed params satisfy this). */
export interface SearchRequest {
  q: string;
  kind: OpportunityKind[];
  county?: string;
  town?: string;
  industry?: string;
  pay?: string;
  posted?: string;
  group?: string;
  brand?: string;
  /** Where the visitor is ("near me"): distances, the distance sort and the radius are from here. */
  origin?: { lat: number; lng: number };
  /** Only items within this many km of the origin. */
  withinKm?: number;
  sort: "relevance" | "newest" | "pay" | "distance";
  page: number;
  pageSize: number;
}

export const FACETS = ["kind", "countyCode", "townCode", "industry", "payBand", "groups", "brand"] as const;
type FacetName = (typeof FACETS)[number];

export interface SearchHits {
  /** The result cards as the index stores them, in rank order. */
  cards: OpportunityCard[];
  total: number;
  facets: Partial<Record<FacetName, Record<string, number>>>;
  postedCounts: Record<string, number>;
  processingTimeMs: number;
}

const POSTED_DAYS = ["1", "7", "30"] as const;

const quote = (value: string) => `"${value.replace(/["\\]/g, "")}"`;

/**
 * Open, as the index sees it: it holds only published items (the indexer picks them by
 * app/modules/opportunities/open.ts), each with its deadline as validUntil, so what remains is the date.
 */
const openFilter = (nowSec: number) => `validUntil >= ${nowSec}`;

export function filtersFor(req: SearchRequest, nowSec: number, except?: FacetName | "posted"): string[] {
  const filters = [openFilter(nowSec)];
  if (req.kind.length && except !== "kind") filters.push(`kind IN [${req.kind.map(quote).join(", ")}]`);
  if (req.county && except !== "countyCode") filters.push(`countyCode = ${quote(req.county)}`);
  if (req.town && except !== "townCode") filters.push(`townCode = ${quote(req.town)}`);
  if (req.industry && except !== "industry") filters.push(`industry = ${quote(req.industry)}`);
  if (req.pay && except !== "payBand") filters.push(`payBand = ${quote(req.pay)}`);
  if (req.group && except !== "groups") filters.push(`groups = ${quote(req.group)}`);
  if (req.brand && except !== "brand") filters.push(`brand = ${quote(req.brand)}`);
  if (req.posted && except !== "posted") filters.push(`postedAt >= ${nowSec - Number(req.posted) * 86400}`);
  if (req.origin && req.withinKm) filters.push(`_geoRadius(${req.origin.lat}, ${req.origin.lng}, ${Math.round(req.withinKm * 1000)})`);
  return filters;
}

function sortFor(req: SearchRequest): string[] | undefined {
  switch (req.sort) {
    case "newest":
      return ["postedAt:desc"];
    case "pay":
      return ["payMonthly:desc", "postedAt:desc"];
    case "distance":
      // Items in one town share its point: the newest of them first.
      return req.origin ? [`_geoPoint(${req.origin.lat}, ${req.origin.lng}):asc`, "postedAt:desc"] : undefined;
    default:
      return undefined;
  }
}

const ACTIVE_FACET: Record<FacetName, keyof SearchRequest> = {
  kind: "kind", countyCode: "county", townCode: "town", industry: "industry", payBand: "pay", groups: "group", brand: "brand",
};

/** The facets a page shows for a request: a county's towns only once a county is chosen. */
function facetsShown(req: SearchRequest): FacetName[] {
  return FACETS.filter((f) => f !== "townCode" || Boolean(req.county));
}

interface Counts {
  facets: SearchHits["facets"];
  postedCounts: Record<string, number>;
}

/**
 * The counts of a view — its words and filters — are the same for every page, sort and language
 * of it: they are kept, and good while the search generation they were made at is current (the
 * sync moves it on when a change lands) and for FRESH_FOR_MS at most (items also close by date
 * alone). Paging through results or changing the order then costs Meilisearch one hits query.
 */
const MAX_KEPT_COUNTS = 2_000;
const holder = globalThis as typeof globalThis & { __viewCounts?: Map<string, Counts & { generation: number; madeAt: number }> };
const viewCounts = (holder.__viewCounts ??= new Map());

function viewKey(indexUid: string, req: SearchRequest): string {
  const { q, kind, county, town, industry, pay, posted, group, brand, origin, withinKm } = req;
  const radius = origin && withinKm ? [origin.lat, origin.lng, withinKm] : null;
  return JSON.stringify([indexUid, q.trim(), [...kind].sort(), county, town, industry, pay, posted, group, brand, radius]);
}

function keepCounts(key: string, counts: Counts, generation: number) {
  viewCounts.delete(key);
  viewCounts.set(key, { ...counts, generation, madeAt: Date.now() });
  if (viewCounts.size > MAX_KEPT_COUNTS) viewCounts.delete(viewCounts.keys().next().value!);
}

function keptCounts(key: string, nowMs: number): Counts | undefined {
  const kept = viewCounts.get(key);
  if (!kept || !isFresh(kept, nowMs)) return undefined;
  return { facets: kept.facets, postedCounts: kept.postedCounts };
}

/**
 * One multi-search: the page of cards with the facet counts the page shows, plus one count-only
 * query per active facet (so a chosen facet still shows its siblings' counts) and one per "posted
 * within" option — or, for a view whose counts are kept, the page of cards alone.
 */
export async function searchIds({ client, indexUid }: SearchConnection, req: SearchRequest, now = new Date()): Promise<SearchHits> {
  const nowSec = Math.floor(now.getTime() / 1000);
  const generation = searchGeneration();
  const key = viewKey(indexUid, req);
  const kept = keptCounts(key, Date.now());
  const shown = facetsShown(req);
  const active = kept ? [] : shown.filter((f) => {
    const value = req[ACTIVE_FACET[f]];
    return Array.isArray(value) ? value.length > 0 : Boolean(value);
  });
  const queries: MultiSearchQuery[] = [
    {
      indexUid,
      q: req.q,
      filter: filtersFor(req, nowSec) as Filter,
      facets: kept ? [] : shown,
      sort: sortFor(req),
      page: req.page,
      hitsPerPage: req.pageSize,
      attributesToRetrieve: ["card"],
    },
    ...active.map((facet) => ({
      indexUid, q: req.q, filter: filtersFor(req, nowSec, facet) as Filter, facets: [facet], hitsPerPage: 0, page: 1,
    })),
    ...(kept ? [] : POSTED_DAYS).map((days) => ({
      indexUid,
      q: req.q,
      filter: [...filtersFor(req, nowSec, "posted"), `postedAt >= ${nowSec - Number(days) * 86400}`] as Filter,
      hitsPerPage: 0,
      page: 1,
    })),
  ];
  const { results } = await client.multiSearch({ queries });
  const [main, ...rest] = results;
  if (!main) throw new Error("empty multi-search response");
  let counts: Counts;
  if (kept) counts = kept;
  else {
    const facets: SearchHits["facets"] = { ...(main.facetDistribution as SearchHits["facets"]) };
    active.forEach((facet, i) => {
      const distribution = rest[i]?.facetDistribution?.[facet];
      if (distribution) facets[facet] = distribution;
    });
    const postedCounts: Record<string, number> = {};
    POSTED_DAYS.forEach((days, i) => {
      postedCounts[days] = rest[active.length + i]?.totalHits ?? 0;
    });
    counts = { facets, postedCounts };
    keepCounts(key, counts, generation);
  }
  return {
    cards: main.hits.map((hit) => hit.card as OpportunityCard),
    total: main.totalHits ?? main.estimatedTotalHits ?? 0,
    ...counts,
    processingTimeMs: main.processingTimeMs,
  };
}

export interface HomeListing {
  counts: Partial<Record<OpportunityKind, number>>;
  /** Gig work whose day is today, nearest to the visitor first (newest first without a place). */
  gigsToday: OpportunityCard[];
  /** When today has too few: the next days' gig work, soonest first. */
  gigsSoon: OpportunityCard[];
}

/**
 * The home page in one call: how many open items of each kind search has, and gig work for today
 * near the visitor's home. A gig leaves search at the end of its work day, so "today" is every open
 * gig whose validUntil falls before tonight's end.
 */
export async function homeListing(
  { client, indexUid }: SearchConnection,
  options: { origin?: { lat: number; lng: number }; endOfToday: Date; limit: number },
  now = new Date(),
): Promise<HomeListing> {
  const nowSec = Math.floor(now.getTime() / 1000);
  const tonight = Math.floor(options.endOfToday.getTime() / 1000);
  const open = openFilter(nowSec);
  const near = options.origin ? [`_geoPoint(${options.origin.lat}, ${options.origin.lng}):asc`] : [];
  const card = { indexUid, q: "", hitsPerPage: options.limit, page: 1, attributesToRetrieve: ["card"] };
  const { results } = await client.multiSearch({
    queries: [
      { indexUid, q: "", filter: [open] as Filter, facets: ["kind"], hitsPerPage: 0, page: 1 },
      { ...card, filter: [open, `validUntil <= ${tonight}`, `kind = "gig"`] as Filter, sort: [...near, "postedAt:desc"] },
      { ...card, filter: [`validUntil > ${tonight}`, `kind = "gig"`] as Filter, sort: ["validUntil:asc", ...near] },
    ],
  });
  const [counted, today, soon] = results;
  const cards = (r: typeof today) => (r?.hits ?? []).map((hit) => hit.card as OpportunityCard);
  const gigsToday = cards(today);
  return {
    counts: (counted?.facetDistribution?.kind ?? {}) as Partial<Record<OpportunityKind, number>>,
    gigsToday,
    gigsSoon: cards(soon).slice(0, Math.max(0, options.limit - gigsToday.length)),
  };
}

/** What a detail page knows of its item when it asks for similar open ones. */
export interface SimilarTo {
  kind: OpportunityKind;
  id: number;
  countyCode: string;
  /** Narrows the nearby list: the item's industry, or a course's labour brand. */
  industry?: string | null;
  brand?: string | null;
  /** The same work anywhere: an occupation, a trade, a title. */
  words: string;
}

/**
 * Open items like one (a detail page's "related"), as cards from the index in one call: the same
 * kind nearby (its county, and its industry or brand when it has one), newest first; then the same
 * work anywhere, by relevance. The item itself is left out.
 */
export async function similarCards({ client, indexUid }: SearchConnection, item: SimilarTo, limit: number, now = new Date()): Promise<OpportunityCard[]> {
  const open = [openFilter(Math.floor(now.getTime() / 1000)), `kind = ${quote(item.kind)}`];
  const nearby = [...open, `countyCode = ${quote(item.countyCode)}`];
  if (item.industry) nearby.push(`industry = ${quote(item.industry)}`);
  if (item.brand) nearby.push(`brand = ${quote(item.brand)}`);
  const common = { indexUid, hitsPerPage: limit + 1, page: 1, attributesToRetrieve: ["card"] };
  const { results } = await client.multiSearch({
    queries: [
      { ...common, q: "", filter: nearby as Filter, sort: ["postedAt:desc"] },
      { ...common, q: item.words, filter: open as Filter },
    ],
  });
  const seen = new Set([`${item.kind}-${item.id}`]);
  const cards: OpportunityCard[] = [];
  for (const hit of results.flatMap((r) => r.hits)) {
    const card = hit.card as OpportunityCard;
    if (cards.length < limit && !seen.has(card.key)) cards.push(card);
    seen.add(card.key);
  }
  return cards;
}
