import { searchOpportunities, type SearchOutcome } from "../opportunities/opportunities.server.ts";
import { getBrands, getIndustries, getRegions, regionName } from "../regions/regions.server.ts";
import type { ParamNote, SearchParams } from "./params.ts";

export interface FacetOption {
  value: string;
  label: string;
  count: number;
}

export interface SearchPageData extends Omit<SearchOutcome, "cards"> {
  params: SearchParams;
  notes: ParamNote[];
  cards: (SearchOutcome["cards"][number] & { place: string })[];
  labels: { counties: FacetOption[]; towns: FacetOption[]; industries: FacetOption[]; brands: FacetOption[] };
  nearbyCounties: FacetOption[];
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

  const counties = [...regions.values()].filter((r) => r.level === "county");
  const countyCounts = outcome.facets.countyCode ?? {};
  const countyOptions = counties
    .map((c) => ({ value: c.code, label: name(c.code), count: countyCounts[c.code] ?? 0 }))
    .sort((a, b) => a.value.localeCompare(b.value));
  const nearbyCounties =
    outcome.total === 0 && params.county
      ? countyOptions.filter((c) => c.value !== params.county && c.count > 0).sort((a, b) => b.count - a.count).slice(0, 5)
      : [];

  return {
    ...outcome,
    params,
    notes,
    cards: outcome.cards.map((card) => ({
      ...card,
      place: [name(card.countyCode), card.regionCode !== card.countyCode ? name(card.regionCode.slice(0, 9)) : ""].filter(Boolean).join(" · "),
    })),
    labels: {
      counties: countyOptions,
      towns: params.county ? options(outcome.facets.townCode, name).filter((o) => o.value.startsWith(params.county!)) : [],
      industries: options(outcome.facets.industry, (code) => industryNames.get(code) ?? code),
      brands: options(outcome.facets.brand, (code) => brandNames.get(code) ?? code),
    },
    nearbyCounties,
  };
}
