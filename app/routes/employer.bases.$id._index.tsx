import { getFormProps, useForm } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod";
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation, useSearchParams } from "@remix-run/react";
import { useTranslation, tCode } from "~/i18n/translate.ts";
import { FormError, SubmitButton, TextField } from "~/components/form.tsx";
import { ChoiceGroup, TextAreaField } from "~/components/profile-fields.tsx";
import { requirePermission } from "~/modules/auth/guards.server.ts";
import { BASE_SERVICES } from "~/modules/bases/codes.ts";
import { loadOperatorBase, updateBase } from "~/modules/bases/operator.server.ts";
import { baseEditSchema } from "~/modules/bases/schemas.ts";
import { httpError } from "~/utils/http.ts";
import { metaT, pageTitle } from "~/utils/meta.ts";
import type { I18nHandle } from "~/i18n/i18n.ts";

export const handle: I18nHandle = { i18n: ["opportunities", "organizations", "bases"] };

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => {
  const t = metaT(matches);
  return [{ title: pageTitle(t, t("bases.operator.editTitle", { base: data?.base.name ?? "" })) }, { name: "robots", content: "noindex" }];
};

function baseId(params: { id?: string }): number {
  if (!/^[1-9]\d{0,11}$/.test(params.id ?? "")) throw httpError(404);
  return Number(params.id);
}

/** Only members of the base's organization see it; anyone else gets 404. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "applicant.manage");
  const base = await loadOperatorBase(user.id, baseId(params));
  if (!base) throw httpError(404);
  return { base };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requirePermission(request, "applicant.manage");
  const id = baseId(params);
  const submission = parseWithZod(await request.formData(), { schema: baseEditSchema });
  if (submission.status !== "success") return submission.reply();
  if (!(await updateBase(user.id, id, submission.value))) throw httpError(404);
  return redirect(`/employer/bases/${id}?saved=1`);
}

export default function EditBase() {
  const { t } = useTranslation();
  const { base } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const busy = useNavigation().state === "submitting";
  const [searchParams] = useSearchParams();
  const [form, fields] = useForm({
    lastResult,
    constraint: getZodConstraint(baseEditSchema),
    defaultValue: { totalPlaces: String(base.totalPlaces), freePlaces: String(base.freePlaces), services: base.services, rentTerms: base.rentTerms, contactPhone: base.contactPhone, description: base.description },
    onValidate: ({ formData }) => parseWithZod(formData, { schema: baseEditSchema }),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
  });
  return (
    <div className="mx-auto max-w-2xl space-y-4">
      <p className="text-sm"><Link to="/employer/bases" className="text-brand-700 underline">← {t("bases.operator.back")}</Link></p>
      <h1 className="text-2xl font-bold">{t("bases.operator.editTitle", { base: base.name })}</h1>
      {searchParams.get("saved") && !lastResult ? <p role="status" className="rounded border border-green-300 bg-green-50 p-3 text-green-900" data-testid="saved-notice">{t("bases.operator.saved")}</p> : null}
      <Form method="post" {...getFormProps(form)} noValidate className="rounded-lg bg-white p-4 shadow-sm" data-testid="base-edit-form">
        <FormError errors={form.errors} />
        <TextField meta={fields.totalPlaces} label={t("bases.operator.totalPlaces")} inputMode="numeric" />
        <TextField meta={fields.freePlaces} label={t("bases.operator.freePlaces")} inputMode="numeric" />
        <ChoiceGroup meta={fields.services} legend={t("bases.operator.services")} type="checkbox" columns options={BASE_SERVICES.map((s) => ({ value: s, label: tCode(t, "services", s) }))} />
        <TextAreaField meta={fields.rentTerms} label={t("bases.operator.rentTerms")} rows={2} />
        <TextField meta={fields.contactPhone} label={t("bases.operator.contactPhone")} type="tel" inputMode="tel" />
        <TextAreaField meta={fields.description} label={t("bases.operator.description")} rows={4} />
        <SubmitButton busy={busy}>{t("bases.operator.save")}</SubmitButton>
      </Form>
    </div>
  );
}
