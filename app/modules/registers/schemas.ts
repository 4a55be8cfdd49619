import { z } from "zod";
import { parseIdNumber } from "../people/identity.ts";
import { COMMUNITY_LEVELS } from "./formulas.ts";

export const DIFFICULTY_CATEGORIES = ["older", "disabled", "long_unemployed", "zero_family", "lifted_from_poverty", "other"] as const;
export const FAMILY_STATUSES = ["uncleared", "cleared", "all"] as const;
export const DIFFICULTY_STATUSES = ["open", "unassisted", "assisted", "employed", "closed", "all"] as const;
/** Extra member slots on the family form (the head is the first member); a fixed number, so it works without JavaScript. */
export const EXTRA_MEMBER_SLOTS = 3;

const thisYear = () => new Date(Date.now() + 8 * 3_600_000).getUTCFullYear();

const idMessages = { format: "seekers.errors.idNumberFormat", date: "seekers.errors.idNumberDate", checksum: "seekers.errors.idNumberChecksum" } as const;

const id = z.coerce.number({ invalid_type_error: "forms.invalid" }).int("forms.invalid").positive("forms.invalid").max(2_147_483_647, "forms.invalid");
const name = z.string({ required_error: "forms.required" }).trim().min(1, "forms.required").max(40, "forms.tooLong");
const town = z.string({ required_error: "forms.chooseOne" }).regex(/^\d{9}$/, "forms.chooseOne");
const region = z.string({ required_error: "forms.chooseOne" }).regex(/^\d{6}(\d{3})?$/, "forms.chooseOne");

/** A day typed as YYYY-MM-DD (the date input's value), stored as UTC midnight; never after today. */
const day = z
  .string({ required_error: "forms.required" })
  .trim()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "registers.errors.date")
  .transform((v, ctx) => {
    const [y, m, d] = v.split("-").map(Number) as [number, number, number];
    const date = new Date(Date.UTC(y, m - 1, d));
    if (y < 2000 || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) {
      ctx.addIssue({ code: "custom", message: "registers.errors.date" });
      return z.NEVER;
    }
    if (date.getTime() > Date.now() + 8 * 3_600_000) {
      ctx.addIssue({ code: "custom", message: "registers.errors.future" });
      return z.NEVER;
    }
    return date;
  });

const idNumber = z
  .string({ required_error: "forms.required" })
  .trim()
  .superRefine((v, ctx) => {
    const parsed = parseIdNumber(v);
    if (!parsed.ok) ctx.addIssue({ code: "custom", message: idMessages[parsed.reason] });
  })
  .transform((v) => v.toUpperCase());

const year = z.coerce
  .number({ invalid_type_error: "registers.errors.year" })
  .int("registers.errors.year")
  .min(2000, "registers.errors.year")
  .refine((v) => v <= thisYear(), "registers.errors.year");
const month = z.coerce.number({ invalid_type_error: "registers.errors.month" }).int("registers.errors.month").min(1, "registers.errors.month").max(12, "registers.errors.month");
const headcount = z.coerce
  .number({ required_error: "forms.required", invalid_type_error: "registers.errors.wholeNumber" })
  .int("registers.errors.wholeNumber")
  .min(0, "registers.errors.wholeNumber")
  .max(50_000_000, "registers.errors.tooLarge");

// ---- persons with employment difficulties ----

export const difficultyCreateSchema = z.object({
  intent: z.literal("create"),
  name,
  idNumber,
  regionCode: town,
  category: z.enum(DIFFICULTY_CATEGORIES, { errorMap: () => ({ message: "forms.chooseOne" }) }),
  recognisedAt: day,
});
export type DifficultyCreate = z.infer<typeof difficultyCreateSchema>;

export const difficultyAssistSchema = z.object({ intent: z.literal("assist"), id, assistedAt: day });
export const difficultyCloseSchema = z.object({ intent: z.literal("close"), id, closedAt: day });
export const deleteSchema = z.object({ intent: z.literal("delete"), id });

// ---- zero-employment families ----

const optionalName = z.string().trim().max(40, "forms.tooLong").optional();
const optionalId = idNumber.optional();
const memberFields = Object.fromEntries(
  Array.from({ length: EXTRA_MEMBER_SLOTS }, (_, i) => [[`member${i + 2}Name`, optionalName], [`member${i + 2}Id`, optionalId]]).flat(),
) as Record<`member${number}Name` | `member${number}Id`, typeof optionalName>;

export const familyCreateSchema = z
  .object({
    intent: z.literal("create"),
    headName: name,
    headIdNumber: idNumber,
    memberCount: z.coerce
      .number({ required_error: "forms.required", invalid_type_error: "registers.errors.members" })
      .int("registers.errors.members")
      .min(1, "registers.errors.members")
      .max(20, "registers.errors.members"),
    regionCode: town,
    recognisedAt: day,
    ...memberFields,
  })
  .superRefine((v, ctx) => {
    const values = v as unknown as Record<string, string | undefined>;
    const seen = new Set([v.headIdNumber]);
    for (let i = 2; i < 2 + EXTRA_MEMBER_SLOTS; i++) {
      const n = values[`member${i}Name`];
      const idn = values[`member${i}Id`];
      if (n && !idn) ctx.addIssue({ code: "custom", path: [`member${i}Id`], message: "registers.errors.memberId" });
      if (idn && !n) ctx.addIssue({ code: "custom", path: [`member${i}Name`], message: "registers.errors.memberName" });
      if (idn && seen.has(idn)) ctx.addIssue({ code: "custom", path: [`member${i}Id`], message: "registers.errors.memberTwice" });
      if (idn) seen.add(idn);
    }
  });
export type FamilyCreate = z.infer<typeof familyCreateSchema>;

/** The members typed on the family form: the head first, then the filled extra slots. */
export function familyMembers(v: FamilyCreate): { name: string; idNumber: string }[] {
  const values = v as unknown as Record<string, string | undefined>;
  const extra = Array.from({ length: EXTRA_MEMBER_SLOTS }, (_, i) => ({ name: values[`member${i + 2}Name`], idNumber: values[`member${i + 2}Id`] }));
  return [{ name: v.headName, idNumber: v.headIdNumber }, ...extra.filter((m): m is { name: string; idNumber: string } => Boolean(m.name && m.idNumber))];
}

export const familyClearSchema = z.object({ intent: z.literal("clear"), id, placementId: z.coerce.number({ required_error: "registers.errors.choosePlacement", invalid_type_error: "registers.errors.choosePlacement" }).int().positive("registers.errors.choosePlacement").max(2_147_483_647, "registers.errors.choosePlacement") });

// ---- full-employment communities ----

export const communityCreateSchema = z
  .object({
    intent: z.literal("create"),
    name: z.string({ required_error: "forms.required" }).trim().min(2, "registers.errors.communityName").max(60, "forms.tooLong"),
    villageCode: z.string().trim().regex(/^\d{12}$/, "registers.errors.villageCode").optional(),
    regionCode: town,
    level: z.enum(COMMUNITY_LEVELS, { errorMap: () => ({ message: "forms.chooseOne" }) }),
    year,
    recognisedAt: day,
  })
  .superRefine((v, ctx) => {
    if (v.villageCode && !v.villageCode.startsWith(v.regionCode)) ctx.addIssue({ code: "custom", path: ["villageCode"], message: "registers.errors.villageOutsideTown" });
    if (v.recognisedAt.getUTCFullYear() !== v.year) ctx.addIssue({ code: "custom", path: ["recognisedAt"], message: "registers.errors.dateOutsideYear" });
  });
export type CommunityCreate = z.infer<typeof communityCreateSchema>;

// ---- labour-force figures and staff-entered indicator figures ----

export const labourSaveSchema = z
  .object({ intent: z.literal("save"), regionCode: region, year, month, urbanEmployed: headcount, registeredUnemployed: headcount })
  .superRefine((v, ctx) => {
    if (v.urbanEmployed + v.registeredUnemployed === 0) ctx.addIssue({ code: "custom", path: ["urbanEmployed"], message: "registers.errors.bothZero" });
    const now = new Date(Date.now() + 8 * 3_600_000);
    if (v.year === now.getUTCFullYear() && v.month <= 12 && v.month > now.getUTCMonth() + 1) ctx.addIssue({ code: "custom", path: ["month"], message: "registers.errors.futureMonth" });
  });
export type LabourSave = z.infer<typeof labourSaveSchema>;

export const figureSaveSchema = z
  .object({
    intent: z.literal("save"),
    indicatorCode: z.string({ required_error: "forms.chooseOne" }).regex(/^[a-z][a-z0-9_]{1,60}$/, "forms.chooseOne"),
    regionCode: region,
    year,
    month,
    /** A percentage for rates ("5.2" → 520 basis points), a whole number for counts: the indicator decides. */
    value: z.string({ required_error: "forms.required" }).trim().min(1, "forms.required").max(20, "registers.errors.value"),
    note: z.string().trim().max(200, "forms.tooLong").optional(),
  })
  .superRefine((v, ctx) => {
    const now = new Date(Date.now() + 8 * 3_600_000);
    if (v.year === now.getUTCFullYear() && v.month <= 12 && v.month > now.getUTCMonth() + 1) ctx.addIssue({ code: "custom", path: ["month"], message: "registers.errors.futureMonth" });
  });
export type FigureSave = z.infer<typeof figureSaveSchema>;

// ---- list URLs: a bad value falls back to the default, never an error ----

const regionParam = z.string().regex(/^\d{6}(\d{3})?$/).optional().catch(undefined);
const yearParam = z.coerce.number().int().min(2000).max(2100).catch(() => thisYear());
const pageParam = z.coerce.number().int().min(1).max(10_000).catch(1);

export const difficultyQuerySchema = z.object({ region: regionParam, year: yearParam, status: z.enum(DIFFICULTY_STATUSES).catch("open"), page: pageParam });
export type DifficultyQuery = z.infer<typeof difficultyQuerySchema>;
export const familyQuerySchema = z.object({ region: regionParam, status: z.enum(FAMILY_STATUSES).catch("all"), page: pageParam });
export type FamilyQuery = z.infer<typeof familyQuerySchema>;
export const yearQuerySchema = z.object({ region: regionParam, year: yearParam, page: pageParam });
export type YearQuery = z.infer<typeof yearQuerySchema>;
