import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { searchOf } from "../app/modules/alerts/alerts.server.ts";
import { placeOfSearch } from "../app/modules/search/near.ts";
import { createRng } from "../prisma/seed/factories.ts";
import { savedSearchQueries, searchVocabulary } from "../prisma/seed/saved-searches.ts";
import { createTestServices, seedNow, type TestServices } from "../tests/setup/test-env.ts";
import { newItemsFor, withRecentIndex, type AlertCheck } from "./alerts.ts";
import { rebuildIndex } from "./indexer.ts";
import { compileFilters, haversineMetres } from "./recent-filters.ts";

/**
 * The alerts' two ways of checking saved searches give the same items: one query per saved search
 * on the main index, and the recent-posts index (one query per distinct text, each search's filters
 * picked in memory). Real Meilisearch and the demo data; the saved searches are made the way the
 * benchmark makes 100,000 of them (words of titles, pinyin, kinds, places, near/within, pay…).
 */
describe("alerts: the index of recent posts answers as the main index does", () => {
  let services: TestServices;
  const now = seedNow();

  beforeAll(async () => {
    services = await createTestServices("recent_alerts", { seeded: true });
    await rebuildIndex(services.db, services.search.connection, { now });
  }, 180_000);
  afterAll(() => services.cleanup());

  it("gives every saved search the same new items", async () => {
    const sqlite = new Database(process.env.TEST_SEEDED_DB!, { readonly: true });
    const next = savedSearchQueries(searchVocabulary(sqlite), createRng(42));
    sqlite.close();
    const nowSec = Math.floor(now.getTime() / 1000);
    const checks: AlertCheck[] = Array.from({ length: 600 }, (_, i) => {
      const search = searchOf(next());
      // Two "since"s, as a day's pass has (daily and weekly searches), far enough back to find plenty.
      return { id: i + 1, req: { ...search, ...placeOfSearch(search) }, sinceSec: nowSec - (i % 2 ? 40 : 90) * 86_400 };
    });
    // A limit above any search's count here: both lists are whole, so they are compared as sets and by date.
    const limit = 1000;
    const main = await newItemsFor(services.search.connection, checks, now, { limit });
    const since = new Date((nowSec - 90 * 86_400) * 1000);
    const recent = await withRecentIndex(services.db, services.search.connection, since, now, (find) => find(checks, now, { limit }));
    let found = 0;
    for (const check of checks) {
      const a = main.get(check.id)!.map((c) => c.key);
      const b = recent.get(check.id)!.map((c) => c.key);
      expect([...b].sort(), JSON.stringify(check.req)).toEqual([...a].sort());
      if (a.length) found += 1;
    }
    // Enough of them find something for the comparison to mean something.
    expect(found).toBeGreaterThan(200);
    // The recent index is gone afterwards.
    await expect(services.search.connection.client.getIndex(`${services.indexUid}_alerts`)).rejects.toThrow();
  }, 120_000);

  it("checks filtersFor's filters in memory and refuses any other form", () => {
    const doc = { kind: "job", countyCode: "610924", groups: ["returnee"], payBand: "3000_5000", postedAt: 100, validUntil: 200, _geo: { lat: 32.52, lng: 108.53 } } as never;
    expect(compileFilters(["validUntil >= 150", 'kind IN ["gig", "job"]', 'countyCode = "610924"', 'groups = "returnee"', "postedAt > 99"])(doc)).toBe(true);
    expect(compileFilters(['groups = "veteran"'])(doc)).toBe(false);
    expect(compileFilters(["postedAt > 100"])(doc)).toBe(false);
    expect(compileFilters(["_geoRadius(32.52, 108.6, 10000)"])(doc)).toBe(true);
    expect(compileFilters(["_geoRadius(32.52, 108.8, 10000)"])(doc)).toBe(false);
    expect(haversineMetres({ lat: 32, lng: 108 }, { lat: 33, lng: 108 })).toBeCloseTo(111_195, -2);
    expect(() => compileFilters(["kind != job"])).toThrow(/outside Meilisearch/);
  });
});
