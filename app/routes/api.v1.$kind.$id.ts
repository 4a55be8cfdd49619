import type { LoaderFunctionArgs } from "@remix-run/node";
import { getLanguage } from "~/i18n/language.server.ts";
import { loadDetail, publicItem } from "~/modules/opportunities/detail.server.ts";
import { opportunityRef } from "~/utils/route-params.server.ts";

const headers = { "Access-Control-Allow-Origin": "*", "Cache-Control": "public, max-age=60" };

/** GET /api/v1/{kind}/{id} — one opportunity as JSON; 404 with a message for unknown ids. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const parsed = opportunityRef.safeParse(params);
  if (!parsed.success) return Response.json({ error: "not_found", message: "Unknown kind or id" }, { status: 404, headers });
  const detail = await loadDetail(parsed.data.kind, parsed.data.id, await getLanguage(request));
  if (!detail) return Response.json({ error: "not_found", message: "No such item" }, { status: 404, headers });
  const { related, open, kind } = detail;
  // The same public shape the detail page shows (app/modules/opportunities/public-item.ts).
  return Response.json({ kind, open, item: publicItem(detail), related: related.map((r) => ({ kind: r.kind, id: r.id, title: r.title, api: `/api/v1/${r.kind}/${r.id}` })) }, { headers });
}
