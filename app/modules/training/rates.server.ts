import type { Db } from "../db.server.ts";

export interface Rates {
  /** Learners of finished courses (withdrawn ones left out): the completion rate's base. */
  enrolled: number;
  completedOfFinished: number;
  /** Every completer so far: the placement rate's base. */
  completed: number;
  /** Completers with a verified start within six months of completing. */
  placed: number;
  /** Basis points (10000 = 100%), null when there is nobody to divide by. */
  completionRate: number | null;
  placementRate: number | null;
}

const rate = (part: number, whole: number) => (whole > 0 ? Math.round((part / whole) * 10_000) : null);

function toRates(enrolled: number, completedOfFinished: number, completed: number, placed: number): Rates {
  return { enrolled, completedOfFinished, completed, placed, completionRate: rate(completedOfFinished, enrolled), placementRate: rate(placed, completed) };
}

/**
 * Completion and placement rates per course and over all of them (a provider's, a brand's):
 * completion = completed ÷ enrolled on courses that have ended; placement = completers placed
 * (a verified placement linked to their enrolment, i.e. within six months) ÷ completers.
 */
export async function ratesFor(db: Db, courseIds: readonly number[], now: Date): Promise<{ byCourse: Map<number, Rates>; total: Rates }> {
  const enrolments = courseIds.length
    ? await db.trainingEnrolment.findMany({
        where: { courseId: { in: [...courseIds] }, status: { not: "withdrawn" } },
        select: { id: true, courseId: true, status: true, course: { select: { endDate: true } } },
      })
    : [];
  const completedIds = enrolments.filter((e) => e.status === "completed").map((e) => e.id);
  const placedRows = completedIds.length
    ? await db.placement.findMany({ where: { afterTrainingEnrolmentId: { in: completedIds }, status: "verified" }, select: { afterTrainingEnrolmentId: true }, distinct: ["afterTrainingEnrolmentId"] })
    : [];
  const placed = new Set(placedRows.map((p) => p.afterTrainingEnrolmentId));
  const tally = new Map<number, [number, number, number, number]>();
  const total: [number, number, number, number] = [0, 0, 0, 0];
  for (const e of enrolments) {
    const row = tally.get(e.courseId) ?? [0, 0, 0, 0];
    const finished = e.course.endDate < now;
    const done = e.status === "completed";
    const add = [finished ? 1 : 0, finished && done ? 1 : 0, done ? 1 : 0, done && placed.has(e.id) ? 1 : 0];
    add.forEach((n, i) => { row[i]! += n; total[i]! += n; });
    tally.set(e.courseId, row);
  }
  const byCourse = new Map(courseIds.map((id) => [id, toRates(...(tally.get(id) ?? [0, 0, 0, 0]))]));
  return { byCourse, total: toRates(...total) };
}
