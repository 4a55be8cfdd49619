import { useTranslation } from "~/i18n/translate.ts";

interface RatesView { enrolled: number; completedOfFinished: number; completed: number; placed: number; completionRate: number | null; placementRate: number | null }

/** Completion and after-training employment rates, as a course, provider or brand shows them. */
export function TrainingRates({ rates, testId }: { rates: RatesView; testId?: string }) {
  const { t } = useTranslation();
  const show = (rate: number | null, part: number, whole: number) => (rate === null ? t("training.rates.none") : t("training.rates.value", { rate: (rate / 100).toFixed(1), part, whole }));
  return (
    <dl className="grid gap-1 text-sm sm:grid-cols-2" data-testid={testId}>
      <div><dt className="inline text-slate-600">{t("training.rates.completion")}：</dt><dd className="inline font-semibold" data-testid="completion-rate">{show(rates.completionRate, rates.completedOfFinished, rates.enrolled)}</dd></div>
      <div><dt className="inline text-slate-600">{t("training.rates.placement")}：</dt><dd className="inline font-semibold" data-testid="placement-rate">{show(rates.placementRate, rates.placed, rates.completed)}</dd></div>
    </dl>
  );
}
