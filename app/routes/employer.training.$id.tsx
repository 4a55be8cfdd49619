import { getFormProps, useForm, type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation, useSearchParams } from "@remix-run/react";
import { useTranslation, tCode } from "~/i18n/translate.ts";
import { FormError, SubmitButton, TextField } from "~/components/form.tsx";
import type { Field } from "~/components/field-props.ts";
import { CheckboxField } from "~/components/profile-fields.tsx";
import { TrainingRates } from "~/components/training-rates.tsx";
import { requirePermission } from "~/modules/auth/guards.server.ts";
import { parseOutcome } from "~/modules/training/forms.server.ts";
import { providerCourse, recordOutcome } from "~/modules/training/provider.server.ts";
import { outcomeSchema } from "~/modules/training/schemas.ts";
import { httpError } from "~/utils/http.ts";
import { metaT, pageTitle } from "~/utils/meta.ts";
import type { I18nHandle } from "~/i18n/i18n.ts";

export const handle: I18nHandle = { i18n: ["opportunities", "training"] };

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => {
  const t = metaT(matches);
  return [{ title: pageTitle(t, data?.course.title ?? t("training.provider.title")) }, { name: "robots", content: "noindex" }];
};

function plainId(value: string | undefined | null): number | null {
  return /^[1-9]\d{0,11}$/.test(value ?? "") ? Number(value) : null;
}

/** Only a member of the course's provider sees its learners; anyone else gets 404. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "course.manage");
  const id = plainId(params.id);
  const data = id ? await providerCourse(user, id, new Date()) : null;
  if (!data) throw httpError(404);
  return data;
}

type ActionData = { enrolmentId: number; intent: string; reply: SubmissionResult<string[]> };

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requirePermission(request, "course.manage");
  const courseId = plainId(params.id);
  const formData = await request.formData();
  const enrolmentId = plainId(String(formData.get("enrolmentId") ?? ""));
  if (!courseId || !enrolmentId) throw httpError(404);
  const intent = String(formData.get("intent") ?? "");
  const submission = parseOutcome(formData);
  if (submission.status !== "success") return { enrolmentId, intent, reply: submission.reply() } satisfies ActionData;
  const result = await recordOutcome(user, enrolmentId, submission.value, new Date());
  if (result.ok) return redirect(`/employer/training/${courseId}?saved=${enrolmentId}#learner-${enrolmentId}`);
  if ("reason" in result) throw httpError(404);
  const reply = "fieldErrors" in result ? submission.reply({ fieldErrors: result.fieldErrors }) : submission.reply({ formErrors: [result.formError] });
  return { enrolmentId, intent, reply } satisfies ActionData;
}

type Learner = ReturnType<typeof useLoaderData<typeof loader>>["learners"][number];

function OutcomeForm({ learner, intent, lastResult, children, testId }: { learner: Learner; intent: string; lastResult?: SubmissionResult<string[]>; children: (fields: Record<"hours" | "withCertificate" | "certificateNumber" | "note", Field>) => React.ReactNode; testId: string }) {
  const [form, fields] = useForm({
    id: `outcome-${learner.id}-${intent}`,
    lastResult,
    defaultValue: { hours: String(learner.attendedHours) },
    onValidate: ({ formData }) => parseWithZod(formData, { schema: outcomeSchema }),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
  });
  return (
    <Form method="post" {...getFormProps(form)} noValidate className="rounded border border-slate-200 p-3" data-testid={testId}>
      <input type="hidden" name="enrolmentId" value={learner.id} />
      <input type="hidden" name="intent" value={intent} />
      <FormError errors={form.errors} />
      {children(fields as unknown as Record<"hours" | "withCertificate" | "certificateNumber" | "note", Field>)}
    </Form>
  );
}

export default function CourseLearners() {
  const { t } = useTranslation();
  const { course, learners, rates } = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>() as ActionData | undefined;
  const busy = useNavigation().state === "submitting";
  const [searchParams] = useSearchParams();
  const saved = Number(searchParams.get("saved")) || null;
  const last = (id: number, intent: string) => (data?.enrolmentId === id && data.intent === intent ? data.reply : undefined);
  return (
    <div className="mx-auto max-w-3xl space-y-4">
      <p className="text-sm"><Link to="/employer/training" className="text-brand-700 underline">← {t("training.provider.back")}</Link></p>
      <h1 className="text-2xl font-bold">{course.title}</h1>
      <p className="text-sm text-slate-600">{t("training.provider.places", { left: course.placesLeft, total: course.totalPlaces })}</p>
      <section className="rounded-lg bg-white p-4 shadow-sm"><TrainingRates rates={rates} testId="course-rates" /></section>
      {saved ? <p role="status" className="rounded border border-green-300 bg-green-50 p-3 text-green-900" data-testid="saved-notice">{t("training.provider.saved", { name: learners.find((l) => l.id === saved)?.name ?? "" })}</p> : null}
      {learners.length === 0 ? <p>{t("training.provider.noLearners")}</p> : null}
      <ul className="space-y-3">
        {learners.map((l) => (
          <li key={l.id} id={`learner-${l.id}`} className="space-y-2 rounded-lg bg-white p-4 shadow-sm" data-testid="learner" data-name={l.name}>
            <div className="flex flex-wrap items-start justify-between gap-2">
              <span className="text-lg font-semibold">{l.name} <span className="text-sm font-normal text-slate-600">{l.phoneMasked}</span></span>
              <span className="rounded bg-slate-100 px-2 py-0.5 text-sm" data-testid="learner-status">{tCode(t, "training.statuses", l.status)}</span>
            </div>
            {l.subsidyRequested ? <p className="text-sm">{t("training.provider.subsidy")}：{l.subsidyEligible ? t("training.provider.eligible") : t("training.provider.notEligible")}</p> : null}
            <OutcomeForm learner={l} intent="attendance" lastResult={last(l.id, "attendance")} testId="attendance-form">
              {(fields) => (
                <>
                  <TextField meta={fields.hours} label={t("training.provider.hours", { total: course.hours })} type="number" inputMode="numeric" />
                  <SubmitButton busy={busy}>{t("training.provider.saveHours")}</SubmitButton>
                </>
              )}
            </OutcomeForm>
            {l.status !== "completed" ? (
              <>
                <OutcomeForm learner={l} intent="complete" lastResult={last(l.id, "complete")} testId="complete-form">
                  {(fields) => (
                    <>
                      {course.credentialCode ? <CheckboxField meta={fields.withCertificate} label={t("training.provider.withCertificate", { certificate: course.certificate })} /> : null}
                      {course.credentialCode ? <TextField meta={fields.certificateNumber} label={t("training.provider.certificateNumber")} /> : null}
                      <SubmitButton busy={busy}>{t("training.provider.complete")}</SubmitButton>
                    </>
                  )}
                </OutcomeForm>
                <OutcomeForm learner={l} intent="not_completed" lastResult={last(l.id, "not_completed")} testId="not-completed-form">
                  {(fields) => (
                    <>
                      <TextField meta={fields.note} label={t("training.provider.note")} />
                      <button type="submit" disabled={busy} className="min-h-11 rounded-md border border-slate-300 px-4">{t("training.provider.notCompleted")}</button>
                    </>
                  )}
                </OutcomeForm>
              </>
            ) : null}
          </li>
        ))}
      </ul>
    </div>
  );
}
