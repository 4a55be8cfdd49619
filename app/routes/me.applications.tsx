import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation, useSearchParams } from "@remix-run/react";
import { useTranslation, tCode } from "~/i18n/translate.ts";
import { ApplicationStatusBadge, Timeline } from "~/components/application-parts.tsx";
import { FormError } from "~/components/form-messages.tsx";
import { listSeekerApplications, withdraw } from "~/modules/applications/applications.server.ts";
import { parseWithdraw } from "~/modules/applications/forms.server.ts";
import { requireUser } from "~/modules/auth/guards.server.ts";
import { homeFor } from "~/modules/auth/home.ts";
import { can } from "~/modules/auth/permissions.ts";
import { formatDate } from "~/utils/format.ts";
import { metaT, pageTitle } from "~/utils/meta.ts";
import type { I18nHandle } from "~/i18n/i18n.ts";

export const handle: I18nHandle = { i18n: ["opportunities", "applications", "seekers", "organizations", "postings"] };

export const meta: MetaFunction = ({ matches }) => {
  const t = metaT(matches);
  return [{ title: pageTitle(t, t("applications.mine.title")) }, { name: "robots", content: "noindex" }];
};

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  if (!can(user.role, "application.create")) throw redirect(homeFor(user.role));
  return { applications: await listSeekerApplications(user.id) };
}

const WITHDRAW_ERRORS = { not_found: "applications.errors.notFound", not_allowed: "applications.errors.notAllowed" } as const;

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request);
  if (!can(user.role, "application.withdraw")) throw redirect(homeFor(user.role));
  const submission = parseWithdraw(await request.formData());
  if (submission.status !== "success") return submission.reply({ formErrors: ["applications.errors.notFound"] });
  const result = await withdraw(user.id, submission.value.applicationId);
  if (!result.ok) return submission.reply({ formErrors: [WITHDRAW_ERRORS[result.reason]] });
  const id = submission.value.applicationId;
  return redirect(`/me/applications?withdrawn=${id}#application-${id}`);
}

export default function MyApplications() {
  const { t, i18n } = useTranslation();
  const { applications } = useLoaderData<typeof loader>();
  const reply = useActionData<typeof action>();
  const busy = useNavigation().state === "submitting";
  const [searchParams] = useSearchParams();
  const applied = Number(searchParams.get("applied")) || null;
  const withdrawn = Number(searchParams.get("withdrawn")) || null;
  return (
    <div className="mx-auto max-w-2xl space-y-4">
      <p className="text-sm"><Link to="/me" className="text-brand-700 underline">← {t("applications.mine.backHome")}</Link></p>
      <h1 className="text-2xl font-bold">{t("applications.mine.title")}</h1>
      {applied && !reply ? <p role="status" className="rounded border border-green-300 bg-green-50 p-3 text-green-900" data-testid="applied-notice">{t("applications.applied")}</p> : null}
      {withdrawn && !reply ? <p role="status" className="rounded border border-slate-300 bg-slate-50 p-3" data-testid="withdrawn-notice">{t("applications.mine.withdrawn")}</p> : null}
      <FormError errors={reply?.error?.[""] ?? undefined} />
      {applications.length ? (
        <ul className="space-y-3" data-testid="applications">
          {applications.map((a) => (
            <li key={a.id} id={`application-${a.id}`} className="rounded-lg bg-white p-4 shadow-sm" data-testid="application" data-application-id={a.id}>
              <div className="flex flex-wrap items-start justify-between gap-2">
                <div className="min-w-0">
                  <Link to={`/${a.posting.kind}/${a.posting.id}`} className="font-semibold text-brand-700 underline">{a.posting.title}</Link>
                  <p className="text-sm text-slate-600">{a.posting.employer} · {tCode(t, "kindShort", a.posting.kind, { defaultValue: a.posting.kind })}</p>
                </div>
                <ApplicationStatusBadge status={a.status} side="seeker" />
              </div>
              {a.startDate ? <p className="mt-2 text-sm font-medium text-emerald-800">{t("applications.mine.startDate", { date: formatDate(a.startDate, i18n.language) })}</p> : null}
              {a.status === "rejected" && a.rejectionReason ? <p className="mt-2 text-sm text-slate-700">{t("applications.mine.reason", { reason: a.rejectionReason })}</p> : null}
              <h2 className="mt-3 text-sm font-semibold text-slate-700">{t("applications.mine.timeline")}</h2>
              <Timeline events={a.events} />
              {a.canWithdraw ? (
                <details className="mt-3">
                  <summary className="inline-flex min-h-11 cursor-pointer items-center text-red-800 underline">{t("applications.mine.withdraw")}</summary>
                  <Form method="post" className="mt-2 rounded border border-red-200 bg-red-50 p-3">
                    <input type="hidden" name="applicationId" value={a.id} />
                    <p className="text-sm">{t("applications.mine.withdrawHint")}</p>
                    <button type="submit" disabled={busy} className="mt-2 min-h-11 rounded-md bg-red-700 px-4 font-semibold text-white disabled:opacity-60" data-testid="withdraw">
                      {t("applications.mine.withdrawConfirm")}
                    </button>
                  </Form>
                </details>
              ) : null}
            </li>
          ))}
        </ul>
      ) : (
        <p className="rounded-lg bg-white p-4 shadow-sm">
          {t("applications.mine.empty")} <Link to="/search" className="text-brand-700 underline">{t("seekers.findWork")}</Link>
        </p>
      )}
    </div>
  );
}
