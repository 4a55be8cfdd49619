import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData, useLocation, useNavigate, useNavigation } from "@remix-run/react";
import { useEffect, useRef } from "react";
import type { TFunction } from "i18next";
import { useTranslation, tCode, tKey } from "~/i18n/translate.ts";
import { OpportunityCard } from "~/components/opportunity-card.tsx";
import { getLanguage } from "~/i18n/language.server.ts";
import { parseSearchParams } from "~/modules/search/params.server.ts";
import { GROUP_CODES, MAX_PAGE, MAX_QUERY_LENGTH, POSTED_WITHIN, searchUrl, type SearchParams } from "~/modules/search/search-url.ts";
import { loadSearchPage, type FacetOption } from "~/modules/search/search-page.server.ts";
import { withHomeTown } from "~/modules/search/home-town.server.ts";
import { NearMe } from "~/components/near-me.tsx";
import { SaveSearch } from "~/components/save-search.tsx";
import { metaT, pageTitle } from "~/utils/meta.ts";
import { OPPORTUNITY_KINDS, PAY_BANDS } from "../../search/documents.ts";
import type { I18nHandle } from "~/i18n/i18n.ts";

export const handle: I18nHandle = { i18n: ["opportunities", "alerts"] };

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => {
  const t = metaT(matches);
  return [
    { title: pageTitle(t, data?.params.q ? t("search.metaTitleFor", { q: data.params.q }) : t("search.metaTitle")) },
    { name: "description", content: t("search.metaDescription") },
  ];
};

export async function loader({ request }: LoaderFunctionArgs) {
  const { params, notes } = parseSearchParams(await withHomeTown(request));
  return loadSearchPage(params, notes, await getLanguage(request));
}

const FILTERS = ["county", "town", "industry", "pay", "posted", "group", "brand"] as const;
type FilterName = (typeof FILTERS)[number];

/** The label a parameter note names: the filter's own title, or the raw name for unknown ones. */
const PARAM_LABEL = new Map<string, string>([
  ["q", "search.query"],
  ...["kind", "sort", "page", ...FILTERS].map((name): [string, string] => [name, `search.${name}`]),
]);
const paramLabel = (t: TFunction, param: string) => {
  const key = PARAM_LABEL.get(param);
  return key ? tKey(t, key) : param;
};

/** The search URL for a form's current fields, without empty values or the default sort. */
function urlFromForm(form: HTMLFormElement): string {
  const query = new URLSearchParams();
  for (const [name, value] of new FormData(form)) {
    if (typeof value !== "string" || value.trim() === "" || (name === "sort" && value === "relevance")) continue;
    query.append(name, value);
  }
  const text = query.toString();
  return text ? `/search?${text}` : "/search";
}

function FacetGroup({ title, name, options, params, testId }: { title: string; name: FilterName; options: FacetOption[]; params: SearchParams; testId: string }) {
  const { t } = useTranslation();
  const current = params[name];
  if (options.length === 0 && !current) return null;
  const linkFor = (value: string | undefined) => {
    const next: Partial<SearchParams> = { ...params, [name]: value, page: 1 };
    if (name === "county") next.town = undefined;
    return searchUrl(next);
  };
  const item = "flex min-h-11 items-center justify-between gap-2 rounded px-2 md:min-h-0 md:py-1";
  // County first, then its towns: the next choice to make is the open one.
  const open = name === "county" ? !current : name === "town" ? Boolean(params.county) : Boolean(current);
  const chosen = current ? options.find((o) => o.value === current)?.label ?? current : null;
  return (
    <details className="border-b border-slate-200 last:border-b-0" open={open} data-testid={testId}>
      <summary className="disclosure min-h-12 cursor-pointer px-1 font-semibold md:min-h-10 md:text-sm">
        {title}
        {chosen ? <span className="font-normal text-brand-700">{chosen}</span> : null}
      </summary>
      <ul className="pb-2 text-base md:text-sm">
        {current ? (
          <li>
            <Link to={linkFor(undefined)} className={`${item} text-brand-700 underline`} preventScrollReset>
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
              className={`${item} hover:bg-slate-100 ${current === o.value ? "bg-brand-50 font-semibold text-brand-800" : ""} ${o.count === 0 ? "text-slate-500" : ""}`}
            >
              <span>{o.label}</span>
              <span className="text-sm text-slate-500">{o.count}</span>
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
  const navigate = useNavigate();
  const navigation = useNavigation();
  const location = useLocation();
  const formRef = useRef<HTMLFormElement>(null);
  const inputRef = useRef<HTMLInputElement>(null);
  const filtersRef = useRef<HTMLDetailsElement>(null);
  const timer = useRef<ReturnType<typeof setTimeout>>();
  const typing = useRef(false);
  const searching = navigation.state === "loading" && navigation.location?.pathname === "/search";

  // Back and forward (and facet links) change the URL under the box: show its query unless the
  // person is typing in it.
  useEffect(() => {
    if (inputRef.current && document.activeElement !== inputRef.current) inputRef.current.value = params.q;
  }, [params.q]);

  // On a phone the filters fold away once a choice is made, so the results are in view; on a wide
  // screen they stay open as a side column (CSS keeps them open there without JavaScript too).
  useEffect(() => {
    if (filtersRef.current) filtersRef.current.open = window.matchMedia("(min-width: 48rem)").matches;
  }, [location.search]);
  useEffect(() => () => clearTimeout(timer.current), []);

  const go = (replace: boolean) => {
    clearTimeout(timer.current);
    if (formRef.current) navigate(urlFromForm(formRef.current), { replace, preventScrollReset: true });
  };
  // Type-to-search: one history entry per burst of typing (later keystrokes replace it), and none
  // while an input method is still composing Chinese, so half-typed pinyin is not searched.
  const typed = (composing: boolean) => {
    clearTimeout(timer.current);
    if (composing) return;
    timer.current = setTimeout(() => {
      go(typing.current);
      typing.current = true;
    }, 300);
  };

  const kindOptions = OPPORTUNITY_KINDS.map((k) => ({ value: k, label: tCode(t, "kinds", k), count: data.facets.kind?.[k] ?? 0 }));
  const active: { label: string; url: string }[] = [];
  const drop = (patch: Partial<SearchParams>) => searchUrl({ ...params, ...patch, page: 1 });
  for (const k of params.kind) active.push({ label: tCode(t, "kinds", k), url: drop({ kind: params.kind.filter((x) => x !== k) }) });
  if (params.county) active.push({ label: data.labels.counties.find((c) => c.value === params.county)?.label ?? params.county, url: drop({ county: undefined, town: undefined }) });
  if (params.town) active.push({ label: data.labels.towns.find((c) => c.value === params.town)?.label ?? params.town, url: drop({ town: undefined }) });
  if (params.industry) active.push({ label: data.labels.industries.find((c) => c.value === params.industry)?.label ?? params.industry, url: drop({ industry: undefined }) });
  if (params.pay) active.push({ label: tCode(t, "payBands", params.pay), url: drop({ pay: undefined }) });
  if (params.posted) active.push({ label: tCode(t, "postedWithin", params.posted), url: drop({ posted: undefined }) });
  if (params.group) active.push({ label: tCode(t, "groups", params.group), url: drop({ group: undefined }) });
  if (params.brand) active.push({ label: data.labels.brands.find((c) => c.value === params.brand)?.label ?? params.brand, url: drop({ brand: undefined }) });
  const facetFilters = active.length - params.kind.length;
  const pages = Math.min(data.totalPages, MAX_PAGE);
  const chip = "inline-flex min-h-10 items-center rounded-full border px-3";

  return (
    <div>
      <h1 className="sr-only">{t("search.title")}</h1>
      <form
        method="get"
        action="/search"
        id="search-form"
        ref={formRef}
        role="search"
        className="flex gap-2"
        data-testid="search-form"
        onSubmit={(event) => {
          event.preventDefault();
          go(typing.current);
          typing.current = false;
        }}
      >
        <input
          ref={inputRef}
          type="search"
          name="q"
          defaultValue={params.q}
          placeholder={t("search.placeholder")}
          aria-label={t("search.placeholder")}
          maxLength={MAX_QUERY_LENGTH}
          enterKeyHint="search"
          className="h-12 min-w-0 flex-1 rounded border border-slate-400 bg-white px-3 text-base"
          onChange={(event) => typed((event.nativeEvent as InputEvent).isComposing)}
          onCompositionEnd={() => typed(false)}
          onBlur={() => (typing.current = false)}
        />
        {params.kind.map((k) => <input key={k} type="hidden" name="kind" value={k} />)}
        {[...FILTERS, "near", "within"].map((name) => {
          const value = params[name as FilterName | "near" | "within"];
          return value ? <input key={name} type="hidden" name={name} value={value} /> : null;
        })}
        <button type="submit" className="h-12 shrink-0 rounded bg-brand-600 px-5 text-base font-semibold text-white">{t("search.submit")}</button>
      </form>

      <nav className="mt-3 flex flex-wrap gap-2 text-sm" aria-label={t("search.kind")} data-testid="kind-tabs">
        <Link to={searchUrl({ ...params, kind: [], page: 1 })} preventScrollReset
          aria-current={params.kind.length === 0 ? "true" : undefined}
          className={`${chip} ${params.kind.length === 0 ? "border-brand-600 bg-brand-600 text-white" : "border-slate-300 bg-white"}`}>
          {t("search.all")}
        </Link>
        {kindOptions.map((k) => {
          const selected = params.kind.length === 1 && params.kind[0] === k.value;
          return (
            <Link key={k.value} to={searchUrl({ ...params, kind: [k.value], page: 1 })} preventScrollReset aria-current={selected ? "true" : undefined}
              className={`${chip} gap-1 ${selected ? "border-brand-600 bg-brand-600 text-white" : "border-slate-300 bg-white"}`}>
              {k.label} <span className="opacity-75">{k.count}</span>
            </Link>
          );
        })}
      </nav>

      {data.source === "database" ? (
        <p role="status" className="mt-3 rounded border border-amber-300 bg-amber-50 p-2 text-sm text-amber-900" data-testid="fallback-notice">{t("search.fallbackNotice")}</p>
      ) : null}
      {data.notes.length ? (
        <ul role="status" className="mt-3 space-y-1 rounded border border-sky-200 bg-sky-50 p-2 text-sm text-sky-900">
          {data.notes.map((n, i) => (
            <li key={i} data-testid="param-note">{tKey(t, n.key, { param: paramLabel(t, n.param) })}</li>
          ))}
        </ul>
      ) : null}

      <NearMe params={params} nearLabel={data.nearLabel} />

      <div className="mt-3 grid gap-3 md:grid-cols-[15rem_minmax(0,1fr)] md:gap-6">
        <details ref={filtersRef} className="filters self-start rounded-lg border border-slate-200 bg-white md:border-0 md:bg-transparent" data-testid="filters">
          <summary className="disclosure min-h-12 cursor-pointer px-3 font-semibold md:px-1" data-testid="filters-toggle">
            {facetFilters > 0 ? t("search.filtersCount", { count: facetFilters }) : t("search.filters")}
          </summary>
          <div className="px-3 pb-2 md:px-0" role="group" aria-label={t("search.filters")}>
            <FacetGroup title={t("search.county")} name="county" options={data.labels.counties} params={params} testId="facet-county" />
            <FacetGroup title={t("search.town")} name="town" options={data.labels.towns} params={params} testId="facet-town" />
            <FacetGroup title={t("search.industry")} name="industry" options={data.labels.industries} params={params} testId="facet-industry" />
            <FacetGroup title={t("search.pay")} name="pay" params={params} testId="facet-pay"
              options={PAY_BANDS.map((b) => ({ value: b, label: tCode(t, "payBands", b), count: data.facets.payBand?.[b] ?? 0 })).filter((o) => o.count > 0 || params.pay === o.value)} />
            <FacetGroup title={t("search.posted")} name="posted" params={params} testId="facet-posted"
              options={data.source === "search" ? POSTED_WITHIN.map((d) => ({ value: d, label: tCode(t, "postedWithin", d), count: data.postedCounts[d] ?? 0 })) : []} />
            <FacetGroup title={t("search.group")} name="group" params={params} testId="facet-group"
              options={GROUP_CODES.map((g) => ({ value: g, label: tCode(t, "groups", g), count: data.facets.groups?.[g] ?? 0 })).filter((o) => o.count > 0 || params.group === o.value)} />
            <FacetGroup title={t("search.brand")} name="brand" options={data.labels.brands} params={params} testId="facet-brand" />
            <a href="#results" className="mt-2 flex min-h-11 items-center justify-center rounded bg-brand-600 font-semibold text-white md:hidden"
              onClick={() => filtersRef.current && (filtersRef.current.open = false)}>
              {t("search.showResults", { count: data.total })}
            </a>
          </div>
        </details>

        <section id="results" className="min-w-0" aria-busy={searching}>
          <div className="flex flex-wrap items-center gap-2">
            <h2 className="text-base font-medium" aria-live="polite" data-testid="result-count">
              {params.q ? t("search.resultsFor", { q: params.q, count: data.total }) : t("search.results", { count: data.total })}
            </h2>
            {searching ? <span className="text-sm text-slate-500">{t("search.loading")}</span> : null}
            <span className="ml-auto flex items-center gap-1">
              <select name="sort" form="search-form" defaultValue={params.sort} key={params.sort} aria-label={t("search.sort")}
                className="h-10 rounded border border-slate-300 bg-white px-1 text-sm" data-testid="sort"
                onChange={() => go(false)}>
                <option value="relevance">{t("search.sortRelevance")}</option>
                <option value="newest">{t("search.sortNewest")}</option>
                <option value="pay">{t("search.sortPay")}</option>
                {params.near ? <option value="distance">{t("search.sortDistance")}</option> : null}
              </select>
              <noscript>
                <button type="submit" form="search-form" className="h-10 rounded border border-slate-300 bg-white px-2 text-sm">{t("search.sortGo")}</button>
              </noscript>
            </span>
          </div>
          {active.length ? (
            <ul className="mt-2 flex flex-wrap gap-2 text-sm">
              {active.map((a) => (
                <li key={a.url + a.label}>
                  <Link to={a.url} preventScrollReset className="inline-flex min-h-9 items-center rounded-full bg-brand-100 px-3 text-brand-800" data-testid="active-filter"
                    aria-label={t("search.removeFilter", { label: a.label })}>
                    {a.label} ×
                  </Link>
                </li>
              ))}
            </ul>
          ) : null}

          {data.cards.length === 0 ? (
            <div className="mt-3 space-y-3 rounded-lg border border-slate-200 bg-white p-4" data-testid="no-results">
              <p className="text-lg font-semibold">{t("search.noResults")}</p>
              {params.q ? <p>{t("search.noResultsTips")}</p> : null}
              {active.length ? (
                <div>
                  <p>{t("search.noResultsFilters")}</p>
                  <ul className="mt-2 flex flex-wrap gap-2">
                    {active.map((a) => (
                      <li key={a.url}><Link className={`${chip} border-brand-600 text-brand-700`} to={a.url} data-testid="drop-filter">{t("search.removeFilter", { label: a.label })}</Link></li>
                    ))}
                  </ul>
                </div>
              ) : null}
              {data.nearbyCounties.length ? (
                <div>
                  <p>{t("search.nearby")}</p>
                  <ul className="mt-2 flex flex-wrap gap-2">
                    {data.nearbyCounties.map((c) => (
                      <li key={c.value}>
                        <Link className={`${chip} border-brand-600 text-brand-700`} to={searchUrl({ ...params, county: c.value, town: undefined, page: 1 })} data-testid="nearby-county">
                          {c.label} <span className="ml-1 text-slate-500">{c.count}</span>
                        </Link>
                      </li>
                    ))}
                  </ul>
                </div>
              ) : null}
              {params.q || active.length ? <p><Link className="text-brand-700 underline" to="/search">{t("search.clearAll")}</Link></p> : null}
            </div>
          ) : (
            <ol className={`mt-3 space-y-3 ${searching ? "opacity-60" : ""}`}>
              {data.cards.map((card) => <OpportunityCard key={card.key} card={card} query={params.q} />)}
            </ol>
          )}

          <SaveSearch query={searchUrl({ ...params, page: 1, sort: "relevance" }).split("?")[1] ?? ""} />
          {data.totalPages > 1 ? (
            <nav className="mt-4 flex items-center justify-between gap-2" aria-label={t("search.pages")} data-testid="pagination">
              {params.page > 1 ? <Link rel="prev" className="inline-flex min-h-11 items-center rounded border border-slate-300 bg-white px-4" to={searchUrl({ ...params, page: params.page - 1 })}>{t("search.previous")}</Link> : <span />}
              <span className="text-sm">{t("search.pageOf", { page: params.page, pages })}</span>
              {params.page < pages ? <Link rel="next" className="inline-flex min-h-11 items-center rounded border border-slate-300 bg-white px-4" to={searchUrl({ ...params, page: params.page + 1 })}>{t("search.next")}</Link> : <span />}
            </nav>
          ) : null}
        </section>
      </div>
    </div>
  );
}
