import type { Prisma } from "~/generated/prisma/client.ts";
import { audit } from "../audit/audit.server.ts";
import { accountWhere, targetOf } from "../auth/codes.server.ts";
import { parseIdentifier } from "../auth/schemas.ts";
import { getDb } from "../db.server.ts";
import { parseIdNumber } from "../people/identity.ts";
import { lookupHash } from "../security/secrets.server.ts";
import type { StaffActor } from "../staff/scope.ts";

type Tx = Prisma.TransactionClient;

/**
 * An ID number typed into a profile is a claim: anyone can type anyone's number. Records kept
 * under a number (placements recorded by staff or imported) open to an account only once the
 * claim is proven — by a hire of the account's own that staff verified, or by staff confirming the
 * person's identity in person. Until then the account sees only what it did itself.
 */
export async function placementsVisibleTo(db: Tx | ReturnType<typeof getDb>, userId: number): Promise<Prisma.PlacementWhereInput> {
  const profile = await db.seekerProfile.findUnique({ where: { userId }, select: { idHash: true, idVerifiedAt: true } });
  const proven = profile?.idHash && profile.idVerifiedAt ? [{ idHash: profile.idHash }] : [];
  return { OR: [{ personUserId: userId }, ...proven] };
}

/**
 * Called when staff verify a placement: a hire made on the site by this account, under the ID
 * number the profile still holds, proves the claim (the employer met the person and staff checked
 * the real-name registration). Returns whether it proved something new.
 */
export async function proveIdentityByHire(
  tx: Tx,
  placement: { id: number; source: string; personUserId: number | null; idHash: string | null; regionCode: string },
  staffId: number,
  now: Date,
): Promise<boolean> {
  if (placement.source !== "site" || !placement.personUserId || !placement.idHash) return false;
  const { count } = await tx.seekerProfile.updateMany({
    where: { userId: placement.personUserId, idHash: placement.idHash, idVerifiedAt: null },
    data: { idVerifiedAt: now, idVerifiedHow: "hire", idVerifiedById: staffId, idVerifiedPlacementId: placement.id },
  });
  if (count === 1) {
    await audit(tx, {
      actorId: staffId,
      action: "identity.prove_by_hire",
      entityType: "user",
      entityId: placement.personUserId,
      regionCode: placement.regionCode,
      after: { placementId: placement.id },
    });
  }
  return count === 1;
}

/** A placement that proved an identity and is then rejected no longer proves it. */
export async function withdrawProofOfPlacement(tx: Tx, placement: { id: number; regionCode: string }, staffId: number): Promise<void> {
  const proven = await tx.seekerProfile.findMany({ where: { idVerifiedPlacementId: placement.id }, select: { userId: true } });
  for (const { userId } of proven) {
    await tx.seekerProfile.update({ where: { userId }, data: { idVerifiedAt: null, idVerifiedHow: null, idVerifiedById: null, idVerifiedPlacementId: null } });
    await audit(tx, {
      actorId: staffId,
      action: "identity.withdraw_proof",
      entityType: "user",
      entityId: userId,
      regionCode: placement.regionCode,
      before: { placementId: placement.id },
    });
  }
}

export type ConfirmIdentityResult = { ok: true; displayName: string } | { ok: false; errors: { identifier?: string; idNumber?: string } };

/**
 * Staff at a service window have seen the person's ID card and confirm that the account (found by
 * its phone or email) is theirs: the profile must already hold that very number. Audited.
 */
export async function confirmIdentityByStaff(actor: StaffActor, input: { identifier: string; idNumber: string }, now = new Date()): Promise<ConfirmIdentityResult> {
  const contact = parseIdentifier(input.identifier);
  const id = parseIdNumber(input.idNumber);
  if (!contact) return { ok: false, errors: { identifier: "forms.identifierInvalid" } };
  if (!id.ok) return { ok: false, errors: { idNumber: "seekers.errors.idNumberFormat" } };
  const idHash = lookupHash("id-number", id.facts.normalized);
  const where = accountWhere(targetOf(contact));
  return getDb().$transaction(async (tx): Promise<ConfirmIdentityResult> => {
    const user = await tx.user.findFirst({ where: { ...where, role: "seeker" }, select: { id: true, displayName: true, profile: { select: { idHash: true, idVerifiedAt: true } } } });
    // Staff may learn that the account and the card do not match: they hold the card in their hand.
    if (!user) return { ok: false, errors: { identifier: "identity.errors.noAccount" } };
    if (user.profile?.idHash !== idHash) return { ok: false, errors: { idNumber: "identity.errors.mismatch" } };
    await tx.seekerProfile.update({
      where: { userId: user.id },
      data: { idVerifiedAt: now, idVerifiedHow: "staff", idVerifiedById: actor.id, idVerifiedPlacementId: null },
    });
    await audit(tx, {
      actorId: actor.id,
      action: "identity.confirm",
      entityType: "user",
      entityId: user.id,
      regionCode: actor.staffRegionCode,
      before: { verified: Boolean(user.profile.idVerifiedAt) },
      after: { verified: true, how: "staff" },
    });
    return { ok: true, displayName: user.displayName };
  });
}
