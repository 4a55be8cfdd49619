import { Link } from "@remix-run/react";
import { useTranslation } from "~/i18n/translate.ts";
import { OpportunityCard, type CardView } from "./opportunity-card.tsx";

export interface PreviewItem {
  card: CardView;
  /** Already in the page's language (the server translates them: this page does not load the matching strings). */
  reasons: string[];
}

/** The first few recommendations on the home page and on /me, with a way to all of them. */
export function RecommendationPreview({ items }: { items: PreviewItem[] }) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="for-you-title" className="mt-4" data-testid="for-you">
      <h2 id="for-you-title" className="mb-2 text-lg font-semibold">{t("home.forYou")}</h2>
      <ul className="space-y-3">
        {items.map(({ card, reasons }) => (
          <OpportunityCard key={card.key} card={card} query="">
            <ul className="space-y-0.5 text-sm text-emerald-900" data-testid="reasons">
              {reasons.map((r, i) => <li key={i}>✓ {r}</li>)}
            </ul>
          </OpportunityCard>
        ))}
      </ul>
      <p className="mt-2">
        <Link to="/me/recommendations" className="inline-flex min-h-11 items-center font-medium text-brand-700 underline" data-testid="all-recommendations">{t("home.forYouAll")}</Link>
      </p>
    </section>
  );
}
