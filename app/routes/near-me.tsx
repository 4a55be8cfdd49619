import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { RegionPicker } from "~/components/region-picker.tsx";
import { getLanguage } from "~/i18n/language.server.ts";
import { useTranslation } from "~/i18n/translate.ts";
import { homeTownPicker } from "~/modules/search/home-town.server.ts";
import { metaT, pageTitle } from "~/utils/meta.ts";
import type { I18nHandle } from "~/i18n/i18n.ts";

export const handle: I18nHandle = { i18n: ["opportunities"] };

export const meta: MetaFunction = ({ matches }) => [{ title: pageTitle(metaT(matches), metaT(matches)("near.title")) }];

/** Choosing a home town for "near me": a plain GET form to /set-home, so it works without JavaScript. */
export async function loader({ request }: LoaderFunctionArgs) {
  return homeTownPicker(request, await getLanguage(request));
}

export default function NearMePage() {
  const { t } = useTranslation();
  const { options, county, town, redirectTo } = useLoaderData<typeof loader>();
  return (
    <div className="mx-auto max-w-xl">
      <h1 className="text-2xl font-bold">{t("near.title")}</h1>
      <p className="mt-2 text-slate-700">{t("near.lead")}</p>
      <Form method="get" action="/set-home" className="mt-4 rounded-lg border border-slate-200 bg-white p-4" data-testid="near-form">
        <input type="hidden" name="redirectTo" value={redirectTo} />
        <RegionPicker
          options={options}
          county={{ id: "near-county", name: "county", initialValue: county ?? "" }}
          town={{ id: "near-town", name: "town", initialValue: town ?? "" }}
          countyLabel={t("near.county")}
          townLabel={t("near.town")}
          countyPlaceholder={t("near.chooseCounty")}
          townPlaceholder={t("near.chooseTown")}
          testId="near-picker"
        />
        <button type="submit" className="min-h-12 w-full rounded bg-brand-600 px-5 text-base font-semibold text-white sm:w-auto" data-testid="near-save">
          {t("near.save")}
        </button>
      </Form>
      <p className="mt-4 flex flex-wrap gap-4">
        <Link to={redirectTo} className="inline-flex min-h-11 items-center text-brand-700 underline">{t("near.back")}</Link>
        {county ? (
          <Link to={`/set-home?${new URLSearchParams({ forget: "1", redirectTo })}`} className="inline-flex min-h-11 items-center text-slate-700 underline" data-testid="near-forget">
            {t("near.forget")}
          </Link>
        ) : null}
      </p>
    </div>
  );
}
