import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestServices, seedNow, type TestServices } from "../tests/setup/test-env.ts";
import { makePosting } from "../prisma/seed/factories.ts";
import { bumpSearchGeneration } from "./freshness.ts";
import { ensureIndex, loadDocuments, rebuildIndex } from "./indexer.ts";
import { searchIds, type SearchRequest } from "./query.ts";
import { OPPORTUNITY_KINDS, parseDocId } from "./documents.ts";
import { isOccupationCode } from "../app/modules/occupations/occupations.ts";
import { greatCircleKm } from "../app/modules/places/distance.ts";
import { pointOf } from "../app/modules/places/points.ts";

/** Real Meilisearch (started by the Vitest global setup) over a copy of the demo data. */
describe("search over the demo data", () => {
  let services: TestServices;
  const now = seedNow();
  let titleOf: (kind: string, id: number) => Promise<string>;

  const search = (q: string, extra: Partial<SearchRequest> = {}) =>
    searchIds(services.search.connection, { q, kind: [], sort: "relevance", page: 1, pageSize: 20, ...extra }, now);

  beforeAll(async () => {
    services = await createTestServices("search", { seeded: true });
    await rebuildIndex(services.db, services.search.connection, { now });
    titleOf = async (kind, id) => {
      if (kind === "base") return (await services.db.incubationBase.findUniqueOrThrow({ where: { id } })).name;
      if (kind === "course") return (await services.db.trainingCourse.findUniqueOrThrow({ where: { id } })).title;
      return (await services.db.posting.findUniqueOrThrow({ where: { id } })).title;
    };
  });
  afterAll(() => services.cleanup());

  it("indexes exactly what is open: published, not expired postings; published bases; courses still enrolling", async () => {
    const { db, search: svc } = services;
    const expected =
      (await db.posting.count({ where: { status: "published", validUntil: { gte: now } } })) +
      (await db.incubationBase.count({ where: { status: "published" } })) +
      (await db.trainingCourse.count({ where: { status: "published", enrolDeadline: { gte: now } } }));
    const stats = await svc.connection.client.index(services.indexUid).getStats();
    expect(stats.numberOfDocuments).toBe(expected);
    const closed = await db.posting.findFirstOrThrow({ where: { status: "closed" } });
    await expect(svc.connection.client.index(services.indexUid).getDocument(`${closed.kind}-${closed.id}`)).rejects.toThrow();
    const expired = await db.posting.findFirstOrThrow({ where: { status: "published", validUntil: { lt: now } } });
    await expect(svc.connection.client.index(services.indexUid).getDocument(`${expired.kind}-${expired.id}`)).rejects.toThrow();
  });

  it("finds 修脚师 by characters, full pinyin and initials", async () => {
    for (const q of ["修脚师", "xiujiao", "xiujiaoshi", "xjs"]) {
      const hits = await search(q);
      expect(hits.total, q).toBeGreaterThan(10);
      const titles = await Promise.all(hits.cards.slice(0, 5).map((h) => titleOf(h.kind, h.id)));
      for (const title of titles) expect(title, q).toMatch(/修脚/);
    }
  });

  it("finds words inside longer words: 工程 finds 在建工程施工员", async () => {
    const hits = await search("工程", { kind: ["job"] });
    const titles = await Promise.all(hits.cards.map((h) => titleOf(h.kind, h.id)));
    expect(titles).toContain("在建工程施工员");
  });

  it("applies the synonyms people use", async () => {
    const internship = await search("实习");
    expect(internship.facets.kind?.internship ?? 0).toBeGreaterThan(100);
    const gig = await search("临时工", { kind: ["gig"] });
    expect(gig.total).toBeGreaterThan(10);
    const guiyan = await search("归雁", { kind: ["base"] });
    const baseTitles = await Promise.all(guiyan.cards.map((h) => titleOf(h.kind, h.id)));
    expect(baseTitles.some((t) => t.includes("返乡"))).toBe(true);
    const space = await search("众创空间", { kind: ["base"] });
    expect(space.total).toBeGreaterThan(0);
  });

  it("searches all five kinds at once and labels each result with its kind", async () => {
    const all = await search("");
    expect(Object.keys(all.facets.kind ?? {}).sort()).toEqual([...OPPORTUNITY_KINDS].sort());
    const mixed = await search("养老");
    const kinds = new Set(mixed.facets.kind ? Object.keys(mixed.facets.kind) : []);
    expect(kinds.has("job") && kinds.has("course")).toBe(true);
    for (const hit of mixed.cards) expect(OPPORTUNITY_KINDS).toContain(hit.kind);
  });

  it("filters by county and keeps the other counties' counts for the chosen facet", async () => {
    const hits = await search("", { county: "610924" });
    expect(Object.keys(hits.facets.countyCode ?? {}).length).toBeGreaterThan(5);
    expect(hits.facets.countyCode?.["610924"]).toBe(hits.total);
    for (const id of hits.cards.filter((h) => h.kind === "job")) {
      const row = await services.db.posting.findUniqueOrThrow({ where: { id: id.id } });
      expect(row.countyCode).toBe("610924");
    }
    const towns = Object.keys(hits.facets.townCode ?? {});
    expect(towns.length).toBeGreaterThan(0);
    for (const town of towns) expect(town.startsWith("610924")).toBe(true);
  });

  it("filters by brand, group, pay band and posting date", async () => {
    const brand = await search("", { brand: "ziyang_pedicure" });
    expect(brand.total).toBeGreaterThan(0);
    expect(Object.keys(brand.facets.brand ?? {})).toContain("ziyang_pedicure");
    const veteran = await search("", { group: "veteran", kind: ["job"] });
    for (const id of veteran.cards) expect((await services.db.posting.findUniqueOrThrow({ where: { id: id.id } })).groups).toContain(",veteran,");
    const pay = await search("", { pay: "gte8000", kind: ["job"] });
    for (const id of pay.cards) {
      const row = await services.db.posting.findUniqueOrThrow({ where: { id: id.id } });
      expect(row.payMax).toBeGreaterThanOrEqual(8000);
    }
    const recent = await search("", { posted: "7" });
    expect(recent.total).toBe(recent.postedCounts["7"]);
    expect(recent.postedCounts["1"]!).toBeLessThanOrEqual(recent.postedCounts["7"]!);
    expect(recent.postedCounts["7"]!).toBeLessThanOrEqual(recent.postedCounts["30"]!);
  });

  it("sorts by pay and by date", async () => {
    const byPay = await search("", { kind: ["job"], sort: "pay" });
    const pays = await Promise.all(byPay.cards.map(async (h) => (await services.db.posting.findUniqueOrThrow({ where: { id: h.id } })).payMax));
    expect([...pays].sort((a, b) => b - a)).toEqual(pays);
    const newest = await search("", { sort: "newest", kind: ["job"] });
    const dates = await Promise.all(newest.cards.map(async (h) => (await services.db.posting.findUniqueOrThrow({ where: { id: h.id } })).publishedAt!.getTime()));
    expect([...dates].sort((a, b) => b - a)).toEqual(dates);
  });

  it("sorts near me by distance and keeps only what is within the chosen radius", async () => {
    const origin = pointOf("610924")!; // 紫阳县's seat
    const km = (card: { point: { lat: number; lng: number } | null }) => greatCircleKm(origin, card.point!);
    const nearest = await search("", { origin, sort: "distance", pageSize: 50 });
    const distances = nearest.cards.map(km);
    expect(distances[0]).toBeLessThan(1);
    for (let i = 1; i < distances.length; i++) expect(distances[i]!).toBeGreaterThanOrEqual(distances[i - 1]! - 0.01);
    expect(nearest.cards[0]!.countyCode).toBe("610924");

    const all = await search("");
    const within = await search("", { origin, withinKm: 20, sort: "distance", pageSize: 50 });
    expect(within.total).toBeGreaterThan(0);
    expect(within.total).toBeLessThan(all.total);
    for (const card of within.cards) expect(km(card)).toBeLessThanOrEqual(20.01);
    // Hanbin's seat is about 50 km away: nothing of Hanbin's lies inside 20 km of Ziyang's seat.
    expect(within.facets.countyCode?.["610902"] ?? 0).toBe(0);
  });

  it("codes every demo post and course by the national occupation classification, and filters by its groups", async () => {
    const posts = await services.db.posting.findMany({ select: { occupationCode: true } });
    const courses = await services.db.trainingCourse.findMany({ select: { occupationCode: true } });
    for (const row of [...posts, ...courses]) expect(isOccupationCode(row.occupationCode ?? ""), String(row.occupationCode)).toBe(true);
    // 4-10: 居民生活服务人员 (care, domestic service, foot care…).
    const hits = await searchIds(services.search.connection, { q: "", kind: [], sort: "relevance", page: 1, pageSize: 50 }, now);
    const care = await services.search.connection.client.index(services.indexUid).search("", { filter: ['occupationGroups = "4-10"'], limit: 50, attributesToRetrieve: ["id"] });
    expect(care.hits.length).toBeGreaterThan(10);
    const ids = care.hits.map((h) => parseDocId(String(h.id))!).filter((d) => d.kind !== "base" && d.kind !== "course").map((d) => d.id);
    const rows = await services.db.posting.findMany({ where: { id: { in: ids } }, select: { occupationCode: true } });
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) expect(row.occupationCode).toMatch(/^4-10-/);
    expect(hits.total).toBeGreaterThan(care.hits.length);
  });

  it("drops gig work at the end of its day, even before the next rebuild", async () => {
    const gig = await services.db.posting.findFirstOrThrow({ where: { kind: "gig", status: "published", validUntil: { gte: now } }, orderBy: { validUntil: "asc" } });
    const before = await searchIds(services.search.connection, { q: gig.title, kind: ["gig"], county: gig.countyCode, sort: "relevance", page: 1, pageSize: 1000 }, now);
    expect(before.cards.map((h) => h.id)).toContain(gig.id);
    const after = await searchIds(services.search.connection, { q: gig.title, kind: ["gig"], county: gig.countyCode, sort: "relevance", page: 1, pageSize: 1000 }, new Date(gig.validUntil.getTime() + 1000));
    expect(after.cards.map((h) => h.id)).not.toContain(gig.id);
  });
});

describe("facet counts", () => {
  let services: TestServices;
  const now = new Date();
  const view = (extra: Partial<SearchRequest>) =>
    searchIds(services.search.connection, { q: "", kind: [], sort: "relevance", page: 1, pageSize: 2, ...extra }, now);
  beforeAll(async () => {
    services = await createTestServices("facet_counts");
    for (let i = 0; i < 5; i++) await makePosting(services.db, { kind: "job", countyCode: "610902", regionCode: "610902001" }, now);
    await rebuildIndex(services.db, services.search.connection, { now });
  });
  afterAll(() => services.cleanup());

  it("asks for a county's towns only once a county is chosen", async () => {
    expect((await view({})).facets.townCode).toBeUndefined();
    expect((await view({ county: "610902" })).facets.townCode).toEqual({ "610902001": 5 });
  });

  it("keeps the counts of a view for all its pages and orders, until the search sync moves on", async () => {
    const first = await view({ kind: ["job"] });
    expect(first.facets.countyCode).toEqual({ "610902": 5 });
    const second = await view({ kind: ["job"], page: 2, sort: "newest" });
    expect(second.cards.map((c) => c.id)).not.toEqual(first.cards.map((c) => c.id));
    expect(second.facets).toEqual(first.facets);
    expect(second.postedCounts).toEqual(first.postedCounts);
    const worded = await view({ kind: ["job"], q: "职位" });

    // A document written behind the sync's back: the kept counts answer (only the hits are fresh)…
    const row = await makePosting(services.db, { kind: "job", title: "职位：装配工", countyCode: "610902", regionCode: "610902001" }, now);
    const docs = await loadDocuments(services.db, [{ kind: "job", id: row.id }], now);
    const index = services.search.connection.client.index(services.indexUid);
    await index.addDocuments([...docs.values()]).waitTask();
    const stale = await view({ kind: ["job"] });
    expect(stale.total).toBe(6);
    expect(stale.facets.countyCode).toEqual({ "610902": 5 });
    expect((await view({ kind: ["job"], q: "职位", page: 2 })).facets).toEqual(worded.facets);
    // …a view not seen before counts itself…
    expect((await view({ kind: ["job"], q: row.title, county: "610902" })).facets.townCode?.["610902001"]).toBeGreaterThanOrEqual(1);
    // …and once the sync confirms a change, every view counts again.
    bumpSearchGeneration();
    expect((await view({ kind: ["job"] })).facets.countyCode).toEqual({ "610902": 6 });
  });
});

describe("index lifecycle", () => {
  let services: TestServices;
  beforeAll(async () => {
    services = await createTestServices("lifecycle");
  });
  afterAll(() => services.cleanup());

  it("builds at first start, then reuses the index; a rebuild swaps in a fresh index and leaves no build index behind", async () => {
    const { db, search: svc } = services;
    const now = new Date();
    await makePosting(db, { title: "电子线束装配工（白班）" }, now);
    const logs: string[] = [];
    await ensureIndex(db, svc.connection, (line) => logs.push(line));
    expect(logs.at(-1)).toMatch(/rebuilt: 1 documents/);
    await ensureIndex(db, svc.connection, (line) => logs.push(line));
    expect(logs.at(-1)).toMatch(/ready \(1 documents\)/);

    await makePosting(db, { title: "养老护理员" }, now);
    // Searches keep answering from the live index while the fresh one is built.
    const building = rebuildIndex(db, svc.connection, { now });
    const during = await searchIds(svc.connection, { q: "线束", kind: [], sort: "relevance", page: 1, pageSize: 20 }, now);
    expect(during.total).toBe(1);
    expect(await building).toBe(2);
    const after = await searchIds(svc.connection, { q: "养老", kind: [], sort: "relevance", page: 1, pageSize: 20 }, now);
    expect(after.total).toBe(1);
    const { results } = await svc.connection.client.getIndexes({ limit: 1000 });
    expect(results.filter((i) => i.uid.startsWith(`${services.indexUid}_build_`))).toEqual([]);
  });

  it("applies the settings from code to the live index", async () => {
    const settings = await services.search.connection.client.index(services.indexUid).getSettings();
    expect(settings.synonyms?.["实习"]).toContain("见习");
    expect(settings.filterableAttributes).toContain("countyCode");
    expect(settings.sortableAttributes).toEqual(expect.arrayContaining(["postedAt", "payMonthly"]));
  });
});
