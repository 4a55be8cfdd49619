import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { PointsMap } from "~/components/region-map.tsx";
import { ServicePointCard } from "~/components/service-point-card.tsx";
import { getLanguage } from "~/i18n/language.server.ts";
import { useTranslation } from "~/i18n/translate.ts";
import { nearOf } from "~/modules/search/home-town.server.ts";
import { servicePointQuerySchema } from "~/modules/service-points/schemas.server.ts";
import { loadServicePointsPage } from "~/modules/service-points/page.server.ts";
import { metaT, pageTitle } from "~/utils/meta.ts";
import type { I18nHandle } from "~/i18n/i18n.ts";

export const handle: I18nHandle = { i18n: ["opportunities", "places"] };

export const meta: MetaFunction = ({ matches }) => {
  const t = metaT(matches);
  return [{ title: pageTitle(t, t("servicePoints.title")) }, { name: "description", content: t("servicePoints.metaDescription") }];
};

export async function loader({ request }: LoaderFunctionArgs) {
  const query = servicePointQuerySchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  const near = await nearOf(request);
  return { query: { ...query, near }, ...(await loadServicePointsPage({ county: query.county, near, lang: await getLanguage(request) })) };
}

export default function ServicePointsPage() {
  const { t } = useTranslation();
  const { query, points, counties, nearLabel, hasOrigin, map } = useLoaderData<typeof loader>();
  const chooseUrl = `/near-me?${new URLSearchParams({ redirectTo: query.county ? `/service-points?county=${query.county}` : "/service-points" })}`;
  return (
    <div className="mx-auto max-w-4xl">
      <h1 className="text-2xl font-bold">{t("servicePoints.title")}</h1>
      <p className="mt-2 text-slate-700">{t("servicePoints.lead")}</p>
      <p className="mt-3 flex flex-wrap items-center gap-x-3 gap-y-1 rounded-lg border border-slate-200 bg-white p-3 text-sm" data-testid="near-me">
        <span>{hasOrigin ? (nearLabel ? t("near.from", { place: nearLabel }) : t("near.fromBrowser")) : t("near.prompt")}</span>
        <Link to={chooseUrl} className="inline-flex min-h-10 items-center font-semibold text-brand-700 underline" data-testid="near-choose">
          {hasOrigin ? t("near.change") : t("near.choose")}
        </Link>
      </p>
      <Form method="get" className="mt-3 flex flex-wrap items-end gap-2">
        <div>
          <label htmlFor="sp-county" className="block text-sm font-medium">{t("servicePoints.county")}</label>
          <select id="sp-county" name="county" defaultValue={query.county ?? ""} className="mt-1 min-h-11 rounded border border-slate-300 bg-white px-2">
            <option value="">{t("servicePoints.allCounties")}</option>
            {counties.map((c) => <option key={c.code} value={c.code}>{c.name}</option>)}
          </select>
        </div>
        {query.near ? <input type="hidden" name="near" value={query.near} /> : null}
        <button type="submit" className="min-h-11 rounded border border-slate-300 bg-white px-4">{t("servicePoints.show")}</button>
      </Form>
      <p className="mt-3 text-sm text-slate-700" data-testid="service-point-count">{t("servicePoints.count", { count: points.length })}</p>
      <div className="mt-2 grid gap-4 md:grid-cols-[minmax(0,1fr)_minmax(0,22rem)]">
        {points.length === 0 ? (
          <p className="rounded-lg border border-slate-200 bg-white p-4">{t("servicePoints.empty")}</p>
        ) : (
          <ol className="space-y-3" data-testid="service-points">
            {points.map((p) => <ServicePointCard key={p.id} point={p} />)}
          </ol>
        )}
        {map ? (
          <div className="md:sticky md:top-4 md:self-start">
            <PointsMap map={map} labels={{ title: t("servicePoints.mapTitle"), radius: (km) => t("servicePoints.radius", { km }) }} />
          </div>
        ) : null}
      </div>
      <p className="mt-4 text-sm text-slate-700">{t("servicePoints.hotline")}</p>
    </div>
  );
}
