import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation, useSearchParams } from "@remix-run/react";
import type { z } from "zod";
import { useTranslation } from "~/i18n/translate.ts";
import { CodeSentNote, intentOf, ResendForm } from "~/components/code-step.tsx";
import { FieldError, FormError, SubmitButton, TextField } from "~/components/form.tsx";
import { useLiveForm } from "~/components/live-form.tsx";
import { getLanguage } from "~/i18n/language.server.ts";
import { signUp, startSignup } from "~/modules/auth/accounts.server.ts";
import { replyErrors } from "~/modules/auth/form-errors.ts";
import { redirectSignedIn, signedIn } from "~/modules/auth/auth-steps.server.ts";
import { constraints, parseWithZod, signupSchema, signupStartSchema } from "~/modules/auth/forms.server.ts";
import type { I18nHandle } from "~/i18n/i18n.ts";

export const handle: I18nHandle = { i18n: ["accounts"] };

export const meta: MetaFunction = () => [{ title: "注册 · 安康就业创业服务网" }];

export async function loader({ request }: LoaderFunctionArgs) {
  await redirectSignedIn(request);
  return { constraint: constraints.signup };
}

/**
 * Step 1 ("send") sends a code to the phone or email, or, when it already has an account, a note
 * saying so to its owner: the page answers the same either way. Step 2 ("verify") creates the
 * account once the code comes back.
 */
export async function action({ request, context }: ActionFunctionArgs) {
  const formData = await request.formData();
  const role = formData.get("role") === "employer" ? ("employer" as const) : ("seeker" as const);
  if (intentOf(formData) === "send") {
    const submission = parseWithZod(formData, { schema: signupStartSchema });
    if (submission.status !== "success") return { step: "start" as const, identifier: "", role, reply: submission.reply() };
    const sent = await startSignup(submission.value, await getLanguage(request), context.clientAddress);
    if (!sent.ok) return { step: "start" as const, identifier: "", role, reply: submission.reply(replyErrors(sent.errors, sent.retryAfterSeconds)) };
    return { step: "code" as const, identifier: submission.value.identifier, role, reply: submission.reply({ resetForm: true }) };
  }
  const identifier = String(formData.get("identifier") ?? "");
  const submission = parseWithZod(formData, { schema: signupSchema });
  if (submission.status !== "success") return { step: "code" as const, identifier, role, reply: submission.reply({ hideFields: ["password", "code"] }) };
  const result = await signUp(submission.value, context.clientAddress);
  if (!result.ok) return { step: "code" as const, identifier, role, reply: submission.reply({ ...replyErrors(result.errors, result.retryAfterSeconds), hideFields: ["password", "code"] }) };
  return signedIn(request, result, submission.value.redirectTo);
}

export default function Signup() {
  const { t } = useTranslation();
  const data = useActionData<typeof action>();
  const busy = useNavigation().state === "submitting";
  const [searchParams] = useSearchParams();
  const redirectTo = searchParams.get("redirectTo") ?? "";
  const atCode = data?.step === "code";
  const { form, fields } = useLiveForm<z.input<typeof signupSchema>>({
    id: atCode ? "signup-verify" : "signup-start",
    lastResult: data?.reply,
    constraint: useLoaderData<typeof loader>().constraint,
    schema: () => import("~/modules/auth/schemas.ts").then((m) => (atCode ? m.signupSchema : m.signupStartSchema)),
  });
  const role = data?.role ?? (searchParams.get("role") === "employer" ? "employer" : "seeker");
  const query = new URLSearchParams({ ...(redirectTo ? { redirectTo } : {}), ...(role === "employer" ? { role } : {}) }).toString();
  return (
    <div className="mx-auto max-w-md rounded-lg bg-white p-5 shadow-sm">
      <h1 className="mb-4 text-2xl font-bold">{t("auth.signupTitle")}</h1>
      <FormError errors={form.errors} />
      {atCode ? <CodeSentNote message={t("auth.signupCodeSent")} identifier={data.identifier} restartTo={`/signup${query ? `?${query}` : ""}`} /> : null}
      <Form method="post" key={form.id} {...form.props}>
        <input type="hidden" name="redirectTo" value={redirectTo} />
        <input type="hidden" name="intent" value={atCode ? "verify" : "send"} />
        {atCode ? (
          <>
            <input type="hidden" name="identifier" value={data.identifier} />
            <input type="hidden" name="role" value={role} />
            <TextField meta={fields.code} label={t("auth.code")} hint={t("auth.codeHint")} inputMode="numeric" autoComplete="one-time-code" />
            <TextField meta={fields.displayName} label={t("auth.displayName")} autoComplete="nickname" />
            <TextField meta={fields.password} label={t("auth.password")} hint={t("auth.passwordHint")} type="password" autoComplete="new-password" />
            <SubmitButton busy={busy}>{t("auth.submitSignup")}</SubmitButton>
          </>
        ) : (
          <>
            <fieldset className="mb-4">
              <legend className="text-sm font-medium text-slate-800">{t("auth.role")}</legend>
              {(["seeker", "employer"] as const).map((value) => (
                <label key={value} className="mt-2 flex items-start gap-2 rounded border border-slate-200 p-3 text-base">
                  <input type="radio" name={fields.role.name} value={value} defaultChecked={role === value} className="mt-1 h-5 w-5" />
                  <span>{t(value === "seeker" ? "auth.roleSeeker" : "auth.roleEmployer")}</span>
                </label>
              ))}
              <FieldError id={fields.role.errorId} errors={fields.role.errors} />
            </fieldset>
            <TextField meta={fields.identifier} label={t("auth.identifier")} hint={t("auth.identifierHint")} autoComplete="username" />
            <SubmitButton busy={busy}>{t("auth.sendCode")}</SubmitButton>
          </>
        )}
      </Form>
      {atCode ? <ResendForm identifier={data.identifier} hidden={{ role, redirectTo }} /> : null}
      <p className="mt-4 text-sm">
        {t("auth.haveAccount")} <Link to={`/login${redirectTo ? `?redirectTo=${encodeURIComponent(redirectTo)}` : ""}`} className="font-medium text-brand-700 underline">{t("auth.toLogin")}</Link>
      </p>
    </div>
  );
}
