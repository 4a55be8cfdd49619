import type { Prisma } from "~/generated/prisma/client.ts";
import { getDb } from "../db.server.ts";
import { likeText } from "../like.ts";

type Tx = Prisma.TransactionClient;

export interface AuditEntry {
  actorId: number | null;
  action: string;
  entityType: string;
  entityId: string | number;
  regionCode?: string | null;
  before?: unknown;
  after?: unknown;
}

/**
 * Records a staff (or system) action. Call it inside the transaction that makes the change, so a
 * change without its audit record cannot happen.
 */
export async function audit(tx: Tx, entry: AuditEntry): Promise<void> {
  await tx.auditLog.create({
    data: {
      actorId: entry.actorId,
      action: entry.action,
      entityType: entry.entityType,
      entityId: String(entry.entityId),
      regionCode: entry.regionCode ?? null,
      before: entry.before === undefined ? null : JSON.stringify(entry.before),
      after: entry.after === undefined ? null : JSON.stringify(entry.after),
    },
  });
}

export interface AuditQuery {
  regionPrefix: string | null; // null: everything (admin)
  entityType?: string;
  actorId?: number;
  page: number;
  pageSize?: number;
}

/** Audit records inside a staff member's region (records without a region are city-wide: admin only). */
export async function listAudit(query: AuditQuery) {
  const pageSize = query.pageSize ?? 50;
  const where: Prisma.AuditLogWhereInput = {
    ...(query.regionPrefix === null ? {} : { regionCode: { startsWith: likeText(query.regionPrefix) } }),
    ...(query.entityType ? { entityType: query.entityType } : {}),
    ...(query.actorId ? { actorId: query.actorId } : {}),
  };
  const db = getDb();
  const [rows, total] = await Promise.all([
    db.auditLog.findMany({ where, orderBy: { id: "desc" }, skip: (query.page - 1) * pageSize, take: pageSize }),
    db.auditLog.count({ where }),
  ]);
  const actors = await db.user.findMany({ where: { id: { in: [...new Set(rows.map((r) => r.actorId).filter((x): x is number => x !== null))] } }, select: { id: true, displayName: true } });
  const names = new Map(actors.map((a) => [a.id, a.displayName]));
  return {
    total,
    rows: rows.map((r) => ({ ...r, actorName: r.actorId ? (names.get(r.actorId) ?? `#${r.actorId}`) : null, createdAt: r.createdAt.toISOString() })),
  };
}
