import { createCookie } from "@remix-run/node";
import { z } from "zod";
import type { RegionPickerOptions } from "../../components/region-options.ts";
import { getEnv } from "../../env.server.ts";
import { safeRedirectPath } from "../../utils/safe-redirect.ts";
import { sitePickerOptions } from "../regions/picker.server.ts";
import { getRegions } from "../regions/regions.server.ts";
import { nearParam } from "./params.ts";

/**
 * The visitor's chosen home town, remembered for a year so that "near me" works on every visit:
 * a region code and nothing else (no account, no exact position: the browser's location is only
 * ever in the URL of the search that asked for it).
 */
const homeTownCookie = createCookie("home", { path: "/", sameSite: "lax", httpOnly: true, maxAge: 60 * 60 * 24 * 365 });

const isRegionCode = (value: unknown): value is string => typeof value === "string" && /^\d{6}(\d{3})?$/.test(value);

export async function getHomeTown(request: Request): Promise<string | undefined> {
  const value: unknown = await homeTownCookie.parse(request.headers.get("Cookie"));
  return isRegionCode(value) ? value : undefined;
}

/** Set-Cookie for a chosen home town, or for forgetting it (null). */
export function homeTownHeader(code: string | null): Promise<string> {
  const secure = getEnv().NODE_ENV === "production" && getEnv().COOKIE_SECURE !== "false";
  return code ? homeTownCookie.serialize(code, { secure }) : homeTownCookie.serialize("", { secure, maxAge: 0 });
}

/** Where "near me" starts for a page: the URL's valid "near", else the remembered home town. */
export async function nearOf(request: Request): Promise<string | undefined> {
  const parsed = nearParam.safeParse(new URL(request.url).searchParams.get("near"));
  return parsed.success ? parsed.data : getHomeTown(request);
}

/** The URL's search parameters, with the remembered home town as "near" when the URL names no place. */
export async function withHomeTown(request: Request): Promise<URLSearchParams> {
  const query = new URL(request.url).searchParams;
  if (!query.get("near")) {
    const home = await getHomeTown(request);
    if (home) query.set("near", home);
  }
  return query;
}

/** A code a visitor may choose as home: a county or town the site knows (and still carries). */
export async function homeTownChoice(code: string | undefined): Promise<string | null> {
  if (!code) return null;
  const region = (await getRegions()).get(code);
  return region && !region.retiredAt && (region.level === "county" || region.level === "town") ? code : null;
}

/** Where to go once a home town is chosen: the page asked for, without a "near" of its own (the cookie now says it). */
export function afterChoosingHome(redirectTo: string | undefined): string {
  const url = new URL(safeRedirectPath(redirectTo), "http://site.invalid");
  url.searchParams.delete("near");
  return `${url.pathname}${url.search}`;
}

/** What the home-town page offers: the site's own counties and towns, and the current choice. */
export async function homeTownPicker(request: Request, lang: string): Promise<{ options: RegionPickerOptions; county: string | null; town: string | null; redirectTo: string }> {
  const home = await getHomeTown(request);
  const asked = z.string().max(1000).safeParse(new URL(request.url).searchParams.get("redirectTo"));
  const redirectTo = safeRedirectPath(asked.success ? asked.data : undefined, "/search?sort=distance");
  const options = await sitePickerOptions(lang);
  const region = home ? (await getRegions()).get(home) : undefined;
  if (!region) return { options, county: null, town: null, redirectTo };
  return region.level === "town" ? { options, county: region.parentCode, town: region.code, redirectTo } : { options, county: region.code, town: null, redirectTo };
}
