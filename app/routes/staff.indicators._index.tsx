import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useTranslation, tCode } from "~/i18n/translate.ts";
import { ExportLinks, withQuery } from "~/components/export-links.tsx";
import { card, StaffNav } from "~/components/organization-parts.tsx";
import { ChoroplethMap } from "~/components/region-map.tsx";
import { TrendChart } from "~/components/trend-chart.tsx";
import { requirePermission } from "~/modules/auth/guards.server.ts";
import { LAG_POINTS, regionDashboard } from "~/modules/indicators/progress.server.ts";
import { dashboardQuerySchema } from "~/modules/indicators/schemas.ts";
import { trendGeometry } from "~/modules/indicators/trend-chart.server.ts";
import { choropleth } from "~/modules/places/map.server.ts";
import { httpError } from "~/utils/http.ts";
import { metaT, pageTitle } from "~/utils/meta.ts";
import { formatNumber } from "~/utils/format.ts";
import type { I18nHandle } from "~/i18n/i18n.ts";

export const handle: I18nHandle = { i18n: ["opportunities", "accounts", "seekers", "organizations", "postings", "indicators", "registers", "targets", "exports"] };

export const meta: MetaFunction = ({ matches }) => {
  const t = metaT(matches);
  return [{ title: pageTitle(t, t("indicators.title")) }, { name: "robots", content: "noindex" }];
};

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "placement.read");
  const query = dashboardQuerySchema().parse(Object.fromEntries(new URL(request.url).searchParams));
  const dashboard = await regionDashboard(user, query);
  if (!dashboard) throw httpError(404);
  // The same indicator the page ranks by (first traceable one unless asked), drawn here as SVG geometry.
  const counted = dashboard.indicators.filter((i) => i.traceable);
  const ranked = counted.find((i) => i.id === query.rank) ?? counted[0];
  const months = ranked ? dashboard.trend.find((x) => x.indicatorId === ranked.id)?.months ?? [] : [];
  const chart = ranked ? trendGeometry(months, ranked.target ?? null) : null;
  // A city's counties on a map, coloured by the ranked indicator's % done (towns have no outlines).
  const map = ranked ? (choropleth(dashboard.regionCode, new Map(dashboard.children.map((c) => [c.code, c.indicators.find((x) => x.indicatorId === ranked.id)?.pct ?? null]))) ?? null) : null;
  return { query, dashboard, chart, map };
}

const STATUS_STYLE: Record<string, string> = {
  done: "bg-emerald-100 text-emerald-900",
  met: "bg-emerald-100 text-emerald-900",
  on_track: "bg-emerald-50 text-emerald-800",
  behind: "bg-amber-100 text-amber-900",
  lagging: "bg-red-100 text-red-800",
  missed: "bg-red-100 text-red-800",
};

export default function IndicatorDashboard() {
  const { t, i18n } = useTranslation();
  const { query, dashboard: d, chart, map } = useLoaderData<typeof loader>();
  const en = i18n.language === "en";
  const name = (x: { nameZh?: string; nameEn?: string | null; name?: string }) => (en ? (x.nameEn ?? x.name ?? x.nameZh) : (x.nameZh ?? x.name)) ?? "";
  const number = (n: number | null, unit: string) => (n === null ? "—" : unit === "percent" ? `${(n / 100).toFixed(2)}%` : formatNumber(n, i18n.language));
  const href = (changes: Record<string, string | number | undefined>) => {
    const next = { region: d.regionCode, year: d.year, plan: d.plan?.code, rank: query.rank, ...changes };
    const params = new URLSearchParams(Object.entries(next).filter(([, v]) => v !== undefined && v !== "").map(([k, v]) => [k, String(v)]));
    return `/staff/indicators?${params}`;
  };
  const counted = d.indicators.filter((i) => i.traceable);
  const ranked = counted.find((i) => i.id === query.rank) ?? counted[0];
  const rankRows = ranked
    ? d.children.map((c) => ({ ...c, figure: c.indicators.find((x) => x.indicatorId === ranked.id)! })).sort((a, b) => (a.figure.pct ?? 1e9) - (b.figure.pct ?? 1e9))
    : [];
  const trend = ranked ? d.trend.find((x) => x.indicatorId === ranked.id)?.months ?? [] : [];
  const peak = Math.max(1, ...trend);
  const pacePct = Math.round(d.elapsed * 1000) / 10;
  return (
    <div className="mx-auto max-w-5xl">
      <StaffNav />
      <h1 className="text-2xl font-bold">{t("indicators.title")} · <span data-testid="dashboard-region">{name(d.region)}</span></h1>
      <Link to={`/staff/targets?${new URLSearchParams({ region: d.regionCode, year: String(d.year), ...(d.plan ? { plan: d.plan.code } : {}) })}`} className="mr-3 text-sm text-brand-700 underline" data-testid="targets-link">{t("targets.fromDashboard")}</Link>
      <Link to="/staff/indicators/lagging" className="mr-3 text-sm text-brand-700 underline" data-testid="lagging-link">{t("indicators.lagging.link")}</Link>
      {d.parent ? <Link to={href({ region: d.parent.code, rank: undefined })} className="text-sm text-brand-700 underline">{t("indicators.up", { name: name(d.parent) })}</Link> : null}
      <Form method="get" className="my-3 flex flex-wrap items-end gap-2">
        <input type="hidden" name="region" value={d.regionCode} />
        <label className="text-sm"><span className="block font-medium">{t("indicators.year")}</span>
          <input name="year" type="number" inputMode="numeric" defaultValue={d.year} min={2000} max={2100} className="mt-1 min-h-11 w-28 rounded border border-slate-300 px-2" />
        </label>
        {d.plans.length > 1 ? (
          <label className="text-sm"><span className="block font-medium">{t("indicators.plan")}</span>
            <select name="plan" defaultValue={d.plan?.code} className="mt-1 min-h-11 rounded border border-slate-300 bg-white px-2">
              {d.plans.map((p) => <option key={p.code} value={p.code}>{name(p)}</option>)}
            </select>
          </label>
        ) : null}
        <button type="submit" className="min-h-11 rounded border border-slate-300 bg-white px-3">{t("indicators.show")}</button>
      </Form>
      {!d.plan ? <p className={card}>{t("indicators.noPlan")}</p> : (
        <>
          <p className="mb-1 font-semibold" data-testid="plan-name">{name(d.plan)}{d.plan.document ? <span className="ml-2 text-sm font-normal text-slate-600">{d.plan.document}</span> : null}</p>
          <p className="mb-3 text-sm text-slate-700"><strong data-testid="elapsed">{t("indicators.elapsed", { pct: pacePct })}</strong> · {t("indicators.elapsedHint", { points: LAG_POINTS })}</p>
          <div className="overflow-x-auto rounded-lg bg-white shadow-sm">
            <table className="w-full min-w-[640px] text-sm" data-testid="indicator-table">
              <thead className="bg-slate-50 text-left">
                <tr>{(["indicator", "target", "done", "pct", "pace", "gap", "status"] as const).map((c) => <th key={c} className="px-2 py-2 font-semibold">{tCode(t, "indicators.columns", c)}</th>)}</tr>
              </thead>
              <tbody>
                {d.indicators.map((i) => (
                  <tr key={i.id} className="border-t border-slate-100" data-testid="indicator-row" data-code={i.code} data-status={i.status}>
                    <td className="px-2 py-2">{name(i)}</td>
                    <td className="px-2 py-2 tabular-nums" data-testid="target">{number(i.target, i.unit)}</td>
                    <td className="px-2 py-2 tabular-nums" data-testid="done">
                      {i.traceable && i.done !== null ? <Link to={`/staff/indicators/records?indicator=${i.id}&region=${d.regionCode}&year=${d.year}`} className="text-brand-700 underline">{number(i.done, i.unit)}</Link> : number(i.done, i.unit)}
                    </td>
                    <td className="px-2 py-2 tabular-nums">{i.pct === null ? "—" : `${i.pct}%`}</td>
                    <td className="px-2 py-2 tabular-nums">{number(i.pace, i.unit)}</td>
                    <td className="px-2 py-2 tabular-nums">{number(i.gap, i.unit)}</td>
                    <td className="px-2 py-2"><span className={`rounded px-2 py-0.5 ${STATUS_STYLE[i.status] ?? "bg-slate-100"}`}>{tCode(t, "indicators.status", i.status)}</span></td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <div className="no-print mt-1 flex flex-wrap items-center gap-x-4">
            <ExportLinks href={withQuery("/staff/indicators/export", { region: d.regionCode, year: d.year, plan: d.plan.code, table: "indicators" })} what={t("exports.files.indicators")} />
            <Link to={withQuery("/staff/indicators/report", { region: d.regionCode, year: d.year, plan: d.plan.code, rank: ranked?.id })} className="inline-flex min-h-11 items-center text-sm text-brand-700 underline" data-testid="report-link">{t("exports.report.link")}</Link>
          </div>
          {ranked && rankRows.length ? (
            <section className="mt-6" aria-labelledby="ranking">
              <h2 id="ranking" className="text-lg font-semibold">{t("indicators.ranking", { name: name(ranked) })}</h2>
              <p className="mb-2 text-sm text-slate-600">{t("indicators.rankingHint")}</p>
              <ExportLinks href={withQuery("/staff/indicators/export", { region: d.regionCode, year: d.year, plan: d.plan.code, table: "ranking", rank: ranked.id })} what={t("exports.files.ranking")} />
              <div className="mb-2 flex flex-wrap gap-2">
                {counted.map((i) => (
                  <Link key={i.id} to={href({ rank: i.id })} aria-current={i.id === ranked.id ? "true" : undefined} className={`rounded-full border px-3 py-1 text-sm ${i.id === ranked.id ? "border-brand-700 bg-brand-700 text-white" : "border-slate-300 bg-white"}`}>{name(i)}</Link>
                ))}
              </div>
              {map ? (
                <ChoroplethMap
                  map={map}
                  labels={{ title: t("indicators.map.title", { name: name(ranked) }), area: t("indicators.map.area"), value: t("indicators.map.value"), legend: t("indicators.map.legend"), noData: t("indicators.map.noData") }}
                  format={(v) => `${Math.round(v)}%`}
                  nameOf={(code, fallback) => { const c = d.children.find((x) => x.code === code); return c ? name(c) : fallback; }}
                />
              ) : null}
              <ol className="mt-2 space-y-1" data-testid="ranking">
                {rankRows.map((c) => (
                  <li key={c.code} className={`flex flex-wrap items-center gap-2 rounded bg-white p-2 shadow-sm ${c.figure.status === "lagging" ? "ring-2 ring-red-300" : ""}`} data-testid="child-region" data-code={c.code} data-status={c.figure.status}>
                    <Link to={href({ region: c.code })} className="min-w-24 font-medium text-brand-700 underline">{name(c)}</Link>
                    <span className="tabular-nums">{formatNumber(c.figure.done, i18n.language)} / {c.figure.target == null ? "—" : formatNumber(c.figure.target, i18n.language)}</span>
                    <span className="tabular-nums">{c.figure.pct === null ? "" : `${c.figure.pct}%`}</span>
                    <span className={`rounded px-2 py-0.5 text-xs ${STATUS_STYLE[c.figure.status] ?? "bg-slate-100"}`}>{tCode(t, "indicators.status", c.figure.status)}</span>
                  </li>
                ))}
              </ol>
            </section>
          ) : null}
          {ranked ? (
            <section className="mt-6" aria-labelledby="trend">
              <h2 id="trend" className="mb-2 text-lg font-semibold">{t("indicators.trend", { name: name(ranked) })}</h2>
              {chart ? (
                <TrendChart
                  chart={chart}
                  title={t("indicators.trend", { name: name(ranked) })}
                  desc={trend.map((n, m) => `${t("indicators.month", { month: m + 1 })} ${n}`).join(", ")}
                  labels={{ added: t("indicators.added"), cumulative: t("indicators.cumulative"), pace: t("indicators.paceLine"), month: (m) => t("indicators.month", { month: m }) }}
                />
              ) : null}
              {/* The figures as text, for screen readers (the chart's description says them too). */}
              <ol className="sr-only" data-testid="trend">
                {trend.map((n, m) => (
                  <li key={m} className="flex flex-1 flex-col items-center justify-end text-[10px]" title={`${t("indicators.month", { month: m + 1 })}: ${n}`}>
                    <span className="tabular-nums">{n || ""}</span>
                    <span className="w-full rounded-t bg-brand-600" style={{ height: `${(n / peak) * 100}px` }} />
                    <span>{t("indicators.month", { month: m + 1 })}</span>
                  </li>
                ))}
              </ol>
            </section>
          ) : null}
        </>
      )}
    </div>
  );
}
