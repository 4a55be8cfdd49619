import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation, useSearchParams } from "@remix-run/react";
import { useTranslation } from "~/i18n/translate.ts";
import type { z } from "zod";
import { CodeSentNote, intentOf, ResendForm } from "~/components/code-step.tsx";
import { FormError, SubmitButton, TextField } from "~/components/form.tsx";
import { useLiveForm } from "~/components/live-form.tsx";
import { logInWithCode } from "~/modules/auth/accounts.server.ts";
import { redirectSignedIn, sendCodeStep, signedIn } from "~/modules/auth/auth-steps.server.ts";
import { replyErrors } from "~/modules/auth/form-errors.ts";
import { constraints, parseWithZod, verifyCodeSchema } from "~/modules/auth/forms.server.ts";
import type { I18nHandle } from "~/i18n/i18n.ts";

export const handle: I18nHandle = { i18n: ["accounts"] };

// login_ (not login.) so that /login/code is its own page, not a child of /login, which has no Outlet.
export const meta: MetaFunction = () => [{ title: "验证码登录 · 安康就业创业服务网" }];

export async function loader({ request }: LoaderFunctionArgs) {
  await redirectSignedIn(request);
  return { constraint: constraints.codeLogin };
}

/** Step 1 sends a code when the phone or email has an account (the same answer either way); step 2 logs in with it. */
export async function action({ request, context }: ActionFunctionArgs) {
  const formData = await request.formData();
  if (intentOf(formData) === "send") return sendCodeStep(formData, "login", request, context.clientAddress);
  const submission = parseWithZod(formData, { schema: verifyCodeSchema });
  const identifier = String(formData.get("identifier") ?? "");
  if (submission.status !== "success") return { step: "code" as const, identifier, reply: submission.reply() };
  const result = await logInWithCode(submission.value, "login", context.clientAddress);
  if (!result.ok) return { step: "code" as const, identifier, reply: submission.reply({ ...replyErrors(result.errors, result.retryAfterSeconds), hideFields: ["code"] }) };
  return signedIn(request, result, submission.value.redirectTo);
}

export default function LoginWithCode() {
  const { t } = useTranslation();
  const [searchParams] = useSearchParams();
  const data = useActionData<typeof action>();
  const busy = useNavigation().state === "submitting";
  const atCode = data?.step === "code";
  // A message shown is checked again at every keystroke, so a server message clears before the tap and the button does not move under the finger.
  const { form, fields } = useLiveForm<z.input<typeof verifyCodeSchema>>({
    id: atCode ? "code-login-verify" : "code-login-send",
    lastResult: data?.reply,
    constraint: useLoaderData<typeof loader>().constraint,
    schema: () => import("~/modules/auth/schemas.ts").then((m) => (atCode ? m.verifyCodeSchema : m.requestCodeSchema)),
  });
  const redirectTo = searchParams.get("redirectTo") ?? "";
  const here = `/login/code${redirectTo ? `?redirectTo=${encodeURIComponent(redirectTo)}` : ""}`;
  return (
    <div className="mx-auto max-w-md rounded-lg bg-white p-5 shadow-sm">
      <h1 className="mb-4 text-2xl font-bold">{t("auth.loginWithCodeTitle")}</h1>
      <FormError errors={form.errors} />
      {atCode ? <CodeSentNote message={t("auth.codeSent")} identifier={data.identifier} restartTo={here} /> : null}
      <Form method="post" key={form.id} {...form.props}>
        <input type="hidden" name="redirectTo" value={redirectTo} />
        <input type="hidden" name="intent" value={atCode ? "verify" : "send"} />
        {atCode ? (
          <>
            <input type="hidden" name="identifier" value={data.identifier} />
            <TextField meta={fields.code} label={t("auth.code")} hint={t("auth.codeHint")} inputMode="numeric" autoComplete="one-time-code" />
          </>
        ) : (
          <TextField meta={fields.identifier} label={t("auth.identifier")} autoComplete="username" />
        )}
        <SubmitButton busy={busy}>{t(atCode ? "auth.submitLogin" : "auth.sendCode")}</SubmitButton>
      </Form>
      {atCode ? <ResendForm identifier={data.identifier} hidden={{ redirectTo }} /> : null}
      <p className="mt-4 text-sm"><Link to={`/login${redirectTo ? `?redirectTo=${encodeURIComponent(redirectTo)}` : ""}`} className="text-brand-700 underline">{t("auth.loginWithPassword")}</Link></p>
    </div>
  );
}
