import type { PrismaClient } from "../app/generated/prisma/client.ts";
import { parseDocId } from "./documents.ts";
import { loadDocuments } from "./indexer.ts";
import type { SearchService } from "./service.ts";

const BATCH = 500;
const IDLE_POLL_MS = 1000;
const MAX_BACKOFF_MS = 5 * 60_000;
const WAIT = { timeout: 30_000, interval: 25 };

export function backoffMs(attempts: number): number {
  return Math.min(MAX_BACKOFF_MS, 1000 * 2 ** Math.max(0, attempts - 1));
}

/**
 * Pushes outbox rows to Meilisearch. Rows are deleted only after Meilisearch confirms the task;
 * on failure every row in the batch keeps its place with attempts, last error and a later retry
 * time (exponential backoff). Nothing is ever dropped.
 */
export class OutboxWorker {
  private timer: NodeJS.Timeout | undefined;
  private running = false;
  private stopped = true;
  private wakeRequested = false;

  constructor(private readonly db: PrismaClient, private readonly search: SearchService, private readonly log: (line: string) => void = () => {}) {}

  start() {
    this.stopped = false;
    this.schedule(0);
  }

  async stop() {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    while (this.running) await new Promise((r) => setTimeout(r, 10));
  }

  wake() {
    if (this.stopped) return;
    if (this.running) {
      this.wakeRequested = true;
      return;
    }
    this.schedule(0);
  }

  private schedule(ms: number) {
    if (this.stopped) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.tick(), ms);
    this.timer.unref?.();
  }

  private async tick() {
    if (this.running || this.stopped) return;
    this.running = true;
    let again = false;
    try {
      again = (await this.runOnce()) === BATCH;
    } catch (error) {
      this.log(`search outbox: ${String(error)}`);
    } finally {
      this.running = false;
    }
    const soon = again || this.wakeRequested;
    this.wakeRequested = false;
    this.schedule(soon ? 0 : IDLE_POLL_MS);
  }

  /**
   * One batch of due rows (never tried, or past their retry time); returns how many it took.
   * Exposed for tests and scripts.
   */
  async runOnce(now = new Date()): Promise<number> {
    const rows = await this.db.searchOutbox.findMany({ where: { OR: [{ attempts: 0 }, { nextAttempt: { lte: now } }] }, orderBy: { id: "asc" }, take: BATCH });
    if (rows.length === 0) return 0;
    const ids = [...new Set(rows.map((r) => r.docId))].map(parseDocId).filter((x): x is NonNullable<typeof x> => x !== null);
    try {
      const documents = await loadDocuments(this.db, ids, now);
      const present = new Set(documents.map((d) => d.id));
      const gone = ids.map((x) => `${x.kind}-${x.id}`).filter((id) => !present.has(id));
      const { client, indexUid } = this.search.connection;
      const index = client.index(indexUid);
      const tasks = [];
      if (documents.length) tasks.push(await index.addDocuments(documents).waitTask(WAIT));
      if (gone.length) tasks.push(await index.deleteDocuments(gone).waitTask(WAIT));
      const failed = tasks.find((t) => t.status !== "succeeded");
      if (failed) throw new Error(failed.error?.message ?? `task ${failed.uid} ${failed.status}`);
      await this.db.searchOutbox.deleteMany({ where: { id: { in: rows.map((r) => r.id) } } });
      return rows.length;
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      for (const row of rows) {
        const attempts = row.attempts + 1;
        await this.db.searchOutbox.update({
          where: { id: row.id },
          data: { attempts, lastError: message.slice(0, 500), nextAttempt: new Date(now.getTime() + backoffMs(attempts)) },
        });
      }
      this.log(`search outbox: ${rows.length} rows kept for retry (${message})`);
      return 0;
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
