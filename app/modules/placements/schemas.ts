import { z } from "zod";

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
  page: z.coerce.number().int().min(1).max(10_000).catch(1),
});
export type StaffPlacementQuery = z.infer<typeof staffPlacementQuerySchema>;

/** A staff decision on one placement; a rejection needs a reason. Verifying may correct the kind. */
export const placementDecisionSchema = z
  .object({
    intent: z.enum(["verify", "reject"], { errorMap: () => ({ message: "forms.chooseOne" }) }),
    id: z.coerce.number({ invalid_type_error: "forms.invalid" }).int().positive(),
    kind: z.enum(PLACEMENT_KINDS, { errorMap: () => ({ message: "forms.chooseOne" }) }).optional(),
    reason: z.string().trim().max(500, "forms.tooLong").optional(),
  })
  .refine((v) => v.intent !== "reject" || Boolean(v.reason), { message: "placements.errors.reasonRequired", path: ["reason"] });
export type PlacementDecision = z.infer<typeof placementDecisionSchema>;
