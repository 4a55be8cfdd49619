import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation, tCode } from "~/i18n/translate.ts";
import { TrainingRates } from "~/components/training-rates.tsx";
import { getLanguage } from "~/i18n/language.server.ts";
import { brandPage } from "~/modules/training/brands.server.ts";
import { formatDate } from "~/utils/format.ts";
import { httpError } from "~/utils/http.ts";
import { metaT, pageTitle } from "~/utils/meta.ts";
import type { I18nHandle } from "~/i18n/i18n.ts";

export const handle: I18nHandle = { i18n: ["opportunities", "training"] };

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => {
  const t = metaT(matches);
  return [{ title: pageTitle(t, data?.brand.name ?? t("errors.title404")) }];
};

export async function loader({ request, params }: LoaderFunctionArgs) {
  if (!/^[a-z][a-z0-9_]{1,40}$/.test(params.code ?? "")) throw httpError(404);
  const page = await brandPage(params.code!, await getLanguage(request), new Date());
  if (!page) throw httpError(404);
  return page;
}

const box = "rounded-lg bg-white p-4 shadow-sm";

export default function BrandPage() {
  const { t, i18n } = useTranslation();
  const { brand, trades, figures, rates, courses, posts, partners, providers } = useLoaderData<typeof loader>();
  return (
    <article className="mx-auto max-w-3xl space-y-4">
      <header>
        <h1 className="text-2xl font-bold" data-testid="brand-name">{brand.name}</h1>
        <p className="text-slate-700">{t("training.brand.lead", { county: brand.county, trade: trades.join(t("list.separator")) })}</p>
        <p className="mt-2 whitespace-pre-line">{brand.description}</p>
      </header>
      <section className={box} data-testid="brand-figures">
        <h2 className="font-semibold">{t("training.brand.figures", { year: figures.year })}</h2>
        <dl className="mt-2 grid grid-cols-3 gap-2 text-center">
          <div><dt className="text-sm text-slate-600">{t("training.brand.trained")}</dt><dd className="text-2xl font-bold" data-testid="figure-trained">{figures.trained}</dd></div>
          <div><dt className="text-sm text-slate-600">{t("training.brand.certified")}</dt><dd className="text-2xl font-bold" data-testid="figure-certified">{figures.certified}</dd></div>
          <div><dt className="text-sm text-slate-600">{t("training.brand.placed")}</dt><dd className="text-2xl font-bold" data-testid="figure-placed">{figures.placed}</dd></div>
        </dl>
        <h3 className="mt-3 text-sm font-semibold">{t("training.brand.rates")}</h3>
        <TrainingRates rates={rates} testId="brand-rates" />
        {providers.length ? <p className="mt-2 text-sm text-slate-600">{t("training.brand.providers")}：{providers.map((p) => p.name).join(t("list.separator"))}</p> : null}
      </section>
      <section className={box}>
        <h2 className="font-semibold">{t("training.brand.courses")}</h2>
        {courses.length ? (
          <ul className="mt-2 space-y-2" data-testid="brand-courses">
            {courses.map((c) => (
              <li key={c.id}>
                <Link to={`/course/${c.id}`} className="text-brand-700 underline">{c.title}</Link>
                <span className="text-sm text-slate-600"> · {c.providerName} · {c.place} · {formatDate(c.startDate, i18n.language)}{c.open ? ` · ${t("training.brand.open")}` : ""}</span>
              </li>
            ))}
          </ul>
        ) : <p>{t("training.brand.noCourses")}</p>}
      </section>
      <section className={box}>
        <h2 className="font-semibold">{t("training.brand.posts")}</h2>
        {posts.length ? (
          <ul className="mt-2 space-y-1" data-testid="brand-posts">
            {posts.map((p) => (
              <li key={p.id}>
                <Link to={`/${p.kind}/${p.id}`} className="text-brand-700 underline">{p.title}</Link>
                <span className="text-sm text-slate-600"> · {tCode(t, "kindShort", p.kind)} · {p.employer} · {p.place}</span>
              </li>
            ))}
          </ul>
        ) : <p>{t("training.brand.noPosts")}</p>}
      </section>
      <section className={box}>
        <h2 className="font-semibold">{t("training.brand.partners")}</h2>
        {partners.length ? (
          <ul className="mt-2 space-y-1" data-testid="brand-partners">
            {partners.map((p) => <li key={p.id}>{p.name} <span className="text-sm text-slate-600">{t("training.brand.partnerPosts", { count: p.posts })}</span></li>)}
          </ul>
        ) : <p>{t("training.brand.noPartners")}</p>}
      </section>
    </article>
  );
}
