import { createCookie } from "@remix-run/node";
import { DEFAULT_LANGUAGE, isLanguage, type Language } from "./i18n.ts";

export const languageCookie = createCookie("lng", { path: "/", sameSite: "lax", httpOnly: true, maxAge: 60 * 60 * 24 * 365 });

/** Chinese first: English only when asked for (?lng=en or the cookie the switch sets). */
export async function getLanguage(request: Request): Promise<Language> {
  const fromQuery = new URL(request.url).searchParams.get("lng");
  if (isLanguage(fromQuery)) return fromQuery;
  const fromCookie = await languageCookie.parse(request.headers.get("Cookie"));
  return isLanguage(fromCookie) ? fromCookie : DEFAULT_LANGUAGE;
}
