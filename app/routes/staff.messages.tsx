import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation, tCode } from "~/i18n/translate.ts";
import { card, StaffNav } from "~/components/organization-parts.tsx";
import { requirePermission } from "~/modules/auth/guards.server.ts";
import { messageOutboxStatus, retryDeadMessages } from "~/modules/messages/dead-set.server.ts";
import { formatDate } from "~/utils/format.ts";
import { httpError } from "~/utils/http.ts";
import { metaT, pageTitle } from "~/utils/meta.ts";
import type { I18nHandle } from "~/i18n/i18n.ts";

export const handle: I18nHandle = { i18n: ["opportunities", "accounts", "seekers", "organizations", "postings", "registers", "targets", "exports"] };

export const meta: MetaFunction = ({ matches }) => {
  const t = metaT(matches);
  return [{ title: pageTitle(t, t("staffMessages.title")) }, { name: "robots", content: "noindex" }];
};

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "outbox.read");
  return { status: await messageOutboxStatus() };
}

/** Staff send parked messages back to the queue: one, or all. */
export async function action({ request }: ActionFunctionArgs) {
  const user = await requirePermission(request, "outbox.read");
  const result = await retryDeadMessages(user, await request.formData());
  if (!result) throw httpError(400);
  return result;
}

export default function StaffMessages() {
  const { t, i18n } = useTranslation();
  const { status } = useLoaderData<typeof loader>();
  const acted = useActionData<typeof action>();
  const busy = useNavigation().state !== "idle";
  const healthy = !status.failing.length && !status.deadCount;
  return (
    <div className="mx-auto max-w-3xl">
      <StaffNav />
      <h1 className="mb-3 text-2xl font-bold">{t("staffMessages.title")}</h1>
      <p className="mb-4 text-slate-600">{t("staffMessages.lead")}</p>
      <div className={`${card} mb-4`} data-testid="messages-waiting">
        <span className="block text-sm text-slate-600">{t("staffMessages.waiting")}</span>
        <span className="block text-3xl font-bold text-brand-700">{status.waiting}</span>
      </div>
      <p role="status" className={`mb-4 rounded border p-3 ${healthy ? "border-emerald-300 bg-emerald-50 text-emerald-900" : "border-red-300 bg-red-50 text-red-800"}`} data-testid="messages-health">
        {healthy ? t("staffMessages.healthy") : status.failing.length ? t("staffMessages.failing", { count: status.failing.length }) : t("staffMessages.deadTitle", { count: status.deadCount })}
      </p>
      {acted ? <p role="status" className="mb-4 rounded border border-brand-200 bg-brand-50 p-3" data-testid="messages-retried">{acted.retried ? t("staffMessages.retried", { count: acted.retried }) : t("staffMessages.retriedNone")}</p> : null}
      {status.dead.length ? (
        <section aria-labelledby="messages-dead-title">
          <div className="mb-2 flex flex-wrap items-baseline justify-between gap-2">
            <h2 id="messages-dead-title" className="text-lg font-semibold">{t("staffMessages.deadTitle", { count: status.deadCount })}</h2>
            <Form method="post">
              <button type="submit" name="intent" value="retryAll" disabled={busy} className="min-h-11 rounded bg-brand-700 px-4 font-semibold text-white disabled:opacity-60">{t("staffMessages.retryAll")}</button>
            </Form>
          </div>
          <p className="mb-2 text-sm text-slate-600">{t("staffMessages.deadLead", { count: status.maxAttempts })}</p>
          <ul className="space-y-2" data-testid="messages-dead">
            {status.dead.map((row) => (
              <li key={row.id} className="rounded-lg bg-white p-3 text-sm shadow-sm" data-testid="dead-message">
                <p>
                  {tCode(t, "staffMessages.channels", row.channel)} · {t("staffMessages.purpose")}: {row.purpose} · {t("staffMessages.to")}: <span data-testid="dead-to">{row.to}</span> · {t("staffMessages.attempts")}: {row.attempts}
                </p>
                <p className="break-all text-red-800">{t("staffMessages.lastError")}: {row.lastError}</p>
                <p className="text-slate-600">{t("staffMessages.deadAt")}: {row.deadAt ? formatDate(row.deadAt, i18n.language, "shortDateTime") : ""}</p>
                <Form method="post" className="mt-1">
                  <input type="hidden" name="id" value={row.id} />
                  <button type="submit" name="intent" value="retry" disabled={busy} className="min-h-11 rounded border border-brand-700 px-3 text-brand-700 disabled:opacity-60">{t("staffMessages.retry")}</button>
                </Form>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </div>
  );
}
