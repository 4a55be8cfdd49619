import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation, useSearchParams } from "@remix-run/react";
import { useTranslation, tCode } from "~/i18n/translate.ts";
import { reasonText } from "~/components/candidates.tsx";
import { FormError } from "~/components/form-messages.tsx";
import { getLanguage } from "~/i18n/language.server.ts";
import { requirePermission } from "~/modules/auth/guards.server.ts";
import { declineFromForm } from "~/modules/matching/candidate-forms.server.ts";
import { listInvitations } from "~/modules/matching/invitations.server.ts";
import { formatDate, formatPay } from "~/utils/format.ts";
import { metaT, pageTitle } from "~/utils/meta.ts";
import type { I18nHandle } from "~/i18n/i18n.ts";

export const handle: I18nHandle = { i18n: ["opportunities", "seekers", "candidates"] };

export const meta: MetaFunction = ({ matches }) => {
  const t = metaT(matches);
  return [{ title: pageTitle(t, t("invitations.title")) }, { name: "robots", content: "noindex" }];
};

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "application.create");
  return { invitations: await listInvitations(user.id, await getLanguage(request)) };
}

/** "Not interested": a plain form per invitation. */
export async function action({ request }: ActionFunctionArgs) {
  const user = await requirePermission(request, "application.create");
  const result = await declineFromForm(user.id, await request.formData());
  if (result.ok) return redirect(`/me/invitations?declined=${result.invitationId}#invitation-${result.invitationId}`);
  return result.reply;
}

export default function MyInvitations() {
  const { t, i18n } = useTranslation();
  const { invitations } = useLoaderData<typeof loader>();
  const reply = useActionData<typeof action>();
  const busy = useNavigation().state === "submitting";
  const [params] = useSearchParams();
  const declined = params.get("declined");
  const button = "inline-flex min-h-11 items-center rounded-md px-4 font-semibold";
  return (
    <div className="mx-auto max-w-2xl space-y-4">
      <p className="text-sm"><Link to="/me" className="text-brand-700 underline">{t("seekers.back")}</Link></p>
      <h1 className="text-2xl font-bold">{t("invitations.title")}</h1>
      <p className="text-slate-700">{t("invitations.lead")}</p>
      {declined && !reply ? <p role="status" className="rounded border border-emerald-300 bg-emerald-50 p-3 text-emerald-900" data-testid="declined">{t("invitations.declined")}</p> : null}
      <FormError errors={reply?.error?.[""] ?? undefined} />
      {!invitations.length ? <p className="rounded-lg bg-white p-4 shadow-sm" data-testid="invitations-empty">{t("invitations.empty")}</p> : null}
      <ul className="space-y-3">
        {invitations.map((inv) => (
          <li key={inv.id} id={`invitation-${inv.id}`} className="rounded-lg bg-white p-4 shadow-sm" data-testid="invitation">
            <p className="text-xs text-slate-500">{t("invitations.invitedOn", { date: formatDate(inv.createdAt, i18n.language) })} · <span data-testid="invitation-status">{tCode(t, "invitations.status", inv.status)}</span></p>
            <Link to={`/${inv.posting.kind}/${inv.posting.id}`} className="mt-1 block text-lg font-semibold text-brand-700 underline">{inv.posting.title}</Link>
            <p className="text-slate-700">{inv.posting.employer}</p>
            <p className="text-sm text-slate-600">{inv.posting.place} · {formatPay(t, inv.posting.pay)}</p>
            {inv.message ? (
              <div className="mt-2 rounded bg-slate-50 p-2 text-sm">
                <p className="font-medium text-slate-700">{t("invitations.message")}</p>
                <p className="whitespace-pre-line" data-testid="invitation-message">{inv.message}</p>
              </div>
            ) : null}
            {inv.reasons.length ? (
              <div className="mt-2">
                <p className="text-sm font-medium text-slate-700">{t("invitations.why")}</p>
                <ul className="mt-1 list-disc pl-5 text-sm" data-testid="invitation-reasons">
                  {inv.reasons.map((r, i) => <li key={i}>{reasonText(t, "invitations", r)}</li>)}
                </ul>
              </div>
            ) : null}
            {inv.status === "sent" ? (
              inv.posting.open ? (
                <div className="mt-3 flex flex-wrap gap-3">
                  <Link to={`/apply/${inv.posting.id}?invitation=${inv.id}`} className={`${button} bg-brand-700 text-white`} data-testid="invitation-apply">{t("invitations.apply")}</Link>
                  <Form method="post">
                    <input type="hidden" name="intent" value="decline" />
                    <input type="hidden" name="invitationId" value={inv.id} />
                    <button type="submit" disabled={busy} className={`${button} border border-slate-400 bg-white text-slate-800 disabled:opacity-60`} data-testid="invitation-decline">{t("invitations.decline")}</button>
                  </Form>
                </div>
              ) : (
                <p className="mt-3 text-sm text-amber-900">{t("invitations.closed")}</p>
              )
            ) : null}
          </li>
        ))}
      </ul>
    </div>
  );
}
