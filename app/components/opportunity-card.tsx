import { Link, useLocation } from "@remix-run/react";
import { useTranslation, tCode } from "~/i18n/translate.ts";
import { formatDate, formatPay, highlightParts } from "~/utils/format.ts";

export interface CardView {
  key: string;
  kind: "job" | "internship" | "gig" | "base" | "course";
  id: number;
  title: string;
  orgName: string;
  place: string;
  summary: string;
  pay: { min: number; max: number; period: string } | null;
  postedAt: string;
  groups: string[];
  date: string | null;
  level: string | null;
  placesLeft: number | null;
  /** How far from the visitor's chosen place, when they chose one. */
  distanceKm?: number | null;
}

export const KIND_STYLE: Record<CardView["kind"], string> = {
  job: "bg-blue-100 text-blue-800",
  internship: "bg-emerald-100 text-emerald-800",
  gig: "bg-amber-100 text-amber-900",
  base: "bg-violet-100 text-violet-800",
  course: "bg-rose-100 text-rose-800",
};

export function Highlighted({ text, query }: { text: string; query: string }) {
  return (
    <>
      {highlightParts(text, query).map((part, i) => (part.match ? <mark key={i}>{part.text}</mark> : <span key={i}>{part.text}</span>))}
    </>
  );
}

/** The kind of an opportunity as a coloured label, so mixed results are told apart at a glance. */
export function KindLabel({ kind, testId }: { kind: CardView["kind"]; testId?: string }) {
  const { t } = useTranslation();
  return (
    <span className={`inline-block shrink-0 rounded px-1.5 py-0.5 align-middle text-sm font-semibold ${KIND_STYLE[kind]}`} data-testid={testId}>
      {tCode(t, "kindShort", kind)}
    </span>
  );
}

/** How far a card is from the visitor (straight line, so always "about"). */
function DistanceLabel({ km }: { km: number }) {
  const { t } = useTranslation();
  return <span className="font-medium text-slate-800" data-testid="result-distance">{t("near.aboutKm", { km })}</span>;
}

/** `children` (a recommendation's reasons and actions) sit above the card-wide link, so they stay tappable. */
export function OpportunityCard({ card, query, children }: { card: CardView; query: string; children?: React.ReactNode }) {
  const { t, i18n } = useTranslation();
  const location = useLocation();
  // From the results, the detail page's back link can return to exactly this search.
  const state = location.pathname === "/search" ? { from: `${location.pathname}${location.search}` } : undefined;
  return (
    <li className="relative rounded-lg border border-slate-200 bg-white p-3 shadow-sm" data-testid="result">
      <div className="flex items-start justify-between gap-2">
        <h3 className="text-base font-semibold leading-snug">
          <KindLabel kind={card.kind} testId="result-kind" />{" "}
          <Link to={`/${card.kind}/${card.id}`} state={state} className="text-brand-700 underline-offset-2 after:absolute after:inset-0 hover:underline">
            <Highlighted text={card.title} query={query} />
          </Link>
        </h3>
        {card.pay ? <span className="shrink-0 font-semibold text-orange-700">{formatPay(t, card.pay)}</span> : null}
      </div>
      <p className="mt-1 text-sm text-slate-700">
        <Highlighted text={card.orgName} query={query} /> · {card.place}
        {card.distanceKm != null ? <> · <DistanceLabel km={card.distanceKm} /></> : null}
      </p>
      <p className="mt-1 line-clamp-2 text-sm text-slate-600">
        <Highlighted text={card.summary} query={query} />
      </p>
      <p className="mt-2 flex flex-wrap gap-1 text-[13px] text-slate-600">
        {card.kind === "gig" && card.date ? <span className="font-medium text-amber-800">{t("detail.workDate")}: {formatDate(card.date, i18n.language)}</span> : null}
        {card.kind === "course" && card.date ? <span>{t("detail.period")}: {formatDate(card.date, i18n.language)}</span> : null}
        {card.level ? <span>{tCode(t, "levels", card.level)}</span> : null}
        {card.placesLeft !== null ? <span>{t(card.kind === "base" ? "detail.places" : "detail.placesLeft")}: {card.placesLeft}</span> : null}
        {card.groups.slice(0, 3).map((g) => (
          <span key={g} className="rounded bg-slate-100 px-1">{tCode(t, "groups", g)}</span>
        ))}
        <span className="ml-auto">{formatDate(card.postedAt, i18n.language)}</span>
      </p>
      {children ? <div className="relative z-10 mt-2 border-t border-slate-100 pt-2">{children}</div> : null}
    </li>
  );
}
