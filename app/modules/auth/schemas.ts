import { z } from "zod";
import { normalizePhone } from "../people/identity.ts";
import { isCommonPassword } from "./common-passwords.ts";

/**
 * Form schemas shared by the browser (conform) and the server (the authority). Messages are i18n
 * keys under `forms.*`; the route translates them at the field.
 */
export const PASSWORD_MIN = 8;
export const PASSWORD_MAX = 256;

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]{2,}$/;

export type Identifier = { type: "email"; value: string } | { type: "phone"; value: string };

export function parseIdentifier(raw: string): Identifier | null {
  const value = raw.trim();
  const phone = normalizePhone(value);
  if (phone) return { type: "phone", value: phone };
  if (EMAIL.test(value) && value.length <= 254) return { type: "email", value: value.toLowerCase() };
  return null;
}

const identifier = z
  .string({ required_error: "forms.required" })
  .trim()
  .min(1, "forms.required")
  .max(254, "forms.tooLong")
  .refine((v) => parseIdentifier(v) !== null, "forms.identifierInvalid");

export const passwordField = z
  .string({ required_error: "forms.required" })
  .min(PASSWORD_MIN, "forms.passwordTooShort")
  .max(PASSWORD_MAX, "forms.passwordTooLong")
  .refine((p) => !isCommonPassword(p), "forms.passwordCommon");

export const signupSchema = z
  .object({
    identifier,
    displayName: z.string({ required_error: "forms.required" }).trim().min(1, "forms.required").max(40, "forms.tooLong"),
    password: passwordField,
    role: z.enum(["seeker", "employer"], { errorMap: () => ({ message: "forms.chooseOne" }) }),
  })
  .refine((v) => !v.password.toLowerCase().includes(v.identifier.trim().toLowerCase().split("@")[0] ?? "\u0000"), {
    message: "forms.passwordLikeIdentifier",
    path: ["password"],
  });

export const loginSchema = z.object({
  identifier,
  password: z.string({ required_error: "forms.required" }).min(1, "forms.required").max(PASSWORD_MAX, "forms.passwordTooLong"),
  redirectTo: z.string().optional(),
});

export const requestCodeSchema = z.object({
  phone: z.string({ required_error: "forms.required" }).trim().refine((v) => normalizePhone(v) !== null, "forms.phoneInvalid"),
});

export const verifyCodeSchema = requestCodeSchema.extend({
  code: z.string({ required_error: "forms.required" }).trim().regex(/^\d{6}$/, "forms.codeInvalid"),
  redirectTo: z.string().optional(),
});
