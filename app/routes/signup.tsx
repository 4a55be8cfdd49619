import { getFormProps, useForm } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod";
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useNavigation, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { FieldError, FormError, SubmitButton, TextField } from "~/components/form.tsx";
import { signUp } from "~/modules/auth/accounts.server.ts";
import { replyErrors } from "~/modules/auth/form-errors.ts";
import { getOptionalUser, safeRedirect } from "~/modules/auth/guards.server.ts";
import { signupSchema } from "~/modules/auth/schemas.ts";
import { createSession } from "~/modules/auth/session.server.ts";
import { homeFor } from "~/modules/auth/home.ts";

export const meta: MetaFunction = () => [{ title: "注册 · 安康就业创业服务网" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await getOptionalUser(request);
  if (user) throw redirect(safeRedirect(new URL(request.url).searchParams.get("redirectTo"), homeFor(user.role)));
  return null;
}

export async function action({ request, context }: ActionFunctionArgs) {
  const formData = await request.formData();
  const submission = parseWithZod(formData, { schema: signupSchema });
  if (submission.status !== "success") return submission.reply();
  const result = await signUp(submission.value, context.clientAddress);
  if (!result.ok) return submission.reply(replyErrors(result.errors, result.retryAfterSeconds));
  return redirect(safeRedirect(formData.get("redirectTo"), homeFor(submission.value.role)), { headers: { "Set-Cookie": await createSession(result.userId, request) } });
}

export default function Signup() {
  const { t } = useTranslation();
  const lastResult = useActionData<typeof action>();
  const busy = useNavigation().state === "submitting";
  const [searchParams] = useSearchParams();
  const redirectTo = searchParams.get("redirectTo") ?? "";
  const [form, fields] = useForm({
    lastResult,
    constraint: getZodConstraint(signupSchema),
    onValidate: ({ formData }) => parseWithZod(formData, { schema: signupSchema }),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
  });
  const role = fields.role.initialValue ?? (searchParams.get("role") === "employer" ? "employer" : "seeker");
  return (
    <div className="mx-auto max-w-md rounded-lg bg-white p-5 shadow-sm">
      <h1 className="mb-4 text-2xl font-bold">{t("auth.signupTitle")}</h1>
      <FormError errors={form.errors} />
      <Form method="post" {...getFormProps(form)} noValidate>
        <input type="hidden" name="redirectTo" value={redirectTo} />
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
        <TextField meta={fields.displayName} label={t("auth.displayName")} autoComplete="nickname" />
        <TextField meta={fields.password} label={t("auth.password")} hint={t("auth.passwordHint")} type="password" autoComplete="new-password" />
        <SubmitButton busy={busy}>{t("auth.submitSignup")}</SubmitButton>
      </Form>
      <p className="mt-4 text-sm">
        {t("auth.haveAccount")} <Link to={`/login${redirectTo ? `?redirectTo=${encodeURIComponent(redirectTo)}` : ""}`} className="font-medium text-brand-700 underline">{t("auth.toLogin")}</Link>
      </p>
    </div>
  );
}
