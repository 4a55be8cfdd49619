import type { Organization } from "~/generated/prisma/client.ts";
import { maskEmail } from "../people/identity.ts";
import { audit } from "../audit/audit.server.ts";
import type { FieldErrors } from "../auth/accounts.server.ts";
import { getDb } from "../db.server.ts";
import { notify } from "../notifications/notifications.server.ts";
import { getRegions, regionName, type RegionInfo } from "../regions/regions.server.ts";
import { inRegion, staffScope, type StaffActor } from "../staff/scope.ts";
import { placeFieldErrors } from "../regions/choice.server.ts";
import { sitePickerOptions } from "../regions/picker.server.ts";
import { checkCreditCode } from "./credit-code.ts";
import { employerScope, homeMembership } from "./scope.ts";
import type { Decision, OrganizationInput } from "./schemas.ts";

export type OrganizationStatus = "pending" | "verified" | "rejected";


/** "紫阳县 · 蒿坪镇" for a county or town code. */
export function placeOf(regions: Map<string, RegionInfo>, regionCode: string, lang: string): string {
  const county = regionName(regions, regionCode.slice(0, 6), lang);
  return regionCode.length > 6 ? `${county} · ${regionName(regions, regionCode, lang)}` : county;
}

const ORGANIZATION_PLACE_MESSAGES = {
  county: { "regionPicker.errors.unknown": "organizations.chooseCounty", "regionPicker.errors.countyRequired": "organizations.chooseCounty" },
  town: { "regionPicker.errors.unknown": "organizations.townNotInCounty", "regionPicker.errors.townNotInCounty": "organizations.townNotInCounty" },
};

/** The picker's counties and towns (the site's area, plus the codes in `keep`) and industries, for the registration form. */
export async function registrationOptions(lang: string, keep: (string | null | undefined)[] = []) {
  const [{ counties }, industries] = await Promise.all([sitePickerOptions(lang, keep), getDb().industry.findMany({ orderBy: { code: "asc" } })]);
  return { counties, industries: industries.map((i) => ({ code: i.code, name: lang === "en" ? i.nameEn : i.nameZh })) };
}

export type RegisterResult = { ok: true; organizationId: number; creditCodeWarning: boolean } | { ok: false; errors: FieldErrors };

function isUniqueViolation(error: unknown): boolean {
  return typeof error === "object" && error !== null && (error as { code?: unknown }).code === "P2002";
}

/**
 * An employer registers their organization (status pending, they become its owner), or, as owner
 * of a rejected one, corrects it and sends it back to staff. A checksum failure in the credit code
 * is accepted with a warning for staff: some early codes are valid without it.
 */
export async function registerOrganization(userId: number, input: OrganizationInput): Promise<RegisterResult> {
  const db = getDb();
  const home = homeMembership(await employerScope({ id: userId }));
  const own = home ? await db.organization.findUniqueOrThrow({ where: { id: home.organizationId }, select: { status: true, regionCode: true } }) : null;
  const resubmitting = home?.role === "owner" && own?.status === "rejected" ? home.organizationId : null;
  if (home && resubmitting === null) return { ok: false, errors: { form: "organizations.alreadyHasOrganization" } };

  const regions = await getRegions();
  // A correction keeps the organization's place even if the division list has retired it since.
  const previous = resubmitting === null ? null : own?.regionCode;
  const errors: FieldErrors = placeFieldErrors(regions, { county: input.countyCode, town: input.townCode }, { county: "countyCode", town: "townCode" }, { previous, countyRequired: true }, ORGANIZATION_PLACE_MESSAGES);
  if (input.industryCode && !(await db.industry.findUnique({ where: { code: input.industryCode }, select: { code: true } }))) {
    errors.industryCode = "forms.chooseOne";
  }
  const check = checkCreditCode(input.creditCode);
  if (!check.ok && check.reason === "format") errors.creditCode = "organizations.creditCodeFormat";
  if (Object.keys(errors).length) return { ok: false, errors };

  const taken = await db.organization.findUnique({ where: { creditCode: input.creditCode }, select: { id: true } });
  if (taken && taken.id !== resubmitting) return { ok: false, errors: { creditCode: "organizations.creditCodeTaken" } };

  const data = {
    name: input.name,
    creditCode: input.creditCode,
    kind: input.kind,
    industryCode: input.industryCode ?? null,
    regionCode: input.townCode ?? input.countyCode,
    address: input.address,
    contactName: input.contactName,
    contactPhone: input.contactPhone,
    description: input.description ?? "",
    status: "pending",
    creditCodeWarning: !check.ok,
    rejectionReason: null,
    verifiedAt: null,
    verifiedById: null,
  };
  try {
    const organizationId = await db.$transaction(async (tx) => {
      if (resubmitting !== null) {
        await tx.organization.updateMany({ where: { id: resubmitting, status: "rejected" }, data });
        return resubmitting;
      }
      const created = await tx.organization.create({ data: { ...data, createdById: userId } });
      await tx.membership.create({ data: { userId, organizationId: created.id, role: "owner" } });
      return created.id;
    });
    return { ok: true, organizationId, creditCodeWarning: !check.ok };
  } catch (error) {
    if (isUniqueViolation(error)) return { ok: false, errors: { creditCode: "organizations.creditCodeTaken" } };
    throw error;
  }
}

/** The employer's organization with its members and open invitations; null when they have none. */
export async function employerOrganization(userId: number, lang: string, now = new Date()) {
  const db = getDb();
  const membership = homeMembership(await employerScope({ id: userId }));
  if (!membership) return null;
  const org = await db.organization.findUniqueOrThrow({
    where: { id: membership.organizationId },
    include: {
      members: { include: { user: { select: { displayName: true } } }, orderBy: { createdAt: "asc" } },
      invitations: { where: { acceptedAt: null, expiresAt: { gt: now } }, orderBy: { id: "desc" } },
    },
  });
  const regions = await getRegions();
  const industry = org.industryCode ? await db.industry.findUnique({ where: { code: org.industryCode } }) : null;
  return {
    myRole: membership.role,
    organization: {
      id: org.id,
      name: org.name,
      creditCode: org.creditCode,
      creditCodeWarning: org.creditCodeWarning,
      kind: org.kind,
      industryCode: org.industryCode,
      industry: industry ? (lang === "en" ? industry.nameEn : industry.nameZh) : null,
      countyCode: org.regionCode.slice(0, 6),
      townCode: org.regionCode.length > 6 ? org.regionCode : null,
      place: placeOf(regions, org.regionCode, lang),
      address: org.address,
      contactName: org.contactName,
      contactPhone: org.contactPhone,
      description: org.description,
      status: org.status as OrganizationStatus,
      rejectionReason: org.rejectionReason,
      verifiedAt: org.verifiedAt?.toISOString() ?? null,
      createdAt: org.createdAt.toISOString(),
    },
    members: org.members.map((m) => ({ userId: m.userId, displayName: m.user.displayName, role: m.role, joinedAt: m.createdAt.toISOString(), isMe: m.userId === userId })),
    invitations: org.invitations.map((i) => ({ id: i.id, email: i.email ? maskEmail(i.email) : null, expiresAt: i.expiresAt.toISOString() })),
  };
}

// ---- staff ----

const PAGE_SIZE = 30;

export interface StaffOrganizationQuery {
  /** unresponsive: employers flagged for never answering applications (follow-up/stats.server.ts). */
  tab: "pending" | "all" | "unresponsive";
  status?: OrganizationStatus;
  page: number;
}

/**
 * Organizations inside the staff member's region: the pending queue (credit-code warnings first,
 * then oldest first) or all of them.
 */
export async function listOrganizationsForStaff(actor: StaffActor, query: StaffOrganizationQuery, lang: string) {
  const scope = inRegion(staffScope(actor));
  const db = getDb();
  const where = {
    ...scope,
    ...(query.tab === "pending" ? { status: "pending" } : query.tab === "unresponsive" ? { responseFlagged: true } : query.status ? { status: query.status } : {}),
  };
  const [rows, total, pendingTotal, unresponsiveTotal] = await Promise.all([
    db.organization.findMany({
      where,
      orderBy: query.tab === "pending" ? [{ creditCodeWarning: "desc" }, { createdAt: "asc" }] : [{ id: "desc" }],
      skip: (query.page - 1) * PAGE_SIZE,
      take: PAGE_SIZE,
    }),
    db.organization.count({ where }),
    db.organization.count({ where: { ...scope, status: "pending" } }),
    db.organization.count({ where: { ...scope, responseFlagged: true } }),
  ]);
  const regions = await getRegions();
  const userIds = [...new Set(rows.flatMap((r) => [r.createdById, r.verifiedById]).filter((x): x is number => x !== null))];
  const [users, industries] = await Promise.all([
    db.user.findMany({ where: { id: { in: userIds } }, select: { id: true, displayName: true } }),
    db.industry.findMany(),
  ]);
  const userName = new Map(users.map((u) => [u.id, u.displayName]));
  const industryName = new Map(industries.map((i) => [i.code, lang === "en" ? i.nameEn : i.nameZh]));
  return {
    total,
    pendingTotal,
    unresponsiveTotal,
    pages: Math.max(1, Math.ceil(total / PAGE_SIZE)),
    rows: rows.map((r) => ({
      id: r.id,
      name: r.name,
      creditCode: r.creditCode,
      creditCodeWarning: r.creditCodeWarning,
      kind: r.kind,
      industry: r.industryCode ? (industryName.get(r.industryCode) ?? r.industryCode) : null,
      place: placeOf(regions, r.regionCode, lang),
      address: r.address,
      contactName: r.contactName,
      contactPhone: r.contactPhone,
      description: r.description,
      status: r.status as OrganizationStatus,
      rejectionReason: r.rejectionReason,
      registeredBy: r.createdById ? (userName.get(r.createdById) ?? null) : null,
      verifiedBy: r.verifiedById ? (userName.get(r.verifiedById) ?? null) : null,
      verifiedAt: r.verifiedAt?.toISOString() ?? null,
      createdAt: r.createdAt.toISOString(),
      responses: { flagged: r.responseFlagged, counted: r.responseCounted, answered: r.responseAnswered, escalations: r.responseEscalations },
    })),
  };
}

function snapshot(org: Pick<Organization, "name" | "creditCode" | "status" | "creditCodeWarning" | "rejectionReason" | "verifiedAt" | "verifiedById">) {
  return {
    name: org.name,
    creditCode: org.creditCode,
    status: org.status,
    creditCodeWarning: org.creditCodeWarning,
    rejectionReason: org.rejectionReason,
    verifiedAt: org.verifiedAt?.toISOString() ?? null,
    verifiedById: org.verifiedById,
  };
}

export type DecisionResult = { ok: true; status: "verified" | "rejected"; name: string } | { ok: false; reason: "not_found" | "already_decided" };

/**
 * Staff verify or reject a pending organization inside their region. The change, its audit record
 * and the members' notifications commit together or not at all. Outside the region the
 * organization does not exist for them (not_found, never a hint that it exists).
 */
export async function decideOrganization(actor: StaffActor, decision: Decision, now = new Date()): Promise<DecisionResult> {
  const scope = inRegion(staffScope(actor));
  return getDb().$transaction(async (tx) => {
    const org = await tx.organization.findFirst({ where: { id: decision.id, ...scope } });
    if (!org) return { ok: false, reason: "not_found" } as const;
    if (org.status !== "pending") return { ok: false, reason: "already_decided" } as const;
    const verify = decision.intent === "verify";
    const data = verify
      ? { status: "verified", verifiedAt: now, verifiedById: actor.id, rejectionReason: null }
      : { status: "rejected", verifiedAt: null, verifiedById: null, rejectionReason: decision.reason ?? "" };
    const { count } = await tx.organization.updateMany({ where: { id: org.id, status: "pending" }, data });
    if (count === 0) return { ok: false, reason: "already_decided" } as const;
    await audit(tx, {
      actorId: actor.id,
      action: `organization.${decision.intent}`,
      entityType: "organization",
      entityId: org.id,
      regionCode: org.regionCode,
      before: snapshot(org),
      after: snapshot({ ...org, ...data }),
    });
    const members = await tx.membership.findMany({ where: { organizationId: org.id }, select: { userId: true } });
    for (const member of members) {
      await notify(
        tx,
        member.userId,
        verify ? "organizationVerified" : "organizationRejected",
        verify ? { name: org.name } : { name: org.name, reason: data.rejectionReason ?? "" },
        "/employer",
      );
    }
    return { ok: true, status: verify ? "verified" : "rejected", name: org.name } as const;
  });
}
