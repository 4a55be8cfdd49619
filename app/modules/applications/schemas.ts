import { z } from "zod";
import { EDUCATION_LEVELS, PROFILE_GROUPS } from "../seekers/profile-schema.ts";

/**
 * Application statuses and the forms that move them: one schema per form, shared by the browser
 * (conform) and the server (the authority). Messages are i18n keys.
 */
export const APPLICATION_STATUSES = ["submitted", "viewed", "interview", "offered", "hired", "rejected", "withdrawn"] as const;
export type ApplicationStatus = (typeof APPLICATION_STATUSES)[number];

/** What the employer may do next from each status: forward only (steps may be skipped), reject from any open status. */
export const EMPLOYER_TRANSITIONS: Record<ApplicationStatus, readonly EmployerStep[]> = {
  submitted: ["viewed", "interview", "offered", "hired", "rejected"],
  viewed: ["interview", "offered", "hired", "rejected"],
  interview: ["offered", "hired", "rejected"],
  offered: ["hired", "rejected"],
  hired: [],
  rejected: [],
  withdrawn: [],
};
export const EMPLOYER_STEPS = ["viewed", "interview", "offered", "hired", "rejected"] as const;
export type EmployerStep = (typeof EMPLOYER_STEPS)[number];

/** The seeker may withdraw while nothing is decided. */
export const WITHDRAWABLE: readonly ApplicationStatus[] = ["submitted", "viewed", "interview", "offered"];

/** Statuses that hold one of a gig's places. */
export const ACTIVE_STATUSES: readonly ApplicationStatus[] = ["submitted", "viewed", "interview", "offered", "hired"];

export const REASON_MAX = 200;

/** How far from today a start date may lie (a hire recorded late, or a start agreed ahead). */
export const START_DATE_RANGE_DAYS = 366;

const DAY_MS = 86_400_000;

/** Today's date in China as "YYYY-MM-DD" (the site's days are China days). */
export function chinaToday(now = new Date()): string {
  return new Date(now.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
}

/** "YYYY-MM-DD" → UTC midnight of that date, or null when it is not a real date. */
export function parseDay(value: string): Date | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) return null;
  const date = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return date.getUTCDate() === Number(m[3]) && date.getUTCMonth() === Number(m[2]) - 1 ? date : null;
}

const startDate = z
  .string()
  .trim()
  .refine((v) => parseDay(v) !== null, "applications.errors.dateInvalid")
  .refine((v) => {
    const day = parseDay(v);
    const today = parseDay(chinaToday())!;
    return !day || Math.abs(day.getTime() - today.getTime()) <= START_DATE_RANGE_DAYS * DAY_MS;
  }, "applications.errors.dateOutOfRange")
  .optional();

const intent = <T extends string>(value: T) => z.literal(value, { errorMap: () => ({ message: "forms.invalid" }) });

/** The employer's decision form (one schema, one discriminating "intent" per button). */
export const transitionSchema = z.discriminatedUnion(
  "intent",
  [
    z.object({ intent: intent("viewed") }),
    z.object({ intent: intent("interview") }),
    z.object({ intent: intent("offered") }),
    z.object({ intent: intent("hired"), startDate }),
    z.object({
      intent: intent("rejected"),
      reason: z.string({ required_error: "applications.errors.reasonRequired" }).trim().min(1, "applications.errors.reasonRequired").max(REASON_MAX, "forms.tooLong"),
    }),
  ],
  { errorMap: () => ({ message: "forms.invalid" }) },
);
export type TransitionInput = z.infer<typeof transitionSchema>;

/** The seeker's withdraw form. */
export const withdrawSchema = z.object({
  applicationId: z.number({ required_error: "forms.invalid", invalid_type_error: "forms.invalid" }).int("forms.invalid").positive("forms.invalid").max(1e12, "forms.invalid"),
});

/**
 * The employer's applicant list filters (a GET form). Each parameter is read on its own: a bad one
 * is dropped and reported at its field, the others still apply.
 */
const filterFields = {
  posting: z.string().regex(/^[1-9]\d{0,11}$/, "forms.invalid").transform(Number),
  q: z.string().trim().max(50, "forms.tooLong"),
  status: z.enum(APPLICATION_STATUSES, { errorMap: () => ({ message: "forms.chooseOne" }) }),
  group: z.enum(PROFILE_GROUPS, { errorMap: () => ({ message: "forms.chooseOne" }) }),
  education: z.enum(EDUCATION_LEVELS, { errorMap: () => ({ message: "forms.chooseOne" }) }),
  page: z.string().regex(/^[1-9]\d{0,2}$/, "forms.invalid").transform(Number),
};
export type ApplicantFilters = { [K in keyof typeof filterFields]?: z.output<(typeof filterFields)[K]> };

export function parseApplicantFilters(params: URLSearchParams) {
  const filters: Record<string, unknown> = {};
  const errors: Record<string, string> = {};
  const typed: Record<string, string> = {};
  for (const [name, schema] of Object.entries(filterFields)) {
    const raw = params.get(name);
    if (raw === null || raw.trim() === "") continue;
    typed[name] = raw;
    const parsed = schema.safeParse(raw);
    if (parsed.success) filters[name] = parsed.data;
    else errors[name] = parsed.error.issues[0]?.message ?? "forms.invalid";
  }
  return { filters: filters as ApplicantFilters, errors, typed };
}
