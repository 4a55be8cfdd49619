import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDb, setDb, type Db } from "../db.server.ts";
import { parseSearchParams } from "./params.ts";
import { loadDetail } from "../opportunities/detail.server.ts";
import { loadSearchPage } from "./search-page.server.ts";
import { copySeededDatabase, seedNow } from "../../../tests/setup/test-env.ts";
import { rebuildIndex } from "../../../search/indexer.ts";
import { startMeili, getFreePort, type RunningMeili } from "../../../search/launcher.ts";
import { SearchService, setSearchService } from "../../../search/service.ts";
import { loader as apiSearch } from "../../routes/api.v1.search.ts";

const params = (query: string) => parseSearchParams(new URLSearchParams(query)).params;

/**
 * This file runs its own Meilisearch, so it can stop it in the middle of the suite and start it
 * again on the same port with the same data.
 */
describe("when the search server goes down", () => {
  let meili: RunningMeili;
  let meiliDir: string;
  let port: number;
  let db: Db;
  let service: SearchService;
  const now = seedNow();

  beforeAll(async () => {
    meiliDir = fs.mkdtempSync(path.join(os.tmpdir(), "jobs-fallback-meili-"));
    port = await getFreePort();
    meili = await startMeili({ dataDir: meiliDir, port, masterKey: "fallback-test-key-0123456789" });
    db = createDb(copySeededDatabase().url);
    setDb(db);
    service = new SearchService(meili.url, meili.masterKey, "opportunities", 300);
    setSearchService(service);
    await rebuildIndex(db, service.connection, { now });
  });

  afterAll(async () => {
    await meili.stop();
    await db.$disconnect();
    fs.rmSync(meiliDir, { recursive: true, force: true });
  });

  it("answers from Meilisearch while it is up", async () => {
    const page = await loadSearchPage(params("q=修脚师"), [], "zh-CN", now);
    expect(page.source).toBe("search");
    expect(page.cards[0]?.title).toMatch(/修脚/);
  });

  it("answers from SQLite with a notice flag when it stops, for the page and the API", async () => {
    await meili.stop();
    const page = await loadSearchPage(params("q=修脚师&county=610924"), [], "zh-CN", now);
    expect(page.source).toBe("database");
    expect(page.total).toBeGreaterThan(0);
    for (const card of page.cards) {
      expect(card.title).toMatch(/修脚/);
      expect(card.countyCode).toBe("610924");
    }
    const res = await apiSearch({ request: new Request("http://localhost/api/v1/search?q=养老护理员&kind=job"), params: {}, context: { clientAddress: "127.0.0.1" } });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { source: string; total: number; results: { kind: string; title: string }[] };
    expect(body.source).toBe("database");
    expect(body.total).toBeGreaterThan(0);
    expect(body.results.every((r) => r.kind === "job" && r.title.includes("养老护理员"))).toBe(true);
  });

  it("still gives a detail page similar open items, from the database", async () => {
    const course = await db.trainingCourse.findFirstOrThrow({ where: { status: "published", enrolDeadline: { gte: now }, brandCode: { not: null } } });
    const detail = await loadDetail("course", course.id, "zh-CN", now);
    expect(detail!.related.length).toBeGreaterThan(0);
    expect(detail!.related.map((c) => c.id)).not.toContain(course.id);
    const rows = await db.trainingCourse.findMany({ where: { id: { in: detail!.related.map((c) => c.id) } } });
    expect(rows.every((r) => r.status === "published" && r.enrolDeadline >= now && (r.brandCode === course.brandCode || r.trade === course.trade))).toBe(true);
  });

  it("still pages, sorts and filters by kind in the database fallback", async () => {
    const first = await loadSearchPage(params("kind=internship&sort=newest"), [], "zh-CN", now);
    const second = await loadSearchPage(params("kind=internship&sort=newest&page=2"), [], "zh-CN", now);
    expect(first.source).toBe("database");
    expect(first.cards).toHaveLength(20);
    expect(second.cards).toHaveLength(20);
    expect(first.cards.every((c) => c.kind === "internship")).toBe(true);
    const ids = new Set(first.cards.map((c) => c.id));
    expect(second.cards.some((c) => ids.has(c.id))).toBe(false);
    expect(Date.parse(first.cards.at(-1)!.postedAt)).toBeGreaterThanOrEqual(Date.parse(second.cards[0]!.postedAt));
  });

  it("goes back to Meilisearch by itself when it returns", async () => {
    meili = await startMeili({ dataDir: meiliDir, port, masterKey: "fallback-test-key-0123456789" });
    await new Promise((resolve) => setTimeout(resolve, 350)); // the service's cool-down in this test
    const page = await loadSearchPage(params("q=xjs"), [], "zh-CN", now);
    expect(page.source).toBe("search");
    expect(page.cards[0]?.title).toMatch(/修脚/);
  });
});
