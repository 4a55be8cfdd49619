import { audit } from "../audit/audit.server.ts";
import { getDb } from "../db.server.ts";
import { recountPerson } from "../indicators/counting.server.ts";
import { placeOf } from "../organizations/organizations.server.ts";
import { parseIdNumber } from "../people/identity.ts";
import { getRegions } from "../regions/regions.server.ts";
import { syncRegistersForPerson } from "../registers/sync.server.ts";
import { lookupHash } from "../security/secrets.server.ts";
import { proveIdentityByHire, withdrawProofOfPlacement } from "../seekers/identity.server.ts";
import { inRegion, staffScope, type StaffActor } from "../staff/scope.ts";
import type { PlacementDecision, StaffPlacementQuery } from "./schemas.ts";
import { likeText } from "../like.ts";

const PAGE_SIZE = 20;

/** A full ID number finds that person (by its keyed hash, never in the clear); other text matches names. */
function searchWhere(q: string | undefined) {
  if (!q) return {};
  const id = parseIdNumber(q);
  if (id.ok) return { idHash: lookupHash("id-number", id.facts.normalized) };
  return { OR: [{ personName: { contains: likeText(q) } }, { employerName: { contains: likeText(q) } }] };
}

/**
 * Placements inside the staff member's region, oldest pending first: what waits for verification.
 * The ID number appears only masked; the full number never leaves the database here.
 */
export async function listPlacementsForStaff(actor: StaffActor, query: StaffPlacementQuery, lang: string) {
  const scope = inRegion(staffScope(actor));
  const db = getDb();
  const where = { ...scope, ...(query.status === "all" ? {} : { status: query.status }), ...searchWhere(query.q) };
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

export type PlacementDecisionResult =
  | { ok: true; personName: string }
  | { ok: false; reason: "not_found" }
  | { ok: false; reason: "already_decided"; personName: string; status: string };

/** Which status a decision may start from: verify what waits (or was wrongly rejected), reject what is not yet rejected. */
const FROM: Record<PlacementDecision["intent"], string[]> = { verify: ["pending", "rejected"], reject: ["pending", "verified"] };

/**
 * Verify or reject one placement inside the staff member's region (outside it, it does not exist),
 * or correct an earlier decision (reject a verified one, verify a rejected one). The decision
 * applies only to the status the officer was shown (`from`): when a colleague decided in between,
 * nothing changes and the officer is told what the record now is.
 * The status change, the audit record and the person's recount commit together, so the indicator
 * figures always match the verified records.
 */
export async function decidePlacement(actor: StaffActor, decision: PlacementDecision, now = new Date()): Promise<PlacementDecisionResult> {
  const scope = inRegion(staffScope(actor));
  return getDb().$transaction(async (tx): Promise<PlacementDecisionResult> => {
    const placement = await tx.placement.findFirst({ where: { id: decision.id, ...scope } });
    if (!placement) return { ok: false, reason: "not_found" };
    const taken = { ok: false, reason: "already_decided", personName: placement.personName, status: placement.status } as const;
    if (placement.status !== (decision.from ?? "pending") || !FROM[decision.intent].includes(placement.status)) return taken;
    const status = decision.intent === "verify" ? "verified" : "rejected";
    const data = {
      status,
      kind: decision.intent === "verify" && decision.kind ? decision.kind : placement.kind,
      rejectionReason: status === "rejected" ? decision.reason! : null,
      verifiedById: status === "verified" ? actor.id : null,
      verifiedAt: status === "verified" ? now : null,
    };
    const { count } = await tx.placement.updateMany({ where: { id: placement.id, status: placement.status }, data });
    if (count !== 1) return taken;
    await audit(tx, {
      actorId: actor.id,
      action: placement.status === "pending" ? `placement.${decision.intent}` : `placement.correct_${decision.intent}`,
      entityType: "placement",
      entityId: placement.id,
      regionCode: placement.regionCode,
      before: { status: placement.status, kind: placement.kind, rejectionReason: placement.rejectionReason },
      after: { status: data.status, kind: data.kind, rejectionReason: data.rejectionReason },
    });
    if (status === "verified") await proveIdentityByHire(tx, placement, actor.id, now);
    else await withdrawProofOfPlacement(tx, placement, actor.id);
    await recountPerson(tx, placement.personKey);
    await syncRegistersForPerson(tx, placement.personKey, actor.id, placement.id); // families cleared, difficulty persons employed
    return { ok: true, personName: placement.personName };
  });
}

/**
 * Every placement of one filter (the list's status tab and search) inside the staff member's
 * region, oldest first, read in batches: what an export writes. Same scope and filter as
 * listPlacementsForStaff; the ID number only masked (the encrypted one is never selected).
 */
export function allPlacementsForStaff(actor: StaffActor, filter: Pick<StaffPlacementQuery, "status" | "q">, batchSize = 2000) {
  const where = { ...inRegion(staffScope(actor)), ...(filter.status === "all" ? {} : { status: filter.status }), ...searchWhere(filter.q) };
  const db = getDb();
  return (async function* () {
    let after = 0;
    for (;;) {
      const batch = await db.placement.findMany({
        where: { ...where, id: { gt: after } },
        orderBy: { id: "asc" },
        take: batchSize,
        select: {
          id: true, status: true, personName: true, idNumberMasked: true, employerName: true, kind: true, regionCode: true,
          startDate: true, source: true, rejectionReason: true, createdAt: true, posting: { select: { title: true } },
        },
      });
      yield* batch;
      if (batch.length < batchSize) return;
      after = batch[batch.length - 1]!.id;
    }
  })();
}
