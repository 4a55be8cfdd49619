import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "~/i18n/translate.ts";
import { useLiveForm } from "~/components/live-form.tsx";
import { CheckboxField } from "~/components/profile-fields.tsx";
import { getOptionalUser, requirePermission } from "~/modules/auth/guards.server.ts";
import { destroySession } from "~/modules/auth/session.server.ts";
import { deleteSeekerAccount } from "~/modules/seekers/data-rights.server.ts";
import { constraints, deleteAccountSchema, parseWithZod } from "~/modules/seekers/forms.server.ts";
import { metaT, pageTitle } from "~/utils/meta.ts";
import type { I18nHandle } from "~/i18n/i18n.ts";

export const handle: I18nHandle = { i18n: ["opportunities", "seekers", "organizations", "postings"] };

export const meta: MetaFunction = ({ matches }) => {
  const t = metaT(matches);
  return [{ title: pageTitle(t, t("seekers.deleteTitle")) }, { name: "robots", content: "noindex" }];
};

export async function loader({ request }: LoaderFunctionArgs) {
  // After deleting, the (now signed-out) person lands here once more to read that it is done.
  if (new URL(request.url).searchParams.get("done") === "1" && !(await getOptionalUser(request))) return { done: true };
  await requirePermission(request, "profile.edit");
  return { done: false, constraint: constraints.deleteAccount };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requirePermission(request, "profile.edit");
  const submission = parseWithZod(await request.formData(), { schema: deleteAccountSchema });
  if (submission.status !== "success") return submission.reply();
  await deleteSeekerAccount(user.id);
  return redirect("/me/delete?done=1", { headers: { "Set-Cookie": await destroySession(request) } });
}

export default function DeleteAccount() {
  const { t } = useTranslation();
  const data = useLoaderData<typeof loader>();
  const { done } = data;
  const lastResult = useActionData<typeof action>();
  const busy = useNavigation().state === "submitting";
  const { form, fields } = useLiveForm<{ confirm: boolean }>({
    id: "delete-account",
    lastResult,
    constraint: "constraint" in data ? data.constraint : undefined,
    schema: () => import("~/modules/seekers/profile-schema.ts").then((m) => m.deleteAccountSchema),
    shouldValidate: "onSubmit",
  });
  if (done) {
    return (
      <div className="mx-auto max-w-lg rounded-lg bg-white p-5 shadow-sm" data-testid="account-deleted">
        <h1 className="mb-3 text-2xl font-bold">{t("seekers.deletedTitle")}</h1>
        <p>{t("seekers.deletedText")}</p>
        <p className="mt-4"><Link to="/" className="text-brand-700 underline">{t("errors.home")}</Link></p>
      </div>
    );
  }
  return (
    <div className="mx-auto max-w-lg rounded-lg bg-white p-5 shadow-sm">
      <h1 className="mb-3 text-2xl font-bold">{t("seekers.deleteTitle")}</h1>
      <p className="mb-2">{t("seekers.deleteLead")}</p>
      <p className="mb-2 text-sm text-slate-700">{t("seekers.deleteKeeps")}</p>
      <p className="mb-4 text-sm">
        {t("seekers.deleteExportFirst")} <a href="/me/export" download className="text-brand-700 underline">{t("seekers.exportData")}</a>
      </p>
      <Form method="post" {...form.props}>
        <CheckboxField meta={fields.confirm} label={t("seekers.deleteConfirm")} />
        <div className="flex flex-wrap items-center gap-4">
          <button type="submit" disabled={busy} className="rounded-md bg-red-700 px-4 py-3 font-semibold text-white hover:bg-red-800 disabled:opacity-60">{t("seekers.deleteSubmit")}</button>
          <Link to="/me" className="text-brand-700 underline">{t("seekers.deleteCancel")}</Link>
        </div>
      </Form>
    </div>
  );
}
