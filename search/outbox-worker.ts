import type { PrismaClient } from "../app/generated/prisma/client.ts";
import { Poller } from "../app/utils/poller.ts";
import { parseDocId, type SearchDocument } from "./documents.ts";
import { isRefusal, meiliAnswer } from "./errors.ts";
import { loadDocuments, sourceKey } from "./indexer.ts";
import { bumpSearchGeneration } from "./freshness.ts";
import type { SearchService } from "./service.ts";

const BATCH = 500;
const IDLE_POLL_MS = 1000;
const MAX_BACKOFF_MS = 5 * 60_000;
/** A row Meilisearch has refused this many times is parked in the dead set for staff. */
export const MAX_REFUSALS = 8;
const WAIT = { timeout: 30_000, interval: 25 };

export function backoffMs(attempts: number): number {
  return Math.min(MAX_BACKOFF_MS, 1000 * 2 ** Math.max(0, attempts - 1));
}

type OutboxRow = Awaited<ReturnType<PrismaClient["searchOutbox"]["findMany"]>>[number];
/** How one push went: done, refused (what we sent is at fault), or the server's trouble. */
type Outcome = { ok: true } | { ok: false; refused: boolean; message: string };
/** One document id of the batch: its rows, and what to send (a document, or a delete). */
interface Item {
  docId: string;
  rows: OutboxRow[];
  document: SearchDocument | null;
}

const SLICE = 400;
const slices = <T>(items: T[]): T[][] => Array.from({ length: Math.ceil(items.length / SLICE) }, (_, i) => items.slice(i * SLICE, (i + 1) * SLICE));

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

/**
 * Pushes outbox rows to Meilisearch. Rows are deleted only after Meilisearch confirms the task.
 * When Meilisearch is down or in trouble, the whole batch keeps its place with attempts, last
 * error and a later retry time (exponential backoff), and nothing is ever parked for it. When
 * Meilisearch refuses something in a batch, the batch is retried one document at a time: the
 * others go through at once and only the refused rows back off, with Meilisearch's reason; after
 * MAX_REFUSALS refusals such a row is parked (deadAt) until staff retry it from /staff/outbox.
 */
export class OutboxWorker extends Poller {
  constructor(private readonly db: PrismaClient, private readonly search: SearchService, log: (line: string) => void = () => {}) {
    super(IDLE_POLL_MS, log, "search outbox");
  }

  protected async pass(): Promise<boolean> {
    return (await this.runOnce()) > 0;
  }

  /**
   * One batch of due rows (never tried, or past their retry time; never parked ones); returns how
   * many rows it synced. Exposed for tests and scripts.
   */
  async runOnce(now = new Date()): Promise<number> {
    const rows = await this.db.searchOutbox.findMany({
      where: { deadAt: null, OR: [{ attempts: 0 }, { nextAttempt: { lte: now } }] },
      orderBy: { id: "asc" },
      take: BATCH,
    });
    if (rows.length === 0) return 0;
    const byDoc = new Map<string, OutboxRow[]>();
    for (const row of rows) byDoc.set(row.docId, [...(byDoc.get(row.docId) ?? []), row]);
    const parsed = [...byDoc.keys()].map((docId) => ({ docId, id: parseDocId(docId) }));

    let documents: Map<string, SearchDocument>;
    try {
      documents = await loadDocuments(this.db, parsed.flatMap((p) => (p.id ? [p.id] : [])), now);
    } catch (error) {
      await this.keep(rows, messageOf(error), false, now);
      return 0;
    }
    // An id that names nothing searchable has nothing to send: its rows are done.
    const items: Item[] = parsed.flatMap(({ docId, id }) => (id ? [{ docId, rows: byDoc.get(docId)!, document: documents.get(sourceKey(id)) ?? null }] : []));
    const idle = parsed.filter((p) => !p.id).flatMap((p) => byDoc.get(p.docId)!);

    const batch = await this.push(items);
    if (batch.ok) {
      await this.settle(idle, items);
      return rows.length;
    }
    if (!batch.refused || items.length === 1) {
      await this.settle(idle, []);
      await this.keep(items.flatMap((i) => i.rows), batch.message, batch.refused, now);
      this.log(`search outbox: ${rows.length} rows kept for retry (${batch.message})`);
      return idle.length;
    }

    // Something in the batch was refused: find what, one document at a time, so the rest need not wait.
    const outcomes = await this.pushEach(items);
    const done = items.filter((_, i) => outcomes[i]!.ok);
    await this.settle(idle, done);
    for (const [i, item] of items.entries()) {
      const outcome = outcomes[i]!;
      if (!outcome.ok) await this.keep(item.rows, outcome.message, outcome.refused, now);
    }
    const refused = items.filter((_, i) => !outcomes[i]!.ok);
    this.log(`search outbox: ${refused.length} of ${items.length} items kept for retry (${refused.map((i) => i.docId).join(", ")})`);
    return idle.length + done.reduce((n, item) => n + item.rows.length, 0);
  }

  /** The whole batch in one upsert task and one delete task. */
  private async push(items: Item[]): Promise<Outcome> {
    const index = this.search.connection.client.index(this.search.connection.indexUid);
    const documents = items.flatMap((i) => (i.document ? [i.document] : []));
    const gone = items.filter((i) => !i.document).map((i) => i.docId);
    try {
      const tasks = [];
      if (documents.length) tasks.push(await index.addDocuments(documents).waitTask(WAIT));
      if (gone.length) tasks.push(await index.deleteDocuments(gone).waitTask(WAIT));
      const failed = tasks.find((t) => t.status !== "succeeded");
      if (!failed) return { ok: true };
      const error = failed.error;
      return { ok: false, refused: isRefusal(error), message: error ? `${error.code}: ${error.message}` : `task ${failed.uid} ${failed.status}` };
    } catch (error) {
      return { ok: false, refused: isRefusal(meiliAnswer(error)), message: messageOf(error) };
    }
  }

  /**
   * One task per document id, all enqueued before any is awaited: Meilisearch batches them for
   * speed but fails only the task whose document it refuses (checked with 1.21).
   */
  private async pushEach(items: Item[]): Promise<Outcome[]> {
    const { client, indexUid } = this.search.connection;
    const index = client.index(indexUid);
    const enqueued: (number | Outcome)[] = [];
    for (const item of items) {
      try {
        const task = item.document ? await index.addDocuments([item.document]) : await index.deleteDocuments([item.docId]);
        enqueued.push(task.taskUid);
      } catch (error) {
        enqueued.push({ ok: false, refused: isRefusal(meiliAnswer(error)), message: messageOf(error) });
      }
    }
    const outcomes: Outcome[] = [];
    for (const entry of enqueued) {
      if (typeof entry !== "number") {
        outcomes.push(entry);
        continue;
      }
      try {
        const task = await client.tasks.waitForTask(entry, WAIT);
        const error = task.error;
        outcomes.push(task.status === "succeeded" ? { ok: true } : { ok: false, refused: isRefusal(error), message: error ? `${error.code}: ${error.message}` : `task ${task.uid} ${task.status}` });
      } catch (error) {
        outcomes.push({ ok: false, refused: false, message: messageOf(error) });
      }
    }
    return outcomes;
  }

  /**
   * Deletes the rows that are done, and parked rows of the same ids: the worker always sends an
   * item's current state, so one success covers every older row for it.
   */
  private async settle(rows: OutboxRow[], items: Item[]) {
    const ids = [...rows, ...items.flatMap((i) => i.rows)].map((r) => r.id);
    const docIds = items.map((i) => i.docId);
    if (ids.length === 0) return;
    // Meilisearch has confirmed: cached public answers made before this are stale now (before the
    // rows go, so nothing that sees the queue empty can still be served an older answer).
    if (items.length) bumpSearchGeneration();
    // In slices: Prisma refuses a statement with more than 999 parameters, and a full batch has 500
    // ids and 500 document ids.
    for (const slice of slices(ids)) await this.db.searchOutbox.deleteMany({ where: { id: { in: slice } } });
    for (const slice of slices(docIds)) await this.db.searchOutbox.deleteMany({ where: { docId: { in: slice }, deadAt: { not: null } } });
  }

  /**
   * Keeps rows for a later try. Only refusals count toward the dead set (a column of their own):
   * a server that is down for an hour parks nothing, and a row refused after an outage starts
   * from its own count of refusals.
   */
  private async keep(rows: OutboxRow[], message: string, refused: boolean, now: Date) {
    const groups = new Map<string, { attempts: number; refusals: number; ids: number[] }>();
    for (const row of rows) {
      const attempts = row.attempts + 1;
      const refusals = row.refusals + (refused ? 1 : 0);
      const key = `${attempts}:${refusals}`;
      const group = groups.get(key) ?? { attempts, refusals, ids: [] };
      group.ids.push(row.id);
      groups.set(key, group);
    }
    for (const { attempts, refusals, ids } of groups.values()) {
      await this.db.searchOutbox.updateMany({
        where: { id: { in: ids } },
        data: {
          attempts,
          refusals,
          lastError: message.slice(0, 500),
          nextAttempt: new Date(now.getTime() + backoffMs(attempts)),
          deadAt: refusals >= MAX_REFUSALS ? now : null,
        },
      });
    }
  }
}

const holder = globalThis as typeof globalThis & { __outboxWorker?: OutboxWorker };

export function setOutboxWorker(worker: OutboxWorker | undefined) {
  holder.__outboxWorker = worker;
}

export function wakeOutboxWorker() {
  holder.__outboxWorker?.wake();
}
