import type { TFunction } from "i18next";
import type { OpportunityCard } from "../../../search/cards.ts";
import { createI18n } from "../../i18n/i18n.server.ts";
import { fromCommaList } from "../../utils/comma-list.ts";
import type { OutgoingMessage } from "../messages/outbox.server.ts";
import type { RegionInfo } from "../regions/regions.server.ts";
import { decrypt } from "../security/secrets.server.ts";
import { searchOf } from "./alerts.server.ts";
import { describeSearch, siteUrl } from "./describe.server.ts";

/** Items shown in one message; the rest are a link away. */
const SHOWN = 5;

/** What the pass reads of a saved search to tell its person. */
export interface DueAlert {
  id: number;
  userId: number | null;
  source: string;
  query: string;
  lang: string;
  channels: string;
  token: string;
  emailEnc: string | null;
  user: { email: string | null; phoneEnc: string | null } | null;
}

export interface Notice {
  userId: number;
  type: string;
  params: Record<string, string | number>;
  link: string;
}

/** Where "see them all" goes: the search, newest first, or the person's recommendations. */
const allLink = (base: string, saved: Pick<DueAlert, "source" | "query">) =>
  saved.source === "recommendations" ? `${base}/me/recommendations` : `${base}/search${saved.query ? `?${saved.query}&sort=newest` : "?sort=newest"}`;

/**
 * A translator that remembers: one pass writes tens of thousands of messages out of a few
 * thousand items and a handful of sentences, and i18next was a sixth of its time.
 */
export function rememberingTranslator(lang: string): TFunction {
  const { t } = createI18n(lang === "en" ? "en" : "zh-CN");
  const said = new Map<string, string>();
  return ((key: string, params?: Record<string, unknown>) => {
    const id = params ? `${key}\u0000${JSON.stringify(params)}` : key;
    let text = said.get(id);
    if (text === undefined) {
      text = (t as unknown as (k: string, p?: Record<string, unknown>) => string)(key, params);
      if (said.size > 50_000) said.clear();
      said.set(id, text);
    }
    return text;
  }) as unknown as TFunction;
}

/** The site notice and the email or SMS of one alert with something new, in its own language (`t`: rememberingTranslator). */
export function tellings(saved: DueAlert, fresh: OpportunityCard[], regions: Map<string, RegionInfo>, t: TFunction = rememberingTranslator(saved.lang)): { notice: Notice | null; messages: OutgoingMessage[] } {
  const recommended = saved.source === "recommendations";
  const search = recommended ? t("alerts.recommendations") : describeSearch(t, searchOf(saved.query), regions, saved.lang);
  const channels = new Set(fromCommaList(saved.channels));
  const notice = channels.has("site") && saved.userId
    ? { userId: saved.userId, type: recommended ? "alertRecommended" : "alertNew", params: { search, count: fresh.length, title: fresh[0]!.title }, link: allLink("", saved) }
    : null;
  return { notice, messages: messagesFor(t, saved, fresh, search, channels) };
}

function messagesFor(t: TFunction, saved: DueAlert, fresh: OpportunityCard[], search: string, channels: Set<string>): OutgoingMessage[] {
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
