import { z } from "zod";
import { normalizePublicPhone } from "../organizations/schemas.ts";
import { checkText, findingMessage } from "./content-check.ts";
import { addDays, chinaDay, daysBetween, parseDay } from "./dates.ts";
import { BENEFITS, CONTRACT_TYPES, EDUCATION_LEVELS, GIG_PAY_PERIODS, PAY_PERIODS, POSTING_GROUPS, REFRESH_INTENT, type PostingKind } from "./options.ts";

/**
 * The posting forms: the full form for jobs and internships, the short form for gig work. One
 * schema per form, shared by the browser (conform) and the server (the authority). Messages are
 * i18n keys. Region, industry and brand codes are checked against their tables by the module.
 *
 * The national rules for online job posts require: employer basics (taken from the organization's
 * verified record, never typed again), headcount, requirements, work content, place, basic pay and
 * the validity period. Each is a required field here; a gig's validity is its work day.
 */
export { BENEFITS, CONTRACT_TYPES, EDUCATION_LEVELS, GIG_PAY_PERIODS, PAY_PERIODS, POSTING_GROUPS, POSTING_KINDS, REFRESH_INTENT, type PostingKind } from "./options.ts";
export const POSTING_STATUSES = ["draft", "pending", "published", "rejected", "closed"] as const;
export type PostingStatus = (typeof POSTING_STATUSES)[number];


/** How far ahead a post may run, and a gig may be dated. */
export const MAX_VALID_DAYS = 180;
export const MAX_GIG_DAYS_AHEAD = 60;

/**
 * "Submit for review", "save as draft", or "show the certificates for this occupation" (the form
 * comes back with what was typed, nothing saved): the button the employer pressed.
 */
const intent = z.enum(["submit", "draft", REFRESH_INTENT]).catch("submit");

const required = { required_error: "forms.required", invalid_type_error: "forms.required" };

/** Free text that the public will read: length limits, then the content check naming what it found. */
function checked(schema: z.ZodString) {
  return schema.superRefine((value, ctx) => {
    const finding = checkText(value);
    if (finding) ctx.addIssue({ code: "custom", message: findingMessage(finding) });
  });
}
const text = (min: number, max: number) =>
  checked(z.string(required).trim().min(min, min > 1 ? `postings.errors.tooShort?min=${min}` : "forms.required").max(max, `postings.errors.tooLong?max=${max}`));
const optionalText = (max: number) => checked(z.string().trim().max(max, `postings.errors.tooLong?max=${max}`)).optional();

// Letters typed in a number box ("abc", "五") reach zod as NaN: that is the field's own message, not
// "required". The range is piped after the integer check so "-1.5" or "99…9" get the message once.
const inRange = (min: number, max: number, message: string) => z.number().min(min, message).max(max, message);
const whole = (min: number, max: number, message: string) =>
  z.number({ required_error: "forms.required", invalid_type_error: message }).int(message).pipe(inRange(min, max, message));
const optionalWhole = (min: number, max: number, message: string) =>
  z.number({ invalid_type_error: message }).int(message).pipe(inRange(min, max, message)).optional();

const countyCode = z.string({ required_error: "postings.errors.chooseCounty" }).regex(/^\d{6}$/, "postings.errors.chooseCounty");
const townCode = z.string().regex(/^\d{9}$/, "forms.chooseOne").optional();
const code = z.string().regex(/^[a-z0-9_]{1,40}$/, "forms.chooseOne").optional();

const publicPhone = z
  .string(required)
  .max(40, "organizations.phoneInvalid")
  // Too long has its message already (once is enough).
  .refine((v) => v.length > 40 || normalizePublicPhone(v) !== null, "organizations.phoneInvalid")
  .transform((v) => normalizePublicPhone(v) ?? v);

/** A day from today (China time) up to `maxDays` ahead, normalised to "YYYY-MM-DD". */
function dayWithin(maxDays: number, tooFar: string) {
  return z
    .string({ required_error: "forms.required" })
    .transform((v, ctx) => {
      const day = parseDay(v);
      if (!day) {
        ctx.addIssue({ code: "custom", message: "postings.errors.dateInvalid" });
        return z.NEVER;
      }
      const today = chinaDay(new Date());
      if (day < today) ctx.addIssue({ code: "custom", message: "postings.errors.datePast" });
      else if (daysBetween(today, day) > maxDays) ctx.addIssue({ code: "custom", message: `${tooFar}?date=${addDays(today, maxDays)}` });
      return day;
    });
}

/** Vocabulary codes ticked in a check box group (certificates, skills); the module checks they are listed. */
const vocabularyCodes = (message: string) =>
  z
    .array(z.string())
    .max(60, message)
    .refine((list) => list.every((v) => /^[a-z0-9_]{1,40}$/.test(v)), message)
    .transform((list) => [...new Set(list)])
    .default([]);

function choices<T extends string>(options: readonly T[]) {
  return z
    .array(z.string())
    .max(options.length, "forms.invalid")
    .refine((list) => list.every((v) => (options as readonly string[]).includes(v)), "forms.invalid")
    .transform((list) => [...new Set(list)] as T[])
    .default([]);
}

/** Judged only when both codes have their shape: a malformed one already has its own message. */
const townOutsideCounty = (v: { countyCode: string; townCode?: string }) =>
  Boolean(v.townCode) && /^\d{6}$/.test(v.countyCode) && /^\d{9}$/.test(v.townCode!) && !v.townCode!.startsWith(v.countyCode);

/** Fields both forms share: what, where, how many, what it takes, how to apply. */
const shared = {
  intent,
  title: text(2, 40),
  description: text(10, 3000),
  requirements: text(2, 1000),
  countyCode,
  townCode,
  address: text(2, 200),
  headcount: whole(1, 9999, "postings.errors.headcount"),
};

const payAmount = whole(1, 1_000_000, "postings.errors.pay");
const age = optionalWhole(16, 70, "postings.errors.age");

/** Jobs and internships. */
export const fullPostingSchema = z
  .object({
    ...shared,
    kind: z.enum(["job", "internship"], { errorMap: () => ({ message: "forms.chooseOne" }) }),
    // A name or "name code" from the classification's list; the module reads it as a code.
    occupation: optionalText(60),
    industryCode: code,
    brandCode: code,
    education: z.enum(EDUCATION_LEVELS, { errorMap: () => ({ message: "forms.chooseOne" }) }).default("any"),
    experienceYears: optionalWhole(0, 30, "postings.errors.experience"),
    ageMin: age,
    ageMax: age,
    skills: optionalText(500),
    benefits: choices(BENEFITS),
    groups: choices(POSTING_GROUPS),
    groupOnly: z.boolean().default(false),
    credentials: vocabularyCodes("postings.errors.unknownCredential"),
    skillCodes: vocabularyCodes("postings.errors.unknownSkill"),
    contractType: z.enum(CONTRACT_TYPES, { errorMap: () => ({ message: "forms.chooseOne" }) }).default("full_time"),
    payMin: payAmount,
    payMax: payAmount,
    payPeriod: z.enum(PAY_PERIODS, { errorMap: () => ({ message: "forms.chooseOne" }) }).default("month"),
    howToApply: text(2, 500),
    contactPhone: publicPhone.optional(),
    validUntil: dayWithin(MAX_VALID_DAYS, "postings.errors.validTooFar"),
    durationMonths: optionalWhole(1, 24, "postings.errors.duration"),
    eligibleMajors: optionalText(200),
  })
  .superRefine((v, ctx) => {
    if (townOutsideCounty(v)) ctx.addIssue({ code: "custom", path: ["townCode"], message: "postings.errors.townNotInCounty" });
    // Compared only against a valid lower bound: a bad one already has its own message.
    if (payAmount.safeParse(v.payMin).success && v.payMax < v.payMin) ctx.addIssue({ code: "custom", path: ["payMax"], message: "postings.errors.payMaxBelowMin" });
    if (v.ageMin !== undefined && v.ageMax !== undefined && age.safeParse(v.ageMin).success && v.ageMax < v.ageMin) ctx.addIssue({ code: "custom", path: ["ageMax"], message: "postings.errors.ageMaxBelowMin" });
    if (v.groupOnly && v.groups.length === 0) ctx.addIssue({ code: "custom", path: ["groupOnly"], message: "postings.errors.groupOnly" });
    if (v.kind === "internship" && v.durationMonths === undefined) ctx.addIssue({ code: "custom", path: ["durationMonths"], message: "forms.required" });
  });

/** The short form for gig work: a day, hours, pay per day or hour, a place and how many people. */
export const gigPostingSchema = z
  .object({
    ...shared,
    kind: z.literal("gig", { errorMap: () => ({ message: "forms.chooseOne" }) }),
    workDate: dayWithin(MAX_GIG_DAYS_AHEAD, "postings.errors.gigTooFar"),
    startTime: z.string(required).regex(/^([01]\d|2[0-3]):[0-5]\d$/, "postings.errors.time"),
    endTime: z.string(required).regex(/^([01]\d|2[0-3]):[0-5]\d$/, "postings.errors.time"),
    pay: whole(1, 100_000, "postings.errors.pay"),
    payPeriod: z.enum(GIG_PAY_PERIODS, { errorMap: () => ({ message: "forms.chooseOne" }) }),
    contactPhone: publicPhone,
    howToApply: optionalText(500),
  })
  .superRefine((v, ctx) => {
    if (townOutsideCounty(v)) ctx.addIssue({ code: "custom", path: ["townCode"], message: "postings.errors.townNotInCounty" });
    if (v.startTime === v.endTime) ctx.addIssue({ code: "custom", path: ["endTime"], message: "postings.errors.sameTime" });
  });

export type FullPostingInput = z.infer<typeof fullPostingSchema>;
export type GigPostingInput = z.infer<typeof gigPostingSchema>;
export type PostingInput = FullPostingInput | GigPostingInput;

export function postingSchemaFor(kind: PostingKind) {
  return kind === "gig" ? gigPostingSchema : fullPostingSchema;
}

/** A staff decision on one posting; a rejection needs a reason the employer will read. */
export const moderationSchema = z
  .object({
    intent: z.enum(["approve", "reject"], { errorMap: () => ({ message: "forms.chooseOne" }) }),
    // Posting.id is an Int column: a larger number is not an id (Prisma would refuse the query with an error page).
    id: z.coerce.number({ invalid_type_error: "forms.invalid" }).int("forms.invalid").positive("forms.invalid").max(2_147_483_647, "forms.invalid"),
    reason: z.string().trim().max(500, "forms.tooLong").optional(),
  })
  .refine((v) => v.intent !== "reject" || Boolean(v.reason), { message: "postings.errors.reasonRequired", path: ["reason"] });

export type ModerationDecision = z.infer<typeof moderationSchema>;

/** The employer's one-click actions on the preview page. */
export const postingActionSchema = z.object({
  intent: z.enum(["submit", "close", "reopen", "copy"], { errorMap: () => ({ message: "forms.chooseOne" }) }),
});
export type PostingAction = z.infer<typeof postingActionSchema>["intent"];
