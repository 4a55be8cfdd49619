import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation, tCode } from "~/i18n/translate.ts";
import { withQuery } from "~/components/export-links.tsx";
import { requirePermission } from "~/modules/auth/guards.server.ts";
import { regionDashboard } from "~/modules/indicators/progress.server.ts";
import { dashboardQuerySchema } from "~/modules/indicators/schemas.ts";
import printStyles from "~/styles/print.css";
import { formatDate, formatNumber } from "~/utils/format.ts";
import { httpError } from "~/utils/http.ts";
import { metaT, pageTitle } from "~/utils/meta.ts";
import type { I18nHandle } from "~/i18n/i18n.ts";

export const handle: I18nHandle = { i18n: ["indicators", "exports"] };

export const links: LinksFunction = () => [{ rel: "stylesheet", href: printStyles }];

export const meta: MetaFunction = ({ matches }) => {
  const t = metaT(matches);
  return [{ title: pageTitle(t, t("exports.report.metaTitle")) }, { name: "robots", content: "noindex" }];
};

/** GET ?region=&year=&plan=&rank=: the dashboard of one region and year as an A4 page to print and sign. */
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "placement.read");
  const query = dashboardQuerySchema().parse(Object.fromEntries(new URL(request.url).searchParams));
  const dashboard = await regionDashboard(user, query);
  if (!dashboard) throw httpError(404);
  return { query, dashboard, printedAt: new Date().toISOString() };
}

export default function IndicatorReport() {
  const { t, i18n } = useTranslation();
  const { query, dashboard: d, printedAt } = useLoaderData<typeof loader>();
  const en = i18n.language === "en";
  const name = (x: { nameZh?: string; nameEn?: string | null; name?: string }) => (en ? (x.nameEn ?? x.name ?? x.nameZh) : (x.nameZh ?? x.name)) ?? "";
  const number = (n: number | null, unit: string) => (n === null ? "—" : unit === "percent" ? `${(n / 100).toFixed(2)}%` : formatNumber(n, i18n.language));
  const pct = (n: number | null) => (n === null ? "—" : `${n}%`);
  const counted = d.indicators.filter((i) => i.traceable);
  const ranked = counted.find((i) => i.id === query.rank) ?? counted[0];
  const pctOn = (c: (typeof d.children)[number]) => c.indicators.find((x) => x.indicatorId === ranked?.id)?.pct ?? null;
  const children = [...d.children].sort((a, b) => (pctOn(a) ?? 1e9) - (pctOn(b) ?? 1e9) || a.code.localeCompare(b.code));
  const back = withQuery("/staff/indicators", { region: d.regionCode, year: d.year, plan: d.plan?.code, rank: query.rank });
  return (
    <div>
      <div className="no-print mx-auto mb-3 flex max-w-[210mm] flex-wrap items-center gap-x-4 gap-y-2">
        <Link to={back} className="inline-flex min-h-11 items-center text-sm text-brand-700 underline">{t("exports.report.back")}</Link>
        <a
          href="#print-hint"
          onClick={(e) => {
            e.preventDefault();
            window.print();
          }}
          className="inline-flex min-h-11 items-center rounded-md bg-brand-700 px-4 font-semibold text-white hover:bg-brand-800"
          data-testid="print"
        >
          {t("exports.report.print")}
        </a>
        <p id="print-hint" className="rounded p-1 text-sm text-slate-600">{t("exports.report.printHint")}</p>
      </div>
      <article className="report mx-auto rounded-lg bg-white p-4 text-slate-900 shadow-sm sm:p-8" data-testid="report">
        <section className="report-section">
          <h1 className="text-center text-xl font-bold">{t("exports.report.title")}</h1>
          <dl className="mt-4 grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-sm">
            <dt className="font-semibold">{t("exports.report.region")}</dt>
            <dd data-testid="report-region">{name(d.region)} · {d.regionCode}</dd>
            <dt className="font-semibold">{t("exports.report.plan")}</dt>
            <dd data-testid="report-plan">{d.plan ? <>{name(d.plan)}{d.plan.document ? <span className="text-slate-600"> · {d.plan.document}</span> : null}</> : "—"}</dd>
            <dt className="font-semibold">{t("exports.report.year")}</dt>
            <dd>{t("exports.yearLabel", { year: d.year })}</dd>
            <dt className="font-semibold">{t("exports.report.printedAt")}</dt>
            <dd data-testid="report-printed">{formatDate(printedAt, i18n.language)}</dd>
            <dt className="font-semibold">{t("exports.report.elapsed")}</dt>
            <dd data-testid="report-elapsed">{t("exports.report.elapsedValue", { pct: Math.round(d.elapsed * 1000) / 10 })}</dd>
          </dl>
          <h2 className="mt-5 mb-2 text-base font-bold">{t("exports.report.indicatorsHeading")}</h2>
          {!d.plan ? <p>{t("exports.report.noPlan")}</p> : (
            <div className="table-wrap">
              <table className="text-sm" data-testid="report-indicators">
                <thead>
                  <tr>{(["indicator", "target", "done", "pct", "pace", "gap", "status"] as const).map((c) => <th key={c} scope="col" className={c === "indicator" ? "" : "whitespace-nowrap"}>{tCode(t, "indicators.columns", c)}</th>)}</tr>
                </thead>
                <tbody>
                  {d.indicators.map((i) => (
                    <tr key={i.id} data-code={i.code}>
                      <th scope="row" className="min-w-32 text-left font-normal">{name(i)}</th>
                      <td className="num">{number(i.target, i.unit)}</td>
                      <td className="num">{number(i.done, i.unit)}</td>
                      <td className="num">{pct(i.pct)}</td>
                      <td className="num">{number(i.pace, i.unit)}</td>
                      <td className="num">{number(i.gap, i.unit)}</td>
                      <td>{tCode(t, "indicators.status", i.status)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          <p className="mt-2 text-xs text-slate-600">{t("exports.report.source")}</p>
        </section>
        {d.plan ? (
          <section className="report-section mt-8">
            <h2 className="mb-1 text-base font-bold">{t("exports.report.rankingHeading")}</h2>
            {ranked && children.length ? (
              <>
                <p className="mb-2 text-xs text-slate-600">{t("exports.report.rankingLead", { name: name(ranked) })}</p>
                <div className="table-wrap">
                  <table className="text-sm" data-testid="report-ranking">
                    <thead>
                      <tr>
                        <th scope="col" className="whitespace-nowrap">{t("exports.columns.rank")}</th>
                        <th scope="col" className="whitespace-nowrap">{t("exports.columns.region")}</th>
                        {counted.map((i) => <th key={i.id} scope="col">{name(i)}</th>)}
                      </tr>
                    </thead>
                    <tbody>
                      {children.map((c, n) => (
                        <tr key={c.code} data-code={c.code}>
                          <td className="num">{n + 1}</td>
                          <th scope="row" className="whitespace-nowrap text-left font-normal">{name(c)}</th>
                          {counted.map((i) => {
                            const f = c.indicators.find((x) => x.indicatorId === i.id);
                            return (
                              <td key={i.id} className="text-right tabular-nums" data-status={f?.status}>
                                <span className="whitespace-nowrap">{f ? `${formatNumber(f.done, i18n.language)} / ${f.target == null ? "—" : formatNumber(f.target, i18n.language)}` : "—"}</span>
                                {f && f.pct !== null ? <> <span className="whitespace-nowrap">({f.pct}%){f.status === "lagging" ? " ▼" : ""}</span></> : null}
                              </td>
                            );
                          })}
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </div>
              </>
            ) : <p className="text-sm">{t("exports.report.noChildren")}</p>}
          </section>
        ) : null}
        <section className="report-section report-signatures mt-8">
          <h2 className="mb-2 text-base font-bold">{t("exports.report.notesHeading")}</h2>
          <p className="text-sm">{t("exports.report.notes")}</p>
          <div className="mt-1 h-40 border border-slate-400" aria-hidden="true" />
          <dl className="mt-6 grid grid-cols-1 gap-y-6 text-sm sm:grid-cols-2">
            {(["unitSeal", "filledBy", "checkedBy", "head", "date"] as const).map((k) => (
              <div key={k} className="flex items-end gap-2">
                <dt>{tCode(t, "exports.report", k)}</dt>
                <dd className="sign-line" />
              </div>
            ))}
          </dl>
        </section>
      </article>
    </div>
  );
}
