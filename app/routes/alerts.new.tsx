import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/i18n/translate.ts";
import { EmailAlertForm } from "~/components/email-alert-form.tsx";
import { getLanguage } from "~/i18n/language.server.ts";
import { normalisedQuery } from "~/modules/alerts/alerts.server.ts";
import { emailAlertFromForm } from "~/modules/alerts/email-alerts.server.ts";
import { metaT, pageTitle } from "~/utils/meta.ts";
import type { I18nHandle } from "~/i18n/i18n.ts";

export const handle: I18nHandle = { i18n: ["alerts"] };

export const meta: MetaFunction = ({ matches }) => {
  const t = metaT(matches);
  return [{ title: pageTitle(t, t("alerts.save")) }, { name: "robots", content: "noindex" }];
};

/** ?sent: "check your inbox"; otherwise the form for the search in the address (…/alerts/new?q=…). */
export async function loader({ request }: LoaderFunctionArgs) {
  const url = new URL(request.url);
  return { sent: url.searchParams.has("sent"), query: normalisedQuery(url.search) };
}

/** A visitor saves a search for an address: post, redirect, get; bad input comes back at its field with what was typed. */
export async function action({ request, context }: ActionFunctionArgs) {
  const result = await emailAlertFromForm(await request.formData(), await getLanguage(request), context.clientAddress);
  if (!result.ok) return result;
  return redirect("/alerts/new?sent=1");
}

export default function NewEmailAlert() {
  const { t } = useTranslation();
  const { sent, query } = useLoaderData<typeof loader>();
  const reply = useActionData<typeof action>();
  if (sent && !reply) {
    return (
      <div className="mx-auto max-w-xl space-y-4 rounded-lg bg-white p-4 shadow-sm" data-testid="alert-sent">
        <h1 className="text-2xl font-bold">{t("alerts.sent.title")}</h1>
        <p role="status">{t("alerts.sent.lead")}</p>
        <p className="text-sm text-slate-700">{t("alerts.sent.spam")}</p>
        <p><Link to="/search" className="inline-flex min-h-11 items-center text-brand-700 underline">{t("alerts.sent.back")}</Link></p>
      </div>
    );
  }
  const values = reply?.values;
  const kept = typeof values?.query === "string" ? values.query : query;
  return (
    <div className="mx-auto max-w-xl space-y-4 rounded-lg bg-white p-4 shadow-sm">
      <h1 className="text-2xl font-bold">{t("alerts.saveLead")}</h1>
      <EmailAlertForm
        query={kept}
        values={{ email: typeof values?.email === "string" ? values.email : "", frequency: typeof values?.frequency === "string" ? values.frequency : undefined }}
        errors={reply?.errors}
      />
      <p><Link to={`/search${kept ? `?${kept}` : ""}`} className="inline-flex min-h-11 items-center text-brand-700 underline">{t("alerts.sent.back")}</Link></p>
    </div>
  );
}
