import type { Prisma } from "~/generated/prisma/client.ts";
import { refreshResponseStats } from "./stats.server.ts";

type Tx = Prisma.TransactionClient;

/**
 * Inside the transaction in which the employer first answers an application: it leaves the staff
 * queue, and the employer's figures on its posts count the answer at once (not a pass later).
 */
export async function onAnswered(tx: Tx, applicationId: number, organizationId: number, now: Date): Promise<void> {
  await tx.applicationFollowUp.updateMany({ where: { applicationId, closedAt: null }, data: { closedAt: now, closedReason: "answered" } });
  await refreshResponseStats(tx, [organizationId], now);
}

/** Inside the withdrawal's transaction: nobody is waiting any more, so staff need not call. */
export async function onWithdrawn(tx: Tx, applicationId: number, now: Date): Promise<void> {
  await tx.applicationFollowUp.updateMany({ where: { applicationId, closedAt: null }, data: { closedAt: now, closedReason: "withdrawn" } });
}
