import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/i18n/translate.ts";
import { requirePermission } from "~/modules/auth/guards.server.ts";
import { listOperatorBases } from "~/modules/bases/operator.server.ts";
import { metaT, pageTitle } from "~/utils/meta.ts";
import type { I18nHandle } from "~/i18n/i18n.ts";

export const handle: I18nHandle = { i18n: ["bases"] };

export const meta: MetaFunction = ({ matches }) => {
  const t = metaT(matches);
  return [{ title: pageTitle(t, t("bases.operator.title")) }, { name: "robots", content: "noindex" }];
};

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "applicant.manage");
  return { bases: await listOperatorBases(user.id) };
}

export default function OperatorBases() {
  const { t } = useTranslation();
  const { bases } = useLoaderData<typeof loader>();
  return (
    <div className="mx-auto max-w-3xl space-y-4">
      <h1 className="text-2xl font-bold">{t("bases.operator.title")}</h1>
      <p className="text-slate-700">{t("bases.operator.lead")}</p>
      {bases.length ? (
        <ul className="space-y-3" data-testid="operator-bases">
          {bases.map((b) => (
            <li key={b.id} className="rounded-lg bg-white p-4 shadow-sm" data-testid="operator-base">
              <Link to={`/base/${b.id}`} className="font-semibold text-brand-700 underline">{b.name}</Link>
              <p className="text-sm text-slate-700">{t("bases.operator.places")}: {b.freePlaces} / {b.totalPlaces} · {t("bases.operator.waiting")}: {b.waiting}</p>
              <p className="mt-2 flex flex-wrap gap-3">
                <Link to={`/employer/bases/${b.id}/applications`} className="inline-flex min-h-11 items-center rounded-md bg-brand-600 px-4 font-semibold text-white">{t("bases.operator.applications")}</Link>
                <Link to={`/employer/bases/${b.id}`} className="inline-flex min-h-11 items-center rounded-md border border-brand-700 px-4 font-semibold text-brand-800">{t("bases.operator.edit")}</Link>
              </p>
            </li>
          ))}
        </ul>
      ) : (
        <p className="rounded bg-white p-4 shadow-sm">{t("bases.operator.empty")}</p>
      )}
    </div>
  );
}
