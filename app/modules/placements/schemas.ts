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
