import { noteApplication } from "../matching/applications-ledger.server.ts";
import { linkAfterTraining } from "../training/after-training.server.ts";
import { linkHireToRegistration } from "../returnees/staff-actions.server.ts";
import type { Prisma, SeekerProfile } from "~/generated/prisma/client.ts";
import { personKeyOf } from "../indicators/counting.server.ts";
import { audit } from "../audit/audit.server.ts";
import { getDb } from "../db.server.ts";
import { notify } from "../notifications/notifications.server.ts";
import { placeOf } from "../organizations/organizations.server.ts";
import { applicationsOwnedBy, employerScope, ownedBy } from "../organizations/scope.ts";
import { getRegions } from "../regions/regions.server.ts";
import { decrypt } from "../security/secrets.server.ts";
import { parseWorkHistory } from "../seekers/profile.server.ts";
import type { WorkRow } from "../seekers/profile-schema.ts";
import {
  ACTIVE_STATUSES,
  chinaToday,
  EMPLOYER_TRANSITIONS,
  parseDay,
  WITHDRAWABLE,
  type ApplicantFilters,
  type ApplicationStatus,
  type EmployerStep,
  type TransitionInput,
} from "./schemas.ts";
import { likeText } from "../like.ts";
import { fromCommaList, toCommaList } from "../../utils/comma-list.ts";
import { isOpen } from "../opportunities/open.ts";
import { isAnswer, isWaiting } from "../follow-up/codes.ts";
import { onAnswered, onWithdrawn } from "../follow-up/hooks.server.ts";

type Tx = Prisma.TransactionClient;

const APPLICABLE_KINDS = ["job", "internship", "gig"];

/** Serialised applies can queue behind each other (SQLite has one writer): give them room. */
const TX_OPTIONS = { maxWait: 15_000, timeout: 15_000 };

const isUniqueViolation = (error: unknown) => typeof error === "object" && error !== null && (error as { code?: unknown }).code === "P2002";

// ---- the snapshot: what the employer receives ----

/**
 * The profile as sent with an application. With the seeker's consent to share (consentSharing) it
 * carries the profile, the phone encrypted as stored and the ID number masked only; without it,
 * the name and the masked phone only. The full ID number never goes into a snapshot.
 */
export interface ApplicationSnapshot {
  v: 1;
  shared: boolean;
  name: string;
  phoneMasked: string | null;
  phoneEnc?: string | null;
  idNumberMasked?: string | null;
  sex?: string | null;
  birthYear?: number | null;
  education?: string;
  school?: string;
  major?: string;
  graduationYear?: number | null;
  skills?: string;
  workHistory?: WorkRow[];
  hometownCode?: string | null;
  currentRegionCode?: string | null;
  groups?: string[];
  returneeKind?: string | null;
}

export function buildSnapshot(profile: SeekerProfile, account: { phoneEnc: string | null; phoneMasked: string | null }): ApplicationSnapshot {
  const phoneEnc = profile.phoneEnc ?? account.phoneEnc;
  const phoneMasked = profile.phoneEnc ? profile.phoneMasked : account.phoneMasked;
  if (!profile.consentSharing) return { v: 1, shared: false, name: profile.name, phoneMasked };
  return {
    v: 1,
    shared: true,
    name: profile.name,
    phoneMasked,
    phoneEnc,
    idNumberMasked: profile.idNumberMasked,
    sex: profile.sex,
    birthYear: profile.birthDate ? profile.birthDate.getUTCFullYear() : null,
    education: profile.education,
    school: profile.school,
    major: profile.major,
    graduationYear: profile.graduationYear,
    skills: profile.skills,
    workHistory: parseWorkHistory(profile.workHistory),
    hometownCode: profile.hometownCode,
    currentRegionCode: profile.currentRegionCode,
    groups: fromCommaList(profile.groups),
    returneeKind: profile.returneeKind,
  };
}

export function parseSnapshot(json: string): ApplicationSnapshot {
  try {
    const value = JSON.parse(json) as Partial<ApplicationSnapshot>;
    if (value && typeof value.name === "string") return { ...value, v: 1, shared: value.shared === true, name: value.name, phoneMasked: value.phoneMasked ?? null };
  } catch {
    // fall through: an unreadable snapshot shows as "nothing shared"
  }
  return { v: 1, shared: false, name: "", phoneMasked: null };
}

/**
 * A snapshot for reading: place names in the reader's language, and the phone in full only when
 * the seeker consented to share it (to the employer it was sent to, or to the seeker themself).
 */
async function snapshotView(snapshot: ApplicationSnapshot, lang: string) {
  const regions = await getRegions();
  const place = (code: string | null | undefined) => (code ? placeOf(regions, code, lang) : "");
  return {
    shared: snapshot.shared,
    name: snapshot.name,
    phone: snapshot.shared && snapshot.phoneEnc ? decrypt(snapshot.phoneEnc) : snapshot.phoneMasked,
    phoneIsFull: snapshot.shared && !!snapshot.phoneEnc,
    idNumberMasked: snapshot.idNumberMasked ?? null,
    sex: snapshot.sex ?? null,
    birthYear: snapshot.birthYear ?? null,
    education: snapshot.education ?? null,
    school: snapshot.school ?? "",
    major: snapshot.major ?? "",
    graduationYear: snapshot.graduationYear ?? null,
    skills: snapshot.skills ?? "",
    workHistory: snapshot.workHistory ?? [],
    hometown: place(snapshot.hometownCode),
    currentPlace: place(snapshot.currentRegionCode),
    groups: snapshot.groups ?? [],
    returneeKind: snapshot.returneeKind ?? null,
  };
}
export type SnapshotView = Awaited<ReturnType<typeof snapshotView>>;

// ---- seeker side ----

async function gigPlaces(tx: Tx, postingId: number) {
  return tx.application.count({ where: { postingId, status: { in: [...ACTIVE_STATUSES] } } });
}

/** What the apply page shows: the post, whether it can be applied for, and what would be shared. Null for an unknown post. */
export async function loadApplyPage(seekerId: number, postingId: number, lang: string, now = new Date()) {
  const db = getDb();
  const posting = await db.posting.findFirst({
    where: { id: postingId, kind: { in: APPLICABLE_KINDS }, status: { in: ["published", "closed"] } },
    select: { id: true, kind: true, title: true, status: true, validUntil: true, headcount: true, organization: { select: { name: true } } },
  });
  if (!posting) return null;
  const [existing, profile, account, taken] = await Promise.all([
    db.application.findUnique({ where: { postingId_seekerId: { postingId, seekerId } }, select: { id: true, status: true } }),
    db.seekerProfile.findUnique({ where: { userId: seekerId } }),
    db.user.findUniqueOrThrow({ where: { id: seekerId }, select: { phoneEnc: true, phoneMasked: true } }),
    posting.kind === "gig" ? gigPlaces(db, postingId) : Promise.resolve(0),
  ]);
  return {
    posting: {
      id: posting.id,
      kind: posting.kind,
      title: posting.title,
      employer: posting.organization.name,
      open: isOpen.posting(posting, now),
      gig: posting.kind === "gig" ? { taken, headcount: posting.headcount, full: taken >= posting.headcount } : null,
    },
    existing,
    shared: profile ? await snapshotView(buildSnapshot(profile, account), lang) : null,
  };
}

export type ApplyResult =
  | { ok: true; applicationId: number }
  | { ok: false; reason: "not_found" | "closed" | "no_profile" | "already_applied" | "full" };

/**
 * One-step application with the profile. Everything is decided inside one transaction: SQLite
 * runs one write transaction at a time, so the count of a gig's places and the insert that takes
 * one cannot interleave with another apply (30 people tapping at once for 5 places: 5 get them).
 * The unique (posting, seeker) index is the last word on duplicates.
 */
export async function apply(seekerId: number, postingId: number, now = new Date()): Promise<ApplyResult> {
  const db = getDb();
  try {
    const result = await db.$transaction(async (tx): Promise<ApplyResult> => {
      const posting = await tx.posting.findFirst({
        where: { id: postingId, kind: { in: APPLICABLE_KINDS }, status: { in: ["published", "closed"] } },
        select: { id: true, kind: true, title: true, status: true, validUntil: true, headcount: true, organizationId: true },
      });
      if (!posting) return { ok: false, reason: "not_found" };
      if (!isOpen.posting(posting, now)) return { ok: false, reason: "closed" };
      const existing = await tx.application.findUnique({ where: { postingId_seekerId: { postingId, seekerId } }, select: { id: true } });
      if (existing) return { ok: false, reason: "already_applied" };
      const profile = await tx.seekerProfile.findUnique({ where: { userId: seekerId } });
      if (!profile) return { ok: false, reason: "no_profile" };
      if (posting.kind === "gig" && (await gigPlaces(tx, postingId)) >= posting.headcount) return { ok: false, reason: "full" };

      const account = await tx.user.findUniqueOrThrow({ where: { id: seekerId }, select: { phoneEnc: true, phoneMasked: true } });
      const application = await tx.application.create({
        data: { postingId, seekerId, status: "submitted", snapshot: JSON.stringify(buildSnapshot(profile, account)), createdAt: now },
      });
      await tx.applicationEvent.create({ data: { applicationId: application.id, status: "submitted", actorId: seekerId, createdAt: now } });
      // An employer's invitation to this post (matching's candidates), answered by applying, from it or not.
      await tx.candidateInvitation.updateMany({ where: { postingId, seekerId, status: { in: ["sent", "declined"] } }, data: { status: "applied", respondedAt: now } });
      await notifyMembers(tx, posting.organizationId, "applicationReceived", { name: profile.name, title: posting.title }, `/employer/applicants/${application.id}`);
      return { ok: true, applicationId: application.id };
    }, TX_OPTIONS);
    if (result.ok) noteApplication(postingId, 1);
    return result;
  } catch (error) {
    if (isUniqueViolation(error)) return { ok: false, reason: "already_applied" };
    throw error;
  }
}

async function notifyMembers(tx: Tx, organizationId: number, type: string, params: Record<string, string>, link: string) {
  const members = await tx.membership.findMany({ where: { organizationId }, select: { userId: true } });
  for (const m of members) await notify(tx, m.userId, type, params, link);
}

export type WithdrawResult = { ok: true } | { ok: false; reason: "not_found" | "not_allowed" };

/** The seeker takes their application back while nothing is decided (not once hired or rejected). */
export async function withdraw(seekerId: number, applicationId: number, now = new Date()): Promise<WithdrawResult> {
  const result = await getDb().$transaction(async (tx): Promise<WithdrawResult & { postingId?: number }> => {
    const application = await tx.application.findFirst({
      where: { id: applicationId, seekerId },
      select: { id: true, status: true, postingId: true, posting: { select: { title: true, organizationId: true } }, seeker: { select: { displayName: true, profile: { select: { name: true } } } } },
    });
    if (!application) return { ok: false, reason: "not_found" };
    if (!WITHDRAWABLE.includes(application.status as ApplicationStatus)) return { ok: false, reason: "not_allowed" };
    const { count } = await tx.application.updateMany({ where: { id: applicationId, status: application.status }, data: { status: "withdrawn", updatedAt: now } });
    if (count !== 1) return { ok: false, reason: "not_allowed" };
    await tx.applicationEvent.create({ data: { applicationId, status: "withdrawn", actorId: seekerId, createdAt: now } });
    await onWithdrawn(tx, applicationId, now);
    const name = application.seeker.profile?.name ?? application.seeker.displayName;
    await notifyMembers(tx, application.posting.organizationId, "applicationWithdrawn", { name, title: application.posting.title }, `/employer/applicants/${applicationId}`);
    return { ok: true, postingId: application.postingId };
  });
  if (result.ok && result.postingId) noteApplication(result.postingId, -1);
  return result.ok ? { ok: true } : result;
}

const timeline = (events: { status: string; reason: string | null; createdAt: Date }[]) =>
  events.map((e) => ({ status: e.status as ApplicationStatus, reason: e.reason, at: e.createdAt.toISOString() }));

/** The seeker's applications, newest first, each with its whole timeline. */
export async function listSeekerApplications(seekerId: number) {
  const rows = await getDb().application.findMany({
    where: { seekerId },
    orderBy: { id: "desc" },
    take: 200,
    select: {
      id: true,
      status: true,
      rejectionReason: true,
      createdAt: true,
      posting: { select: { id: true, kind: true, title: true, organization: { select: { name: true } } } },
      events: { orderBy: { id: "asc" }, select: { status: true, reason: true, createdAt: true } },
      placement: { select: { startDate: true } },
    },
  });
  return rows.map((a) => ({
    id: a.id,
    status: a.status as ApplicationStatus,
    rejectionReason: a.rejectionReason,
    createdAt: a.createdAt.toISOString(),
    posting: { id: a.posting.id, kind: a.posting.kind, title: a.posting.title, employer: a.posting.organization.name },
    startDate: a.placement?.startDate.toISOString().slice(0, 10) ?? null,
    canWithdraw: WITHDRAWABLE.includes(a.status as ApplicationStatus),
    events: timeline(a.events),
  }));
}

// ---- employer side: ownership is organizations/scope.ts, inside every query ----

const PAGE_SIZE = 30;
/** Filters on snapshot fields run in memory over at most this many of the newest applications. */
const FILTER_WINDOW = 5_000;

/** The employer's applicants, per post or across their posts, with search (name, skills) and filters. */
export async function listApplicants(userId: number, filters: ApplicantFilters) {
  const db = getDb();
  const scope = await employerScope({ id: userId });
  const postings = await db.posting.findMany({
    where: { ...ownedBy(scope), OR: [{ applications: { some: {} } }, ...(filters.posting ? [{ id: filters.posting }] : [])] },
    orderBy: { id: "desc" },
    select: { id: true, kind: true, title: true, status: true, headcount: true, _count: { select: { applications: true } } },
  });
  const posting = filters.posting ? postings.find((p) => p.id === filters.posting) : undefined;
  if (filters.posting && !posting) return null;

  const where: Prisma.ApplicationWhereInput = { ...applicationsOwnedBy(scope), ...(posting ? { postingId: posting.id } : {}) };
  const [rows, byStatus] = await Promise.all([
    db.application.findMany({
      where: { ...where, ...(filters.status ? { status: filters.status } : {}), ...(filters.q ? { snapshot: { contains: likeText(JSON.stringify(filters.q).slice(1, -1)) } } : {}) },
      orderBy: { id: "desc" },
      take: FILTER_WINDOW,
      select: { id: true, status: true, snapshot: true, createdAt: true, updatedAt: true, posting: { select: { id: true, kind: true, title: true } } },
    }),
    db.application.groupBy({ by: ["status"], where, _count: { _all: true } }),
  ]);
  const q = filters.q?.toLowerCase();
  const matching = rows
    .map((row) => ({ row, snapshot: parseSnapshot(row.snapshot) }))
    .filter(({ snapshot: s }) => {
      if (q && !s.name.toLowerCase().includes(q) && !(s.skills ?? "").toLowerCase().includes(q)) return false;
      if (filters.group && !(s.groups ?? []).includes(filters.group)) return false;
      if (filters.education && s.education !== filters.education) return false;
      return true;
    });
  const pages = Math.max(1, Math.ceil(matching.length / PAGE_SIZE));
  const page = Math.min(filters.page ?? 1, pages);
  return {
    postings: postings.map((p) => ({ id: p.id, kind: p.kind, title: p.title, status: p.status, headcount: p.headcount, applications: p._count.applications })),
    posting: posting ? { id: posting.id, kind: posting.kind, title: posting.title, headcount: posting.headcount } : null,
    statusCounts: Object.fromEntries(byStatus.map((s) => [s.status, s._count._all])) as Partial<Record<ApplicationStatus, number>>,
    total: matching.length,
    page,
    pages,
    rows: matching.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE).map(({ row, snapshot: s }) => ({
      id: row.id,
      status: row.status as ApplicationStatus,
      createdAt: row.createdAt.toISOString(),
      updatedAt: row.updatedAt.toISOString(),
      posting: row.posting,
      name: s.name,
      shared: s.shared,
      phoneMasked: s.phoneMasked,
      education: s.education ?? null,
      groups: s.groups ?? [],
      skills: s.skills ?? "",
    })),
  };
}

/** One applicant as the employer sees them; null when the application is not theirs to see. */
export async function loadApplicant(userId: number, applicationId: number, lang: string) {
  const scope = await employerScope({ id: userId });
  const row = await getDb().application.findFirst({
    where: { id: applicationId, ...applicationsOwnedBy(scope) },
    select: {
      id: true,
      status: true,
      snapshot: true,
      rejectionReason: true,
      createdAt: true,
      posting: { select: { id: true, kind: true, title: true } },
      events: { orderBy: { id: "asc" }, select: { status: true, reason: true, createdAt: true } },
      placement: { select: { id: true, startDate: true, status: true, kind: true } },
    },
  });
  if (!row) return null;
  const status = row.status as ApplicationStatus;
  return {
    id: row.id,
    status,
    rejectionReason: row.rejectionReason,
    createdAt: row.createdAt.toISOString(),
    posting: row.posting,
    applicant: await snapshotView(parseSnapshot(row.snapshot), lang),
    events: timeline(row.events),
    next: EMPLOYER_TRANSITIONS[status] ?? [],
    placement: row.placement ? { id: row.placement.id, startDate: row.placement.startDate.toISOString().slice(0, 10), status: row.placement.status, kind: row.placement.kind } : null,
    today: chinaToday(),
  };
}

/**
 * Which indicator kind a placement through the site starts as (staff may correct it when they
 * verify): the post's kind first (gig, internship), then the person's groups (graduate before
 * returnee), else new urban employment.
 */
export function placementKind(postingKind: string, groups: readonly string[]): string {
  if (postingKind === "gig") return "gig_flexible";
  if (postingKind === "internship") return "internship";
  if (groups.includes("graduate")) return "graduate";
  if (groups.includes("returnee")) return "returnee";
  return "new_urban";
}

export type DecideResult = { ok: true; status: EmployerStep; placementId: number | null } | { ok: false; reason: "not_found" | "illegal" };

const SEEKER_NOTICE: Record<EmployerStep, string> = {
  viewed: "applicationViewed",
  interview: "applicationInterview",
  offered: "applicationOffered",
  hired: "applicationHired",
  rejected: "applicationRejected",
};

/**
 * The employer moves an application one step (see EMPLOYER_TRANSITIONS): an event, a timestamp and
 * a notice to the seeker each time. Hiring also records the placement, pending staff verification,
 * in the same transaction: an application has at most one (the unique applicationId and the
 * status check both stop a second).
 */
export async function decide(actorId: number, applicationId: number, input: TransitionInput, now = new Date()): Promise<DecideResult> {
  return getDb().$transaction(async (tx): Promise<DecideResult> => {
    const scope = await employerScope({ id: actorId }, tx);
    const application = await tx.application.findFirst({
      where: { id: applicationId, ...applicationsOwnedBy(scope) },
      select: {
        id: true,
        status: true,
        seekerId: true,
        snapshot: true,
        posting: { select: { id: true, kind: true, title: true, regionCode: true, countyCode: true, organizationId: true, organization: { select: { name: true } } } },
      },
    });
    if (!application) return { ok: false, reason: "not_found" };
    const from = application.status as ApplicationStatus;
    const to = input.intent;
    if (!EMPLOYER_TRANSITIONS[from]?.includes(to)) return { ok: false, reason: "illegal" };
    const reason = to === "rejected" ? input.reason : null;
    // The first answer (not a mere "viewed") ends the response time and the follow-up clock.
    const answers = isWaiting(from) && isAnswer(to);
    const { count } = await tx.application.updateMany({
      where: { id: applicationId, status: from },
      data: { status: to, rejectionReason: reason, updatedAt: now, ...(answers ? { answeredAt: now } : {}) },
    });
    if (count !== 1) return { ok: false, reason: "illegal" };
    await tx.applicationEvent.create({ data: { applicationId, status: to, actorId, reason, createdAt: now } });

    const { posting } = application;
    if (answers) await onAnswered(tx, applicationId, posting.organizationId, now);
    let placementId: number | null = null;
    const params: Record<string, string> = { title: posting.title };
    if (to === "rejected") params.reason = reason ?? "";
    if (to === "hired") {
      const startDay = (input.intent === "hired" && input.startDate) || chinaToday(now);
      params.date = startDay;
      const profile = await tx.seekerProfile.findUnique({ where: { userId: application.seekerId } });
      const snapshot = parseSnapshot(application.snapshot);
      const groups = profile ? fromCommaList(profile.groups) : (snapshot.groups ?? []);
      const placement = await tx.placement.create({
        data: {
          personUserId: application.seekerId,
          personName: profile?.name ?? snapshot.name,
          idHash: profile?.idHash ?? null,
          personKey: personKeyOf({ idHash: profile?.idHash ?? null, personUserId: application.seekerId }),
          idNumberEnc: profile?.idNumberEnc ?? null,
          idNumberMasked: profile?.idNumberMasked ?? null,
          groups: toCommaList(groups),
          returneeKind: profile?.returneeKind ?? snapshot.returneeKind ?? null,
          organizationId: posting.organizationId,
          employerName: posting.organization.name,
          postingId: posting.id,
          applicationId,
          kind: placementKind(posting.kind, groups),
          regionCode: posting.regionCode,
          countyCode: posting.countyCode,
          startDate: parseDay(startDay)!,
          source: "site",
          status: "pending",
          createdById: actorId,
        },
      });
      placementId = placement.id;
      // Trained in the six months before: the start counts as employment after training.
      await linkAfterTraining(tx, placement);
      // A registered returnee hired at home: the placement is theirs as a returnee from the start.
      await linkHireToRegistration(tx, application.seekerId, placement.id);
      await audit(tx, {
        actorId,
        action: "placement.create_from_hire",
        entityType: "placement",
        entityId: placement.id,
        regionCode: posting.regionCode,
        after: { applicationId, postingId: posting.id, kind: placement.kind, startDate: startDay, status: "pending" },
      });
    }
    await notify(tx, application.seekerId, SEEKER_NOTICE[to], params, `/me/applications#application-${applicationId}`);
    return { ok: true, status: to, placementId };
  });
}
