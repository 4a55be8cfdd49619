import { redirect } from "@remix-run/node";
import { httpError } from "../../utils/http.ts";
import { can, type Action } from "./permissions.ts";
import { getSessionUser, type SessionUser } from "./session.server.ts";

export { getSessionUser as getOptionalUser };

export { safeRedirectPath as safeRedirect } from "../../utils/safe-redirect.ts";

export async function requireUser(request: Request): Promise<SessionUser> {
  const user = await getSessionUser(request);
  if (!user) {
    const url = new URL(request.url);
    throw redirect(`/login?redirectTo=${encodeURIComponent(url.pathname + url.search)}`);
  }
  return user;
}

/** Signed in and allowed by the matrix, or 403 (or a redirect to log in). */
export async function requirePermission(request: Request, action: Action): Promise<SessionUser> {
  const user = await requireUser(request);
  if (!can(user.role, action)) throw httpError(403);
  return user;
}
