import { parseWithZod } from "@conform-to/zod";
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/i18n/translate.ts";
import { card, InviteForm, MembersList, OrganizationFacts, StatusBadge, WarningNote, type InviteActionData } from "~/components/organization-parts.tsx";
import { getLanguage } from "~/i18n/language.server.ts";
import { replyErrors } from "~/modules/auth/form-errors.ts";
import { requirePermission } from "~/modules/auth/guards.server.ts";
import { createInvitation } from "~/modules/organizations/invitations.server.ts";
import { employerOrganization } from "~/modules/organizations/organizations.server.ts";
import { inviteSchema } from "~/modules/organizations/schemas.ts";
import { formatDate } from "~/utils/format.ts";
import { metaT, pageTitle } from "~/utils/meta.ts";
import type { I18nHandle } from "~/i18n/i18n.ts";

export const handle: I18nHandle = { i18n: ["opportunities", "accounts", "seekers", "organizations", "postings", "registers", "targets", "exports"] };

export const meta: MetaFunction = ({ matches }) => {
  const t = metaT(matches);
  return [{ title: pageTitle(t, t("employer.organization")) }, { name: "robots", content: "noindex" }];
};

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "employer.home");
  const data = await employerOrganization(user.id, await getLanguage(request));
  if (!data) throw redirect("/employer");
  return data;
}

/** Invites a colleague; the link is shown once on this page (only its hash is stored). */
export async function action({ request }: ActionFunctionArgs): Promise<InviteActionData> {
  const user = await requirePermission(request, "organization.invite");
  const submission = parseWithZod(await request.formData(), { schema: inviteSchema });
  if (submission.status !== "success") return { result: submission.reply(), invite: null };
  const result = await createInvitation(user.id, submission.value.identifier);
  if (!result.ok) return { result: submission.reply(replyErrors(result.errors)), invite: null };
  const link = `${new URL(request.url).origin}/invite/${result.token}`;
  return { result: submission.reply({ resetForm: true }), invite: { link, target: submission.value.identifier } };
}

export default function EmployerOrganization() {
  const { t, i18n } = useTranslation();
  const { organization: org, members, invitations } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  return (
    <div className="mx-auto max-w-2xl space-y-4">
      <p><Link to="/employer" className="text-brand-700 underline">← {t("employer.title")}</Link></p>
      <h1 className="text-2xl font-bold">{t("employer.organization")}</h1>
      <section className={card}>
        <div className="flex flex-wrap items-start justify-between gap-2">
          <h2 className="text-lg font-semibold">{org.name}</h2>
          <StatusBadge status={org.status} />
        </div>
        <p className="text-sm text-slate-600">{t("employer.submittedAt", { date: formatDate(org.createdAt, i18n.language) })}</p>
        {org.status === "rejected" ? <p className="mt-2 text-red-800">{t("employer.rejectedLead", { reason: org.rejectionReason })}</p> : null}
        {org.creditCodeWarning && org.status === "pending" ? <WarningNote>{t("organizations.creditCodeWarningEmployer")}</WarningNote> : null}
        <OrganizationFacts org={org} />
      </section>
      <section className={card}>
        <h2 className="mb-1 text-lg font-semibold">{t("employer.members")}</h2>
        <MembersList members={members} />
        {invitations.length ? (
          <>
            <h3 className="mt-4 font-semibold">{t("employer.pendingInvitations")}</h3>
            <ul className="divide-y divide-slate-200 text-sm" data-testid="pending-invitations">
              {invitations.map((i) => (
                <li key={i.id} className="py-2">
                  {i.email ? t("employer.invitationToEmail", { target: i.email }) : t("employer.invitationToPhone")} · {t("employer.expires", { date: formatDate(i.expiresAt, i18n.language) })}
                </li>
              ))}
            </ul>
          </>
        ) : null}
      </section>
      <section className={card}>
        <h2 className="mb-1 text-lg font-semibold">{t("employer.invite")}</h2>
        <InviteForm lastResult={lastResult} />
      </section>
    </div>
  );
}
