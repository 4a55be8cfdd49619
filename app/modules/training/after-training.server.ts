import type { Prisma } from "~/generated/prisma/client.ts";

type Tx = Prisma.TransactionClient;

/** "A placement within six months of completing counts as employment after training." */
export const AFTER_TRAINING_MONTHS = 6;

/** The earliest completion a start on `startDay` (UTC midnight of its China day) still follows. */
export function afterTrainingWindowStart(startDay: Date): Date {
  const d = new Date(startDay);
  d.setUTCMonth(d.getUTCMonth() - AFTER_TRAINING_MONTHS);
  return d;
}

/**
 * Marks a new placement as employment after training when its person completed a course within
 * the six months before the start: the person is the placement's account, or the account whose
 * verified ID number it carries. Called in the transaction that creates the placement (a hire, a
 * staff entry), so the link exists before staff verify it and the recount sees it. Returns the
 * linked enrolment's id. The indicator counts a person once a year whatever the link (recountPerson).
 */
export async function linkAfterTraining(tx: Tx, placement: { id: number; personUserId: number | null; idHash: string | null; startDate: Date }): Promise<number | null> {
  const people: Prisma.TrainingEnrolmentWhereInput[] = [];
  if (placement.personUserId) people.push({ userId: placement.personUserId });
  if (placement.idHash) people.push({ user: { profile: { idHash: placement.idHash, idVerifiedAt: { not: null } } } });
  if (people.length === 0) return null;
  // The start is a day; a completion recorded any time that day still comes before it.
  const dayEnd = new Date(placement.startDate.getTime() + 86_400_000);
  const enrolment = await tx.trainingEnrolment.findFirst({
    where: { status: "completed", completedAt: { gte: afterTrainingWindowStart(placement.startDate), lt: dayEnd }, OR: people },
    orderBy: [{ completedAt: "desc" }, { id: "desc" }],
    select: { id: true },
  });
  if (!enrolment) return null;
  await tx.placement.update({ where: { id: placement.id }, data: { afterTrainingEnrolmentId: enrolment.id } });
  return enrolment.id;
}
