import { getFormProps, useForm, type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation, useSearchParams } from "@remix-run/react";
import { useTranslation, tCode } from "~/i18n/translate.ts";
import { BaseStatusBadge, BaseTimeline } from "~/components/base-application-parts.tsx";
import { FormError, SubmitButton, TextField } from "~/components/form.tsx";
import { TextAreaField } from "~/components/profile-fields.tsx";
import { getLanguage } from "~/i18n/language.server.ts";
import { requirePermission } from "~/modules/auth/guards.server.ts";
import { loadBaseApplication } from "~/modules/bases/operator.server.ts";
import { reviewBaseApplication } from "~/modules/bases/review.server.ts";
import { reviewSchema } from "~/modules/bases/schemas.ts";
import { formatDate } from "~/utils/format.ts";
import { httpError } from "~/utils/http.ts";
import { metaT, pageTitle } from "~/utils/meta.ts";
import type { I18nHandle } from "~/i18n/i18n.ts";

export const handle: I18nHandle = { i18n: ["opportunities", "organizations", "bases"] };

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => {
  const t = metaT(matches);
  return [{ title: pageTitle(t, t("bases.review.title", { name: data?.founder.name ?? "" })) }, { name: "robots", content: "noindex" }];
};

function applicationId(params: { id?: string }): number {
  if (!/^[1-9]\d{0,11}$/.test(params.id ?? "")) throw httpError(404);
  return Number(params.id);
}

/** Only members of the organization that runs the base see the application; anyone else gets 404. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "applicant.manage");
  const a = await loadBaseApplication(user.id, applicationId(params), await getLanguage(request));
  if (!a) throw httpError(404);
  return a;
}

const REFUSALS = { illegal: "bases.errors.notAllowed", full: "bases.review.full" } as const;
const INTENTS = ["interview", "admit", "decline", "record"] as const;

type ActionData = { intent: string; reply: SubmissionResult<string[]> };

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requirePermission(request, "applicant.manage");
  const id = applicationId(params);
  const formData = await request.formData();
  const intent = String(formData.get("intent") ?? "");
  const submission = parseWithZod(formData, { schema: reviewSchema });
  if (submission.status !== "success") return { intent, reply: submission.reply() } satisfies ActionData;
  const result = await reviewBaseApplication(user.id, id, submission.value);
  if (!result.ok) {
    if (result.reason === "not_found") throw httpError(404);
    return { intent, reply: submission.reply({ formErrors: [REFUSALS[result.reason]] }) } satisfies ActionData;
  }
  return redirect(`/employer/base-applications/${id}?done=${result.intent}`);
}

const box = "rounded-lg bg-white p-4 shadow-sm";

function useReviewForm(id: string, lastResult?: SubmissionResult<string[]>, defaultValue?: Record<string, string>) {
  return useForm({ id, lastResult, defaultValue, onValidate: ({ formData }) => parseWithZod(formData, { schema: reviewSchema }), shouldValidate: "onBlur", shouldRevalidate: "onInput" });
}

function ReviewForm({ id, lastResult, defaultValue, className, lead, children, submit }: {
  id: (typeof INTENTS)[number]; lastResult?: SubmissionResult<string[]>; defaultValue?: Record<string, string>; className: string; lead?: string;
  children: (fields: ReturnType<typeof useReviewForm>[1]) => React.ReactNode; submit: string;
}) {
  const busy = useNavigation().state === "submitting";
  const [form, fields] = useReviewForm(id, lastResult, defaultValue);
  return (
    <Form method="post" {...getFormProps(form)} noValidate className={`rounded border p-3 ${className}`} data-testid={`${id}-form`}>
      <input type="hidden" name="intent" value={id} />
      {lead ? <p className="mb-2 text-sm">{lead}</p> : null}
      <FormError errors={form.errors} />
      {children(fields)}
      <SubmitButton busy={busy}>{submit}</SubmitButton>
    </Form>
  );
}

export default function ReviewBaseApplication() {
  const { t, i18n } = useTranslation();
  const a = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>() as ActionData | undefined;
  const [searchParams] = useSearchParams();
  const done = searchParams.get("done");
  const forIntent = (intent: string) => (data?.intent === intent ? data.reply : undefined);
  const stray = data && !(INTENTS as readonly string[]).includes(data.intent) ? [...(data.reply.error?.[""] ?? []), ...(data.reply.error?.intent ?? [])] : undefined;
  return (
    <div className="mx-auto max-w-2xl space-y-4">
      <p className="text-sm"><Link to={`/employer/bases/${a.base.id}/applications`} className="text-brand-700 underline">← {t("bases.review.backToList")}</Link></p>
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h1 className="text-2xl font-bold">{t("bases.review.title", { name: a.founder.name })}</h1>
        <BaseStatusBadge status={a.status} />
      </div>
      <p className="text-slate-700">{a.base.name} · <span data-testid="base-places">{t("bases.places", { free: a.base.freePlaces, total: a.base.totalPlaces })}</span></p>
      {done && (INTENTS as readonly string[]).includes(done) && !data ? <p role="status" className="rounded border border-green-300 bg-green-50 p-3 text-green-900" data-testid="done-notice">{tCode(t, "bases.review.done", done)}</p> : null}
      {a.hasPlacement ? <p className="rounded border border-emerald-300 bg-emerald-50 p-3" data-testid="placement">{t("bases.review.placement")}</p> : null}

      <section className={box} aria-labelledby="actions-title">
        <h2 id="actions-title" className="mb-2 text-lg font-semibold">{t("bases.review.actions")}</h2>
        <FormError errors={stray?.length ? stray : undefined} />
        {a.next.length === 0 && a.status !== "admitted" ? <p>{t("bases.review.finished")}</p> : null}
        <div className="space-y-3">
          {a.next.includes("interview") ? (
            <ReviewForm id="interview" lastResult={forIntent("interview")} className="border-amber-200 bg-amber-50" lead={t("bases.review.interviewLead")} submit={t("bases.review.interview")}>
              {(f) => (
                <>
                  <TextField meta={f.interviewAt!} label={t("bases.review.interviewAt")} type={"datetime-local" as "date"} />
                  <TextAreaField meta={f.note!} label={t("bases.review.note")} rows={2} />
                </>
              )}
            </ReviewForm>
          ) : null}
          {a.next.includes("admit") ? (
            <ReviewForm id="admit" lastResult={forIntent("admit")} className="border-emerald-200 bg-emerald-50" lead={a.base.freePlaces > 0 ? t("bases.review.admitLead") : t("bases.review.full")} submit={t("bases.review.admit")}>
              {(f) => (
                <>
                  <TextField meta={f.businessName!} label={t("bases.review.businessName")} />
                  <TextField meta={f.jobsCreated!} label={t("bases.review.jobsCreated")} inputMode="numeric" />
                </>
              )}
            </ReviewForm>
          ) : null}
          {a.next.includes("decline") ? (
            <details open={data?.intent === "decline"}>
              <summary className="inline-flex min-h-11 cursor-pointer items-center text-red-800 underline">{t("bases.review.decline")}</summary>
              <ReviewForm id="decline" lastResult={forIntent("decline")} className="border-red-200 bg-red-50" submit={t("bases.review.declineSubmit")}>
                {(f) => <TextAreaField meta={f.reason!} label={t("bases.review.reason")} rows={2} />}
              </ReviewForm>
            </details>
          ) : null}
          {a.status === "admitted" ? (
            <ReviewForm id="record" lastResult={forIntent("record")} defaultValue={{ businessName: a.businessName, jobsCreated: String(a.jobsCreated) }} className="border-slate-200 bg-slate-50" lead={t("bases.review.recordLead")} submit={t("bases.review.record")}>
              {(f) => (
                <>
                  <TextField meta={f.businessName!} label={t("bases.review.businessName")} />
                  <TextField meta={f.jobsCreated!} label={t("bases.review.jobsCreated")} inputMode="numeric" />
                </>
              )}
            </ReviewForm>
          ) : null}
        </div>
      </section>

      <section className={box} aria-labelledby="plan-title">
        <h2 id="plan-title" className="mb-2 text-lg font-semibold">{t("bases.review.plan")}</h2>
        <p className="whitespace-pre-line">{a.businessPlan}</p>
        <dl className="mt-3 space-y-1 text-sm">
          <div><dt className="inline font-semibold">{t("bases.review.team")}：</dt><dd className="inline whitespace-pre-line">{a.team}</dd></div>
          <div><dt className="inline font-semibold">{t("bases.review.industry")}：</dt><dd className="inline">{a.industry}</dd></div>
          <div><dt className="inline font-semibold">{t("bases.review.groups")}：</dt><dd className="inline">{a.groups.map((g) => tCode(t, "groups", g)).join(t("list.separator"))}</dd></div>
          <div><dt className="inline font-semibold">{t("bases.review.needs")}：</dt><dd className="inline whitespace-pre-line">{a.needs}</dd></div>
          <div><dt className="inline font-semibold">{t("bases.review.contact")}：</dt><dd className="inline">{[a.founder.phone, a.founder.email].filter(Boolean).join(" · ")}</dd></div>
        </dl>
        {a.interviewAt ? <p className="mt-2 text-sm">{t("bases.mine.interview", { when: formatDate(a.interviewAt, i18n.language, "dateTime") })}</p> : null}
      </section>

      <section className={box} aria-labelledby="history-title">
        <h2 id="history-title" className="mb-2 text-lg font-semibold">{t("bases.review.history")}</h2>
        <BaseTimeline events={a.events} />
      </section>
    </div>
  );
}
