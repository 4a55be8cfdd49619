import type { Prisma } from "~/generated/prisma/client.ts";
import { toCommaList, fromCommaList } from "../../utils/comma-list.ts";
import { audit } from "../audit/audit.server.ts";
import { getDb } from "../db.server.ts";
import { recountPerson } from "../indicators/counting.server.ts";
import { decrypt } from "../security/secrets.server.ts";
import { inRegion, staffScope, type StaffActor } from "../staff/scope.ts";
import type { RegistrantAction } from "./staff-schemas.ts";
import { registrantWhere } from "./staff.server.ts";

type Tx = Prisma.TransactionClient;

export type RegistrantActionResult =
  | { ok: true; done: "logSaved" | "returnedSaved" | "linked" | "revealed"; phone?: string }
  | { ok: false; errors: Record<string, string[]> }
  | { ok: false; notFound: true };

const fail = (field: string, key: string) => ({ ok: false as const, errors: { [field]: [key] } });

/**
 * A placement becomes a returnee's: the returnee group and the registrant's kind go on it (so the
 * two returnee indicators see it), the registration is marked placed, and the person is recounted
 * in the same transaction, so the figures match the records at once.
 */
export async function linkPlacement(tx: Tx, registration: { id: number; returneeKind: string }, placementId: number) {
  const placement = await tx.placement.findUniqueOrThrow({ where: { id: placementId }, select: { groups: true, returneeKind: true, personKey: true, startDate: true } });
  const groups = fromCommaList(placement.groups);
  await tx.placement.update({
    where: { id: placementId },
    data: { groups: groups.includes("returnee") ? placement.groups : toCommaList(["returnee", ...groups]), returneeKind: placement.returneeKind ?? registration.returneeKind },
  });
  await tx.returneeRegistration.update({ where: { id: registration.id }, data: { placementId, status: "placed", placedAt: placement.startDate } });
  await recountPerson(tx, placement.personKey);
}

/**
 * A hire through the site by someone registered: their placement is linked at once (in the hire's
 * transaction). Staff still verify the placement before it counts, as any other.
 */
export async function linkHireToRegistration(tx: Tx, userId: number, placementId: number): Promise<void> {
  const registration = await tx.returneeRegistration.findFirst({ where: { userId, placementId: null, confirmedAt: { not: null } }, select: { id: true, returneeKind: true } });
  if (registration) await linkPlacement(tx, registration, placementId);
}

/** Staff work on one registrant of their area; each change, and each look at the full number, is audited. */
export async function registrantAction(actor: StaffActor, id: number, action: RegistrantAction, now = new Date()): Promise<RegistrantActionResult> {
  const db = getDb();
  const row = await db.returneeRegistration.findFirst({ where: registrantWhere(actor, id), select: { id: true, regionCode: true, status: true, placementId: true, returneeKind: true, phoneEnc: true } });
  if (!row) return { ok: false, notFound: true };
  const entry = { actorId: actor.id, entityType: "returnee", entityId: row.id, regionCode: row.regionCode };
  switch (action.intent) {
    case "contact":
      await db.$transaction(async (tx) => {
        const contact = await tx.returneeContact.create({ data: { registrationId: row.id, kind: action.kind, note: action.note, staffId: actor.id, createdAt: now } });
        await audit(tx, { ...entry, action: "returnee.contact", after: { contactId: contact.id, kind: action.kind } });
      });
      return { ok: true, done: "logSaved" };
    case "returned":
      if (row.status !== "away") return { ok: true, done: "returnedSaved" };
      await db.$transaction(async (tx) => {
        await tx.returneeRegistration.update({ where: { id: row.id }, data: { status: "returned", returnedAt: now } });
        await audit(tx, { ...entry, action: "returnee.returned", before: { status: row.status }, after: { status: "returned" } });
      });
      return { ok: true, done: "returnedSaved" };
    case "link": {
      if (row.placementId) return fail("placementId", "returneeStaff.detail.errors.alreadyPlaced");
      const placement = await db.placement.findFirst({ where: { id: action.placementId, ...inRegion(staffScope(actor)) }, select: { id: true, returnee: { select: { id: true } } } });
      if (!placement) return fail("placementId", "returneeStaff.detail.errors.placementNotFound");
      if (placement.returnee) return fail("placementId", "returneeStaff.detail.errors.placementTaken");
      await db.$transaction(async (tx) => {
        await linkPlacement(tx, row, placement.id);
        await audit(tx, { ...entry, action: "returnee.link_placement", before: { status: row.status, placementId: null }, after: { status: "placed", placementId: placement.id } });
      });
      return { ok: true, done: "linked" };
    }
    case "reveal": {
      if (!row.phoneEnc) return fail("", "returneeStaff.detail.errors.placement");
      await db.$transaction((tx) => audit(tx, { ...entry, action: "returnee.reveal_phone" }));
      return { ok: true, done: "revealed", phone: decrypt(row.phoneEnc) };
    }
  }
}
