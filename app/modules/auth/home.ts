import type { Role } from "./permissions.ts";

/** Where each role lands after signing in. */
export function homeFor(role: Role): string {
  if (role === "seeker") return "/me";
  if (role === "employer") return "/employer";
  if (role === "staff" || role === "admin") return "/staff";
  return "/account";
}
