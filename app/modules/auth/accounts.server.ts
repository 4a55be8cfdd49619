import { randomInt } from "node:crypto";
import type { z } from "zod";
import { getDb } from "../db.server.ts";
import { maskPhone, normalizePhone } from "../people/identity.ts";
import { encrypt, lookupHash, sha256 } from "../security/secrets.server.ts";
import { dummyHash, hashPassword, verifyPassword } from "./password.server.ts";
import { LIMITS, clear, hit } from "./rate-limit.server.ts";
import { parseIdentifier, type loginSchema, type signupSchema } from "./schemas.ts";
import type { Role } from "./permissions.ts";
import { getSmsSender } from "./sms.server.ts";

/** Field errors are i18n keys; `form` is for errors not tied to one field. */
export type FieldErrors = Partial<Record<string, string>> & { form?: string };
export type AccountResult = { ok: true; userId: number; role: Role } | { ok: false; errors: FieldErrors; retryAfterSeconds?: number };

function identityColumns(identifier: string) {
  const parsed = parseIdentifier(identifier);
  if (!parsed) throw new Error("identifier was validated by the schema");
  return parsed.type === "email"
    ? { where: { email: parsed.value }, data: { email: parsed.value }, key: `email:${parsed.value}` }
    : {
        where: { phoneHash: lookupHash("phone", parsed.value) },
        data: { phoneHash: lookupHash("phone", parsed.value), phoneEnc: encrypt(parsed.value), phoneMasked: maskPhone(parsed.value) },
        key: `phone:${lookupHash("phone", parsed.value)}`,
      };
}

export async function signUp(input: z.infer<typeof signupSchema>, clientAddress: string): Promise<AccountResult> {
  const db = getDb();
  const limit = await hit(db, `signup:addr:${clientAddress}`, LIMITS.signupPerAddress);
  if (!limit.allowed) return { ok: false, errors: { form: "auth.tooManyAttempts" }, retryAfterSeconds: limit.retryAfterSeconds };
  const identity = identityColumns(input.identifier);
  if (await db.user.findFirst({ where: identity.where, select: { id: true } })) {
    return { ok: false, errors: { identifier: "auth.identifierTaken" } };
  }
  const user = await db.user.create({
    data: { ...identity.data, passwordHash: await hashPassword(input.password), role: input.role, displayName: input.displayName },
  });
  return { ok: true, userId: user.id, role: input.role };
}

/**
 * Checks a password login. Limits attempts per address and per account; the same message for an
 * unknown account and a wrong password, and the same work (a hash check) for both.
 */
export async function logIn(input: z.infer<typeof loginSchema>, clientAddress: string): Promise<AccountResult> {
  const db = getDb();
  const identity = identityColumns(input.identifier);
  const accountKey = `login:acct:${sha256(identity.key)}`;
  for (const [key, limit] of [[`login:addr:${clientAddress}`, LIMITS.loginPerAddress], [accountKey, LIMITS.loginPerAccount]] as const) {
    const result = await hit(db, key, limit);
    if (!result.allowed) return { ok: false, errors: { form: "auth.tooManyAttempts" }, retryAfterSeconds: result.retryAfterSeconds };
  }
  const user = await db.user.findFirst({ where: identity.where, select: { id: true, passwordHash: true, role: true } });
  const valid = await verifyPassword(user?.passwordHash ?? (await dummyHash()), input.password);
  if (!user || !valid) return { ok: false, errors: { form: "auth.badCredentials" } };
  await clear(db, accountKey);
  return { ok: true, userId: user.id, role: user.role as Role };
}

const CODE_TTL_MS = 5 * 60_000;
const CODE_MAX_ATTEMPTS = 5;

/** Sends a login code by SMS when the phone has an account; says nothing either way. */
export async function requestLoginCode(rawPhone: string): Promise<{ ok: true } | { ok: false; retryAfterSeconds: number }> {
  const phone = normalizePhone(rawPhone);
  if (!phone) return { ok: true };
  const db = getDb();
  const phoneHash = lookupHash("phone", phone);
  const limit = await hit(db, `code:${phoneHash}`, LIMITS.codePerPhone);
  if (!limit.allowed) return { ok: false, retryAfterSeconds: limit.retryAfterSeconds };
  if (!(await db.user.findUnique({ where: { phoneHash }, select: { id: true } }))) return { ok: true };
  const code = String(randomInt(0, 1_000_000)).padStart(6, "0");
  await db.oneTimeCode.create({ data: { targetHash: phoneHash, codeHash: sha256(`${phoneHash}:${code}`), purpose: "login", expiresAt: new Date(Date.now() + CODE_TTL_MS) } });
  await getSmsSender().send(phone, `【安康就业】您的登录验证码是 ${code}，5 分钟内有效。`);
  return { ok: true };
}

export async function verifyLoginCode(rawPhone: string, code: string): Promise<AccountResult> {
  const phone = normalizePhone(rawPhone);
  if (!phone) return { ok: false, errors: { phone: "forms.phoneInvalid" } };
  const db = getDb();
  const phoneHash = lookupHash("phone", phone);
  const pending = await db.oneTimeCode.findFirst({
    where: { targetHash: phoneHash, purpose: "login", usedAt: null, expiresAt: { gt: new Date() } },
    orderBy: { id: "desc" },
  });
  if (!pending || pending.attempts >= CODE_MAX_ATTEMPTS) return { ok: false, errors: { code: "auth.codeExpired" } };
  if (pending.codeHash !== sha256(`${phoneHash}:${code}`)) {
    await db.oneTimeCode.update({ where: { id: pending.id }, data: { attempts: { increment: 1 } } });
    return { ok: false, errors: { code: "auth.codeWrong" } };
  }
  await db.oneTimeCode.update({ where: { id: pending.id }, data: { usedAt: new Date() } });
  const user = await db.user.findUnique({ where: { phoneHash }, select: { id: true, role: true } });
  return user ? { ok: true, userId: user.id, role: user.role as Role } : { ok: false, errors: { code: "auth.codeExpired" } };
}
