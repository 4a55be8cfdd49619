import type { Db } from "../db.server.ts";

export interface Limit {
  max: number;
  windowMs: number;
}

export const LIMITS = {
  loginPerAddress: { max: 30, windowMs: 15 * 60_000 },
  loginPerAccount: { max: 8, windowMs: 15 * 60_000 },
  signupPerAddress: { max: 10, windowMs: 60 * 60_000 },
  codePerPhone: { max: 5, windowMs: 60 * 60_000 },
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
