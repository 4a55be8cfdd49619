import { audit, listAudit } from "../audit/audit.server.ts";
import type { FieldErrors } from "../auth/accounts.server.ts";
import { hashPassword } from "../auth/password.server.ts";
import { passwordStrengthErrors } from "../auth/password-strength.server.ts";
import { getDb } from "../db.server.ts";
import { followUpCounts } from "../follow-up/queue.server.ts";
import { pendingPostingCount } from "../postings/postings.server.ts";
import { getRegions, regionName, type RegionInfo } from "../regions/regions.server.ts";
import type { StaffAccountInput } from "./schemas.ts";
import { inRegion, staffScope, type StaffActor } from "./scope.ts";

/** What waits for this staff member inside their region. */
export async function staffHomeCounts(actor: StaffActor) {
  const scope = inRegion(staffScope(actor));
  const db = getDb();
  const [pendingOrganizations, warnedOrganizations, pendingPostings, pendingPlacements, followUps] = await Promise.all([
    db.organization.count({ where: { ...scope, status: "pending" } }),
    db.organization.count({ where: { ...scope, status: "pending", creditCodeWarning: true } }),
    // Posts belong to the organization's region (as in the moderation queue), not to where the work is.
    pendingPostingCount(actor),
    db.placement.count({ where: { ...scope, status: "pending" } }),
    followUpCounts(actor),
  ]);
  return { pendingOrganizations, warnedOrganizations, pendingPostings, pendingPlacements, followUps };
}

/** The name of a staff member's region, e.g. "紫阳县" or "紫阳县 · 蒿坪镇". */
export async function scopeName(regionCode: string | null, lang: string): Promise<string | null> {
  if (!regionCode) return null;
  const regions = await getRegions();
  return regionCode.length > 6 ? `${regionName(regions, regionCode.slice(0, 6), lang)} · ${regionName(regions, regionCode, lang)}` : regionName(regions, regionCode, lang);
}

/** Scopes an admin can give: the city, each county, and each town under it. */
export async function scopeOptions(lang: string) {
  const regions = [...(await getRegions()).values()];
  const label = (r: RegionInfo) => (lang === "en" && r.nameEn ? r.nameEn : r.name);
  const byCode = (a: RegionInfo, b: RegionInfo) => a.code.localeCompare(b.code);
  const cities = regions.filter((r) => r.level === "city").sort(byCode);
  return cities.map((city) => ({
    code: city.code,
    name: label(city),
    counties: regions
      .filter((c) => c.level === "county" && c.parentCode === city.code)
      .sort(byCode)
      .map((county) => ({
        code: county.code,
        name: label(county),
        towns: regions.filter((t) => t.level === "town" && t.parentCode === county.code).sort(byCode).map((t) => ({ code: t.code, name: label(t) })),
      })),
  }));
}

export async function listStaffAccounts(lang: string) {
  const rows = await getDb().user.findMany({
    where: { role: { in: ["staff", "admin"] } },
    orderBy: [{ role: "asc" }, { staffRegionCode: "asc" }, { id: "asc" }],
    select: { id: true, email: true, displayName: true, role: true, staffRegionCode: true, createdAt: true, lastLoginAt: true },
  });
  return Promise.all(
    rows.map(async (r) => ({
      ...r,
      scope: await scopeName(r.staffRegionCode, lang),
      createdAt: r.createdAt.toISOString(),
      lastLoginAt: r.lastLoginAt?.toISOString() ?? null,
    })),
  );
}

export type CreateStaffResult = { ok: true; userId: number } | { ok: false; errors: FieldErrors };

/** Admin only (the route checks staff.manage). The new account and its audit record commit together. */
export async function createStaffAccount(admin: StaffActor, input: StaffAccountInput): Promise<CreateStaffResult> {
  const db = getDb();
  const region = (await getRegions()).get(input.regionCode);
  if (!region || !["city", "county", "town"].includes(region.level)) return { ok: false, errors: { regionCode: "staffAccounts.chooseScope" } };
  if (await db.user.findUnique({ where: { email: input.email }, select: { id: true } })) return { ok: false, errors: { email: "staffAccounts.emailTaken" } };
  const weak = passwordStrengthErrors(input.password, [input.email, input.displayName]);
  if (weak.length) return { ok: false, errors: { password: weak } };
  const passwordHash = await hashPassword(input.password);
  try {
    const userId = await db.$transaction(async (tx) => {
      const user = await tx.user.create({
        data: { email: input.email, displayName: input.displayName, role: "staff", staffRegionCode: input.regionCode, passwordHash },
      });
      await audit(tx, {
        actorId: admin.id,
        action: "staff.create",
        entityType: "user",
        entityId: user.id,
        regionCode: input.regionCode,
        after: { email: user.email, displayName: user.displayName, role: user.role, staffRegionCode: user.staffRegionCode },
      });
      return user.id;
    });
    return { ok: true, userId };
  } catch (error) {
    if ((error as { code?: unknown }).code === "P2002") return { ok: false, errors: { email: "staffAccounts.emailTaken" } };
    throw error;
  }
}

/** Audit records inside the staff member's region, newest first, with the entity types present. */
export async function staffAuditLog(actor: StaffActor, query: { type?: string; page: number }, lang: string) {
  const prefix = staffScope(actor);
  const [log, types] = await Promise.all([
    listAudit({ regionPrefix: prefix, entityType: query.type, page: query.page, pageSize: 30 }),
    getDb().auditLog.findMany({ where: inRegion(prefix), distinct: ["entityType"], select: { entityType: true } }),
  ]);
  return {
    total: log.total,
    pages: Math.max(1, Math.ceil(log.total / 30)),
    entityTypes: types.map((t) => t.entityType).sort(),
    rows: await Promise.all(log.rows.map(async (r) => ({
      id: r.id,
      actorName: r.actorName,
      action: r.action,
      entityType: r.entityType,
      entityId: r.entityId,
      place: await scopeName(r.regionCode, lang),
      createdAt: r.createdAt,
      before: parseJson(r.before),
      after: parseJson(r.after),
    }))),
  };
}

function parseJson(value: string | null): Record<string, unknown> | null {
  if (!value) return null;
  try {
    const parsed: unknown = JSON.parse(value);
    return parsed && typeof parsed === "object" && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : { value: parsed };
  } catch {
    return { value };
  }
}
