import { audit } from "../audit/audit.server.ts";
import { getDb } from "../db.server.ts";
import { coursesOwnedBy, employerScope, enrolmentsOwnedBy } from "../organizations/scope.ts";
import { fromCommaList, toCommaList } from "../../utils/comma-list.ts";
import { ratesFor } from "./rates.server.ts";
import type { OutcomeInput } from "./schemas.ts";

/**
 * A training provider's side: its courses with their learners and rates, and recording each
 * learner's attendance and outcome. Ownership is decided by organizations/scope.ts inside every
 * query: another provider's course or learner is not found (404).
 */
export async function providerCourses(user: { id: number }, now: Date) {
  const scope = await employerScope(user);
  const db = getDb();
  const courses = await db.trainingCourse.findMany({
    where: coursesOwnedBy(scope),
    orderBy: [{ startDate: "desc" }, { id: "desc" }],
    select: { id: true, title: true, status: true, startDate: true, endDate: true, placesLeft: true, totalPlaces: true, enrolDeadline: true, providerId: true, _count: { select: { enrolments: { where: { status: { not: "withdrawn" } } } } } },
  });
  const { byCourse, total } = await ratesFor(db, courses.map((c) => c.id), now);
  return {
    isProvider: scope.organizationIds.length > 0 && (await db.organization.count({ where: { id: { in: scope.organizationIds }, kind: "training_provider" } })) > 0,
    total,
    courses: courses.map((c) => ({ id: c.id, title: c.title, status: c.status, startDate: c.startDate.toISOString(), endDate: c.endDate.toISOString(), placesLeft: c.placesLeft, totalPlaces: c.totalPlaces, enrolDeadline: c.enrolDeadline.toISOString(), learners: c._count.enrolments, rates: byCourse.get(c.id)! })),
  };
}

/** One of the provider's courses with its learners; null when it is not theirs. */
export async function providerCourse(user: { id: number }, courseId: number, now: Date) {
  const scope = await employerScope(user);
  const db = getDb();
  const course = await db.trainingCourse.findFirst({
    where: { id: courseId, ...coursesOwnedBy(scope) },
    select: { id: true, title: true, hours: true, certificate: true, credentialCode: true, startDate: true, endDate: true, placesLeft: true, totalPlaces: true },
  });
  if (!course) return null;
  const learners = await db.trainingEnrolment.findMany({
    where: { courseId, status: { not: "withdrawn" } },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: { id: true, name: true, phoneMasked: true, status: true, attendedHours: true, subsidyRequested: true, subsidyEligible: true, certificateCode: true, certificateNumber: true, completedAt: true },
  });
  const { total } = await ratesFor(db, [courseId], now);
  return {
    course: { ...course, startDate: course.startDate.toISOString(), endDate: course.endDate.toISOString() },
    rates: total,
    learners: learners.map((l) => ({ ...l, completedAt: l.completedAt?.toISOString() ?? null })),
  };
}

export type OutcomeResult = { ok: true; name: string } | { ok: false; reason: "not_found" } | { ok: false; fieldErrors: Record<string, string[]> } | { ok: false; formError: string };

/** Who records: the provider's member, or staff acting for it (both audited). */
export interface OutcomeActor { id: number; role: string; staffRegionCode?: string | null }

/**
 * Records attendance or the outcome of one learner on one of the actor's courses. A completion
 * with the certificate puts the course's credential (and its brand) on the learner's profile in
 * the same transaction, so recommendations and candidate search match them to posts that want it
 * from then on. The history row and the audit record commit with the change.
 */
export async function recordOutcome(actor: OutcomeActor, enrolmentId: number, input: OutcomeInput, now: Date): Promise<OutcomeResult> {
  const scope = await employerScope(actor);
  return getDb().$transaction(async (tx): Promise<OutcomeResult> => {
    const enrolment = await tx.trainingEnrolment.findFirst({
      where: { id: enrolmentId, status: { not: "withdrawn" }, ...enrolmentsOwnedBy(scope) },
      include: { course: { select: { id: true, hours: true, credentialCode: true, brandCode: true, regionCode: true, startDate: true } } },
    });
    if (!enrolment) return { ok: false, reason: "not_found" };
    const before = { status: enrolment.status, attendedHours: enrolment.attendedHours, certificateCode: enrolment.certificateCode };
    let data: { status?: string; attendedHours?: number; certificateCode?: string | null; certificateNumber?: string | null; completedAt?: Date | null; updatedAt: Date };
    let note: string | null = null;
    if (input.intent === "attendance") {
      if (input.hours > enrolment.course.hours) return { ok: false, fieldErrors: { hours: ["training.errors.hoursOverCourse"] } };
      data = { attendedHours: input.hours, updatedAt: now };
      note = String(input.hours);
    } else if (input.intent === "complete") {
      if (enrolment.status === "completed") return { ok: false, formError: "training.errors.alreadyCompleted" };
      if (enrolment.course.startDate > now) return { ok: false, formError: "training.errors.notStarted" };
      const certificateCode = input.withCertificate ? enrolment.course.credentialCode : null;
      if (input.withCertificate && !certificateCode) return { ok: false, fieldErrors: { withCertificate: ["training.errors.noCertificate"] } };
      data = { status: "completed", certificateCode, certificateNumber: input.withCertificate ? input.certificateNumber || null : null, completedAt: now, updatedAt: now };
      note = certificateCode;
      await creditLearner(tx, enrolment.userId, enrolment.name, certificateCode, enrolment.course.brandCode);
    } else {
      if (enrolment.status === "completed") return { ok: false, formError: "training.errors.alreadyCompleted" };
      data = { status: "not_completed", completedAt: null, updatedAt: now };
      note = input.note || null;
    }
    await tx.trainingEnrolment.update({ where: { id: enrolment.id }, data });
    await tx.trainingEnrolmentEvent.create({ data: { enrolmentId: enrolment.id, status: input.intent === "attendance" ? "attendance" : data.status!, actorId: actor.id, note, createdAt: now } });
    await audit(tx, {
      actorId: actor.id,
      action: `training.${input.intent}`,
      entityType: "trainingEnrolment",
      entityId: enrolment.id,
      regionCode: enrolment.course.regionCode,
      before,
      after: { status: data.status ?? enrolment.status, attendedHours: data.attendedHours ?? enrolment.attendedHours, certificateCode: data.certificateCode ?? before.certificateCode, byStaff: actor.role === "staff" || actor.role === "admin" },
    });
    return { ok: true, name: enrolment.name };
  });
}

type Tx = Parameters<Parameters<ReturnType<typeof getDb>["$transaction"]>[0]>[0];

async function creditLearner(tx: Tx, userId: number, name: string, credentialCode: string | null, brandCode: string | null) {
  const profile = await tx.seekerProfile.findUnique({ where: { userId }, select: { credentials: true, brandsTrained: true } });
  const add = (list: string | undefined, code: string | null) => toCommaList([...new Set([...fromCommaList(list), ...(code ? [code] : [])])]);
  const credentials = add(profile?.credentials, credentialCode);
  const brandsTrained = add(profile?.brandsTrained, brandCode);
  if (profile) await tx.seekerProfile.update({ where: { userId }, data: { credentials, brandsTrained } });
  else await tx.seekerProfile.create({ data: { userId, name, credentials, brandsTrained } });
}
