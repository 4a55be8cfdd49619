import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation, tCode } from "~/i18n/translate.ts";
import { FieldError, FormError } from "~/components/form-messages.tsx";
import { card, Pager, StaffNav } from "~/components/organization-parts.tsx";
import { getLanguage } from "~/i18n/language.server.ts";
import { requirePermission } from "~/modules/auth/guards.server.ts";
import { CALL_OUTCOMES } from "~/modules/follow-up/codes.ts";
import { followUpQueue, recordCall } from "~/modules/follow-up/queue.server.ts";
import { formatDate } from "~/utils/format.ts";
import { httpError } from "~/utils/http.ts";
import { metaT, pageTitle } from "~/utils/meta.ts";
import type { I18nHandle } from "~/i18n/i18n.ts";

export const handle: I18nHandle = { i18n: ["opportunities", "accounts", "seekers", "organizations", "postings", "registers", "targets", "exports"] };

export const meta: MetaFunction = ({ matches }) => {
  const t = metaT(matches);
  return [{ title: pageTitle(t, t("staffFollowUp.title")) }, { name: "robots", content: "noindex" }];
};

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "followup.manage");
  return followUpQueue(user, new URL(request.url).searchParams, await getLanguage(request));
}

/** Record how a call to the employer went; a row outside the officer's region does not exist (404). */
export async function action({ request }: ActionFunctionArgs) {
  const user = await requirePermission(request, "followup.manage");
  const result = await recordCall(user, await request.formData());
  if (!result.ok && result.reason === "not_found") throw httpError(404);
  return result;
}

type Queue = Awaited<ReturnType<typeof loader>>;
type Reply = Awaited<ReturnType<typeof action>>;

export default function StaffFollowUp() {
  const { t } = useTranslation();
  const queue = useLoaderData<typeof loader>();
  const reply = useActionData<typeof action>();
  const shown = queue.rows.map((r) => r.id);
  return (
    <div className="mx-auto max-w-3xl">
      <StaffNav />
      <h1 className="mb-3 text-2xl font-bold">{t("staffFollowUp.title")}</h1>
      <p className="mb-4 text-slate-700">{t("staffFollowUp.lead", { days: queue.escalateDays })}</p>
      {reply?.ok ? (
        <p role="status" className="mb-4 rounded border border-emerald-300 bg-emerald-50 p-3 text-emerald-900" data-testid="call-saved">
          {tCode(t, "staffFollowUp.saved", reply.outcome, { name: reply.employer })}
        </p>
      ) : null}
      {reply && !reply.ok && reply.reason === "invalid" && !shown.includes(reply.id) ? <FormError errors={reply.errors[""]} /> : null}
      {queue.flagged.length ? <Flagged flagged={queue.flagged} /> : null}
      <p className="mb-2 text-sm text-slate-600">{t("staffFollowUp.total", { count: queue.total })}</p>
      {queue.rows.length === 0 ? <p className={card} data-testid="follow-up-empty">{t("staffFollowUp.empty")}</p> : null}
      <ul className="space-y-3" data-testid="follow-up-list">
        {queue.rows.map((row) => (
          <Row key={row.id} row={row} noteMax={queue.noteMax} reply={reply && !reply.ok && reply.reason === "invalid" && reply.id === row.id ? reply : undefined} />
        ))}
      </ul>
      <Pager page={queue.page} pages={queue.pages} href={(page) => `/staff/follow-up?page=${page}`} />
    </div>
  );
}

function Flagged({ flagged }: { flagged: Queue["flagged"] }) {
  const { t } = useTranslation();
  return (
    <section className="mb-4 rounded-lg border border-amber-300 bg-amber-50 p-3" aria-labelledby="flagged-title" data-testid="flagged-employers">
      <h2 id="flagged-title" className="font-semibold text-amber-900">{t("staffFollowUp.flaggedTitle", { count: flagged.length })}</h2>
      <p className="mb-2 text-sm text-amber-900">{t("staffFollowUp.flaggedLead")}</p>
      <ul className="space-y-1 text-sm">
        {flagged.map((o) => (
          <li key={o.id} data-testid="flagged-employer">
            <span className="font-medium">{o.name}</span> · {o.place}
            {o.contactPhone ? <> · <a className="text-brand-700 underline" href={`tel:${o.contactPhone}`}>{o.contactPhone}</a></> : null}
            <span className="block text-slate-700">{t("staffFollowUp.responses", { counted: o.counted, answered: o.answered, escalations: o.escalations })}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}

type Invalid = Extract<Reply, { reason: "invalid" }>;

function Row({ row, noteMax, reply }: { row: Queue["rows"][number]; noteMax: number; reply?: Invalid }) {
  const { t, i18n } = useTranslation();
  const busy = useNavigation().state === "submitting";
  const lang = i18n.language;
  const fields: [string, React.ReactNode][] = [
    [t("staffFollowUp.contact"), row.employer.contactName],
    [t("staffFollowUp.phone"), row.employer.contactPhone ? <a className="font-semibold text-brand-700 underline" href={`tel:${row.employer.contactPhone}`}>{row.employer.contactPhone}</a> : null],
    [t("staffFollowUp.postPhone"), row.post.contactPhone ? <a className="text-brand-700 underline" href={`tel:${row.post.contactPhone}`}>{row.post.contactPhone}</a> : null],
    [t("staffFollowUp.address"), row.employer.address],
    [t("staffFollowUp.post"), <><Link className="text-brand-700 underline" to={`/${row.post.kind}/${row.post.id}`}>{row.post.title}</Link>{row.post.open ? null : <span className="block text-amber-800">{t("staffFollowUp.postClosed")}</span>}</>],
    [t("staffFollowUp.applicant"), t("staffFollowUp.applicantValue", { name: row.applicant, id: row.applicationId })],
    [t("staffFollowUp.appliedAt"), formatDate(row.appliedAt, lang)],
    [t("staffFollowUp.waiting"), <span className="font-semibold text-red-800">{t("staffFollowUp.waitingDays", { days: row.waitingDays })}</span>],
    [t("staffFollowUp.status"), tCode(t, "staffFollowUp.statuses", row.status)],
    [t("staffFollowUp.reminded"), row.remindedAt ? formatDate(row.remindedAt, lang) : null],
  ];
  const errorId = (name: string) => `follow-up-${row.id}-${name}-error`;
  return (
    <li className={card} id={`follow-up-${row.id}`} data-testid="follow-up-row" data-employer={row.employer.name}>
      <h2 className="text-lg font-semibold">{row.employer.name}</h2>
      <p className="text-sm text-slate-600">{row.place}</p>
      {row.employer.flagged ? <p className="mt-1 rounded border border-amber-300 bg-amber-50 p-2 text-sm text-amber-900" data-testid="employer-flagged">{t("staffFollowUp.flagged")}</p> : null}
      <dl className="mt-3 grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
        {fields.filter(([, value]) => value).map(([label, value]) => (
          <div key={label} className="contents">
            <dt className="text-slate-600">{label}</dt>
            <dd className="break-words">{value}</dd>
          </div>
        ))}
      </dl>
      {row.employer.contactPhone || row.post.contactPhone ? null : <p className="mt-2 text-sm text-amber-800">{t("staffFollowUp.noPhone")}</p>}
      <p className="mt-2 text-sm text-slate-700">{t("staffFollowUp.responses", { counted: row.employer.counted, answered: row.employer.answered, escalations: row.employer.escalations })}</p>
      <p className="mt-1 text-sm text-slate-700" data-testid="call-history">
        {row.calls && row.lastOutcome
          ? t("staffFollowUp.calls", { count: row.calls, date: formatDate(row.lastCalledAt, lang, "shortDateTime"), name: row.lastCalledBy ?? "—", outcome: tCode(t, "staffFollowUp.outcomes", row.lastOutcome) })
          : t("staffFollowUp.noCalls")}
      </p>
      {row.lastNote ? <p className="text-sm text-slate-700">{t("staffFollowUp.lastNote", { note: row.lastNote })}</p> : null}
      <Form method="post" className="mt-3 border-t border-slate-200 pt-3" key={reply ? "again" : `${row.id}-${row.calls}`}>
        <FormError errors={reply?.errors[""]} />
        <input type="hidden" name="id" value={row.id} />
        <fieldset aria-describedby={reply?.errors.outcome ? errorId("outcome") : undefined}>
          <legend className="font-medium">{t("staffFollowUp.outcome")}</legend>
          {CALL_OUTCOMES.map((o) => (
            <label key={o} className="flex min-h-11 items-center gap-2">
              <input type="radio" name="outcome" value={o} defaultChecked={reply?.values.outcome === o} className="h-5 w-5" />
              {tCode(t, "staffFollowUp.outcomes", o)}
            </label>
          ))}
          <FieldError id={errorId("outcome")} errors={reply?.errors.outcome} />
        </fieldset>
        <label className="mt-2 block" htmlFor={`follow-up-${row.id}-note`}>
          <span className="block font-medium">{t("staffFollowUp.note")}</span>
          <span className="block text-sm text-slate-600">{t("staffFollowUp.noteHint", { max: noteMax })}</span>
        </label>
        <textarea
          id={`follow-up-${row.id}-note`}
          name="note"
          rows={2}
          defaultValue={reply?.values.note ?? ""}
          aria-invalid={reply?.errors.note ? true : undefined}
          aria-describedby={reply?.errors.note ? errorId("note") : undefined}
          className="mt-1 block w-full rounded border border-slate-300 px-2 py-2"
        />
        <FieldError id={errorId("note")} errors={reply?.errors.note} />
        <button type="submit" disabled={busy} className="mt-2 min-h-11 rounded-md bg-brand-700 px-4 font-semibold text-white disabled:opacity-60">{t("staffFollowUp.save")}</button>
      </Form>
    </li>
  );
}
