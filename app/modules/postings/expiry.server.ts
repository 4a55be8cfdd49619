import { repeatEvery } from "../../utils/repeat.ts";
import { expiredWhere } from "../opportunities/open.ts";
import type { Db } from "../db.server.ts";
import { afterSearchWrite, enqueueSearchSync, type SearchKind } from "../search/outbox.server.ts";

const STATE_KEY = "search.expirySweptUntil";
const HOUR = 3_600_000;

/**
 * Posts and courses expire without a write: a gig at the end of its work day, a job at the end of
 * its validity, a course at its enrolment deadline. Searches already hide them (the query filters
 * on validUntil), but the index would keep them for ever; this queues every item that expired since
 * the last sweep, so the worker drops it and the index matches the database again.
 *
 * The first sweep covers everything already expired; each later one only the time since the last.
 * The queue rows and the new watermark commit together, so a crash never skips a window.
 */
export async function enqueueExpired(db: Db, now = new Date()): Promise<number> {
  const count = await db.$transaction(async (tx) => {
    const state = await tx.systemState.findUnique({ where: { key: STATE_KEY } });
    const since = state ? new Date(state.value) : new Date(0);
    if (since >= now) return 0;
    const [postings, courses] = await Promise.all([
      tx.posting.findMany({ where: expiredWhere.posting(now, since), select: { id: true, kind: true } }),
      tx.trainingCourse.findMany({ where: expiredWhere.course(now, since), select: { id: true } }),
    ]);
    const items = [...postings.map((p) => ({ kind: p.kind as SearchKind, id: p.id })), ...courses.map((c) => ({ kind: "course" as const, id: c.id }))];
    await enqueueSearchSync(tx, items);
    await tx.systemState.upsert({ where: { key: STATE_KEY }, create: { key: STATE_KEY, value: now.toISOString() }, update: { value: now.toISOString() } });
    return items.length;
  });
  if (count > 0) afterSearchWrite();
  return count;
}

/** At boot and then every hour (expiries cluster at midnight, China time; searches hide them meanwhile). */
export function startExpirySweep(db: Db, log: (line: string) => void = () => {}, everyMs = HOUR): { stop(): void } {
  return repeatEvery(everyMs, () => {
    enqueueExpired(db).then(
      (n) => n > 0 && log(`search: ${n} expired items queued for removal from the index`),
      (error: unknown) => log(`search: expiry sweep failed (${String(error)}); next try in an hour`),
    );
  });
}
