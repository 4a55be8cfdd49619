import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation, tCode } from "~/i18n/translate.ts";
import { getLanguage } from "~/i18n/language.server.ts";
import { alertByToken, confirmByToken } from "~/modules/alerts/email-alerts.server.ts";
import { metaT, pageTitle } from "~/utils/meta.ts";
import type { I18nHandle } from "~/i18n/i18n.ts";

export const handle: I18nHandle = { i18n: ["alerts"] };

export const meta: MetaFunction = ({ matches }) => {
  const t = metaT(matches);
  return [{ title: pageTitle(t, t("alerts.confirm.title")) }, { name: "robots", content: "noindex" }];
};

/** The link in the confirmation mail. Opening it changes nothing: mail scanners open links; a person presses the button. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  return { alert: await alertByToken(params.token ?? "", await getLanguage(request)), token: params.token ?? "" };
}

export async function action({ params }: ActionFunctionArgs) {
  return { done: await confirmByToken(params.token ?? "") };
}

export default function ConfirmAlert() {
  const { t } = useTranslation();
  const { alert, token } = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  const state = answer?.done ?? (!alert ? "gone" : alert.confirmed ? "already" : null);
  return (
    <div className="mx-auto max-w-xl space-y-4 rounded-lg bg-white p-4 shadow-sm">
      <h1 className="text-2xl font-bold">{t("alerts.confirm.title")}</h1>
      {state ? (
        <p role="status" data-testid={`confirm-${state}`}>{tCode(t, "alerts.confirm", state === "confirmed" ? "done" : state)}</p>
      ) : (
        <>
          <p>{t("alerts.confirm.lead", { search: alert!.description, frequency: tCode(t, "alerts.frequencies", alert!.frequency) })}</p>
          <Form method="post">
            <button type="submit" className="min-h-11 rounded-md bg-brand-700 px-6 font-semibold text-white" data-testid="confirm-alert">{t("alerts.confirm.button")}</button>
          </Form>
        </>
      )}
      {alert && state !== "gone" ? (
        <p className="flex flex-wrap gap-x-4">
          <Link to={alert.link} className="inline-flex min-h-11 items-center text-brand-700 underline">{t("alerts.open")}</Link>
          {!alert.account ? <Link to={`/alerts/manage/${token}`} className="inline-flex min-h-11 items-center text-brand-700 underline">{t("alerts.manage.title")}</Link> : null}
        </p>
      ) : null}
    </div>
  );
}
