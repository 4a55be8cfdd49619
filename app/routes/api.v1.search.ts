import { createHash } from "node:crypto";
import type { LoaderFunctionArgs } from "@remix-run/node";
import { getLanguage } from "~/i18n/language.server.ts";
import { parseSearchParams } from "~/modules/search/params.ts";
import { loadSearchPage } from "~/modules/search/search-page.server.ts";

/**
 * A cache may keep an answer but must ask again every time (no-cache): the ETag is the answer's own
 * hash, so a post approved a moment ago changes it and the next conditional request gets it, while
 * an unchanged answer costs a 304. A lifetime, however short, would break "visible within 2 s".
 */
const CACHING = { "Cache-Control": "public, no-cache", "Access-Control-Allow-Origin": "*", "Access-Control-Expose-Headers": "ETag" };

const matches = (ifNoneMatch: string | null, etag: string) =>
  ifNoneMatch !== null && ifNoneMatch.split(",").some((tag) => tag.trim() === "*" || tag.trim().replace(/^W\//, "") === etag.replace(/^W\//, ""));

/** GET /api/v1/search — the search page's parameters, as JSON. Documented in the README. */
export async function loader({ request }: LoaderFunctionArgs) {
  const { params, notes } = parseSearchParams(new URL(request.url).searchParams);
  const page = await loadSearchPage(params, notes, await getLanguage(request));
  const body = JSON.stringify(
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
  );
  // Weak: compression changes the bytes on the wire, not the answer.
  const etag = `W/"${createHash("sha256").update(body).digest("base64url").slice(0, 27)}"`;
  if (matches(request.headers.get("If-None-Match"), etag)) return new Response(null, { status: 304, headers: { ...CACHING, ETag: etag } });
  return new Response(body, { headers: { ...CACHING, ETag: etag, "Content-Type": "application/json; charset=utf-8" } });
}
