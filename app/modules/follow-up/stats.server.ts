import type { Prisma } from "~/generated/prisma/client.ts";
import { getEnv } from "../../env.server.ts";
import { audit } from "../audit/audit.server.ts";
import { isAnswer, isWaiting } from "./codes.ts";
import { median } from "./figures.ts";

type Tx = Prisma.TransactionClient;

const DAY = 86_400_000;
const HOUR = 3_600_000;
/** The figures cover the last year: an employer that mends its ways is not held to its past for ever. */
export const RESPONSE_WINDOW_DAYS = 365;
/** Staff see an employer flagged once this many of its applications went to them, while it answered fewer than half. */
export const FLAG_ESCALATIONS = 3;
const CHUNK = 200;

export interface ResponseStats {
  counted: number;
  answered: number;
  medianHours: number | null;
  escalations: number;
  flagged: boolean;
}

/**
 * One employer's figures from its applications of the window. An application counts once it is
 * answered, or once it has waited past the reminder without an answer (a fresh one is not late
 * yet); one withdrawn before any answer does not count either way.
 */
export function computeStats(
  applications: readonly { status: string; createdAt: Date; answeredAt: Date | null }[],
  escalations: number,
  now: Date,
  settings: { remindDays: number; minApplications: number },
): ResponseStats {
  const lateBefore = now.getTime() - settings.remindDays * DAY;
  let counted = 0;
  const hours: number[] = [];
  let answered = 0;
  for (const a of applications) {
    if (a.answeredAt || isAnswer(a.status)) {
      counted += 1;
      answered += 1;
      if (a.answeredAt) hours.push(Math.max(0, (a.answeredAt.getTime() - a.createdAt.getTime()) / HOUR));
    } else if (isWaiting(a.status) && a.createdAt.getTime() <= lateBefore) {
      counted += 1;
    }
  }
  const middle = median(hours);
  const flagged = (counted >= settings.minApplications && answered === 0) || (escalations >= FLAG_ESCALATIONS && answered * 2 < counted);
  return { counted, answered, medianHours: middle === null ? null : Math.round(middle), escalations, flagged };
}

/**
 * Recounts the employers' figures onto their rows, inside the caller's transaction (an answer, a
 * follow-up pass). A change of the "never answers" flag is audited as the system's.
 */
export async function refreshResponseStats(tx: Tx, organizationIds: readonly number[], now: Date): Promise<void> {
  const env = getEnv();
  const settings = { remindDays: env.FOLLOW_UP_REMIND_DAYS, minApplications: env.FOLLOW_UP_MIN_APPLICATIONS };
  const since = new Date(now.getTime() - RESPONSE_WINDOW_DAYS * DAY);
  const unique = [...new Set(organizationIds)];
  for (let i = 0; i < unique.length; i += CHUNK) {
    const ids = unique.slice(i, i + CHUNK);
    const [applications, escalations, orgs] = await Promise.all([
      tx.application.findMany({
        where: { posting: { organizationId: { in: ids } }, createdAt: { gte: since } },
        select: { status: true, createdAt: true, answeredAt: true, posting: { select: { organizationId: true } } },
      }),
      tx.applicationFollowUp.groupBy({ by: ["organizationId"], where: { organizationId: { in: ids }, escalatedAt: { gte: since } }, _count: { _all: true } }),
      tx.organization.findMany({ where: { id: { in: ids } }, select: { id: true, regionCode: true, responseFlagged: true } }),
    ]);
    const byOrg = new Map<number, typeof applications>();
    for (const a of applications) {
      const list = byOrg.get(a.posting.organizationId) ?? [];
      list.push(a);
      byOrg.set(a.posting.organizationId, list);
    }
    const escalated = new Map(escalations.map((e) => [e.organizationId, e._count._all]));
    for (const org of orgs) {
      const stats = computeStats(byOrg.get(org.id) ?? [], escalated.get(org.id) ?? 0, now, settings);
      await tx.organization.update({
        where: { id: org.id },
        data: {
          responseCounted: stats.counted,
          responseAnswered: stats.answered,
          responseMedianHours: stats.medianHours,
          responseEscalations: stats.escalations,
          responseFlagged: stats.flagged,
          responseUpdatedAt: now,
        },
      });
      if (stats.flagged !== org.responseFlagged) {
        await audit(tx, {
          actorId: null,
          action: stats.flagged ? "organization.flag_unresponsive" : "organization.unflag_unresponsive",
          entityType: "organization",
          entityId: org.id,
          regionCode: org.regionCode,
          before: { responseFlagged: org.responseFlagged },
          after: { responseFlagged: stats.flagged, counted: stats.counted, answered: stats.answered, escalations: stats.escalations },
        });
      }
    }
  }
}
