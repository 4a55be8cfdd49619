import { getEnv } from "../../env.server.ts";
import type { FieldErrors } from "../auth/accounts.server.ts";
import { parseIdentifier } from "../auth/schemas.ts";
import { getDb } from "../db.server.ts";
import { lookupHash, randomToken, sha256 } from "../security/secrets.server.ts";
import { maskEmail } from "../people/identity.ts";
import { employerScope, homeMembership } from "./scope.ts";

export const INVITATION_TTL_MS = 7 * 24 * 3_600_000;
const TOKEN = /^[A-Za-z0-9_-]{43}$/;

export type InviteResult = { ok: true; token: string; expiresAt: Date } | { ok: false; errors: FieldErrors };

/**
 * A member invites a colleague by email or mobile. Only the token's sha256 is stored: the link is
 * shown once, to be copied and sent by the member. A new invitation replaces an open one for the
 * same person.
 */
export async function createInvitation(userId: number, identifier: string, now = new Date()): Promise<InviteResult> {
  const parsed = parseIdentifier(identifier);
  if (!parsed) return { ok: false, errors: { identifier: "forms.identifierInvalid" } };
  const db = getDb();
  const membership = homeMembership(await employerScope({ id: userId }));
  if (!membership) return { ok: false, errors: { form: "organizations.noOrganization" } };
  const target = parsed.type === "email" ? { email: parsed.value } : { phoneHash: lookupHash("phone", parsed.value) };
  const already = await db.membership.findFirst({ where: { organizationId: membership.organizationId, user: target }, select: { userId: true } });
  if (already) return { ok: false, errors: { identifier: "organizations.alreadyMember" } };

  const token = randomToken();
  const expiresAt = new Date(now.getTime() + INVITATION_TTL_MS);
  await db.$transaction(async (tx) => {
    await tx.invitation.deleteMany({ where: { organizationId: membership.organizationId, acceptedAt: null, ...target } });
    await tx.invitation.create({ data: { organizationId: membership.organizationId, ...target, tokenHash: sha256(token), invitedById: userId, expiresAt } });
  });
  if (getEnv().NODE_ENV === "development") console.info(`[invitation] organization ${membership.organizationId}: /invite/${token}`);
  return { ok: true, token, expiresAt };
}

export type InvitationProblem = "signedOut" | "wrongRole" | "wrongAccount" | "alreadyMember" | "otherOrganization";
export type InvitationView =
  | { state: "invalid" }
  | { state: "used" | "expired"; organizationName: string }
  | { state: "open"; organizationName: string; sentTo: { email: string } | { phone: true }; problem: InvitationProblem | null };

/** What the invitation page shows to this visitor (signed in or not). */
export async function viewInvitation(token: string, userId: number | null, now = new Date()): Promise<InvitationView> {
  if (!TOKEN.test(token)) return { state: "invalid" };
  const db = getDb();
  const invitation = await db.invitation.findUnique({ where: { tokenHash: sha256(token) }, include: { organization: { select: { name: true } } } });
  if (!invitation) return { state: "invalid" };
  const organizationName = invitation.organization.name;
  if (invitation.acceptedAt) return { state: "used", organizationName };
  if (invitation.expiresAt <= now) return { state: "expired", organizationName };
  const sentTo = invitation.email ? { email: maskEmail(invitation.email) } : { phone: true as const };
  const open = (problem: InvitationProblem | null): InvitationView => ({ state: "open", organizationName, sentTo, problem });
  if (userId === null) return open("signedOut");
  const user = await db.user.findUnique({
    where: { id: userId },
    select: { role: true, email: true, phoneHash: true },
  });
  if (!user) return open("signedOut");
  if (user.role !== "employer") return open("wrongRole");
  const scope = await employerScope({ id: userId });
  if (scope.organizationIds.includes(invitation.organizationId)) return open("alreadyMember");
  // The link is bound to the person it was sent to: a forwarded link does not let someone else in.
  const matches = invitation.email ? user.email === invitation.email : Boolean(invitation.phoneHash) && user.phoneHash === invitation.phoneHash;
  if (!matches) return open("wrongAccount");
  if (homeMembership(scope)) return open("otherOrganization");
  return open(null);
}

export type AcceptResult = { ok: true; organizationId: number } | { ok: false; view: InvitationView };

/** Accepts once: the token is marked used in the same transaction that adds the membership. */
export async function acceptInvitation(token: string, userId: number, now = new Date()): Promise<AcceptResult> {
  const view = await viewInvitation(token, userId, now);
  if (view.state !== "open" || view.problem) return { ok: false, view };
  const db = getDb();
  return db.$transaction(async (tx) => {
    if (homeMembership(await employerScope({ id: userId }, tx))) {
      return { ok: false, view: { ...view, problem: "otherOrganization" } } as const;
    }
    const invitation = await tx.invitation.findUniqueOrThrow({ where: { tokenHash: sha256(token) } });
    const { count } = await tx.invitation.updateMany({ where: { id: invitation.id, acceptedAt: null, expiresAt: { gt: now } }, data: { acceptedAt: now } });
    if (count === 0) return { ok: false, view: { state: "used", organizationName: view.organizationName } } as const;
    await tx.membership.create({ data: { userId, organizationId: invitation.organizationId, role: "member" } });
    return { ok: true, organizationId: invitation.organizationId } as const;
  });
}
