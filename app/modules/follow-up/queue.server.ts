import type { Prisma } from "~/generated/prisma/client.ts";
import { getEnv } from "../../env.server.ts";
import { parseSnapshot } from "../applications/applications.server.ts";
import { audit } from "../audit/audit.server.ts";
import { getDb } from "../db.server.ts";
import { notify } from "../notifications/notifications.server.ts";
import { isOpen } from "../opportunities/open.ts";
import { placeOf } from "../organizations/organizations.server.ts";
import { getRegions, regionName } from "../regions/regions.server.ts";
import { inRegion, staffScope, type StaffActor } from "../staff/scope.ts";
import { NOTE_MAX, WAITING_STATUSES, type CallOutcome } from "./codes.ts";
import { callSchema, followUpId, queuePage } from "./schemas.ts";
import { knownLanguages } from "./messages.server.ts";

const DAY = 86_400_000;
const PAGE_SIZE = 30;

/** "王**": enough for the employer to find the application on the phone, not even the name's length. */
export function maskName(name: string): string {
  const first = [...name.trim()][0];
  return first ? `${first}**` : "—";
}

/** Open queue rows inside the officer's region whose application still waits. */
function openRows(prefix: string | null): Prisma.ApplicationFollowUpWhereInput {
  return { ...inRegion(prefix), closedAt: null, application: { status: { in: [...WAITING_STATUSES] } } };
}

/** Flagged employers the officer deals with: registered in the region, or with applications in its queue. */
function flaggedOrganizations(prefix: string | null): Prisma.OrganizationWhereInput {
  return prefix === null ? { responseFlagged: true } : { responseFlagged: true, OR: [inRegion(prefix), { followUps: { some: inRegion(prefix) } }] };
}

/** For the staff home: what waits in the queue, and how many employers are flagged. */
export async function followUpCounts(actor: StaffActor) {
  const prefix = staffScope(actor);
  const db = getDb();
  const [open, flagged] = await Promise.all([db.applicationFollowUp.count({ where: openRows(prefix) }), db.organization.count({ where: flaggedOrganizations(prefix) })]);
  return { open, flagged, escalateDays: getEnv().FOLLOW_UP_ESCALATE_DAYS };
}

/**
 * The queue of a staff member's region (a county's staff their county, the city all its counties):
 * the longest-waiting first, each with what the call needs — the employer's name, contact and
 * phones, the post, how long the applicant has waited — and the applicant only by a masked name.
 */
export async function followUpQueue(actor: StaffActor, params: URLSearchParams, lang: string, now = new Date()) {
  const prefix = staffScope(actor);
  const db = getDb();
  const where = openRows(prefix);
  const total = await db.applicationFollowUp.count({ where });
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
  const page = Math.min(queuePage.parse(params.get("page") ?? undefined), pages);
  const [rows, flagged, regions] = await Promise.all([
    db.applicationFollowUp.findMany({
      where,
      orderBy: [{ escalatedAt: "asc" }, { id: "asc" }],
      skip: (page - 1) * PAGE_SIZE,
      take: PAGE_SIZE,
      include: {
        application: {
          select: {
            id: true, status: true, createdAt: true, remindedAt: true, snapshot: true,
            posting: { select: { id: true, kind: true, title: true, status: true, validUntil: true, contactPhone: true } },
          },
        },
        organization: {
          select: { id: true, name: true, contactName: true, contactPhone: true, address: true, regionCode: true, responseCounted: true, responseAnswered: true, responseEscalations: true, responseFlagged: true },
        },
      },
    }),
    db.organization.findMany({
      where: flaggedOrganizations(prefix),
      orderBy: [{ responseEscalations: "desc" }, { id: "asc" }],
      take: 50,
      select: { id: true, name: true, contactName: true, contactPhone: true, regionCode: true, responseCounted: true, responseAnswered: true, responseEscalations: true },
    }),
    getRegions(),
  ]);
  const callerIds = [...new Set(rows.map((r) => r.lastCalledById).filter((x): x is number => x !== null))];
  const callers = new Map((await db.user.findMany({ where: { id: { in: callerIds } }, select: { id: true, displayName: true } })).map((u) => [u.id, u.displayName]));
  const figures = (o: { responseCounted: number; responseAnswered: number; responseEscalations: number }) => ({ counted: o.responseCounted, answered: o.responseAnswered, escalations: o.responseEscalations });
  return {
    page,
    pages,
    total,
    escalateDays: getEnv().FOLLOW_UP_ESCALATE_DAYS,
    noteMax: NOTE_MAX,
    rows: rows.map((r) => {
      const a = r.application;
      return {
        id: r.id,
        applicationId: a.id,
        applicant: maskName(parseSnapshot(a.snapshot).name),
        status: a.status as (typeof WAITING_STATUSES)[number],
        appliedAt: a.createdAt.toISOString(),
        waitingDays: Math.floor((now.getTime() - a.createdAt.getTime()) / DAY),
        remindedAt: a.remindedAt?.toISOString() ?? null,
        escalatedAt: r.escalatedAt.toISOString(),
        place: placeOf(regions, r.regionCode, lang),
        post: { id: a.posting.id, kind: a.posting.kind, title: a.posting.title, open: isOpen.posting(a.posting, now), contactPhone: a.posting.contactPhone },
        employer: { id: r.organization.id, name: r.organization.name, contactName: r.organization.contactName, contactPhone: r.organization.contactPhone, address: r.organization.address, flagged: r.organization.responseFlagged, ...figures(r.organization) },
        calls: r.calls,
        lastOutcome: r.lastOutcome as CallOutcome | null,
        lastNote: r.lastNote,
        lastCalledAt: r.lastCalledAt?.toISOString() ?? null,
        lastCalledBy: r.lastCalledById ? (callers.get(r.lastCalledById) ?? null) : null,
      };
    }),
    flagged: flagged.map((o) => ({ id: o.id, name: o.name, contactName: o.contactName, contactPhone: o.contactPhone, place: placeOf(regions, o.regionCode, lang), ...figures(o) })),
  };
}

export type CallResult =
  | { ok: true; id: number; outcome: CallOutcome; employer: string }
  | { ok: false; reason: "not_found" }
  | { ok: false; reason: "invalid"; id: number; errors: Record<string, string[]>; values: { outcome: string; note: string } };

/**
 * Staff record how their call to the employer went, audited in the same transaction. "Resolved"
 * closes the follow-up and tells the seeker; the other outcomes keep it in the queue. A row outside
 * the officer's region does not exist for them (not_found: the route answers 404).
 */
export async function recordCall(actor: StaffActor, formData: FormData, now = new Date()): Promise<CallResult> {
  const prefix = staffScope(actor);
  const id = followUpId.safeParse(formData.get("id"));
  if (!id.success) return { ok: false, reason: "not_found" };
  const values = { outcome: String(formData.get("outcome") ?? ""), note: String(formData.get("note") ?? "") };
  const parsed = callSchema.safeParse({ outcome: formData.get("outcome") ?? undefined, note: formData.get("note") ?? undefined });
  const db = getDb();
  if (!parsed.success) {
    if (!(await db.applicationFollowUp.count({ where: { id: id.data, ...inRegion(prefix) } }))) return { ok: false, reason: "not_found" };
    const errors: Record<string, string[]> = {};
    for (const issue of parsed.error.issues) (errors[String(issue.path[0] ?? "")] ??= []).push(issue.message.startsWith("staffFollowUp.") ? issue.message : "forms.invalid");
    return { ok: false, reason: "invalid", id: id.data, errors, values };
  }
  const { outcome, note } = parsed.data;
  return db.$transaction(async (tx): Promise<CallResult> => {
    const row = await tx.applicationFollowUp.findFirst({
      where: { id: id.data, ...inRegion(prefix) },
      include: { organization: { select: { name: true } }, application: { select: { id: true, seekerId: true, posting: { select: { title: true } } } } },
    });
    if (!row) return { ok: false, reason: "not_found" };
    const closes = outcome === "resolved";
    const data = { calls: row.calls + 1, lastOutcome: outcome, lastNote: note || null, lastCalledAt: now, lastCalledById: actor.id, ...(closes ? { closedAt: now, closedReason: "resolved" } : {}) };
    const { count } = await tx.applicationFollowUp.updateMany({ where: { id: row.id, closedAt: null, calls: row.calls }, data });
    if (count !== 1) return { ok: false, reason: "invalid", id: row.id, errors: { "": ["staffFollowUp.errors.closed"] }, values };
    await audit(tx, {
      actorId: actor.id,
      action: "follow_up.call",
      entityType: "application_follow_up",
      entityId: row.id,
      regionCode: row.regionCode,
      before: { calls: row.calls, lastOutcome: row.lastOutcome, closedAt: row.closedAt?.toISOString() ?? null },
      after: { calls: data.calls, lastOutcome: outcome, note: note || null, closedAt: closes ? now.toISOString() : null, applicationId: row.applicationId, organizationId: row.organizationId },
    });
    if (closes) {
      const lang = (await knownLanguages(tx, [row.application.seekerId])).get(row.application.seekerId) ?? "zh-CN";
      const county = regionName(await getRegions(), row.countyCode, lang);
      await notify(tx, row.application.seekerId, "applicationFollowUpResolved", { title: row.application.posting.title, county }, `/me/applications#application-${row.application.id}`);
    }
    return { ok: true, id: row.id, outcome, employer: row.organization.name };
  });
}
