import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation, tCode } from "~/i18n/translate.ts";
import { card, StaffNav } from "~/components/organization-parts.tsx";
import { requirePermission } from "~/modules/auth/guards.server.ts";
import { laggingList } from "~/modules/indicators/lag.server.ts";
import { WARN_EVERY_DAYS } from "~/modules/indicators/lag-warnings.server.ts";
import { LAG_POINTS } from "~/modules/indicators/progress.server.ts";
import { formatDate, formatNumber } from "~/utils/format.ts";
import { metaT, pageTitle } from "~/utils/meta.ts";
import type { I18nHandle } from "~/i18n/i18n.ts";

export const handle: I18nHandle = { i18n: ["opportunities", "accounts", "seekers", "organizations", "postings", "indicators", "registers", "targets", "exports"] };

export const meta: MetaFunction = ({ matches }) => {
  const t = metaT(matches);
  return [{ title: pageTitle(t, t("indicators.lagging.title")) }, { name: "robots", content: "noindex" }];
};

/** The areas behind pace in the viewer's scope, this plan year: a county sees itself and its towns. */
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "placement.read");
  return { list: await laggingList(user, new Date()), points: LAG_POINTS, days: WARN_EVERY_DAYS };
}

const COLUMNS = ["area", "indicator", "target", "done", "pctDone", "pctTime", "behind", "warned"] as const;

export default function LaggingAreas() {
  const { t, i18n } = useTranslation();
  const { list, points, days } = useLoaderData<typeof loader>();
  const en = i18n.language === "en";
  const n = (v: number) => formatNumber(v, i18n.language);
  return (
    <div className="mx-auto max-w-5xl">
      <StaffNav />
      <Link to="/staff/indicators" className="text-sm text-brand-700 underline">{t("indicators.back")}</Link>
      <h1 className="mt-1 text-2xl font-bold">{t("indicators.lagging.title")}</h1>
      <p className="mt-1 text-slate-700" data-testid="lagging-lead">{t("indicators.lagging.lead", { year: list.year, pct: list.pctTime, points })}</p>
      <p className="mt-1 text-sm text-slate-600">{t("indicators.lagging.which")}</p>
      <p className="mb-3 mt-1 text-sm text-slate-600">{t("indicators.lagging.rhythm", { days })}</p>
      {list.rows.length === 0 ? (
        <p className={card} data-testid="lagging-none">{t("indicators.lagging.none")}</p>
      ) : (
        <>
          <p className="mb-1 font-semibold">{t("indicators.lagging.count", { count: list.rows.length })}</p>
          <div className="overflow-x-auto rounded-lg bg-white shadow-sm">
            <table className="w-full min-w-[720px] text-sm" data-testid="lagging-table">
              <thead className="bg-slate-50 text-left">
                <tr>{COLUMNS.map((c) => <th key={c} scope="col" className="px-2 py-2 font-semibold">{tCode(t, "indicators.lagging.columns", c)}</th>)}</tr>
              </thead>
              <tbody>
                {list.rows.map((r) => (
                  <tr key={`${r.regionCode}-${r.indicatorId}`} className="border-t border-slate-100" data-testid="lagging-row" data-region={r.regionCode} data-code={r.code}>
                    <td className="px-2 py-2">
                      <Link to={`/staff/indicators?region=${r.regionCode}&year=${list.year}`} className="font-medium text-brand-700 underline" title={t("indicators.lagging.open")}>{en ? (r.regionNameEn ?? r.regionName) : r.regionName}</Link>
                    </td>
                    <td className="px-2 py-2">{en ? r.nameEn : r.nameZh}</td>
                    <td className="px-2 py-2 tabular-nums">{n(r.target)}</td>
                    <td className="px-2 py-2 tabular-nums">{n(r.done)}</td>
                    <td className="px-2 py-2 tabular-nums">{r.pctDone}%</td>
                    <td className="px-2 py-2 tabular-nums">{r.pctTime}%</td>
                    <td className="px-2 py-2 font-semibold tabular-nums text-red-800" data-testid="behind">{r.behind}</td>
                    <td className="px-2 py-2" data-testid="warned">
                      {r.lastWarnedAt ? formatDate(r.lastWarnedAt, i18n.language) : r.hasStaff ? t("indicators.lagging.never") : <span className="text-amber-800">{t("indicators.lagging.noStaff")}</span>}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </div>
  );
}
