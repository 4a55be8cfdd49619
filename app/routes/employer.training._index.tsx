import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation, tCode } from "~/i18n/translate.ts";
import { TrainingRates } from "~/components/training-rates.tsx";
import { requirePermission } from "~/modules/auth/guards.server.ts";
import { providerCourses } from "~/modules/training/provider.server.ts";
import { formatDate } from "~/utils/format.ts";
import { metaT, pageTitle } from "~/utils/meta.ts";
import type { I18nHandle } from "~/i18n/i18n.ts";

export const handle: I18nHandle = { i18n: ["opportunities", "organizations", "postings", "training"] };

export const meta: MetaFunction = ({ matches }) => {
  const t = metaT(matches);
  return [{ title: pageTitle(t, t("training.provider.title")) }, { name: "robots", content: "noindex" }];
};

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "course.manage");
  return providerCourses(user, new Date());
}

export default function ProviderCourses() {
  const { t, i18n } = useTranslation();
  const { isProvider, courses, total } = useLoaderData<typeof loader>();
  return (
    <div className="mx-auto max-w-3xl space-y-4">
      <p className="text-sm"><Link to="/employer" className="text-brand-700 underline">← {t("employer.title")}</Link></p>
      <h1 className="text-2xl font-bold">{t("training.provider.title")}</h1>
      <p className="text-slate-700">{t("training.provider.lead")}</p>
      {!isProvider ? <p className="rounded border border-amber-300 bg-amber-50 p-3">{t("training.provider.notProvider")}</p> : null}
      {courses.length ? (
        <section className="rounded-lg bg-white p-4 shadow-sm" data-testid="provider-rates">
          <h2 className="font-semibold">{t("training.provider.total")}</h2>
          <TrainingRates rates={total} />
        </section>
      ) : isProvider ? <p>{t("training.provider.empty")}</p> : null}
      <ul className="space-y-3">
        {courses.map((c) => (
          <li key={c.id} className="rounded-lg bg-white p-4 shadow-sm" data-testid="provider-course">
            <div className="flex flex-wrap items-start justify-between gap-2">
              <Link to={`/employer/training/${c.id}`} className="text-lg font-semibold text-brand-700 underline">{c.title}</Link>
              <span className="text-sm text-slate-600">{tCode(t, "postings.status", c.status, { defaultValue: c.status })}</span>
            </div>
            <p className="text-sm text-slate-600">{formatDate(c.startDate, i18n.language)} – {formatDate(c.endDate, i18n.language)} · {t("training.provider.learners", { count: c.learners })} · {t("training.provider.places", { left: c.placesLeft, total: c.totalPlaces })}</p>
            <TrainingRates rates={c.rates} />
          </li>
        ))}
      </ul>
    </div>
  );
}
