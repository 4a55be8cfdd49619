import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/i18n/translate.ts";
import { BaseStatusBadge } from "~/components/base-application-parts.tsx";
import { requirePermission } from "~/modules/auth/guards.server.ts";
import { listBaseApplications } from "~/modules/bases/operator.server.ts";
import { formatDate } from "~/utils/format.ts";
import { httpError } from "~/utils/http.ts";
import { metaT, pageTitle } from "~/utils/meta.ts";
import type { I18nHandle } from "~/i18n/i18n.ts";

export const handle: I18nHandle = { i18n: ["bases"] };

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => {
  const t = metaT(matches);
  return [{ title: pageTitle(t, t("bases.operator.listTitle", { base: data?.base.name ?? "" })) }, { name: "robots", content: "noindex" }];
};

/** Only members of the base's organization see its applications; anyone else gets 404. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "applicant.manage");
  if (!/^[1-9]\d{0,11}$/.test(params.id ?? "")) throw httpError(404);
  const data = await listBaseApplications(user.id, Number(params.id));
  if (!data) throw httpError(404);
  return data;
}

export default function BaseApplications() {
  const { t, i18n } = useTranslation();
  const { base, rows } = useLoaderData<typeof loader>();
  return (
    <div className="mx-auto max-w-3xl space-y-4">
      <p className="text-sm"><Link to="/employer/bases" className="text-brand-700 underline">← {t("bases.operator.back")}</Link></p>
      <h1 className="text-2xl font-bold">{t("bases.operator.listTitle", { base: base.name })}</h1>
      <p data-testid="base-places">{t("bases.places", { free: base.freePlaces, total: base.totalPlaces })}</p>
      {rows.length ? (
        <ul className="space-y-2" data-testid="base-application-rows">
          {rows.map((r) => (
            <li key={r.id} className="flex flex-wrap items-center justify-between gap-2 rounded-lg bg-white p-3 shadow-sm" data-testid="base-application-row">
              <div>
                <Link to={`/employer/base-applications/${r.id}`} className="font-semibold text-brand-700 underline">{r.name}</Link>
                <p className="text-sm text-slate-600">{t("bases.operator.appliedAt")}: {formatDate(r.createdAt, i18n.language)}</p>
              </div>
              <BaseStatusBadge status={r.status} />
            </li>
          ))}
        </ul>
      ) : (
        <p className="rounded bg-white p-4 shadow-sm">{t("bases.operator.listEmpty")}</p>
      )}
    </div>
  );
}
