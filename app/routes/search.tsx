import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData, useNavigation, useSubmit } from "@remix-run/react";
import { useEffect, useRef } from "react";
import { useTranslation } from "react-i18next";
import { OpportunityCard } from "~/components/opportunity-card.tsx";
import { getLanguage } from "~/i18n/language.server.ts";
import { GROUP_CODES, POSTED_WITHIN, parseSearchParams, searchUrl, type SearchParams } from "~/modules/search/params.ts";
import { loadSearchPage, type FacetOption } from "~/modules/search/search-page.server.ts";
import { OPPORTUNITY_KINDS, PAY_BANDS } from "../../search/documents.ts";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data?.params.q ? `${data.params.q} - 搜索 | 安康就业创业服务网` : "搜索 | 安康就业创业服务网" },
  { name: "description", content: "安康市招聘岗位、就业见习、零工短工、创业孵化基地、劳务品牌培训一站搜索" },
];

export async function loader({ request }: LoaderFunctionArgs) {
  const { params, notes } = parseSearchParams(new URL(request.url).searchParams);
  return loadSearchPage(params, notes, await getLanguage(request));
}

type FilterName = "county" | "town" | "industry" | "pay" | "posted" | "group" | "brand";

function FacetGroup({ title, name, options, params, testId }: { title: string; name: FilterName; options: FacetOption[]; params: SearchParams; testId: string }) {
  const { t } = useTranslation();
  const current = params[name];
  if (options.length === 0 && !current) return null;
  const linkFor = (value: string | undefined) => {
    const next: Partial<SearchParams> = { ...params, [name]: value, page: 1 };
    if (name === "county") next.town = undefined;
    return searchUrl(next);
  };
  return (
    <details className="border-b border-slate-200 py-2" open={Boolean(current) || name === "county"} data-testid={testId}>
      <summary className="cursor-pointer text-sm font-semibold">{title}</summary>
      <ul className="mt-1 space-y-0.5 text-sm">
        {current ? (
          <li>
            <Link to={linkFor(undefined)} className="text-brand-700 underline" preventScrollReset>
              × {t("search.all")}
            </Link>
          </li>
        ) : null}
        {options.map((o) => (
          <li key={o.value}>
            <Link
              to={linkFor(o.value)}
              preventScrollReset
              aria-current={current === o.value ? "true" : undefined}
              className={`flex justify-between rounded px-1 py-0.5 hover:bg-slate-100 ${current === o.value ? "bg-brand-50 font-semibold text-brand-800" : ""} ${o.count === 0 ? "text-slate-400" : ""}`}
            >
              <span>{o.label}</span>
              <span className="text-slate-500">{o.count}</span>
            </Link>
          </li>
        ))}
      </ul>
    </details>
  );
}

export default function SearchPage() {
  const data = useLoaderData<typeof loader>();
  const { params } = data;
  const { t } = useTranslation();
  const submit = useSubmit();
  const navigation = useNavigation();
  const formRef = useRef<HTMLFormElement>(null);
  const inputRef = useRef<HTMLInputElement>(null);
  const timer = useRef<ReturnType<typeof setTimeout>>();
  const searching = navigation.state === "loading" && navigation.location?.pathname === "/search";

  useEffect(() => {
    if (inputRef.current && document.activeElement !== inputRef.current) inputRef.current.value = params.q;
  }, [params.q]);

  const kindOptions = OPPORTUNITY_KINDS.map((k) => ({ value: k, label: t(`kinds.${k}`), count: data.facets.kind?.[k] ?? 0 }));
  const active: { label: string; url: string }[] = [];
  const drop = (patch: Partial<SearchParams>) => searchUrl({ ...params, ...patch, page: 1 });
  for (const k of params.kind) active.push({ label: t(`kinds.${k}`), url: drop({ kind: params.kind.filter((x) => x !== k) }) });
  if (params.county) active.push({ label: data.labels.counties.find((c) => c.value === params.county)?.label ?? params.county, url: drop({ county: undefined, town: undefined }) });
  if (params.town) active.push({ label: data.labels.towns.find((c) => c.value === params.town)?.label ?? params.town, url: drop({ town: undefined }) });
  if (params.industry) active.push({ label: data.labels.industries.find((c) => c.value === params.industry)?.label ?? params.industry, url: drop({ industry: undefined }) });
  if (params.pay) active.push({ label: t(`payBands.${params.pay}`), url: drop({ pay: undefined }) });
  if (params.posted) active.push({ label: t(`postedWithin.${params.posted}`), url: drop({ posted: undefined }) });
  if (params.group) active.push({ label: t(`groups.${params.group}`), url: drop({ group: undefined }) });
  if (params.brand) active.push({ label: data.labels.brands.find((c) => c.value === params.brand)?.label ?? params.brand, url: drop({ brand: undefined }) });

  return (
    <div>
      <h1 className="sr-only">{t("search.title")}</h1>
      <Form method="get" action="/search" ref={formRef} role="search" className="flex gap-2" data-testid="search-form">
        <input
          ref={inputRef}
          type="search"
          name="q"
          defaultValue={params.q}
          placeholder={t("search.placeholder")}
          aria-label={t("search.placeholder")}
          maxLength={200}
          className="min-w-0 flex-1 rounded border border-slate-300 px-3 py-2 text-base"
          onChange={(event) => {
            const form = event.currentTarget.form;
            clearTimeout(timer.current);
            timer.current = setTimeout(() => form && submit(form, { replace: true, preventScrollReset: true }), 250);
          }}
        />
        {params.kind.map((k) => <input key={k} type="hidden" name="kind" value={k} />)}
        {(["county", "town", "industry", "pay", "posted", "group", "brand"] as const).map((name) =>
          params[name] ? <input key={name} type="hidden" name={name} value={params[name]} /> : null,
        )}
        <select name="sort" defaultValue={params.sort} aria-label={t("search.sort")} className="rounded border border-slate-300 px-1 text-sm"
          onChange={(event) => event.currentTarget.form && submit(event.currentTarget.form, { preventScrollReset: true })}>
          <option value="relevance">{t("search.sortRelevance")}</option>
          <option value="newest">{t("search.sortNewest")}</option>
          <option value="pay">{t("search.sortPay")}</option>
        </select>
        <button type="submit" className="rounded bg-brand-600 px-4 py-2 font-semibold text-white">{t("search.submit")}</button>
      </Form>

      <nav className="mt-3 flex gap-1 overflow-x-auto pb-1 text-sm" aria-label={t("search.kind")} data-testid="kind-tabs">
        <Link to={searchUrl({ ...params, kind: [], page: 1 })} className={`shrink-0 rounded-full border px-3 py-1 ${params.kind.length === 0 ? "border-brand-600 bg-brand-600 text-white" : "border-slate-300 bg-white"}`}>
          {t("search.all")}
        </Link>
        {kindOptions.map((k) => (
          <Link key={k.value} to={searchUrl({ ...params, kind: [k.value], page: 1 })} preventScrollReset
            className={`shrink-0 rounded-full border px-3 py-1 ${params.kind.length === 1 && params.kind[0] === k.value ? "border-brand-600 bg-brand-600 text-white" : "border-slate-300 bg-white"}`}>
            {k.label} <span className="opacity-75">{k.count}</span>
          </Link>
        ))}
      </nav>

      {data.source === "database" ? (
        <p role="status" className="mt-3 rounded border border-amber-300 bg-amber-50 p-2 text-sm text-amber-900" data-testid="fallback-notice">{t("search.fallbackNotice")}</p>
      ) : null}
      {data.notes.map((n, i) => (
        <p key={i} role="status" className="mt-2 rounded border border-sky-200 bg-sky-50 p-2 text-sm text-sky-900" data-testid="param-note">{t(n.key, { param: n.param })}</p>
      ))}

      <div className="mt-3 grid gap-4 md:grid-cols-[14rem_1fr]">
        <aside aria-label={t("search.filters")} className="order-2 md:order-1">
          <FacetGroup title={t("search.county")} name="county" options={data.labels.counties} params={params} testId="facet-county" />
          <FacetGroup title={t("search.town")} name="town" options={data.labels.towns} params={params} testId="facet-town" />
          <FacetGroup title={t("search.industry")} name="industry" options={data.labels.industries} params={params} testId="facet-industry" />
          <FacetGroup title={t("search.pay")} name="pay" params={params} testId="facet-pay"
            options={PAY_BANDS.map((b) => ({ value: b, label: t(`payBands.${b}`), count: data.facets.payBand?.[b] ?? 0 })).filter((o) => o.count > 0 || params.pay === o.value)} />
          <FacetGroup title={t("search.posted")} name="posted" params={params} testId="facet-posted"
            options={data.source === "search" ? POSTED_WITHIN.map((d) => ({ value: d, label: t(`postedWithin.${d}`), count: data.postedCounts[d] ?? 0 })) : []} />
          <FacetGroup title={t("search.group")} name="group" params={params} testId="facet-group"
            options={GROUP_CODES.map((g) => ({ value: g, label: t(`groups.${g}`), count: data.facets.groups?.[g] ?? 0 })).filter((o) => o.count > 0 || params.group === o.value)} />
          <FacetGroup title={t("search.brand")} name="brand" options={data.labels.brands} params={params} testId="facet-brand" />
        </aside>

        <section className="order-1 md:order-2" aria-live="polite" aria-busy={searching}>
          <div className="flex flex-wrap items-center gap-2 text-sm">
            <p className="font-medium" data-testid="result-count">
              {params.q ? t("search.resultsFor", { q: params.q, count: data.total }) : t("search.results", { count: data.total })}
            </p>
            {searching ? <span className="text-slate-500">{t("search.loading")}</span> : null}
            {active.map((a) => (
              <Link key={a.url + a.label} to={a.url} className="rounded-full bg-brand-100 px-2 py-0.5 text-brand-800" data-testid="active-filter">
                {a.label} ×
              </Link>
            ))}
          </div>

          {data.cards.length === 0 ? (
            <div className="mt-4 rounded border border-slate-200 bg-white p-4" data-testid="no-results">
              <p className="font-semibold">{t("search.noResults")}</p>
              {active.length ? (
                <>
                  <p className="mt-2 text-sm">{t("search.noResultsHelp")}</p>
                  <ul className="mt-1 flex flex-wrap gap-2 text-sm">
                    {active.map((a) => (
                      <li key={a.url}><Link className="text-brand-700 underline" to={a.url}>{t("search.removeFilter", { label: a.label })}</Link></li>
                    ))}
                  </ul>
                </>
              ) : null}
              {data.nearbyCounties.length ? (
                <>
                  <p className="mt-2 text-sm">{t("search.nearby")}</p>
                  <ul className="mt-1 flex flex-wrap gap-2 text-sm">
                    {data.nearbyCounties.map((c) => (
                      <li key={c.value}><Link className="text-brand-700 underline" to={searchUrl({ ...params, county: c.value, town: undefined, page: 1 })}>{c.label}</Link></li>
                    ))}
                  </ul>
                </>
              ) : null}
            </div>
          ) : (
            <ol className="mt-3 space-y-2">
              {data.cards.map((card) => <OpportunityCard key={card.key} card={card} query={params.q} />)}
            </ol>
          )}

          {data.totalPages > 1 ? (
            <nav className="mt-4 flex items-center justify-between text-sm" aria-label="pagination" data-testid="pagination">
              {params.page > 1 ? <Link rel="prev" className="rounded border bg-white px-3 py-2" to={searchUrl({ ...params, page: params.page - 1 })}>{t("search.previous")}</Link> : <span />}
              <span>{t("search.pageOf", { page: params.page, pages: Math.min(data.totalPages, 500) })}</span>
              {params.page < Math.min(data.totalPages, 500) ? <Link rel="next" className="rounded border bg-white px-3 py-2" to={searchUrl({ ...params, page: params.page + 1 })}>{t("search.next")}</Link> : <span />}
            </nav>
          ) : null}
        </section>
      </div>
    </div>
  );
}
