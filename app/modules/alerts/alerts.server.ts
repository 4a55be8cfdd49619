import { randomBytes } from "node:crypto";
import { fromCommaList, toCommaList } from "../../utils/comma-list.ts";
import { getEnv } from "../../env.server.ts";
import { getDb } from "../db.server.ts";
import { parseSearchParams, searchUrl, type SearchParams } from "../search/params.ts";
import type { AlertChannel, Frequency } from "./codes.ts";
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

export interface AlertView {
  id: number;
  search: SearchParams;
  link: string;
  frequency: Frequency;
  channels: AlertChannel[];
  lastSentAt: string | null;
  createdAt: string;
}

export type AlertFormResult =
  | { ok: true; done: "created" | "updated" | "deleted"; id?: number }
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
  const query = normalisedQuery(input.query);
  const existing = await db.savedSearch.findFirst({ where: { userId, query }, select: { id: true } });
  if (existing) return { ok: true, done: "updated", id: existing.id };
  if ((await db.savedSearch.count({ where: { userId } })) >= MAX_ALERTS) return { ok: false, errors: { "": ["alerts.errors.tooMany"] }, values };
  const created = await db.savedSearch.create({
    data: {
      userId, query, frequency: input.frequency, channels: toCommaList(input.channels), lang: lang === "en" ? "en" : "zh-CN",
      token: randomBytes(24).toString("base64url"), lastCheckedAt: now, nextRunAt: nextRunAfter(input.frequency, now, getEnv().ALERT_PASS_MS),
    },
  });
  return { ok: true, done: "created", id: created.id };
}

export async function listAlerts(userId: number): Promise<AlertView[]> {
  const rows = await getDb().savedSearch.findMany({ where: { userId }, orderBy: { id: "desc" } });
  return rows.map((r) => ({
    id: r.id,
    search: searchOf(r.query),
    link: `/search${r.query ? `?${r.query}` : ""}`,
    frequency: r.frequency as Frequency,
    channels: fromCommaList(r.channels) as AlertChannel[],
    lastSentAt: r.lastSentAt?.toISOString() ?? null,
    createdAt: r.createdAt.toISOString(),
  }));
}

/** The /me/alerts page: the person's alerts, and which channels their account can receive. */
export async function alertsPage(userId: number) {
  const [alerts, user] = await Promise.all([listAlerts(userId), getDb().user.findUnique({ where: { id: userId }, select: { email: true, phoneEnc: true } })]);
  return { alerts, hasEmail: Boolean(user?.email), hasPhone: Boolean(user?.phoneEnc) };
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
