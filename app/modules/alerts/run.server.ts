import type { TFunction } from "i18next";
import { newItemsFor, type AlertCheck } from "../../../search/alerts.ts";
import type { OpportunityCard } from "../../../search/cards.ts";
import { getSearchService } from "../../../search/service.ts";
import { getEnv } from "../../env.server.ts";
import { createI18n } from "../../i18n/i18n.server.ts";
import { fromCommaList } from "../../utils/comma-list.ts";
import { getDb } from "../db.server.ts";
import { afterMessageWrite, enqueueMessages, type OutgoingMessage } from "../messages/outbox.server.ts";
import { loadRecommendations } from "../matching/recommendations.server.ts";
import { notify } from "../notifications/notifications.server.ts";
import { placeOfSearch } from "../search/near.ts";
import { getRegions } from "../regions/regions.server.ts";
import { decrypt } from "../security/secrets.server.ts";
import { searchOf } from "./alerts.server.ts";
import { describeSearch, siteUrl } from "./describe.server.ts";
import { purgeUnconfirmedAlerts } from "./email-alerts.server.ts";
import type { Frequency } from "./codes.ts";
import { nextRunAfter } from "./schedule.ts";

/** Saved searches checked per pass. */
const PER_PASS = 5_000;
/** Items shown in one message; the rest are a link away. */
const SHOWN = 5;
/**
 * A new post reaches the index a moment after it is published: each check looks this far back, and
 * what was already sent is left out by AlertDelivery, so nothing falls between two passes.
 */
const LOOK_BACK_MS = 60 * 60_000;


export interface AlertRun {
  checked: number;
  alerted: number;
  items: number;
}

/**
 * One pass over the saved searches that are due: their new items in one multi-search per hundred,
 * minus what each was already sent; for each with something new, in one transaction, the site
 * notice, the email or SMS (through the message outbox) and the delivery records, and its next time.
 */
export async function runAlerts(now = new Date()): Promise<AlertRun> {
  const db = getDb();
  const due = await db.savedSearch.findMany({
    where: { nextRunAt: { lte: now }, confirmedAt: { not: null } },
    orderBy: { nextRunAt: "asc" },
    take: PER_PASS,
    include: { user: { select: { id: true, email: true, phoneEnc: true } } },
  });
  if (!due.length) return { checked: 0, alerted: 0, items: 0 };
  // Never before the alert was saved: what was there then is what the person had already seen.
  const sinceSec = (row: { lastCheckedAt: Date; createdAt: Date }) => Math.floor(Math.max(row.lastCheckedAt.getTime() - LOOK_BACK_MS, row.createdAt.getTime()) / 1000);
  const checks: AlertCheck[] = due.filter((s) => s.source === "search").map((s) => {
    const search = searchOf(s.query);
    return { id: s.id, req: { ...search, ...placeOfSearch(search) }, sinceSec: sinceSec(s) };
  });
  const searched = checks.length ? await getSearchService().run((connection) => newItemsFor(connection, checks, now)) : { ok: true as const, value: new Map<number, OpportunityCard[]>() };
  const found = new Map(searched.ok ? searched.value : []);
  for (const saved of due) {
    if (saved.source !== "recommendations" || !saved.userId) continue;
    const cards = await newRecommendations(saved.userId, saved.lang, sinceSec(saved), now);
    if (cards) found.set(saved.id, cards);
  }
  const sent = await db.alertDelivery.findMany({ where: { savedSearchId: { in: due.map((s) => s.id) } }, select: { savedSearchId: true, itemKey: true } });
  const already = new Set(sent.map((d) => `${d.savedSearchId}|${d.itemKey}`));
  const regions = await getRegions();
  let alerted = 0;
  let items = 0;
  for (const saved of due) {
    // Search is down: these stay due and are checked on the next pass.
    if (!found.has(saved.id)) continue;
    const fresh = (found.get(saved.id) ?? []).filter((card) => !already.has(`${saved.id}|${card.key}`));
    const next = { lastCheckedAt: now, nextRunAt: nextRunAfter(saved.frequency as Frequency, now, getEnv().ALERT_PASS_MS) };
    if (!fresh.length) {
      await db.savedSearch.update({ where: { id: saved.id }, data: next });
      continue;
    }
    const { t } = createI18n(saved.lang === "en" ? "en" : "zh-CN");
    const recommended = saved.source === "recommendations";
    const search = recommended ? t("alerts.recommendations") : describeSearch(t, searchOf(saved.query), regions, saved.lang);
    const channels = new Set(fromCommaList(saved.channels));
    const messages = messagesFor(t, saved, fresh, search, channels);
    await db.$transaction(async (tx) => {
      if (channels.has("site") && saved.userId) await notify(tx, saved.userId, recommended ? "alertRecommended" : "alertNew", { search, count: fresh.length, title: fresh[0]!.title }, allLink("", saved));
      await enqueueMessages(tx, messages);
      await tx.alertDelivery.createMany({ data: fresh.map((card) => ({ savedSearchId: saved.id, itemKey: card.key, sentAt: now })) });
      await tx.savedSearch.update({ where: { id: saved.id }, data: { ...next, lastSentAt: now } });
    });
    alerted += 1;
    items += fresh.length;
  }
  if (alerted) afterMessageWrite();
  return { checked: due.length, alerted, items };
}

/**
 * New items among what the person's recommendations page would show now: posted since the last
 * check (the page ranks older ones too). Null when search is down (checked again next pass).
 */
async function newRecommendations(userId: number, lang: string, sinceSec: number, now: Date): Promise<OpportunityCard[] | null> {
  const page = await loadRecommendations(userId, lang, { now });
  if (page.state === "unavailable") return null;
  if (page.state !== "ready") return [];
  const all = [...page.top, ...page.widened.flatMap((w) => w.items), ...page.bases, ...page.courses].map((r) => r.card);
  const seen = new Set<string>();
  return all.filter((card) => !seen.has(card.key) && seen.add(card.key) && Date.parse(card.postedAt) / 1000 > sinceSec);
}

type Saved = { id: number; userId: number | null; source: string; query: string; token: string; emailEnc: string | null; user: { email: string | null; phoneEnc: string | null } | null };

/** Where "see them all" goes: the search, newest first, or the person's recommendations. */
const allLink = (base: string, saved: Pick<Saved, "source" | "query">) =>
  saved.source === "recommendations" ? `${base}/me/recommendations` : `${base}/search${saved.query ? `?${saved.query}&sort=newest` : "?sort=newest"}`;

function messagesFor(t: TFunction, saved: Saved, fresh: OpportunityCard[], search: string, channels: Set<string>): OutgoingMessage[] {
  const base = siteUrl();
  const recommended = saved.source === "recommendations";
  const all = allLink(base, saved);
  const unsubscribe = `${base}/alerts/unsubscribe/${saved.token}`;
  const out: OutgoingMessage[] = [];
  // An alert without an account goes to its own (confirmed) address, and is managed by its token.
  const email = saved.user ? saved.user.email : saved.emailEnc ? decrypt(saved.emailEnc) : null;
  if (channels.has("email") && email) {
    const lines = [
      recommended ? t("alertMessages.recommendedIntro") : t("alertMessages.intro", { search }),
      "",
      ...fresh.slice(0, SHOWN).map((card) => t("alertMessages.item", { title: card.title, org: card.orgName, link: `${base}/${card.kind}/${card.id}` })),
      ...(fresh.length > SHOWN ? ["", t("alertMessages.more", { count: fresh.length - SHOWN, link: all })] : []),
      "",
      saved.user ? t("alertMessages.manage", { link: `${base}/me/alerts` }) : t("alertMessages.manageOne", { link: `${base}/alerts/manage/${saved.token}` }),
      t("alertMessages.unsubscribe", { link: unsubscribe }),
      "",
      t("authMessages.mailFooter"),
    ];
    out.push({ channel: "email", to: email, subject: t(recommended ? "alertMessages.recommendedSubject" : "alertMessages.subject", { count: fresh.length }), text: lines.join("\n"), purpose: "alert", userId: saved.userId });
  }
  if (channels.has("sms") && saved.user?.phoneEnc) {
    const text = `${t("authMessages.smsSign")}${t(recommended ? "alertMessages.recommendedSms" : "alertMessages.sms", { count: fresh.length, title: fresh[0]!.title, link: all, unsubscribe })}`;
    out.push({ channel: "sms", to: decrypt(saved.user.phoneEnc), text, purpose: "alert", userId: saved.userId });
  }
  return out;
}

/** Checks the due searches every ALERT_PASS_MS while the site runs (and drops the never-confirmed ones first). */
export function startAlertRunner(log: (line: string) => void, everyMs = getEnv().ALERT_PASS_MS) {
  let running = false;
  const timer = setInterval(() => {
    if (running) return;
    running = true;
    purgeUnconfirmedAlerts()
      .then(() => runAlerts())
      .then((r) => { if (r.alerted) log(`alerts: ${r.alerted} of ${r.checked} saved searches had ${r.items} new items`); })
      .catch((error: unknown) => log(`alerts: ${String(error)}`))
      .finally(() => { running = false; });
  }, everyMs);
  timer.unref?.();
  return { stop: () => clearInterval(timer) };
}
