import type { Prisma } from "~/generated/prisma/client.ts";
import { getEnv } from "../../env.server.ts";
import { createI18n } from "../../i18n/i18n.server.ts";
import type { Language } from "../../i18n/i18n.ts";
import type { OutgoingMessage } from "../messages/outbox.server.ts";
import { chinaDay } from "../postings/dates.ts";
import { decrypt } from "../security/secrets.server.ts";

type Tx = Prisma.TransactionClient;

export const siteUrl = () => getEnv().SITE_URL?.replace(/\/$/, "") ?? `http://localhost:${getEnv().PORT}`;

/**
 * The language each person last chose where the site keeps one (a saved search, a returnee
 * registration); zh-CN for the rest. In-site notices need none: they are written when read.
 */
export async function knownLanguages(tx: Tx, userIds: readonly number[]): Promise<Map<number, Language>> {
  const ids = [...new Set(userIds)];
  const out = new Map<number, Language>(ids.map((id) => [id, "zh-CN"]));
  if (!ids.length) return out;
  const [registrations, searches] = await Promise.all([
    tx.returneeRegistration.findMany({ where: { userId: { in: ids } }, select: { userId: true, lang: true } }),
    tx.savedSearch.findMany({ where: { userId: { in: ids } }, orderBy: { id: "asc" }, select: { userId: true, lang: true } }),
  ]);
  // Later rows win: a saved search made after a registration says more about today's choice.
  for (const row of [...registrations, ...searches]) if (row.userId !== null) out.set(row.userId, row.lang === "en" ? "en" : "zh-CN");
  return out;
}

export interface WaitingPost {
  postingId: number;
  title: string;
  count: number;
}

/** The reminder to one member of the employer: each post with its waiting applications, linked to their list. */
export function reminderMail(lang: Language, to: { userId: number; email: string }, org: string, posts: readonly WaitingPost[]): OutgoingMessage {
  const { t } = createI18n(lang);
  const env = getEnv();
  const base = siteUrl();
  const total = posts.reduce((sum, p) => sum + p.count, 0);
  const text = [
    t("followUpMessages.remindIntro", { org, days: env.FOLLOW_UP_REMIND_DAYS }),
    "",
    ...posts.map((p) => t("followUpMessages.remindItem", { title: p.title, count: p.count, link: `${base}/employer/applicants?posting=${p.postingId}` })),
    "",
    t("followUpMessages.remindAsk", { escalateDays: env.FOLLOW_UP_ESCALATE_DAYS }),
    "",
    t("authMessages.mailFooter"),
  ].join("\n");
  return { channel: "email", to: to.email, subject: t("followUpMessages.remindSubject", { count: total }), text, purpose: "follow_up_reminder", userId: to.userId };
}

export interface SeekerNotice {
  applicationId: number;
  seekerId: number;
  email: string | null;
  phoneEnc: string | null;
  title: string;
  employer: string;
  appliedAt: Date;
  days: number;
  county: string;
}

/** What the seeker is sent when staff take their application up: an email and an SMS, where they have them. */
export function seekerMessages(lang: Language, n: SeekerNotice): OutgoingMessage[] {
  const { t } = createI18n(lang);
  const base = siteUrl();
  const link = `${base}/me/applications#application-${n.applicationId}`;
  const out: OutgoingMessage[] = [];
  if (n.email) {
    const text = [
      t("followUpMessages.seekerText", { date: chinaDay(n.appliedAt), employer: n.employer, title: n.title, days: n.days, county: n.county, link, search: `${base}/search` }),
      "",
      t("authMessages.mailFooter"),
    ].join("\n");
    out.push({ channel: "email", to: n.email, subject: t("followUpMessages.seekerSubject", { title: n.title }), text, purpose: "follow_up_seeker", userId: n.seekerId });
  }
  if (n.phoneEnc) {
    const text = `${t("authMessages.smsSign")}${t("followUpMessages.seekerSms", { title: n.title, days: n.days, county: n.county, link })}`;
    out.push({ channel: "sms", to: decrypt(n.phoneEnc), text, purpose: "follow_up_seeker", userId: n.seekerId });
  }
  return out;
}
