import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getFreePort } from "../../../search/launcher.ts";
import { rebuildIndex } from "../../../search/indexer.ts";
import { SearchService, setSearchService } from "../../../search/service.ts";
import { createTestServices, type TestServices } from "../../../tests/setup/test-env.ts";
import { chinaDay, endOfDay } from "../postings/dates.ts";
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

  const counts = async () => Object.fromEntries((await loadHome("zh-CN", undefined)).kinds.map((k) => [k.kind, k.count]));

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

  it("puts today's gig work near the visitor's home first, from search and from the database alike", async () => {
    const tonight = endOfDay(chinaDay(new Date()));
    const todays = await services.db.posting.count({ where: { kind: "gig", status: "published", validUntil: { gte: new Date(), lte: tonight } } });
    expect(todays).toBeGreaterThan(6);
    const check = async () => {
      const home = await loadHome("zh-CN", "610924");
      expect(home.nearLabel).toBe("紫阳县");
      expect(home.gigsToday).toHaveLength(6);
      const km = home.gigsToday.map((g) => g.distanceKm!);
      for (let i = 1; i < km.length; i++) expect(km[i]!).toBeGreaterThanOrEqual(km[i - 1]!);
      for (const gig of home.gigsToday) expect(new Date(gig.date!).getTime()).toBeLessThanOrEqual(tonight.getTime());
      return home.gigsToday[0]!;
    };
    expect((await check()).countyCode).toBe("610924");
    setSearchService(new SearchService(`http://127.0.0.1:${await getFreePort()}`, "unused-key-0123456789abcdef", services.indexUid));
    try {
      expect((await check()).countyCode).toBe("610924");
    } finally {
      setSearchService(services.search);
    }
  });
});
