import { z } from "zod";
import { PLACEMENT_KINDS } from "../placements/schemas.ts";
import { PROFILE_GROUPS, RETURNEE_KINDS } from "../seekers/profile-schema.ts";

export const INDICATOR_UNITS = ["person", "family", "community", "post", "percent"] as const;
export const INDICATOR_TYPES = ["count", "rate_cap", "rate_floor", "zero"] as const;
export const INDICATOR_METHODS = ["placements", "postings", "register", "manual"] as const;
export const REGISTER_FORMULAS = ["difficulty_assistance", "zero_families_uncleared", "registered_unemployment", "full_employment_communities"] as const;

export type IndicatorType = (typeof INDICATOR_TYPES)[number];
export type IndicatorMethod = (typeof INDICATOR_METHODS)[number];

/** Which verified placements an indicator counts: every listed condition must hold. */
export const placementRuleSchema = z
  .object({
    kinds: z.array(z.enum(PLACEMENT_KINDS)).min(1).optional(),
    excludeKinds: z.array(z.enum(PLACEMENT_KINDS)).min(1).optional(),
    groups: z.array(z.enum(PROFILE_GROUPS)).min(1).optional(),
    returneeKinds: z.array(z.enum(RETURNEE_KINDS)).min(1).optional(),
    /** Employment after training: a start linked to a completed course within six months, or recorded as such. */
    afterTraining: z.literal(true).optional(),
  })
  .strict();
export type PlacementRule = z.infer<typeof placementRuleSchema>;

const postingRuleSchema = z.object({ postingKinds: z.array(z.enum(["job", "internship", "gig"])).min(1) }).strict();
const registerRuleSchema = z.object({ formula: z.enum(REGISTER_FORMULAS) }).strict();
const manualRuleSchema = z.object({}).strict();

const base = {
  code: z.string().regex(/^[a-z][a-z0-9_]{1,60}$/),
  nameZh: z.string().min(1).max(100),
  nameEn: z.string().min(1).max(160),
  unit: z.enum(INDICATOR_UNITS),
  type: z.enum(INDICATOR_TYPES),
  /** As the document states it; rates in basis points (400 = 4.00%). */
  planTarget: z.number().int().min(0).optional(),
};

export const indicatorDefinitionSchema = z.discriminatedUnion("method", [
  z.object({ ...base, method: z.literal("placements"), rule: placementRuleSchema }),
  z.object({ ...base, method: z.literal("postings"), rule: postingRuleSchema }),
  z.object({ ...base, method: z.literal("register"), rule: registerRuleSchema }),
  z.object({ ...base, method: z.literal("manual"), rule: manualRuleSchema }),
]);
export type IndicatorDefinition = z.infer<typeof indicatorDefinitionSchema>;

/** A plan file under prisma/seed/plans: any region's plan loads the same way. */
export const planFileSchema = z
  .object({
    code: z.string().regex(/^[a-z0-9-]{3,60}$/),
    nameZh: z.string().min(1).max(120),
    nameEn: z.string().min(1).max(200),
    regionCode: z.string().regex(/^\d{6}$/),
    startYear: z.number().int().min(2000).max(2100),
    endYear: z.number().int().min(2000).max(2100),
    document: z.string().max(200).optional(),
    indicators: z.array(indicatorDefinitionSchema).min(1),
  })
  .superRefine((plan, ctx) => {
    if (plan.endYear < plan.startYear) ctx.addIssue({ code: "custom", path: ["endYear"], message: "endYear before startYear" });
    const codes = plan.indicators.map((i) => i.code);
    const dup = codes.find((c, i) => codes.indexOf(c) !== i);
    if (dup) ctx.addIssue({ code: "custom", path: ["indicators"], message: `indicator ${dup} appears twice` });
    plan.indicators.forEach((indicator, i) => {
      const isRate = indicator.type === "rate_cap" || indicator.type === "rate_floor";
      if (isRate !== (indicator.unit === "percent")) ctx.addIssue({ code: "custom", path: ["indicators", i, "unit"], message: "rates, and only rates, are in percent" });
    });
  });
export type PlanFile = z.infer<typeof planFileSchema>;

/** What the counting needs to know of a placement. */
export interface CountablePlacement {
  kind: string;
  groups: readonly string[];
  returneeKind: string | null;
  /** Linked to a completed training enrolment (app/modules/training/after-training.server.ts). */
  afterTraining?: boolean;
}

export function qualifies(rule: PlacementRule, placement: CountablePlacement): boolean {
  if (rule.kinds && !(rule.kinds as readonly string[]).includes(placement.kind)) return false;
  if (rule.excludeKinds && (rule.excludeKinds as readonly string[]).includes(placement.kind)) return false;
  if (rule.groups && !rule.groups.some((g) => placement.groups.includes(g))) return false;
  if (rule.afterTraining && !(placement.afterTraining || placement.kind === "after_training")) return false;
  if (rule.returneeKinds && !(placement.returneeKind && (rule.returneeKinds as readonly string[]).includes(placement.returneeKind))) return false;
  return true;
}

export const CONTINUITIES = ["new_employer", "new_business", "back_from_unemployment", "renewal"] as const;
export type Continuity = (typeof CONTINUITIES)[number];

export interface DatedPlacement extends CountablePlacement {
  id: number;
  startDate: Date;
  continuity: string;
  /** Who the person worked for: the organization id, else the employer's name. */
  employerKey: string;
}

/**
 * Is this a real start? A contract renewal never is. After an earlier placement of the same
 * person, only a new employer, a new business or a return from registered unemployment is.
 */
export function isRealStart(placement: DatedPlacement, previous: DatedPlacement | undefined): boolean {
  if (placement.continuity === "renewal") return false;
  if (!previous) return true;
  if (placement.continuity === "new_business" || placement.continuity === "back_from_unemployment") return true;
  return placement.employerKey !== previous.employerKey;
}

/** The calendar year and month of a start day (stored as UTC midnight of the China day). */
export function yearMonth(day: Date): { year: number; month: number } {
  return { year: day.getUTCFullYear(), month: day.getUTCMonth() + 1 };
}

/**
 * The credits one person earns, given all of their verified placements: for each indicator and
 * year, the first real start in that year that the indicator counts. At most one per pair.
 */
export function creditsFor(
  placements: readonly DatedPlacement[],
  indicators: readonly { id: number; rule: PlacementRule; startYear: number; endYear: number }[],
): { indicatorId: number; year: number; month: number; placementId: number }[] {
  const ordered = [...placements].sort((a, b) => a.startDate.getTime() - b.startDate.getTime() || a.id - b.id);
  const credits = new Map<string, { indicatorId: number; year: number; month: number; placementId: number }>();
  ordered.forEach((placement, i) => {
    if (!isRealStart(placement, ordered[i - 1])) return;
    const { year, month } = yearMonth(placement.startDate);
    for (const indicator of indicators) {
      if (year < indicator.startYear || year > indicator.endYear) continue;
      const key = `${indicator.id}:${year}`;
      if (credits.has(key) || !qualifies(indicator.rule, placement)) continue;
      credits.set(key, { indicatorId: indicator.id, year, month, placementId: placement.id });
    }
  });
  return [...credits.values()];
}
