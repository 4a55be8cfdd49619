import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { OpportunityCard } from "~/components/opportunity-card.tsx";
import { getLanguage } from "~/i18n/language.server.ts";
import { jsonLd, loadDetail } from "~/modules/opportunities/detail.server.ts";
import { formatDate, formatPay } from "~/utils/format.ts";
import { httpError } from "~/utils/http.ts";
import { OPPORTUNITY_KINDS } from "../../search/documents.ts";

const detailParams = z.object({ kind: z.enum(OPPORTUNITY_KINDS), id: z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER) });

export async function loader({ request, params }: LoaderFunctionArgs) {
  const parsed = detailParams.safeParse(params);
  if (!parsed.success) throw httpError(404);
  const detail = await loadDetail(parsed.data.kind, parsed.data.id, await getLanguage(request));
  if (!detail) throw httpError(404);
  return { detail, jsonLd: jsonLd(detail, request.url) };
}

export const meta: MetaFunction<typeof loader> = ({ data }) => {
  const d = data?.detail;
  const title = d?.posting?.title ?? d?.base?.name ?? d?.course?.title ?? "";
  return [{ title: `${title} | 安康就业创业服务网` }, ...(d?.open ? [] : [{ name: "robots", content: "noindex" }])];
};

function Field({ label, children }: { label: string; children: React.ReactNode }) {
  if (children === null || children === undefined || children === "") return null;
  return (
    <div className="flex gap-2 border-b border-slate-100 py-1.5 text-sm">
      <dt className="w-24 shrink-0 text-slate-500">{label}</dt>
      <dd className="min-w-0 flex-1 whitespace-pre-line">{children}</dd>
    </div>
  );
}

export default function DetailPage() {
  const { detail, jsonLd: ld } = useLoaderData<typeof loader>();
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const p = detail.posting;
  const b = detail.base;
  const c = detail.course;
  const title = p?.title ?? b?.name ?? c?.title ?? "";

  return (
    <article className="mx-auto max-w-3xl">
      <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: JSON.stringify(ld).replace(/</g, "\\u003c") }} />
      <p className="text-sm"><Link to="/search" className="text-brand-700 underline">← {t("detail.back")}</Link></p>
      <p className="mt-3 text-sm text-slate-500">{t(`kinds.${detail.kind}`)}</p>
      <h1 className="text-2xl font-bold" data-testid="detail-title">{title}</h1>
      {!detail.open ? <p role="status" className="mt-2 rounded border border-red-200 bg-red-50 p-2 text-sm text-red-800" data-testid="closed-notice">{t("detail.closed")}</p> : null}

      {p ? (
        <>
          <p className="mt-2 text-xl font-semibold text-orange-700">{formatPay(t, { min: p.payMin, max: p.payMax, period: p.payPeriod })}</p>
          <p className="mt-1 text-sm">
            {p.organization.name} {p.organization.verified ? <span className="ml-1 rounded bg-emerald-100 px-1 text-xs text-emerald-800">✓ {t("detail.verified")}</span> : null}
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
            <Field label={t("detail.education")}>{t(`education.${p.education}`)}</Field>
            <Field label={t("detail.experience")}>{p.experienceYears > 0 ? t("detail.experienceYears", { count: p.experienceYears }) : t("detail.noExperience")}</Field>
            <Field label={t("detail.age")}>{p.ageMin && p.ageMax ? t("detail.ageRange", { min: p.ageMin, max: p.ageMax }) : null}</Field>
            <Field label={t("detail.contract")}>{t(`contract.${p.contractType}`)}</Field>
            <Field label={t("detail.benefits")}>{p.benefits.map((x) => t(`benefits.${x}`)).join("、")}</Field>
            <Field label={t("detail.groups")}>{p.groups.map((g) => t(`groups.${g}`)).join("、")}</Field>
            <Field label={t("detail.validUntil")}>{formatDate(p.validUntil, lang)}</Field>
            <Field label={t("detail.posted")}>{formatDate(p.publishedAt, lang)}</Field>
          </dl>
          <h2 className="mt-4 font-semibold">{t("detail.content")}</h2>
          <p className="mt-1 whitespace-pre-line text-sm">{p.description}</p>
          <h2 className="mt-4 font-semibold">{t("detail.requirements")}</h2>
          <p className="mt-1 whitespace-pre-line text-sm">{p.requirements}</p>
          <section className="mt-4 rounded-lg border border-brand-100 bg-brand-50 p-3" data-testid="how-to-apply">
            <h2 className="font-semibold">{t("detail.howToApply")}</h2>
            <p className="mt-1 whitespace-pre-line text-sm">{p.howToApply}</p>
            {p.contactPhone ? <p className="mt-1 text-sm">{t("detail.contact")}: <a className="text-brand-700 underline" href={`tel:${p.contactPhone}`}>{p.contactPhone}</a></p> : null}
            <p className="mt-2 text-xs text-slate-500">{t("detail.applyHint")}</p>
          </section>
        </>
      ) : null}

      {b ? (
        <>
          <dl className="mt-3 rounded-lg bg-white p-3 shadow-sm">
            <Field label={t("detail.level")}>{t(`levels.${b.level}`)}</Field>
            <Field label={t("detail.place")}>{b.place}</Field>
            <Field label={t("detail.address")}>{b.address}</Field>
            <Field label={t("detail.places")}>{t("detail.placesOf", { free: b.freePlaces, total: b.totalPlaces })}</Field>
            <Field label={t("detail.services")}>{b.services.map((s) => t(`services.${s}`)).join("、")}</Field>
            <Field label={t("detail.rent")}>{b.rentTerms}</Field>
            <Field label={t("detail.support")}>{[b.supportLoans ? t("detail.loans") : "", b.supportSubsidy ? t("detail.subsidy") : ""].filter(Boolean).join("、")}</Field>
            <Field label={t("detail.groups")}>{b.groups.map((g) => t(`groups.${g}`)).join("、")}</Field>
          </dl>
          <p className="mt-3 whitespace-pre-line text-sm">{b.description}</p>
          <section className="mt-4 rounded-lg border border-brand-100 bg-brand-50 p-3" data-testid="how-to-apply">
            <h2 className="font-semibold">{t("detail.howToApply")}</h2>
            <p className="mt-1 text-sm">{b.address}</p>
            {b.contactPhone ? <p className="mt-1 text-sm">{t("detail.contact")}: <a className="text-brand-700 underline" href={`tel:${b.contactPhone}`}>{b.contactPhone}</a></p> : null}
          </section>
        </>
      ) : null}

      {c ? (
        <>
          <dl className="mt-3 rounded-lg bg-white p-3 shadow-sm">
            <Field label={t("detail.brand")}>{c.brandName}</Field>
            <Field label={t("detail.provider")}>{c.providerName}</Field>
            <Field label={t("detail.place")}>{c.place}</Field>
            <Field label={t("detail.address")}>{c.address}</Field>
            <Field label={t("detail.period")}>{`${formatDate(c.startDate, lang)} – ${formatDate(c.endDate, lang)}`}</Field>
            <Field label={t("detail.schedule")}>{c.schedule}</Field>
            <Field label={t("detail.hours")}>{c.hours}</Field>
            <Field label={t("detail.placesLeft")}>{`${c.placesLeft} / ${c.totalPlaces}`}</Field>
            <Field label={t("detail.cost")}>{`${c.cost} 元（${t("detail.subsidyAmount")} ${c.subsidy} 元）`}</Field>
            <Field label={t("detail.certificate")}>{c.certificate}</Field>
            <Field label={t("detail.leadsTo")}>{c.leadsTo}</Field>
            <Field label={t("detail.deadline")}>{formatDate(c.enrolDeadline, lang)}</Field>
            <Field label={t("detail.groups")}>{c.groups.map((g) => t(`groups.${g}`)).join("、")}</Field>
          </dl>
          <p className="mt-3 whitespace-pre-line text-sm">{c.description}</p>
        </>
      ) : null}

      {detail.related.length ? (
        <section className="mt-6">
          <h2 className="font-semibold">{t("detail.related")}</h2>
          <ol className="mt-2 space-y-2">
            {detail.related.map((card) => <OpportunityCard key={card.key} card={card} query="" />)}
          </ol>
        </section>
      ) : null}
    </article>
  );
}
