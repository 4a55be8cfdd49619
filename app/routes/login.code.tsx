import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import { redirect, type ActionFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useNavigation, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { FormError, SubmitButton, TextField } from "~/components/form.tsx";
import { requestLoginCode, verifyLoginCode } from "~/modules/auth/accounts.server.ts";
import { replyErrors } from "~/modules/auth/form-errors.ts";
import { homeFor } from "~/modules/auth/home.ts";
import { safeRedirect } from "~/modules/auth/guards.server.ts";
import { requestCodeSchema, verifyCodeSchema } from "~/modules/auth/schemas.ts";
import { createSession } from "~/modules/auth/session.server.ts";

export const meta: MetaFunction = () => [{ title: "短信登录 · 安康就业创业服务网" }];

const schema = z.discriminatedUnion("intent", [
  requestCodeSchema.extend({ intent: z.literal("send") }),
  verifyCodeSchema.extend({ intent: z.literal("verify") }),
]);

export async function action({ request }: ActionFunctionArgs) {
  const submission = parseWithZod(await request.formData(), { schema });
  if (submission.status !== "success") return { reply: submission.reply(), sent: false };
  if (submission.value.intent === "send") {
    const sent = await requestLoginCode(submission.value.phone);
    if (!sent.ok) return { reply: submission.reply(replyErrors({ form: "auth.tooManyAttempts" }, sent.retryAfterSeconds)), sent: false };
    return { reply: submission.reply(), sent: true };
  }
  const result = await verifyLoginCode(submission.value.phone, submission.value.code);
  if (!result.ok) return { reply: submission.reply(replyErrors(result.errors)), sent: true };
  return redirect(safeRedirect(submission.value.redirectTo, homeFor(result.role)), { headers: { "Set-Cookie": await createSession(result.userId, request) } });
}

export default function LoginWithCode() {
  const { t } = useTranslation();
  const [searchParams] = useSearchParams();
  const data = useActionData<typeof action>();
  const busy = useNavigation().state === "submitting";
  const [form, fields] = useForm({
    lastResult: data?.reply,
    onValidate: ({ formData }) => parseWithZod(formData, { schema }),
    shouldValidate: "onBlur",
  });
  const sent = data?.sent ?? false;
  return (
    <div className="mx-auto max-w-md rounded-lg bg-white p-5 shadow-sm">
      <h1 className="mb-4 text-2xl font-bold">{t("auth.loginWithCode")}</h1>
      <FormError errors={form.errors} />
      {sent ? <p role="status" className="mb-4 rounded bg-green-50 p-3 text-sm text-green-900">{t("auth.codeSent")}</p> : null}
      <Form method="post" {...getFormProps(form)} noValidate>
        <input type="hidden" name="redirectTo" value={searchParams.get("redirectTo") ?? ""} />
        <TextField meta={fields.phone} label={t("auth.identifier")} type="tel" inputMode="tel" autoComplete="tel" />
        {sent ? <TextField meta={fields.code} label={t("auth.code")} inputMode="numeric" autoComplete="one-time-code" /> : null}
        <SubmitButton busy={busy}>{t(sent ? "auth.submitLogin" : "auth.sendCode")}</SubmitButton>
        <input type="hidden" name="intent" value={sent ? "verify" : "send"} />
      </Form>
      <p className="mt-4 text-sm"><Link to="/login" className="text-brand-700 underline">{t("auth.loginWithPassword")}</Link></p>
    </div>
  );
}
