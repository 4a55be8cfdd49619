import { Form } from "@remix-run/react";
import type { TFunction } from "i18next";
import { useTranslation, tCode, tKey } from "~/i18n/translate.ts";
import { FieldError, FormError } from "~/components/form-messages.tsx";
import type { CandidatesPage, CandidateView } from "~/modules/matching/candidates.server.ts";

/** What the action answered for one candidate's form (conform's reply shape). */
export interface InviteReply {
  initialValue?: Record<string, unknown> | null;
  error?: Record<string, string[] | null> | null;
}

type ReasonWords = { key: string; params: Record<string, string | number> };

/** A reason in words; a group is a code, named here. `area` is candidates (employer) or invitations (seeker). */
export function reasonText(t: TFunction, area: "candidates" | "invitations", reason: ReasonWords): string {
  const params = reason.key === "groupFor" ? { ...reason.params, group: tCode(t, "groups", String(reason.params.group)) } : reason.params;
  return tKey(t, `${area}.reasons.${reason.key}`, params);
}

function Candidate({ c, reply, busy }: { c: CandidateView; reply: InviteReply | null; busy: boolean }) {
  const { t, i18n } = useTranslation();
  // The token is sealed afresh on every load: the code (stable for the post) says which form answered.
  const mine = reply?.initialValue?.code === c.code ? reply : null;
  const sep = t("list.separator");
  const row = "grid grid-cols-[6rem_1fr] gap-x-3 text-sm";
  const named = (list: { name: string; matched: boolean }[]) =>
    list.map((x, i) => (
      <span key={i}>
        {i ? sep : ""}
        {x.matched ? <strong className="text-emerald-800">{x.name}（{t("candidates.required")}）</strong> : x.name}
      </span>
    ));
  return (
    <li className="rounded-lg border border-slate-200 p-3" data-testid="candidate" id={`candidate-${c.code}`}>
      <p className="font-semibold">{t("candidates.code", { code: c.code })}</p>
      <dl className="mt-2 space-y-1">
        {c.occupations.length ? <div className={row}><dt className="text-slate-500">{t("candidates.wants")}</dt><dd>{c.occupations.join(sep)}</dd></div> : null}
        {c.credentials.length ? <div className={row}><dt className="text-slate-500">{t("candidates.credentials")}</dt><dd>{named(c.credentials)}</dd></div> : null}
        {c.skills.length ? <div className={row}><dt className="text-slate-500">{t("candidates.skills")}</dt><dd>{named(c.skills)}</dd></div> : null}
        {c.missing.length ? <div className={row}><dt className="text-slate-500">{t("candidates.missing")}</dt><dd className="text-amber-900">{c.missing.join(sep)}</dd></div> : null}
        <div className={row}><dt className="text-slate-500">{t("candidates.experience")}</dt><dd>{c.experienceYears ? t("candidates.experienceYears", { years: c.experienceYears }) : t("candidates.noExperience")}</dd></div>
        <div className={row}><dt className="text-slate-500">{t("candidates.education")}</dt><dd>{tCode(t, "education", c.education)}</dd></div>
        {c.work.length ? (
          <div className={row}><dt className="text-slate-500">{t("candidates.work")}</dt><dd>{c.work.map((w) => [w.title, [w.from, w.to].filter(Boolean).join("–")].filter(Boolean).join(" ")).join(sep)}</dd></div>
        ) : null}
        {c.place ? <div className={row}><dt className="text-slate-500">{t("candidates.place")}</dt><dd>{c.place}</dd></div> : null}
        <div className={row}>
          <dt className="text-slate-500">{t("candidates.availability")}</dt>
          <dd>
            {c.comingHome ? t("candidates.comingHome", { month: c.comingHome }) : c.availableFrom ? t("candidates.availableFrom", { date: c.availableFrom }) : t("candidates.availableNow")}
          </dd>
        </div>
      </dl>
      {c.reasons.length ? (
        <div className="mt-2">
          <p className="text-sm font-medium text-slate-700">{t("candidates.why")}</p>
          <ul className="mt-1 list-disc pl-5 text-sm" data-testid="candidate-reasons" lang={i18n.language}>
            {c.reasons.map((r, i) => <li key={i}>{reasonText(t, "candidates", r)}</li>)}
          </ul>
        </div>
      ) : null}
      {c.status ? (
        <p className="mt-3 rounded bg-slate-100 p-2 text-sm font-medium" data-testid="candidate-status">{tCode(t, "candidates.status", c.status)}</p>
      ) : (
        <Form method="post" className="mt-3 space-y-2" preventScrollReset>
          {mine?.error?.[""] ? <FormError errors={mine.error[""] ?? undefined} /> : null}
          <input type="hidden" name="intent" value="invite" />
          <input type="hidden" name="candidate" value={c.token} />
          <input type="hidden" name="code" value={c.code} />
          <label className="block text-sm" htmlFor={`message-${c.code}`}>{t("candidates.message")}</label>
          <textarea
            id={`message-${c.code}`}
            name="message"
            rows={2}
            maxLength={200}
            defaultValue={typeof mine?.initialValue?.message === "string" ? mine.initialValue.message : ""}
            aria-invalid={mine?.error?.message ? true : undefined}
            aria-describedby={mine?.error?.message ? `message-${c.code}-error` : undefined}
            className="w-full rounded border border-slate-300 p-2"
          />
          <FieldError id={`message-${c.code}-error`} errors={mine?.error?.message ?? undefined} />
          <button type="submit" disabled={busy} className="min-h-11 rounded-md bg-brand-700 px-4 font-semibold text-white disabled:opacity-60" data-testid="invite">
            {t("candidates.invite")}
          </button>
        </Form>
      )}
    </li>
  );
}

export function CandidatesSection({ page, reply, invited, busy }: { page: CandidatesPage; reply: InviteReply | null; invited: boolean; busy: boolean }) {
  const { t } = useTranslation();
  return (
    <section className="mt-6 rounded-lg bg-white p-4 shadow-sm" aria-labelledby="candidates-title" id="candidates" data-testid="candidates">
      <h2 id="candidates-title" className="text-lg font-semibold">{t("candidates.title")}</h2>
      <p className="mt-1 text-sm text-slate-700">{t("candidates.lead")}</p>
      {invited ? <p role="status" className="mt-3 rounded border border-emerald-300 bg-emerald-50 p-2 text-emerald-900" data-testid="invited">{t("candidates.invited")}</p> : null}
      {page.state === "not_open" ? <p className="mt-3 text-slate-700" data-testid="candidates-empty">{t("candidates.notOpen")}</p> : null}
      {page.state === "no_occupation" ? <p className="mt-3 text-slate-700" data-testid="candidates-empty">{t("candidates.noOccupation")}</p> : null}
      {page.state === "open" && !page.candidates.length ? <p className="mt-3 text-slate-700" data-testid="candidates-empty">{t("candidates.empty")}</p> : null}
      {page.candidates.length ? (
        <ol className="mt-3 space-y-3">
          {page.candidates.map((c) => <Candidate key={c.token} c={c} reply={reply} busy={busy} />)}
        </ol>
      ) : null}
    </section>
  );
}
