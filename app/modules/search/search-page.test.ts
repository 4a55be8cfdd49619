import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rebuildIndex } from "../../../search/indexer.ts";
import { createTestServices, type TestServices } from "../../../tests/setup/test-env.ts";
import { loadCards } from "../opportunities/opportunities.server.ts";
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
    expect(result.cards.map(({ place: _place, ...card }) => card)).toEqual(fromRows);

    // A row changed behind the search sync's back does not show: the page did not read it.
    const first = result.cards[0]!;
    if (first.kind === "base" || first.kind === "course") throw new Error("fixture: expected a posting first");
    await services.db.posting.update({ where: { id: first.id }, data: { title: `${first.title}（数据库里改了）` } });
    expect((await page("养老护理员")).cards.find((c) => c.id === first.id)?.title).toBe(first.title);
  });
});
