import { getDb } from "../db.server.ts";
import { afterSearchWrite, enqueueSearchSync } from "../search/outbox.server.ts";
import { isOpen, openWhere } from "../opportunities/open.ts";
import { fromCommaList } from "../../utils/comma-list.ts";
import type { EnrolInput } from "./schemas.ts";

/**
 * Subsidy eligibility (职业培训补贴): the course must carry a subsidy, and the learner must be one of
 * the groups it is for (any of the site's priority groups when the course names none).
 */
export function subsidyEligibility(course: { subsidy: number; groups: string }, profileGroups: readonly string[]): { eligible: boolean; groups: string[] } {
  const groups = fromCommaList(course.groups);
  if (course.subsidy <= 0) return { eligible: false, groups };
  const eligible = groups.length === 0 ? profileGroups.length > 0 : groups.some((g) => profileGroups.includes(g));
  return { eligible, groups };
}

/** What the enrolment page shows: the course, places and deadline, whether the learner qualifies, and their place if they have one. */
export async function enrolPage(userId: number | null, courseId: number, now: Date) {
  const db = getDb();
  const course = await db.trainingCourse.findFirst({
    where: { id: courseId, status: { in: ["published", "closed"] } },
    select: { id: true, title: true, status: true, placesLeft: true, totalPlaces: true, enrolDeadline: true, startDate: true, cost: true, subsidy: true, groups: true, provider: { select: { name: true } } },
  });
  if (!course) return null;
  const profile = userId ? await db.seekerProfile.findUnique({ where: { userId }, select: { name: true, groups: true } }) : null;
  const existing = userId ? await db.trainingEnrolment.findUnique({ where: { courseId_userId: { courseId, userId } }, select: { id: true, status: true } }) : null;
  const { eligible, groups } = subsidyEligibility(course, fromCommaList(profile?.groups));
  return {
    course: { id: course.id, title: course.title, providerName: course.provider.name, placesLeft: course.placesLeft, totalPlaces: course.totalPlaces, enrolDeadline: course.enrolDeadline.toISOString(), startDate: course.startDate.toISOString(), cost: course.cost, subsidy: course.subsidy, groups },
    open: isOpen.course(course, now) && course.placesLeft > 0,
    full: course.placesLeft <= 0,
    pastDeadline: course.enrolDeadline < now,
    subsidyEligible: eligible,
    name: profile?.name ?? "",
    existing,
  };
}

export type EnrolResult = { ok: true; enrolmentId: number } | { ok: false; formError: string } | { ok: false; reason: "not_found" };

/**
 * Takes one place: the place, the enrolment with its first history row and the search update of
 * the course (its places left) commit together, so search never shows a place that is gone. The
 * decrement only succeeds while a place is left, so two learners never take the last one twice.
 */
export async function enrol(user: { id: number }, courseId: number, input: EnrolInput, now: Date): Promise<EnrolResult> {
  const db = getDb();
  const result = await db.$transaction(async (tx): Promise<EnrolResult> => {
    const course = await tx.trainingCourse.findFirst({ where: { id: courseId, status: { in: ["published", "closed"] } }, select: { id: true, status: true, enrolDeadline: true, subsidy: true, groups: true } });
    if (!course) return { ok: false, reason: "not_found" };
    if (!isOpen.course(course, now)) return { ok: false, formError: course.enrolDeadline < now ? "training.errors.deadlinePassed" : "training.errors.closed" };
    const existing = await tx.trainingEnrolment.findUnique({ where: { courseId_userId: { courseId, userId: user.id } }, select: { status: true } });
    if (existing && existing.status !== "withdrawn") return { ok: false, formError: "training.errors.alreadyEnrolled" };
    const { count } = await tx.trainingCourse.updateMany({ where: { id: courseId, placesLeft: { gt: 0 }, ...openWhere.course(now) }, data: { placesLeft: { decrement: 1 } } });
    if (count !== 1) return { ok: false, formError: "training.errors.full" };
    const profile = await tx.seekerProfile.findUnique({ where: { userId: user.id }, select: { groups: true, phoneMasked: true } });
    const { eligible } = subsidyEligibility(course, fromCommaList(profile?.groups));
    const data = { name: input.name, phoneMasked: profile?.phoneMasked ?? null, subsidyRequested: input.subsidy, subsidyEligible: input.subsidy && eligible, status: "enrolled", attendedHours: 0, certificateCode: null, certificateNumber: null, completedAt: null, updatedAt: now };
    const enrolment = existing
      ? await tx.trainingEnrolment.update({ where: { courseId_userId: { courseId, userId: user.id } }, data })
      : await tx.trainingEnrolment.create({ data: { ...data, courseId, userId: user.id, createdAt: now } });
    await tx.trainingEnrolmentEvent.create({ data: { enrolmentId: enrolment.id, status: "enrolled", actorId: user.id, createdAt: now } });
    await enqueueSearchSync(tx, [{ kind: "course", id: courseId }]);
    return { ok: true, enrolmentId: enrolment.id };
  });
  if (result.ok) afterSearchWrite();
  return result;
}

/** Gives the place back while the course has not started: the place returns to search in the same transaction. */
export async function withdraw(user: { id: number }, enrolmentId: number, now: Date): Promise<boolean> {
  const db = getDb();
  const done = await db.$transaction(async (tx) => {
    const enrolment = await tx.trainingEnrolment.findFirst({ where: { id: enrolmentId, userId: user.id, status: "enrolled", course: { startDate: { gt: now } } }, select: { id: true, courseId: true } });
    if (!enrolment) return false;
    const { count } = await tx.trainingEnrolment.updateMany({ where: { id: enrolment.id, status: "enrolled" }, data: { status: "withdrawn", updatedAt: now } });
    if (count !== 1) return false;
    await tx.trainingCourse.update({ where: { id: enrolment.courseId }, data: { placesLeft: { increment: 1 } } });
    await tx.trainingEnrolmentEvent.create({ data: { enrolmentId: enrolment.id, status: "withdrawn", actorId: user.id, createdAt: now } });
    await enqueueSearchSync(tx, [{ kind: "course", id: enrolment.courseId }]);
    return true;
  });
  if (done) afterSearchWrite();
  return done;
}
