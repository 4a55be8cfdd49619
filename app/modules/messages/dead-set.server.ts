import { z } from "zod";
import { audit } from "../audit/audit.server.ts";
import { getDb } from "../db.server.ts";
import { maskEmail } from "../people/identity.ts";
import { maskPhone } from "../people/identity.ts";
import { decrypt } from "../security/secrets.server.ts";
import type { StaffActor } from "../staff/scope.ts";
import { MAX_MESSAGE_ATTEMPTS, wakeMessageWorker } from "./worker.server.ts";

/** Who a message was for, masked: staff see that it failed, not the address. */
function maskedTo(channel: string, toEnc: string): string {
  try {
    const to = decrypt(toEnc);
    return channel === "email" ? maskEmail(to) : maskPhone(to);
  } catch {
    return "—";
  }
}

/** The message outbox for staff: how much waits, what keeps failing, and the parked. */
export async function messageOutboxStatus() {
  const db = getDb();
  const [waiting, failing, dead, deadCount] = await Promise.all([
    db.messageOutbox.count({ where: { deadAt: null } }),
    db.messageOutbox.findMany({ where: { deadAt: null, attempts: { gt: 0 } }, orderBy: { id: "asc" }, take: 100 }),
    db.messageOutbox.findMany({ where: { deadAt: { not: null } }, orderBy: { id: "asc" }, take: 100 }),
    db.messageOutbox.count({ where: { deadAt: { not: null } } }),
  ]);
  const shown = (r: (typeof failing)[number]) => ({
    id: r.id, channel: r.channel, purpose: r.purpose, to: maskedTo(r.channel, r.toEnc), attempts: r.attempts, lastError: r.lastError,
    nextAttempt: r.nextAttempt.toISOString(), deadAt: r.deadAt?.toISOString() ?? null, createdAt: r.createdAt.toISOString(),
  });
  return { waiting, failing: failing.map(shown), dead: dead.map(shown), deadCount, maxAttempts: MAX_MESSAGE_ATTEMPTS };
}

const retrySchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("retry"), id: z.coerce.number().int().positive().max(2 ** 31) }),
  z.object({ intent: z.literal("retryAll") }),
]);

/**
 * Sends parked messages back to the queue with a fresh count of tries, audited in the same
 * transaction. null: a tampered form (the buttons always send a valid one).
 */
export async function retryDeadMessages(actor: StaffActor, formData: FormData, now = new Date()): Promise<{ retried: number } | null> {
  const parsed = retrySchema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return null;
  const input = parsed.data;
  const count = await getDb().$transaction(async (tx) => {
    const rows = await tx.messageOutbox.findMany({ where: { deadAt: { not: null }, ...(input.intent === "retry" ? { id: input.id } : {}) }, select: { id: true, purpose: true, channel: true, lastError: true } });
    if (!rows.length) return 0;
    await tx.messageOutbox.updateMany({ where: { id: { in: rows.map((r) => r.id) }, deadAt: { not: null } }, data: { deadAt: null, attempts: 0, nextAttempt: now } });
    await audit(tx, {
      actorId: actor.id,
      action: input.intent === "retry" ? "messages.retry" : "messages.retry_all",
      entityType: "messageOutbox",
      entityId: input.intent === "retry" ? input.id : "dead",
      regionCode: actor.staffRegionCode,
      before: input.intent === "retry" ? { purpose: rows[0]!.purpose, channel: rows[0]!.channel, lastError: rows[0]!.lastError } : { dead: rows.length },
      after: { requeued: rows.length },
    });
    return rows.length;
  });
  if (count) wakeMessageWorker();
  return { retried: count };
}
