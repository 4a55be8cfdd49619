import { z } from "zod";
import { normalizePublicPhone } from "../organizations/schemas.ts";
import { BASE_SERVICES, FOUNDER_GROUPS, LIMITS } from "./codes.ts";

/** One schema per form, shared by the browser (conform) and the server (the authority). Messages are i18n keys. */

const text = (max: number, min = 1, short = "forms.required", missing = "forms.required") =>
  z.string({ required_error: missing }).trim().min(min, short).max(max, "forms.tooLong");

const count = (max: number) =>
  z.number({ required_error: "forms.required", invalid_type_error: "bases.errors.wholeNumber" }).int("bases.errors.wholeNumber").min(0, "bases.errors.wholeNumber").max(max, "bases.errors.tooMany");

/** The founder's application for a place. */
export const applySchema = z.object({
  businessPlan: text(LIMITS.plan, LIMITS.planMin, "bases.errors.planTooShort"),
  team: text(LIMITS.team),
  industryCode: z.string({ required_error: "forms.chooseOne" }).regex(/^[a-z_]{1,40}$/, "forms.chooseOne"),
  groups: z.array(z.enum(FOUNDER_GROUPS, { errorMap: () => ({ message: "forms.chooseOne" }) })).max(FOUNDER_GROUPS.length).optional(),
  needs: text(LIMITS.needs),
});
export type ApplyInput = z.infer<typeof applySchema>;

/** "YYYY-MM-DDTHH:MM" as a datetime-local box sends it, read as China time. */
export function parseChinaDateTime(value: string): Date | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(value);
  if (!m) return null;
  const [y, mo, d, h, mi] = m.slice(1).map(Number) as [number, number, number, number, number];
  const utc = new Date(Date.UTC(y, mo - 1, d, h, mi));
  if (utc.getUTCDate() !== d || utc.getUTCMonth() !== mo - 1 || h > 23 || mi > 59) return null;
  return new Date(utc.getTime() - 8 * 3_600_000);
}

const intent = <T extends string>(value: T) => z.literal(value, { errorMap: () => ({ message: "forms.invalid" }) });

/** The operator's review form: one discriminating "intent" per button. */
export const reviewSchema = z.discriminatedUnion(
  "intent",
  [
    z.object({
      intent: intent("interview"),
      interviewAt: z.string({ required_error: "bases.errors.timeRequired" }).trim().refine((v) => parseChinaDateTime(v) !== null, "bases.errors.timeInvalid"),
      note: z.string().trim().max(LIMITS.note, "forms.tooLong").optional(),
    }),
    z.object({ intent: intent("admit"), businessName: z.string().trim().max(LIMITS.businessName, "forms.tooLong").optional(), jobsCreated: count(LIMITS.jobs).optional() }),
    z.object({ intent: intent("decline"), reason: text(LIMITS.reason, 1, "bases.errors.reasonRequired", "bases.errors.reasonRequired") }),
    z.object({ intent: intent("record"), businessName: text(LIMITS.businessName), jobsCreated: count(LIMITS.jobs) }),
  ],
  { errorMap: () => ({ message: "forms.invalid" }) },
);
export type ReviewInput = z.infer<typeof reviewSchema>;

/** The operator's edit of a base: places, services, rent terms, contact. */
export const baseEditSchema = z
  .object({
    totalPlaces: count(LIMITS.places).refine((v) => v >= 1, "bases.errors.wholeNumber"),
    freePlaces: count(LIMITS.places),
    services: z.array(z.enum(BASE_SERVICES, { errorMap: () => ({ message: "forms.chooseOne" }) })).optional(),
    rentTerms: text(LIMITS.rent),
    contactPhone: z
      .string({ required_error: "forms.required" })
      .max(40, "organizations.phoneInvalid")
      .refine((v) => normalizePublicPhone(v) !== null, "organizations.phoneInvalid")
      .transform((v) => normalizePublicPhone(v) ?? v),
    description: z.string().trim().max(LIMITS.description, "forms.tooLong").optional(),
  })
  .refine((v) => v.freePlaces <= v.totalPlaces, { message: "bases.errors.freeOverTotal", path: ["freePlaces"] });
export type BaseEditInput = z.infer<typeof baseEditSchema>;

export const withdrawSchema = z.object({
  applicationId: z.number({ required_error: "forms.invalid", invalid_type_error: "forms.invalid" }).int("forms.invalid").positive("forms.invalid").max(1e12, "forms.invalid"),
});
