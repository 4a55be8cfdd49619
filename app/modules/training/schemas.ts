import { z } from "zod";

/**
 * Enrolment forms, shared by the browser (conform) and the server (the authority). Messages are
 * i18n keys.
 */
export const ENROLMENT_STATUSES = ["enrolled", "completed", "not_completed", "withdrawn"] as const;
export type EnrolmentStatus = (typeof ENROLMENT_STATUSES)[number];

export const NAME_MAX = 40;
export const NOTE_MAX = 200;
export const CERTIFICATE_NUMBER_MAX = 40;

const checkbox = z
  .literal("on", { errorMap: () => ({ message: "forms.required" }) })
  .optional()
  .transform((v) => v === "on");

export const enrolSchema = z.object({
  name: z.string({ required_error: "training.errors.nameRequired" }).trim().min(1, "training.errors.nameRequired").max(NAME_MAX, "forms.tooLong"),
  subsidy: checkbox,
});
export type EnrolInput = z.infer<typeof enrolSchema>;

const hours = z.coerce
  .number({ invalid_type_error: "training.errors.hoursNumber" })
  .int("training.errors.hoursNumber")
  .min(0, "training.errors.hoursNumber")
  .max(10_000, "training.errors.hoursNumber");

export const outcomeSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("attendance"), hours }),
  z.object({
    intent: z.literal("complete"),
    withCertificate: checkbox,
    certificateNumber: z.string().trim().max(CERTIFICATE_NUMBER_MAX, "forms.tooLong").optional(),
  }),
  z.object({ intent: z.literal("not_completed"), note: z.string().trim().max(NOTE_MAX, "forms.tooLong").optional() }),
]);
export type OutcomeInput = z.infer<typeof outcomeSchema>;
