import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData, useLocation, useNavigate } from "@remix-run/react";
import { useEffect, useState } from "react";
import { useTranslation, tCode } from "~/i18n/translate.ts";
import { KindLabel, OpportunityCard } from "~/components/opportunity-card.tsx";
import { PostingView } from "~/components/posting-view.tsx";
import { PolicyHints } from "~/components/policy-hints.tsx";
import { getLanguage } from "~/i18n/language.server.ts";
import { jsonLd, loadDetail } from "~/modules/opportunities/detail.server.ts";
import { courseResults } from "~/modules/training/brands.server.ts";
import { TrainingRates } from "~/components/training-rates.tsx";
import { listAdmitted } from "~/modules/bases/founder.server.ts";
import { AdmittedBusinesses } from "~/components/base-application-parts.tsx";
import { formatDate } from "~/utils/format.ts";
import { httpError } from "~/utils/http.ts";
import { metaT, pageTitle } from "~/utils/meta.ts";
import { opportunityRef } from "~/utils/route-params.server.ts";
import type { I18nHandle } from "~/i18n/i18n.ts";

export const handle: I18nHandle = { i18n: ["opportunities", "applications", "bases", "training"] };

export async function loader({ request, params }: LoaderFunctionArgs) {
  const parsed = opportunityRef.safeParse(params);
  if (!parsed.success) throw httpError(404);
  const lang = await getLanguage(request);
  const detail = await loadDetail(parsed.data.kind, parsed.data.id, lang);
  if (!detail) throw httpError(404);
  // A course shows how its learners fared, and its provider's over all of its courses.
  const results = detail.course ? await courseResults(parsed.data.id, new Date()) : null;
  // A base's page lists the businesses it admitted and takes applications for a place.
  const admitted = detail.base ? await listAdmitted(detail.base.id, lang) : null;
  return { detail, admitted, jsonLd: jsonLd(detail, request.url), results };
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => {
  const t = metaT(matches);
  const d = data?.detail;
  if (!d) return [{ title: pageTitle(t, t("errors.title404")) }];
  const title = d.view?.title ?? d.base?.name ?? d.course?.title ?? "";
  return [{ title: pageTitle(t, t("detail.metaTitle", { title, kind: tCode(t, "kinds", d.kind) })) }, ...(d.open ? [] : [{ name: "robots", content: "noindex" }])];
};

function Field({ label, children }: { label: string; children: React.ReactNode }) {
  if (children === null || children === undefined || children === "") return null;
  return (
    <div className="flex gap-3 border-b border-slate-100 py-2 last:border-b-0">
      <dt className="w-24 shrink-0 text-slate-500">{label}</dt>
      <dd className="min-w-0 flex-1 whitespace-pre-line">{children}</dd>
    </div>
  );
}

/** The box that says how to act: the steps, the address and a phone button big enough to tap. */
function ActBox({ title, text, address, phone, hint }: { title: string; text?: string; address?: string; phone?: string | null; hint?: string }) {
  const { t } = useTranslation();
  return (
    <section className="mt-4 rounded-lg border border-brand-100 bg-brand-50 p-3" data-testid="how-to-apply">
      <h2 className="text-lg font-semibold">{title}</h2>
      {text ? <p className="mt-1 whitespace-pre-line">{text}</p> : null}
      {address ? <p className="mt-1">{t("detail.address")}: {address}</p> : null}
      {phone ? (
        <a className="mt-3 flex min-h-12 items-center justify-center rounded bg-brand-600 px-4 text-lg font-semibold text-white" href={`tel:${phone}`} data-testid="call">
          {t("detail.call", { phone })}
        </a>
      ) : null}
      {hint ? <p className="mt-2 text-sm text-slate-600">{hint}</p> : null}
    </section>
  );
}

/** Back to the very results the person came from when they came from a search, else to search. */
function BackLink() {
  const { t } = useTranslation();
  const location = useLocation();
  const navigate = useNavigate();
  // Read after hydration: the server never sees history state.
  const [fromSearch, setFromSearch] = useState(false);
  useEffect(() => {
    const from = (location.state as { from?: unknown } | null)?.from;
    setFromSearch(typeof from === "string" && from.startsWith("/search"));
  }, [location.state]);
  return (
    <Link
      to="/search"
      className="inline-flex min-h-10 items-center text-brand-700 underline"
      onClick={(event) => {
        if (!fromSearch) return;
        event.preventDefault();
        navigate(-1);
      }}
    >
      ← {t(fromSearch ? "detail.backToResults" : "detail.back")}
    </Link>
  );
}

export default function DetailPage() {
  const { detail, admitted, jsonLd: ld, results } = useLoaderData<typeof loader>();
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const p = detail.view;
  const b = detail.base;
  const c = detail.course;
  const title = b?.name ?? c?.title ?? "";
  const closedNotice = detail.open ? null : <p role="status" className="mt-3 rounded border border-red-300 bg-red-50 p-3 font-semibold text-red-800" data-testid="closed-notice">{t("detail.closed")}</p>;

  return (
    <article className="mx-auto max-w-3xl">
      <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: JSON.stringify(ld).replace(/</g, "\\u003c") }} />
      <BackLink />
      {p ? null : (
        <>
          <p className="mt-2 flex items-center gap-2">
            <KindLabel kind={detail.kind} testId="detail-kind" />
            <span className="text-sm text-slate-600">{tCode(t, "kinds", detail.kind)}</span>
          </p>
          <h1 className="mt-1 text-2xl font-bold leading-snug" data-testid="detail-title">{title}</h1>
          {closedNotice}
        </>
      )}

      {p ? (
        <PostingView
          view={p}
          headingLevel={1}
          notice={closedNotice}
          act={
            detail.open ? (
              <>
                <Link to={`/apply/${p.id}`} className="mt-4 flex min-h-12 items-center justify-center rounded bg-orange-700 px-4 text-lg font-semibold text-white hover:bg-orange-800" data-testid="apply">{t("applications.apply")}</Link>
                <ActBox title={t("detail.howToApply")} text={p.howToApply} phone={p.contactPhone} hint={t("applications.applyHint")} />
              </>
            ) : null
          }
        />
      ) : null}

      {b ? (
        <>
          <dl className="mt-3 rounded-lg bg-white p-3 shadow-sm">
            <Field label={t("detail.level")}>{tCode(t, "levels", b.level)}</Field>
            <Field label={t("detail.operator")}>{b.organizationName}</Field>
            <Field label={t("detail.location")}>{b.place}</Field>
            <Field label={t("detail.address")}>{b.address}</Field>
            <Field label={t("detail.places")}>{t("detail.placesOf", { free: b.freePlaces, total: b.totalPlaces })}</Field>
            <Field label={t("detail.services")}>{b.services.map((s) => tCode(t, "services", s)).join(t("list.separator"))}</Field>
            <Field label={t("detail.rent")}>{b.rentTerms}</Field>
            <Field label={t("detail.support")}>{[b.supportLoans ? t("detail.loans") : "", b.supportSubsidy ? t("detail.subsidy") : ""].filter(Boolean).join(t("list.separator"))}</Field>
            <Field label={t("detail.groups")}>{b.groups.map((g) => tCode(t, "groups", g)).join(t("list.separator"))}</Field>
          </dl>
          <p className="mt-3 whitespace-pre-line">{b.description}</p>
          {detail.open && b.organizationName ? (
            <Link to={`/bases/${b.id}/apply`} className="mt-4 flex min-h-12 items-center justify-center rounded bg-orange-700 px-4 text-lg font-semibold text-white hover:bg-orange-800" data-testid="apply-base">{t("bases.applyLink")}</Link>
          ) : null}
          {detail.open ? <ActBox title={t("detail.howToJoin")} text={t("detail.joinHint")} address={b.address} phone={b.contactPhone} /> : null}
          {admitted ? <AdmittedBusinesses admitted={admitted} /> : null}
        </>
      ) : null}

      {c ? (
        <>
          <dl className="mt-3 rounded-lg bg-white p-3 shadow-sm">
            <Field label={t("detail.brand")}>{c.brandName}</Field>
            <Field label={t("detail.provider")}>{c.providerName}</Field>
            <Field label={t("detail.venue")}>{c.place}</Field>
            <Field label={t("detail.address")}>{c.address}</Field>
            <Field label={t("detail.period")}>{`${formatDate(c.startDate, lang)} – ${formatDate(c.endDate, lang)}`}</Field>
            <Field label={t("detail.schedule")}>{c.schedule}</Field>
            <Field label={t("detail.hours")}>{c.hours}</Field>
            <Field label={t("detail.placesLeft")}>{`${c.placesLeft} / ${c.totalPlaces}`}</Field>
            <Field label={t("detail.cost")}>{t("detail.costValue", { cost: c.cost, subsidy: c.subsidy })}</Field>
            <Field label={t("detail.youPay")}>
              <span className="font-semibold text-orange-700">{c.cost - c.subsidy > 0 ? t("detail.yuan", { amount: c.cost - c.subsidy }) : t("detail.free")}</span>
            </Field>
            <Field label={t("detail.certificate")}>{c.certificate}</Field>
            <Field label={t("detail.leadsTo")}>{c.leadsTo}</Field>
            <Field label={t("detail.deadline")}>{formatDate(c.enrolDeadline, lang)}</Field>
            <Field label={t("detail.groups")}>{c.groups.map((g) => tCode(t, "groups", g)).join(t("list.separator"))}</Field>
          </dl>
          <p className="mt-3 whitespace-pre-line">{c.description}</p>
          {detail.open ? <Link to={`/training/${c.id}/enrol`} className="mt-4 flex min-h-12 items-center justify-center rounded bg-orange-700 px-4 text-lg font-semibold text-white hover:bg-orange-800" data-testid="enrol">{t("training.enrol.button")}</Link> : null}
          {results ? (
            <section className="mt-4 rounded-lg bg-white p-3 shadow-sm" data-testid="course-results">
              <h2 className="font-semibold">{t("training.course.rates")}</h2>
              <TrainingRates rates={results.course} testId="course-rates" />
              <h3 className="mt-2 text-sm font-semibold">{t("training.course.providerRates", { name: results.providerName })}</h3>
              <TrainingRates rates={results.provider} testId="provider-rates" />
            </section>
          ) : null}
          {c.brandCode && c.brandName ? <p className="mt-3"><Link to={`/brands/${c.brandCode}`} className="text-brand-700 underline" data-testid="brand-link">{t("training.course.brandPage", { name: c.brandName })}</Link></p> : null}
          {detail.open ? <ActBox title={t("detail.howToEnrol")} text={t("detail.enrolHint")} address={c.address} phone={c.providerPhone} /> : null}
        </>
      ) : null}

      <PolicyHints links={detail.policies} mode="canApply" />
      {detail.related.length ? (
        <section className="mt-6">
          <h2 className="text-lg font-semibold">{t("detail.related")}</h2>
          <ol className="mt-2 space-y-3">
            {detail.related.map((card) => <OpportunityCard key={card.key} card={card} query="" />)}
          </ol>
        </section>
      ) : null}
    </article>
  );
}
