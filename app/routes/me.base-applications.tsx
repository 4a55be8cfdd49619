import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation, useSearchParams } from "@remix-run/react";
import { useTranslation } from "~/i18n/translate.ts";
import { BaseStatusBadge, BaseTimeline } from "~/components/base-application-parts.tsx";
import { FormError } from "~/components/form-messages.tsx";
import { requireUser } from "~/modules/auth/guards.server.ts";
import { homeFor } from "~/modules/auth/home.ts";
import { can } from "~/modules/auth/permissions.ts";
import { listFounderApplications, withdrawBaseApplication } from "~/modules/bases/founder.server.ts";
import { parseBaseWithdraw } from "~/modules/bases/forms.server.ts";
import { formatDate } from "~/utils/format.ts";
import { metaT, pageTitle } from "~/utils/meta.ts";
import type { I18nHandle } from "~/i18n/i18n.ts";

export const handle: I18nHandle = { i18n: ["seekers", "organizations", "postings", "bases"] };

export const meta: MetaFunction = ({ matches }) => {
  const t = metaT(matches);
  return [{ title: pageTitle(t, t("bases.mine.title")) }, { name: "robots", content: "noindex" }];
};

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  if (!can(user.role, "application.create")) throw redirect(homeFor(user.role));
  return { applications: await listFounderApplications(user.id) };
}

const WITHDRAW_ERRORS = { not_found: "bases.errors.notFound", not_allowed: "bases.errors.notAllowed" } as const;

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request);
  if (!can(user.role, "application.withdraw")) throw redirect(homeFor(user.role));
  const submission = parseBaseWithdraw(await request.formData());
  if (submission.status !== "success") return submission.reply({ formErrors: ["bases.errors.notFound"] });
  const result = await withdrawBaseApplication(user.id, submission.value.applicationId);
  if (!result.ok) return submission.reply({ formErrors: [WITHDRAW_ERRORS[result.reason]] });
  const id = submission.value.applicationId;
  return redirect(`/me/base-applications?withdrawn=${id}#base-application-${id}`);
}

export default function MyBaseApplications() {
  const { t, i18n } = useTranslation();
  const { applications } = useLoaderData<typeof loader>();
  const reply = useActionData<typeof action>();
  const busy = useNavigation().state === "submitting";
  const [searchParams] = useSearchParams();
  return (
    <div className="mx-auto max-w-2xl space-y-4">
      <h1 className="text-2xl font-bold">{t("bases.mine.title")}</h1>
      <p className="text-slate-700">{t("bases.mine.lead")}</p>
      {searchParams.get("applied") && !reply ? <p role="status" className="rounded border border-green-300 bg-green-50 p-3 text-green-900" data-testid="applied-notice">{t("bases.sent")}</p> : null}
      {searchParams.get("withdrawn") && !reply ? <p role="status" className="rounded border border-slate-300 bg-slate-50 p-3">{t("bases.mine.withdrawn")}</p> : null}
      <FormError errors={reply?.error?.[""] ?? undefined} />
      {applications.length ? (
        <ul className="space-y-3" data-testid="base-applications">
          {applications.map((a) => (
            <li key={a.id} id={`base-application-${a.id}`} className="rounded-lg bg-white p-4 shadow-sm" data-testid="base-application">
              <div className="flex flex-wrap items-start justify-between gap-2">
                <div className="min-w-0">
                  <Link to={`/base/${a.base.id}`} className="font-semibold text-brand-700 underline">{a.base.name}</Link>
                  <p className="text-sm text-slate-600">{t("bases.mine.appliedAt", { date: formatDate(a.createdAt, i18n.language) })}</p>
                </div>
                <BaseStatusBadge status={a.status} />
              </div>
              {a.status === "interview" && a.interviewAt ? <p className="mt-2 text-sm font-medium text-amber-900">{t("bases.mine.interview", { when: formatDate(a.interviewAt, i18n.language, "dateTime") })}{a.interviewNote ? ` · ${a.interviewNote}` : ""}</p> : null}
              {a.status === "declined" && a.declineReason ? <p className="mt-2 text-sm">{t("bases.mine.declined", { reason: a.declineReason })}</p> : null}
              {a.status === "admitted" && a.businessName ? <p className="mt-2 text-sm font-medium text-emerald-800">{t("bases.mine.business", { name: a.businessName, jobs: a.jobsCreated })}</p> : null}
              {a.base.contactPhone ? <p className="mt-2 text-sm"><a href={`tel:${a.base.contactPhone}`} className="underline">{t("bases.mine.call", { phone: a.base.contactPhone })}</a></p> : null}
              <h2 className="mt-3 text-sm font-semibold text-slate-700">{t("bases.mine.history")}</h2>
              <BaseTimeline events={a.events} />
              {a.canWithdraw ? (
                <Form method="post" className="mt-3">
                  <input type="hidden" name="applicationId" value={a.id} />
                  <button type="submit" disabled={busy} className="min-h-11 rounded-md border border-red-700 px-4 font-semibold text-red-800 disabled:opacity-60" data-testid="withdraw">{t("bases.mine.withdraw")}</button>
                </Form>
              ) : null}
            </li>
          ))}
        </ul>
      ) : (
        <p className="rounded bg-white p-4 shadow-sm" data-testid="no-applications">{t("bases.mine.empty")}</p>
      )}
    </div>
  );
}
