import { z } from "zod";
import { normalizePhone } from "../people/identity.ts";

/**
 * Form schemas shared by the browser (conform) and the server (the authority). Messages are i18n
 * keys under `forms.*`; the route translates them at the field. The password strength check
 * (zxcvbn and its lists) is server only: password-strength.server.ts, applied by the actions.
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
  .max(PASSWORD_MAX, "forms.passwordTooLong");

const code = z.string({ required_error: "forms.required" }).trim().regex(/^\d{6}$/, "forms.codeInvalid");
const role = z.enum(["seeker", "employer"], { errorMap: () => ({ message: "forms.chooseOne" }) });
const redirectTo = z.string().max(2000).optional();

/** The password must not contain the identifier (a phone number, an email's name). */
const notLikeIdentifier = (v: { identifier: string; password: string }) =>
  !v.password.toLowerCase().includes(v.identifier.trim().toLowerCase().split("@")[0] ?? "\u0000");
const likeIdentifierError = { message: "forms.passwordLikeIdentifier", path: ["password"] };

/** Sign-up, step 1: who, and where to send the code. */
export const signupStartSchema = z.object({ role, identifier, redirectTo });

/** Sign-up, step 2: the code that proves the phone or email, then the account's details. */
export const signupSchema = z
  .object({
    role,
    identifier,
    code,
    displayName: z.string({ required_error: "forms.required" }).trim().min(1, "forms.required").max(40, "forms.tooLong"),
    password: passwordField,
    redirectTo,
  })
  .refine(notLikeIdentifier, likeIdentifierError);

export const loginSchema = z.object({
  identifier,
  password: z.string({ required_error: "forms.required" }).min(1, "forms.required").max(PASSWORD_MAX, "forms.passwordTooLong"),
  redirectTo,
});

/** A code login, a reset, or the unlock step of a password login in slow mode: where to send the code. */
export const requestCodeSchema = z.object({ identifier, redirectTo });

export const verifyCodeSchema = z.object({ identifier, code, redirectTo });

export const resetSchema = z.object({ identifier, code, password: passwordField }).refine(notLikeIdentifier, likeIdentifierError);
