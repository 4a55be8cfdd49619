import type { Filter, MultiSearchQuery } from "meilisearch";
import type { OpportunityCard } from "./cards.ts";
import type { SearchConnection } from "./client.ts";
import { filtersFor, type SearchRequest } from "./query.ts";

/** One saved search to check: its search, and the moment after which an item is new to it. */
export interface AlertCheck {
  id: number;
  req: Omit<SearchRequest, "page" | "pageSize" | "sort">;
  /** Whole seconds, like the index's postedAt: items of that second count too (what was sent is left out by the caller). */
  sinceSec: number;
}

/** Saved searches are checked in multi-searches of this many queries. */
const PER_REQUEST = 100;

/**
 * New items for many saved searches at once: each search's own words and filters plus "posted
 * after", newest first, up to `limit` each. What was already sent is the caller's to leave out.
 */
export async function newItemsFor({ client, indexUid }: SearchConnection, checks: AlertCheck[], now: Date, limit = 20): Promise<Map<number, OpportunityCard[]>> {
  const nowSec = Math.floor(now.getTime() / 1000);
  const found = new Map<number, OpportunityCard[]>();
  for (let at = 0; at < checks.length; at += PER_REQUEST) {
    const slice = checks.slice(at, at + PER_REQUEST);
    const queries: MultiSearchQuery[] = slice.map((check) => ({
      indexUid,
      q: check.req.q,
      filter: [...filtersFor({ ...check.req, sort: "newest", page: 1, pageSize: limit }, nowSec, "posted"), `postedAt >= ${check.sinceSec}`] as Filter,
      sort: ["postedAt:desc"],
      // Every word must match: the page ranks partial matches low, but a message is only for real ones.
      matchingStrategy: "all",
      limit,
      attributesToRetrieve: ["card"],
    }));
    const { results } = await client.multiSearch({ queries });
    slice.forEach((check, i) => found.set(check.id, (results[i]?.hits ?? []).map((hit) => hit.card as OpportunityCard)));
  }
  return found;
}
