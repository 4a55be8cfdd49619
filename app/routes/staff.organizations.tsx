import { getFormProps, useForm, type SubmissionResult } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation, tCode } from "~/i18n/translate.ts";
import { z } from "zod";
import { FormError } from "~/components/form.tsx";
import { card, OrganizationFacts, Pager, StaffNav, StatusBadge, WarningNote, RefusedOutsideList } from "~/components/organization-parts.tsx";
import { TextAreaField } from "~/components/profile-fields.tsx";
import { getLanguage } from "~/i18n/language.server.ts";
import { requirePermission } from "~/modules/auth/guards.server.ts";
import { decideOrganization, listOrganizationsForStaff } from "~/modules/organizations/organizations.server.ts";
import { decisionSchema } from "~/modules/organizations/schemas.ts";
import { formatDate } from "~/utils/format.ts";
import { httpError } from "~/utils/http.ts";
import { metaT, pageTitle } from "~/utils/meta.ts";
import type { I18nHandle } from "~/i18n/i18n.ts";

export const handle: I18nHandle = { i18n: ["opportunities", "accounts", "seekers", "organizations", "postings", "registers", "targets", "exports"] };

export const meta: MetaFunction = ({ matches }) => {
  const t = metaT(matches);
  return [{ title: pageTitle(t, t("staffOrgs.title")) }, { name: "robots", content: "noindex" }];
};

const querySchema = z.object({
  tab: z.enum(["pending", "all", "unresponsive"]).catch("pending"),
  status: z.enum(["pending", "verified", "rejected"]).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(10_000).catch(1),
});

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "organization.verify");
  const query = querySchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  return { query, list: await listOrganizationsForStaff(user, query, await getLanguage(request)) };
}

type ActionData = { id: number | null; result: SubmissionResult<string[]>; done: { intent: "verify" | "reject"; name: string } | null };

/** Verify or reject one organization; outside the staff member's region it does not exist (404). */
export async function action({ request }: ActionFunctionArgs): Promise<ActionData> {
  const user = await requirePermission(request, "organization.verify");
  const formData = await request.formData();
  const submission = parseWithZod(formData, { schema: decisionSchema });
  const id = Number(formData.get("id")) || null;
  if (submission.status !== "success") return { id, result: submission.reply(), done: null };
  const result = await decideOrganization(user, submission.value);
  if (!result.ok && result.reason === "not_found") throw httpError(404);
  if (!result.ok) return { id, result: submission.reply({ formErrors: ["organizations.alreadyDecided"] }), done: null };
  return { id, result: submission.reply({ resetForm: true }), done: { intent: submission.value.intent, name: result.name } };
}

export default function StaffOrganizations() {
  const { t } = useTranslation();
  const { query, list } = useLoaderData<typeof loader>();
  const acted = useActionData<typeof action>();
  const href = (changes: Partial<typeof query>) => {
    const next = { ...query, ...changes };
    const params = new URLSearchParams({ tab: next.tab, ...(next.status ? { status: next.status } : {}), ...(next.page > 1 ? { page: String(next.page) } : {}) });
    return `/staff/organizations?${params}`;
  };
  const tab = (value: typeof query.tab, label: string) => (
    <Link
      to={href({ tab: value, status: undefined, page: 1 })}
      aria-current={query.tab === value ? "page" : undefined}
      className={`inline-flex min-h-11 items-center rounded-full border px-4 ${query.tab === value ? "border-brand-700 bg-brand-700 text-white" : "border-slate-300 bg-white"}`}
    >
      {label}
    </Link>
  );
  return (
    <div className="mx-auto max-w-3xl">
      <StaffNav />
      <h1 className="mb-3 text-2xl font-bold">{t("staffOrgs.title")}</h1>
      <RefusedOutsideList acted={acted} shownIds={list.rows.map((row) => row.id)} />
      {acted?.done ? (
        <p role="status" className="mb-3 rounded border border-emerald-300 bg-emerald-50 p-3 text-emerald-900" data-testid="decision-done">
          {t(acted.done.intent === "verify" ? "staffOrgs.verifiedOk" : "staffOrgs.rejectedOk", { name: acted.done.name })}
        </p>
      ) : null}
      <div className="mb-4 flex flex-wrap gap-2">
        {tab("pending", t("staffOrgs.tabPending", { count: list.pendingTotal }))}
        {tab("all", t("staffOrgs.tabAll"))}
        {tab("unresponsive", t("staffFollowUp.orgsTab", { count: list.unresponsiveTotal }))}
      </div>
      {query.tab === "all" ? (
        <Form method="get" className="mb-4 flex flex-wrap items-end gap-2">
          <input type="hidden" name="tab" value="all" />
          <label className="text-sm">
            <span className="block font-medium">{t("staffOrgs.status")}</span>
            <select name="status" defaultValue={query.status ?? ""} key={query.status ?? ""} className="mt-1 min-h-11 rounded border border-slate-300 bg-white px-2">
              <option value="">{t("staffOrgs.allStatuses")}</option>
              {(["pending", "verified", "rejected"] as const).map((s) => <option key={s} value={s}>{tCode(t, "organizations.status", s)}</option>)}
            </select>
          </label>
          <button type="submit" className="min-h-11 rounded border border-slate-300 bg-white px-3">{t("staffOrgs.filter")}</button>
          <span className="ml-auto text-sm text-slate-600">{t("staffOrgs.total", { count: list.total })}</span>
        </Form>
      ) : null}
      {query.tab === "unresponsive" ? <p className="mb-3 text-sm text-slate-700">{t("staffFollowUp.flaggedLead")} <Link to="/staff/follow-up" className="text-brand-700 underline">{t("staffFollowUp.orgsQueueLink")}</Link></p> : null}
      {list.rows.length === 0 ? <p className={card}>{t(query.tab === "pending" ? "staffOrgs.empty" : query.tab === "unresponsive" ? "staffFollowUp.orgsEmpty" : "staffOrgs.emptyAll")}</p> : null}
      <ul className="space-y-3" data-testid="organization-list">
        {list.rows.map((row) => (
          <OrganizationRow key={row.id} row={row} acted={acted?.id === row.id ? acted : undefined} />
        ))}
      </ul>
      <Pager page={query.page} pages={list.pages} href={(page) => href({ page })} />
    </div>
  );
}

type Row = Awaited<ReturnType<typeof loader>>["list"]["rows"][number];

function OrganizationRow({ row, acted }: { row: Row; acted?: ActionData }) {
  const { t, i18n } = useTranslation();
  const busy = useNavigation().state === "submitting";
  const [form, fields] = useForm({
    id: `reject-${row.id}`,
    lastResult: acted && !acted.done ? acted.result : undefined,
    constraint: getZodConstraint(decisionSchema),
    onValidate: ({ formData }) => parseWithZod(formData, { schema: decisionSchema }),
    shouldValidate: "onSubmit",
  });
  const extra: [string, string | null][] = [
    [t("staffOrgs.registeredBy"), row.registeredBy],
    [t("staffOrgs.registeredAt"), formatDate(row.createdAt, i18n.language)],
  ];
  return (
    <li className={card} data-testid="organization-row" data-name={row.name}>
      <div className="flex flex-wrap items-start justify-between gap-2">
        <h2 className="text-lg font-semibold">{row.name}</h2>
        <StatusBadge status={row.status} />
      </div>
      {row.creditCodeWarning ? <WarningNote>{t("organizations.creditCodeWarningStaff")}</WarningNote> : null}
      {row.responses.flagged ? (
        <p role="note" className="mt-2 rounded border border-amber-300 bg-amber-50 p-2 text-sm text-amber-900" data-testid="unresponsive-flag">
          ⚠ {t("staffFollowUp.orgsFlag", { counted: row.responses.counted, answered: row.responses.answered, escalations: row.responses.escalations })}{" "}
          <Link to="/staff/follow-up" className="text-brand-700 underline">{t("staffFollowUp.orgsQueueLink")}</Link>
        </p>
      ) : null}
      <OrganizationFacts org={row} extra={extra} />
      {row.status === "verified" && row.verifiedAt ? (
        <p className="mt-2 text-sm text-slate-600">{t("staffOrgs.verifiedBy", { name: row.verifiedBy ?? "—", date: formatDate(row.verifiedAt, i18n.language) })}</p>
      ) : null}
      {row.status === "rejected" && row.rejectionReason ? <p className="mt-2 text-sm text-red-800">{t("staffOrgs.rejectionReason", { reason: row.rejectionReason })}</p> : null}
      {row.status === "pending" ? (
        <div className="mt-3 border-t border-slate-200 pt-3">
          <FormError errors={form.errors} />
          <Form method="post" className="mb-3">
            <input type="hidden" name="intent" value="verify" />
            <input type="hidden" name="id" value={row.id} />
            <button type="submit" disabled={busy} className="min-h-11 w-full rounded-md bg-emerald-700 px-4 font-semibold text-white hover:bg-emerald-800 disabled:opacity-60 sm:w-auto">
              ✓ {t("staffOrgs.verify")}
            </button>
          </Form>
          <details open={Boolean(fields.reason.errors?.length)}>
            <summary className="inline-flex min-h-11 cursor-pointer items-center text-red-800 underline">{t("staffOrgs.reject")}</summary>
            <Form method="post" {...getFormProps(form)} noValidate className="mt-2">
              <input type="hidden" name="intent" value="reject" />
              <input type="hidden" name="id" value={row.id} />
                <TextAreaField meta={fields.reason} label={t("staffOrgs.reason")} hint={t("staffOrgs.reasonHint")} rows={3} />
              <button type="submit" disabled={busy} className="min-h-11 rounded-md border border-red-700 bg-white px-4 font-semibold text-red-800 disabled:opacity-60">
                {t("staffOrgs.reject")}
              </button>
            </Form>
          </details>
        </div>
      ) : null}
    </li>
  );
}
