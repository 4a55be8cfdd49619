import type { TFunction } from "i18next";
import { getEnv } from "../../env.server.ts";
import type { SearchParams } from "../search/params.ts";
import { regionName, type RegionInfo } from "../regions/regions.server.ts";

/** The site's own address, for links in messages. */
export const siteUrl = () => getEnv().SITE_URL?.replace(/\/$/, "") ?? `http://localhost:${getEnv().PORT}`;

/** A saved search in a few words for a message: its words, kinds and place. */
export function describeSearch(t: TFunction, search: SearchParams, regions: Map<string, RegionInfo>, lang: string): string {
  const parts = [search.q, ...search.kind.map((k) => t(`kinds.${k}`)), search.county ? regionName(regions, search.town ?? search.county, lang) : ""].filter(Boolean);
  return parts.length ? parts.join(" · ") : t("alerts.everything");
}
