import type { LoaderFunctionArgs } from "@remix-run/node";
import { getLanguage } from "~/i18n/language.server.ts";
import { parseSearchParams } from "~/modules/search/params.ts";
import { loadSearchPage } from "~/modules/search/search-page.server.ts";

/** GET /api/v1/search — the search page's parameters, as JSON. Documented in the README. */
export async function loader({ request }: LoaderFunctionArgs) {
  const { params, notes } = parseSearchParams(new URL(request.url).searchParams);
  const page = await loadSearchPage(params, notes, await getLanguage(request));
  return Response.json(
    {
      query: page.params,
      notes: page.notes,
      source: page.source,
      total: page.total,
      page: page.params.page,
      totalPages: page.totalPages,
      results: page.cards.map((c) => ({ ...c, url: `/${c.kind}/${c.id}`, api: `/api/v1/${c.kind}/${c.id}` })),
      facets: {
        kind: page.facets.kind ?? {},
        county: page.labels.counties,
        town: page.labels.towns,
        industry: page.labels.industries,
        payBand: page.facets.payBand ?? {},
        group: page.facets.groups ?? {},
        brand: page.labels.brands,
        postedWithinDays: page.postedCounts,
      },
    },
    { headers: { "Cache-Control": "public, max-age=30", "Access-Control-Allow-Origin": "*" } },
  );
}
