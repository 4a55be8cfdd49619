import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation, useSearchParams } from "@remix-run/react";
import type { z } from "zod";
import { useTranslation } from "~/i18n/translate.ts";
import { CodeSentNote } from "~/components/code-step.tsx";
import { FormError, SubmitButton, TextField } from "~/components/form.tsx";
import { useLiveForm } from "~/components/live-form.tsx";
import { getLanguage } from "~/i18n/language.server.ts";
import { logIn, logInWithCode } from "~/modules/auth/accounts.server.ts";
import { redirectSignedIn, signedIn } from "~/modules/auth/auth-steps.server.ts";
import { replyErrors } from "~/modules/auth/form-errors.ts";
import { constraints, loginSchema, parseWithZod, verifyCodeSchema } from "~/modules/auth/forms.server.ts";
import type { I18nHandle } from "~/i18n/i18n.ts";

export const handle: I18nHandle = { i18n: ["accounts"] };

export const meta: MetaFunction = () => [{ title: "登录 · 安康就业创业服务网" }];

export async function loader({ request }: LoaderFunctionArgs) {
  await redirectSignedIn(request);
  return { constraint: constraints.login };
}

/**
 * A password login; when the account is in slow mode (many failures from anywhere) the answer is a
 * second step asking for the code sent to the account's own phone or email (intent "unlock").
 */
export async function action({ request, context }: ActionFunctionArgs) {
  const formData = await request.formData();
  if (formData.get("intent") === "unlock") {
    const identifier = String(formData.get("identifier") ?? "");
    const submission = parseWithZod(formData, { schema: verifyCodeSchema });
    if (submission.status !== "success") return { step: "unlock" as const, identifier, reply: submission.reply() };
    const result = await logInWithCode(submission.value, "unlock", context.clientAddress);
    if (!result.ok) return { step: "unlock" as const, identifier, reply: submission.reply({ ...replyErrors(result.errors, result.retryAfterSeconds), hideFields: ["code"] }) };
    return signedIn(request, result, submission.value.redirectTo);
  }
  const submission = parseWithZod(formData, { schema: loginSchema });
  if (submission.status !== "success") return { step: "password" as const, identifier: "", reply: submission.reply({ hideFields: ["password"] }) };
  const result = await logIn(submission.value, context.clientAddress, await getLanguage(request));
  if (!result.ok && "needsCode" in result) return { step: "unlock" as const, identifier: submission.value.identifier, reply: submission.reply({ resetForm: true }) };
  if (!result.ok) return { step: "password" as const, identifier: "", reply: submission.reply({ ...replyErrors(result.errors, result.retryAfterSeconds), hideFields: ["password"] }) };
  return signedIn(request, result, submission.value.redirectTo);
}

export default function Login() {
  const { t } = useTranslation();
  const [searchParams] = useSearchParams();
  const data = useActionData<typeof action>();
  const busy = useNavigation().state === "submitting";
  const unlock = data?.step === "unlock";
  const { constraint } = useLoaderData<typeof loader>();
  // A message shown is checked again at every keystroke, so a server message clears before the tap and the button does not move under the finger.
  const { form, fields } = useLiveForm<z.input<typeof loginSchema> & z.input<typeof verifyCodeSchema>>({
    id: unlock ? "login-unlock" : "login",
    lastResult: data?.reply,
    constraint,
    schema: () => import("~/modules/auth/schemas.ts").then((m) => (unlock ? m.verifyCodeSchema : m.loginSchema)),
  });
  const redirectTo = searchParams.get("redirectTo") ?? "";
  const query = redirectTo ? `?redirectTo=${encodeURIComponent(redirectTo)}` : "";
  return (
    <div className="mx-auto max-w-md rounded-lg bg-white p-5 shadow-sm">
      <h1 className="mb-4 text-2xl font-bold">{t("auth.loginTitle")}</h1>
      <FormError errors={form.errors} />
      {unlock ? <CodeSentNote message={t("auth.unlockCodeSent")} identifier={data.identifier} restartTo={`/login${query}`} /> : null}
      <Form method="post" key={form.id} {...form.props}>
        <input type="hidden" name="redirectTo" value={redirectTo} />
        {unlock ? (
          <>
            <input type="hidden" name="intent" value="unlock" />
            <input type="hidden" name="identifier" value={data.identifier} />
            <TextField meta={fields.code} label={t("auth.code")} hint={t("auth.codeHint")} inputMode="numeric" autoComplete="one-time-code" />
          </>
        ) : (
          <>
            <TextField meta={fields.identifier} label={t("auth.identifier")} autoComplete="username" />
            <TextField meta={fields.password} label={t("auth.password")} type="password" autoComplete="current-password" />
          </>
        )}
        <SubmitButton busy={busy}>{t("auth.submitLogin")}</SubmitButton>
      </Form>
      <p className="mt-4 text-sm">
        <Link to={`/login/code${query}`} className="text-brand-700 underline">{t("auth.loginWithCode")}</Link>
      </p>
      <p className="mt-2 text-sm">
        <Link to={`/forgot-password${query}`} className="text-brand-700 underline">{t("auth.forgotPassword")}</Link>
      </p>
      <p className="mt-2 text-sm">
        {t("auth.noAccount")} <Link to={`/signup${query}`} className="font-medium text-brand-700 underline">{t("auth.toSignup")}</Link>
      </p>
    </div>
  );
}
