import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation, tCode } from "~/i18n/translate.ts";
import { z } from "zod";
import { card, Pager } from "~/components/organization-parts.tsx";
import { KindLabel } from "~/components/opportunity-card.tsx";
import { PostingStatusBadge } from "~/components/posting-status.tsx";
import { requirePermission } from "~/modules/auth/guards.server.ts";
import { EMPLOYER_TABS, listEmployerPostings } from "~/modules/postings/postings.server.ts";
import { formatDate, formatPay } from "~/utils/format.ts";
import { metaT, pageTitle } from "~/utils/meta.ts";
import type { I18nHandle } from "~/i18n/i18n.ts";

export const handle: I18nHandle = { i18n: ["opportunities", "accounts", "seekers", "organizations", "postings", "registers", "targets", "exports"] };

export const meta: MetaFunction = ({ matches }) => {
  const t = metaT(matches);
  return [{ title: pageTitle(t, t("postings.list.title")) }, { name: "robots", content: "noindex" }];
};

const querySchema = z.object({
  status: z.enum(EMPLOYER_TABS).catch("all"),
  page: z.coerce.number().int().min(1).max(10_000).catch(1),
});

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "posting.manage");
  const query = querySchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  return { query, list: await listEmployerPostings(user.id, query.status, query.page) };
}

export default function EmployerPostings() {
  const { t, i18n } = useTranslation();
  const { query, list } = useLoaderData<typeof loader>();
  const href = (status: string, page = 1) => `/employer/postings?${new URLSearchParams({ status, ...(page > 1 ? { page: String(page) } : {}) })}`;
  return (
    <div className="mx-auto max-w-3xl">
      <p className="mb-2 text-sm"><Link to="/employer" className="text-brand-700 underline">{t("postings.backToEmployer")}</Link></p>
      <h1 className="mb-3 text-2xl font-bold">{t("postings.list.title")}</h1>
      {list.organization === null ? (
        <p className={`${card} mb-4`} data-testid="no-organization">
          {t("postings.errors.noOrganization")} <Link to="/employer/organization/new" className="text-brand-700 underline">{t("postings.list.register")}</Link>
        </p>
      ) : list.organization.status !== "verified" ? (
        <p className="mb-4 rounded border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900" role="note" data-testid="organization-unverified">{t("postings.list.organizationUnverified")}</p>
      ) : null}
      {list.organization ? (
        <div className="mb-4 grid grid-cols-3 gap-2" data-testid="new-posting">
          {(["job", "internship", "gig"] as const).map((kind) => (
            <Link key={kind} to={`/employer/postings/new?kind=${kind}`} className="flex min-h-12 items-center justify-center rounded-md bg-brand-700 px-2 text-center font-semibold text-white hover:bg-brand-800">
              + {tCode(t, "postings.new", kind)}
            </Link>
          ))}
        </div>
      ) : null}
      <nav aria-label={t("postings.list.byStatus")} className="-mx-3 mb-4 overflow-x-auto px-3 sm:mx-0 sm:px-0">
        <ul className="flex gap-2 whitespace-nowrap">
          {EMPLOYER_TABS.map((tab) => (
            <li key={tab}>
              <Link
                to={href(tab)}
                aria-current={query.status === tab ? "page" : undefined}
                data-testid={`tab-${tab}`}
                className={`inline-flex min-h-11 items-center rounded-full border px-3 ${query.status === tab ? "border-brand-700 bg-brand-700 text-white" : "border-slate-300 bg-white"}`}
              >
                {tCode(t, "postings.tabs", tab)} ({list.counts[tab]})
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      {list.rows.length === 0 ? <p className={card}>{t("postings.list.empty")}</p> : null}
      <ul className="space-y-3" data-testid="posting-list">
        {list.rows.map((row) => (
          <li key={row.id} className={card} data-testid="posting-row" data-id={row.id}>
            <div className="flex flex-wrap items-start justify-between gap-2">
              <Link to={`/employer/postings/${row.id}`} className="min-w-0 flex-1 text-lg font-semibold text-brand-700 underline">
                <KindLabel kind={row.kind} /> {row.title}
              </Link>
              <PostingStatusBadge status={row.status} />
            </div>
            <p className="mt-1 text-sm text-slate-700">
              {formatPay(t, row.pay)} · {t("detail.people", { count: row.headcount })} ·{" "}
              {row.workDate ? `${t("detail.workDate")} ${formatDate(row.workDate, i18n.language)}` : `${t("detail.validUntil")} ${formatDate(row.validUntil, i18n.language)}`}
            </p>
            {row.status === "rejected" && row.rejectionReason ? <p className="mt-1 text-sm text-red-800">{t("postings.rejectedBecause", { reason: row.rejectionReason })}</p> : null}
          </li>
        ))}
      </ul>
      <Pager page={query.page} pages={list.pages} href={(page) => href(query.status, page)} />
    </div>
  );
}
