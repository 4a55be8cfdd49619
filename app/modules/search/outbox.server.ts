import type { Prisma } from "~/generated/prisma/client.ts";
import { wakeOutboxWorker } from "../../../search/outbox-worker.ts";

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

/** What the staff outbox page shows: how much is waiting, and the rows that keep failing. */
export async function outboxStatus(db: import("../db.server.ts").Db, now = new Date()) {
  const [waiting, failing, oldest] = await Promise.all([
    db.searchOutbox.count(),
    db.searchOutbox.findMany({ where: { attempts: { gt: 0 } }, orderBy: { id: "asc" }, take: 100 }),
    db.searchOutbox.findFirst({ orderBy: { id: "asc" }, select: { createdAt: true } }),
  ]);
  return {
    waiting,
    oldestSeconds: oldest ? Math.round((now.getTime() - oldest.createdAt.getTime()) / 1000) : 0,
    failing: failing.map((r) => ({ id: r.id, docId: r.docId, attempts: r.attempts, lastError: r.lastError, nextAttempt: r.nextAttempt.toISOString(), createdAt: r.createdAt.toISOString() })),
  };
}
