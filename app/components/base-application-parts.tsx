import { useTranslation, tCode } from "~/i18n/translate.ts";
import type { BaseApplicationStatus } from "~/modules/bases/codes.ts";
import { formatDate } from "~/utils/format.ts";

/** Pieces shared by the founder's and the operator's pages of base applications. */

const BADGE: Record<BaseApplicationStatus, string> = {
  submitted: "bg-sky-100 text-sky-900",
  interview: "bg-amber-100 text-amber-900",
  admitted: "bg-emerald-600 text-white",
  declined: "bg-red-100 text-red-900",
  withdrawn: "bg-slate-100 text-slate-600",
};

export function BaseStatusBadge({ status }: { status: BaseApplicationStatus }) {
  const { t } = useTranslation();
  return <span className={`inline-block whitespace-nowrap rounded px-2 py-0.5 text-sm font-semibold ${BADGE[status] ?? ""}`} data-testid="base-application-status">{tCode(t, "bases.status", status)}</span>;
}

/** Every step, oldest first, with its time and its note (the interview's time, the reason). */
export function BaseTimeline({ events }: { events: { status: string; note: string | null; at: string }[] }) {
  const { t, i18n } = useTranslation();
  return (
    <ol className="mt-1 space-y-1 border-l-2 border-slate-200 pl-3 text-sm" data-testid="base-timeline">
      {events.map((e, i) => (
        <li key={i} data-status={e.status}>
          <time dateTime={e.at} className="text-slate-500">{formatDate(e.at, i18n.language, "dateTime")}</time> · <span className="font-medium">{tCode(t, "bases.status", e.status)}</span>
          {e.note ? <span className="block text-slate-700">{e.note}</span> : null}
        </li>
      ))}
    </ol>
  );
}

/** The businesses a base admitted, on its public page, with the jobs each created. */
export function AdmittedBusinesses({ admitted }: { admitted: { businesses: { id: number; name: string | null; industry: string; jobsCreated: number }[]; jobsCreated: number } }) {
  const { t } = useTranslation();
  if (!admitted.businesses.length) return null;
  return (
    <section className="mt-4 rounded-lg bg-white p-3 shadow-sm" data-testid="admitted-businesses">
      <h2 className="text-lg font-semibold">{t("bases.admitted.title")}</h2>
      <p className="text-sm text-slate-600">{t("bases.admitted.total", { count: admitted.businesses.length, jobs: admitted.jobsCreated })}</p>
      <ul className="mt-2 divide-y divide-slate-100">
        {admitted.businesses.map((b) => (
          <li key={b.id} className="flex flex-wrap justify-between gap-2 py-2">
            <span><span className="font-medium">{b.name ?? t("bases.admitted.unnamed")}</span> · <span className="text-slate-600">{b.industry}</span></span>
            <span className="text-emerald-800">{t("bases.admitted.jobs", { count: b.jobsCreated })}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
