import { createHmac, randomInt, timingSafeEqual } from "node:crypto";
import type { Language } from "../../i18n/i18n.ts";
import { createI18n } from "../../i18n/i18n.server.ts";
import type { Db } from "../db.server.ts";
import { deriveKey, lookupHash } from "../security/secrets.server.ts";
import { getEmailSender } from "./mail.server.ts";
import type { Identifier } from "./schemas.ts";
import { getSmsSender } from "./sms.server.ts";

/**
 * One-time codes sent to a phone or an email: stored as a keyed hash, compared in constant time,
 * single use, at most CODE_MAX_ATTEMPTS tries, CODE_TTL_MS to live, and only the newest code of a
 * target and purpose is alive.
 */
export type CodePurpose = "login" | "reset" | "signup" | "unlock";
export const CODE_TTL_MS = 10 * 60_000;
export const CODE_MAX_ATTEMPTS = 5;

export interface Target {
  type: "phone" | "email";
  /** The normalized phone or lower-cased email (never stored). */
  value: string;
  /** lookupHash("phone", phone) or lookupHash("email", email): OneTimeCode.targetHash. */
  hash: string;
}

export function targetOf(identifier: Identifier): Target {
  return { type: identifier.type, value: identifier.value, hash: lookupHash(identifier.type, identifier.value) };
}

/** The account a target names (a phone's hash or an email), or null. */
export function accountWhere(target: Target) {
  return target.type === "email" ? { email: target.value } : { phoneHash: target.hash };
}

function digest(target: Target, purpose: CodePurpose, code: string): Buffer {
  return createHmac("sha256", deriveKey("lookup-hash")).update(`otp:${purpose}:${target.hash}:${code}`).digest();
}

/** Makes a new code, replacing any earlier one for the same target and purpose. The caller decides whether to send it. */
export async function issueCode(db: Db, target: Target, purpose: CodePurpose, now = new Date()): Promise<string> {
  const code = String(randomInt(0, 1_000_000)).padStart(6, "0");
  await db.$transaction([
    db.oneTimeCode.deleteMany({ where: { targetHash: target.hash, purpose } }),
    db.oneTimeCode.create({
      data: { targetHash: target.hash, purpose, codeHash: digest(target, purpose, code).toString("hex"), expiresAt: new Date(now.getTime() + CODE_TTL_MS) },
    }),
  ]);
  return code;
}

/** True once for the right code while it is alive; a wrong code uses up one of its attempts. */
export async function consumeCode(db: Db, target: Target, purpose: CodePurpose, code: string, now = new Date()): Promise<boolean> {
  const live = await db.oneTimeCode.findFirst({
    where: { targetHash: target.hash, purpose, usedAt: null, expiresAt: { gt: now } },
    orderBy: { id: "desc" },
  });
  const given = digest(target, purpose, /^\d{6}$/.test(code) ? code : "-");
  if (!live) return false;
  // Each try is taken before the comparison, conditionally: guesses sent at once cannot all pass
  // the attempts check on the same read.
  const tried = await db.oneTimeCode.updateMany({ where: { id: live.id, usedAt: null, attempts: { lt: CODE_MAX_ATTEMPTS } }, data: { attempts: { increment: 1 } } });
  if (tried.count !== 1) return false;
  const stored = Buffer.from(live.codeHash, "hex");
  if (stored.length !== given.length || !timingSafeEqual(stored, given)) return false;
  // Conditional on still unused, so two requests racing with the same code cannot both pass.
  const { count } = await db.oneTimeCode.updateMany({ where: { id: live.id, usedAt: null }, data: { usedAt: now } });
  return count === 1;
}

export type MessageKind = "loginCode" | "resetCode" | "signupCode" | "unlockCode" | "signupExists";

const pending = new Set<Promise<void>>();

/**
 * Sends a message in the reader's language without making the request wait for the gateway, so an
 * answer takes as long whether a message went out or not (and a slow SMTP server cannot be timed).
 */
export function deliver(target: Target, kind: MessageKind, lng: Language, params: { code?: string } = {}) {
  const t = createI18n(lng).t;
  const vars = { ...params, minutes: CODE_TTL_MS / 60_000 };
  const text = t(`authMessages.${kind}.text`, vars);
  const sending =
    target.type === "phone"
      ? getSmsSender().send(target.value, `${t("authMessages.smsSign")}${text}`)
      : getEmailSender().send({ to: target.value, subject: t(`authMessages.${kind}.subject`, vars), text: `${text}\n\n${t("authMessages.mailFooter")}` });
  const tracked = sending
    .catch((error: unknown) => console.error(`[messages] ${kind} to a ${target.type} could not be sent: ${error instanceof Error ? error.message : String(error)}`))
    .finally(() => pending.delete(tracked));
  pending.add(tracked);
}

/** For tests: waits until every message handed to deliver() has been sent or has failed. */
export async function flushMessages() {
  while (pending.size) await Promise.all([...pending]);
}
