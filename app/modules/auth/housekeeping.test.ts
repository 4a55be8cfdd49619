import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openSeededDatabase } from "../../../tests/setup/test-env.ts";
import type { Db } from "../db.server.ts";
import { CODE_TTL_MS, consumeCode, issueCode, targetOf } from "./codes.server.ts";
import { createRng } from "../../../prisma/seed/factories.ts";
import { makeReturnee } from "../../../prisma/seed/returnees.ts";
import { purgeExpired, UNCONFIRMED_REGISTRATION_MS } from "./housekeeping.server.ts";
import { hit, LIMITS } from "./rate-limit.server.ts";
import { SESSION_IDLE_MS } from "./session.server.ts";

describe("housekeeping removes what sign-in no longer needs (real SQLite)", () => {
  let db: Db;
  let cleanup: () => Promise<void>;
  beforeAll(() => ({ db, cleanup } = openSeededDatabase()));
  afterAll(() => cleanup());

  it("drops expired codes, dead sessions, old rate-limit windows and returnee registrations nobody confirmed, and keeps every live one", async () => {
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
    const rng = createRng(3);
    const unconfirmed = await makeReturnee(db, rng, now, { confirmedAt: null, createdAt: new Date(now.getTime() - UNCONFIRMED_REGISTRATION_MS - 1) });
    const waiting = await makeReturnee(db, rng, now, { confirmedAt: null, createdAt: new Date(now.getTime() - day) });
    const confirmedLongAgo = await makeReturnee(db, rng, now, { createdAt: new Date(now.getTime() - 300 * day) });

    const removed = await purgeExpired(db, now);
    expect(removed.codes).toBeGreaterThanOrEqual(1);
    expect(removed.sessions).toBeGreaterThanOrEqual(2);
    expect(removed.rateLimits).toBeGreaterThanOrEqual(1);
    expect(removed.registrations).toBe(1);
    const left = await db.returneeRegistration.findMany({ where: { id: { in: [unconfirmed.id, waiting.id, confirmedLongAgo.id] } }, select: { id: true } });
    expect(left.map((r) => r.id).sort((a, b) => a - b)).toEqual([waiting.id, confirmedLongAgo.id]);
    expect(await db.oneTimeCode.count({ where: { targetHash: stale.hash } })).toBe(0);
    expect((await db.session.findMany({ where: { id: { in: ["expired", "idle", "live"] } } })).map((s) => s.id)).toEqual(["live"]);
    expect(await db.rateLimit.findUnique({ where: { key: "test:old" } })).toBeNull();
    expect(await db.rateLimit.findUnique({ where: { key: "test:live" } })).not.toBeNull();
    // The live code still signs in.
    expect(await consumeCode(db, live, "login", liveCode, now)).toBe(true);
  });
});
