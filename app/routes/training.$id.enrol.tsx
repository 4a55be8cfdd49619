import { getFormProps, useForm } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod";
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "~/i18n/translate.ts";
import { FormError, SubmitButton, TextField } from "~/components/form.tsx";
import { CheckboxField } from "~/components/profile-fields.tsx";
import { requirePermission } from "~/modules/auth/guards.server.ts";
import { enrol, enrolPage } from "~/modules/training/enrol.server.ts";
import { parseEnrol } from "~/modules/training/forms.server.ts";
import { enrolSchema } from "~/modules/training/schemas.ts";
import { formatDate } from "~/utils/format.ts";
import { httpError } from "~/utils/http.ts";
import { metaT, pageTitle } from "~/utils/meta.ts";
import type { I18nHandle } from "~/i18n/i18n.ts";

export const handle: I18nHandle = { i18n: ["opportunities", "training"] };

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => {
  const t = metaT(matches);
  return [{ title: pageTitle(t, t("training.enrol.title", { title: data?.course.title ?? "" })) }, { name: "robots", content: "noindex" }];
};

function courseId(params: { id?: string }): number {
  if (!/^[1-9]\d{0,11}$/.test(params.id ?? "")) throw httpError(404);
  return Number(params.id);
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "enrolment.create");
  const data = await enrolPage(user.id, courseId(params), new Date());
  if (!data) throw httpError(404);
  return data;
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requirePermission(request, "enrolment.create");
  const id = courseId(params);
  const submission = parseEnrol(await request.formData());
  if (submission.status !== "success") return submission.reply();
  const result = await enrol(user, id, submission.value, new Date());
  if (result.ok) return redirect(`/me/training?enrolled=${result.enrolmentId}#enrolment-${result.enrolmentId}`);
  if ("reason" in result) throw httpError(404);
  return submission.reply({ formErrors: [result.formError] });
}

export default function Enrol() {
  const { t, i18n } = useTranslation();
  const { course, open, full, pastDeadline, subsidyEligible, name, existing } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const busy = useNavigation().state === "submitting";
  const [form, fields] = useForm({
    lastResult,
    constraint: getZodConstraint(enrolSchema),
    defaultValue: { name, subsidy: subsidyEligible ? "on" : undefined },
    onValidate: ({ formData }) => parseWithZod(formData, { schema: enrolSchema }),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
  });
  const enrolled = existing && existing.status !== "withdrawn";
  return (
    <div className="mx-auto max-w-2xl space-y-4">
      <p className="text-sm"><Link to={`/course/${course.id}`} className="text-brand-700 underline">← {course.title}</Link></p>
      <h1 className="text-2xl font-bold">{t("training.enrol.title", { title: course.title })}</h1>
      <ul className="space-y-1 text-slate-700">
        <li>{t("training.enrol.provider", { name: course.providerName })}</li>
        <li data-testid="places-left">{t("training.enrol.places", { left: course.placesLeft, total: course.totalPlaces })}</li>
        <li>{t("training.enrol.deadline", { date: formatDate(course.enrolDeadline, i18n.language) })}</li>
      </ul>
      {enrolled ? (
        <p role="status" className="rounded border border-sky-300 bg-sky-50 p-3">
          {t("training.enrol.already")} <Link to={`/me/training#enrolment-${existing.id}`} className="underline">{t("training.enrol.mine")}</Link>
        </p>
      ) : !open ? (
        <p role="status" className="rounded border border-amber-300 bg-amber-50 p-3" data-testid="enrol-closed">{t(full && !pastDeadline ? "training.enrol.full" : "training.enrol.closed")}</p>
      ) : (
        <Form method="post" {...getFormProps(form)} noValidate className="rounded-lg bg-white p-4 shadow-sm" data-testid="enrol-form">
          <p className="mb-3 text-sm text-slate-700">{t("training.enrol.lead")}</p>
          <FormError errors={form.errors} />
          <TextField meta={fields.name} label={t("training.enrol.name")} autoComplete="name" />
          {course.subsidy > 0 ? (
            <>
              <p className="mb-2 text-sm" data-testid="subsidy-eligibility">{subsidyEligible ? t("training.enrol.subsidyEligible", { amount: course.subsidy }) : t("training.enrol.subsidyNotEligible")}</p>
              <CheckboxField meta={fields.subsidy} label={t("training.enrol.subsidy")} />
            </>
          ) : (
            <p className="mb-2 text-sm text-slate-600">{t("training.enrol.noSubsidy")}</p>
          )}
          <SubmitButton busy={busy}>{t("training.enrol.submit")}</SubmitButton>
        </Form>
      )}
    </div>
  );
}
