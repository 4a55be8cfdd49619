import { getFormProps, useForm, type SubmissionResult } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation, tCode } from "~/i18n/translate.ts";
import { ExportLinks, withQuery } from "~/components/export-links.tsx";
import { FormError } from "~/components/form.tsx";
import { card, Pager, StaffNav } from "~/components/organization-parts.tsx";
import { TextAreaField } from "~/components/profile-fields.tsx";
import { getLanguage } from "~/i18n/language.server.ts";
import { requirePermission } from "~/modules/auth/guards.server.ts";
import { decidePlacement, listPlacementsForStaff } from "~/modules/placements/placements.server.ts";
import { PLACEMENT_KINDS, placementDecisionSchema, staffPlacementQuerySchema, type StaffPlacementQuery } from "~/modules/placements/schemas.ts";
import { formatDate } from "~/utils/format.ts";
import { httpError } from "~/utils/http.ts";
import { metaT, pageTitle } from "~/utils/meta.ts";
import type { I18nHandle } from "~/i18n/i18n.ts";

export const handle: I18nHandle = { i18n: ["opportunities", "accounts", "seekers", "organizations", "postings", "placements", "registers", "targets", "exports"] };

export const meta: MetaFunction = ({ matches }) => {
  const t = metaT(matches);
  return [{ title: pageTitle(t, t("placements.title")) }, { name: "robots", content: "noindex" }];
};

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "placement.read");
  const query = staffPlacementQuerySchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  return { query, list: await listPlacementsForStaff(user, query, await getLanguage(request)) };
}

type ActionData = {
  id: number | null;
  result: SubmissionResult<string[]>;
  done: { intent: "verify" | "reject"; name: string } | null;
  /** A colleague decided first: what the record is now. */
  taken?: { name: string; status: string };
};

/** Verify (optionally correcting the kind) or reject one placement; outside the region it does not exist. */
export async function action({ request }: ActionFunctionArgs): Promise<ActionData> {
  const user = await requirePermission(request, "placement.verify");
  const formData = await request.formData();
  const submission = parseWithZod(formData, { schema: placementDecisionSchema });
  const id = Number(formData.get("id")) || null;
  if (submission.status !== "success") return { id, result: submission.reply(), done: null };
  const result = await decidePlacement(user, submission.value);
  if (!result.ok && result.reason === "not_found") throw httpError(404);
  if (!result.ok) return { id, result: submission.reply(), done: null, taken: { name: result.personName, status: result.status } };
  return { id, result: submission.reply({ resetForm: true }), done: { intent: submission.value.intent, name: result.personName } };
}

const BADGE: Record<string, string> = { pending: "bg-amber-100 text-amber-900", verified: "bg-emerald-100 text-emerald-900", rejected: "bg-rose-100 text-rose-900" };

export default function StaffPlacements() {
  const { t } = useTranslation();
  const { query, list } = useLoaderData<typeof loader>();
  const acted = useActionData<typeof action>();
  const href = (changes: Partial<StaffPlacementQuery>) => {
    const next = { ...query, ...changes };
    const params = new URLSearchParams({ status: next.status, ...(next.q ? { q: next.q } : {}), ...(next.page > 1 ? { page: String(next.page) } : {}) });
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
      <p className="mb-3 flex flex-wrap gap-x-4">
        <Link to="/staff/placements/new" className="inline-flex min-h-11 items-center font-semibold text-brand-700 underline">{t("placementEntry.newLink")}</Link>
        <Link to="/staff/placements/import" className="inline-flex min-h-11 items-center font-semibold text-brand-700 underline">{t("placementEntry.importLink")}</Link>
      </p>
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
      <Form method="get" className="mb-3 flex flex-wrap items-end gap-2" role="search">
        <input type="hidden" name="status" value={query.status} />
        <label className="grow text-sm">
          <span className="block font-medium">{t("placements.search")}</span>
          <input type="search" name="q" defaultValue={query.q ?? ""} key={query.q ?? ""} maxLength={40} placeholder={t("placements.searchHint")} className="mt-1 min-h-11 w-full rounded border border-slate-300 px-2" />
        </label>
        <button type="submit" className="min-h-11 rounded border border-slate-300 bg-white px-3">{t("placements.searchButton")}</button>
      </Form>
      {acted?.taken ? (
        <p role="alert" className="mb-3 rounded border border-amber-400 bg-amber-50 p-3 text-amber-950" data-testid="decision-refused">
          {t("placements.errors.alreadyDecidedBy", { name: acted.taken.name, status: tCode(t, "placements.status", acted.taken.status as "pending") })}
        </p>
      ) : null}
      {acted?.done ? (
        <p role="status" className="mb-3 rounded border border-emerald-300 bg-emerald-50 p-3 text-emerald-900" data-testid="decision-done">
          {t(acted.done.intent === "verify" ? "placements.verifiedOk" : "placements.rejectedOk", { name: acted.done.name })}
        </p>
      ) : null}
      {query.status !== "pending" ? <p className="mb-2 text-sm text-slate-600">{t("placements.total", { count: list.total })}</p> : null}
      {list.total > 0 ? <ExportLinks href={withQuery("/staff/placements/export", { status: query.status, q: query.q })} what={t("exports.files.placements")} className="mb-2" /> : null}
      {list.rows.length === 0 ? <p className={card}>{t(query.status === "pending" ? "placements.empty" : "placements.emptyOther")}</p> : null}
      <ul className="space-y-3" data-testid="placement-list">
        {list.rows.map((row) => <PlacementRow key={row.id} row={row} acted={acted?.id === row.id ? acted : undefined} />)}
      </ul>
      <Pager page={query.page} pages={list.pages} href={(page) => href({ page })} />
    </div>
  );
}

type Row = Awaited<ReturnType<typeof loader>>["list"]["rows"][number];

function PlacementRow({ row, acted }: { row: Row; acted?: ActionData }) {
  const { t, i18n } = useTranslation();
  const busy = useNavigation().state === "submitting";
  const [form, fields] = useForm({
    id: `placement-${row.id}`,
    lastResult: acted && !acted.done ? acted.result : undefined,
    constraint: getZodConstraint(placementDecisionSchema),
    onValidate: ({ formData }) => parseWithZod(formData, { schema: placementDecisionSchema }),
    shouldValidate: "onSubmit",
  });
  return (
    <li className={card} data-testid="placement" data-placement-id={row.id}>
      <div className="flex flex-wrap items-start justify-between gap-2">
        <h2 className="text-lg font-semibold">{row.personName}</h2>
        <span className={`inline-block whitespace-nowrap rounded px-2 py-0.5 text-sm font-semibold ${BADGE[row.status] ?? "bg-slate-100"}`} data-status={row.status}>
          {tCode(t, "placements.status", row.status)}
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
        <dd>{tCode(t, "placements.kinds", row.kind)}</dd>
        <dt className="text-slate-600">{t("placements.place")}</dt>
        <dd>{row.place}</dd>
        <dt className="text-slate-600">{t("placements.startDate")}</dt>
        <dd>{formatDate(row.startDate, i18n.language)}</dd>
        <dt className="text-slate-600">{t("placements.source")}</dt>
        <dd>{tCode(t, "placements.sources", row.source)}</dd>
        <dt className="text-slate-600">{t("placements.recordedAt")}</dt>
        <dd>{formatDate(row.createdAt, i18n.language)}</dd>
      </dl>
      {row.status === "rejected" && row.rejectionReason ? <p className="mt-2 text-sm text-red-800">{t("placements.rejectionReason", { reason: row.rejectionReason })}</p> : null}
      <div className="mt-3 border-t border-slate-200 pt-3">
        <FormError errors={form.errors} />
        {row.status !== "verified" ? (
          <Form method="post" className="mb-3 flex flex-wrap items-end gap-2">
            <input type="hidden" name="intent" value="verify" />
            <input type="hidden" name="id" value={row.id} />
            <input type="hidden" name="from" value={row.status} />
            <label className="text-sm">
              <span className="block font-medium">{t("placements.kind")}</span>
              <select name="kind" defaultValue={row.kind} className="mt-1 min-h-11 max-w-full rounded border border-slate-300 bg-white px-2">
                {PLACEMENT_KINDS.map((k) => <option key={k} value={k}>{tCode(t, "placements.kinds", k)}</option>)}
              </select>
            </label>
            <button type="submit" disabled={busy} className="min-h-11 rounded-md bg-emerald-700 px-4 font-semibold text-white hover:bg-emerald-800 disabled:opacity-60" data-testid="verify">
              ✓ {t(row.status === "pending" ? "placements.verify" : "placements.correctVerify")}
            </button>
          </Form>
        ) : null}
        {row.status !== "rejected" ? (
          <details open={Boolean(fields.reason.errors?.length)}>
            <summary className="inline-flex min-h-11 cursor-pointer items-center text-red-800 underline">{t(row.status === "pending" ? "placements.reject" : "placements.correctReject")}</summary>
            <Form method="post" {...getFormProps(form)} noValidate className="mt-2">
              <input type="hidden" name="intent" value="reject" />
              <input type="hidden" name="id" value={row.id} />
              <input type="hidden" name="from" value={row.status} />
              <TextAreaField meta={fields.reason} label={t("placements.reason")} rows={3} />
              <button type="submit" disabled={busy} className="min-h-11 rounded-md border border-red-700 bg-white px-4 font-semibold text-red-800 disabled:opacity-60" data-testid="reject">
                {t(row.status === "pending" ? "placements.reject" : "placements.correctReject")}
              </button>
            </Form>
          </details>
        ) : null}
      </div>
    </li>
  );
}
