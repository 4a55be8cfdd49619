import { Form } from "@remix-run/react";
import { useTranslation, tCode } from "~/i18n/translate.ts";
import { OpportunityCard, type CardView } from "./opportunity-card.tsx";

export interface ReasonLine {
  key: string;
  params: Record<string, string | number>;
}

/** A reason in words: group codes are named here, in the page's strings; everything else came named. */
export function useReasonText() {
  const { t } = useTranslation();
  return (reason: ReasonLine) =>
    tCode(t, "matching.reasons", reason.key, reason.key === "groupFor" ? { group: tCode(t, "groups", String(reason.params.group)) } : reason.params);
}

/** How many reasons a card shows before "why this?": the strongest ones, the rest one tap away. */
const SHOWN = 2;

/**
 * A recommendation: the search card, its first reasons, the rest under "why this?" (a <details>, so
 * it opens without JavaScript), and "not interested" as a plain form.
 */
export function RecommendedCard({ card, reasons, hideable = true }: { card: CardView; reasons: ReasonLine[]; hideable?: boolean }) {
  const { t } = useTranslation();
  const text = useReasonText();
  return (
    <OpportunityCard card={card} query="">
      <ul className="space-y-0.5 text-sm text-emerald-900" data-testid="reasons">
        {reasons.slice(0, SHOWN).map((r, i) => (
          <li key={i} className={r.key === "missing" ? "text-amber-900" : undefined}>✓ {text(r)}</li>
        ))}
      </ul>
      <div className="mt-1 flex flex-wrap items-center gap-x-4">
        {reasons.length > SHOWN ? (
          <details className="text-sm" data-testid="why-this">
            <summary className="inline-flex min-h-11 cursor-pointer items-center text-brand-700 underline">{t("matching.whyThis")}</summary>
            <ul className="mb-2 list-disc space-y-0.5 pl-5 text-slate-800">
              {reasons.map((r, i) => <li key={i}>{text(r)}</li>)}
            </ul>
          </details>
        ) : null}
        {hideable ? (
          <Form method="post" action="/me/recommendations" preventScrollReset>
            <input type="hidden" name="intent" value="hide" />
            <input type="hidden" name="item" value={card.key} />
            <input type="hidden" name="title" value={card.title} />
            <button type="submit" className="inline-flex min-h-11 items-center text-sm text-slate-700 underline" data-testid="not-interested">{t("matching.notInterested")}</button>
          </Form>
        ) : null}
      </div>
    </OpportunityCard>
  );
}
