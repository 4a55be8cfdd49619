import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useTranslation, tCode } from "~/i18n/translate.ts";
import { requireUser, safeRedirect } from "~/modules/auth/guards.server.ts";
import { listNotifications, markAllRead } from "~/modules/notifications/notifications.server.ts";
import { formatDate } from "~/utils/format.ts";
import { metaT, pageTitle } from "~/utils/meta.ts";
import type { I18nHandle } from "~/i18n/i18n.ts";

export const handle: I18nHandle = { i18n: ["applications", "seekers"] };

export const meta: MetaFunction = ({ matches }) => {
  const t = metaT(matches);
  return [{ title: pageTitle(t, t("notificationsPage.title")) }, { name: "robots", content: "noindex" }];
};

/** Any signed-in role has notifications. */
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const items = await listNotifications(user.id);
  return { items: items.map((n) => ({ ...n, link: safeRedirect(n.link, "/notifications") })) };
}

/** The only action is "mark all read" (POST: a link must not change anything). */
export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request);
  await markAllRead(user.id);
  return redirect("/notifications");
}

export default function Notifications() {
  const { t, i18n } = useTranslation();
  const { items } = useLoaderData<typeof loader>();
  const message = (type: string, params: Record<string, string | number>) =>
    i18n.exists(`notifications.${type}`) ? tCode(t, "notifications", type, params) : t("notificationsPage.generic");
  return (
    <div className="mx-auto max-w-2xl">
      <div className="mb-4 flex flex-wrap items-center justify-between gap-2">
        <h1 className="text-2xl font-bold">{t("notificationsPage.title")}</h1>
        {items.some((n) => !n.read) ? (
          <Form method="post">
            <button type="submit" className="min-h-11 rounded border border-slate-300 bg-white px-3" data-testid="mark-all-read">{t("notificationsPage.markAllRead")}</button>
          </Form>
        ) : null}
      </div>
      {items.length ? (
        <ul className="divide-y rounded-lg bg-white shadow-sm" data-testid="notifications">
          {items.map((n) => (
            <li key={n.id} className={`p-3 ${n.read ? "" : "border-l-4 border-amber-400"}`} data-testid="notification" data-read={n.read}>
              <Link to={n.link} className="block min-h-11">
                {!n.read ? <span className="mr-1 rounded bg-amber-100 px-1 text-xs font-semibold text-amber-900">{t("notificationsPage.unread")}</span> : null}
                <span className="text-brand-700 underline">{message(n.type, n.params)}</span>
                <span className="block text-sm text-slate-500">{formatDate(n.createdAt, i18n.language)}</span>
              </Link>
            </li>
          ))}
        </ul>
      ) : (
        <p className="rounded-lg bg-white p-4 text-slate-700 shadow-sm">{t("notificationsPage.empty")}</p>
      )}
    </div>
  );
}
