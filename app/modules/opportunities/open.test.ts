import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { makePosting } from "../../../prisma/seed/factories.ts";
import { getFreePort } from "../../../search/launcher.ts";
import { SearchService, setSearchService } from "../../../search/service.ts";
import { openSeededDatabase, seedNow } from "../../../tests/setup/test-env.ts";
import type { Db } from "../db.server.ts";
import { loadHome } from "./home.server.ts";
import { expiredWhere, isOpen, openWhere } from "./open.ts";

describe("one rule for open (real SQLite, demo data)", () => {
  let db: Db;
  let cleanup: () => Promise<void>;
  const now = seedNow();
  beforeAll(() => ({ db, cleanup } = openSeededDatabase()));
  afterAll(() => cleanup());

  it("as a query filter and as a test on a row, it picks the same items of every kind", async () => {
    const ids = (rows: { id: number }[]) => rows.map((r) => r.id).sort((a, b) => a - b);
    const postings = await db.posting.findMany();
    const bases = await db.incubationBase.findMany();
    const courses = await db.trainingCourse.findMany();
    // The demo data has open and not-open items of each kind, so the comparison means something.
    for (const [all, open] of [
      [postings, postings.filter((r) => isOpen.posting(r, now))],
      [courses, courses.filter((r) => isOpen.course(r, now))],
    ] as const) {
      expect(open.length).toBeGreaterThan(0);
      expect(open.length).toBeLessThan(all.length);
    }
    expect(ids(await db.posting.findMany({ where: openWhere.posting(now) }))).toEqual(ids(postings.filter((r) => isOpen.posting(r, now))));
    expect(ids(await db.incubationBase.findMany({ where: openWhere.base() }))).toEqual(ids(bases.filter((r) => isOpen.base(r))));
    expect(ids(await db.trainingCourse.findMany({ where: openWhere.course(now) }))).toEqual(ids(courses.filter((r) => isOpen.course(r, now))));
    // Expired is published and no longer open; with a start, only what passed its date since then.
    const expired = postings.filter((r) => r.status === "published" && !isOpen.posting(r, now));
    expect(expired.length).toBeGreaterThan(0);
    expect(ids(await db.posting.findMany({ where: expiredWhere.posting(now) }))).toEqual(ids(expired));
    const since = new Date(now.getTime() - 7 * 86_400_000);
    expect(ids(await db.posting.findMany({ where: expiredWhere.posting(now, since) }))).toEqual(ids(expired.filter((r) => isOpen.posting(r, since))));
    expect(ids(await db.trainingCourse.findMany({ where: expiredWhere.course(now, since) }))).toEqual(
      ids(courses.filter((r) => r.status === "published" && !isOpen.course(r, now) && isOpen.course(r, since))),
    );
  });

  it("the home page's database fallback lists today's gig work by the same rule: no gig whose day has passed", async () => {
    const real = new Date();
    const yesterday = await makePosting(db, { kind: "gig", title: "昨天的零工（已过期）", workDate: new Date(real.getTime() - 86_400_000), validUntil: new Date(real.getTime() - 3_600_000) });
    const today = await makePosting(db, { kind: "gig", title: "今天的零工", workDate: real, validUntil: new Date(real.getTime() + 60_000) });
    setSearchService(new SearchService(`http://127.0.0.1:${await getFreePort()}`, "unused-key-0123456789abcdef", "absent"));
    const warn = vi.spyOn(console, "warn").mockImplementation(() => undefined);
    try {
      const ids = (await loadHome("zh-CN", undefined, real)).gigsToday.map((g) => g.id);
      expect(ids).toContain(today.id);
      expect(ids).not.toContain(yesterday.id);
    } finally {
      warn.mockRestore();
    }
  });

  it("a post is open through the last moment of its validity, not after", () => {
    const validUntil = new Date("2026-12-31T15:59:59.999Z");
    expect(isOpen.posting({ status: "published", validUntil }, validUntil)).toBe(true);
    expect(isOpen.posting({ status: "published", validUntil }, new Date(validUntil.getTime() + 1))).toBe(false);
    expect(isOpen.posting({ status: "closed", validUntil }, new Date("2026-01-01"))).toBe(false);
  });
});
