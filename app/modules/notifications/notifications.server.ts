import type { Prisma } from "~/generated/prisma/client.ts";
import { insertMany } from "../bulk-insert.server.ts";
import { getDb } from "../db.server.ts";

type Tx = Prisma.TransactionClient;

/** `type` is an i18n key under notifications.*; `params` fill it; `link` is where it leads. */
export async function notify(tx: Tx, userId: number, type: string, params: Record<string, string | number>, link: string) {
  await tx.notification.create({ data: { userId, type, params: JSON.stringify(params), link } });
}

/** Many notices in one write (the alert pass tells thousands of people at once). */
export async function notifyMany(tx: Tx, notices: { userId: number; type: string; params: Record<string, string | number>; link: string }[], now = new Date()) {
  await insertMany(tx, "Notification", notices.map((n) => ({ userId: n.userId, type: n.type, params: JSON.stringify(n.params), link: n.link, createdAt: now })));
}

export async function unreadCount(userId: number): Promise<number> {
  return getDb().notification.count({ where: { userId, readAt: null } });
}

export async function listNotifications(userId: number, take = 50) {
  const rows = await getDb().notification.findMany({ where: { userId }, orderBy: { id: "desc" }, take });
  return rows.map((n) => ({ id: n.id, type: n.type, params: JSON.parse(n.params) as Record<string, string | number>, link: n.link, read: n.readAt !== null, createdAt: n.createdAt.toISOString() }));
}

export async function markAllRead(userId: number) {
  await getDb().notification.updateMany({ where: { userId, readAt: null }, data: { readAt: new Date() } });
}
