import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/i18n/translate.ts";
import { card, InviteForm, MembersList, StatusBadge, WarningNote } from "~/components/organization-parts.tsx";
import { getLanguage } from "~/i18n/language.server.ts";
import { requirePermission } from "~/modules/auth/guards.server.ts";
import { employerOrganization } from "~/modules/organizations/organizations.server.ts";
import { formatDate } from "~/utils/format.ts";
import { metaT, pageTitle } from "~/utils/meta.ts";
import type { I18nHandle } from "~/i18n/i18n.ts";

export const handle: I18nHandle = { i18n: ["opportunities", "accounts", "seekers", "organizations", "postings", "registers", "targets", "exports", "bases", "training"] };

export const meta: MetaFunction = ({ matches }) => {
  const t = metaT(matches);
  return [{ title: pageTitle(t, t("employer.title")) }, { name: "robots", content: "noindex" }];
};

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "employer.home");
  return { data: await employerOrganization(user.id, await getLanguage(request)) };
}

export default function EmployerHome() {
  const { t, i18n } = useTranslation();
  const { data } = useLoaderData<typeof loader>();
  if (!data) {
    return (
      <div className="mx-auto max-w-2xl space-y-4">
        <h1 className="text-2xl font-bold">{t("employer.title")}</h1>
        <section className={card} data-testid="no-organization">
          <h2 className="text-lg font-semibold">{t("employer.noOrganization")}</h2>
          <p className="mt-1 text-slate-700">{t("employer.noOrganizationLead")}</p>
          <Link to="/employer/organization/new" className="mt-3 inline-flex min-h-11 items-center rounded-md bg-brand-700 px-4 font-semibold text-white">
            {t("employer.register")}
          </Link>
          <p className="mt-3 text-sm text-slate-600">{t("employer.joinHint")}</p>
        </section>
      </div>
    );
  }
  const { organization: org, members, myRole } = data;
  return (
    <div className="mx-auto max-w-2xl space-y-4">
      <h1 className="text-2xl font-bold">{t("employer.title")}</h1>
      <section className={card} data-testid="organization-card">
        <div className="flex flex-wrap items-start justify-between gap-2">
          <h2 className="text-lg font-semibold">{org.name}</h2>
          <StatusBadge status={org.status} />
        </div>
        {org.status === "pending" ? <p className="mt-2 text-slate-700">{t("employer.pendingLead")}</p> : null}
        {org.status === "verified" && org.verifiedAt ? <p className="mt-2 text-slate-700">{t("employer.verifiedLead", { date: formatDate(org.verifiedAt, i18n.language) })}</p> : null}
        {org.status === "rejected" ? (
          <div className="mt-2">
            <p className="text-red-800" data-testid="rejection-reason">{t("employer.rejectedLead", { reason: org.rejectionReason })}</p>
            {myRole === "owner" ? (
              <Link to="/employer/organization/new" className="mt-2 inline-flex min-h-11 items-center rounded-md bg-brand-700 px-4 font-semibold text-white">{t("employer.fixAndResubmit")}</Link>
            ) : null}
          </div>
        ) : null}
        {org.creditCodeWarning && org.status === "pending" ? <WarningNote>{t("organizations.creditCodeWarningEmployer")}</WarningNote> : null}
      </section>
      <nav className="grid gap-3 sm:grid-cols-2">
        <Link to="/employer/postings" className={`${card} block min-h-11 hover:ring-2 hover:ring-brand-200`}>
          <span className="font-semibold text-brand-700">{t("employer.postings")}</span>
          <span className="block text-sm text-slate-600">{t("employer.postingsHint")}</span>
        </Link>
        <Link to="/employer/training" className={`${card} block min-h-11 hover:ring-2 hover:ring-brand-200`} data-testid="training-link">
          <span className="font-semibold text-brand-700">{t("training.provider.link")}</span>
          <span className="block text-sm text-slate-600">{t("training.provider.linkHint")}</span>
        </Link>
        <Link to="/employer/organization" className={`${card} block min-h-11 hover:ring-2 hover:ring-brand-200`}>
          <span className="font-semibold text-brand-700">{t("employer.organization")}</span>
          <span className="block text-sm text-slate-600">{t("employer.organizationHint")}</span>
        </Link>
        <Link to="/employer/bases" className={`${card} block min-h-11 hover:ring-2 hover:ring-brand-200`} data-testid="bases-link">
          <span className="font-semibold text-brand-700">{t("bases.operator.title")}</span>
          <span className="block text-sm text-slate-600">{t("bases.operator.lead")}</span>
        </Link>
      </nav>
      <section className={card}>
        <h2 className="mb-1 text-lg font-semibold">{t("employer.members")}</h2>
        <MembersList members={members} />
      </section>
      <section className={card}>
        <h2 className="mb-1 text-lg font-semibold">{t("employer.invite")}</h2>
        <InviteForm />
      </section>
    </div>
  );
}
