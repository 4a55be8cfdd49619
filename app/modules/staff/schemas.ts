import { z } from "zod";
import { parseIdentifier, passwordField } from "../auth/schemas.ts";

/** An admin creates a staff account with a region scope (a city, county or town code). */
export const staffAccountSchema = z.object({
  email: z
    .string({ required_error: "forms.required" })
    .trim()
    .min(1, "forms.required")
    .max(254, "forms.tooLong")
    .refine((v) => parseIdentifier(v)?.type === "email", "staffAccounts.emailInvalid")
    .transform((v) => v.toLowerCase()),
  displayName: z.string({ required_error: "forms.required" }).trim().min(1, "forms.required").max(40, "forms.tooLong"),
  regionCode: z.string({ required_error: "staffAccounts.chooseScope" }).regex(/^\d{6}(\d{3})?$/, "staffAccounts.chooseScope"),
  password: passwordField,
});

export type StaffAccountInput = z.infer<typeof staffAccountSchema>;

export const auditQuerySchema = z.object({
  type: z.string().regex(/^[a-z_]{1,40}$/).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(10_000).catch(1),
});
