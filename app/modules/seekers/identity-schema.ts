import { z } from "zod";

/** Staff confirming, with the ID card in front of them, that a seeker account is that person's. */
export const identityConfirmSchema = z.object({
  identifier: z.string({ required_error: "forms.required" }).trim().min(1, "forms.required").max(254, "forms.tooLong"),
  idNumber: z.string({ required_error: "forms.required" }).trim().min(1, "forms.required").max(30, "forms.tooLong"),
  cardSeen: z.literal("on", { errorMap: () => ({ message: "identity.errors.cardSeen" }) }),
});
