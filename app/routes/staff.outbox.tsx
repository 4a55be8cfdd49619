import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData, useRevalidator } from "@remix-run/react";
import { useEffect } from "react";
import { useTranslation } from "react-i18next";
import { card, StaffNav } from "~/components/organization-parts.tsx";
import { requirePermission } from "~/modules/auth/guards.server.ts";
import { getDb } from "~/modules/db.server.ts";
import { outboxStatus } from "~/modules/search/outbox.server.ts";
import { metaT, pageTitle } from "~/utils/meta.ts";

export const meta: MetaFunction = ({ matches }) => {
  const t = metaT(matches);
  return [{ title: pageTitle(t, t("outbox.title")) }, { name: "robots", content: "noindex" }];
};

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "outbox.read");
  return { status: await outboxStatus(getDb()), now: new Date().toISOString() };
}

function age(t: (key: string, o?: Record<string, unknown>) => string, seconds: number): string {
  if (seconds < 60) return t("outbox.seconds", { count: seconds });
  if (seconds < 3600) return t("outbox.minutes", { count: Math.round(seconds / 60) });
  return t("outbox.hours", { count: Math.round(seconds / 360) / 10 });
}

/** The search outbox: how much waits for Meilisearch, since when, and every row that keeps failing. */
export default function StaffOutbox() {
  const { t, i18n } = useTranslation();
  const { status, now } = useLoaderData<typeof loader>();
  const revalidator = useRevalidator();
  // With JavaScript the page follows the queue by itself; without it, reload.
  useEffect(() => {
    const timer = setInterval(() => revalidator.state === "idle" && revalidator.revalidate(), 5000);
    return () => clearInterval(timer);
  }, [revalidator]);
  const time = (iso: string) => new Intl.DateTimeFormat(i18n.language === "en" ? "en-GB" : "zh-CN", { dateStyle: "short", timeStyle: "medium", timeZone: "Asia/Shanghai" }).format(new Date(iso));
  const healthy = status.failing.length === 0;
  return (
    <div className="mx-auto max-w-3xl">
      <StaffNav />
      <div className="mb-3 flex flex-wrap items-baseline justify-between gap-2">
        <h1 className="text-2xl font-bold">{t("outbox.title")}</h1>
        <Link to="/staff/postings" className="text-sm text-brand-700 underline">{t("staffPostings.title")}</Link>
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
        {healthy ? t(status.waiting ? "outbox.flowing" : "outbox.empty") : t("outbox.failing", { count: status.failing.length })}
      </p>
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
