import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getFreePort } from "../../../search/launcher.ts";
import { rebuildIndex } from "../../../search/indexer.ts";
import { SearchService, setSearchService } from "../../../search/service.ts";
import { createTestServices, type TestServices } from "../../../tests/setup/test-env.ts";
import { loadHome } from "./home.server.ts";

describe("the home page's counts (real SQLite and Meilisearch)", () => {
  let services: TestServices;
  let database: Record<string, number>;
  beforeAll(async () => {
    services = await createTestServices("home_counts", { seeded: true });
    const now = new Date();
    await rebuildIndex(services.db, services.search.connection, { now });
    const open = { status: "published", validUntil: { gte: now } };
    database = {
      job: await services.db.posting.count({ where: { kind: "job", ...open } }),
      internship: await services.db.posting.count({ where: { kind: "internship", ...open } }),
      gig: await services.db.posting.count({ where: { kind: "gig", ...open } }),
      base: await services.db.incubationBase.count({ where: { status: "published" } }),
      course: await services.db.trainingCourse.count({ where: { status: "published", enrolDeadline: { gte: now } } }),
    };
  }, 120_000);
  afterAll(() => services.cleanup());

  const counts = async () => Object.fromEntries((await loadHome("zh-CN")).kinds.map((k) => [k.kind, k.count]));

  it("come from one search call and equal what the database holds open", async () => {
    expect(database.job).toBeGreaterThan(1000);
    expect(await counts()).toEqual(database);
  });

  it("come from the database when search does not answer", async () => {
    setSearchService(new SearchService(`http://127.0.0.1:${await getFreePort()}`, "unused-key-0123456789abcdef", services.indexUid));
    try {
      expect(await counts()).toEqual(database);
    } finally {
      setSearchService(services.search);
    }
  });
});
