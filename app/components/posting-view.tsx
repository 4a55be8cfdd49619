import { useTranslation, tCode } from "~/i18n/translate.ts";
import { KindLabel } from "~/components/opportunity-card.tsx";
import type { PostingView as View } from "~/modules/postings/postings.server.ts";
import { formatDate, formatPay } from "~/utils/format.ts";

function Field({ label, children }: { label: string; children: React.ReactNode }) {
  if (children === null || children === undefined || children === "") return null;
  return (
    <div className="flex gap-3 border-b border-slate-100 py-2 last:border-b-0">
      <dt className="w-24 shrink-0 text-slate-500">{label}</dt>
      <dd className="min-w-0 flex-1 whitespace-pre-line break-words">{children}</dd>
    </div>
  );
}

/**
 * A post as the public page shows it (the same labels and order): the employer's preview before
 * submitting, and what staff read before deciding.
 */
export function PostingView({ view: p, headingLevel = 2 }: { view: View; headingLevel?: 1 | 2 }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const Title = headingLevel === 1 ? "h1" : "h2";
  const Sub = headingLevel === 1 ? "h2" : "h3";
  const age =
    p.ageMin !== null && p.ageMax !== null ? t("detail.ageRange", { min: p.ageMin, max: p.ageMax })
      : p.ageMin !== null ? t("postings.view.ageFrom", { min: p.ageMin })
        : p.ageMax !== null ? t("postings.view.ageTo", { max: p.ageMax })
          : null;
  return (
    <article data-testid="posting-view">
      <p className="flex items-center gap-2">
        <KindLabel kind={p.kind} />
        <span className="text-sm text-slate-600">{tCode(t, "kinds", p.kind)}</span>
      </p>
      <Title className="mt-1 text-2xl font-bold leading-snug" data-testid="posting-title">{p.title}</Title>
      <p className="mt-2 text-xl font-semibold text-orange-700">{formatPay(t, p.pay)}</p>
      <p className="mt-1">
        {p.organization.name} {p.organization.verified ? <span className="ml-1 whitespace-nowrap rounded bg-emerald-100 px-1 text-sm text-emerald-800">✓ {t("detail.verified")}</span> : null}
      </p>
      <dl className="mt-3 rounded-lg bg-white p-3 shadow-sm">
        <Field label={t("detail.place")}>{p.place}</Field>
        <Field label={t("detail.address")}>{p.address}</Field>
        {p.kind === "gig" ? (
          <>
            <Field label={t("detail.workDate")}>{formatDate(p.workDate, lang)}</Field>
            <Field label={t("detail.time")}>{p.startTime && p.endTime ? `${p.startTime}–${p.endTime}` : null}</Field>
          </>
        ) : null}
        {p.kind === "internship" ? (
          <>
            <Field label={t("detail.duration")}>{p.durationMonths ? t("detail.months", { count: p.durationMonths }) : null}</Field>
            <Field label={t("detail.majors")}>{p.eligibleMajors}</Field>
          </>
        ) : null}
        <Field label={t("detail.headcount")}>{t("detail.people", { count: p.headcount })}</Field>
        <Field label={t("search.industry")}>{p.industry}</Field>
        <Field label={t("detail.brand")}>{p.brand}</Field>
        {p.kind === "gig" ? null : (
          <>
            <Field label={t("detail.education")}>{tCode(t, "education", p.education)}</Field>
            <Field label={t("detail.experience")}>{p.experienceYears > 0 ? t("detail.experienceYears", { count: p.experienceYears }) : t("detail.noExperience")}</Field>
            <Field label={t("detail.age")}>{age}</Field>
            <Field label={t("detail.contract")}>{tCode(t, "contract", p.contractType)}</Field>
            <Field label={t("detail.benefits")}>{p.benefits.map((x) => tCode(t, "benefits", x)).join(t("list.separator"))}</Field>
            <Field label={t("detail.groups")}>{p.groups.map((g) => tCode(t, "groups", g)).join(t("list.separator"))}</Field>
          </>
        )}
        <Field label={t("detail.validUntil")}>{formatDate(p.validUntil, lang)}</Field>
        <Field label={t("detail.posted")}>{p.publishedAt ? formatDate(p.publishedAt, lang) : null}</Field>
      </dl>
      <Sub className="mt-4 text-lg font-semibold">{t("detail.content")}</Sub>
      <p className="mt-1 whitespace-pre-line break-words">{p.description}</p>
      {p.requirements ? (
        <>
          <Sub className="mt-4 text-lg font-semibold">{t("detail.requirements")}</Sub>
          <p className="mt-1 whitespace-pre-line break-words">{p.requirements}</p>
        </>
      ) : null}
      {p.skills ? <p className="mt-2 whitespace-pre-line break-words text-slate-700">{p.skills}</p> : null}
      <section className="mt-4 rounded-lg border border-brand-100 bg-brand-50 p-3">
        <Sub className="text-lg font-semibold">{t("detail.howToApply")}</Sub>
        {p.howToApply ? <p className="mt-1 whitespace-pre-line break-words">{p.howToApply}</p> : null}
        {p.contactPhone ? <p className="mt-1 font-semibold">{t("detail.contact")}: {p.contactPhone}</p> : null}
      </section>
      {p.organization.description ? (
        <section className="mt-4">
          <Sub className="text-lg font-semibold">{t("detail.employer")}</Sub>
          <p className="mt-1 whitespace-pre-line break-words text-slate-700">{p.organization.description}</p>
        </section>
      ) : null}
    </article>
  );
}
