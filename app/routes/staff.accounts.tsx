import { getFormProps, useForm } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation, tCode } from "~/i18n/translate.ts";
import { FormError, SubmitButton, TextField } from "~/components/form.tsx";
import { card, StaffNav } from "~/components/organization-parts.tsx";
import { SelectField } from "~/components/profile-fields.tsx";
import { getLanguage } from "~/i18n/language.server.ts";
import { replyErrors } from "~/modules/auth/form-errors.ts";
import { requirePermission } from "~/modules/auth/guards.server.ts";
import { staffAccountSchema } from "~/modules/staff/schemas.ts";
import { createStaffAccount, listStaffAccounts, scopeOptions } from "~/modules/staff/staff.server.ts";
import { formatDate } from "~/utils/format.ts";
import { metaT, pageTitle } from "~/utils/meta.ts";
import type { I18nHandle } from "~/i18n/i18n.ts";

export const handle: I18nHandle = { i18n: ["opportunities", "accounts", "seekers", "organizations", "postings", "registers", "targets", "exports"] };

export const meta: MetaFunction = ({ matches }) => {
  const t = metaT(matches);
  return [{ title: pageTitle(t, t("staffAccounts.title")) }, { name: "robots", content: "noindex" }];
};

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "staff.manage");
  const lang = await getLanguage(request);
  const [accounts, scopes] = await Promise.all([listStaffAccounts(lang), scopeOptions(lang)]);
  return { accounts, scopes };
}

/** Admin only; the new account and its audit record are written together. */
export async function action({ request }: ActionFunctionArgs) {
  const admin = await requirePermission(request, "staff.manage");
  const submission = parseWithZod(await request.formData(), { schema: staffAccountSchema });
  if (submission.status !== "success") return { result: submission.reply({ hideFields: ["password"] }), created: null };
  const result = await createStaffAccount(admin, submission.value);
  if (!result.ok) return { result: submission.reply({ ...replyErrors(result.errors), hideFields: ["password"] }), created: null };
  return { result: submission.reply({ resetForm: true }), created: submission.value.email };
}

export default function StaffAccounts() {
  const { t, i18n } = useTranslation();
  const { accounts, scopes } = useLoaderData<typeof loader>();
  const acted = useActionData<typeof action>();
  const busy = useNavigation().state === "submitting";
  const [form, fields] = useForm({
    lastResult: acted?.result,
    constraint: getZodConstraint(staffAccountSchema),
    onValidate: ({ formData }) => parseWithZod(formData, { schema: staffAccountSchema }),
    shouldValidate: "onBlur",
  });
  return (
    <div className="mx-auto max-w-3xl">
      <StaffNav />
      <h1 className="mb-3 text-2xl font-bold">{t("staffAccounts.title")}</h1>
      <section className={`${card} mb-4`}>
        <h2 className="mb-3 text-lg font-semibold">{t("staffAccounts.create")}</h2>
        {acted?.created ? <p role="status" className="mb-3 rounded border border-emerald-300 bg-emerald-50 p-3 text-emerald-900">{t("staffAccounts.created", { email: acted.created })}</p> : null}
        <FormError errors={form.errors} />
        <Form method="post" {...getFormProps(form)} noValidate>
          <TextField meta={fields.email} label={t("staffAccounts.email")} type="email" inputMode="email" autoComplete="off" />
          <TextField meta={fields.displayName} label={t("staffAccounts.displayName")} hint={t("staffAccounts.displayNameHint")} autoComplete="off" />
          <SelectField meta={fields.regionCode} label={t("staffAccounts.scope")} hint={t("staffAccounts.scopeHint")} placeholder={t("organizations.choose")}>
            {scopes.map((city) => (
              <optgroup key={city.code} label={city.name}>
                <option value={city.code}>{t("staffAccounts.cityWide", { name: city.name })}</option>
                {city.counties.map((county) => (
                  <option key={county.code} value={county.code}>{t("staffAccounts.countyWide", { name: county.name })}</option>
                ))}
              </optgroup>
            ))}
            {scopes.flatMap((city) =>
              city.counties.map((county) => (
                <optgroup key={county.code} label={county.name}>
                  {county.towns.map((town) => <option key={town.code} value={town.code}>{county.name} · {town.name}</option>)}
                </optgroup>
              )),
            )}
          </SelectField>
          <TextField meta={fields.password} label={t("staffAccounts.password")} hint={t("staffAccounts.passwordHint")} type="password" autoComplete="new-password" />
          <SubmitButton busy={busy}>{t("staffAccounts.submit")}</SubmitButton>
        </Form>
      </section>
      <section className={card}>
        <h2 className="mb-2 text-lg font-semibold">{t("staffAccounts.list", { count: accounts.length })}</h2>
        <ul className="divide-y divide-slate-200" data-testid="staff-accounts">
          {accounts.map((a) => (
            <li key={a.id} className="py-2">
              <span className="font-medium">{a.displayName}</span> <span className="text-sm text-slate-600">{a.email}</span>
              <span className="block text-sm text-slate-600">
                {tCode(t, "roles", a.role)} · {a.scope ?? "—"} · {a.lastLoginAt ? t("staffAccounts.lastLogin", { date: formatDate(a.lastLoginAt, i18n.language) }) : t("staffAccounts.neverLoggedIn")}
              </span>
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
