import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { getLanguage } from "~/i18n/language.server.ts";
import { useTranslation } from "~/i18n/translate.ts";
import { loadPolicyList } from "~/modules/policies/pages.server.ts";
import { metaT, pageTitle } from "~/utils/meta.ts";
import type { I18nHandle } from "~/i18n/i18n.ts";

export const handle: I18nHandle = { i18n: ["policies"] };

export const meta: MetaFunction = ({ matches }) => {
  const t = metaT(matches);
  return [{ title: pageTitle(t, t("policies.title")) }];
};

export async function loader({ request }: LoaderFunctionArgs) {
  return loadPolicyList(request, await getLanguage(request));
}

export default function PoliciesPage() {
  const { t } = useTranslation();
  const { region, regionName, policies, others } = useLoaderData<typeof loader>();
  const suffix = region ? `?region=${region}` : "";
  return (
    <div className="mx-auto max-w-3xl">
      <h1 className="text-2xl font-bold">{t("policies.title")}</h1>
      <p className="mt-2 text-slate-700">{region ? t("policies.lead", { region: regionName }) : t("policies.leadNone")}</p>
      {policies.length ? (
        <p className="mt-3">
          <Link to={`/policies/check${suffix}`} className="inline-flex min-h-12 items-center rounded bg-brand-700 px-4 text-lg font-semibold text-white" data-testid="check-link">{t("policies.checkLink")}</Link>
        </p>
      ) : null}
      <ul className="mt-4 space-y-3" data-testid="policy-list">
        {policies.map((p) => (
          <li key={p.code} className="rounded-lg bg-white p-3 shadow-sm">
            <h2 className="text-lg font-semibold"><Link to={`/policies/${p.code}${suffix}`} className="text-brand-700 underline">{p.name}</Link></h2>
            <p className="mt-1 text-sm"><span className="text-slate-500">{t("policies.who")}：</span>{p.who}</p>
            <p className="mt-1 text-sm"><span className="text-slate-500">{t("policies.what")}：</span>{p.what}</p>
            <p className="mt-1 text-xs text-slate-500">{t("policies.source")}：{p.source}</p>
          </li>
        ))}
      </ul>
      {others.length ? (
        <p className="mt-6 text-sm">
          {t("policies.otherRegions")}{" "}
          {others.map((o) => <Link key={o.code} to={`/policies?region=${o.code}`} className="mr-3 inline-flex min-h-10 items-center text-brand-700 underline">{o.name}</Link>)}
        </p>
      ) : null}
    </div>
  );
}
