import { getFormProps, useForm } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod";
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation, tCode } from "~/i18n/translate.ts";
import { FormError, SubmitButton } from "~/components/form.tsx";
import { ChoiceGroup, SelectField, TextAreaField } from "~/components/profile-fields.tsx";
import { getLanguage } from "~/i18n/language.server.ts";
import { requirePermission } from "~/modules/auth/guards.server.ts";
import { FOUNDER_GROUPS, LIMITS } from "~/modules/bases/codes.ts";
import { applyForPlace, loadBaseApplyPage } from "~/modules/bases/founder.server.ts";
import { applySchema } from "~/modules/bases/schemas.ts";
import { httpError } from "~/utils/http.ts";
import { metaT, pageTitle } from "~/utils/meta.ts";
import type { I18nHandle } from "~/i18n/i18n.ts";

export const handle: I18nHandle = { i18n: ["opportunities", "organizations", "bases"] };

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => {
  const t = metaT(matches);
  return [{ title: pageTitle(t, t("bases.applyTitle", { base: data?.base.name ?? "" })) }, { name: "robots", content: "noindex" }];
};

function baseId(params: { id?: string }): number {
  if (!/^[1-9]\d{0,11}$/.test(params.id ?? "")) throw httpError(404);
  return Number(params.id);
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "application.create");
  const data = await loadBaseApplyPage(user.id, baseId(params), await getLanguage(request));
  if (!data) throw httpError(404);
  return data;
}

const REFUSALS = { not_open: "bases.notOpen", already_applied: "bases.already" } as const;

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requirePermission(request, "application.create");
  const id = baseId(params);
  const submission = parseWithZod(await request.formData(), { schema: applySchema });
  if (submission.status !== "success") return submission.reply();
  const result = await applyForPlace(user.id, id, submission.value, await getLanguage(request));
  if (result.ok) return redirect(`/me/base-applications?applied=${result.applicationId}#base-application-${result.applicationId}`);
  if (result.reason === "not_found") throw httpError(404);
  if (result.reason === "bad_industry") return submission.reply({ fieldErrors: { industryCode: ["bases.errors.badIndustry"] } });
  return submission.reply({ formErrors: [REFUSALS[result.reason]] });
}

export default function ApplyForPlace() {
  const { t } = useTranslation();
  const { base, existing, groups, industries } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const busy = useNavigation().state === "submitting";
  const [form, fields] = useForm({
    lastResult,
    constraint: getZodConstraint(applySchema),
    defaultValue: { groups },
    onValidate: ({ formData }) => parseWithZod(formData, { schema: applySchema }),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
  });
  return (
    <div className="mx-auto max-w-2xl space-y-4">
      <p className="text-sm"><Link to={`/base/${base.id}`} className="text-brand-700 underline">← {base.name}</Link></p>
      <h1 className="text-2xl font-bold">{t("bases.applyTitle", { base: base.name })}</h1>
      <p className="text-slate-700" data-testid="base-places">{t("bases.places", { free: base.freePlaces, total: base.totalPlaces })}</p>
      {existing ? (
        <p role="status" className="rounded border border-sky-300 bg-sky-50 p-3">
          {t("bases.already")} <Link to={`/me/base-applications#base-application-${existing.id}`} className="underline">{t("bases.viewMine")}</Link>
        </p>
      ) : !base.takesApplications ? (
        <p role="status" className="rounded border border-amber-300 bg-amber-50 p-3">{t("bases.notOpen")}</p>
      ) : (
        <Form method="post" {...getFormProps(form)} noValidate className="rounded-lg bg-white p-4 shadow-sm" data-testid="base-apply-form">
          <p className="mb-3 text-sm text-slate-700">{t("bases.applyLead")}</p>
          <FormError errors={form.errors} />
          <TextAreaField meta={fields.businessPlan} label={t("bases.businessPlan")} hint={t("bases.businessPlanHint", { min: LIMITS.planMin, max: LIMITS.plan })} rows={5} />
          <TextAreaField meta={fields.team} label={t("bases.team")} hint={t("bases.teamHint")} rows={2} />
          <SelectField meta={fields.industryCode} label={t("bases.industry")} placeholder={t("bases.choose")}>
            {industries.map((i) => <option key={i.code} value={i.code}>{i.name}</option>)}
          </SelectField>
          <ChoiceGroup meta={fields.groups} legend={t("bases.groups")} hint={t("bases.groupsHint")} type="checkbox" options={FOUNDER_GROUPS.map((g) => ({ value: g, label: tCode(t, "groups", g) }))} />
          <TextAreaField meta={fields.needs} label={t("bases.needs")} hint={t("bases.needsHint")} rows={3} />
          <SubmitButton busy={busy}>{t("bases.submit")}</SubmitButton>
        </Form>
      )}
    </div>
  );
}
