import type { Prisma } from "~/generated/prisma/client.ts";
import { getDb } from "../db.server.ts";

/**
 * What an employer owns: the organizations they are a member of, and through them those
 * organizations' posts and the applications to those posts. The one place ownership is decided, as
 * staff/scope.ts is for staff regions: every employer read and write puts `ownedBy…(scope)` inside
 * its query, so another organization's thing is simply not found (404), never refused (403).
 */
export interface EmployerScope {
  userId: number;
  /** Oldest membership first: the first is the organization new posts and invitations belong to. */
  memberships: { organizationId: number; role: string }[];
  organizationIds: number[];
}

type Client = Pick<Prisma.TransactionClient, "membership">;

export async function employerScope(user: { id: number }, db: Client = getDb()): Promise<EmployerScope> {
  const memberships = await db.membership.findMany({ where: { userId: user.id }, orderBy: [{ createdAt: "asc" }, { organizationId: "asc" }], select: { organizationId: true, role: true } });
  return { userId: user.id, memberships, organizationIds: memberships.map((m) => m.organizationId) };
}

/** The employer's own organization (their first), or null before they have one. */
export function homeMembership(scope: EmployerScope): EmployerScope["memberships"][number] | null {
  return scope.memberships[0] ?? null;
}

/** Rows that belong to one of the scope's organizations (posts, invitations, members…): `where: { id, ...ownedBy(scope) }`. */
export function ownedBy(scope: EmployerScope): { organizationId: { in: number[] } } {
  return { organizationId: { in: scope.organizationIds } };
}

/** Applications to the scope's posts. */
export function applicationsOwnedBy(scope: EmployerScope): { posting: { organizationId: { in: number[] } } } {
  return { posting: ownedBy(scope) };
}

/** The scope's organizations themselves (an organization's own key is its id). */
export function organizationsOwnedBy(scope: EmployerScope): { id: { in: number[] } } {
  return { id: { in: scope.organizationIds } };
}

/** Courses a training provider in the scope runs (a course's owner is its provider). */
export function coursesOwnedBy(scope: EmployerScope): { providerId: { in: number[] } } {
  return { providerId: { in: scope.organizationIds } };
}

/** Enrolments on the scope's courses. */
export function enrolmentsOwnedBy(scope: EmployerScope): { course: { providerId: { in: number[] } } } {
  return { course: coursesOwnedBy(scope) };
}
