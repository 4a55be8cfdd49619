import { getDb } from "../db.server.ts";
import { placeOf } from "../organizations/organizations.server.ts";
import { getRegions } from "../regions/regions.server.ts";
import { inRegion, staffScope, type StaffActor } from "../staff/scope.ts";
import type { StaffPlacementQuery } from "./schemas.ts";

const PAGE_SIZE = 20;

/**
 * Placements inside the staff member's region, oldest pending first: what waits for verification.
 * The ID number appears only masked; the full number never leaves the database here.
 */
export async function listPlacementsForStaff(actor: StaffActor, query: StaffPlacementQuery, lang: string) {
  const scope = inRegion(staffScope(actor));
  const db = getDb();
  const where = { ...scope, ...(query.status === "all" ? {} : { status: query.status }) };
  const [rows, total, pendingTotal] = await Promise.all([
    db.placement.findMany({
      where,
      orderBy: query.status === "pending" ? [{ createdAt: "asc" }, { id: "asc" }] : [{ id: "desc" }],
      skip: (query.page - 1) * PAGE_SIZE,
      take: PAGE_SIZE,
      include: { posting: { select: { id: true, kind: true, title: true } } },
    }),
    db.placement.count({ where }),
    db.placement.count({ where: { ...scope, status: "pending" } }),
  ]);
  const regions = await getRegions();
  return {
    total,
    pendingTotal,
    pages: Math.max(1, Math.ceil(total / PAGE_SIZE)),
    rows: rows.map((r) => ({
      id: r.id,
      personName: r.personName,
      idNumberMasked: r.idNumberMasked,
      employerName: r.employerName,
      posting: r.posting ? { id: r.posting.id, kind: r.posting.kind, title: r.posting.title } : null,
      kind: r.kind,
      place: placeOf(regions, r.regionCode, lang),
      startDate: r.startDate.toISOString().slice(0, 10),
      source: r.source,
      status: r.status,
      rejectionReason: r.rejectionReason,
      createdAt: r.createdAt.toISOString(),
    })),
  };
}
