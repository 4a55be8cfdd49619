import type { TFunction } from "i18next";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation, useRevalidator } from "@remix-run/react";
import { useEffect } from "react";
import { useTranslation } from "~/i18n/translate.ts";
import { card, StaffNav } from "~/components/organization-parts.tsx";
import { requirePermission } from "~/modules/auth/guards.server.ts";
import { getDb } from "~/modules/db.server.ts";
import { outboxStatus, retryDead, retrySchema } from "~/modules/search/outbox.server.ts";
import { httpError } from "~/utils/http.ts";
import { metaT, pageTitle } from "~/utils/meta.ts";
import { formatDate } from "~/utils/format.ts";
import type { I18nHandle } from "~/i18n/i18n.ts";

export const handle: I18nHandle = { i18n: ["opportunities", "accounts", "seekers", "organizations", "postings", "registers", "targets", "exports"] };

export const meta: MetaFunction = ({ matches }) => {
  const t = metaT(matches);
  return [{ title: pageTitle(t, t("outbox.title")) }, { name: "robots", content: "noindex" }];
};

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "outbox.read");
  return { status: await outboxStatus(getDb()), now: new Date().toISOString() };
}

/** Staff send parked rows back to the queue: one, or the whole dead set. */
export async function action({ request }: ActionFunctionArgs) {
  const user = await requirePermission(request, "outbox.read");
  const parsed = retrySchema.safeParse(Object.fromEntries(await request.formData()));
  // Only a tampered form gets here: the buttons always send a valid intent and id.
  if (!parsed.success) throw httpError(400);
  const { count } = await retryDead(user, parsed.data);
  return { retried: count };
}

function age(t: TFunction, seconds: number): string {
  if (seconds < 60) return t("outbox.seconds", { count: seconds });
  if (seconds < 3600) return t("outbox.minutes", { count: Math.round(seconds / 60) });
  return t("outbox.hours", { count: Math.round(seconds / 360) / 10 });
}

/** The search outbox: how much waits for Meilisearch, since when, and every row that keeps failing. */
export default function StaffOutbox() {
  const { t, i18n } = useTranslation();
  const { status, now } = useLoaderData<typeof loader>();
  const acted = useActionData<typeof action>();
  const busy = useNavigation().state !== "idle";
  const revalidator = useRevalidator();
  // With JavaScript the page follows the queue by itself; without it, reload.
  useEffect(() => {
    const timer = setInterval(() => revalidator.state === "idle" && revalidator.revalidate(), 5000);
    return () => clearInterval(timer);
  }, [revalidator]);
  const time = (iso: string) => formatDate(iso, i18n.language, "shortDateTime");
  const healthy = status.failing.length === 0 && status.deadCount === 0;
  const health = status.deadCount
    ? t("outbox.deadHealth", { count: status.deadCount })
    : status.failing.length
      ? t("outbox.failing", { count: status.failing.length })
      : status.waiting ? t("outbox.flowing") : t("outbox.empty");
  return (
    <div className="mx-auto max-w-3xl">
      <StaffNav />
      <div className="mb-3 flex flex-wrap items-baseline justify-between gap-2">
        <h1 className="text-2xl font-bold">{t("outbox.title")}</h1>
        <span className="flex gap-3">
          <Link to="/staff/postings" className="text-sm text-brand-700 underline">{t("staffPostings.title")}</Link>
          <Link to="/staff/messages" className="text-sm text-brand-700 underline">{t("staffMessages.title")}</Link>
        </span>
      </div>
      <p className="mb-4 text-slate-600">{t("outbox.lead")}</p>
      <div className="mb-4 grid grid-cols-2 gap-3">
        <div className={card} data-testid="outbox-waiting">
          <span className="block text-sm text-slate-600">{t("outbox.waiting")}</span>
          <span className="block text-3xl font-bold text-brand-700">{status.waiting}</span>
        </div>
        <div className={card} data-testid="outbox-oldest">
          <span className="block text-sm text-slate-600">{t("outbox.oldest")}</span>
          <span className="block text-3xl font-bold text-brand-700">{status.waiting ? age(t, status.oldestSeconds) : "—"}</span>
        </div>
      </div>
      <p role="status" className={`mb-4 rounded border p-3 ${healthy ? "border-emerald-300 bg-emerald-50 text-emerald-900" : "border-red-300 bg-red-50 text-red-800"}`} data-testid="outbox-health">
        {health}
      </p>
      {acted ? (
        <p role="status" className="mb-4 rounded border border-brand-200 bg-brand-50 p-3" data-testid="outbox-retried">
          {acted.retried ? t("outbox.retried", { count: acted.retried }) : t("outbox.retriedNone")}
        </p>
      ) : null}
      {status.dead.length ? (
        <section className="mb-6" aria-labelledby="outbox-dead-title">
          <div className="mb-2 flex flex-wrap items-baseline justify-between gap-2">
            <h2 id="outbox-dead-title" className="text-lg font-semibold">{t("outbox.deadTitle", { count: status.deadCount })}</h2>
            <Form method="post">
              <button type="submit" name="intent" value="retryAll" disabled={busy} className="min-h-11 rounded bg-brand-700 px-4 font-semibold text-white disabled:opacity-60">
                {t("outbox.retryAll")}
              </button>
            </Form>
          </div>
          <p className="mb-2 text-sm text-slate-600">{t("outbox.deadLead", { count: status.maxAttempts })}</p>
          <div className="overflow-x-auto rounded-lg bg-white shadow-sm">
            <table className="w-full text-left text-sm" data-testid="outbox-dead">
              <thead className="border-b bg-slate-50">
                <tr>
                  <th className="p-2">{t("outbox.item")}</th>
                  <th className="p-2">{t("outbox.attempts")}</th>
                  <th className="p-2">{t("outbox.lastError")}</th>
                  <th className="p-2">{t("outbox.deadAt")}</th>
                  <th className="p-2"><span className="sr-only">{t("outbox.retry")}</span></th>
                </tr>
              </thead>
              <tbody>
                {status.dead.map((row) => (
                  <tr key={row.id} className="border-b align-top last:border-b-0">
                    <td className="p-2 font-mono">{row.docId}</td>
                    <td className="p-2">{row.attempts}</td>
                    <td className="break-all p-2 text-red-800">{row.lastError}</td>
                    <td className="whitespace-nowrap p-2">{row.deadAt ? time(row.deadAt) : ""}</td>
                    <td className="p-2">
                      <Form method="post">
                        <input type="hidden" name="id" value={row.id} />
                        <button type="submit" name="intent" value="retry" disabled={busy} className="min-h-11 rounded border border-brand-700 px-3 text-brand-700 disabled:opacity-60">
                          {t("outbox.retry")}<span className="sr-only"> {row.docId}</span>
                        </button>
                      </Form>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      ) : null}
      {status.failing.length ? (
        <div className="overflow-x-auto rounded-lg bg-white shadow-sm">
          <table className="w-full text-left text-sm" data-testid="outbox-failing">
            <thead className="border-b bg-slate-50">
              <tr>
                <th className="p-2">{t("outbox.item")}</th>
                <th className="p-2">{t("outbox.attempts")}</th>
                <th className="p-2">{t("outbox.lastError")}</th>
                <th className="p-2">{t("outbox.nextAttempt")}</th>
              </tr>
            </thead>
            <tbody>
              {status.failing.map((row) => (
                <tr key={row.id} className="border-b align-top last:border-b-0">
                  <td className="p-2 font-mono">{row.docId}</td>
                  <td className="p-2">{row.attempts}</td>
                  <td className="break-all p-2 text-red-800">{row.lastError}</td>
                  <td className="whitespace-nowrap p-2">
                    {time(row.nextAttempt)}
                    {Date.parse(row.nextAttempt) > Date.parse(now) ? <span className="block text-xs text-slate-500">{t("outbox.inSeconds", { count: Math.round((Date.parse(row.nextAttempt) - Date.parse(now)) / 1000) })}</span> : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      <p className="mt-3 text-xs text-slate-500">{t("outbox.neverDropped")}</p>
    </div>
  );
}
