import { useTranslation } from "~/i18n/translate.ts";
import type { CoverageReport } from "~/modules/service-points/coverage.server.ts";

/** Towns and whether a service point is inside their circle: the uncovered first, as a table that says it all in text. */
export function CoverageTable({ rows }: { rows: CoverageReport["rows"] }) {
  const { t } = useTranslation();
  const sorted = [...rows].sort((a, b) => Number(a.covered) - Number(b.covered) || (b.nearest?.minutes ?? Infinity) - (a.nearest?.minutes ?? Infinity));
  return (
    <div className="max-h-[32rem] overflow-auto rounded-lg border border-slate-200 bg-white">
      <table className="w-full text-left text-sm" data-testid="coverage-table">
        <caption className="p-2 text-left text-slate-600">{t("servicePoints.coverage.uncoveredFirst")}</caption>
        <thead className="bg-slate-50">
          <tr>
            <th scope="col" className="p-2">{t("servicePoints.coverage.place")}</th>
            <th scope="col" className="p-2">{t("servicePoints.coverage.circle")}</th>
            <th scope="col" className="p-2">{t("servicePoints.coverage.nearest")}</th>
          </tr>
        </thead>
        <tbody>
          {sorted.map((row) => (
            <tr key={row.code} className="border-t border-slate-100" data-testid="coverage-row" data-covered={row.covered ? "yes" : "no"}>
              <th scope="row" className="p-2 font-normal">
                <span className="font-medium">{row.name}</span> <span className="text-slate-600">{row.county}</span>
                <span className={`ml-1 rounded px-1 text-xs font-semibold ${row.covered ? "bg-emerald-100 text-emerald-900" : "bg-red-100 text-red-900"}`}>
                  {row.covered ? t("servicePoints.coverage.covered") : t("servicePoints.coverage.uncovered")}
                </span>
              </th>
              <td className="p-2">{row.urban ? t("servicePoints.coverage.urban") : t("servicePoints.coverage.rural")}</td>
              <td className="p-2">
                {row.nearest ? (
                  <>
                    {row.nearest.name}
                    <span className="block text-slate-600">{t("servicePoints.coverage.minutes", { minutes: Math.round(row.nearest.minutes), km: Math.round(row.nearest.km * 10) / 10 })}</span>
                  </>
                ) : t("servicePoints.coverage.none")}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
