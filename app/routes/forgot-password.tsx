import { type ActionFunctionArgs, type MetaFunction } from "@remix-run/node";
import type { z } from "zod";
import { Form, Link, useActionData, useLoaderData, useNavigation, useSearchParams } from "@remix-run/react";
import { useTranslation } from "~/i18n/translate.ts";
import { CodeSentNote, intentOf, ResendForm } from "~/components/code-step.tsx";
import { FormError, SubmitButton, TextField } from "~/components/form.tsx";
import { useLiveForm } from "~/components/live-form.tsx";
import { sendCodeStep, signedIn } from "~/modules/auth/auth-steps.server.ts";
import { replyErrors } from "~/modules/auth/form-errors.ts";
import { resetPassword } from "~/modules/auth/recovery.server.ts";
import { constraints, parseWithZod, resetSchema } from "~/modules/auth/forms.server.ts";
import type { I18nHandle } from "~/i18n/i18n.ts";

export const handle: I18nHandle = { i18n: ["accounts"] };

export const meta: MetaFunction = () => [{ title: "重设密码 · 安康就业创业服务网" }];

export const loader = () => ({ constraint: constraints.reset });

/** Step 1 sends a reset code when the phone or email has an account (the same answer either way); step 2 sets the new password. */
export async function action({ request, context }: ActionFunctionArgs) {
  const formData = await request.formData();
  const redirectTo = formData.get("redirectTo");
  if (intentOf(formData) === "send") return sendCodeStep(formData, "reset", request, context.clientAddress);
  const identifier = String(formData.get("identifier") ?? "");
  const submission = parseWithZod(formData, { schema: resetSchema });
  if (submission.status !== "success") return { step: "code" as const, identifier, reply: submission.reply({ hideFields: ["password", "code"] }) };
  const result = await resetPassword(submission.value, context.clientAddress);
  if (!result.ok) return { step: "code" as const, identifier, reply: submission.reply({ ...replyErrors(result.errors, result.retryAfterSeconds), hideFields: ["password", "code"] }) };
  // Every earlier session of the account is gone; this browser gets a fresh one.
  return signedIn(request, result, redirectTo);
}

export default function ForgotPassword() {
  const { t } = useTranslation();
  const [searchParams] = useSearchParams();
  const data = useActionData<typeof action>();
  const busy = useNavigation().state === "submitting";
  const atCode = data?.step === "code";
  // A message shown is checked again at every keystroke, so a server message clears before the tap and the button does not move under the finger.
  const { form, fields } = useLiveForm<z.input<typeof resetSchema>>({
    id: atCode ? "reset-verify" : "reset-send",
    lastResult: data?.reply,
    constraint: useLoaderData<typeof loader>().constraint,
    schema: () => import("~/modules/auth/schemas.ts").then((m) => (atCode ? m.resetSchema : m.requestCodeSchema)),
  });
  const redirectTo = searchParams.get("redirectTo") ?? "";
  const query = redirectTo ? `?redirectTo=${encodeURIComponent(redirectTo)}` : "";
  return (
    <div className="mx-auto max-w-md rounded-lg bg-white p-5 shadow-sm">
      <h1 className="mb-4 text-2xl font-bold">{t("auth.resetTitle")}</h1>
      <FormError errors={form.errors} />
      {atCode ? <CodeSentNote message={t("auth.codeSent")} identifier={data.identifier} restartTo={`/forgot-password${query}`} /> : <p className="mb-4 text-sm text-slate-700">{t("auth.resetIntro")}</p>}
      <Form method="post" key={form.id} {...form.props}>
        <input type="hidden" name="redirectTo" value={redirectTo} />
        <input type="hidden" name="intent" value={atCode ? "verify" : "send"} />
        {atCode ? (
          <>
            <input type="hidden" name="identifier" value={data.identifier} />
            <TextField meta={fields.code} label={t("auth.code")} hint={t("auth.codeHint")} inputMode="numeric" autoComplete="one-time-code" />
            <TextField meta={fields.password} label={t("auth.newPassword")} hint={t("auth.passwordHint")} type="password" autoComplete="new-password" />
          </>
        ) : (
          <TextField meta={fields.identifier} label={t("auth.identifier")} autoComplete="username" />
        )}
        <SubmitButton busy={busy}>{t(atCode ? "auth.submitReset" : "auth.sendCode")}</SubmitButton>
      </Form>
      {atCode ? <ResendForm identifier={data.identifier} hidden={{ redirectTo }} /> : null}
      <p className="mt-4 text-sm"><Link to={`/login${query}`} className="text-brand-700 underline">{t("auth.toLogin")}</Link></p>
    </div>
  );
}
