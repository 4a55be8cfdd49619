import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation, useSearchParams } from "@remix-run/react";
import { useTranslation, tCode } from "~/i18n/translate.ts";
import { AlertFields } from "~/components/alert-fields.tsx";
import { FormError } from "~/components/form-messages.tsx";
import { getLanguage } from "~/i18n/language.server.ts";
import { alertFromForm, alertsPage } from "~/modules/alerts/alerts.server.ts";
import { requirePermission } from "~/modules/auth/guards.server.ts";
import { formatDate } from "~/utils/format.ts";
import { metaT, pageTitle } from "~/utils/meta.ts";
import type { I18nHandle } from "~/i18n/i18n.ts";

export const handle: I18nHandle = { i18n: ["opportunities", "seekers", "alerts"] };

export const meta: MetaFunction = ({ matches }) => {
  const t = metaT(matches);
  return [{ title: pageTitle(t, t("alerts.title")) }, { name: "robots", content: "noindex" }];
};

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "profile.edit");
  return alertsPage(user.id);
}

/** Save a search (from the search page), change an alert or delete it; each answered by a redirect, or the errors at their fields. */
export async function action({ request }: ActionFunctionArgs) {
  const user = await requirePermission(request, "profile.edit");
  const result = await alertFromForm(user.id, await request.formData(), await getLanguage(request));
  if (result.ok) return redirect(`/me/alerts?done=${result.done}${result.id ? `#alert-${result.id}` : ""}`);
  return result;
}

export default function MyAlerts() {
  const { t, i18n } = useTranslation();
  const { alerts, hasEmail, hasPhone, followsRecommendations } = useLoaderData<typeof loader>();
  const reply = useActionData<typeof action>();
  const busy = useNavigation().state === "submitting";
  const [params] = useSearchParams();
  const done = params.get("done");
  const replyId = reply && !reply.ok ? String(reply.values.id ?? "") : "";
  const errorsFor = (id: number) => (reply && !reply.ok && replyId === String(id) ? reply.errors : undefined);
  const describe = (a: (typeof alerts)[number]) =>
    a.source === "recommendations" ? t("alerts.recommendations") : [a.search.q, ...a.search.kind.map((k) => tCode(t, "kinds", k))].filter(Boolean).join(" · ") || t("alerts.everything");
  const followReply = reply && !reply.ok && reply.values.intent === "follow" ? reply : null;
  return (
    <div className="mx-auto max-w-2xl space-y-4">
      <p className="text-sm"><Link to="/me" className="text-brand-700 underline">{t("seekers.back")}</Link></p>
      <h1 className="text-2xl font-bold">{t("alerts.title")}</h1>
      <p className="text-slate-700">{t("alerts.lead")}</p>
      {done && !reply ? <p role="status" className="rounded border border-emerald-300 bg-emerald-50 p-3 text-emerald-900" data-testid="alert-done">{tCode(t, "alerts", done)}</p> : null}
      {reply && !reply.ok && !replyId && reply.values.intent !== "create" && reply.values.intent !== "follow" ? <FormError errors={reply.errors[""]} /> : null}
      {reply && !reply.ok && reply.values.intent === "create" ? (
        // A search saved from its results page that needs fixing: the same form again, with what was chosen.
        <Form method="post" className="space-y-3 rounded-lg bg-white p-4 shadow-sm" data-testid="save-again">
          <h2 className="text-lg font-semibold">{t("alerts.saveLead")}</h2>
          <FormError errors={reply.errors[""]} />
          <input type="hidden" name="intent" value="create" />
          <input type="hidden" name="query" value={String(reply.values.query ?? "")} />
          <AlertFields
            prefix="save-again"
            frequency={String(reply.values.frequency ?? "")}
            channels={Array.isArray(reply.values.channels) ? reply.values.channels.map(String) : []}
            errors={reply.errors}
            hasEmail={hasEmail}
            hasPhone={hasPhone}
          />
          <button type="submit" disabled={busy} className="min-h-11 rounded-md bg-brand-700 px-4 font-semibold text-white disabled:opacity-60">{t("alerts.save")}</button>
        </Form>
      ) : null}
      {!alerts.length ? <p className="rounded-lg bg-white p-4 shadow-sm" data-testid="no-alerts">{t("alerts.empty")}</p> : null}
      {!followsRecommendations ? (
        // Recommendations are followed like a search: the same rhythms and channels, listed below once followed.
        <Form method="post" id="follow-recommendations" className="space-y-3 rounded-lg bg-white p-4 shadow-sm" data-testid="follow-recommendations">
          <h2 className="text-lg font-semibold">{t("alerts.follow.title")}</h2>
          <p className="text-sm text-slate-700">{t("alerts.follow.lead")}</p>
          <FormError errors={followReply?.errors[""]} />
          <input type="hidden" name="intent" value="follow" />
          <AlertFields
            prefix="follow"
            frequency={followReply ? String(followReply.values.frequency ?? "") : "daily"}
            channels={followReply ? (Array.isArray(followReply.values.channels) ? followReply.values.channels.map(String) : []) : ["site", "email"]}
            errors={followReply?.errors}
            hasEmail={hasEmail}
            hasPhone={hasPhone}
          />
          <button type="submit" disabled={busy} className="min-h-11 rounded-md bg-brand-700 px-4 font-semibold text-white disabled:opacity-60" data-testid="follow-submit">{t("alerts.follow.button")}</button>
        </Form>
      ) : null}
      <ul className="space-y-3">
        {alerts.map((a) => (
          <li key={a.id} id={`alert-${a.id}`} className="rounded-lg bg-white p-4 shadow-sm" data-testid="alert">
            <h2 className="text-lg font-semibold" data-testid="alert-search">{describe(a)}</h2>
            <p className="text-sm text-slate-600">{a.lastSentAt ? t("alerts.lastSent", { date: formatDate(a.lastSentAt, i18n.language, "dateTime") }) : t("alerts.never")}</p>
            <p className="mt-1"><Link to={a.link} className="inline-flex min-h-11 items-center text-brand-700 underline">{t(a.source === "recommendations" ? "alerts.follow.open" : "alerts.open")}</Link></p>
            <Form method="post" className="mt-2 space-y-3">
              <input type="hidden" name="intent" value="update" />
              <input type="hidden" name="id" value={a.id} />
              <FormError errors={errorsFor(a.id)?.[""]} />
              <AlertFields prefix={`alert-${a.id}`} frequency={a.frequency} channels={a.channels} errors={errorsFor(a.id)} hasEmail={hasEmail} hasPhone={hasPhone} />
              <button type="submit" disabled={busy} className="min-h-11 rounded-md bg-brand-700 px-4 font-semibold text-white disabled:opacity-60" data-testid="alert-save">{t("alerts.change")}</button>
            </Form>
            <Form method="post" className="mt-2">
              <input type="hidden" name="intent" value="delete" />
              <input type="hidden" name="id" value={a.id} />
              <button type="submit" disabled={busy} className="min-h-11 text-slate-700 underline" data-testid="alert-delete">{t("alerts.remove")}</button>
            </Form>
          </li>
        ))}
      </ul>
    </div>
  );
}
