import { getDb } from "../db.server.ts";
import { getIndustries } from "../regions/regions.server.ts";
import { afterSearchWrite, enqueueSearchSync } from "../search/outbox.server.ts";
import { decrypt } from "../security/secrets.server.ts";
import { fromCommaList, toCommaList } from "../../utils/comma-list.ts";
import { OPERATOR_TRANSITIONS, type BaseApplicationStatus } from "./codes.ts";
import { baseTimeline } from "./founder.server.ts";
import type { BaseEditInput } from "./schemas.ts";
import { operatorBases } from "./scope.server.ts";

/** The operator's bases with how many applications wait for an answer. */
export async function listOperatorBases(userId: number) {
  const rows = await getDb().incubationBase.findMany({
    where: await operatorBases(userId),
    orderBy: { id: "asc" },
    select: { id: true, name: true, freePlaces: true, totalPlaces: true, status: true, _count: { select: { applications: { where: { status: { in: ["submitted", "interview"] } } } } } },
  });
  return rows.map((b) => ({ id: b.id, name: b.name, freePlaces: b.freePlaces, totalPlaces: b.totalPlaces, status: b.status, waiting: b._count.applications }));
}

/** One base for its edit form; null when it is not the operator's. */
export async function loadOperatorBase(userId: number, baseId: number) {
  const b = await getDb().incubationBase.findFirst({
    where: { id: baseId, ...(await operatorBases(userId)) },
    select: { id: true, name: true, totalPlaces: true, freePlaces: true, services: true, rentTerms: true, contactPhone: true, description: true },
  });
  if (!b) return null;
  return { ...b, services: fromCommaList(b.services), contactPhone: b.contactPhone ?? "" };
}

/** The operator changes places, services, rent and contact; search shows it within moments. */
export async function updateBase(userId: number, baseId: number, input: BaseEditInput): Promise<boolean> {
  const where = await operatorBases(userId);
  const done = await getDb().$transaction(async (tx) => {
    const { count } = await tx.incubationBase.updateMany({
      where: { id: baseId, ...where },
      data: {
        totalPlaces: input.totalPlaces, freePlaces: input.freePlaces, services: toCommaList(input.services ?? []), rentTerms: input.rentTerms,
        contactPhone: input.contactPhone, ...(input.description !== undefined ? { description: input.description } : {}),
      },
    });
    if (count !== 1) return false;
    await enqueueSearchSync(tx, [{ kind: "base", id: baseId }]);
    return true;
  });
  if (done) afterSearchWrite();
  return done;
}

/** A base's applications, newest first; null when the base is not the operator's. */
export async function listBaseApplications(userId: number, baseId: number) {
  const db = getDb();
  const base = await db.incubationBase.findFirst({ where: { id: baseId, ...(await operatorBases(userId)) }, select: { id: true, name: true, freePlaces: true, totalPlaces: true } });
  if (!base) return null;
  const rows = await db.baseApplication.findMany({
    where: { baseId },
    orderBy: { id: "desc" },
    take: 300,
    select: { id: true, status: true, industryCode: true, groups: true, createdAt: true, businessName: true, jobsCreated: true, founder: { select: { displayName: true, profile: { select: { name: true } } } } },
  });
  return {
    base,
    rows: rows.map((r) => ({
      id: r.id, status: r.status as BaseApplicationStatus, industryCode: r.industryCode, groups: fromCommaList(r.groups), createdAt: r.createdAt.toISOString(),
      businessName: r.businessName, jobsCreated: r.jobsCreated, name: r.founder.profile?.name ?? r.founder.displayName,
    })),
  };
}

/** One application as the operator reviews it; null when its base is not the operator's. */
export async function loadBaseApplication(userId: number, applicationId: number, lang: string) {
  const a = await getDb().baseApplication.findFirst({
    where: { id: applicationId, base: await operatorBases(userId) },
    select: {
      id: true, status: true, businessPlan: true, team: true, industryCode: true, groups: true, needs: true, interviewAt: true, interviewNote: true,
      declineReason: true, businessName: true, jobsCreated: true, placementId: true, createdAt: true,
      base: { select: { id: true, name: true, freePlaces: true, totalPlaces: true } },
      founder: { select: { displayName: true, email: true, phoneEnc: true, profile: { select: { name: true } } } },
      events: { orderBy: { id: "asc" }, select: { status: true, note: true, createdAt: true } },
    },
  });
  if (!a) return null;
  const industries = await getIndustries();
  const industry = industries.find((i) => i.code === a.industryCode);
  const status = a.status as BaseApplicationStatus;
  return {
    id: a.id,
    status,
    businessPlan: a.businessPlan,
    team: a.team,
    industry: industry ? (lang === "en" ? industry.nameEn : industry.nameZh) : a.industryCode,
    groups: fromCommaList(a.groups),
    needs: a.needs,
    interviewAt: a.interviewAt?.toISOString() ?? null,
    interviewNote: a.interviewNote,
    declineReason: a.declineReason,
    businessName: a.businessName ?? "",
    jobsCreated: a.jobsCreated,
    hasPlacement: a.placementId !== null,
    createdAt: a.createdAt.toISOString(),
    base: a.base,
    founder: { name: a.founder.profile?.name ?? a.founder.displayName, email: a.founder.email, phone: a.founder.phoneEnc ? decrypt(a.founder.phoneEnc) : null },
    next: OPERATOR_TRANSITIONS[status],
    events: baseTimeline(a.events),
  };
}
