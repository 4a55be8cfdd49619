import { z } from "zod";
import type { Prisma } from "~/generated/prisma/client.ts";
import { MAX_REFUSALS, wakeOutboxWorker } from "../../../search/outbox-worker.ts";
import { audit } from "../audit/audit.server.ts";
import { getDb, type Db } from "../db.server.ts";
import type { StaffActor } from "../staff/scope.ts";

type Tx = Prisma.TransactionClient;
export type SearchKind = "job" | "internship" | "gig" | "base" | "course";

/**
 * Queues a search update for each item. Call inside the same transaction as the write that changes
 * what search shows; the worker decides upsert or delete from the row's state when it runs.
 */
export async function enqueueSearchSync(tx: Tx, items: { kind: SearchKind; id: number }[]): Promise<void> {
  if (items.length === 0) return;
  await tx.searchOutbox.createMany({ data: items.map((i) => ({ docId: `${i.kind}-${i.id}`, op: "sync" })) });
}

/** After the transaction commits: nudge the worker so changes show within moments, not a poll later. */
export function afterSearchWrite() {
  wakeOutboxWorker();
}

/** What the staff outbox page shows: how much is waiting, the rows that keep failing, and the dead set. */
export async function outboxStatus(db: Db, now = new Date()) {
  const [waiting, failing, dead, deadCount, oldest] = await Promise.all([
    db.searchOutbox.count({ where: { deadAt: null } }),
    db.searchOutbox.findMany({ where: { deadAt: null, attempts: { gt: 0 } }, orderBy: { id: "asc" }, take: 100 }),
    db.searchOutbox.findMany({ where: { deadAt: { not: null } }, orderBy: { id: "asc" }, take: 100 }),
    db.searchOutbox.count({ where: { deadAt: { not: null } } }),
    db.searchOutbox.findFirst({ where: { deadAt: null }, orderBy: { id: "asc" }, select: { createdAt: true } }),
  ]);
  const shown = (r: (typeof failing)[number]) => ({
    id: r.id,
    docId: r.docId,
    attempts: r.attempts,
    lastError: r.lastError,
    nextAttempt: r.nextAttempt.toISOString(),
    deadAt: r.deadAt?.toISOString() ?? null,
    createdAt: r.createdAt.toISOString(),
  });
  return {
    waiting,
    oldestSeconds: oldest ? Math.round((now.getTime() - oldest.createdAt.getTime()) / 1000) : 0,
    failing: failing.map(shown),
    dead: dead.map(shown),
    deadCount,
    maxAttempts: MAX_REFUSALS,
  };
}

export const retrySchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("retry"), id: z.coerce.number().int().positive().max(2 ** 31) }),
  z.object({ intent: z.literal("retryAll") }),
]);
export type RetryInput = z.infer<typeof retrySchema>;

/**
 * Sends parked rows back to the queue with a fresh count of tries, audited in the same
 * transaction; then wakes the worker. Answers how many went back (0: someone already did it).
 */
export async function retryDead(actor: StaffActor, input: RetryInput, now = new Date()): Promise<{ count: number; docIds: string[] }> {
  const db = getDb();
  const result = await db.$transaction(async (tx) => {
    const rows = await tx.searchOutbox.findMany({
      where: { deadAt: { not: null }, ...(input.intent === "retry" ? { id: input.id } : {}) },
      orderBy: { id: "asc" },
    });
    if (rows.length === 0) return { count: 0, docIds: [] };
    await tx.searchOutbox.updateMany({ where: { id: { in: rows.map((r) => r.id) }, deadAt: { not: null } }, data: { deadAt: null, attempts: 0, refusals: 0, nextAttempt: now } });
    const docIds = [...new Set(rows.map((r) => r.docId))];
    await audit(tx, {
      actorId: actor.id,
      action: input.intent === "retry" ? "outbox.retry" : "outbox.retry_all",
      entityType: "searchOutbox",
      entityId: input.intent === "retry" ? input.id : "dead",
      regionCode: actor.staffRegionCode,
      before: input.intent === "retry"
        ? { docId: rows[0]!.docId, attempts: rows[0]!.attempts, lastError: rows[0]!.lastError, deadAt: rows[0]!.deadAt?.toISOString() }
        : { dead: rows.length, docIds: docIds.slice(0, 50) },
      after: input.intent === "retry" ? { attempts: 0, refusals: 0, deadAt: null } : { requeued: rows.length },
    });
    return { count: rows.length, docIds };
  });
  if (result.count > 0) afterSearchWrite();
  return result;
}
