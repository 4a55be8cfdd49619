import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation, tCode } from "~/i18n/translate.ts";
import { AlertFields } from "~/components/alert-fields.tsx";
import { FormError } from "~/components/form-messages.tsx";
import { getLanguage } from "~/i18n/language.server.ts";
import { alertByToken, manageByToken } from "~/modules/alerts/email-alerts.server.ts";
import { metaT, pageTitle } from "~/utils/meta.ts";
import type { I18nHandle } from "~/i18n/i18n.ts";

export const handle: I18nHandle = { i18n: ["alerts"] };

export const meta: MetaFunction = ({ matches }) => {
  const t = metaT(matches);
  return [{ title: pageTitle(t, t("alerts.manage.title")) }, { name: "robots", content: "noindex" }];
};

/** The "change or stop" link in the mails of an alert without an account: the token is the proof (there is no /me/alerts for it). */
export async function loader({ request, params }: LoaderFunctionArgs) {
  return { alert: await alertByToken(params.token ?? "", await getLanguage(request)), token: params.token ?? "" };
}

export async function action({ request, params }: ActionFunctionArgs) {
  return manageByToken(params.token ?? "", await request.formData());
}

export default function ManageAlert() {
  const { t } = useTranslation();
  const { alert, token } = useLoaderData<typeof loader>();
  const reply = useActionData<typeof action>();
  const done = reply?.ok ? reply.done : null;
  const frequency = reply && !reply.ok && typeof reply.values.frequency === "string" ? reply.values.frequency : alert?.frequency ?? "";
  return (
    <div className="mx-auto max-w-xl space-y-4 rounded-lg bg-white p-4 shadow-sm">
      <h1 className="text-2xl font-bold">{t("alerts.manage.title")}</h1>
      {done ? <p role="status" data-testid={`manage-${done}`}>{tCode(t, "alerts.manage", done)}</p> : null}
      {!alert || done === "deleted" || done === "gone" ? (
        !done ? <p data-testid="manage-gone">{t("alerts.manage.gone")}</p> : null
      ) : alert.account ? (
        <p>
          {t("alerts.manage.account")} <Link to="/me/alerts" className="text-brand-700 underline">{t("alerts.title")}</Link>
        </p>
      ) : (
        <>
          <p>{t("alerts.manage.lead", { search: alert.description })}</p>
          {!alert.confirmed ? (
            <p className="rounded border border-amber-300 bg-amber-50 p-3">
              {t("alerts.manage.pending")} <Link to={`/alerts/confirm/${token}`} className="text-brand-700 underline">{t("alerts.manage.confirmFirst")}</Link>
            </p>
          ) : null}
          <p><Link to={alert.link} className="inline-flex min-h-11 items-center text-brand-700 underline">{t("alerts.open")}</Link></p>
          <Form method="post" className="space-y-3">
            <input type="hidden" name="intent" value="update" />
            <FormError errors={reply && !reply.ok ? reply.errors[""] : undefined} />
            <AlertFields prefix="manage" frequency={frequency} channels={["email"]} errors={reply && !reply.ok ? reply.errors : undefined} hasEmail hasPhone showChannels={false} />
            <button type="submit" className="min-h-11 rounded-md bg-brand-700 px-4 font-semibold text-white" data-testid="manage-save">{t("alerts.manage.save")}</button>
          </Form>
          <Form method="post">
            <input type="hidden" name="intent" value="delete" />
            <button type="submit" className="min-h-11 text-slate-700 underline" data-testid="manage-stop">{t("alerts.manage.stop")}</button>
          </Form>
        </>
      )}
    </div>
  );
}
