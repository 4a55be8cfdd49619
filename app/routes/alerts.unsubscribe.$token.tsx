import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useRouteLoaderData } from "@remix-run/react";
import { useTranslation } from "~/i18n/translate.ts";
import { alertExists, unsubscribe } from "~/modules/alerts/alerts.server.ts";
import { metaT, pageTitle } from "~/utils/meta.ts";
import type { I18nHandle } from "~/i18n/i18n.ts";

export const handle: I18nHandle = { i18n: ["alerts"] };

export const meta: MetaFunction = ({ matches }) => {
  const t = metaT(matches);
  return [{ title: pageTitle(t, t("alerts.unsubscribe.title")) }, { name: "robots", content: "noindex" }];
};

/** The link in every alert: no account needed, the token is the proof. Opening it changes nothing (mail scanners open links). */
export async function loader({ params }: LoaderFunctionArgs) {
  return { exists: await alertExists(params.token ?? "") };
}

/** One press: the alert is gone. */
export async function action({ params }: ActionFunctionArgs) {
  return { done: await unsubscribe(params.token ?? "") };
}

export default function Unsubscribe() {
  const { t } = useTranslation();
  const { exists } = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  // An alert without an account has no list to go back to.
  const signedIn = Boolean((useRouteLoaderData("root") as { user: unknown } | undefined)?.user);
  return (
    <div className="mx-auto max-w-xl space-y-4 rounded-lg bg-white p-4 shadow-sm">
      <h1 className="text-2xl font-bold">{t("alerts.unsubscribe.title")}</h1>
      {answer ? (
        <p role="status" data-testid="unsubscribed">{t(answer.done ? "alerts.unsubscribe.done" : "alerts.unsubscribe.gone")}</p>
      ) : exists ? (
        <>
          <p>{t("alerts.unsubscribe.lead")}</p>
          <Form method="post">
            <button type="submit" className="min-h-11 rounded-md bg-brand-700 px-6 font-semibold text-white" data-testid="unsubscribe">{t("alerts.unsubscribe.button")}</button>
          </Form>
        </>
      ) : (
        <p data-testid="unsubscribe-gone">{t("alerts.unsubscribe.gone")}</p>
      )}
      {signedIn ? <p><Link to="/me/alerts" className="inline-flex min-h-11 items-center text-brand-700 underline">{t("alerts.unsubscribe.manage")}</Link></p> : null}
    </div>
  );
}
