import { Form } from "@remix-run/react";
import { useTranslation } from "~/i18n/translate.ts";
import { AlertFields } from "~/components/alert-fields.tsx";
import { FieldError, FormError } from "~/components/form-messages.tsx";

/**
 * A search saved without an account: an address and how often; the server mails a confirmation
 * link. noValidate: a bad address gets the server's message at the field, in the page's language.
 */
export function EmailAlertForm({ query, values, errors, prefix = "email-alert" }: {
  query: string;
  values?: { email?: string; frequency?: string };
  errors?: Record<string, string[] | undefined>;
  prefix?: string;
}) {
  const { t } = useTranslation();
  const emailError = errors?.email ? `${prefix}-email-error` : undefined;
  return (
    <Form method="post" action="/alerts/new" noValidate className="space-y-3" data-testid="email-alert-form">
      <p className="text-sm text-slate-700">{t("alerts.visitor.lead")}</p>
      <FormError errors={errors?.[""]} />
      <input type="hidden" name="query" value={query} />
      <div>
        <label htmlFor={`${prefix}-email`} className="block font-medium">{t("alerts.visitor.email")}</label>
        <input
          id={`${prefix}-email`}
          name="email"
          type="email"
          inputMode="email"
          autoComplete="email"
          defaultValue={values?.email ?? ""}
          aria-invalid={emailError ? true : undefined}
          aria-describedby={[`${prefix}-email-hint`, emailError].filter(Boolean).join(" ")}
          className="mt-1 block min-h-11 w-full rounded-md border border-slate-300 px-3"
        />
        <p id={`${prefix}-email-hint`} className="mt-1 text-sm text-slate-600">{t("alerts.visitor.emailHint")}</p>
        <FieldError id={`${prefix}-email-error`} errors={errors?.email} />
      </div>
      <AlertFields prefix={prefix} frequency={values?.frequency ?? "daily"} channels={["email"]} errors={errors} hasEmail hasPhone showChannels={false} />
      <button type="submit" className="min-h-11 rounded-md bg-brand-700 px-4 font-semibold text-white" data-testid="email-alert-submit">{t("alerts.visitor.submit")}</button>
    </Form>
  );
}
