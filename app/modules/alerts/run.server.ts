import { Worker } from "node:worker_threads";
import { newItemsFor, withRecentIndex, type AlertCheck, type NewItemsFinder } from "../../../search/alerts.ts";
import type { OpportunityCard } from "../../../search/cards.ts";
import { getSearchService } from "../../../search/service.ts";
import { getEnv } from "../../env.server.ts";
import { insertMany } from "../bulk-insert.server.ts";
import { getDb } from "../db.server.ts";
import { loadRecommendations } from "../matching/recommendations.server.ts";
import { afterMessageWrite, enqueueMessages, type OutgoingMessage } from "../messages/outbox.server.ts";
import { notifyMany } from "../notifications/notifications.server.ts";
import { getRegions } from "../regions/regions.server.ts";
import { placeOfSearch } from "../search/near.ts";
import { searchOf } from "./alerts.server.ts";
import { THREAD_PURPOSES, type Frequency } from "./codes.ts";
import type { MessageWorker } from "../messages/worker.server.ts";
import { rememberingTranslator, tellings, type DueAlert, type Notice } from "./deliver.server.ts";
import { purgeUnconfirmedAlerts } from "./email-alerts.server.ts";
import type { RunnerThreadData } from "./runner-thread.server.ts";
import { nextRunAfter } from "./schedule.ts";

/** Saved searches read, checked and written together: one read, a few multi-searches, one transaction. */
const STEP = 250;
/** From this many due searches a pass checks them against a small index of the recent posts only. */
export const RECENT_INDEX_FROM = 1_000;
/**
 * A new post reaches the index a moment after it is published: each check looks this far back, and
 * what was already sent is left out by AlertDelivery, so nothing falls between two passes.
 */
const LOOK_BACK_MS = 60 * 60_000;
/**
 * In the server's own thread the pass waits, after each piece of work, twice the time it took: the
 * pages on the same event loop always get their turn. Its own low-priority thread needs no such
 * pause (docs/decisions/2026-12-02-alerts-recent-index.md).
 */
const GIVE_WAY = 2;

export interface AlertRun {
  checked: number;
  alerted: number;
  items: number;
  /** Documents in the recent-posts index, when the pass used one. */
  recentDocuments: number | null;
}

const none: AlertRun = { checked: 0, alerted: 0, items: 0, recentDocuments: null };
const dueWhere = (now: Date) => ({ nextRunAt: { lte: now }, confirmedAt: { not: null } });

/** The pause that lets the search page go first: a share of the last step's time, at least a turn of the event loop. */
function pacer(share: number) {
  let last = performance.now();
  return async () => {
    const took = performance.now() - last;
    await new Promise((resolve) => setTimeout(resolve, Math.ceil(took * share)));
    last = performance.now();
  };
}

/**
 * One pass over every saved search that is due, a step of STEP at a time: their new items (asked
 * once per distinct search, from a small index of the recent posts when many are due), minus what
 * each was already sent; then, in one transaction per step, the site notices, the emails and SMS
 * (through the message outbox), the delivery records and each search's next time (one update per
 * rhythm). Search down: the searches stay due and are checked on the next pass.
 */
export async function runAlerts(now = new Date(), options: { giveWay?: number } = {}): Promise<AlertRun> {
  const giveWay = options.giveWay ?? GIVE_WAY;
  const db = getDb();
  const service = getSearchService();
  if (!service.available) return none;
  const due = await db.savedSearch.aggregate({ where: dueWhere(now), _count: { _all: true }, _min: { lastCheckedAt: true } });
  if (!due._count._all || !due._min.lastCheckedAt) return none;
  try {
    if (due._count._all < RECENT_INDEX_FROM) {
      const find: NewItemsFinder = (checks, at, options) => newItemsFor(service.connection, checks, at, options);
      return { ...(await checkAll(find, now, giveWay)), recentDocuments: null };
    }
    // The oldest "since" of the due searches: none asks for anything posted before it.
    const since = new Date(due._min.lastCheckedAt.getTime() - LOOK_BACK_MS);
    return await withRecentIndex(db, service.connection, since, now, async (find, documents) => ({ ...(await checkAll(find, now, giveWay)), recentDocuments: documents }));
  } catch (error) {
    // What was committed stays done; the rest is still due and is checked on the next pass.
    console.warn(`alerts: pass stopped (${String(error)}); the rest stays due`);
    return none;
  }
}

async function checkAll(find: NewItemsFinder, now: Date, giveWay: number): Promise<Omit<AlertRun, "recentDocuments">> {
  const db = getDb();
  const regions = await getRegions();
  const pause = pacer(giveWay);
  const run = { checked: 0, alerted: 0, items: 0 };
  for (let cursor = 0; ;) {
    const rows = await db.savedSearch.findMany({
      where: { ...dueWhere(now), id: { gt: cursor } },
      orderBy: { id: "asc" },
      take: STEP,
      select: {
        id: true, userId: true, source: true, query: true, lang: true, channels: true, token: true, emailEnc: true, frequency: true, lastCheckedAt: true, createdAt: true,
        user: { select: { email: true, phoneEnc: true } },
      },
    });
    if (!rows.length) break;
    cursor = rows[rows.length - 1]!.id;
    await pause();
    const found = await newItemsOf(find, rows, now, pause);
    await pause();
    const step = await deliverStep(rows, found, regions, now);
    run.checked += rows.length;
    run.alerted += step.alerted;
    run.items += step.items;
    await pause();
  }
  if (run.alerted) afterMessageWrite();
  return run;
}

// Never before the alert was saved: what was there then is what the person had already seen.
const sinceSec = (row: { lastCheckedAt: Date; createdAt: Date }) => Math.floor(Math.max(row.lastCheckedAt.getTime() - LOOK_BACK_MS, row.createdAt.getTime()) / 1000);

type Row = DueAlert & { frequency: string; lastCheckedAt: Date; createdAt: Date };

async function newItemsOf(find: NewItemsFinder, rows: Row[], now: Date, pause: () => Promise<void>): Promise<Map<number, OpportunityCard[]>> {
  const checks: AlertCheck[] = rows.filter((s) => s.source === "search").map((s) => {
    const search = searchOf(s.query);
    return { id: s.id, req: { ...search, ...placeOfSearch(search) }, sinceSec: sinceSec(s) };
  });
  const found = checks.length ? await find(checks, now, { pause }) : new Map<number, OpportunityCard[]>();
  for (const saved of rows) {
    if (saved.source !== "recommendations" || !saved.userId) continue;
    const cards = await newRecommendations(saved.userId, saved.lang, sinceSec(saved), now);
    if (cards) found.set(saved.id, cards);
  }
  return found;
}

/**
 * New items among what the person's recommendations page would show now: posted since the last
 * check (the page ranks older ones too). Null when search is down (checked again next pass).
 */
async function newRecommendations(userId: number, lang: string, since: number, now: Date): Promise<OpportunityCard[] | null> {
  const page = await loadRecommendations(userId, lang, { now });
  if (page.state === "unavailable") return null;
  if (page.state !== "ready") return [];
  const all = [...page.top, ...page.widened.flatMap((w) => w.items), ...page.bases, ...page.courses].map((r) => r.card);
  const seen = new Set<string>();
  return all.filter((card) => !seen.has(card.key) && seen.add(card.key) && Date.parse(card.postedAt) / 1000 > since);
}

const translatorsByLang = new Map<string, ReturnType<typeof rememberingTranslator>>();
const translators = (lang: string) => {
  const key = lang === "en" ? "en" : "zh-CN";
  let t = translatorsByLang.get(key);
  if (!t) translatorsByLang.set(key, (t = rememberingTranslator(key)));
  return t;
};

/** One step's writes in one transaction: all of them or, on a failure, none (the step stays due). */
async function deliverStep(rows: Row[], found: Map<number, OpportunityCard[]>, regions: Awaited<ReturnType<typeof getRegions>>, now: Date) {
  const db = getDb();
  const withHits = rows.filter((r) => found.get(r.id)?.length);
  const sent = withHits.length
    ? await db.alertDelivery.findMany({ where: { savedSearchId: { in: withHits.map((r) => r.id) } }, select: { savedSearchId: true, itemKey: true } })
    : [];
  const already = new Set(sent.map((d) => `${d.savedSearchId}|${d.itemKey}`));
  const notices: Notice[] = [];
  const messages: OutgoingMessage[] = [];
  const deliveries: { savedSearchId: number; itemKey: string; sentAt: Date }[] = [];
  // Searches still waiting for their answer (search down for them) are left due.
  const checked = rows.filter((r) => found.has(r.id));
  const told = new Set<number>();
  let items = 0;
  for (const saved of withHits) {
    const fresh = found.get(saved.id)!.filter((card) => !already.has(`${saved.id}|${card.key}`));
    if (!fresh.length) continue;
    const { notice, messages: out } = tellings(saved, fresh, regions, translators(saved.lang));
    if (notice) notices.push(notice);
    messages.push(...out);
    // Only what the next pass can find again (posted within its look-back) needs remembering: it
    // asks for items posted after now − LOOK_BACK_MS, so anything older can never come back.
    for (const card of fresh) if (Date.parse(card.postedAt) > now.getTime() - LOOK_BACK_MS - 60_000) deliveries.push({ savedSearchId: saved.id, itemKey: card.key, sentAt: now });
    items += fresh.length;
    told.add(saved.id);
  }
  const passMs = getEnv().ALERT_PASS_MS;
  const groups = new Map<string, { ids: number[]; data: { lastCheckedAt: Date; nextRunAt: Date; lastSentAt?: Date } }>();
  for (const saved of checked) {
    const key = `${saved.frequency}|${told.has(saved.id)}`;
    const group = groups.get(key) ?? { ids: [], data: { lastCheckedAt: now, nextRunAt: nextRunAfter(saved.frequency as Frequency, now, passMs), ...(told.has(saved.id) ? { lastSentAt: now } : {}) } };
    group.ids.push(saved.id);
    groups.set(key, group);
  }
  await db.$transaction(async (tx) => {
    await notifyMany(tx, notices, now);
    await enqueueMessages(tx, messages, now);
    await insertMany(tx, "AlertDelivery", deliveries);
    for (const { ids, data } of groups.values()) await tx.savedSearch.updateMany({ where: { id: { in: ids } }, data });
  });
  return { alerted: told.size, items };
}

/**
 * Checks the due searches every ALERT_PASS_MS while the site runs (dropping the never-confirmed
 * ones first). Given where the database and Meilisearch are, each pass runs in its own low-priority
 * thread (runner-thread.server.ts); otherwise, or if that thread cannot start, in this one.
 */
export function startAlertRunner(log: (line: string) => void, everyMs = getEnv().ALERT_PASS_MS, thread?: RunnerThreadData, messages?: MessageWorker) {
  let running = false;
  const report = (r: AlertRun) => {
    if (!r.alerted) return;
    // Without the thread, this thread's message worker sends them.
    if (!worker) afterMessageWrite();
    log(`alerts: ${r.alerted} of ${r.checked} saved searches had ${r.items} new items${r.recentDocuments === null ? "" : ` (checked against the ${r.recentDocuments} recent posts)`}`);
  };
  let worker: Worker | null = null;
  if (thread) {
    try {
      worker = new Worker(new URL("./runner-thread.boot.mjs", import.meta.url), { workerData: thread });
      worker.on("message", (answer: { ready: true } | { ok: true; run: AlertRun } | { ok: false; error: string }) => {
        // The thread sends the alert messages from now on; this thread's worker everything else.
        if ("ready" in answer) return messages?.leave(THREAD_PURPOSES);
        running = false;
        if (answer.ok) report(answer.run);
        else log(`alerts: ${answer.error}`);
      });
      worker.on("error", (error) => {
        log(`alerts: the runner thread stopped (${String(error)}); passes run in the server's thread`);
        messages?.leave([]);
        worker = null;
        running = false;
      });
      worker.unref();
    } catch (error) {
      log(`alerts: no runner thread (${String(error)}); passes run in the server's thread`);
      worker = null;
    }
  }
  const timer = setInterval(() => {
    if (running) return;
    running = true;
    if (worker) {
      worker.postMessage("run");
      return;
    }
    purgeUnconfirmedAlerts()
      .then(() => runAlerts())
      .then(report)
      .catch((error: unknown) => log(`alerts: ${String(error)}`))
      .finally(() => { running = false; });
  }, everyMs);
  timer.unref?.();
  return {
    stop: async () => {
      clearInterval(timer);
      messages?.leave([]);
      await worker?.terminate();
    },
  };
}
