import { audit } from "../audit/audit.server.ts";
import { getDb } from "../db.server.ts";
import { decrypt, lookupHash } from "../security/secrets.server.ts";
import { placementsVisibleTo } from "./identity.server.ts";
import { parseWorkHistory } from "./profile.server.ts";
import { fromCommaList } from "../../utils/comma-list.ts";
import { credential, occupation, skill } from "../occupations/occupations.ts";
import { awayCityLabel } from "./profile-vocabulary.server.ts";

/** Codes with their names, so the download reads without the code lists. */
const named = (list: string, find: (code: string) => { nameZh: string; nameEn: string } | undefined) =>
  fromCommaList(list).map((code) => ({ code, nameZh: find(code)?.nameZh ?? null, nameEn: find(code)?.nameEn ?? null }));

const open = (sealed: string | null) => (sealed ? decrypt(sealed) : null);
const parseJson = (text: string | null): unknown => {
  if (text === null) return null;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
};

/**
 * Everything the site holds about one account, decrypted, for the person to download: the
 * account, its sessions, the profile, applications with their history, notifications, what it
 * marked "not interested", the invitations it received as a candidate, and the
 * placement records that are theirs: made by the account itself (its hires), and those kept under
 * its ID number only once that number is proven to be the person's (identity.server.ts).
 */
export async function exportSeekerData(userId: number, now = new Date()) {
  const db = getDb();
  const user = await db.user.findUniqueOrThrow({
    where: { id: userId },
    include: {
      profile: true,
      wishedOccupations: { orderBy: { code: "asc" } },
      sessions: { orderBy: { createdAt: "asc" } },
      applications: { orderBy: { id: "asc" }, include: { events: { orderBy: { id: "asc" } }, posting: { select: { id: true, kind: true, title: true, organization: { select: { name: true } } } } } },
      notifications: { orderBy: { id: "asc" } },
      matchFeedback: { orderBy: { id: "asc" } },
      candidateInvitations: { orderBy: { id: "asc" }, include: { posting: { select: { id: true, kind: true, title: true, organization: { select: { name: true } } } } } },
    },
  });
  const profile = user.profile;
  const placements = await db.placement.findMany({ where: await placementsVisibleTo(db, userId), orderBy: { id: "asc" } });
  const auditTrail = await db.auditLog.findMany({
    where: {
      OR: [
        { entityType: "user", entityId: String(userId) },
        { entityType: "application", entityId: { in: user.applications.map((a) => String(a.id)) } },
        { entityType: "placement", entityId: { in: placements.map((p) => String(p.id)) } },
      ],
    },
    orderBy: { id: "asc" },
    select: { action: true, entityType: true, entityId: true, createdAt: true },
  });
  return {
    exportedAt: now.toISOString(),
    account: {
      id: user.id,
      role: user.role,
      displayName: user.displayName,
      email: user.email,
      phone: open(user.phoneEnc),
      createdAt: user.createdAt,
      updatedAt: user.updatedAt,
      lastLoginAt: user.lastLoginAt,
    },
    sessions: user.sessions.map((s) => ({ createdAt: s.createdAt, lastSeenAt: s.lastSeenAt, expiresAt: s.expiresAt, userAgent: s.userAgent })),
    profile: profile
      ? {
          name: profile.name,
          phone: open(profile.phoneEnc),
          idNumber: open(profile.idNumberEnc),
          birthDate: profile.birthDate?.toISOString().slice(0, 10) ?? null,
          sex: profile.sex,
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
          wishKinds: fromCommaList(profile.wishKinds),
          wishCounties: fromCommaList(profile.wishCounties),
          wishPayMin: profile.wishPayMin,
          wishStartDate: profile.wishStartDate?.toISOString().slice(0, 10) ?? null,
          wishOccupations: named(profile.wishOccupations, occupation),
          credentials: named(profile.credentials, credential),
          skillCodes: named(profile.skillCodes, skill),
          travelKm: profile.travelKm,
          experienceYears: profile.experienceYears,
          brandsTrained: fromCommaList(profile.brandsTrained),
          awayCity: profile.awayCityCode ? { code: profile.awayCityCode, name: awayCityLabel(profile.awayCityCode, "zh-CN") } : null,
          comeHomeBy: profile.comeHomeBy?.toISOString().slice(0, 7) ?? null,
          consentMatching: profile.consentMatching,
          consentSharing: profile.consentSharing,
          consentCandidate: profile.consentCandidate,
          idVerified: profile.idVerifiedAt ? { at: profile.idVerifiedAt, how: profile.idVerifiedHow } : null,
          createdAt: profile.createdAt,
          updatedAt: profile.updatedAt,
        }
      : null,
    /** The wanted occupations as kept for finding candidates, with their groups. */
    wantedOccupations: user.wishedOccupations.map((o) => ({ code: o.code, minor: o.minor, medium: o.medium })),
    applications: user.applications.map((a) => ({
      id: a.id,
      posting: { id: a.posting.id, kind: a.posting.kind, title: a.posting.title, employer: a.posting.organization.name },
      status: a.status,
      rejectionReason: a.rejectionReason,
      snapshot: parseJson(a.snapshot),
      createdAt: a.createdAt,
      updatedAt: a.updatedAt,
      events: a.events.map((e) => ({ status: e.status, reason: e.reason, createdAt: e.createdAt })),
    })),
    notifications: user.notifications.map((n) => ({ type: n.type, params: parseJson(n.params), link: n.link, readAt: n.readAt, createdAt: n.createdAt })),
    /** What the person marked "not interested" in recommendations. */
    notInterested: user.matchFeedback.map((f) => ({ item: f.itemId, kind: f.kind, occupationCode: f.occupationCode, createdAt: f.createdAt })),
    /** Employers' invitations to apply, received as an anonymous candidate. */
    invitations: user.candidateInvitations.map((i) => ({
      posting: { id: i.posting.id, kind: i.posting.kind, title: i.posting.title, employer: i.posting.organization.name },
      message: i.message,
      status: i.status,
      createdAt: i.createdAt,
      respondedAt: i.respondedAt,
    })),
    placements: placements.map((p) => ({
      id: p.id,
      personName: p.personName,
      idNumber: open(p.idNumberEnc),
      groups: fromCommaList(p.groups),
      returneeKind: p.returneeKind,
      employerName: p.employerName,
      kind: p.kind,
      regionCode: p.regionCode,
      startDate: p.startDate,
      source: p.source,
      status: p.status,
      rejectionReason: p.rejectionReason,
      verifiedAt: p.verifiedAt,
      createdAt: p.createdAt,
    })),
    auditTrail,
  };
}

/**
 * Deletes a seeker's account and everything that hangs off it (sessions, profile, wanted occupations,
 * applications with their events, notifications: the foreign keys cascade), plus their pending login codes.
 *
 * Placements are not theirs to delete: a placement is the employment service's real-name
 * employment registration (就业登记), kept under its own legal duty, and verified placements feed
 * public indicator figures that officials answer for and that must stay traceable to their records.
 * Deleting them would silently change published numbers. So they stay, with the person's name and
 * encrypted ID as registered, but no longer linked to the deleted account (personUserId = null);
 * their application link goes too (applicationId is SET NULL by the foreign key). Each unlink is
 * audited in the same transaction.
 */
export async function deleteSeekerAccount(userId: number): Promise<{ unlinkedPlacements: number }> {
  return getDb().$transaction(async (tx) => {
    const user = await tx.user.findUniqueOrThrow({ where: { id: userId }, select: { phoneHash: true, email: true } });
    const placements = await tx.placement.findMany({ where: { personUserId: userId }, select: { id: true, regionCode: true } });
    for (const p of placements) {
      await tx.placement.update({ where: { id: p.id }, data: { personUserId: null } });
      await audit(tx, { actorId: null, action: "placement.unlink_deleted_account", entityType: "placement", entityId: p.id, regionCode: p.regionCode, before: { personUserId: userId }, after: { personUserId: null } });
    }
    // Codes sent to the phone or to the email (each keyed by its own lookup hash).
    const targets = [user.phoneHash, user.email ? lookupHash("email", user.email) : null].filter((h): h is string => h !== null);
    if (targets.length) await tx.oneTimeCode.deleteMany({ where: { targetHash: { in: targets } } });
    await tx.user.delete({ where: { id: userId } });
    return { unlinkedPlacements: placements.length };
  });
}
