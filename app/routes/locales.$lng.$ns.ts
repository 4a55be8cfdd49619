import type { LoaderFunctionArgs } from "@remix-run/node";
import { z } from "zod";
import { LANGUAGES, NAMESPACES } from "~/i18n/i18n.ts";
import { namespaceSlice } from "~/i18n/i18n.server.ts";

const params = z.object({ lng: z.enum(LANGUAGES), ns: z.enum(NAMESPACES).exclude(["server"]) });

/**
 * GET /locales/:lng/:ns?v=hash — one language's strings of one namespace, for a client-side
 * navigation to a route that needs them. With the current hash in the URL the answer never changes,
 * so it may be kept a year; without it (or with an old one), it must be asked for again.
 */
export async function loader({ params: raw, request }: LoaderFunctionArgs) {
  const parsed = params.safeParse(raw);
  if (!parsed.success) throw new Response("Not found", { status: 404 });
  const slice = namespaceSlice(parsed.data.lng, parsed.data.ns);
  const current = new URL(request.url).searchParams.get("v") === slice.hash;
  return new Response(slice.json, {
    headers: {
      "Content-Type": "application/json; charset=utf-8",
      "Cache-Control": current ? "public, max-age=31536000, immutable" : "public, no-cache",
      ETag: `"${slice.hash}"`,
    },
  });
}
