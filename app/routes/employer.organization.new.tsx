import { getFormProps, useForm } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod";
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation, tCode } from "~/i18n/translate.ts";
import { FormError, SubmitButton, TextField } from "~/components/form.tsx";
import { SelectField, TextAreaField } from "~/components/profile-fields.tsx";
import { RegionPicker } from "~/components/region-picker.tsx";
import { getLanguage } from "~/i18n/language.server.ts";
import { replyErrors } from "~/modules/auth/form-errors.ts";
import { requirePermission } from "~/modules/auth/guards.server.ts";
import { employerOrganization, registerOrganization, registrationOptions } from "~/modules/organizations/organizations.server.ts";
import { ORGANIZATION_KINDS, organizationSchema } from "~/modules/organizations/schemas.ts";
import { metaT, pageTitle } from "~/utils/meta.ts";
import type { I18nHandle } from "~/i18n/i18n.ts";

export const handle: I18nHandle = { i18n: ["accounts", "organizations"] };

export const meta: MetaFunction = ({ matches }) => {
  const t = metaT(matches);
  return [{ title: pageTitle(t, t("organizations.registerTitle")) }, { name: "robots", content: "noindex" }];
};

/** New registration, or the owner correcting a rejected one; anyone else with an organization goes home. */
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "organization.register");
  const lang = await getLanguage(request);
  const current = await employerOrganization(user.id, lang);
  if (current && !(current.organization.status === "rejected" && current.myRole === "owner")) throw redirect("/employer");
  return { options: await registrationOptions(lang, [current?.organization.townCode, current?.organization.countyCode]), current: current?.organization ?? null };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requirePermission(request, "organization.register");
  const submission = parseWithZod(await request.formData(), { schema: organizationSchema });
  if (submission.status !== "success") return submission.reply();
  const result = await registerOrganization(user.id, submission.value);
  if (!result.ok) return submission.reply(replyErrors(result.errors));
  return redirect("/employer");
}

export default function RegisterOrganization() {
  const { t } = useTranslation();
  const { options, current } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const busy = useNavigation().state === "submitting";
  const [form, fields] = useForm({
    lastResult,
    constraint: getZodConstraint(organizationSchema),
    onValidate: ({ formData }) => parseWithZod(formData, { schema: organizationSchema }),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
    defaultValue: current
      ? {
          name: current.name,
          creditCode: current.creditCode,
          kind: current.kind,
          industryCode: current.industryCode ?? "",
          countyCode: current.countyCode,
          townCode: current.townCode ?? "",
          address: current.address,
          contactName: current.contactName ?? "",
          contactPhone: current.contactPhone ?? "",
          description: current.description,
        }
      : undefined,
  });
  return (
    <div className="mx-auto max-w-xl rounded-lg bg-white p-5 shadow-sm">
      <h1 className="mb-2 text-2xl font-bold">{t(current ? "organizations.resubmitTitle" : "organizations.registerTitle")}</h1>
      <p className="mb-4 text-sm text-slate-600">{t("organizations.registerLead")}</p>
      {current?.rejectionReason ? (
        <p className="mb-4 rounded border border-red-300 bg-red-50 p-3 text-sm text-red-800" data-testid="rejection-reason">
          {t("employer.rejectedLead", { reason: current.rejectionReason })}
        </p>
      ) : null}
      <FormError errors={form.errors} />
      <Form method="post" {...getFormProps(form)} noValidate>
        <TextField meta={fields.name} label={t("organizations.name")} hint={t("organizations.nameHint")} autoComplete="organization" />
        <TextField meta={fields.creditCode} label={t("organizations.creditCode")} hint={t("organizations.creditCodeHint")} autoComplete="off" />
        <SelectField meta={fields.kind} label={t("organizations.kind")} placeholder={t("organizations.choose")}>
          {ORGANIZATION_KINDS.map((k) => <option key={k} value={k}>{tCode(t, "organizations.kinds", k)}</option>)}
        </SelectField>
        <SelectField meta={fields.industryCode} label={t("organizations.industry")} placeholder={t("organizations.industryNone")}>
          {options.industries.map((i) => <option key={i.code} value={i.code}>{i.name}</option>)}
        </SelectField>
        <RegionPicker
          options={options}
          county={fields.countyCode}
          town={fields.townCode}
          countyLabel={t("organizations.county")}
          townLabel={t("organizations.town")}
          townHint={t("organizations.townHint")}
          countyPlaceholder={t("organizations.choose")}
          townPlaceholder={t("organizations.townNone")}
        />
        <TextField meta={fields.address} label={t("organizations.address")} hint={t("organizations.addressHint")} autoComplete="street-address" />
        <TextField meta={fields.contactName} label={t("organizations.contactName")} autoComplete="name" />
        <TextField meta={fields.contactPhone} label={t("organizations.contactPhone")} hint={t("organizations.contactPhoneHint")} type="tel" inputMode="tel" autoComplete="tel" />
        <TextAreaField meta={fields.description} label={t("organizations.description")} hint={t("organizations.descriptionHint")} rows={4} />
        <div className="flex flex-wrap items-center gap-3">
          <SubmitButton busy={busy}>{t(current ? "organizations.resubmit" : "organizations.submit")}</SubmitButton>
          <Link to="/employer" className="min-h-11 px-2 py-3 text-brand-700 underline">{t("employer.title")}</Link>
        </div>
      </Form>
    </div>
  );
}
