import { httpError } from "../../utils/http.ts";
import { scopePrefix } from "../auth/permissions.ts";
import type { SessionUser } from "../auth/session.server.ts";
import { likeText } from "../like.ts";

export type StaffActor = Pick<SessionUser, "id" | "role" | "staffRegionCode">;

/**
 * The division-code prefix a staff member works in; null means everywhere (admin). A staff
 * account without a region has no scope at all and is refused.
 */
export function staffScope(user: Pick<SessionUser, "role" | "staffRegionCode">): string | null {
  if (user.role === "admin") return null;
  if (user.role === "staff" && user.staffRegionCode) return scopePrefix(user.staffRegionCode);
  throw httpError(403);
}

/** The `where` fragment that keeps a query inside the scope. */
export function inRegion(prefix: string | null): { regionCode?: { startsWith: string } } {
  return prefix === null ? {} : { regionCode: { startsWith: likeText(prefix) } };
}
