import { randomBytes } from "node:crypto";
import type { Prisma } from "~/generated/prisma/client.ts";
import { fromCommaList, toCommaList } from "../../utils/comma-list.ts";
import { getEnv } from "../../env.server.ts";
import { createI18n } from "../../i18n/i18n.server.ts";
import { parseIdentifier } from "../auth/schemas.ts";
import { getDb } from "../db.server.ts";
import { enqueueMessages, type OutgoingMessage } from "../messages/outbox.server.ts";
import { getRegions } from "../regions/regions.server.ts";
import { parseSearchParams, searchUrl, type SearchParams } from "../search/params.ts";
import { encrypt, lookupHash } from "../security/secrets.server.ts";
import type { AlertChannel, Frequency } from "./codes.ts";
import { describeSearch, siteUrl } from "./describe.server.ts";
import { alertFormSchema } from "./schemas.ts";
import { nextRunAfter } from "./schedule.ts";

/** A person may follow this many searches. */
export const MAX_ALERTS = 20;

/** The stored form of a search: its parsed, normalised query string, without page or order. */
export function normalisedQuery(query: string): string {
  const { params } = parseSearchParams(new URLSearchParams(query));
  const url = searchUrl({ ...params, page: 1, sort: "relevance" });
  return url.includes("?") ? url.slice(url.indexOf("?") + 1) : "";
}

export function searchOf(query: string): SearchParams {
  return parseSearchParams(new URLSearchParams(query)).params;
}

export type AlertSource = "search" | "recommendations";

export interface AlertView {
  id: number;
  source: AlertSource;
  search: SearchParams;
  link: string;
  frequency: Frequency;
  channels: AlertChannel[];
  lastSentAt: string | null;
  createdAt: string;
}

export type AlertFormResult =
  | { ok: true; done: "created" | "updated" | "deleted" | "followed"; id?: number }
  | { ok: false; errors: Record<string, string[]>; values: Record<string, unknown> };

/** Saves, changes or removes one of the person's alerts; another person's alert is simply not found. */
export async function alertFromForm(userId: number, formData: FormData, lang: string, now = new Date()): Promise<AlertFormResult> {
  const raw = { intent: formData.get("intent"), query: formData.get("query") ?? undefined, id: formData.get("id") ?? undefined, frequency: formData.get("frequency") ?? undefined, channels: formData.getAll("channels") };
  const parsed = alertFormSchema.safeParse(raw);
  const values = { ...raw };
  if (!parsed.success) {
    const errors: Record<string, string[]> = {};
    for (const issue of parsed.error.issues) (errors[String(issue.path[0] ?? "")] ??= []).push(issue.message.startsWith("alerts.") ? issue.message : "alerts.errors.invalid");
    return { ok: false, errors, values };
  }
  const input = parsed.data;
  const db = getDb();
  if (input.intent === "delete") {
    const { count } = await db.savedSearch.deleteMany({ where: { id: input.id, userId } });
    return count ? { ok: true, done: "deleted" } : { ok: false, errors: { "": ["alerts.errors.notFound"] }, values };
  }
  if (input.intent === "update") {
    const { count } = await db.savedSearch.updateMany({
      where: { id: input.id, userId },
      data: { frequency: input.frequency, channels: toCommaList(input.channels), nextRunAt: nextRunAfter(input.frequency, now, getEnv().ALERT_PASS_MS) },
    });
    return count ? { ok: true, done: "updated", id: input.id } : { ok: false, errors: { "": ["alerts.errors.notFound"] }, values };
  }
  const source: AlertSource = input.intent === "follow" ? "recommendations" : "search";
  const query = input.intent === "follow" ? "" : normalisedQuery(input.query);
  const done = input.intent === "follow" ? "followed" : "created";
  // Saving the same search (or following again) keeps the one alert as it is: it is changed from its own form.
  const existing = await db.savedSearch.findFirst({ where: { userId, source, query }, select: { id: true } });
  if (existing) return { ok: true, done: input.intent === "follow" ? "followed" : "updated", id: existing.id };
  if ((await db.savedSearch.count({ where: { userId } })) >= MAX_ALERTS) return { ok: false, errors: { "": ["alerts.errors.tooMany"] }, values };
  const created = await db.savedSearch.create({
    data: {
      userId, source, query, frequency: input.frequency, channels: toCommaList(input.channels), lang: lang === "en" ? "en" : "zh-CN",
      token: randomBytes(24).toString("base64url"), confirmedAt: now, lastCheckedAt: now, createdAt: now, nextRunAt: nextRunAfter(input.frequency, now, getEnv().ALERT_PASS_MS),
    },
  });
  return { ok: true, done, id: created.id };
}

export async function listAlerts(userId: number): Promise<AlertView[]> {
  const rows = await getDb().savedSearch.findMany({ where: { userId }, orderBy: { id: "desc" } });
  return rows.map((r) => ({
    id: r.id,
    source: r.source === "recommendations" ? "recommendations" : "search",
    search: searchOf(r.query),
    link: r.source === "recommendations" ? "/me/recommendations" : `/search${r.query ? `?${r.query}` : ""}`,
    frequency: r.frequency as Frequency,
    channels: fromCommaList(r.channels) as AlertChannel[],
    lastSentAt: r.lastSentAt?.toISOString() ?? null,
    createdAt: r.createdAt.toISOString(),
  }));
}

/** The /me/alerts page: the person's alerts, and which channels their account can receive. */
export async function alertsPage(userId: number) {
  const [alerts, user] = await Promise.all([listAlerts(userId), getDb().user.findUnique({ where: { id: userId }, select: { email: true, phoneEnc: true } })]);
  return { alerts, hasEmail: Boolean(user?.email), hasPhone: Boolean(user?.phoneEnc), followsRecommendations: alerts.some((a) => a.source === "recommendations") };
}

/** The one-click unsubscribe: the token alone is enough, and the alert is gone (false: already gone). */
export async function unsubscribe(token: string): Promise<boolean> {
  if (!/^[A-Za-z0-9_-]{20,64}$/.test(token)) return false;
  const { count } = await getDb().savedSearch.deleteMany({ where: { token } });
  return count > 0;
}

/** Whether the link still names an alert (the page says so before the button). */
export async function alertExists(token: string): Promise<boolean> {
  if (!/^[A-Za-z0-9_-]{20,64}$/.test(token)) return false;
  return (await getDb().savedSearch.count({ where: { token } })) > 0;
}

/** An address as alerts keep it (trimmed, lower case), or null when it is not one. */
export function emailOf(raw: string): string | null {
  const id = parseIdentifier(raw);
  return id?.type === "email" ? id.value : null;
}

/** The address already has MAX_ALERTS alerts; a page must not say so (see email-alerts.server.ts). */
export class AlertLimitError extends Error {
  constructor() {
    super("this address has the most alerts allowed");
  }
}

/**
 * An alert without an account: the unconfirmed saved search and, unless told not to, the mail with
 * its confirmation link, queued in the same transaction (call afterMessageWrite() once committed).
 * Nothing is sent for it until confirmAlert. Saving the same search again for the same address
 * writes nothing new: it sends the confirmation again, or, once confirmed, a mail with the link to
 * manage it, and answers the same id and token, so no page can tell whether the address was known.
 * Throws AlertLimitError past MAX_ALERTS for the address, and an Error for an invalid address.
 */
export async function createEmailAlert(
  tx: Prisma.TransactionClient,
  input: { email: string; query: string; frequency: Frequency; lang: string },
  options: { sendConfirmation?: boolean; now?: Date } = {},
): Promise<{ id: number; token: string }> {
  const email = emailOf(input.email);
  if (!email) throw new Error("createEmailAlert: not an email address");
  const now = options.now ?? new Date();
  const emailHash = lookupHash("email", email);
  const query = normalisedQuery(input.query);
  const lang = input.lang === "en" ? "en" : "zh-CN";
  const existing = await tx.savedSearch.findFirst({ where: { emailHash, userId: null, source: "search", query }, select: { id: true, token: true, confirmedAt: true, frequency: true } });
  if (existing) {
    // Unconfirmed, the latest choice is the one the new mail asks to confirm; confirmed, only its owner changes it (by the manage link).
    if (!existing.confirmedAt) await tx.savedSearch.update({ where: { id: existing.id }, data: { frequency: input.frequency, lang } });
    if (options.sendConfirmation !== false) {
      await enqueueMessages(tx, [await alertMail(existing.confirmedAt ? "already" : "confirm", { email, query, lang, token: existing.token, frequency: existing.confirmedAt ? (existing.frequency as Frequency) : input.frequency })]);
    }
    return { id: existing.id, token: existing.token };
  }
  if ((await tx.savedSearch.count({ where: { emailHash, userId: null } })) >= MAX_ALERTS) throw new AlertLimitError();
  const created = await tx.savedSearch.create({
    data: {
      emailEnc: encrypt(email), emailHash, query, frequency: input.frequency, channels: "email", lang,
      token: randomBytes(24).toString("base64url"), lastCheckedAt: now, createdAt: now, nextRunAt: nextRunAfter(input.frequency, now, getEnv().ALERT_PASS_MS),
    },
    select: { id: true, token: true },
  });
  if (options.sendConfirmation !== false) await enqueueMessages(tx, [await alertMail("confirm", { email, query, lang, token: created.token, frequency: input.frequency })]);
  return created;
}

/** The address has proved itself: the alert starts; items posted since it was saved count as new. Confirming twice changes nothing. */
export async function confirmAlert(tx: Prisma.TransactionClient, savedSearchId: number, now: Date): Promise<void> {
  const row = await tx.savedSearch.findUnique({ where: { id: savedSearchId }, select: { frequency: true, confirmedAt: true } });
  if (!row || row.confirmedAt) return;
  await tx.savedSearch.update({ where: { id: savedSearchId }, data: { confirmedAt: now, nextRunAt: nextRunAfter(row.frequency as Frequency, now, getEnv().ALERT_PASS_MS) } });
}

/**
 * The mails about an alert without an account: its confirmation; saved again once confirmed, how
 * to manage it; one search too many for the address, what to do (the page said only "check your inbox").
 */
export async function alertMail(kind: "confirm" | "already" | "limit", a: { email: string; query: string; lang: string; token?: string; frequency: Frequency }): Promise<OutgoingMessage> {
  const { t } = createI18n(a.lang === "en" ? "en" : "zh-CN");
  const base = siteUrl();
  const search = describeSearch(t, searchOf(a.query), await getRegions(), a.lang);
  const frequency = t(`alerts.frequencies.${a.frequency}`);
  const lines = {
    confirm: () => [t("alertMessages.confirmIntro", { search, frequency }), "", t("alertMessages.confirmLink", { link: `${base}/alerts/confirm/${a.token}` }), "", t("alertMessages.confirmIgnore")],
    already: () => [t("alertMessages.alreadyIntro", { search, frequency }), "", t("alertMessages.manageOne", { link: `${base}/alerts/manage/${a.token}` }), "", t("alertMessages.alreadyIgnore")],
    limit: () => [t("alertMessages.limitIntro", { search, count: MAX_ALERTS }), "", t("alertMessages.confirmIgnore")],
  }[kind]();
  return {
    channel: "email",
    to: a.email,
    subject: t(`alertMessages.${kind}Subject`),
    text: [...lines, "", t("authMessages.mailFooter")].join("\n"),
    purpose: kind === "confirm" ? "alert-confirm" : "alert-manage",
  };
}
