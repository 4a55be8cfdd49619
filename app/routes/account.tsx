import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { useTranslation, tCode } from "~/i18n/translate.ts";
import { requireUser } from "~/modules/auth/guards.server.ts";
import { listSessions } from "~/modules/auth/session.server.ts";
import { formatDate } from "~/utils/format.ts";
import type { I18nHandle } from "~/i18n/i18n.ts";

export const handle: I18nHandle = { i18n: ["accounts"] };

export const meta: MetaFunction = () => [{ title: "我的账号 · 安康就业创业服务网" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const sessions = await listSessions(user.id);
  return {
    user: { displayName: user.displayName, role: user.role },
    sessions: sessions.map((s) => ({ current: s.id === user.sessionId, createdAt: s.createdAt.toISOString(), lastSeenAt: s.lastSeenAt.toISOString(), userAgent: s.userAgent })),
  };
}

export default function Account() {
  const { t, i18n } = useTranslation();
  const { user, sessions } = useLoaderData<typeof loader>();
  const date = (iso: string) => formatDate(iso, i18n.language, "dateTime");
  return (
    <div className="mx-auto max-w-2xl space-y-4">
      <h1 className="text-2xl font-bold">{t("auth.account")}</h1>
      <p data-testid="signed-in-as">{t("auth.signedInAs", { name: user.displayName })} · {tCode(t, "roles", user.role)}</p>
      <section className="rounded-lg bg-white p-4 shadow-sm">
        <h2 className="mb-2 text-lg font-semibold">{t("auth.sessions")}</h2>
        <ul className="divide-y">
          {sessions.map((s) => (
            <li key={s.createdAt} className="py-2 text-sm">
              <div className="font-medium">{s.userAgent?.slice(0, 80) ?? "—"} {s.current ? <span className="ml-1 rounded bg-green-100 px-1 text-green-800">{t("auth.thisDevice")}</span> : null}</div>
              <div className="text-slate-600">{t("auth.sessionStarted", { date: date(s.createdAt) })} · {t("auth.sessionSeen", { date: date(s.lastSeenAt) })}</div>
            </li>
          ))}
        </ul>
        <div className="mt-3 flex flex-wrap gap-2">
          <Form method="post" action="/logout"><button className="rounded border border-slate-300 px-3 py-2" name="scope" value="here">{t("auth.logout")}</button></Form>
          <Form method="post" action="/logout"><button className="rounded border border-red-300 px-3 py-2 text-red-800" name="scope" value="everywhere">{t("auth.logoutEverywhere")}</button></Form>
        </div>
      </section>
    </div>
  );
}
