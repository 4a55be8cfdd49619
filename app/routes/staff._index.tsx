import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/i18n/translate.ts";
import { card, StaffNav } from "~/components/organization-parts.tsx";
import { getLanguage } from "~/i18n/language.server.ts";
import { requirePermission } from "~/modules/auth/guards.server.ts";
import { can } from "~/modules/auth/permissions.ts";
import { LAG_POINTS } from "~/modules/indicators/progress.server.ts";
import { scopeName, staffHomeCounts } from "~/modules/staff/staff.server.ts";
import { metaT, pageTitle } from "~/utils/meta.ts";
import type { I18nHandle } from "~/i18n/i18n.ts";

export const handle: I18nHandle = { i18n: ["opportunities", "accounts", "seekers", "organizations", "postings", "indicators", "registers", "targets", "exports"] };

export const meta: MetaFunction = ({ matches }) => {
  const t = metaT(matches);
  return [{ title: pageTitle(t, t("staff.title")) }, { name: "robots", content: "noindex" }];
};

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "staff.home");
  return {
    name: user.displayName,
    scope: user.role === "admin" ? null : await scopeName(user.staffRegionCode, await getLanguage(request)),
    counts: await staffHomeCounts(user),
    canManageStaff: can(user.role, "staff.manage"),
    lagPoints: LAG_POINTS,
  };
}

export default function StaffHome() {
  const { t } = useTranslation();
  const { name, scope, counts, canManageStaff, lagPoints } = useLoaderData<typeof loader>();
  const tile = `${card} block min-h-11 hover:ring-2 hover:ring-brand-200`;
  return (
    <div className="mx-auto max-w-3xl">
      <StaffNav />
      <h1 className="text-2xl font-bold">{t("staff.title")}</h1>
      <p className="mb-4 text-slate-600" data-testid="staff-scope">{name} · {scope ? t("staff.scope", { name: scope }) : t("staff.scopeAll")}</p>
      <div className="grid gap-3 sm:grid-cols-2">
        <Link to="/staff/organizations" className={tile} data-testid="pending-organizations">
          <span className="block text-sm text-slate-600">{t("staff.pendingOrganizations")}</span>
          <span className="block text-3xl font-bold text-brand-700">{counts.pendingOrganizations}</span>
          {counts.warnedOrganizations ? <span className="block text-sm text-amber-800">⚠ {t("staff.warned", { count: counts.warnedOrganizations })}</span> : null}
          <span className="mt-1 block text-sm text-brand-700 underline">{t("staff.handle")}</span>
        </Link>
        <Link to="/staff/postings" className={tile} data-testid="pending-postings">
          <span className="block text-sm text-slate-600">{t("staff.pendingPostings")}</span>
          <span className="block text-3xl font-bold text-brand-700">{counts.pendingPostings}</span>
          <span className="mt-1 block text-sm text-brand-700 underline">{t("staff.handle")}</span>
        </Link>
        <Link to="/staff/placements" className={tile} data-testid="pending-placements">
          <span className="block text-sm text-slate-600">{t("staff.pendingPlacements")}</span>
          <span className="block text-3xl font-bold text-brand-700">{counts.pendingPlacements}</span>
          <span className="mt-1 block text-sm text-brand-700 underline">{t("staff.handle")}</span>
        </Link>
        <Link to="/staff/indicators/lagging" className={tile} data-testid="lagging-areas">
          <span className="font-semibold text-brand-700">{t("indicators.lagging.link")}</span>
          <span className="block text-sm text-slate-600">{t("indicators.lagging.homeHint", { points: lagPoints })}</span>
        </Link>
        <Link to="/staff/follow-up" className={tile} data-testid="follow-ups">
          <span className="block text-sm text-slate-600">{t("staffFollowUp.title")}</span>
          <span className="block text-3xl font-bold text-brand-700">{counts.followUps.open}</span>
          {counts.followUps.flagged ? <span className="block text-sm text-amber-800">{t("staffFollowUp.flaggedCount", { count: counts.followUps.flagged })}</span> : null}
          <span className="mt-1 block text-sm text-brand-700 underline">{t("staffFollowUp.homeHint", { days: counts.followUps.escalateDays })}</span>
        </Link>
        <Link to="/staff/audit" className={tile}>
          <span className="font-semibold text-brand-700">{t("staff.nav.audit")}</span>
          <span className="block text-sm text-slate-600">{t("staff.auditHint")}</span>
        </Link>
        {canManageStaff ? (
          <Link to="/staff/accounts" className={tile}>
            <span className="font-semibold text-brand-700">{t("staff.nav.accounts")}</span>
            <span className="block text-sm text-slate-600">{t("staff.accountsHint")}</span>
          </Link>
        ) : null}
      </div>
    </div>
  );
}
