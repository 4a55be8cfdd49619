import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useTranslation, tCode } from "~/i18n/translate.ts";
import { getLanguage } from "~/i18n/language.server.ts";
import { loadHome } from "~/modules/opportunities/home.server.ts";
import { nearOf } from "~/modules/search/home-town.server.ts";
import { searchUrl } from "~/modules/search/search-url.ts";
import { OpportunityCard } from "~/components/opportunity-card.tsx";
import { RecommendationPreview } from "~/components/recommendation-preview.tsx";
import { getOptionalUser } from "~/modules/auth/guards.server.ts";
import { previewRecommendations } from "~/modules/matching/recommendations.server.ts";
import { metaT } from "~/utils/meta.ts";
import type { I18nHandle } from "~/i18n/i18n.ts";

export const handle: I18nHandle = { i18n: ["opportunities"] };

export const meta: MetaFunction = ({ matches }) => {
  const t = metaT(matches);
  return [{ title: `${t("site.name")} — ${t("site.tagline")}` }, { name: "description", content: t("home.lead") }];
};

export async function loader({ request }: LoaderFunctionArgs) {
  const lang = await getLanguage(request);
  const [home, user] = await Promise.all([nearOf(request).then((near) => loadHome(lang, near)), getOptionalUser(request)]);
  // A signed-in seeker's first recommendations; visitors (the cached page) get none.
  const forYou = await previewRecommendations(user, lang);
  return { ...home, forYou };
}

export default function Home() {
  const data = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  return (
    <div>
      <section className="rounded-xl bg-white p-4 shadow-sm">
        <h1 className="text-2xl font-bold">{t("home.heading")}</h1>
        <p className="mt-1 text-sm text-slate-600">{t("home.lead")}</p>
        <Form method="get" action="/search" role="search" className="mt-3 flex gap-2">
          <input type="search" name="q" placeholder={t("search.placeholder")} aria-label={t("search.placeholder")} className="min-w-0 flex-1 rounded border border-slate-300 px-3 py-2 text-base" />
          <button type="submit" className="rounded bg-brand-600 px-4 py-2 font-semibold text-white">{t("search.submit")}</button>
        </Form>
      </section>
      {data.forYou ? <RecommendationPreview items={data.forYou.items} /> : null}
      <GigsNearHome data={data} />
      <section className="mt-4 rounded-lg border border-brand-200 bg-brand-50 p-4" aria-labelledby="returnees-title">
        <h2 id="returnees-title" className="font-semibold">{t("home.returnees")}</h2>
        <p className="text-slate-700">{t("home.returneesLead")}</p>
        <Link to="/returnees" className="mt-1 inline-flex min-h-11 items-center font-semibold text-brand-700 underline" data-testid="returnees-link">{t("home.returneesLink")}</Link>
      </section>
      <h2 className="mt-5 font-semibold">{t("home.browse")}</h2>
      <ul className="mt-2 grid grid-cols-2 gap-2 sm:grid-cols-5">
        {data.kinds.map((k) => (
          <li key={k.kind}>
            <Link to={searchUrl({ kind: [k.kind] })} className="block rounded-lg bg-white p-3 shadow-sm hover:bg-brand-50">
              <span className="block font-semibold">{tCode(t, "kinds", k.kind)}</span>
              <span className="text-sm text-slate-500">{t("home.count", { count: k.count })}</span>
            </Link>
          </li>
        ))}
      </ul>
      <h2 className="mt-5 font-semibold">{t("home.counties")}</h2>
      <ul className="mt-2 flex flex-wrap gap-2 text-sm">
        {data.counties.map((c) => (
          <li key={c.code}><Link to={searchUrl({ county: c.code })} className="inline-block rounded border border-slate-300 bg-white px-3 py-1">{c.name}</Link></li>
        ))}
      </ul>
      <h2 className="mt-5 font-semibold">{t("home.brands")}</h2>
      <ul className="mt-2 flex flex-wrap gap-2 text-sm">
        {data.brands.map((b) => (
          <li key={b.code}><Link to={searchUrl({ brand: b.code, kind: ["course"] })} className="inline-block rounded border border-rose-200 bg-rose-50 px-3 py-1">{b.name}</Link></li>
        ))}
      </ul>
    </div>
  );
}

/** Gig work for today, nearest to the visitor's home town first: the most urgent thing the site lists. */
function GigsNearHome({ data }: { data: ReturnType<typeof useLoaderData<typeof loader>> }) {
  const { t } = useTranslation();
  const list = (cards: typeof data.gigsToday) => (
    <ol className="mt-2 space-y-3">
      {cards.map((card) => <OpportunityCard key={card.key} card={card} query="" />)}
    </ol>
  );
  return (
    <section className="mt-5" aria-labelledby="gigs-today" data-testid="home-gigs">
      <h2 id="gigs-today" className="font-semibold">{t("home.gigsToday")}</h2>
      <p className="mt-1 text-sm text-slate-700">
        {data.nearLabel ? t("home.gigsNear", { place: data.nearLabel }) : t("home.gigsNearPrompt")}{" "}
        <Link to={`/near-me?${new URLSearchParams({ redirectTo: "/" })}`} className="inline-flex min-h-10 items-center text-brand-700 underline">
          {data.near ? t("near.change") : t("near.choose")}
        </Link>
      </p>
      {data.gigsToday.length ? list(data.gigsToday) : <p className="mt-2 text-sm">{t("home.gigsNone")}</p>}
      {data.gigsSoon.length ? (
        <>
          <h3 className="mt-3 text-sm font-semibold">{t("home.gigsSoon")}</h3>
          {list(data.gigsSoon)}
        </>
      ) : null}
      <Link to={searchUrl({ kind: ["gig"], sort: data.near ? "distance" : "relevance" })} className="mt-2 inline-flex min-h-11 items-center font-semibold text-brand-700 underline">
        {t("home.allGigs")}
      </Link>
    </section>
  );
}
