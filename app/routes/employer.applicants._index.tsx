import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useTranslation, tCode } from "~/i18n/translate.ts";
import { ApplicationStatusBadge } from "~/components/application-parts.tsx";
import { FieldError } from "~/components/form-messages.tsx";
import { listApplicants } from "~/modules/applications/applications.server.ts";
import { ACTIVE_STATUSES, APPLICATION_STATUSES, parseApplicantFilters } from "~/modules/applications/schemas.ts";
import { requirePermission } from "~/modules/auth/guards.server.ts";
import { EDUCATION_LEVELS, PROFILE_GROUPS } from "~/modules/seekers/profile-schema.ts";
import { formatDate } from "~/utils/format.ts";
import { httpError } from "~/utils/http.ts";
import { metaT, pageTitle } from "~/utils/meta.ts";
import type { I18nHandle } from "~/i18n/i18n.ts";

export const handle: I18nHandle = { i18n: ["opportunities", "applications", "seekers", "organizations", "postings"] };

export const meta: MetaFunction = ({ matches }) => {
  const t = metaT(matches);
  return [{ title: pageTitle(t, t("applications.employer.title")) }, { name: "robots", content: "noindex" }];
};

/** A GET form: a bad parameter is dropped and explained at its field; the others still apply. */
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "applicant.manage");
  const { filters, errors, typed } = parseApplicantFilters(new URL(request.url).searchParams);
  const list = await listApplicants(user.id, filters);
  if (!list) throw httpError(404); // a post of another organization
  return { ...list, errors, typed };
}

const control = "mt-1 block w-full rounded-md border border-slate-300 bg-white px-3 py-2.5 text-base aria-[invalid=true]:border-red-600";

function Select({ name, label, value, error, children }: { name: string; label: string; value: string; error?: string; children: React.ReactNode }) {
  const { t } = useTranslation();
  return (
    <div>
      <label htmlFor={`f-${name}`} className="block text-sm font-medium">{label}</label>
      <select id={`f-${name}`} name={name} defaultValue={value} className={control} aria-invalid={error ? true : undefined} aria-describedby={error ? `f-${name}-error` : undefined}>
        <option value="">{t("applications.employer.any")}</option>
        {children}
      </select>
      <FieldError id={`f-${name}-error`} errors={error ? [error] : undefined} />
    </div>
  );
}

export default function Applicants() {
  const { t, i18n } = useTranslation();
  const data = useLoaderData<typeof loader>();
  const { errors, typed } = data;
  const pageLink = (page: number) => {
    const params = new URLSearchParams(Object.entries(typed).filter(([k]) => k !== "page" && !errors[k]));
    params.set("page", String(page));
    return `/employer/applicants?${params}`;
  };
  const taken = ACTIVE_STATUSES.reduce((sum, s) => sum + (data.statusCounts[s] ?? 0), 0);
  return (
    <div className="mx-auto max-w-3xl space-y-4">
      <p className="text-sm"><Link to="/employer" className="text-brand-700 underline">← {t("applications.employer.backHome")}</Link></p>
      <h1 className="text-2xl font-bold">{data.posting ? `${t("applications.employer.title")} · ${data.posting.title}` : t("applications.employer.title")}</h1>
      <p className="text-slate-700">{t("applications.employer.lead")}</p>
      {data.posting?.kind === "gig" ? <p className="text-sm font-medium" data-testid="gig-places">{t("applications.employer.gigPlaces", { taken, headcount: data.posting.headcount })}</p> : null}

      <Form method="get" className="grid gap-3 rounded-lg bg-white p-4 shadow-sm sm:grid-cols-2" data-testid="filters">
        <Select name="posting" label={t("applications.employer.posting")} value={typed.posting ?? ""} error={errors.posting}>
          {data.postings.map((p) => <option key={p.id} value={p.id}>{t("applications.employer.postingOption", { title: p.title, count: p.applications })}</option>)}
        </Select>
        <div>
          <label htmlFor="f-q" className="block text-sm font-medium">{t("applications.employer.q")}</label>
          <input id="f-q" name="q" type="search" defaultValue={typed.q ?? ""} className={control} aria-invalid={errors.q ? true : undefined} aria-describedby={errors.q ? "f-q-error" : undefined} />
          <FieldError id="f-q-error" errors={errors.q ? [errors.q] : undefined} />
        </div>
        <Select name="status" label={t("applications.employer.status")} value={typed.status ?? ""} error={errors.status}>
          {APPLICATION_STATUSES.map((s) => <option key={s} value={s}>{`${tCode(t, "applications.employerStatus", s)} (${data.statusCounts[s] ?? 0})`}</option>)}
        </Select>
        <Select name="group" label={t("applications.employer.group")} value={typed.group ?? ""} error={errors.group}>
          {PROFILE_GROUPS.map((g) => <option key={g} value={g}>{tCode(t, "groups", g)}</option>)}
        </Select>
        <Select name="education" label={t("applications.employer.education")} value={typed.education ?? ""} error={errors.education}>
          {EDUCATION_LEVELS.filter((e) => e !== "any").map((e) => <option key={e} value={e}>{tCode(t, "education", e)}</option>)}
        </Select>
        <div className="flex items-end gap-3">
          <button type="submit" className="min-h-11 rounded-md bg-brand-700 px-4 font-semibold text-white">{t("applications.employer.filter")}</button>
          <Link to={data.posting ? `/employer/applicants?posting=${data.posting.id}` : "/employer/applicants"} className="inline-flex min-h-11 items-center text-brand-700 underline">{t("applications.employer.clear")}</Link>
        </div>
      </Form>

      {data.postings.length === 0 ? (
        <p className="rounded-lg bg-white p-4 shadow-sm">{t("applications.employer.noPostings")}</p>
      ) : (
        <>
          <p role="status" className="font-medium" data-testid="applicant-count">{t("applications.employer.results", { count: data.total })}</p>
          {data.rows.length ? (
            <ul className="divide-y rounded-lg bg-white shadow-sm" data-testid="applicants">
              {data.rows.map((r) => (
                <li key={r.id} className="p-3" data-testid="applicant">
                  <div className="flex flex-wrap items-start justify-between gap-2">
                    <Link to={`/employer/applicants/${r.id}`} className="text-lg font-semibold text-brand-700 underline" data-testid="applicant-name">{r.name}</Link>
                    <ApplicationStatusBadge status={r.status} side="employer" />
                  </div>
                  {!data.posting ? <p className="text-sm text-slate-700">{r.posting.title}</p> : null}
                  <p className="text-sm text-slate-600">
                    {[r.phoneMasked, r.education ? tCode(t, "education", r.education) : null, r.groups.map((g) => tCode(t, "groups", g)).join(t("list.separator")), t("applications.employer.appliedAt", { date: formatDate(r.createdAt, i18n.language) })]
                      .filter(Boolean)
                      .join(" · ")}
                  </p>
                  {r.shared ? (r.skills ? <p className="text-sm">{r.skills}</p> : null) : <p className="text-sm text-slate-500">{t("applications.employer.notShared")}</p>}
                </li>
              ))}
            </ul>
          ) : (
            <p className="rounded-lg bg-white p-4 shadow-sm">{t("applications.employer.empty")}</p>
          )}
          {data.pages > 1 ? (
            <nav className="flex items-center justify-between" aria-label={t("search.pages")}>
              {data.page > 1 ? <Link to={pageLink(data.page - 1)} className="inline-flex min-h-11 items-center text-brand-700 underline">{t("applications.employer.previous")}</Link> : <span />}
              <span>{t("applications.employer.pageOf", { page: data.page, pages: data.pages })}</span>
              {data.page < data.pages ? <Link to={pageLink(data.page + 1)} className="inline-flex min-h-11 items-center text-brand-700 underline">{t("applications.employer.next")}</Link> : <span />}
            </nav>
          ) : null}
        </>
      )}
    </div>
  );
}
