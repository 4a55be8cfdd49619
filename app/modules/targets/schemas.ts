import { z } from "zod";

/** The largest count target a form accepts (Henan's five-year figure is 5,000,000). */
export const MAX_COUNT = 100_000_000;

/** Rates are stored in basis points (400 = 4.00%) and typed as percentages (4 or 4.5). */
export const isRate = (indicator: { unit: string }) => indicator.unit === "percent";

/**
 * Only counts toward a target are split among the areas below: a rate or a must-stay-zero
 * indicator is a bound each area keeps on its own, so parts need not add up.
 */
export const isSplit = (indicator: { type: string; unit: string }) => indicator.type === "count" && !isRate(indicator);

/** The input name of one target on the page: indicator and region. */
export const cellName = (indicatorId: number, regionCode: string) => `v.${indicatorId}.${regionCode}`;

/** A stored value as the form shows it: basis points as a percentage, counts as they are. */
export function formatCell(unit: string, value: number | null): string {
  if (value === null) return "";
  return unit === "percent" ? String(value / 100) : String(value);
}

/** "1,200", "１２００" and "1 200" are all 1200; "4.5%" is 4.5. */
const normalize = (raw: string) => raw.normalize("NFKC").replace(/[\s,，]/g, "");

/**
 * One typed target. Empty (undefined after conform) means no figure; otherwise a whole number for
 * counts, a percentage with at most two decimals for rates (returned in basis points).
 */
export function targetCell(unit: string) {
  return z
    .string()
    .optional()
    .transform((raw, ctx): number | undefined => {
      if (raw === undefined) return undefined;
      const text = normalize(raw);
      if (text === "") return undefined;
      const fail = (message: string) => {
        ctx.addIssue({ code: z.ZodIssueCode.custom, message });
        return z.NEVER;
      };
      if (unit === "percent") {
        const s = text.replace(/%$/, "");
        if (!/^[+-]?(\d+\.?\d*|\.\d+)$/.test(s)) return fail("targets.errors.notPercent");
        if (s.startsWith("-") && Number(s) !== 0) return fail("targets.errors.negative");
        if ((s.split(".")[1] ?? "").length > 2) return fail("targets.errors.percentDecimals");
        const value = Math.round(Number(s) * 100);
        if (value > 10_000) return fail("targets.errors.percentRange");
        return value;
      }
      if (/^[+-]?\d*\.\d+$/.test(text) || /^[+-]?\d+\.\d*$/.test(text)) {
        return fail(text.startsWith("-") ? "targets.errors.negative" : "targets.errors.wholeNumber");
      }
      if (!/^[+-]?\d+$/.test(text)) return fail("targets.errors.notNumber");
      if (text.startsWith("-") && /[1-9]/.test(text)) return fail("targets.errors.negative");
      const value = Number(text.replace(/^[+-]/, ""));
      if (value > MAX_COUNT) return fail("targets.errors.tooLarge");
      return value;
    });
}

export type TargetIntent = { kind: "save"; indicatorId: number | null } | { kind: "even" | "share"; indicatorId: number };

/** The button pressed: save everything, save one indicator, or fill one indicator's parts. */
const intentSchema = z
  .string({ required_error: "forms.invalid" })
  .regex(/^(save|save:\d{1,9}|even:\d{1,9}|share:\d{1,9})$/, "forms.invalid")
  .transform((v): TargetIntent => {
    const [kind, id] = v.split(":") as ["save" | "even" | "share", string | undefined];
    if (kind === "save") return { kind, indicatorId: id ? Number(id) : null };
    return { kind, indicatorId: Number(id) };
  });

/**
 * The targets form for one page: every indicator × every region shown (the region's own figure
 * and its children's). Built from the page's data, so client and server check the same fields.
 */
export function targetFormSchema(indicators: readonly { id: number; unit: string }[], regionCodes: readonly string[]) {
  return z.object({
    intent: intentSchema,
    v: z
      .object(Object.fromEntries(indicators.map((i) => [String(i.id), z.object(Object.fromEntries(regionCodes.map((code) => [code, targetCell(i.unit)]))).optional()])))
      .optional(),
  });
}
export type TargetForm = z.infer<ReturnType<typeof targetFormSchema>>;

/**
 * The schema for one submission: a button for one indicator (save it, or split it) checks only
 * that indicator's boxes, so a slip elsewhere on the page does not hold it up.
 */
export function submissionSchema(indicators: readonly { id: number; unit: string }[], regionCodes: readonly string[], formData: FormData) {
  const one = /^(?:save|even|share):(\d{1,9})$/.exec(String(formData.get("intent") ?? ""));
  const only = one ? indicators.filter((i) => i.id === Number(one[1])) : [];
  return targetFormSchema(only.length ? only : indicators, regionCodes);
}

const regionCode = z.string().regex(/^\d{6}(\d{3})?$/).optional().catch(undefined);

/** The page's URL: a bad value falls back to the default, never an error. */
export function targetsQuerySchema(now = new Date()) {
  return z.object({
    region: regionCode,
    year: z.coerce.number().int().min(2000).max(2100).catch(new Date(now.getTime() + 8 * 3_600_000).getUTCFullYear()),
    plan: z.string().regex(/^[a-z0-9-]{3,60}$/).optional().catch(undefined),
  });
}
export type TargetsQuery = z.infer<ReturnType<typeof targetsQuerySchema>>;
