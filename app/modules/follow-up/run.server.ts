import type { Prisma } from "~/generated/prisma/client.ts";
import { getEnv } from "../../env.server.ts";
import { Poller } from "../../utils/poller.ts";
import { getDb } from "../db.server.ts";
import { afterMessageWrite, enqueueMessages, type OutgoingMessage } from "../messages/outbox.server.ts";
import { notify } from "../notifications/notifications.server.ts";
import { openWhere } from "../opportunities/open.ts";
import { getRegions, regionName } from "../regions/regions.server.ts";
import { WAITING_STATUSES, type ClosedReason } from "./codes.ts";
import { knownLanguages, reminderMail, seekerMessages, type WaitingPost } from "./messages.server.ts";
import { refreshResponseStats } from "./stats.server.ts";

const DAY = 86_400_000;
/** Applications handled per step and pass; more waiting starts the next pass at once. */
const PER_PASS = 500;
/**
 * How far past the escalation the clock still looks: an application that waited longer than this
 * without being chased (the site was just upgraded, its post closed long ago) is left alone.
 */
const CLOCK_SPAN_DAYS = 30;
/** Employers' figures are recounted at least this often, as applications leave the year's window. */
const STALE_MS = DAY;
const STALE_PER_PASS = 200;

export interface FollowUpRun {
  reminded: number;
  escalated: number;
  closed: number;
  refreshed: number;
  more: boolean;
}

/**
 * One pass of the follow-up clock at `now`. Each application waiting (submitted or only viewed) on
 * an open post is reminded to its employer once, at FOLLOW_UP_REMIND_DAYS, and goes to the staff
 * queue of the post's region once, at FOLLOW_UP_ESCALATE_DAYS, with the seeker told. A closed or
 * expired post stops the clock (its waiting applications still count against the employer's rate);
 * a withdrawal stops it for good. remindedAt and escalatedAt (and the queue row's unique key) make
 * a second pass, or two at once, change nothing.
 */
export async function runFollowUp(now = new Date()): Promise<FollowUpRun> {
  const env = getEnv();
  const floor = new Date(now.getTime() - (env.FOLLOW_UP_ESCALATE_DAYS + CLOCK_SPAN_DAYS) * DAY);
  const waiting = { status: { in: [...WAITING_STATUSES] }, posting: openWhere.posting(now) };
  const touched = new Set<number>();

  const reminded = await remind(now, { ...waiting, remindedAt: null, createdAt: { lte: new Date(now.getTime() - env.FOLLOW_UP_REMIND_DAYS * DAY), gte: floor } }, touched);
  const escalated = await escalate(now, { ...waiting, escalatedAt: null, createdAt: { lte: new Date(now.getTime() - env.FOLLOW_UP_ESCALATE_DAYS * DAY), gte: floor } }, touched);
  const closed = await closeAnswered(now, touched);

  const stale = await getDb().organization.findMany({
    where: { id: { notIn: [...touched] }, OR: [{ responseUpdatedAt: null }, { responseUpdatedAt: { lt: new Date(now.getTime() - STALE_MS) } }], postings: { some: { applications: { some: {} } } } },
    select: { id: true },
    take: STALE_PER_PASS,
  });
  const refresh = [...touched, ...stale.map((o) => o.id)];
  if (refresh.length) await getDb().$transaction((tx) => refreshResponseStats(tx, refresh, now), { timeout: 60_000 });
  if (reminded.count || escalated.count) afterMessageWrite();
  return {
    reminded: reminded.count,
    escalated: escalated.count,
    closed: closed.count,
    refreshed: refresh.length,
    more: reminded.more || escalated.more || closed.more || stale.length === STALE_PER_PASS,
  };
}

/** One notice and one email per member of each employer, for all its applications that came due. */
async function remind(now: Date, where: Prisma.ApplicationWhereInput, touched: Set<number>) {
  const due = await getDb().application.findMany({
    where,
    orderBy: { createdAt: "asc" },
    take: PER_PASS,
    select: { id: true, posting: { select: { organizationId: true } } },
  });
  const byOrg = new Map<number, number[]>();
  for (const a of due) byOrg.set(a.posting.organizationId, [...(byOrg.get(a.posting.organizationId) ?? []), a.id]);
  let count = 0;
  for (const [organizationId, ids] of byOrg) {
    count += await getDb().$transaction(async (tx) => {
      // Claim first: only what this pass marked is reminded, whatever another pass does meanwhile.
      const { count: claimed } = await tx.application.updateMany({ where: { id: { in: ids }, remindedAt: null }, data: { remindedAt: now } });
      if (!claimed) return 0;
      const mine = await tx.application.findMany({
        where: { id: { in: ids }, remindedAt: now },
        orderBy: { createdAt: "asc" },
        select: { postingId: true, posting: { select: { title: true, organization: { select: { name: true } } } } },
      });
      const posts = new Map<number, WaitingPost>();
      for (const a of mine) {
        const post = posts.get(a.postingId) ?? { postingId: a.postingId, title: a.posting.title, count: 0 };
        post.count += 1;
        posts.set(a.postingId, post);
      }
      const members = await tx.membership.findMany({ where: { organizationId }, select: { userId: true, user: { select: { email: true } } } });
      const languages = await knownLanguages(tx, members.map((m) => m.userId));
      const first = [...posts.values()][0]!;
      const messages: OutgoingMessage[] = [];
      for (const m of members) {
        await notify(tx, m.userId, "applicationReminder", { count: mine.length, days: getEnv().FOLLOW_UP_REMIND_DAYS, title: first.title }, posts.size === 1 ? `/employer/applicants?posting=${first.postingId}` : "/employer/applicants");
        if (m.user.email) messages.push(reminderMail(languages.get(m.userId) ?? "zh-CN", { userId: m.userId, email: m.user.email }, mine[0]!.posting.organization.name, [...posts.values()]));
      }
      await enqueueMessages(tx, messages);
      return mine.length;
    });
    touched.add(organizationId);
  }
  return { count, more: due.length === PER_PASS };
}

/** Into the staff queue of the post's region, the seeker told by notice, email and SMS, the employer by notice. */
async function escalate(now: Date, where: Prisma.ApplicationWhereInput, touched: Set<number>) {
  const due = await getDb().application.findMany({
    where,
    orderBy: { createdAt: "asc" },
    take: PER_PASS,
    select: {
      id: true,
      seekerId: true,
      createdAt: true,
      seeker: { select: { email: true, phoneEnc: true } },
      posting: { select: { title: true, regionCode: true, countyCode: true, organizationId: true, organization: { select: { name: true } } } },
    },
  });
  if (!due.length) return { count: 0, more: false };
  const regions = await getRegions();
  const languages = await knownLanguages(getDb(), due.map((a) => a.seekerId));
  let count = 0;
  for (const a of due) {
    const lang = languages.get(a.seekerId) ?? "zh-CN";
    const days = Math.floor((now.getTime() - a.createdAt.getTime()) / DAY);
    const { posting } = a;
    const done = await getDb().$transaction(async (tx) => {
      const { count: claimed } = await tx.application.updateMany({ where: { id: a.id, escalatedAt: null }, data: { escalatedAt: now } });
      if (!claimed) return false;
      await tx.applicationFollowUp.create({
        data: { applicationId: a.id, organizationId: posting.organizationId, regionCode: posting.regionCode, countyCode: posting.countyCode, escalatedAt: now },
      });
      // A notice's words follow the reader's language when shown, its parameters are fixed now: the county in the person's known language.
      const county = (language: string) => regionName(regions, posting.countyCode, language);
      await notify(tx, a.seekerId, "applicationFollowUp", { title: posting.title, days, county: county(lang) }, `/me/applications#application-${a.id}`);
      await enqueueMessages(tx, seekerMessages(lang, {
        applicationId: a.id, seekerId: a.seekerId, email: a.seeker.email, phoneEnc: a.seeker.phoneEnc,
        title: posting.title, employer: posting.organization.name, appliedAt: a.createdAt, days, county: county(lang),
      }));
      const members = await tx.membership.findMany({ where: { organizationId: posting.organizationId }, select: { userId: true } });
      const memberLanguages = await knownLanguages(tx, members.map((m) => m.userId));
      for (const m of members) {
        await notify(tx, m.userId, "applicationEscalated", { title: posting.title, days, county: county(memberLanguages.get(m.userId) ?? "zh-CN") }, `/employer/applicants/${a.id}`);
      }
      return true;
    });
    if (done) {
      count += 1;
      touched.add(posting.organizationId);
    }
  }
  return { count, more: due.length === PER_PASS };
}

/** Queue rows whose application no longer waits leave the queue (an answer given without the site noticing, a withdrawal). */
async function closeAnswered(now: Date, touched: Set<number>) {
  const rows = await getDb().applicationFollowUp.findMany({
    where: { closedAt: null, application: { status: { notIn: [...WAITING_STATUSES] } } },
    take: PER_PASS,
    select: { id: true, organizationId: true, application: { select: { status: true } } },
  });
  let count = 0;
  for (const row of rows) {
    const reason: ClosedReason = row.application.status === "withdrawn" ? "withdrawn" : "answered";
    count += (await getDb().applicationFollowUp.updateMany({ where: { id: row.id, closedAt: null }, data: { closedAt: now, closedReason: reason } })).count;
    touched.add(row.organizationId);
  }
  return { count, more: rows.length === PER_PASS };
}

/** The pass every FOLLOW_UP_PASS_MS while the site runs (and once at start). */
class FollowUpRunner extends Poller {
  protected async pass(): Promise<boolean> {
    const run = await runFollowUp();
    if (run.reminded || run.escalated) this.log(`follow-up: ${run.reminded} reminded, ${run.escalated} sent to staff, ${run.closed} closed`);
    return run.more;
  }
}

export function startFollowUpRunner(log: (line: string) => void, everyMs = getEnv().FOLLOW_UP_PASS_MS) {
  const runner = new FollowUpRunner(everyMs, log, "follow-up");
  runner.start();
  return runner;
}
