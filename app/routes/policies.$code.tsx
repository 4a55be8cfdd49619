import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { getLanguage } from "~/i18n/language.server.ts";
import { useTranslation } from "~/i18n/translate.ts";
import { loadPolicy } from "~/modules/policies/pages.server.ts";
import { httpError } from "~/utils/http.ts";
import { metaT, pageTitle } from "~/utils/meta.ts";
import type { I18nHandle } from "~/i18n/i18n.ts";

export const handle: I18nHandle = { i18n: ["policies"] };

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => {
  const t = metaT(matches);
  return [{ title: pageTitle(t, data?.policy.name ?? t("errors.title404")) }];
};

export async function loader({ request, params }: LoaderFunctionArgs) {
  const code = params.code ?? "";
  const found = /^[a-z][a-z0-9_]{1,60}$/.test(code) ? await loadPolicy(request, code, await getLanguage(request)) : null;
  if (!found) throw httpError(404);
  return found;
}

export default function PolicyPage() {
  const { t } = useTranslation();
  const { policy, region } = useLoaderData<typeof loader>();
  const suffix = region ? `?region=${region}` : "";
  const rows = [["who", policy.who], ["what", policy.what], ["how", policy.how], ["where", policy.where], ["source", policy.source]] as const;
  return (
    <article className="mx-auto max-w-3xl">
      <p><Link to={`/policies${suffix}`} className="inline-flex min-h-10 items-center text-brand-700 underline">{t("policies.back")}</Link></p>
      <h1 className="mt-1 text-2xl font-bold" data-testid="policy-name">{policy.name}</h1>
      <dl className="mt-3 rounded-lg bg-white p-3 shadow-sm">
        {rows.map(([key, value]) => (
          <div key={key} className="border-b border-slate-100 py-2 last:border-b-0" data-testid={`policy-${key}`}>
            <dt className="font-semibold text-slate-600">{t(`policies.${key}`)}</dt>
            <dd className="mt-1 whitespace-pre-line">{value}</dd>
          </div>
        ))}
      </dl>
      <section className="mt-4" data-testid="policy-conditions">
        <h2 className="text-lg font-semibold">{t("policies.conditions")}</h2>
        <ul className="mt-1 list-disc pl-5">
          {policy.conditions.all.map((f) => <li key={f}>{t(`policies.facts.${f}`)}</li>)}
          {policy.conditions.any.length ? <li>{t("policies.missingAny")} {policy.conditions.any.map((f) => t(`policies.facts.${f}`)).join(" / ")}</li> : null}
        </ul>
      </section>
      <p className="mt-4 flex flex-wrap gap-3">
        <Link to={`/policies/check${suffix}`} className="inline-flex min-h-12 items-center rounded bg-brand-700 px-4 font-semibold text-white">{t("policies.checkLink")}</Link>
        <Link to="/service-points" className="inline-flex min-h-12 items-center text-brand-700 underline">{t("policies.servicePoints")}</Link>
      </p>
    </article>
  );
}
