import type { Filter, MultiSearchQuery } from "meilisearch";
import type { PrismaClient } from "../app/generated/prisma/client.ts";
import type { OpportunityCard } from "./cards.ts";
import type { SearchConnection } from "./client.ts";
import type { SearchDocument } from "./documents.ts";
import { documentsPostedSince } from "./indexer.ts";
import { compileFilters, type DocumentTest } from "./recent-filters.ts";
import { indexSettings } from "./settings.ts";
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
const WAIT = { timeout: 120_000, interval: 25 };

/** A saved search's query: its own words and filters plus "posted after", newest first; every word must match. */
function alertQuery(indexUid: string, check: AlertCheck, nowSec: number, limit: number): MultiSearchQuery {
  return {
    indexUid,
    q: check.req.q,
    filter: [...filtersFor({ ...check.req, sort: "newest", page: 1, pageSize: limit }, nowSec, "posted"), `postedAt >= ${check.sinceSec}`] as Filter,
    sort: ["postedAt:desc"],
    // Every word must match: the page ranks partial matches low, but a message is only for real ones.
    matchingStrategy: "all",
    limit,
    attributesToRetrieve: ["card"],
  };
}

/**
 * New items for many saved searches at once, up to `limit` each; what was already sent is the
 * caller's to leave out. Searches that ask exactly the same (many people save "修脚师" in 紫阳,
 * and one pass gives them all the same "since") are asked once. `pause` runs between two
 * requests: the caller's chance to let the search page go first.
 */
export async function newItemsFor(
  { client, indexUid }: SearchConnection,
  checks: AlertCheck[],
  now: Date,
  options: { limit?: number; pause?: () => Promise<void> } = {},
): Promise<Map<number, OpportunityCard[]>> {
  const limit = options.limit ?? 20;
  const nowSec = Math.floor(now.getTime() / 1000);
  const byQuery = new Map<string, { query: MultiSearchQuery; ids: number[] }>();
  for (const check of checks) {
    const query = alertQuery(indexUid, check, nowSec, limit);
    const key = JSON.stringify([query.q, query.filter]);
    const same = byQuery.get(key);
    if (same) same.ids.push(check.id);
    else byQuery.set(key, { query, ids: [check.id] });
  }
  const distinct = [...byQuery.values()];
  const found = new Map<number, OpportunityCard[]>();
  for (let at = 0; at < distinct.length; at += PER_REQUEST) {
    if (at && options.pause) await options.pause();
    const slice = distinct.slice(at, at + PER_REQUEST);
    const { results } = await client.multiSearch({ queries: slice.map((s) => s.query) });
    slice.forEach((s, i) => {
      const cards = (results[i]?.hits ?? []).map((hit) => hit.card as OpportunityCard);
      for (const id of s.ids) found.set(id, cards);
    });
  }
  return found;
}

/** New items for saved searches: from the main index (newItemsFor) or from the index of recent posts. */
export type NewItemsFinder = (checks: AlertCheck[], now: Date, options?: { limit?: number; pause?: () => Promise<void> }) => Promise<Map<number, OpportunityCard[]>>;

/** Distinct search texts asked of the recent index per multi-search (each answer lists every match). */
const TEXTS_PER_REQUEST = 20;
/** Saved searches picked from the answers between two pauses. */
const PICKS_PER_TURN = 250;

/**
 * A small index of only what was posted since `since`, with the main index's settings (synonyms,
 * pinyin, filters), for checking many saved searches at once. Each distinct search text is asked
 * once, for all the recent posts it matches in rank order (newest first among equals); each saved
 * search's own filters (filtersFor's, and "posted after its own since", never before this one)
 * then pick its items from that list in memory (recent-filters.ts), so 100,000 saved searches cost
 * Meilisearch a few hundred queries. Built from the database as the main index is; removed when
 * `run` ends, and on the next use if a crash left it.
 */
export async function withRecentIndex<T>(
  prisma: PrismaClient,
  { client, indexUid }: SearchConnection,
  since: Date,
  now: Date,
  run: (find: NewItemsFinder, documents: number) => Promise<T>,
): Promise<T> {
  const uid = `${indexUid}_alerts`;
  await client.deleteIndex(uid).waitTask(WAIT).catch(() => undefined);
  try {
    await client.createIndex(uid, { primaryKey: "id" }).waitTask(WAIT);
    const documents = await documentsPostedSince(prisma, since, now);
    // Settings and documents queued together: Meilisearch indexes the documents once, with the
    // settings. Every match of a text is wanted, so the cap on hits is the number of documents.
    const settings = await client.index(uid).updateSettings({ ...indexSettings, pagination: { maxTotalHits: Math.max(1000, documents.length) } } as never);
    // One batch: Meilisearch indexes a few thousand documents in a second or two; in small batches
    // (measured: 500 each, with pauses) it spent more than twice the CPU over ten times as long.
    if (documents.length) {
      const added = await client.index(uid).addDocuments(documents).waitTask(WAIT);
      if (added.status !== "succeeded") throw new Error(`recent index: ${added.error?.message ?? added.status}`);
    }
    const task = await client.tasks.waitForTask(settings.taskUid, WAIT);
    if (task.status !== "succeeded") throw new Error(`recent index settings: ${task.error?.message ?? task.status}`);
    const byId = new Map(documents.map((d) => [d.id, d]));
    const matches = new Map<string, SearchDocument[]>();
    const tests = new Map<string, DocumentTest>();
    // Many saved searches are the same search with the same "since": picked once per pass.
    const picked = new Map<string, OpportunityCard[]>();
    const find: NewItemsFinder = async (checks, at, options = {}) => {
      const limit = options.limit ?? 20;
      const nowSec = Math.floor(at.getTime() / 1000);
      const texts = [...new Set(checks.map((c) => c.req.q))].filter((q) => !matches.has(q));
      for (let i = 0; i < texts.length; i += TEXTS_PER_REQUEST) {
        const slice = texts.slice(i, i + TEXTS_PER_REQUEST);
        const { results } = await client.multiSearch({
          queries: slice.map((q) => ({ indexUid: uid, q, sort: ["postedAt:desc"], matchingStrategy: "all" as const, limit: Math.max(1, documents.length), attributesToRetrieve: ["id"] })),
        });
        slice.forEach((q, j) => matches.set(q, (results[j]?.hits ?? []).flatMap((hit) => byId.get(hit.id as string) ?? [])));
        await options.pause?.();
      }
      const found = new Map<number, OpportunityCard[]>();
      for (let i = 0; i < checks.length; i++) {
        if (i && i % PICKS_PER_TURN === 0) await options.pause?.();
        const check = checks[i]!;
        const query = alertQuery(uid, check, nowSec, limit);
        const key = JSON.stringify(query.filter);
        const same = `${limit}\u0000${check.req.q}\u0000${key}`;
        let cards = picked.get(same);
        if (!cards) {
          let test = tests.get(key);
          if (!test) tests.set(key, (test = compileFilters(query.filter as string[])));
          cards = [];
          for (const doc of matches.get(check.req.q) ?? []) {
            if (!test(doc)) continue;
            cards.push(doc.card);
            if (cards.length === limit) break;
          }
          picked.set(same, cards);
        }
        found.set(check.id, cards);
      }
      return found;
    };
    return await run(find, documents.length);
  } finally {
    await client.deleteIndex(uid).waitTask(WAIT).catch(() => undefined);
  }
}
