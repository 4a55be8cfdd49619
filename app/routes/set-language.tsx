import { redirect, type LoaderFunctionArgs } from "@remix-run/node";
import { z } from "zod";
import { LANGUAGES } from "~/i18n/i18n.ts";
import { languageCookie } from "~/i18n/language.server.ts";
import { safeRedirectPath } from "~/utils/safe-redirect.ts";

const schema = z.object({ lng: z.enum(LANGUAGES).catch("zh-CN"), redirectTo: z.string().optional() });

/** A plain link (works without JavaScript): sets the cookie and returns to the same page and query. */
export async function loader({ request }: LoaderFunctionArgs) {
  const { lng, redirectTo } = schema.parse(Object.fromEntries(new URL(request.url).searchParams));
  return redirect(safeRedirectPath(redirectTo), { headers: { "Set-Cookie": await languageCookie.serialize(lng) } });
}
