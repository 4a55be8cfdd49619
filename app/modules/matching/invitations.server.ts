/**
 * An employer invites an anonymous candidate to apply; the person sees the invitation at
 * /me/invitations and decides. The employer learns nothing more by inviting: contact details reach
 * them only through an application, which shares what the person's consent allows (applications).
 */
import type { Prisma } from "~/generated/prisma/client.ts";
import { hit, type Limit } from "../auth/rate-limit.server.ts";
import { getDb } from "../db.server.ts";
import { notify } from "../notifications/notifications.server.ts";
import { employerScope, ownedBy } from "../organizations/scope.ts";
import { isOpen } from "../opportunities/open.ts";
import { itemPlace } from "../opportunities/posting-view.ts";
import { getBrands, getRegions } from "../regions/regions.server.ts";
import { candidateNames } from "./candidate-names.server.ts";
import { POSTING_MATCH_SELECT, readCandidateToken } from "./candidates.server.ts";
import { itemFromPosting } from "./items.ts";
import { scoreMatch } from "./score.ts";
import { MATCHABLE_SELECT, matchSeekerFrom } from "./seeker.ts";

/** Invitations one post may send a day: enough for a real search, too few to spam the pool. */
export const INVITATIONS_PER_POST: Limit = { max: 50, windowMs: 24 * 60 * 60_000 };

export type InviteResult =
  | { ok: true; invitationId: number }
  | { ok: false; reason: "not_found" | "not_open" | "no_candidate" | "already_invited" | "rate_limited" };

const isUniqueViolation = (error: unknown) => typeof error === "object" && error !== null && (error as { code?: unknown }).code === "P2002";

/**
 * Invites the candidate the sealed token names to apply for the post: the invitation and the
 * person's notification in one transaction. The person must still consent to being a candidate.
 */
export async function invite(actor: { id: number }, postingId: number, token: string, message: string, now = new Date()): Promise<InviteResult> {
  const db = getDb();
  const scope = await employerScope(actor);
  const posting = await db.posting.findFirst({ where: { id: postingId, ...ownedBy(scope) }, select: { id: true, title: true, status: true, validUntil: true, organizationId: true, organization: { select: { name: true } } } });
  if (!posting) return { ok: false, reason: "not_found" };
  if (!isOpen.posting(posting, now)) return { ok: false, reason: "not_open" };
  const seekerId = readCandidateToken(postingId, token);
  if (seekerId === null) return { ok: false, reason: "no_candidate" };
  const profile = await db.seekerProfile.findUnique({ where: { userId: seekerId }, select: { consentCandidate: true, consentMatching: true } });
  if (!profile?.consentCandidate || !profile.consentMatching) return { ok: false, reason: "no_candidate" };
  if (await db.candidateInvitation.findUnique({ where: { postingId_seekerId: { postingId, seekerId } }, select: { id: true } })) return { ok: false, reason: "already_invited" };
  if (!(await hit(db, `candidate-invite:${postingId}`, INVITATIONS_PER_POST, now)).allowed) return { ok: false, reason: "rate_limited" };
  try {
    return await db.$transaction(async (tx: Prisma.TransactionClient): Promise<InviteResult> => {
      const created = await tx.candidateInvitation.create({
        data: { postingId, seekerId, organizationId: posting.organizationId, invitedById: actor.id, message, status: "sent", createdAt: now },
      });
      await notify(tx, seekerId, "candidateInvited", { title: posting.title, employer: posting.organization.name }, `/me/invitations#invitation-${created.id}`);
      return { ok: true, invitationId: created.id };
    });
  } catch (error) {
    if (isUniqueViolation(error)) return { ok: false, reason: "already_invited" };
    throw error;
  }
}

/** Invitations waiting for the person's answer (the count on /me). */
export async function openInvitationCount(seekerId: number): Promise<number> {
  return getDb().candidateInvitation.count({ where: { seekerId, status: "sent" } });
}

/**
 * The person's invitations, newest first: the post's card, the employer's message, why the post was
 * suggested (the same reasons, in the person's words), and whether it can still be applied for.
 */
export async function listInvitations(seekerId: number, lang: string, now = new Date()) {
  const db = getDb();
  const [rows, profile, regions, brands] = await Promise.all([
    db.candidateInvitation.findMany({
      where: { seekerId },
      orderBy: { id: "desc" },
      take: 100,
      select: {
        id: true, message: true, status: true, createdAt: true,
        posting: { select: { ...POSTING_MATCH_SELECT, title: true, status: true, payMin: true, organization: { select: { name: true } } } },
      },
    }),
    db.seekerProfile.findUnique({ where: { userId: seekerId }, select: MATCHABLE_SELECT }),
    getRegions(),
    getBrands(),
  ]);
  const names = candidateNames(regions, lang, brands);
  const seeker = profile ? matchSeekerFrom(profile) : null;
  const nowSec = Math.floor(now.getTime() / 1000);
  return rows.map((r) => {
    const p = r.posting;
    const score = seeker ? scoreMatch(seeker, itemFromPosting(p), { nowSec }) : null;
    return {
      id: r.id,
      status: r.status as "sent" | "applied" | "declined" | "withdrawn",
      message: r.message,
      createdAt: r.createdAt.toISOString(),
      posting: { id: p.id, kind: p.kind, title: p.title, employer: p.organization.name, place: itemPlace(regions, p, lang), pay: { min: p.payMin, max: p.payMax, period: p.payPeriod }, open: isOpen.posting(p, now) },
      reasons: (score?.reasons ?? []).filter((x) => x.key !== "openings" && x.key !== "fresh").map(names.reason),
    };
  });
}

export type DeclineResult = { ok: true } | { ok: false; reason: "not_found" };

/** "Not interested": only the person's own invitation, only while it waits for an answer. */
export async function declineInvitation(seekerId: number, invitationId: number, now = new Date()): Promise<DeclineResult> {
  const { count } = await getDb().candidateInvitation.updateMany({ where: { id: invitationId, seekerId, status: "sent" }, data: { status: "declined", respondedAt: now } });
  return count === 1 ? { ok: true } : { ok: false, reason: "not_found" };
}
