import type { OpportunityCard } from "../../../search/cards.ts";
import { searchIds, similarCards, type SimilarTo } from "../../../search/query.ts";
import { getSearchService } from "../../../search/service.ts";
import { getBrands, getIndustries, getRegions, regionName, type RegionInfo, siteCounties } from "../regions/regions.server.ts";
import { distanceKm, nearLabel, originOf, placeOfSearch } from "./near.ts";
import { searchDatabase, similarFromDatabase, type SearchOutcome } from "./database.server.ts";
import { PAGE_SIZE, type ParamNote, type SearchParams } from "./params.ts";

/**
 * Search for the public, in one place: the search page, the open API and a detail page's similar
 * items ask here. Meilisearch answers with the cards it stores (no database read); when it cannot,
 * the database does (./database.server.ts), with the same cards.
 */

/** A card as lists show it: where it is in words and, when the visitor has said where they are, how far. */
export type PlacedCard = OpportunityCard & { place: string; distanceKm: number | null };

export interface FacetOption {
  value: string;
  label: string;
  count: number;
}

export interface SearchPageData extends Omit<SearchOutcome, "cards"> {
  params: SearchParams;
  notes: ParamNote[];
  cards: PlacedCard[];
  labels: { counties: FacetOption[]; towns: FacetOption[]; industries: FacetOption[]; brands: FacetOption[] };
  nearbyCounties: FacetOption[];
  /** The visitor's place in words ("near me"), when they chose one. */
  nearLabel: string | null;
}

/** Everything the search page and the search API show for one URL. */
export async function loadSearchPage(params: SearchParams, notes: ParamNote[], lang: string, now = new Date()): Promise<SearchPageData> {
  let outcome = await searchOpportunities(params, now);
  if (outcome.cards.length === 0 && params.page > 1 && outcome.totalPages > 0) {
    params = { ...params, page: outcome.totalPages };
    notes = [...notes, { param: "page", key: "notes.pageBeyond" }];
    outcome = await searchOpportunities(params, now);
  }
  const [regions, industries, brands] = await Promise.all([getRegions(), getIndustries(), getBrands()]);
  const en = lang === "en";
  const options = (distribution: Record<string, number> | undefined, label: (code: string) => string) =>
    Object.entries(distribution ?? {})
      .map(([value, count]) => ({ value, label: label(value), count }))
      .sort((a, b) => b.count - a.count || a.value.localeCompare(b.value));
  const industryNames = new Map(industries.map((i) => [i.code, en ? i.nameEn : i.nameZh]));
  const brandNames = new Map(brands.map((b) => [b.code, en ? b.nameEn : b.nameZh]));
  const name = (code: string) => regionName(regions, code, lang);

  const countyCounts = outcome.facets.countyCode ?? {};
  const countyOptions = siteCounties(regions).map((c) => ({ value: c.code, label: name(c.code), count: countyCounts[c.code] ?? 0 }));
  const nearbyCounties =
    outcome.total === 0 && params.county
      ? countyOptions.filter((c) => c.value !== params.county && c.count > 0).sort((a, b) => b.count - a.count).slice(0, 5)
      : [];

  return {
    ...outcome,
    params,
    notes,
    cards: withPlaces(outcome.cards, regions, lang, originOf(params.near)),
    labels: {
      counties: countyOptions,
      towns: params.county ? options(outcome.facets.townCode, name).filter((o) => o.value.startsWith(params.county!)) : [],
      industries: options(outcome.facets.industry, (code) => industryNames.get(code) ?? code),
      brands: options(outcome.facets.brand, (code) => brandNames.get(code) ?? code),
    },
    nearbyCounties,
    nearLabel: nearLabel(params.near, regions, lang),
  };
}


async function searchOpportunities(params: SearchParams, now: Date): Promise<SearchOutcome> {
  const request = { ...params, ...placeOfSearch(params), pageSize: PAGE_SIZE };
  const result = await getSearchService().run((connection) => searchIds(connection, request, now));
  if (!result.ok) {
    console.warn("search server unavailable, answering from the database:", String(result.error));
    return searchDatabase(params, now);
  }
  const { cards, total, facets, postedCounts } = result.value;
  return { cards, total, totalPages: Math.ceil(total / PAGE_SIZE), facets, postedCounts, source: "search" };
}

/** Open items like one, for its detail page. */
export async function loadSimilar(item: SimilarTo, limit: number, lang: string, now = new Date()): Promise<PlacedCard[]> {
  const result = await getSearchService().run((connection) => similarCards(connection, item, limit, now));
  const cards = result.ok ? result.value : await similarFromDatabase(item, limit, now);
  return withPlaces(cards, await getRegions(), lang);
}

/** Where a card is, as every list shows it: county, and town when it has one; and how far from the visitor. */
export function withPlaces(cards: OpportunityCard[], regions: Map<string, RegionInfo>, lang: string, origin?: { lat: number; lng: number }): PlacedCard[] {
  const name = (code: string) => regionName(regions, code, lang);
  return cards.map((card) => ({
    ...card,
    place: [name(card.countyCode), card.regionCode !== card.countyCode ? name(card.regionCode.slice(0, 9)) : ""].filter(Boolean).join(" · "),
    distanceKm: distanceKm(origin, card.point),
  }));
}
