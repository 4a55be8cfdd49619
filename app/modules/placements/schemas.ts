import { z } from "zod";
import type { Continuity } from "../indicators/rules.ts";
import { CREDIT_CODE_PATTERN } from "../organizations/credit-code.ts";
import { parseIdNumber } from "../people/identity.ts";
import { PROFILE_GROUPS, RETURNEE_KINDS, type ProfileGroup } from "../seekers/profile-schema.ts";

export const PLACEMENT_STATUSES = ["pending", "verified", "rejected"] as const;
export const PLACEMENT_KINDS = [
  "new_urban",
  "rural_transfer_local",
  "rural_transfer_away",
  "returnee",
  "graduate",
  "internship",
  "gig_flexible",
  "difficulty_assist",
  "zero_family",
  "after_training",
] as const;

/** The staff placement list's URL: a bad value falls back to the default, never an error. */
export const staffPlacementQuerySchema = z.object({
  status: z.enum([...PLACEMENT_STATUSES, "all"]).catch("pending"),
  /** A person's or employer's name, or a full ID number. */
  q: z.string().trim().max(40).optional().catch(undefined).transform((v) => v || undefined),
  page: z.coerce.number().int().min(1).max(10_000).catch(1),
});
export type StaffPlacementQuery = z.infer<typeof staffPlacementQuerySchema>;

/**
 * A staff decision on one placement; a rejection needs a reason. Verifying may correct the kind.
 * `from` is the status the officer saw: the decision applies only if the record still has it.
 */
export const placementDecisionSchema = z
  .object({
    intent: z.enum(["verify", "reject"], { errorMap: () => ({ message: "forms.chooseOne" }) }),
    id: z.coerce.number({ invalid_type_error: "forms.invalid" }).int().positive(),
    from: z.enum(PLACEMENT_STATUSES, { errorMap: () => ({ message: "forms.invalid" }) }).default("pending"),
    kind: z.enum(PLACEMENT_KINDS, { errorMap: () => ({ message: "forms.chooseOne" }) }).optional(),
    reason: z.string().trim().max(500, "forms.tooLong").optional(),
  })
  .refine((v) => v.intent !== "reject" || Boolean(v.reason), { message: "placements.errors.reasonRequired", path: ["reason"] });
// Input type: callers in code may leave `from` out (a pending record), as the form does.
export type PlacementDecision = z.input<typeof placementDecisionSchema>;

// ---- placements entered by staff or imported from a file: one row schema for both ----

/** The person groups and returnee kinds a placement records (the seeker profile's codes). */
export { PROFILE_GROUPS as PLACEMENT_GROUPS, RETURNEE_KINDS as PLACEMENT_RETURNEE_KINDS } from "../seekers/profile-schema.ts";
/**
 * How a start relates to the person's previous work: rules.ts CONTINUITIES (not imported, since
 * rules.ts imports this file; the types below keep the two lists the same).
 */
export const PLACEMENT_CONTINUITIES = ["new_employer", "new_business", "back_from_unemployment", "renewal"] as const satisfies readonly Continuity[];
type SameList<A, B> = [A] extends [B] ? ([B] extends [A] ? true : never) : never;
const sameContinuities: SameList<(typeof PLACEMENT_CONTINUITIES)[number], Continuity> = true;
void sameContinuities;

/** The earliest start date a placement may have. */
export const PLACEMENT_FIRST_DAY = "2000-01-01";

/** Today in China as YYYY-MM-DD: a start date after it is in the future. */
function chinaDay(now = new Date()): string {
  return new Date(now.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
}

/** "2026-03-01", also "2026/3/1", "2026.3.1" or "2026年3月1日" as typed or exported by a spreadsheet. */
export function normalizeDay(raw: string): string {
  const m = /^(\d{4})\s*[-./年]\s*(\d{1,2})\s*[-./月]\s*(\d{1,2})\s*日?$/.exec(raw.trim());
  return m ? `${m[1]}-${m[2]!.padStart(2, "0")}-${m[3]!.padStart(2, "0")}` : raw.trim();
}

function isRealDay(value: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.getUTCFullYear() === Number(m[1]) && d.getUTCMonth() === Number(m[2]) - 1 && d.getUTCDate() === Number(m[3]);
}

const ID_NUMBER_MESSAGES = { format: "seekers.errors.idNumberFormat", date: "seekers.errors.idNumberDate", checksum: "seekers.errors.idNumberChecksum" } as const;

const required = (max: number) => z.string({ required_error: "forms.required" }).trim().min(1, "forms.required").max(max, "forms.tooLong");

/**
 * One placement as staff enter it on the form or as one row of an import file. The module checks
 * what needs the database on top of this: the region exists and lies inside the staff member's
 * scope, and the same person, start date and employer is not already recorded.
 */
export const placementRowSchema = z
  .object({
    personName: required(40),
    idNumber: z
      .string({ required_error: "forms.required" })
      .trim()
      .min(1, "forms.required")
      .superRefine((v, ctx) => {
        const parsed = parseIdNumber(v);
        if (!parsed.ok) ctx.addIssue({ code: "custom", message: ID_NUMBER_MESSAGES[parsed.reason] });
      })
      .transform((v) => v.toUpperCase()),
    groups: z
      .array(z.string())
      .max(PROFILE_GROUPS.length * 2, "placementEntry.errors.groupUnknown")
      .refine((list) => list.every((v) => (PROFILE_GROUPS as readonly string[]).includes(v)), "placementEntry.errors.groupUnknown")
      .transform((list) => [...new Set(list)] as ProfileGroup[])
      .default([]),
    returneeKind: z.enum(RETURNEE_KINDS, { errorMap: () => ({ message: "placementEntry.errors.returneeKindUnknown" }) }).optional(),
    kind: z.enum(PLACEMENT_KINDS, { errorMap: () => ({ message: "placementEntry.errors.kindUnknown" }) }),
    continuity: z.enum(PLACEMENT_CONTINUITIES, { errorMap: () => ({ message: "placementEntry.errors.continuityUnknown" }) }).default("new_employer"),
    employerName: required(100),
    creditCode: z
      .string()
      .trim()
      .transform((v) => v.replace(/\s/g, "").toUpperCase())
      .refine((v) => CREDIT_CODE_PATTERN.test(v), "placementEntry.errors.creditCodeFormat")
      .optional(),
    regionCode: z.string({ required_error: "forms.required" }).trim().regex(/^(\d{6}|\d{9})$/, "placementEntry.errors.regionUnknown"),
    startDate: z
      .string({ required_error: "forms.required" })
      .transform(normalizeDay)
      .refine(isRealDay, "placementEntry.errors.dateInvalid")
      .refine((v) => !isRealDay(v) || v >= PLACEMENT_FIRST_DAY, "placementEntry.errors.dateTooEarly")
      .refine((v) => !isRealDay(v) || v <= chinaDay(), "placementEntry.errors.dateFuture"),
  })
  .superRefine((v, ctx) => {
    const returnee = v.kind === "returnee" || v.groups.includes("returnee");
    if (returnee && !v.returneeKind) ctx.addIssue({ code: "custom", path: ["returneeKind"], message: "placementEntry.errors.returneeKindRequired" });
  })
  .transform((v) => {
    const returnee = v.kind === "returnee" || v.groups.includes("returnee");
    // A returnee placement is a returnee's: the group follows the kind, so the returnee indicators see it.
    const groups = returnee && !v.groups.includes("returnee") ? (["returnee", ...v.groups] as ProfileGroup[]) : v.groups;
    return { ...v, groups, returneeKind: returnee ? v.returneeKind! : null };
  });
export type PlacementRow = z.infer<typeof placementRowSchema>;
/** The fields of a placement row, in the order the form and the import template show them. */
export const PLACEMENT_ROW_FIELDS = ["personName", "idNumber", "groups", "returneeKind", "kind", "continuity", "employerName", "creditCode", "regionCode", "startDate"] as const;
export type PlacementRowField = (typeof PLACEMENT_ROW_FIELDS)[number];
