import { redirect, type LoaderFunctionArgs } from "@remix-run/node";
import { z } from "zod";
import { afterChoosingHome, homeTownChoice, homeTownHeader } from "~/modules/search/home-town.server.ts";

const code = z.string().regex(/^\d{6}(\d{3})?$/).optional().catch(undefined);
/** The town picker sends county and town; a county alone is a choice too; "forget" clears it. */
const schema = z.object({ county: code, town: code, forget: z.string().optional(), redirectTo: z.string().max(1000).optional().catch(undefined) });

/** A plain GET form (works without JavaScript): remembers the home town and returns to the page. */
export async function loader({ request }: LoaderFunctionArgs) {
  const input = schema.parse(Object.fromEntries(new URL(request.url).searchParams));
  const chosen = input.forget ? null : await homeTownChoice(input.town ?? input.county);
  const headers = input.forget || chosen ? { "Set-Cookie": await homeTownHeader(chosen) } : undefined;
  return redirect(afterChoosingHome(input.redirectTo), { headers });
}
