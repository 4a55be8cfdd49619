import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { card, Pager, StaffNav } from "~/components/organization-parts.tsx";
import { getLanguage } from "~/i18n/language.server.ts";
import { requirePermission } from "~/modules/auth/guards.server.ts";
import { listPlacementsForStaff } from "~/modules/placements/placements.server.ts";
import { staffPlacementQuerySchema, type StaffPlacementQuery } from "~/modules/placements/schemas.ts";
import { formatDate } from "~/utils/format.ts";
import { metaT, pageTitle } from "~/utils/meta.ts";

export const meta: MetaFunction = ({ matches }) => {
  const t = metaT(matches);
  return [{ title: pageTitle(t, t("placements.title")) }, { name: "robots", content: "noindex" }];
};

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "placement.read");
  const query = staffPlacementQuerySchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  return { query, list: await listPlacementsForStaff(user, query, await getLanguage(request)) };
}

const BADGE: Record<string, string> = { pending: "bg-amber-100 text-amber-900", verified: "bg-emerald-100 text-emerald-900", rejected: "bg-rose-100 text-rose-900" };

export default function StaffPlacements() {
  const { t, i18n } = useTranslation();
  const { query, list } = useLoaderData<typeof loader>();
  const href = (changes: Partial<StaffPlacementQuery>) => {
    const next = { ...query, ...changes };
    const params = new URLSearchParams({ status: next.status, ...(next.page > 1 ? { page: String(next.page) } : {}) });
    return `/staff/placements?${params}`;
  };
  const tabs = [
    ["pending", t("placements.tabs.pending", { count: list.pendingTotal })],
    ["verified", t("placements.tabs.verified")],
    ["rejected", t("placements.tabs.rejected")],
    ["all", t("placements.tabs.all")],
  ] as const;
  return (
    <div className="mx-auto max-w-3xl">
      <StaffNav />
      <h1 className="mb-1 text-2xl font-bold">{t("placements.title")}</h1>
      <p className="mb-3 text-slate-600">{t("placements.lead")}</p>
      <div className="mb-4 flex flex-wrap gap-2">
        {tabs.map(([status, label]) => (
          <Link
            key={status}
            to={href({ status, page: 1 })}
            aria-current={query.status === status ? "page" : undefined}
            className={`inline-flex min-h-11 items-center rounded-full border px-4 ${query.status === status ? "border-brand-700 bg-brand-700 text-white" : "border-slate-300 bg-white"}`}
          >
            {label}
          </Link>
        ))}
      </div>
      {query.status !== "pending" ? <p className="mb-2 text-sm text-slate-600">{t("placements.total", { count: list.total })}</p> : null}
      {list.rows.length === 0 ? <p className={card}>{t(query.status === "pending" ? "placements.empty" : "placements.emptyOther")}</p> : null}
      <ul className="space-y-3" data-testid="placement-list">
        {list.rows.map((row) => (
          <li key={row.id} className={card} data-testid="placement" data-placement-id={row.id}>
            <div className="flex flex-wrap items-start justify-between gap-2">
              <h2 className="text-lg font-semibold">{row.personName}</h2>
              <span className={`inline-block whitespace-nowrap rounded px-2 py-0.5 text-sm font-semibold ${BADGE[row.status] ?? "bg-slate-100"}`} data-status={row.status}>
                {t(`placements.status.${row.status}`)}
              </span>
            </div>
            <dl className="mt-2 grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-sm">
              <dt className="text-slate-600">{t("placements.idNumber")}</dt>
              <dd data-testid="placement-id-number">{row.idNumberMasked ?? t("placements.noIdNumber")}</dd>
              <dt className="text-slate-600">{t("placements.employer")}</dt>
              <dd>{row.employerName}</dd>
              {row.posting ? (
                <>
                  <dt className="text-slate-600">{t("placements.posting")}</dt>
                  <dd><Link to={`/${row.posting.kind}/${row.posting.id}`} className="text-brand-700 underline">{row.posting.title}</Link></dd>
                </>
              ) : null}
              <dt className="text-slate-600">{t("placements.kind")}</dt>
              <dd>{t(`placements.kinds.${row.kind}`)}</dd>
              <dt className="text-slate-600">{t("placements.place")}</dt>
              <dd>{row.place}</dd>
              <dt className="text-slate-600">{t("placements.startDate")}</dt>
              <dd>{formatDate(row.startDate, i18n.language)}</dd>
              <dt className="text-slate-600">{t("placements.source")}</dt>
              <dd>{t(`placements.sources.${row.source}`)}</dd>
              <dt className="text-slate-600">{t("placements.recordedAt")}</dt>
              <dd>{formatDate(row.createdAt, i18n.language)}</dd>
            </dl>
          </li>
        ))}
      </ul>
      <Pager page={query.page} pages={list.pages} href={(page) => href({ page })} />
    </div>
  );
}
