import type { z } from "zod";
import type { Language } from "../../i18n/i18n.ts";
import { getDb, type Db } from "../db.server.ts";
import { maskPhone } from "../people/identity.ts";
import { encrypt, sha256 } from "../security/secrets.server.ts";
import { accountWhere, consumeCode, deliver, issueCode, targetOf, type CodePurpose, type Target } from "./codes.server.ts";
import { dummyHash, hashPassword, verifyPassword } from "./password.server.ts";
import { passwordStrengthErrors } from "./password-strength.server.ts";
import { LIMITS, clear, count, hit, hitAll } from "./rate-limit.server.ts";
import { parseIdentifier, type loginSchema, type signupSchema, type signupStartSchema, type verifyCodeSchema } from "./schemas.ts";
import type { Role } from "./permissions.ts";

/** Field errors are i18n keys (a field may have several); `form` is for errors not tied to one field. */
export type FieldErrors = Partial<Record<string, string | string[]>> & { form?: string };
export type Failure = { ok: false; errors: FieldErrors; retryAfterSeconds?: number };
export type AccountResult = { ok: true; userId: number; role: Role } | Failure;
/** A step that sent (or, for unknown accounts, pretended to send) a code: the page asks for it next. */
export type CodeStep = { ok: true; step: "code" } | Failure;

export const tooMany = (retryAfterSeconds: number): Failure => ({ ok: false, errors: { form: "auth.tooManyAttempts" }, retryAfterSeconds });
/** One answer for a wrong, used, expired or never-sent code, so no answer tells which. */
export const codeRejected: Failure = { ok: false, errors: { code: "auth.codeRejected" } };

export function targetFor(identifier: string): Target {
  const parsed = parseIdentifier(identifier);
  if (!parsed) throw new Error("identifier was validated by the schema");
  return targetOf(parsed);
}

/** Rate-limit keys never hold a phone or an email in the clear. */
export const accountKey = (target: Target) => sha256(`${target.type}:${target.hash}`);

/**
 * Sends a code for `purpose` to the target when it names an account (or, for sign-up, when it does
 * not); otherwise does the same work, stores a code nobody receives, and answers the same.
 */
export async function sendCode(target: Target, purpose: Exclude<CodePurpose, "unlock">, lng: Language, clientAddress: string): Promise<CodeStep> {
  const db = getDb();
  const acct = accountKey(target);
  const limit = await hitAll(db, [
    [`code:addr:${clientAddress}`, LIMITS.codeSendPerAddress],
    [`code:pair:${sha256(`${acct}:${clientAddress}`)}`, LIMITS.codeSendPerPair],
    [`code:${purpose}:${acct}`, LIMITS.codeSendPerTarget],
  ]);
  if (!limit.allowed) return tooMany(limit.retryAfterSeconds);
  const exists = (await db.user.findFirst({ where: accountWhere(target), select: { id: true } })) !== null;
  const code = await issueCode(db, target, purpose);
  if (purpose === "signup") deliver(target, exists ? "signupExists" : "signupCode", lng, exists ? {} : { code });
  else if (exists) deliver(target, purpose === "login" ? "loginCode" : "resetCode", lng, { code });
  return { ok: true, step: "code" };
}

/** Sign-up, step 1: the same answer whether or not the phone or email already has an account. */
export async function startSignup(input: z.infer<typeof signupStartSchema>, lng: Language, clientAddress: string): Promise<CodeStep> {
  const limit = await hit(getDb(), `signup:addr:${clientAddress}`, LIMITS.signupPerAddress);
  if (!limit.allowed) return tooMany(limit.retryAfterSeconds);
  return sendCode(targetFor(input.identifier), "signup", lng, clientAddress);
}

async function verifyLimited(db: Db, clientAddress: string): Promise<Failure | null> {
  const limit = await hit(db, `code:verify:${clientAddress}`, LIMITS.codeVerifyPerAddress);
  return limit.allowed ? null : tooMany(limit.retryAfterSeconds);
}

/** Sign-up, step 2: the account exists only once the code that was sent to its phone or email is back. */
export async function signUp(input: z.infer<typeof signupSchema>, clientAddress: string): Promise<AccountResult> {
  const db = getDb();
  const weak = passwordStrengthErrors(input.password, [input.identifier, input.displayName]);
  if (weak.length) return { ok: false, errors: { password: weak } };
  const refused = await verifyLimited(db, clientAddress);
  if (refused) return refused;
  const target = targetFor(input.identifier);
  if (!(await consumeCode(db, target, "signup", input.code))) return codeRejected;
  const identity =
    target.type === "email" ? { email: target.value } : { phoneHash: target.hash, phoneEnc: encrypt(target.value), phoneMasked: maskPhone(target.value) };
  try {
    const user = await db.user.create({
      data: { ...identity, passwordHash: await hashPassword(input.password), role: input.role, displayName: input.displayName },
    });
    return { ok: true, userId: user.id, role: input.role };
  } catch (error) {
    // The account came into being meanwhile (its code was never sent to anyone): the usual answer.
    if ((error as { code?: string } | null)?.code === "P2002") return codeRejected;
    throw error;
  }
}

export type LoginResult = AccountResult | (Failure & { needsCode: true });

/**
 * A password login. Guesses are limited per address and per account+address; failures on an
 * account from anywhere put it in slow mode, where even the right password only sends a code to
 * the account's own phone or email. Unknown accounts, wrong passwords and right ones take the same
 * work (a hash check) and, in slow mode, get the same answer.
 */
export async function logIn(input: z.infer<typeof loginSchema>, clientAddress: string, lng: Language = "zh-CN"): Promise<LoginResult> {
  const db = getDb();
  const target = targetFor(input.identifier);
  const acct = accountKey(target);
  const limit = await hitAll(db, [
    [`login:addr:${clientAddress}`, LIMITS.loginPerAddress],
    [`login:pair:${sha256(`${acct}:${clientAddress}`)}`, LIMITS.loginPerPair],
  ]);
  if (!limit.allowed) return tooMany(limit.retryAfterSeconds);
  const user = await db.user.findFirst({ where: accountWhere(target), select: { id: true, passwordHash: true, role: true } });
  const valid = await verifyPassword(user?.passwordHash ?? (await dummyHash()), input.password);
  const slow = (await count(db, `login:fail:${acct}`, LIMITS.accountFailures)) >= LIMITS.accountFailures.max;
  if (!user || !valid) await hit(db, `login:fail:${acct}`, LIMITS.accountFailures);
  if (slow) {
    // Only the right password sends a code; past the budget the code already sent stays the live one.
    if (user && valid && (await hit(db, `code:unlock:${acct}`, LIMITS.codeSendPerTarget)).allowed) {
      deliver(target, "unlockCode", lng, { code: await issueCode(db, target, "unlock") });
    }
    return { ok: false, errors: { form: "auth.unlockCodeSent" }, needsCode: true };
  }
  if (!user || !valid) return { ok: false, errors: { form: "auth.badCredentials" } };
  await clear(db, `login:fail:${acct}`);
  return { ok: true, userId: user.id, role: user.role as Role };
}

/** Logs in with a code sent to the account (a code login, or the unlock step of a password login in slow mode). */
export async function logInWithCode(input: z.infer<typeof verifyCodeSchema>, purpose: "login" | "unlock", clientAddress: string): Promise<AccountResult> {
  const db = getDb();
  const refused = await verifyLimited(db, clientAddress);
  if (refused) return refused;
  const target = targetFor(input.identifier);
  if (!(await consumeCode(db, target, purpose, input.code))) return codeRejected;
  const user = await db.user.findFirst({ where: accountWhere(target), select: { id: true, role: true } });
  if (!user) return codeRejected;
  // The owner proved they hold the phone or email: slow mode is over for them.
  await clear(db, `login:fail:${accountKey(target)}`);
  return { ok: true, userId: user.id, role: user.role as Role };
}
