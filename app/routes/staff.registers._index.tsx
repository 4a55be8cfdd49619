import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/i18n/translate.ts";
import { Figure, ListFilter, percent } from "~/components/register-parts.tsx";
import { getLanguage } from "~/i18n/language.server.ts";
import { requirePermission } from "~/modules/auth/guards.server.ts";
import { registersOverview } from "~/modules/registers/figures.server.ts";
import { regionChoices } from "~/modules/registers/registers.server.ts";
import { yearQuerySchema } from "~/modules/registers/schemas.ts";
import { httpError } from "~/utils/http.ts";
import type { I18nHandle } from "~/i18n/i18n.ts";

export const handle: I18nHandle = { i18n: ["seekers", "registers"] };

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "register.manage");
  const query = yearQuerySchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  const lang = await getLanguage(request);
  const overview = await registersOverview(user, query, lang);
  if (!overview) throw httpError(404);
  return { query, overview, picker: (await regionChoices(user, lang)).picker };
}

/** The registers' headline figures, each leading to its register. */
export default function RegistersOverview() {
  const { t } = useTranslation();
  const { query, overview: o, picker } = useLoaderData<typeof loader>();
  const link = (to: string, label: string) => <Link to={to} className="text-brand-700 underline">{label}</Link>;
  return (
    <>
      <p className="mb-3 text-slate-600">{t("registers.lead")}</p>
      <ListFilter year={query.year} region={query.region} options={picker} />
      <h2 className="mb-2 text-lg font-semibold">{t("registers.overviewFor", { region: o.region.name, year: o.year })}</h2>
      <div className="grid grid-cols-1 gap-3 sm:grid-cols-2">
        <div>
          <Figure label={t("registers.figures.assistance")} value={percent(o.assistance)} testId="overview-assistance" />
          <p className="mt-1 text-sm">{link("/staff/registers/difficulty", t("registers.tabs.difficulty"))}</p>
        </div>
        <div>
          <Figure label={t("registers.figures.uncleared")} value={String(o.uncleared ?? "—")} testId="overview-uncleared" />
          <p className="mt-1 text-sm">
            {o.overdue > 0 ? <span className="font-semibold text-red-800">{t("registers.families.overdueCount", { count: o.overdue })} · </span> : null}
            {link("/staff/registers/families", t("registers.tabs.families"))}
          </p>
        </div>
        <div>
          <Figure label={t("registers.figures.unemployment")} value={percent(o.unemployment)} testId="overview-unemployment" />
          <p className="mt-1 text-sm">{link("/staff/registers/labour", t("registers.tabs.labour"))}</p>
        </div>
        <div>
          <Figure label={t("registers.figures.surveyed")} value={o.surveyed ? t("registers.surveyedValue", { value: percent(o.surveyed.value), month: o.surveyed.month }) : "—"} />
          <p className="mt-1 text-sm">{link("/staff/registers/figures", t("registers.tabs.figures"))}</p>
        </div>
        <div>
          <Figure label={t("registers.figures.communities")} value={String(o.communities ?? "—")} testId="overview-communities" />
          <p className="mt-1 text-sm">{link("/staff/registers/communities", t("registers.tabs.communities"))}</p>
        </div>
      </div>
      <p className="mt-4 text-sm text-slate-600">{t("registers.formulas")}</p>
    </>
  );
}
