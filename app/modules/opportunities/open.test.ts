import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openSeededDatabase, seedNow } from "../../../tests/setup/test-env.ts";
import type { Db } from "../db.server.ts";
import { isOpen, openWhere } from "./open.ts";

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
  });

  it("a post is open through the last moment of its validity, not after", () => {
    const validUntil = new Date("2026-12-31T15:59:59.999Z");
    expect(isOpen.posting({ status: "published", validUntil }, validUntil)).toBe(true);
    expect(isOpen.posting({ status: "published", validUntil }, new Date(validUntil.getTime() + 1))).toBe(false);
    expect(isOpen.posting({ status: "closed", validUntil }, new Date("2026-01-01"))).toBe(false);
  });
});
