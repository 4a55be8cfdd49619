import type { Language } from "~/i18n/i18n.ts";
import { createI18n } from "../../i18n/i18n.server.ts";
import { formatNumber } from "../../utils/format.ts";
import { Poller } from "../../utils/poller.ts";
import { siteUrl } from "../alerts/describe.server.ts";
import { getDb } from "../db.server.ts";
import { afterMessageWrite, enqueueMessages, type OutgoingMessage } from "../messages/outbox.server.ts";
import { notify } from "../notifications/notifications.server.ts";
import { addDays, chinaDay } from "../postings/dates.ts";
import { laggingAreas, type LaggingRow } from "./lag.server.ts";
import { LAG_POINTS } from "./progress.server.ts";

/** An area's staff hear about its lag at most once in this many China days. */
export const WARN_EVERY_DAYS = 7;
/** The warnings go out from this hour, China time, at the start of a working day. */
const WARN_FROM_HOUR = 8;
export const LAGGING_PATH = "/staff/indicators/lagging";

export interface LagWarningRun {
  /** Areas lagging on at least one indicator. */
  lagging: number;
  /** Areas whose staff were told in this pass. */
  warned: number;
  notices: number;
  emails: number;
}

/**
 * Accounts keep no language of their own yet; the site's first language is the staff's. One
 * place to change when they do.
 */
function languageOf(_user: { id: number }): Language {
  return "zh-CN";
}

function emailFor(lang: Language, area: LaggingRow[], now: Date, to: string, userId: number): OutgoingMessage {
  const { t } = createI18n(lang);
  const en = lang === "en";
  const first = area[0]!;
  const name = en ? (first.regionNameEn ?? first.regionName) : first.regionName;
  const lines = [
    t("lagMessages.intro", { date: chinaDay(now), year: Number(chinaDay(now).slice(0, 4)), pctTime: first.pctTime, area: name, points: LAG_POINTS }),
    "",
    ...area.map((r) => t("lagMessages.item", { indicator: en ? r.nameEn : r.nameZh, target: formatNumber(r.target, lang), done: formatNumber(r.done, lang), pctDone: r.pctDone, behind: r.behind })),
    "",
    t("lagMessages.link", { link: `${siteUrl()}${LAGGING_PATH}` }),
    t("lagMessages.rhythm", { days: WARN_EVERY_DAYS }),
    "",
    t("authMessages.mailFooter"),
  ];
  return { channel: "email", to, subject: t("lagMessages.subject", { area: name, count: area.length }), text: lines.join("\n"), purpose: "lag_warning", userId };
}

/**
 * One pass: every area lagging this plan year whose staff were not warned in the last
 * WARN_EVERY_DAYS China days gets one digest of all its lagging indicators: an in-site notice to
 * each of its staff and an email to those with an address, queued in the transaction that records
 * the warning (LagWarning), so a restart or a second pass never sends it twice. An area that has
 * caught up is simply not in the list: nothing goes out.
 */
export async function runLagWarnings(now = new Date()): Promise<LagWarningRun> {
  const { year, rows } = await laggingAreas(null, now);
  const byArea = new Map<string, LaggingRow[]>();
  for (const r of rows) byArea.set(r.regionCode, [...(byArea.get(r.regionCode) ?? []), r]);
  const run: LagWarningRun = { lagging: byArea.size, warned: 0, notices: 0, emails: 0 };
  if (!byArea.size) return run;

  const db = getDb();
  const today = chinaDay(now);
  const recent = await db.lagWarning.findMany({ where: { regionCode: { in: [...byArea.keys()] }, day: { gt: addDays(today, -WARN_EVERY_DAYS) } }, select: { regionCode: true } });
  const warned = new Set(recent.map((w) => w.regionCode));
  const due = [...byArea.keys()].filter((code) => !warned.has(code));
  const staff = await db.user.findMany({ where: { role: "staff", staffRegionCode: { in: due } }, select: { id: true, email: true, staffRegionCode: true }, orderBy: { id: "asc" } });

  for (const code of due) {
    const area = byArea.get(code)!;
    const people = staff.filter((s) => s.staffRegionCode === code);
    // No one to tell: nothing is recorded, so the area's first staff account hears at the next pass.
    if (!people.length) continue;
    const first = area[0]!;
    const params = { area: first.regionName, areaEn: first.regionNameEn ?? first.regionName, count: area.length, points: LAG_POINTS, first: first.nameZh, firstEn: first.nameEn };
    const emails = people.filter((p) => p.email).map((p) => emailFor(languageOf(p), area, now, p.email!, p.id));
    await db.$transaction(async (tx) => {
      for (const p of people) await notify(tx, p.id, "lagWarning", params, LAGGING_PATH);
      await enqueueMessages(tx, emails);
      await tx.lagWarning.create({
        data: {
          regionCode: code,
          year,
          day: today,
          indicators: JSON.stringify(area.map((r) => ({ indicatorId: r.indicatorId, code: r.code, target: r.target, done: r.done, behind: r.behind }))),
          notified: people.length,
          emailed: emails.length,
          sentAt: now,
        },
      });
    });
    run.warned += 1;
    run.notices += people.length;
    run.emails += emails.length;
  }
  if (run.emails) afterMessageWrite();
  return run;
}

/** Whether a pass is due at `now`: once per China day, from WARN_FROM_HOUR. */
export function passDue(now: Date, lastPassDay: string | null): boolean {
  const hour = new Date(now.getTime() + 8 * 3_600_000).getUTCHours();
  return hour >= WARN_FROM_HOUR && lastPassDay !== chinaDay(now);
}

/**
 * Looks every hour and runs the pass once a China day from 8:00. After a restart it runs again
 * that day, which sends nothing already sent (LagWarning is the memory, not this process).
 */
export class LagWarningRunner extends Poller {
  private lastPassDay: string | null = null;

  constructor(log: (line: string) => void, everyMs = 3_600_000) {
    super(everyMs, log, "lag warnings");
  }

  protected async pass(): Promise<boolean> {
    const now = new Date();
    if (!passDue(now, this.lastPassDay)) return false;
    const run = await runLagWarnings(now);
    this.lastPassDay = chinaDay(now);
    if (run.warned) this.log(`lag warnings: ${run.warned} of ${run.lagging} lagging areas warned (${run.notices} notices, ${run.emails} emails)`);
    return false;
  }
}

export function startLagWarningRunner(log: (line: string) => void) {
  const runner = new LagWarningRunner(log);
  runner.start();
  return { stop: () => runner.stop() };
}
