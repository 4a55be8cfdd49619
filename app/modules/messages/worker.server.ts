import type { PrismaClient } from "~/generated/prisma/client.ts";
import { getEmailSender } from "../auth/mail.server.ts";
import { getSmsSender } from "../auth/sms.server.ts";
import { Poller } from "../../utils/poller.ts";
import { decrypt } from "../security/secrets.server.ts";

const BATCH = 50;
const IDLE_POLL_MS = 2000;
const MAX_BACKOFF_MS = 30 * 60_000;
/** A message that failed this many times (about a day of retries) is parked for staff. */
export const MAX_MESSAGE_ATTEMPTS = 12;

export function messageBackoffMs(attempts: number): number {
  return Math.min(MAX_BACKOFF_MS, 5000 * 2 ** Math.max(0, attempts - 1));
}

type Row = Awaited<ReturnType<PrismaClient["messageOutbox"]["findMany"]>>[number];

/** An SMTP 5xx answer (mailbox unknown, refused) will not change on a retry: such a message is parked at once. */
function isPermanent(error: unknown): boolean {
  const code = (error as { responseCode?: unknown } | null)?.responseCode;
  return typeof code === "number" && code >= 500 && code < 600;
}

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

/**
 * Delivers the message outbox: each due message on its own (one failing address never holds up
 * the others), deleted once the mail server or SMS gateway took it, otherwise kept with its error
 * and a later try (exponential backoff), and parked (deadAt) when refused for good or after
 * MAX_MESSAGE_ATTEMPTS tries.
 */
export class MessageWorker extends Poller {
  /** Purposes this worker leaves to another (the alert thread sends the alerts), or sends alone. */
  private share: { only?: string[]; except?: string[] } = {};

  constructor(private readonly db: PrismaClient, log: (line: string) => void = () => {}, share: { only?: string[]; except?: string[] } = {}) {
    super(IDLE_POLL_MS, log, "message outbox");
    this.share = share;
  }

  /** From now on, leave these purposes to another worker (none: send everything again). */
  leave(purposes: string[]) {
    this.share = purposes.length ? { except: purposes } : {};
  }

  protected async pass(): Promise<boolean> {
    return (await this.runOnce()) === BATCH;
  }

  /** One batch of due messages; returns how many it tried. Exposed for tests and scripts. */
  async runOnce(now = new Date()): Promise<number> {
    const rows = await this.db.messageOutbox.findMany({
      where: {
        deadAt: null, nextAttempt: { lte: now },
        ...(this.share.only ? { purpose: { in: this.share.only } } : this.share.except ? { purpose: { notIn: this.share.except } } : {}),
      },
      orderBy: { id: "asc" },
      take: BATCH,
    });
    for (const row of rows) await this.deliver(row, now);
    return rows.length;
  }

  private async deliver(row: Row, now: Date) {
    try {
      const to = decrypt(row.toEnc);
      if (row.channel === "email") await getEmailSender().send({ to, subject: row.subject, text: row.text });
      else if (row.channel === "sms") await getSmsSender().send(to, row.text);
      else throw Object.assign(new Error(`unknown channel ${row.channel}`), { responseCode: 550 });
      await this.db.messageOutbox.delete({ where: { id: row.id } });
    } catch (error) {
      const attempts = row.attempts + 1;
      const park = isPermanent(error) || attempts >= MAX_MESSAGE_ATTEMPTS;
      await this.db.messageOutbox.update({
        where: { id: row.id },
        data: { attempts, lastError: messageOf(error).slice(0, 500), nextAttempt: new Date(now.getTime() + messageBackoffMs(attempts)), deadAt: park ? now : null },
      });
      this.log(`message outbox: message ${row.id} (${row.purpose}, ${row.channel}) ${park ? "parked" : "kept for retry"}: ${messageOf(error)}`);
    }
  }
}

const holder = globalThis as typeof globalThis & { __messageWorker?: MessageWorker };

export function setMessageWorker(worker: MessageWorker | undefined) {
  holder.__messageWorker = worker;
}

export function wakeMessageWorker() {
  holder.__messageWorker?.wake();
}
