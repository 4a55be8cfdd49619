import { z } from "zod";
import { FREQUENCIES } from "../alerts/codes.ts";
import { normalizePhone } from "../people/identity.ts";
import { CONTACT_KINDS, EVENT_KINDS, INTENTIONS, REGISTRANT_STATUSES, REPLY_ANSWERS, RETURNEE_KINDS, TIMINGS } from "./codes.ts";

/**
 * One schema per returnee form, shared by the page (loaded lazily) and the server (the authority).
 * Messages are i18n keys; the page translates them at the field.
 */
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]{2,}$/;
const text = (max: number) => z.string({ required_error: "forms.required" }).trim().min(1, "forms.required").max(max, "forms.tooLong");
const optionalText = (max: number) => z.string().trim().max(max, "forms.tooLong").optional().transform((v) => v || undefined);
const list = <T extends readonly [string, ...string[]]>(codes: T) =>
  z.preprocess((v) => (v === undefined || v === "" ? [] : Array.isArray(v) ? v : [v]), z.array(z.enum(codes, { errorMap: () => ({ message: "forms.chooseOne" }) })));
const choice = <T extends readonly [string, ...string[]]>(codes: T) => z.enum(codes, { errorMap: () => ({ message: "forms.chooseOne" }) });
const id = z.coerce.number({ invalid_type_error: "forms.required" }).int().positive().max(2 ** 31);

/**
 * Registering: home, where now, trade, what would bring the person home and when. Without an
 * account a phone or an email is needed (the confirmation link goes there); an email also brings
 * the home county's new posts. With an account, the account's phone and email are used.
 */
export const registrationSchema = z
  .object({
    signedIn: z.preprocess((v) => v === "true" || v === true, z.boolean()).default(false),
    name: text(40),
    phone: optionalText(20).refine((v) => v === undefined || normalizePhone(v) !== null, "forms.phoneInvalid"),
    email: optionalText(254).refine((v) => v === undefined || EMAIL.test(v), "returnees.errors.email"),
    county: z.string({ required_error: "returnees.errors.county" }).regex(/^\d{6}$/, "returnees.errors.county"),
    town: z.string().regex(/^(\d{9})?$/, "returnees.errors.town").optional().transform((v) => v || undefined),
    awayCity: text(40),
    returneeKind: choice(RETURNEE_KINDS),
    trade: text(60),
    skills: z.string().trim().max(300, "forms.tooLong").default(""),
    intentions: list(INTENTIONS).pipe(z.array(z.enum(INTENTIONS)).min(1, "returnees.errors.intention")),
    timing: choice(TIMINGS),
    frequency: choice(FREQUENCIES).default("weekly"),
    consent: z.preprocess((v) => v === "on" || v === "true" || v === true, z.literal(true, { errorMap: () => ({ message: "returnees.errors.consent" }) })),
  })
  .superRefine((v, ctx) => {
    if (!v.signedIn && !v.phone && !v.email) ctx.addIssue({ code: "custom", path: ["phone"], message: "returnees.errors.contact" });
  })
  .transform((v) => ({ ...v, phone: v.phone ? normalizePhone(v.phone)! : undefined, email: v.email?.toLowerCase() }));
export type RegistrationInput = z.output<typeof registrationSchema>;

export const eventReplySchema = z.object({
  eventId: id,
  answer: choice(REPLY_ANSWERS),
  note: z.string().trim().max(200, "forms.tooLong").default(""),
});

/** Staff: the registry's filters (all optional; a bad value is dropped rather than refused). */
export const registryQuerySchema = z.object({
  region: z.string().regex(/^\d{6}(\d{3})?$/).optional().catch(undefined),
  status: z.enum(REGISTRANT_STATUSES).optional().catch(undefined),
  intention: z.enum(INTENTIONS).optional().catch(undefined),
  timing: z.enum(TIMINGS).optional().catch(undefined),
  kind: z.enum(RETURNEE_KINDS).optional().catch(undefined),
  q: z.string().trim().max(40).optional().catch(undefined).transform((v) => v || undefined),
  page: z.coerce.number().int().min(1).max(10_000).catch(1).default(1),
});
export type RegistryQuery = z.infer<typeof registryQuerySchema>;

/** Staff: what they can do on one registrant's page. */
export const registrantActionSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("contact"), kind: choice(CONTACT_KINDS), note: text(500) }),
  z.object({ intent: z.literal("returned") }),
  z.object({ intent: z.literal("link"), placementId: z.coerce.number({ invalid_type_error: "returneeStaff.detail.errors.placement" }).int("returneeStaff.detail.errors.placement").positive("returneeStaff.detail.errors.placement").max(2 ** 31, "returneeStaff.detail.errors.placement") }),
  z.object({ intent: z.literal("reveal") }),
]);
export type RegistrantAction = z.infer<typeof registrantActionSchema>;

/** Staff: posting a returnee event. The date and time are China time, as typed. */
export const eventSchema = z.object({
  region: z.string({ required_error: "returnees.errors.county" }).regex(/^\d{6}(\d{3})?$/, "returnees.errors.county"),
  kind: choice(EVENT_KINDS),
  title: text(80),
  startsAt: z.string({ required_error: "forms.required" }).regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, "returnees.errors.when"),
  place: text(120),
  description: z.string().trim().max(1000, "forms.tooLong").default(""),
});
export type EventInput = z.infer<typeof eventSchema>;

export const eventCancelSchema = z.object({ intent: z.literal("cancel"), eventId: id });
