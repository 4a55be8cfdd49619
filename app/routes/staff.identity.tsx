import { getFormProps, useForm } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useActionData, useNavigation } from "@remix-run/react";
import { useTranslation } from "~/i18n/translate.ts";
import { FieldError, FormError, SubmitButton, TextField } from "~/components/form.tsx";
import { card, StaffNav } from "~/components/organization-parts.tsx";
import { replyErrors } from "~/modules/auth/form-errors.ts";
import { requirePermission } from "~/modules/auth/guards.server.ts";
import { identityConfirmSchema } from "~/modules/seekers/identity-schema.ts";
import { confirmIdentityByStaff } from "~/modules/seekers/identity.server.ts";
import { metaT, pageTitle } from "~/utils/meta.ts";
import type { I18nHandle } from "~/i18n/i18n.ts";

export const handle: I18nHandle = { i18n: ["opportunities", "accounts", "seekers", "organizations", "postings", "registers", "targets", "exports"] };

export const meta: MetaFunction = ({ matches }) => {
  const t = metaT(matches);
  return [{ title: pageTitle(t, t("identity.title")) }, { name: "robots", content: "noindex" }];
};

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "identity.confirm");
  return null;
}

/** The ID number is never echoed back: after an error the officer types it again from the card. */
export async function action({ request }: ActionFunctionArgs) {
  const user = await requirePermission(request, "identity.confirm");
  const submission = parseWithZod(await request.formData(), { schema: identityConfirmSchema });
  if (submission.status !== "success") return { result: submission.reply({ hideFields: ["idNumber"] }), confirmed: null };
  const result = await confirmIdentityByStaff(user, submission.value);
  if (!result.ok) return { result: submission.reply({ ...replyErrors(result.errors), hideFields: ["idNumber"] }), confirmed: null };
  return { result: submission.reply({ resetForm: true }), confirmed: result.displayName };
}

export default function StaffIdentity() {
  const { t } = useTranslation();
  const acted = useActionData<typeof action>();
  const busy = useNavigation().state === "submitting";
  const [form, fields] = useForm({
    lastResult: acted?.result,
    constraint: getZodConstraint(identityConfirmSchema),
    onValidate: ({ formData }) => parseWithZod(formData, { schema: identityConfirmSchema }),
    shouldValidate: "onBlur",
  });
  return (
    <div className="mx-auto max-w-3xl">
      <StaffNav />
      <h1 className="mb-2 text-2xl font-bold">{t("identity.title")}</h1>
      <p className="mb-4 text-slate-700">{t("identity.lead")}</p>
      {acted?.confirmed ? (
        <p role="status" className="mb-3 rounded border border-emerald-300 bg-emerald-50 p-3 text-emerald-900" data-testid="identity-confirmed">
          {t("identity.confirmed", { name: acted.confirmed })}
        </p>
      ) : null}
      <section className={card}>
        <FormError errors={form.errors} />
        <Form method="post" {...getFormProps(form)} noValidate>
          <TextField meta={fields.identifier} label={t("identity.identifier")} hint={t("identity.identifierHint")} autoComplete="off" />
          <TextField meta={fields.idNumber} label={t("identity.idNumber")} hint={t("identity.idNumberHint")} autoComplete="off" />
          <div className="mb-4">
            <label className="flex min-h-11 items-start gap-2 py-1 text-base">
              <input type="checkbox" name={fields.cardSeen.name} id={fields.cardSeen.id} aria-invalid={fields.cardSeen.errors ? true : undefined} aria-describedby={fields.cardSeen.errors ? fields.cardSeen.errorId : undefined} className="mt-0.5 h-5 w-5 shrink-0" />
              <span>{t("identity.cardSeen")}</span>
            </label>
            <FieldError id={fields.cardSeen.errorId} errors={fields.cardSeen.errors} />
          </div>
          <SubmitButton busy={busy}>{t("identity.submit")}</SubmitButton>
        </Form>
      </section>
    </div>
  );
}
