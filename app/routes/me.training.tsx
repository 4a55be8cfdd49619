import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData, useNavigation, useSearchParams } from "@remix-run/react";
import { useTranslation, tCode } from "~/i18n/translate.ts";
import { requirePermission } from "~/modules/auth/guards.server.ts";
import { myEnrolments } from "~/modules/training/mine.server.ts";
import { withdraw } from "~/modules/training/enrol.server.ts";
import { formatDate } from "~/utils/format.ts";
import { metaT, pageTitle } from "~/utils/meta.ts";
import type { I18nHandle } from "~/i18n/i18n.ts";

export const handle: I18nHandle = { i18n: ["opportunities", "training"] };

export const meta: MetaFunction = ({ matches }) => {
  const t = metaT(matches);
  return [{ title: pageTitle(t, t("training.mine.title")) }, { name: "robots", content: "noindex" }];
};

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "enrolment.create");
  return { enrolments: await myEnrolments(user.id, new Date()) };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requirePermission(request, "enrolment.create");
  const id = String((await request.formData()).get("enrolmentId") ?? "");
  // Only a plain id of one's own place still before the course: anything else simply changes nothing.
  const done = /^[1-9]\d{0,11}$/.test(id) && (await withdraw(user, Number(id), new Date()));
  return redirect(done ? `/me/training?withdrawn=${id}#enrolment-${id}` : "/me/training");
}

export default function MyTraining() {
  const { t, i18n } = useTranslation();
  const { enrolments } = useLoaderData<typeof loader>();
  const busy = useNavigation().state === "submitting";
  const [searchParams] = useSearchParams();
  const enrolled = Number(searchParams.get("enrolled")) || null;
  const withdrawn = Number(searchParams.get("withdrawn")) || null;
  const date = (iso: string) => formatDate(iso, i18n.language);
  return (
    <div className="mx-auto max-w-2xl space-y-4">
      <p className="text-sm"><Link to="/me" className="text-brand-700 underline">← {t("nav.home")}</Link></p>
      <h1 className="text-2xl font-bold">{t("training.mine.title")}</h1>
      <p className="text-slate-700">{t("training.mine.lead")}</p>
      {enrolled ? <p role="status" className="rounded border border-green-300 bg-green-50 p-3 text-green-900" data-testid="enrolled-notice">{t("training.mine.enrolled", { title: enrolments.find((e) => e.id === enrolled)?.course.title ?? "" })}</p> : null}
      {withdrawn ? <p role="status" className="rounded border border-slate-300 bg-slate-50 p-3">{t("training.mine.withdrawn")}</p> : null}
      {enrolments.length === 0 ? <p className="rounded-lg bg-white p-4 shadow-sm">{t("training.mine.empty")}</p> : null}
      <ul className="space-y-3">
        {enrolments.map((e) => (
          <li key={e.id} id={`enrolment-${e.id}`} className="rounded-lg bg-white p-4 shadow-sm" data-testid="enrolment">
            <div className="flex flex-wrap items-start justify-between gap-2">
              <Link to={`/course/${e.course.id}`} className="text-lg font-semibold text-brand-700 underline">{e.course.title}</Link>
              <span className="rounded bg-slate-100 px-2 py-0.5 text-sm" data-testid="enrolment-status">{tCode(t, "training.statuses", e.status)}</span>
            </div>
            <p className="text-sm text-slate-600">{e.course.providerName} · {date(e.course.startDate)} – {date(e.course.endDate)}</p>
            <p className="mt-1">{t("training.mine.attended", { hours: e.attendedHours, total: e.course.hours })}</p>
            {e.subsidyRequested ? <p className="text-sm">{t("training.mine.subsidyRequested")}</p> : null}
            {e.completedAt ? <p>{t("training.mine.completedOn", { date: date(e.completedAt) })}</p> : null}
            {e.certificateCode ? <p data-testid="certificate">{t("training.mine.certificate", { certificate: e.course.certificate })}{e.certificateNumber ? ` · ${t("training.mine.certificateNumber", { number: e.certificateNumber })}` : ""}</p> : null}
            {e.status === "completed" ? (
              <section className="mt-3 rounded border border-emerald-200 bg-emerald-50 p-3" data-testid="matching-posts">
                <h2 className="font-semibold">{t("training.mine.posts")}</h2>
                {e.posts.length ? (
                  <ul className="mt-1 space-y-1">
                    {e.posts.map((p) => (
                      <li key={p.id}><Link to={`/${p.kind}/${p.id}`} className="text-brand-700 underline">{p.title}</Link> <span className="text-sm text-slate-600">{p.employer}</span></li>
                    ))}
                  </ul>
                ) : <p className="text-sm">{t("training.mine.noPosts")}</p>}
                <p className="mt-2 flex flex-wrap gap-3 text-sm">
                  <Link to={`/search?q=${encodeURIComponent(e.searchQuery)}&kind=job`} className="text-brand-700 underline">{t("training.mine.searchMore", { q: e.searchQuery })}</Link>
                  <Link to="/me/recommendations" className="text-brand-700 underline">{t("training.mine.recommendations")}</Link>
                </p>
              </section>
            ) : null}
            <details className="mt-2 text-sm">
              <summary className="cursor-pointer">{t("training.mine.history")}</summary>
              <ol className="mt-1 space-y-0.5">
                {e.events.map((ev, i) => <li key={i}>{date(ev.at)} · {tCode(t, "training.statuses", ev.status)}{ev.status === "attendance" && ev.note ? ` (${ev.note})` : ""}</li>)}
              </ol>
            </details>
            {e.canWithdraw ? (
              <Form method="post" className="mt-2">
                <input type="hidden" name="enrolmentId" value={e.id} />
                <button type="submit" disabled={busy} className="min-h-11 rounded-md border border-slate-300 px-4">{t("training.mine.withdraw")}</button>
              </Form>
            ) : null}
          </li>
        ))}
      </ul>
    </div>
  );
}
