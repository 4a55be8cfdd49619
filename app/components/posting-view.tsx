import { useTranslation, tCode } from "~/i18n/translate.ts";
import { KindLabel } from "~/components/opportunity-card.tsx";
import type { ResponseFigures } from "~/modules/follow-up/figures.ts";
import type { AgeLimit, PostingView as View } from "~/modules/opportunities/posting-view.ts";
import type { TFunction } from "i18next";
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

/** "18–45 岁", "18 岁以上", "45 岁以下": one wording for a limit wherever a post is shown. */
export function ageText(t: TFunction, age: AgeLimit | null): string | null {
  if (!age) return null;
  if (age.min !== null && age.max !== null) return t("detail.ageRange", { min: age.min, max: age.max });
  return age.min !== null ? t("detail.ageFrom", { min: age.min }) : t("detail.ageTo", { max: age.max });
}

/** "这家单位回复了 92% 的申请，通常在 2 天内。": shown once the employer has had enough applications. */
export function responseText(t: TFunction, r: ResponseFigures): string {
  if (r.answered === 0) return t("responseRate.none", { count: r.applications });
  if (r.usualDays === null) return t("responseRate.rateOnly", { percent: r.answeredPercent });
  return r.usualDays === 1 ? t("responseRate.rateDay", { percent: r.answeredPercent }) : t("responseRate.rateDays", { percent: r.answeredPercent, days: r.usualDays });
}

/**
 * A post as a job seeker sees it, on its public page, in the employer's preview and in the staff
 * queue alike (one view model, modules/opportunities/posting-view.ts). `notice` goes under the
 * title (the public page's "closed"); `act` replaces the plain how-to-apply box (the public page's
 * apply button and call button, or nothing once closed).
 */
export function PostingView({ view: p, headingLevel = 2, notice, act }: { view: View; headingLevel?: 1 | 2; notice?: React.ReactNode; act?: React.ReactNode }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const Title = headingLevel === 1 ? "h1" : "h2";
  const Sub = headingLevel === 1 ? "h2" : "h3";
  const terms = p.terms;
  return (
    <article data-testid="posting-view">
      <p className="flex items-center gap-2">
        <KindLabel kind={p.kind} testId="detail-kind" />
        <span className="text-sm text-slate-600">{tCode(t, "kinds", p.kind)}</span>
      </p>
      <Title className="mt-1 text-2xl font-bold leading-snug" data-testid="detail-title">{p.title}</Title>
      {notice}
      <p className="mt-2 text-xl font-semibold text-orange-700">{formatPay(t, p.pay)}</p>
      <p className="mt-1">
        {p.organization.name} {p.organization.verified ? <span className="ml-1 whitespace-nowrap rounded bg-emerald-100 px-1 text-sm text-emerald-800">✓ {t("detail.verified")}</span> : null}
      </p>
      {p.organization.responses ? (
        <p className="mt-1 text-sm text-slate-700" data-testid="response-rate">
          {responseText(t, p.organization.responses)} <span className="text-slate-500">{t("responseRate.basis", { count: p.organization.responses.applications })}</span>
        </p>
      ) : null}
      <dl className="mt-3 rounded-lg bg-white p-3 shadow-sm">
        <Field label={t("detail.place")}>{p.place}</Field>
        <Field label={t("detail.address")}>{p.address}</Field>
        {p.gig ? (
          <>
            <Field label={t("detail.workDate")}>{formatDate(p.gig.workDate, lang)}</Field>
            <Field label={t("detail.time")}>{p.gig.startTime && p.gig.endTime ? `${p.gig.startTime}–${p.gig.endTime}` : null}</Field>
          </>
        ) : null}
        {p.internship ? (
          <>
            <Field label={t("detail.duration")}>{p.internship.durationMonths ? t("detail.months", { count: p.internship.durationMonths }) : null}</Field>
            <Field label={t("detail.majors")}>{p.internship.eligibleMajors}</Field>
          </>
        ) : null}
        <Field label={t("detail.headcount")}>{t("detail.people", { count: p.headcount })}</Field>
        <Field label={t("detail.occupation")}>{p.occupation}</Field>
        <Field label={t("search.industry")}>{p.industry}</Field>
        <Field label={t("detail.brand")}>{p.brand}</Field>
        {terms ? (
          <>
            <Field label={t("detail.education")}>{tCode(t, "education", terms.education)}</Field>
            <Field label={t("detail.experience")}>{terms.experienceYears > 0 ? t("detail.experienceYears", { count: terms.experienceYears }) : t("detail.noExperience")}</Field>
            <Field label={t("detail.age")}>{ageText(t, terms.age)}</Field>
            <Field label={t("detail.contract")}>{tCode(t, "contract", terms.contractType)}</Field>
            <Field label={t("detail.benefits")}>{terms.benefits.map((x) => tCode(t, "benefits", x)).join(t("list.separator"))}</Field>
            <Field label={t(terms.groupOnly ? "detail.groupOnly" : "detail.groups")}>{terms.groups.map((g) => tCode(t, "groups", g)).join(t("list.separator"))}</Field>
          </>
        ) : null}
        <Field label={t("detail.needs")}>{p.needs.join(t("list.separator"))}</Field>
        <Field label={t("detail.validUntil")}>{formatDate(p.validUntil, lang)}</Field>
        <Field label={t("detail.posted")}>{formatDate(p.publishedAt, lang)}</Field>
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
      {act === undefined ? (
        <section className="mt-4 rounded-lg border border-brand-100 bg-brand-50 p-3">
          <Sub className="text-lg font-semibold">{t("detail.howToApply")}</Sub>
          {p.howToApply ? <p className="mt-1 whitespace-pre-line break-words">{p.howToApply}</p> : null}
          {p.contactPhone ? <p className="mt-1 font-semibold">{t("detail.contact")}: {p.contactPhone}</p> : null}
        </section>
      ) : (
        act
      )}
      {p.organization.description ? (
        <section className="mt-4">
          <Sub className="text-lg font-semibold">{t("detail.employer")}</Sub>
          <p className="mt-1 whitespace-pre-line break-words text-slate-700">{p.organization.description}</p>
        </section>
      ) : null}
    </article>
  );
}
