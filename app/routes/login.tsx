import { getFormProps, useForm } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod";
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useNavigation, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { FormError, SubmitButton, TextField } from "~/components/form.tsx";
import { logIn } from "~/modules/auth/accounts.server.ts";
import { replyErrors } from "~/modules/auth/form-errors.ts";
import { getOptionalUser, safeRedirect } from "~/modules/auth/guards.server.ts";
import { homeFor } from "~/modules/auth/home.ts";
import { loginSchema } from "~/modules/auth/schemas.ts";
import { createSession } from "~/modules/auth/session.server.ts";

export const meta: MetaFunction = () => [{ title: "登录 · 安康就业创业服务网" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await getOptionalUser(request);
  if (user) throw redirect(safeRedirect(new URL(request.url).searchParams.get("redirectTo"), homeFor(user.role)));
  return null;
}

export async function action({ request, context }: ActionFunctionArgs) {
  const submission = parseWithZod(await request.formData(), { schema: loginSchema });
  if (submission.status !== "success") return submission.reply({ hideFields: ["password"] });
  const result = await logIn(submission.value, context.clientAddress);
  if (!result.ok) return submission.reply({ ...replyErrors(result.errors, result.retryAfterSeconds), hideFields: ["password"] });
  const cookie = await createSession(result.userId, request);
  return redirect(safeRedirect(submission.value.redirectTo, homeFor(result.role)), { headers: { "Set-Cookie": cookie } });
}

export default function Login() {
  const { t } = useTranslation();
  const [searchParams] = useSearchParams();
  const lastResult = useActionData<typeof action>();
  const busy = useNavigation().state === "submitting";
  const [form, fields] = useForm({
    lastResult,
    constraint: getZodConstraint(loginSchema),
    onValidate: ({ formData }) => parseWithZod(formData, { schema: loginSchema }),
    shouldValidate: "onBlur",
  });
  const redirectTo = searchParams.get("redirectTo") ?? "";
  return (
    <div className="mx-auto max-w-md rounded-lg bg-white p-5 shadow-sm">
      <h1 className="mb-4 text-2xl font-bold">{t("auth.loginTitle")}</h1>
      <FormError errors={form.errors} />
      <Form method="post" {...getFormProps(form)} noValidate>
        <input type="hidden" name="redirectTo" value={redirectTo} />
        <TextField meta={fields.identifier} label={t("auth.identifier")} autoComplete="username" />
        <TextField meta={fields.password} label={t("auth.password")} type="password" autoComplete="current-password" />
        <SubmitButton busy={busy}>{t("auth.submitLogin")}</SubmitButton>
      </Form>
      <p className="mt-4 text-sm">
        <Link to={`/login/code${redirectTo ? `?redirectTo=${encodeURIComponent(redirectTo)}` : ""}`} className="text-brand-700 underline">{t("auth.loginWithCode")}</Link>
      </p>
      <p className="mt-2 text-sm">
        {t("auth.noAccount")} <Link to="/signup" className="font-medium text-brand-700 underline">{t("auth.toSignup")}</Link>
      </p>
    </div>
  );
}
