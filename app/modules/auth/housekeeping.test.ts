import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openSeededDatabase } from "../../../tests/setup/test-env.ts";
import type { Db } from "../db.server.ts";
import { CODE_TTL_MS, consumeCode, issueCode, targetOf } from "./codes.server.ts";
import { purgeExpired } from "./housekeeping.server.ts";
import { hit, LIMITS } from "./rate-limit.server.ts";
import { SESSION_IDLE_MS } from "./session.server.ts";

describe("housekeeping removes what sign-in no longer needs (real SQLite)", () => {
  let db: Db;
  let cleanup: () => Promise<void>;
  beforeAll(() => ({ db, cleanup } = openSeededDatabase()));
  afterAll(() => cleanup());

  it("drops expired codes, dead sessions and old rate-limit windows, and keeps every live one", async () => {
    const now = new Date("2026-12-01T08:00:00Z");
    const old = new Date(now.getTime() - 2 * CODE_TTL_MS);
    const stale = targetOf({ type: "email", value: "stale@example.cn" });
    const live = targetOf({ type: "email", value: "live@example.cn" });
    await issueCode(db, stale, "login", old);
    const liveCode = await issueCode(db, live, "login", now);

    const user = await db.user.findFirstOrThrow({ where: { role: "seeker" } });
    const day = 24 * 3_600_000;
    await db.session.createMany({
      data: [
        { id: "expired", userId: user.id, lastSeenAt: now, expiresAt: new Date(now.getTime() - 1) },
        { id: "idle", userId: user.id, lastSeenAt: new Date(now.getTime() - SESSION_IDLE_MS - day), expiresAt: new Date(now.getTime() + day) },
        { id: "live", userId: user.id, lastSeenAt: now, expiresAt: new Date(now.getTime() + day) },
      ],
    });
    await hit(db, "test:old", LIMITS.signupPerAddress, new Date(now.getTime() - 2 * 3_600_000));
    await hit(db, "test:live", LIMITS.signupPerAddress, now);

    const removed = await purgeExpired(db, now);
    expect(removed.codes).toBeGreaterThanOrEqual(1);
    expect(removed.sessions).toBeGreaterThanOrEqual(2);
    expect(removed.rateLimits).toBeGreaterThanOrEqual(1);
    expect(await db.oneTimeCode.count({ where: { targetHash: stale.hash } })).toBe(0);
    expect((await db.session.findMany({ where: { id: { in: ["expired", "idle", "live"] } } })).map((s) => s.id)).toEqual(["live"]);
    expect(await db.rateLimit.findUnique({ where: { key: "test:old" } })).toBeNull();
    expect(await db.rateLimit.findUnique({ where: { key: "test:live" } })).not.toBeNull();
    // The live code still signs in.
    expect(await consumeCode(db, live, "login", liveCode, now)).toBe(true);
  });
});
