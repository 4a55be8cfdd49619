import { redirect, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation, tCode } from "~/i18n/translate.ts";
import { getLanguage } from "~/i18n/language.server.ts";
import { requireUser } from "~/modules/auth/guards.server.ts";
import { homeFor } from "~/modules/auth/home.ts";
import { can } from "~/modules/auth/permissions.ts";
import { openInvitationCount } from "~/modules/matching/invitations.server.ts";
import { unreadCount } from "~/modules/notifications/notifications.server.ts";
import { loadSeekerHome, type CompletenessItem } from "~/modules/seekers/profile.server.ts";
import { formatDate } from "~/utils/format.ts";
import { RecommendationPreview } from "~/components/recommendation-preview.tsx";
import { previewRecommendations } from "~/modules/matching/recommendations.server.ts";
import { metaT, pageTitle } from "~/utils/meta.ts";
import type { I18nHandle } from "~/i18n/i18n.ts";

export const handle: I18nHandle = { i18n: ["opportunities", "accounts", "seekers", "organizations", "postings", "candidates", "alerts", "bases", "training"] };

export const meta: MetaFunction = ({ matches }) => {
  const t = metaT(matches);
  return [{ title: pageTitle(t, t("seekers.homeTitle")) }, { name: "robots", content: "noindex" }];
};

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  // Other roles have their own home: send them there rather than to an error page.
  if (!can(user.role, "profile.edit")) throw redirect(homeFor(user.role));
  const lang = await getLanguage(request);
  const [home, unread, invitations, forYou] = await Promise.all([
    loadSeekerHome(user.id, lang),
    unreadCount(user.id),
    openInvitationCount(user.id),
    previewRecommendations(user, lang),
  ]);
  return { displayName: user.displayName, unread, invitations, forYou, ...home };
}

/** Which profile section fills each missing item. */
const SECTION_OF: Record<CompletenessItem, string> = {
  basics: "basics", idNumber: "basics", education: "education", skills: "work", workHistory: "work", place: "places", wishes: "wishes",
};

const card = "rounded-lg bg-white p-4 shadow-sm";

export default function SeekerHome() {
  const { t, i18n } = useTranslation();
  const { displayName, unread, invitations, forYou, profile, completeness, applications } = useLoaderData<typeof loader>();
  return (
    <div className="mx-auto max-w-2xl space-y-4">
      <h1 className="text-2xl font-bold">{t("seekers.hello", { name: profile?.name ?? displayName })}</h1>

      <section className={card} aria-labelledby="completeness-title" data-testid="completeness">
        <h2 id="completeness-title" className="text-lg font-semibold">{t("seekers.completeness", { percent: completeness.percent })}</h2>
        <div className="mt-2 h-3 w-full overflow-hidden rounded-full bg-slate-200" aria-hidden="true">
          <div className="h-full bg-brand-600" style={{ width: `${completeness.percent}%` }} />
        </div>
        {!profile ? <p className="mt-3">{t("seekers.noProfile")}</p> : null}
        {completeness.missing.length ? (
          <>
            <p className="mt-3 text-sm text-slate-700">{t("seekers.completenessHint")}</p>
            <ul className="mt-1 flex flex-wrap gap-2 text-sm">
              {completeness.missing.map((item) => (
                <li key={item}><Link to={`/me/profile#${SECTION_OF[item]}`} className="inline-flex min-h-10 items-center rounded border border-slate-300 px-2 text-brand-700">{tCode(t, "seekers.items", item)}</Link></li>
              ))}
            </ul>
          </>
        ) : (
          <p className="mt-3 text-sm text-green-800">{t("seekers.completenessDone")}</p>
        )}
        <p className="mt-3">
          <Link to="/me/profile" className="inline-flex min-h-11 items-center rounded-md bg-brand-700 px-4 font-semibold text-white" data-testid="edit-profile">
            {t(profile ? "seekers.editProfile" : "seekers.createProfile")}
          </Link>
        </p>
      </section>

      {forYou ? (
        <RecommendationPreview items={forYou.items} />
      ) : (
        <section className={card}>
          <Link to="/me/recommendations" className="flex min-h-11 items-center text-lg font-semibold text-brand-700" data-testid="recommendations-link">{t("home.forYou")}</Link>
        </section>
      )}

      {profile ? (
        <section className={card} aria-labelledby="profile-title" data-testid="profile-summary">
          <h2 id="profile-title" className="mb-2 text-lg font-semibold">{t("seekers.profileTitle")}</h2>
          <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
            <dt className="text-slate-500">{t("seekers.name")}</dt><dd>{profile.name}</dd>
            {profile.phoneMasked ? <><dt className="text-slate-500">{t("seekers.phone")}</dt><dd data-testid="phone-masked">{profile.phoneMasked}</dd></> : null}
            {profile.idNumberMasked ? <><dt className="text-slate-500">{t("seekers.idNumber")}</dt><dd><span data-testid="id-masked">{profile.idNumberMasked}</span> <span className="text-slate-600" data-testid="id-verification">({t(profile.idVerified ? "seekers.idVerifiedShort" : "seekers.idUnverifiedShort")})</span></dd></> : null}
            {profile.birthDate ? <><dt className="text-slate-500">{t("seekers.birthDate")}</dt><dd>{profile.birthDate}</dd></> : null}
            {profile.sex ? <><dt className="text-slate-500">{t("seekers.sex")}</dt><dd>{tCode(t, "seekers.sexValue", profile.sex as "male" | "female")}</dd></> : null}
            {profile.currentPlace ? <><dt className="text-slate-500">{t("seekers.currentPlace")}</dt><dd>{profile.currentPlace}</dd></> : null}
            {profile.groups.length ? <><dt className="text-slate-500">{t("seekers.sections.groups")}</dt><dd>{profile.groups.map((g) => tCode(t, "groups", g)).join(t("list.separator"))}</dd></> : null}
            <dt className="text-slate-500">{t("seekers.consents")}</dt>
            <dd>
              {(["consentMatching", "consentSharing", "consentCandidate"] as const).map((key) => (
                <p key={key}>{t("seekers.consentLine", { label: tCode(t, "seekers", key), state: t(profile[key] ? "seekers.consentOn" : "seekers.consentOff") })}</p>
              ))}
            </dd>
          </dl>
        </section>
      ) : null}

      <section className={card}>
        <Link to="/notifications" className="flex min-h-11 items-center justify-between text-lg font-semibold text-brand-700" data-testid="notifications-link">
          <span>{t("seekers.notifications")}</span>
          {unread > 0 ? <span className="rounded-full bg-amber-400 px-2 text-sm text-slate-900">{t("seekers.unreadCount", { count: unread })}</span> : null}
        </Link>
      </section>

      <section className={card}>
        <Link to="/me/invitations" className="flex min-h-11 items-center justify-between text-lg font-semibold text-brand-700" data-testid="invitations-link">
          <span>{t("invitations.link")}</span>
          {invitations > 0 ? <span className="rounded-full bg-amber-400 px-2 text-sm text-slate-900" data-testid="invitations-count">{t("invitations.pending", { count: invitations })}</span> : null}
        </Link>
      </section>

      <section className={card}>
        <Link to="/me/alerts" className="flex min-h-11 items-center text-lg font-semibold text-brand-700" data-testid="alerts-link">🔔 {t("alerts.title")}</Link>
        <Link to="/returnees/me" className="flex min-h-11 items-center text-lg font-semibold text-brand-700" data-testid="returnee-link">{t("home.returneesLink")}</Link>
        <Link to="/me/training" className="flex min-h-11 items-center text-lg font-semibold text-brand-700" data-testid="training-link">{t("training.mine.title")}</Link>
        <Link to="/me/base-applications" className="flex min-h-11 items-center text-lg font-semibold text-brand-700" data-testid="base-applications-link">{t("bases.mine.title")}</Link>
      </section>

      <section className={card} aria-labelledby="applications-title">
        <h2 id="applications-title" className="mb-2 text-lg font-semibold">{t("seekers.myApplications")}</h2>
        {applications.length ? (
          <ul className="divide-y" data-testid="applications">
            {applications.map((a) => (
              <li key={a.id} className="py-2">
                <Link to={`/${a.posting.kind}/${a.posting.id}`} className="font-medium text-brand-700 underline">{a.posting.title}</Link>
                <div className="text-sm text-slate-600">
                  {a.posting.employer} · {t("seekers.appliedOn", { date: formatDate(a.createdAt, i18n.language) })} ·{" "}
                  <span className="font-medium text-slate-900" data-testid="application-status">{tCode(t, "seekers.applicationStatus", a.status, { defaultValue: a.status })}</span>
                </div>
              </li>
            ))}
          </ul>
        ) : (
          <p className="text-slate-700">
            {t("seekers.noApplications")} <Link to="/search" className="text-brand-700 underline">{t("seekers.findWork")}</Link>
          </p>
        )}
      </section>

      <section className={card} aria-labelledby="data-title">
        <h2 id="data-title" className="mb-2 text-lg font-semibold">{t("seekers.myData")}</h2>
        <p className="text-sm text-slate-600">{t("seekers.exportHint")}</p>
        <p className="mt-2 flex flex-wrap gap-3">
          <a href="/me/export" download className="inline-flex min-h-11 items-center rounded border border-slate-300 px-3" data-testid="export-link">{t("seekers.exportData")}</a>
          <Link to="/account" className="inline-flex min-h-11 items-center px-1 text-brand-700 underline">{t("auth.account")}</Link>
          <Link to="/me/delete" className="inline-flex min-h-11 items-center px-1 text-red-800 underline">{t("seekers.deleteAccount")}</Link>
        </p>
      </section>
    </div>
  );
}
