import { getEnv } from "../../env.server.ts";
import { createI18n } from "../../i18n/i18n.server.ts";
import { hit, type Limit } from "../auth/rate-limit.server.ts";
import { getDb } from "../db.server.ts";
import { afterMessageWrite, enqueueMessages } from "../messages/outbox.server.ts";
import { getRegions } from "../regions/regions.server.ts";
import { lookupHash } from "../security/secrets.server.ts";
import { AlertLimitError, alertMail, confirmAlert, createEmailAlert, emailOf, searchOf } from "./alerts.server.ts";
import type { Frequency } from "./codes.ts";
import { describeSearch } from "./describe.server.ts";
import { nextRunAfter } from "./schedule.ts";
import { emailAlertFormSchema, manageFormSchema } from "./schemas.ts";

/**
 * The pages of an alert without an account: saving one from the results, its confirmation link and
 * its manage link. The token in the links is the only proof: only the address's mailbox has it.
 */

/** An unconfirmed alert is removed after this long (its link stops working). */
export const UNCONFIRMED_DAYS = 3;

export const EMAIL_ALERT_LIMITS = {
  // One network saving alerts for many addresses; and one address getting mail from many saves.
  perClient: { max: 20, windowMs: 60 * 60_000 },
  perEmail: { max: 5, windowMs: 60 * 60_000 },
} as const satisfies Record<string, Limit>;

type Values = Record<string, unknown>;
export type EmailAlertFormResult = { ok: true } | { ok: false; errors: Record<string, string[]>; values: Values };

function fieldErrors(issues: { path: (string | number)[]; message: string }[]): Record<string, string[]> {
  const errors: Record<string, string[]> = {};
  for (const issue of issues) (errors[String(issue.path[0] ?? "")] ??= []).push(issue.message.startsWith("alerts.") ? issue.message : "alerts.errors.invalid");
  return errors;
}

/**
 * A visitor saves a search for an address. Whatever the address's past (new, known, confirmed, at
 * the cap, mailed too often), the answer is the same "check your inbox": the mailbox alone learns
 * which, so the page never tells a stranger whether an address has alerts.
 */
export async function emailAlertFromForm(formData: FormData, lang: string, clientAddress: string, now = new Date()): Promise<EmailAlertFormResult> {
  const values = { query: String(formData.get("query") ?? ""), frequency: formData.get("frequency") ?? undefined, email: String(formData.get("email") ?? "") };
  const parsed = emailAlertFormSchema.safeParse(values);
  if (!parsed.success) return { ok: false, errors: fieldErrors(parsed.error.issues), values };
  const email = emailOf(parsed.data.email);
  if (!email) return { ok: false, errors: { email: ["alerts.errors.email"] }, values };
  const db = getDb();
  const client = await hit(db, `alert:client:${clientAddress}`, EMAIL_ALERT_LIMITS.perClient, now);
  if (!client.allowed) return { ok: false, errors: { "": [`alerts.errors.tooFast?minutes=${Math.ceil(client.retryAfterSeconds / 60)}`] }, values };
  // Past the address's limit nothing more is mailed; the page says the same as ever.
  if (!(await hit(db, `alert:email:${lookupHash("email", email)}`, EMAIL_ALERT_LIMITS.perEmail, now)).allowed) return { ok: true };
  const input = { email, query: parsed.data.query, frequency: parsed.data.frequency, lang };
  try {
    await db.$transaction((tx) => createEmailAlert(tx, input, { now }));
  } catch (error) {
    if (!(error instanceof AlertLimitError)) throw error;
    const mail = await alertMail("limit", input);
    await db.$transaction((tx) => enqueueMessages(tx, [mail]));
  }
  afterMessageWrite();
  return { ok: true };
}

const TOKEN = /^[A-Za-z0-9_-]{20,64}$/;

export interface TokenAlert {
  description: string;
  link: string;
  frequency: Frequency;
  confirmed: boolean;
  /** A signed-in person's alert: changed at /me/alerts, not by link. */
  account: boolean;
}

/** What a confirm or manage link names, described in the page's language; null when gone. */
export async function alertByToken(token: string, lang: string): Promise<TokenAlert | null> {
  if (!TOKEN.test(token)) return null;
  const row = await getDb().savedSearch.findUnique({ where: { token }, select: { query: true, source: true, frequency: true, confirmedAt: true, userId: true } });
  if (!row) return null;
  const { t } = createI18n(lang === "en" ? "en" : "zh-CN");
  return {
    description: describeSearch(t, searchOf(row.query), await getRegions(), lang),
    link: `/search${row.query ? `?${row.query}` : ""}`,
    frequency: row.frequency as Frequency,
    confirmed: Boolean(row.confirmedAt),
    account: row.userId !== null,
  };
}

/** The press on the confirmation link's button. */
export async function confirmByToken(token: string, now = new Date()): Promise<"confirmed" | "already" | "gone"> {
  if (!TOKEN.test(token)) return "gone";
  const db = getDb();
  const row = await db.savedSearch.findUnique({ where: { token }, select: { id: true, confirmedAt: true } });
  if (!row) return "gone";
  if (row.confirmedAt) return "already";
  await db.$transaction((tx) => confirmAlert(tx, row.id, now));
  return "confirmed";
}

export type ManageResult = { ok: true; done: "updated" | "deleted" | "gone" } | { ok: false; errors: Record<string, string[]>; values: Values };

/** The manage link: another rhythm, or stop. Only an alert without an account changes here. */
export async function manageByToken(token: string, formData: FormData, now = new Date()): Promise<ManageResult> {
  const values = { intent: formData.get("intent") ?? undefined, frequency: formData.get("frequency") ?? undefined };
  const parsed = manageFormSchema.safeParse(values);
  if (!parsed.success) return { ok: false, errors: fieldErrors(parsed.error.issues), values };
  if (!TOKEN.test(token)) return { ok: true, done: "gone" };
  const db = getDb();
  if (parsed.data.intent === "delete") {
    const { count } = await db.savedSearch.deleteMany({ where: { token, userId: null } });
    return { ok: true, done: count ? "deleted" : "gone" };
  }
  const row = await db.savedSearch.findFirst({ where: { token, userId: null }, select: { id: true, confirmedAt: true } });
  if (!row) return { ok: true, done: "gone" };
  await db.savedSearch.update({
    where: { id: row.id },
    data: { frequency: parsed.data.frequency, ...(row.confirmedAt ? { nextRunAt: nextRunAfter(parsed.data.frequency, now, getEnv().ALERT_PASS_MS) } : {}) },
  });
  return { ok: true, done: "updated" };
}

/** Housekeeping: a saved search whose link was never pressed is removed with its address. */
export async function purgeUnconfirmedAlerts(now = new Date()): Promise<number> {
  const { count } = await getDb().savedSearch.deleteMany({ where: { confirmedAt: null, createdAt: { lt: new Date(now.getTime() - UNCONFIRMED_DAYS * 86_400_000) } } });
  return count;
}
