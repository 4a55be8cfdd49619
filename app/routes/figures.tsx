import type { HeadersFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { ChoroplethMap } from "~/components/region-map.tsx";
import { useTranslation, tCode } from "~/i18n/translate.ts";
import { LAG_POINTS } from "~/modules/indicators/progress.server.ts";
import { publicFigures, publicFiguresQuerySchema } from "~/modules/indicators/public.server.ts";
import { choropleth } from "~/modules/places/map.server.ts";
import { httpError } from "~/utils/http.ts";
import { metaT, pageTitle } from "~/utils/meta.ts";
import { formatNumber } from "~/utils/format.ts";
import type { I18nHandle } from "~/i18n/i18n.ts";

export const handle: I18nHandle = { i18n: ["indicators", "exports"] };

export const meta: MetaFunction = ({ matches }) => {
  const t = metaT(matches);
  return [{ title: pageTitle(t, t("exports.figures.title")) }, { name: "description", content: t("exports.figures.metaDescription") }];
};

/** Public numbers, the same for everyone: caches may keep them five minutes (per cookie, for the language and the header). */
export const headers: HeadersFunction = ({ errorHeaders }) => (errorHeaders ? new Headers() : new Headers({ "Cache-Control": "public, max-age=300", Vary: "Cookie" }));

/** GET ?year=: the city's headline progress for anyone, aggregate numbers only. */
export async function loader({ request }: LoaderFunctionArgs) {
  const query = publicFiguresQuerySchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  const figures = await publicFigures(query);
  if (!figures) throw httpError(404);
  // The counties' % done as a map, drawn here (the page ships no map code).
  const map = figures.counties ? (choropleth(figures.city.code, new Map(figures.counties.rows.map((r) => [r.code, r.pct]))) ?? null) : null;
  return { ...figures, map };
}

const STATUS_STYLE: Record<string, string> = {
  done: "bg-emerald-100 text-emerald-900",
  met: "bg-emerald-100 text-emerald-900",
  on_track: "bg-emerald-50 text-emerald-800",
  behind: "bg-amber-100 text-amber-900",
  lagging: "bg-red-100 text-red-800",
  missed: "bg-red-100 text-red-800",
};

function Bar({ pct, pace }: { pct: number | null; pace: number }) {
  if (pct === null) return null;
  return (
    <div className="relative mt-2 h-3 rounded-full bg-slate-200" aria-hidden="true">
      <div className="h-3 rounded-full bg-brand-600" style={{ width: `${Math.min(100, pct)}%` }} />
      <div className="absolute -top-1 h-5 w-0.5 bg-slate-900" style={{ left: `${Math.min(100, pace)}%` }} />
    </div>
  );
}

export default function PublicFigures() {
  const { t, i18n } = useTranslation();
  const f = useLoaderData<typeof loader>();
  const en = i18n.language === "en";
  const name = (x: { nameZh?: string; nameEn?: string | null; name?: string }) => (en ? (x.nameEn ?? x.name ?? x.nameZh) : (x.nameZh ?? x.name)) ?? "";
  const number = (n: number | null, unit: string) => (n === null ? "—" : unit === "percent" ? `${(n / 100).toFixed(2)}%` : formatNumber(n, i18n.language));
  const pacePct = Math.round(f.elapsed * 1000) / 10;
  const counties = f.counties ? [...f.counties.rows].sort((a, b) => (a.pct ?? 1e9) - (b.pct ?? 1e9) || a.code.localeCompare(b.code)) : [];
  return (
    <div className="mx-auto max-w-3xl">
      <h1 className="text-2xl font-bold">{t("exports.figures.title")} · {t("exports.yearLabel", { year: f.year })}</h1>
      <p className="mt-1 text-slate-600">{t("exports.figures.lead", { city: name(f.city) })}</p>
      {f.years.length > 1 ? (
        <Form method="get" className="my-3 flex flex-wrap items-end gap-2">
          <label className="text-sm"><span className="block font-medium">{t("exports.figures.year")}</span>
            <select name="year" defaultValue={f.year} className="mt-1 min-h-11 rounded border border-slate-300 bg-white px-2" data-testid="year-picker">
              {f.years.map((y) => <option key={y} value={y}>{t("exports.yearLabel", { year: y })}</option>)}
            </select>
          </label>
          <button type="submit" className="min-h-11 rounded border border-slate-300 bg-white px-3">{t("exports.figures.show")}</button>
        </Form>
      ) : null}
      {f.years.length === 0 ? <p className="mt-3 rounded-lg bg-white p-4 shadow-sm">{t("exports.figures.noYears")}</p> : !f.plan ? (
        <p className="mt-3 rounded-lg bg-white p-4 shadow-sm">{t("exports.figures.noPlan")}</p>
      ) : (
        <>
          <p className="mt-2 text-sm text-slate-700" data-testid="figures-plan">{t("exports.figures.plan")}：{name(f.plan)}{f.plan.document ? ` · ${f.plan.document}` : ""}</p>
          <p className="mt-1 text-sm"><strong data-testid="figures-elapsed">{t("exports.figures.elapsed", { pct: pacePct })}</strong> · <span className="text-slate-600">{t("exports.figures.elapsedHint")}</span></p>
          <ul className="mt-3 grid gap-3 sm:grid-cols-2" data-testid="figures">
            {f.indicators.map((i) => (
              <li key={i.code} className="rounded-lg bg-white p-3 shadow-sm" data-testid="figure" data-code={i.code} data-status={i.status}>
                <div className="flex items-start justify-between gap-2">
                  <h2 className="font-semibold">{name(i)}</h2>
                  <span className={`shrink-0 rounded px-2 py-0.5 text-xs ${STATUS_STYLE[i.status] ?? "bg-slate-100"}`}>{tCode(t, "indicators.status", i.status)}</span>
                </div>
                <dl className="mt-2 grid grid-cols-[auto_1fr] gap-x-3 text-sm">
                  <dt className="text-slate-600">{t("indicators.columns.target")}</dt>
                  <dd className="tabular-nums" data-testid="figure-target">{number(i.target, i.unit)}</dd>
                  <dt className="text-slate-600">{t("indicators.columns.done")}</dt>
                  <dd className="tabular-nums" data-testid="figure-done">{number(i.done, i.unit)}</dd>
                  {i.pct !== null ? (
                    <>
                      <dt className="text-slate-600">{t("indicators.columns.pct")}</dt>
                      <dd className="tabular-nums font-semibold" data-testid="figure-pct">{i.pct}%</dd>
                    </>
                  ) : null}
                  {i.pace !== null ? (
                    <>
                      <dt className="text-slate-600">{t("indicators.columns.pace")}</dt>
                      <dd className="tabular-nums">{number(i.pace, i.unit)}</dd>
                    </>
                  ) : null}
                </dl>
                <Bar pct={i.pct} pace={pacePct} />
              </li>
            ))}
          </ul>
          {f.counties && counties.length ? (
            <section className="mt-6" aria-labelledby="counties">
              <h2 id="counties" className="text-lg font-semibold">{t("exports.figures.counties", { name: name(f.counties.indicator) })}</h2>
              <p className="mb-2 text-sm text-slate-600">{t("exports.figures.countiesHint")} {t("indicators.elapsedHint", { points: LAG_POINTS })}</p>
              {f.map ? (
                <ChoroplethMap
                  map={f.map}
                  labels={{ title: t("indicators.map.title", { name: name(f.counties.indicator) }), area: t("indicators.map.area"), value: t("indicators.map.value"), legend: t("indicators.map.legend"), noData: t("indicators.map.noData") }}
                  format={(v) => `${Math.round(v)}%`}
                  nameOf={(code, fallback) => { const c = counties.find((x) => x.code === code); return c ? name(c) : fallback; }}
                />
              ) : null}
              <ol className="mt-3 space-y-2" data-testid="county-figures">
                {counties.map((c) => (
                  <li key={c.code} className={`rounded bg-white p-2 shadow-sm ${c.status === "lagging" ? "ring-2 ring-red-300" : ""}`} data-testid="county" data-code={c.code} data-status={c.status}>
                    <div className="flex flex-wrap items-center justify-between gap-2 text-sm">
                      <span className="font-medium">{name(c)}</span>
                      <span className="tabular-nums">
                        <strong>{c.pct === null ? "—" : `${c.pct}%`}</strong>
                        <span className="ml-2 text-slate-600">{t("exports.figures.doneOf", { done: formatNumber(c.done, i18n.language), target: c.target == null ? "—" : formatNumber(c.target, i18n.language) })}</span>
                      </span>
                    </div>
                    <Bar pct={c.pct} pace={pacePct} />
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
