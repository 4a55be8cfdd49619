import { getFormProps, useForm, type SubmissionResult } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation, tCode } from "~/i18n/translate.ts";
import { z } from "zod";
import { FormError, useErrorText } from "~/components/form.tsx";
import { card, Pager, StaffNav, RefusedOutsideList } from "~/components/organization-parts.tsx";
import { PostingView } from "~/components/posting-view.tsx";
import { TextAreaField } from "~/components/profile-fields.tsx";
import { getLanguage } from "~/i18n/language.server.ts";
import { requirePermission } from "~/modules/auth/guards.server.ts";
import { findingMessage } from "~/modules/postings/content-check.ts";
import { moderatePosting, moderationQueue } from "~/modules/postings/postings.server.ts";
import { moderationSchema } from "~/modules/postings/schemas.ts";
import { formatDate } from "~/utils/format.ts";
import { httpError } from "~/utils/http.ts";
import { metaT, pageTitle } from "~/utils/meta.ts";
import type { I18nHandle } from "~/i18n/i18n.ts";

export const handle: I18nHandle = { i18n: ["opportunities", "accounts", "seekers", "organizations", "postings", "registers", "targets", "exports"] };

export const meta: MetaFunction = ({ matches }) => {
  const t = metaT(matches);
  return [{ title: pageTitle(t, t("staffPostings.title")) }, { name: "robots", content: "noindex" }];
};

const querySchema = z.object({ page: z.coerce.number().int().min(1).max(10_000).catch(1) });

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "posting.moderate");
  const query = querySchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  return { query, queue: await moderationQueue(user, query.page, await getLanguage(request)) };
}

type ActionData = { id: number | null; result: SubmissionResult<string[]>; done: { intent: "approve" | "reject"; title: string } | null };

const REFUSALS = {
  already_decided: "staffPostings.alreadyDecided",
  organization_not_verified: "staffPostings.organizationNotVerified",
  expired: "staffPostings.expired",
  content: "staffPostings.contentProblem",
} as const;

/** Approve or reject one post; outside the staff member's region it does not exist (404). */
export async function action({ request }: ActionFunctionArgs): Promise<ActionData> {
  const user = await requirePermission(request, "posting.moderate");
  const formData = await request.formData();
  const submission = parseWithZod(formData, { schema: moderationSchema });
  const id = Number(formData.get("id")) || null;
  if (submission.status !== "success") return { id, result: submission.reply(), done: null };
  const result = await moderatePosting(user, submission.value);
  if (!result.ok) {
    if (result.reason === "not_found") throw httpError(404);
    return { id, result: submission.reply({ formErrors: [REFUSALS[result.reason]] }), done: null };
  }
  return { id, result: submission.reply({ resetForm: true }), done: { intent: submission.value.intent, title: result.title } };
}

export default function StaffPostings() {
  const { t } = useTranslation();
  const { query, queue } = useLoaderData<typeof loader>();
  const acted = useActionData<typeof action>();
  return (
    <div className="mx-auto max-w-3xl">
      <StaffNav />
      <div className="mb-3 flex flex-wrap items-baseline justify-between gap-2">
        <h1 className="text-2xl font-bold">{t("staffPostings.title")}</h1>
        <Link to="/staff/outbox" className="text-sm text-brand-700 underline">{t("outbox.title")}</Link>
      </div>
      <p className="mb-3 text-slate-600" data-testid="queue-total">{t("staffPostings.total", { count: queue.total })}</p>
      <RefusedOutsideList acted={acted} shownIds={queue.rows.map((row) => row.view.id)} />
      {acted?.done ? (
        <p role="status" className="mb-3 rounded border border-emerald-300 bg-emerald-50 p-3 text-emerald-900" data-testid="decision-done">
          {t(acted.done.intent === "approve" ? "staffPostings.approvedOk" : "staffPostings.rejectedOk", { title: acted.done.title })}
        </p>
      ) : null}
      {queue.rows.length === 0 ? <p className={card}>{t("staffPostings.empty")}</p> : null}
      <ul className="space-y-4" data-testid="moderation-queue">
        {queue.rows.map((row) => <QueueRow key={row.view.id} row={row} acted={acted?.id === row.view.id ? acted : undefined} />)}
      </ul>
      <Pager page={query.page} pages={queue.pages} href={(page) => `/staff/postings?page=${page}`} />
    </div>
  );
}

type Row = Awaited<ReturnType<typeof loader>>["queue"]["rows"][number];

function QueueRow({ row, acted }: { row: Row; acted?: ActionData }) {
  const { t, i18n } = useTranslation();
  const errorText = useErrorText();
  const busy = useNavigation().state === "submitting";
  const [form, fields] = useForm({
    id: `reject-${row.view.id}`,
    lastResult: acted && !acted.done ? acted.result : undefined,
    constraint: getZodConstraint(moderationSchema),
    onValidate: ({ formData }) => parseWithZod(formData, { schema: moderationSchema }),
    shouldValidate: "onSubmit",
  });
  const canApprove = row.organization.status === "verified" && !row.expired && row.findings.length === 0;
  return (
    <li className={card} data-testid="queue-row" data-title={row.view.title}>
      <p className="mb-2 text-sm text-slate-600">
        {row.organization.name} · {row.organization.place}
        {row.submittedAt ? ` · ${t("staffPostings.submittedAt", { date: formatDate(row.submittedAt, i18n.language) })}` : ""}
        {row.resubmitted ? ` · ${t("staffPostings.resubmitted")}` : ""}
      </p>
      {row.organization.status !== "verified" ? <p className="mb-2 rounded border border-amber-300 bg-amber-50 p-2 text-sm text-amber-900" role="note">{t("staffPostings.organizationNotVerified")}</p> : null}
      {row.expired ? <p className="mb-2 rounded border border-amber-300 bg-amber-50 p-2 text-sm text-amber-900" role="note">{t("staffPostings.expired")}</p> : null}
      <div className="mb-2 rounded border p-2 text-sm" data-testid="content-check">
        {row.findings.length === 0 ? (
          <p className="text-emerald-800">✓ {t("staffPostings.checkPassed")}</p>
        ) : (
          <ul className="text-red-800">
            {row.findings.map((f) => <li key={f.field}>⚠ {tCode(t, "postings.fields", f.field)}: {errorText(findingMessage(f))}</li>)}
          </ul>
        )}
      </div>
      <details>
        <summary className="inline-flex min-h-11 cursor-pointer items-center text-brand-700 underline">{t("staffPostings.read", { title: row.view.title })}</summary>
        <div className="mt-2 rounded border border-dashed border-slate-300 p-3">
          <PostingView view={row.view} />
        </div>
      </details>
      <div className="mt-3 border-t pt-3">
        <FormError errors={form.errors} />
        {canApprove ? (
          <Form method="post" className="mb-3">
            <input type="hidden" name="intent" value="approve" />
            <input type="hidden" name="id" value={row.view.id} />
            <button type="submit" disabled={busy} className="min-h-11 w-full rounded-md bg-emerald-700 px-4 font-semibold text-white hover:bg-emerald-800 disabled:opacity-60 sm:w-auto" data-testid="approve">
              ✓ {t("staffPostings.approve")}
            </button>
          </Form>
        ) : null}
        <details open={Boolean(fields.reason.errors?.length)}>
          <summary className="inline-flex min-h-11 cursor-pointer items-center text-red-800 underline">{t("staffPostings.reject")}</summary>
          <Form method="post" {...getFormProps(form)} noValidate className="mt-2">
            <input type="hidden" name="intent" value="reject" />
            <input type="hidden" name="id" value={row.view.id} />
            <TextAreaField meta={fields.reason} label={t("staffPostings.reason")} hint={t("staffPostings.reasonHint")} rows={3} />
            <button type="submit" disabled={busy} className="min-h-11 rounded-md border border-red-700 bg-white px-4 font-semibold text-red-800 disabled:opacity-60" data-testid="reject">
              {t("staffPostings.reject")}
            </button>
          </Form>
        </details>
      </div>
    </li>
  );
}
