import type { Prisma } from "~/generated/prisma/client.ts";
import { insertMany } from "../bulk-insert.server.ts";
import { encrypt } from "../security/secrets.server.ts";
import { wakeMessageWorker } from "./worker.server.ts";

type Tx = Prisma.TransactionClient;

export interface OutgoingMessage {
  channel: "email" | "sms";
  /** An email address or a mainland mobile number (digits). */
  to: string;
  subject?: string;
  text: string;
  /** What caused it (alert, reminder, notice…), for staff and logs. */
  purpose: string;
  userId?: number | null;
}

/**
 * Queues messages. Call inside the same transaction as the event that causes them, so a message is
 * sent if and only if the event happened; then call afterMessageWrite() once it has committed.
 * The destination is kept encrypted, like every phone and address at rest.
 */
export async function enqueueMessages(tx: Tx, messages: OutgoingMessage[], now = new Date()): Promise<void> {
  // Raw multi-row inserts: an alert pass queues tens of thousands at once.
  await insertMany(tx, "MessageOutbox", messages.map((m) => ({
    channel: m.channel, toEnc: encrypt(m.to), subject: m.subject ?? "", text: m.text, purpose: m.purpose, userId: m.userId ?? null, attempts: 0, nextAttempt: now, createdAt: now,
  })));
}

/** After the transaction commits: the worker sends within moments, not a poll later. */
export function afterMessageWrite() {
  wakeMessageWorker();
}
