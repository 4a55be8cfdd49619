import type { Role } from "./permissions.ts";

/** Where each role lands after signing in. */
export function homeFor(_role: Role): string {
  return "/account";
}
