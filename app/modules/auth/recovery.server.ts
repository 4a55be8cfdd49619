import type { z } from "zod";
import { getDb } from "../db.server.ts";
import { accountWhere, consumeCode } from "./codes.server.ts";
import { accountKey, codeRejected, targetFor, tooMany, type AccountResult } from "./accounts.server.ts";
import { hashPassword } from "./password.server.ts";
import { passwordStrengthErrors } from "./password-strength.server.ts";
import { LIMITS, clear, hit } from "./rate-limit.server.ts";
import type { resetSchema } from "./schemas.ts";
import type { Role } from "./permissions.ts";

/**
 * Forgot password, step 2 (step 1 is sendCode(…, "reset")): the code sent to the account's phone or
 * email sets a new password and ends every session the account had; the caller starts a fresh one.
 */
export async function resetPassword(input: z.infer<typeof resetSchema>, clientAddress: string): Promise<AccountResult> {
  const db = getDb();
  // Checked against the identifier only: the display name would make the answer differ for unknown accounts.
  const weak = passwordStrengthErrors(input.password, [input.identifier]);
  if (weak.length) return { ok: false, errors: { password: weak } };
  const limit = await hit(db, `code:verify:${clientAddress}`, LIMITS.codeVerifyPerAddress);
  if (!limit.allowed) return tooMany(limit.retryAfterSeconds);
  const target = targetFor(input.identifier);
  if (!(await consumeCode(db, target, "reset", input.code))) return codeRejected;
  const user = await db.user.findFirst({ where: accountWhere(target), select: { id: true, role: true } });
  if (!user) return codeRejected;
  const passwordHash = await hashPassword(input.password);
  await db.$transaction([
    db.user.update({ where: { id: user.id }, data: { passwordHash } }),
    db.session.deleteMany({ where: { userId: user.id } }),
    // Codes of other purposes issued before the reset are no longer wanted.
    db.oneTimeCode.deleteMany({ where: { targetHash: target.hash, purpose: { in: ["login", "unlock"] } } }),
  ]);
  await clear(db, `login:fail:${accountKey(target)}`);
  return { ok: true, userId: user.id, role: user.role as Role };
}
