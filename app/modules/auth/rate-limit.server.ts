import type { Db } from "../db.server.ts";

export interface Limit {
  max: number;
  windowMs: number;
}

export const LIMITS = {
  // Password guesses: per address and per account+address pair. Neither touches the owner on
  // another address; a guesser is slowed down without the account ever being locked.
  loginPerAddress: { max: 30, windowMs: 15 * 60_000 },
  loginPerPair: { max: 10, windowMs: 15 * 60_000 },
  // Failures on an account from anywhere: past this, a right password also needs a code sent to
  // the account's own phone or email (slow mode), which only the owner receives.
  accountFailures: { max: 5, windowMs: 60 * 60_000 },
  signupPerAddress: { max: 10, windowMs: 60 * 60_000 },
  // Codes sent: per address, per target+address, per target and purpose (so that strangers asking
  // for login codes cannot use up the budget of another purpose).
  codeSendPerAddress: { max: 20, windowMs: 60 * 60_000 },
  codeSendPerPair: { max: 3, windowMs: 15 * 60_000 },
  codeSendPerTarget: { max: 10, windowMs: 60 * 60_000 },
  codeVerifyPerAddress: { max: 30, windowMs: 15 * 60_000 },
} as const satisfies Record<string, Limit>;

export type LimitResult = { allowed: true } | { allowed: false; retryAfterSeconds: number };

/** Fixed-window counter in the database (works across restarts; one SQLite writer anyway). */
export async function hit(db: Db, key: string, limit: Limit, now = new Date()): Promise<LimitResult> {
  return db.$transaction(async (tx) => {
    const row = await tx.rateLimit.findUnique({ where: { key } });
    if (!row || now.getTime() - row.windowStart.getTime() >= limit.windowMs) {
      await tx.rateLimit.upsert({ where: { key }, create: { key, count: 1, windowStart: now }, update: { count: 1, windowStart: now } });
      return { allowed: true } as const;
    }
    if (row.count >= limit.max) {
      return { allowed: false, retryAfterSeconds: Math.ceil((row.windowStart.getTime() + limit.windowMs - now.getTime()) / 1000) } as const;
    }
    await tx.rateLimit.update({ where: { key }, data: { count: { increment: 1 } } });
    return { allowed: true } as const;
  });
}

export async function clear(db: Db, key: string) {
  await db.rateLimit.deleteMany({ where: { key } });
}

/** How many hits the key has in its current window (0 once the window is over). */
export async function count(db: Db, key: string, limit: Limit, now = new Date()): Promise<number> {
  const row = await db.rateLimit.findUnique({ where: { key } });
  return row && now.getTime() - row.windowStart.getTime() < limit.windowMs ? row.count : 0;
}

/** The first limit that refuses, after counting a hit on each; or allowed. */
export async function hitAll(db: Db, checks: [string, Limit][]): Promise<LimitResult> {
  for (const [key, limit] of checks) {
    const result = await hit(db, key, limit);
    if (!result.allowed) return result;
  }
  return { allowed: true };
}
