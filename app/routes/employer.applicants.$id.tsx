import { getFormProps, useForm, type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation, useSearchParams } from "@remix-run/react";
import { useTranslation, tCode, tKey } from "~/i18n/translate.ts";
import { ApplicationStatusBadge, SharedProfile, Timeline } from "~/components/application-parts.tsx";
import { FormError, SubmitButton, TextField } from "~/components/form.tsx";
import { TextAreaField } from "~/components/profile-fields.tsx";
import { getLanguage } from "~/i18n/language.server.ts";
import { decide, loadApplicant } from "~/modules/applications/applications.server.ts";
import { EMPLOYER_STEPS, REASON_MAX, transitionSchema, type EmployerStep } from "~/modules/applications/schemas.ts";
import { requirePermission } from "~/modules/auth/guards.server.ts";
import { formatDate } from "~/utils/format.ts";
import { httpError } from "~/utils/http.ts";
import { metaT, pageTitle } from "~/utils/meta.ts";
import type { I18nHandle } from "~/i18n/i18n.ts";

export const handle: I18nHandle = { i18n: ["opportunities", "applications", "seekers", "organizations", "postings"] };

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => {
  const t = metaT(matches);
  return [{ title: pageTitle(t, data ? t("applications.employer.detailTitle", { name: data.applicant.name }) : t("applications.employer.title")) }, { name: "robots", content: "noindex" }];
};

function applicationId(params: { id?: string }): number {
  if (!/^[1-9]\d{0,11}$/.test(params.id ?? "")) throw httpError(404);
  return Number(params.id);
}

/** Only members of the organization that owns the post see the application; anyone else gets 404. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "applicant.manage");
  const applicant = await loadApplicant(user.id, applicationId(params), await getLanguage(request));
  if (!applicant) throw httpError(404);
  return applicant;
}

const DECIDE_ERRORS = { not_found: "applications.errors.notFound", illegal: "applications.errors.notAllowed" } as const;

type ActionData = { intent: string; reply: SubmissionResult<string[]> };

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requirePermission(request, "applicant.manage");
  const id = applicationId(params);
  const formData = await request.formData();
  const intent = String(formData.get("intent") ?? "");
  const submission = parseWithZod(formData, { schema: transitionSchema });
  if (submission.status !== "success") return { intent, reply: submission.reply() } satisfies ActionData;
  const result = await decide(user.id, id, submission.value);
  if (!result.ok) {
    if (result.reason === "not_found") throw httpError(404);
    return { intent, reply: submission.reply({ formErrors: [DECIDE_ERRORS[result.reason]] }) } satisfies ActionData;
  }
  return redirect(`/employer/applicants/${id}?done=${result.status}`);
}

const STEP_LABEL: Record<Exclude<EmployerStep, "hired" | "rejected">, string> = {
  viewed: "applications.employer.markViewed",
  interview: "applications.employer.interview",
  offered: "applications.employer.offer",
};

const box = "rounded-lg bg-white p-4 shadow-sm";

function HireForm({ lastResult, today }: { lastResult?: SubmissionResult<string[]>; today: string }) {
  const { t } = useTranslation();
  const busy = useNavigation().state === "submitting";
  const [form, fields] = useForm({
    id: "hire",
    lastResult,
    defaultValue: { startDate: today },
    onValidate: ({ formData }) => parseWithZod(formData, { schema: transitionSchema }),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
  });
  return (
    <Form method="post" {...getFormProps(form)} noValidate className="rounded border border-emerald-200 bg-emerald-50 p-3" data-testid="hire-form">
      <input type="hidden" name="intent" value="hired" />
      <p className="mb-2 text-sm">{t("applications.employer.hireLead")}</p>
      <FormError errors={form.errors} />
      <TextField meta={fields.startDate} label={t("applications.employer.startDate")} hint={t("applications.employer.startDateHint")} type="date" />
      <SubmitButton busy={busy}>{t("applications.employer.hire")}</SubmitButton>
    </Form>
  );
}

function RejectForm({ lastResult }: { lastResult?: SubmissionResult<string[]> }) {
  const { t } = useTranslation();
  const busy = useNavigation().state === "submitting";
  const [form, fields] = useForm({
    id: "reject",
    lastResult,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: transitionSchema }),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
  });
  return (
    <Form method="post" {...getFormProps(form)} noValidate className="rounded border border-red-200 bg-red-50 p-3" data-testid="reject-form">
      <input type="hidden" name="intent" value="rejected" />
      <FormError errors={form.errors} />
      <TextAreaField meta={fields.reason} label={t("applications.employer.reason")} hint={t("applications.employer.reasonHint", { max: REASON_MAX })} rows={2} />
      <button type="submit" disabled={busy} className="min-h-11 rounded-md bg-red-700 px-4 font-semibold text-white disabled:opacity-60">{t("applications.employer.rejectSubmit")}</button>
    </Form>
  );
}

export default function Applicant() {
  const { t, i18n } = useTranslation();
  const a = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>() as ActionData | undefined;
  const busy = useNavigation().state === "submitting";
  const [searchParams] = useSearchParams();
  const done = searchParams.get("done");
  const forIntent = (intent: string) => (data?.intent === intent ? data.reply : undefined);
  const steps = a.next.filter((s): s is keyof typeof STEP_LABEL => s in STEP_LABEL);
  const otherError = data && !["hired", "rejected"].includes(data.intent) ? [...(data.reply.error?.[""] ?? []), ...(data.reply.error?.intent ?? [])] : undefined;
  return (
    <div className="mx-auto max-w-2xl space-y-4">
      <p className="text-sm"><Link to={`/employer/applicants?posting=${a.posting.id}`} className="text-brand-700 underline">← {t("applications.employer.backToList")}</Link></p>
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h1 className="text-2xl font-bold" data-testid="applicant-title">{t("applications.employer.detailTitle", { name: a.applicant.name })}</h1>
        <ApplicationStatusBadge status={a.status} side="employer" />
      </div>
      <p className="text-slate-700"><Link to={`/${a.posting.kind}/${a.posting.id}`} className="underline">{a.posting.title}</Link></p>
      {done && (EMPLOYER_STEPS as readonly string[]).includes(done) && !data ? (
        <p role="status" className="rounded border border-green-300 bg-green-50 p-3 text-green-900" data-testid="done-notice">{tCode(t, "applications.employer.done", done as EmployerStep)}</p>
      ) : null}
      {a.placement ? (
        <p className="rounded border border-emerald-300 bg-emerald-50 p-3" data-testid="placement">
          {t("applications.employer.placement", { status: tCode(t, "applications.employer.placementStatus", a.placement.status as "pending"), date: formatDate(a.placement.startDate, i18n.language) })}
        </p>
      ) : null}

      <section className={box} aria-labelledby="actions-title">
        <h2 id="actions-title" className="mb-2 text-lg font-semibold">{t("applications.employer.actions")}</h2>
        <FormError errors={otherError?.length ? otherError : undefined} />
        {a.next.length === 0 ? <p>{t("applications.employer.finished")}</p> : null}
        {steps.length ? (
          <Form method="post" className="mb-3 flex flex-wrap gap-2" data-testid="step-form">
            {steps.map((s) => (
              <button key={s} type="submit" name="intent" value={s} disabled={busy} className="min-h-11 rounded-md border border-brand-700 bg-white px-4 font-semibold text-brand-800 disabled:opacity-60">
                {tKey(t, STEP_LABEL[s])}
              </button>
            ))}
          </Form>
        ) : null}
        <div className="space-y-3">
          {a.next.includes("hired") ? <HireForm lastResult={forIntent("hired")} today={a.today} /> : null}
          {a.next.includes("rejected") ? (
            <details open={data?.intent === "rejected"}>
              <summary className="inline-flex min-h-11 cursor-pointer items-center text-red-800 underline">{t("applications.employer.reject")}</summary>
              <RejectForm lastResult={forIntent("rejected")} />
            </details>
          ) : null}
        </div>
      </section>

      <section className={box} aria-labelledby="resume-title">
        <h2 id="resume-title" className="mb-2 text-lg font-semibold">{t("applications.employer.resume")}</h2>
        {!a.applicant.shared ? <p className="mb-2 rounded bg-amber-50 p-2 text-sm text-amber-900">{t("applications.employer.limited")}</p> : null}
        <SharedProfile view={a.applicant} />
        {a.applicant.phoneIsFull && a.applicant.phone ? (
          <a href={`tel:${a.applicant.phone}`} className="mt-3 flex min-h-12 items-center justify-center rounded bg-brand-600 px-4 text-lg font-semibold text-white" title={t("applications.employer.phoneFull")}>
            {t("detail.call", { phone: a.applicant.phone })}
          </a>
        ) : null}
      </section>

      <section className={box} aria-labelledby="history-title">
        <h2 id="history-title" className="mb-2 text-lg font-semibold">{t("applications.employer.timeline")}</h2>
        <Timeline events={a.events} />
      </section>
    </div>
  );
}
