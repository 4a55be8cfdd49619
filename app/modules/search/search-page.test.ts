import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rebuildIndex } from "../../../search/indexer.ts";
import { createTestServices, type TestServices } from "../../../tests/setup/test-env.ts";
import { loadDetail } from "../opportunities/detail.server.ts";
import { loadCards } from "./database.server.ts";
import { parseSearchParams } from "./params.ts";
import { loadSearchPage } from "./search-page.server.ts";

describe("the search page reads its cards from the index (real SQLite and Meilisearch)", () => {
  let services: TestServices;
  beforeAll(async () => {
    services = await createTestServices("search_page_cards", { seeded: true });
    await rebuildIndex(services.db, services.search.connection);
  }, 120_000);
  afterAll(() => services.cleanup());

  const page = (q: string) => loadSearchPage(parseSearchParams(new URLSearchParams({ q })).params, [], "zh-CN");

  it("shows the same cards the database would build, without reading a row", async () => {
    const result = await page("养老护理员");
    expect(result.source).toBe("search");
    expect(result.cards.length).toBeGreaterThan(0);
    // The one card builder, from the rows themselves, gives exactly what the index stored.
    const fromRows = await loadCards(result.cards.map((c) => ({ kind: c.kind, id: c.id })));
    expect(result.cards.map(({ place: _place, distanceKm: _distance, ...card }) => card)).toEqual(fromRows);

    // A row changed behind the search sync's back does not show: the page did not read it.
    const first = result.cards[0]!;
    if (first.kind === "base" || first.kind === "course") throw new Error("fixture: expected a posting first");
    await services.db.posting.update({ where: { id: first.id }, data: { title: `${first.title}（数据库里改了）` } });
    expect((await page("养老护理员")).cards.find((c) => c.id === first.id)?.title).toBe(first.title);
  });

  it("gives a detail page similar open items from the index: nearby first, never the item itself", async () => {
    const now = new Date();
    const open = { status: "published", validUntil: { gte: now } };
    // A job whose county and industry other open jobs share.
    const [pair] = await services.db.posting.groupBy({ by: ["countyCode", "industryCode"], where: { kind: "job", ...open, industryCode: { not: null } }, _count: { _all: true }, orderBy: { _count: { id: "desc" } }, take: 1 });
    const job = await services.db.posting.findFirstOrThrow({ where: { kind: "job", ...open, countyCode: pair!.countyCode, industryCode: pair!.industryCode } });
    const detail = await loadDetail("job", job.id, "zh-CN", now);
    const related = detail!.related;
    expect(related).toHaveLength(4);
    expect(related.map((c) => c.id)).not.toContain(job.id);
    expect(related.every((c) => c.kind === "job" && c.place !== "")).toBe(true);
    const rows = await services.db.posting.findMany({ where: { id: { in: related.map((c) => c.id) } } });
    // All open, and the first from the same county and industry (the pair has more than 4 jobs).
    expect(rows.every((r) => r.status === "published" && r.validUntil >= now)).toBe(true);
    expect(rows.every((r) => r.countyCode === job.countyCode && r.industryCode === job.industryCode)).toBe(true);
    // The cards are the index's, equal to what the rows build.
    expect(related.map(({ place: _place, distanceKm: _distance, ...card }) => card)).toEqual(await loadCards(related.map((c) => ({ kind: c.kind, id: c.id }))));
  });
});

