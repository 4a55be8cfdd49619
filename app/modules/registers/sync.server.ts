import type { Prisma } from "~/generated/prisma/client.ts";
import { audit } from "../audit/audit.server.ts";

type Tx = Prisma.TransactionClient;

const dayText = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : null);

/** The first verified placement of any of these people starting on or after `from`. */
async function firstVerified(tx: Tx, personKeys: readonly string[], from: Date) {
  if (personKeys.length === 0) return null;
  return tx.placement.findFirst({
    where: { personKey: { in: [...personKeys] }, status: "verified", startDate: { gte: from } },
    orderBy: [{ startDate: "asc" }, { id: "asc" }],
    select: { id: true, startDate: true },
  });
}

/**
 * Brings one zero-employment family in line with the placements: cleared while a verified placement
 * of a member (from recognition on) exists — the one that cleared it, else the first — and uncleared
 * when none is left. Each change is audited. Returns whether anything changed.
 */
export async function syncFamily(tx: Tx, familyId: number, actorId: number | null): Promise<boolean> {
  const family = await tx.zeroEmploymentFamily.findUnique({ where: { id: familyId }, include: { members: { select: { personKey: true } } } });
  if (!family) return false;
  if (family.clearedByPlacementId !== null) {
    const still = await tx.placement.findFirst({ where: { id: family.clearedByPlacementId, status: "verified" }, select: { id: true } });
    if (still) return false;
  }
  const found = await firstVerified(tx, family.members.map((m) => m.personKey), family.recognisedAt);
  if (found?.id === family.clearedByPlacementId) return false;
  if (!found && family.clearedAt === null) return false;
  const clearedAt = found ? new Date(Math.max(found.startDate.getTime(), family.recognisedAt.getTime())) : null;
  await tx.zeroEmploymentFamily.update({ where: { id: family.id }, data: { clearedAt, clearedByPlacementId: found?.id ?? null } });
  await audit(tx, {
    actorId,
    action: found ? "zero_family.clear" : "zero_family.unclear",
    entityType: "zero_family",
    entityId: family.id,
    regionCode: family.regionCode,
    before: { clearedAt: dayText(family.clearedAt), clearedByPlacementId: family.clearedByPlacementId },
    after: { clearedAt: dayText(clearedAt), clearedByPlacementId: found?.id ?? null, automatic: true },
  });
  return true;
}

/**
 * Brings one person with employment difficulties in line with the placements: employed from their
 * first verified placement on or after recognition, not employed when none is left.
 */
export async function syncDifficultyPerson(tx: Tx, personId: number, actorId: number | null): Promise<boolean> {
  const person = await tx.difficultyPerson.findUnique({ where: { id: personId } });
  if (!person) return false;
  const found = await firstVerified(tx, [person.personKey], person.recognisedAt);
  if ((found?.id ?? null) === person.placementId) return false;
  const employedAt = found?.startDate ?? null;
  await tx.difficultyPerson.update({ where: { id: person.id }, data: { employedAt, placementId: found?.id ?? null } });
  await audit(tx, {
    actorId,
    action: found ? "difficulty_person.employed" : "difficulty_person.unemployed",
    entityType: "difficulty_person",
    entityId: person.id,
    regionCode: person.regionCode,
    before: { employedAt: dayText(person.employedAt), placementId: person.placementId },
    after: { employedAt: dayText(employedAt), placementId: found?.id ?? null, automatic: true },
  });
  return true;
}

/**
 * Called in the transaction that verifies or rejects one of this person's placements (after the
 * recount): the registers that name the person follow — a family with this member is cleared (or
 * uncleared, when the placement that cleared it is rejected), and the person's own difficulty
 * record is marked employed (or not).
 */
export async function syncRegistersForPerson(tx: Tx, personKey: string, actorId: number | null, placementId?: number): Promise<void> {
  const [members, clearedBy, persons] = await Promise.all([
    personKey ? tx.zeroFamilyMember.findMany({ where: { personKey }, select: { familyId: true } }) : [],
    // A family that staff cleared with this placement (matched by name, not ID number) follows it too.
    placementId ? tx.zeroEmploymentFamily.findMany({ where: { clearedByPlacementId: placementId }, select: { id: true } }) : [],
    personKey ? tx.difficultyPerson.findMany({ where: { personKey }, select: { id: true } }) : [],
  ]);
  for (const familyId of new Set([...members.map((m) => m.familyId), ...clearedBy.map((f) => f.id)])) await syncFamily(tx, familyId, actorId);
  for (const person of persons) await syncDifficultyPerson(tx, person.id, actorId);
}
