import { z } from "zod";
import { parseIdentifier } from "../auth/schemas.ts";
import { normalizePhone } from "../people/identity.ts";
import { CREDIT_CODE_PATTERN } from "./credit-code.ts";

/**
 * Form schemas for organizations, invitations and staff decisions, shared by the browser
 * (conform) and the server (the authority). Messages are i18n keys.
 */
export const ORGANIZATION_KINDS = ["company", "community_factory", "public_institution", "training_provider", "incubator"] as const;
export type OrganizationKind = (typeof ORGANIZATION_KINDS)[number];

/** Full-width characters, spaces and dashes are common when a code is typed on a phone. */
export function normalizeCreditCode(raw: string): string {
  return raw.normalize("NFKC").replace(/[\s-]/g, "").toUpperCase();
}

/**
 * The organization's public contact line: a landline or switchboard (0915-3212345, extension
 * allowed), a 400/800 service number, or a mobile the employer chooses to publish.
 */
export function normalizePublicPhone(raw: string): string | null {
  const value = raw.normalize("NFKC").replace(/[\s()（）]/g, "");
  const mobile = normalizePhone(value);
  if (mobile) return mobile;
  const landline = /^(0\d{2,3})-?([2-9]\d{6,7})(?:(?:-|转|ext\.?)(\d{1,6}))?$/i.exec(value);
  if (landline) return `${landline[1]}-${landline[2]}${landline[3] ? `-${landline[3]}` : ""}`;
  const service = /^([48]00)-?(\d{3})-?(\d{4})$/.exec(value);
  if (service) return `${service[1]}-${service[2]}-${service[3]}`;
  return null;
}

const text = (max: number) => z.string({ required_error: "forms.required" }).trim().min(1, "forms.required").max(max, "forms.tooLong");

const creditCode = z
  .string({ required_error: "forms.required" })
  .transform(normalizeCreditCode)
  .superRefine((code, ctx) => {
    if (code.length === 0) ctx.addIssue({ code: "custom", message: "forms.required" });
    else if (code.length !== 18) ctx.addIssue({ code: "custom", message: `organizations.creditCodeLength?count=${code.length}` });
    else if (/[IOSVZ]/.test(code)) ctx.addIssue({ code: "custom", message: "organizations.creditCodeLetters" });
    else if (!CREDIT_CODE_PATTERN.test(code)) ctx.addIssue({ code: "custom", message: "organizations.creditCodeFormat" });
  });

export const organizationSchema = z
  .object({
    name: z.string({ required_error: "forms.required" }).trim().min(2, "organizations.nameTooShort").max(100, "forms.tooLong"),
    creditCode,
    kind: z.enum(ORGANIZATION_KINDS, { errorMap: () => ({ message: "forms.chooseOne" }) }),
    industryCode: z.string().regex(/^[a-z_]{1,40}$/, "forms.chooseOne").optional(),
    countyCode: z.string({ required_error: "organizations.chooseCounty" }).regex(/^\d{6}$/, "organizations.chooseCounty"),
    townCode: z.string().regex(/^\d{9}$/, "forms.chooseOne").optional(),
    address: text(200),
    contactName: text(40),
    contactPhone: z
      .string({ required_error: "forms.required" })
      .max(40, "organizations.phoneInvalid")
      .refine((v) => normalizePublicPhone(v) !== null, "organizations.phoneInvalid")
      .transform((v) => normalizePublicPhone(v) ?? v),
    description: z.string().trim().max(2000, "forms.tooLong").optional(),
  })
  .refine((v) => !v.townCode || v.townCode.startsWith(v.countyCode), { message: "organizations.townNotInCounty", path: ["townCode"] });

export type OrganizationInput = z.infer<typeof organizationSchema>;

export const inviteSchema = z.object({
  identifier: z
    .string({ required_error: "forms.required" })
    .trim()
    .min(1, "forms.required")
    .max(254, "forms.tooLong")
    .refine((v) => parseIdentifier(v) !== null, "forms.identifierInvalid"),
});

/** A staff decision on one organization; a rejection needs a reason the employer will read. */
export const decisionSchema = z
  .object({
    intent: z.enum(["verify", "reject"], { errorMap: () => ({ message: "forms.chooseOne" }) }),
    id: z.coerce.number({ invalid_type_error: "forms.invalid" }).int().positive(),
    reason: z.string().trim().max(500, "forms.tooLong").optional(),
  })
  .refine((v) => v.intent !== "reject" || Boolean(v.reason), { message: "organizations.reasonRequired", path: ["reason"] });

export type Decision = z.infer<typeof decisionSchema>;
