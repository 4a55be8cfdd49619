import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation, tCode } from "~/i18n/translate.ts";
import { ExportLinks, withQuery } from "~/components/export-links.tsx";
import { Pager, StaffNav } from "~/components/organization-parts.tsx";
import { getLanguage } from "~/i18n/language.server.ts";
import { requirePermission } from "~/modules/auth/guards.server.ts";
import { indicatorRecords } from "~/modules/indicators/progress.server.ts";
import { recordsQuerySchema } from "~/modules/indicators/schemas.ts";
import { formatDate } from "~/utils/format.ts";
import { httpError } from "~/utils/http.ts";
import { metaT, pageTitle } from "~/utils/meta.ts";
import type { I18nHandle } from "~/i18n/i18n.ts";

export const handle: I18nHandle = { i18n: ["opportunities", "accounts", "seekers", "organizations", "postings", "placements", "indicators", "registers", "targets", "exports"] };

export const meta: MetaFunction = ({ matches }) => {
  const t = metaT(matches);
  return [{ title: pageTitle(t, t("indicators.records")) }, { name: "robots", content: "noindex" }];
};

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "placement.read");
  const parsed = recordsQuerySchema().safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!parsed.success) throw httpError(404);
  const records = await indicatorRecords(user, { indicatorId: parsed.data.indicator, region: parsed.data.region, year: parsed.data.year, month: parsed.data.month, page: parsed.data.page }, await getLanguage(request));
  if (!records) throw httpError(404);
  return { query: parsed.data, records };
}

export default function IndicatorRecords() {
  const { t, i18n } = useTranslation();
  const { query, records: r } = useLoaderData<typeof loader>();
  const indicatorName = i18n.language === "en" ? r.indicator.nameEn : r.indicator.nameZh;
  const href = (page: number) => `/staff/indicators/records?${new URLSearchParams({ indicator: String(query.indicator), region: query.region, year: String(query.year), ...(query.month ? { month: String(query.month) } : {}), page: String(page) })}`;
  return (
    <div className="mx-auto max-w-5xl">
      <StaffNav />
      <Link to={`/staff/indicators?region=${query.region}&year=${query.year}&plan=${r.indicator.plan}`} className="text-sm text-brand-700 underline">{t("indicators.back")}</Link>
      <h1 className="mt-1 text-2xl font-bold">{t("indicators.recordsTitle", { indicator: indicatorName, region: r.region.name, year: query.year })}</h1>
      <p className="mb-1 text-slate-600">{t("indicators.recordsLead")}</p>
      <p className="mb-3 font-semibold" data-testid="records-total">{t("indicators.recordsTotal", { count: r.total })}</p>
      {r.total > 0 ? <ExportLinks href={withQuery("/staff/indicators/records/export", { indicator: query.indicator, region: query.region, year: query.year, month: query.month })} what={t("exports.files.records")} className="-mt-2 mb-2" /> : null}
      <div className="overflow-x-auto rounded-lg bg-white shadow-sm">
        <table className="w-full min-w-[640px] text-sm" data-testid="records">
          <thead className="bg-slate-50 text-left">
            <tr>{(["person", "idNumber", "employer", "kind", "startDate", "place", "source"] as const).map((c) => <th key={c} className="px-2 py-2 font-semibold">{tCode(t, "indicators", c)}</th>)}</tr>
          </thead>
          <tbody>
            {r.rows.map((row) => (
              <tr key={row.placementId} className="border-t border-slate-100" data-testid="record" data-placement-id={row.placementId}>
                <td className="px-2 py-2">{row.personName}</td>
                <td className="px-2 py-2 font-mono">{row.idNumberMasked ?? "—"}</td>
                <td className="px-2 py-2">{row.employerName}</td>
                <td className="px-2 py-2">{tCode(t, "placements.kinds", row.kind)}</td>
                <td className="px-2 py-2">{formatDate(row.startDate, i18n.language)}</td>
                <td className="px-2 py-2">{row.place}</td>
                <td className="px-2 py-2">{tCode(t, "placements.sources", row.source)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <Pager page={query.page} pages={r.pages} href={href} />
    </div>
  );
}
