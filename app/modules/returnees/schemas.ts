import { z } from "zod";
import { FREQUENCIES } from "../alerts/codes.ts";
import { normalizePhone } from "../people/identity.ts";
import { INTENTIONS, REPLY_ANSWERS, RETURNEE_KINDS, TIMINGS } from "./codes.ts";

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

