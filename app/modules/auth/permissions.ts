/**
 * Who may do what: one matrix, read by server guards and by the UI (to show or hide actions).
 * Ownership and region scope are checked inside each query, not here.
 */
export const ROLES = ["seeker", "employer", "staff", "admin"] as const;
export type Role = (typeof ROLES)[number];

export const PERMISSIONS = {
  "profile.edit": ["seeker"],
  "application.create": ["seeker"],
  "application.withdraw": ["seeker"],
  "employer.home": ["employer"],
  "organization.register": ["employer"],
  "organization.invite": ["employer"],
  "posting.manage": ["employer"],
  "applicant.manage": ["employer"],
  "course.manage": ["employer"],
  "enrolment.create": ["seeker"],
  "organization.verify": ["staff", "admin"],
  "staff.home": ["staff", "admin"],
  "posting.moderate": ["staff", "admin"],
  "placement.read": ["staff", "admin"],
  "placement.verify": ["staff", "admin"],
  "placement.create": ["staff", "admin"],
  "target.edit": ["staff", "admin"],
  "audit.read": ["staff", "admin"],
  "register.manage": ["staff", "admin"],
  "outbox.read": ["staff", "admin"],
  "followup.manage": ["staff", "admin"],
  "identity.confirm": ["staff", "admin"],
  "servicepoint.manage": ["staff", "admin"],
  "returnee.manage": ["staff", "admin"],
  "staff.manage": ["admin"],
} as const satisfies Record<string, readonly Role[]>;

export type Action = keyof typeof PERMISSIONS;

export function can(role: Role | null | undefined, action: Action): boolean {
  return role ? (PERMISSIONS[action] as readonly Role[]).includes(role) : false;
}

/**
 * Division codes nest by prefix: province 61xxxx → "61", city 6109xx → "6109", county → 6 digits,
 * town → 9 digits. A staff member's scope is every code starting with that prefix.
 */
export function scopePrefix(regionCode: string): string {
  if (regionCode.length > 6) return regionCode;
  if (regionCode.endsWith("0000")) return regionCode.slice(0, 2);
  if (regionCode.endsWith("00")) return regionCode.slice(0, 4);
  return regionCode;
}

export function inScope(scopeCode: string | null | undefined, regionCode: string): boolean {
  if (!scopeCode) return false;
  return regionCode.startsWith(scopePrefix(scopeCode));
}
