import type { Prisma } from "~/generated/prisma/client.ts";
import { getDb } from "../db.server.ts";
import { notify } from "../notifications/notifications.server.ts";
import { getIndustries } from "../regions/regions.server.ts";
import { fromCommaList, toCommaList } from "../../utils/comma-list.ts";
import { FOUNDER_WITHDRAWABLE, type BaseApplicationStatus } from "./codes.ts";
import type { ApplyInput } from "./schemas.ts";

type Tx = Prisma.TransactionClient;

const isUniqueViolation = (error: unknown) => typeof error === "object" && error !== null && (error as { code?: unknown }).code === "P2002";

/** A base takes applications while it is published and has an operator on the site to read them. */
const OPEN_BASE = { status: "published", organization: { status: "verified" } } satisfies Prisma.IncubationBaseWhereInput;

export async function notifyOperators(tx: Tx, organizationId: number | null, type: string, params: Record<string, string>, link: string) {
  if (organizationId === null) return;
  const members = await tx.membership.findMany({ where: { organizationId }, select: { userId: true } });
  for (const m of members) await notify(tx, m.userId, type, params, link);
}

/** What the apply page shows; null for an unknown base. `groups` are the founder's from their profile, to tick for them. */
export async function loadBaseApplyPage(founderId: number, baseId: number, lang: string) {
  const db = getDb();
  const base = await db.incubationBase.findFirst({
    where: { id: baseId, status: { in: ["published", "closed"] } },
    select: { id: true, name: true, freePlaces: true, totalPlaces: true, status: true, organizationId: true, organization: { select: { status: true } } },
  });
  if (!base) return null;
  const [existing, profile, industries] = await Promise.all([
    db.baseApplication.findUnique({ where: { baseId_founderId: { baseId, founderId } }, select: { id: true, status: true } }),
    db.seekerProfile.findUnique({ where: { userId: founderId }, select: { groups: true } }),
    getIndustries(),
  ]);
  const takesApplications = base.status === "published" && base.organization?.status === "verified";
  return {
    base: { id: base.id, name: base.name, freePlaces: base.freePlaces, totalPlaces: base.totalPlaces, takesApplications },
    existing,
    groups: fromCommaList(profile?.groups ?? ",").filter((g) => ["graduate", "returnee", "veteran"].includes(g)),
    industries: industries.map((i) => ({ code: i.code, name: lang === "en" ? i.nameEn : i.nameZh })),
  };
}

export type BaseApplyResult =
  | { ok: true; applicationId: number }
  | { ok: false; reason: "not_found" | "not_open" | "already_applied"; field?: undefined }
  | { ok: false; reason: "bad_industry"; field: "industryCode" };

/** The founder applies; the operator's members are told. One application per founder and base. */
export async function applyForPlace(founderId: number, baseId: number, input: ApplyInput, lang: string, now = new Date()): Promise<BaseApplyResult> {
  const industries = await getIndustries();
  if (!industries.some((i) => i.code === input.industryCode)) return { ok: false, reason: "bad_industry", field: "industryCode" };
  try {
    return await getDb().$transaction(async (tx): Promise<BaseApplyResult> => {
      const base = await tx.incubationBase.findFirst({ where: { id: baseId, status: { in: ["published", "closed"] } }, select: { id: true, name: true, organizationId: true } });
      if (!base) return { ok: false, reason: "not_found" };
      const open = await tx.incubationBase.count({ where: { id: baseId, ...OPEN_BASE } });
      if (!open) return { ok: false, reason: "not_open" };
      const existing = await tx.baseApplication.findUnique({ where: { baseId_founderId: { baseId, founderId } }, select: { id: true } });
      if (existing) return { ok: false, reason: "already_applied" };
      const application = await tx.baseApplication.create({
        data: {
          baseId, founderId, status: "submitted", businessPlan: input.businessPlan, team: input.team, industryCode: input.industryCode,
          groups: toCommaList(input.groups ?? []), needs: input.needs, lang: lang === "en" ? "en" : "zh-CN", createdAt: now,
        },
      });
      await tx.baseApplicationEvent.create({ data: { applicationId: application.id, status: "submitted", actorId: founderId, createdAt: now } });
      const founder = await tx.user.findUniqueOrThrow({ where: { id: founderId }, select: { displayName: true, profile: { select: { name: true } } } });
      await notifyOperators(tx, base.organizationId, "baseApplicationReceived", { name: founder.profile?.name ?? founder.displayName, base: base.name }, `/employer/base-applications/${application.id}`);
      return { ok: true, applicationId: application.id };
    });
  } catch (error) {
    if (isUniqueViolation(error)) return { ok: false, reason: "already_applied" };
    throw error;
  }
}

export type BaseWithdrawResult = { ok: true } | { ok: false; reason: "not_found" | "not_allowed" };

/** The founder takes the application back while nothing is decided. */
export async function withdrawBaseApplication(founderId: number, applicationId: number, now = new Date()): Promise<BaseWithdrawResult> {
  return getDb().$transaction(async (tx): Promise<BaseWithdrawResult> => {
    const a = await tx.baseApplication.findFirst({ where: { id: applicationId, founderId }, select: { status: true, base: { select: { name: true, organizationId: true } }, founder: { select: { displayName: true } } } });
    if (!a) return { ok: false, reason: "not_found" };
    if (!FOUNDER_WITHDRAWABLE.includes(a.status as BaseApplicationStatus)) return { ok: false, reason: "not_allowed" };
    const { count } = await tx.baseApplication.updateMany({ where: { id: applicationId, status: a.status }, data: { status: "withdrawn", updatedAt: now } });
    if (count !== 1) return { ok: false, reason: "not_allowed" };
    await tx.baseApplicationEvent.create({ data: { applicationId, status: "withdrawn", actorId: founderId, createdAt: now } });
    await notifyOperators(tx, a.base.organizationId, "baseApplicationWithdrawn", { name: a.founder.displayName, base: a.base.name }, `/employer/base-applications/${applicationId}`);
    return { ok: true };
  });
}

export const baseTimeline = (events: { status: string; note: string | null; createdAt: Date }[]) =>
  events.map((e) => ({ status: e.status as BaseApplicationStatus, note: e.note, at: e.createdAt.toISOString() }));

/** The founder's base applications, newest first, each with its history. */
export async function listFounderApplications(founderId: number) {
  const rows = await getDb().baseApplication.findMany({
    where: { founderId },
    orderBy: { id: "desc" },
    take: 100,
    select: {
      id: true, status: true, declineReason: true, interviewAt: true, interviewNote: true, businessName: true, jobsCreated: true, createdAt: true,
      base: { select: { id: true, name: true, address: true, contactPhone: true } },
      events: { orderBy: { id: "asc" }, select: { status: true, note: true, createdAt: true } },
    },
  });
  return rows.map((a) => ({
    id: a.id,
    status: a.status as BaseApplicationStatus,
    declineReason: a.declineReason,
    interviewAt: a.interviewAt?.toISOString() ?? null,
    interviewNote: a.interviewNote,
    businessName: a.businessName,
    jobsCreated: a.jobsCreated,
    createdAt: a.createdAt.toISOString(),
    base: a.base,
    canWithdraw: FOUNDER_WITHDRAWABLE.includes(a.status as BaseApplicationStatus),
    events: baseTimeline(a.events),
  }));
}

/** The businesses a base has admitted, for its public page: name, industry and jobs created. */
export async function listAdmitted(baseId: number, lang: string) {
  const [rows, industries] = await Promise.all([
    getDb().baseApplication.findMany({ where: { baseId, status: "admitted" }, orderBy: { admittedAt: "asc" }, take: 200, select: { id: true, businessName: true, industryCode: true, jobsCreated: true } }),
    getIndustries(),
  ]);
  const names = new Map(industries.map((i) => [i.code, lang === "en" ? i.nameEn : i.nameZh]));
  return {
    businesses: rows.map((r) => ({ id: r.id, name: r.businessName, industry: names.get(r.industryCode) ?? r.industryCode, jobsCreated: r.jobsCreated })),
    jobsCreated: rows.reduce((sum, r) => sum + r.jobsCreated, 0),
  };
}
