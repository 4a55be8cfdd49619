import { z } from "zod";
import { normalizePhone, parseIdNumber } from "../people/identity.ts";
import { EDUCATION_LEVELS, EXPERIENCE_YEARS, PROFILE_GROUPS, RETURNEE_KINDS, TRAVEL_KM, WISH_KINDS, WISH_OCCUPATIONS_MAX, WORK_ROWS_MAX } from "./profile-options.ts";

/**
 * The seeker profile form: one schema for the browser (conform) and the server (the authority).
 * Messages are i18n keys; region codes are checked for existence on the server only (the module
 * knows the Region table), everything else is checked here on both sides.
 */
// The choices live in a module without imports, so the profile page lists them without loading zod.
export { EDUCATION_LEVELS, PROFILE_GROUPS, RETURNEE_KINDS, WISH_KINDS, WISH_OCCUPATIONS_MAX, WORK_ROWS_MIN, WORK_ROWS_MAX } from "./profile-options.ts";

export type ProfileGroup = (typeof PROFILE_GROUPS)[number];
export type ReturneeKind = (typeof RETURNEE_KINDS)[number];

const text = (max: number) => z.string().trim().max(max, "forms.tooLong").optional();

/** "2021-03", also "2021.3", "2021/03" or "2021年3月" typed into a browser without a month picker. */
const month = z
  .string()
  .trim()
  .transform((v) => {
    const m = /^(\d{4})\s*[-./年]\s*(\d{1,2})\s*月?$/.exec(v);
    return m ? `${m[1]}-${m[2]!.padStart(2, "0")}` : v;
  })
  .refine((v) => {
    const m = /^(\d{4})-(\d{2})$/.exec(v);
    return !!m && Number(m[1]) >= 1950 && Number(m[2]) >= 1 && Number(m[2]) <= 12;
  }, "seekers.errors.monthInvalid")
  .optional();

const workRow = z
  .object({ employer: text(80), title: text(60), from: month, to: month })
  .superRefine((row, ctx) => {
    const filled = row.employer || row.title || row.from || row.to;
    if (filled && !row.employer) ctx.addIssue({ code: "custom", path: ["employer"], message: "seekers.errors.employerRequired" });
    if (row.from && row.to && row.from > row.to) ctx.addIssue({ code: "custom", path: ["to"], message: "seekers.errors.toBeforeFrom" });
  });

/** Codes of a controlled list (certificates, skills, labour brands): their shape here, their existence on the server. */
const codes = (max: number) =>
  z
    .array(z.string())
    .max(max, "forms.invalid")
    .refine((list) => list.every((v) => /^[a-z0-9_]{1,40}$/.test(v)), "forms.invalid")
    .transform((list) => [...new Set(list)])
    .default([]);

const wholeNumber = (min: number, max: number, message: string) =>
  z.number({ invalid_type_error: message }).int(message).min(min, message).max(max, message).optional();

const countyCode = z.string().trim().regex(/^\d{6}$/, "seekers.errors.regionUnknown").optional();
const townCode = z.string().trim().regex(/^\d{9}$/, "seekers.errors.regionUnknown").optional();

/** A checkbox group: every value must be one of `options`; duplicates dropped. The error sits on the group. */
function choices<T extends string>(options: readonly T[], max = options.length) {
  return z
    .array(z.string())
    .max(max, "forms.invalid")
    .refine((list) => list.every((v) => (options as readonly string[]).includes(v)), "forms.invalid")
    .transform((list) => [...new Set(list)] as T[]);
}

const idNumberMessages = { format: "seekers.errors.idNumberFormat", date: "seekers.errors.idNumberDate", checksum: "seekers.errors.idNumberChecksum" } as const;

const CURRENT_YEAR = new Date().getUTCFullYear();

export const profileSchema = z
  .object({
    name: z.string({ required_error: "forms.required" }).trim().min(1, "forms.required").max(40, "forms.tooLong"),
    phone: z
      .string()
      .trim()
      .refine((v) => normalizePhone(v) !== null, "forms.phoneInvalid")
      .transform((v) => normalizePhone(v)!)
      .optional(),
    // Blank keeps the stored number: the browser never receives it in full.
    idNumber: z
      .string()
      .trim()
      .superRefine((v, ctx) => {
        const parsed = parseIdNumber(v);
        if (!parsed.ok) ctx.addIssue({ code: "custom", message: idNumberMessages[parsed.reason] });
      })
      .transform((v) => v.toUpperCase())
      .optional(),
    idNumberRemove: z.boolean({ invalid_type_error: "forms.invalid" }).optional(),
    education: z.enum(EDUCATION_LEVELS, { errorMap: () => ({ message: "forms.chooseOne" }) }).default("any"),
    school: text(80),
    major: text(60),
    graduationYear: z
      .number({ invalid_type_error: "seekers.errors.yearInvalid" })
      .int("seekers.errors.yearInvalid")
      .min(1950, "seekers.errors.yearInvalid")
      .max(CURRENT_YEAR + 8, "seekers.errors.yearInvalid")
      .optional(),
    skills: text(500),
    workHistory: z.array(workRow).max(WORK_ROWS_MAX, "forms.invalid").default([]),
    hometownCounty: countyCode,
    hometownTown: townCode,
    currentCounty: countyCode,
    currentTown: townCode,
    groups: choices(PROFILE_GROUPS).default([]),
    returneeKind: z.string().trim().optional(),
    wishKinds: choices(WISH_KINDS).default([]),
    wishCounties: z
      .array(z.string())
      .max(20, "forms.invalid")
      .refine((list) => list.every((v) => /^\d{6}$/.test(v)), "forms.invalid")
      .transform((list) => [...new Set(list)])
      .default([]),
    wishPayMin: z
      .number({ invalid_type_error: "seekers.errors.payInvalid" })
      .int("seekers.errors.payInvalid")
      .min(0, "seekers.errors.payInvalid")
      .max(100_000, "seekers.errors.payInvalid")
      .optional(),
    wishStartDate: z
      .string()
      .trim()
      .refine((v) => {
        const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(v);
        if (!m) return false;
        const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
        return d.getUTCDate() === Number(m[3]) && d.getUTCMonth() === Number(m[2]) - 1 && Number(m[1]) >= 2000 && Number(m[1]) <= CURRENT_YEAR + 5;
      }, "seekers.errors.dateInvalid")
      .optional(),
    // Typed names (or codes) of occupations, certificates, skills and a city: the server resolves them
    // against the vocabulary and answers an unknown or ambiguous one at its field, with suggestions.
    wishOccupations: z.array(text(80)).max(WISH_OCCUPATIONS_MAX, "forms.invalid").default([]),
    credentials: codes(60),
    credentialOther: text(200),
    skillCodes: codes(80),
    skillOther: text(200),
    travelKm: wholeNumber(TRAVEL_KM.min, TRAVEL_KM.max, "seekers.errors.travelKmInvalid"),
    experienceYears: wholeNumber(EXPERIENCE_YEARS.min, EXPERIENCE_YEARS.max, "seekers.errors.experienceInvalid"),
    brandsTrained: codes(30),
    awayCity: text(60),
    comeHomeBy: month.refine((v) => !v || Number(v.slice(0, 4)) <= CURRENT_YEAR + 10, "seekers.errors.monthInvalid"),
    consentMatching: z.boolean({ invalid_type_error: "forms.invalid" }).optional(),
    consentSharing: z.boolean({ invalid_type_error: "forms.invalid" }).optional(),
    consentCandidate: z.boolean({ invalid_type_error: "forms.invalid" }).optional(),
  })
  .superRefine((v, ctx) => {
    for (const [county, town] of [["hometownCounty", "hometownTown"], ["currentCounty", "currentTown"]] as const) {
      const c = v[county];
      const t = v[town];
      if (c && t && !t.startsWith(c)) ctx.addIssue({ code: "custom", path: [town], message: "seekers.errors.townNotInCounty" });
    }
    if (v.groups.includes("returnee")) {
      if (!v.returneeKind) ctx.addIssue({ code: "custom", path: ["returneeKind"], message: "seekers.errors.returneeKindRequired" });
    }
    if (v.returneeKind && !(RETURNEE_KINDS as readonly string[]).includes(v.returneeKind)) {
      ctx.addIssue({ code: "custom", path: ["returneeKind"], message: "forms.chooseOne" });
    }
  })
  .transform((v) => ({
    ...v,
    returneeKind: v.groups.includes("returnee") ? (v.returneeKind as ReturneeKind) : null,
    workHistory: v.workHistory.filter((row) => row.employer),
    // Kept by index (a message goes back to the box it came from); blanks are skipped when saved.
    wishOccupations: v.wishOccupations.map((w) => w ?? ""),
  }));

export type ProfileInput = z.infer<typeof profileSchema>;
export type WorkRow = { employer: string; title?: string; from?: string; to?: string };

/** Deleting the account needs a ticked confirmation (a plain POST form, no JavaScript needed). */
export const deleteAccountSchema = z.object({
  confirm: z
    .boolean({ required_error: "seekers.errors.confirmRequired", invalid_type_error: "seekers.errors.confirmRequired" })
    .refine((v) => v, "seekers.errors.confirmRequired"),
});
