import { useTranslation, tCode } from "~/i18n/translate.ts";
import type { ServicePointView } from "~/modules/service-points/service-points.server.ts";

/** One service point as every list shows it: what it is, where, when, how to call, what it does, how far. */
export function ServicePointCard({ point, children }: { point: ServicePointView; children?: React.ReactNode }) {
  const { t } = useTranslation();
  return (
    <li className="rounded-lg border border-slate-200 bg-white p-3 shadow-sm" data-testid="service-point">
      <h2 className="text-lg font-semibold leading-snug">{point.name}</h2>
      <p className="text-sm text-slate-700">
        {tCode(t, "servicePoints.kinds", point.kind)} · {point.place}
        {point.distanceKm !== null && point.minutes !== null ? (
          <> · <span className="font-medium text-slate-900" data-testid="service-point-distance">{t("servicePoints.away", { km: point.distanceKm, minutes: point.minutes })}</span></>
        ) : null}
      </p>
      <dl className="mt-2 grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-sm">
        <dt className="text-slate-600">{t("servicePoints.address")}</dt>
        <dd>{point.address}</dd>
        <dt className="text-slate-600">{t("servicePoints.hours")}</dt>
        <dd>{point.hours}</dd>
        <dt className="text-slate-600">{t("servicePoints.phone")}</dt>
        <dd>
          <a href={`tel:${point.phone.replace(/[^\d]/g, "")}`} className="inline-flex min-h-11 items-center text-brand-700 underline" aria-label={t("servicePoints.call", { phone: point.phone })}>
            {point.phone}
          </a>
        </dd>
        <dt className="text-slate-600">{t("servicePoints.servicesLabel")}</dt>
        <dd className="flex flex-wrap gap-1">
          {point.services.map((s) => <span key={s} className="rounded bg-slate-100 px-1.5">{tCode(t, "servicePoints.services", s)}</span>)}
        </dd>
      </dl>
      {children}
    </li>
  );
}
