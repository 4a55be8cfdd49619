import { Form, Link } from "@remix-run/react";
import { useTranslation, tCode } from "~/i18n/translate.ts";
import { formatDate } from "~/utils/format.ts";
import { REPLY_ANSWERS } from "~/modules/returnees/codes.ts";

export interface RegistrantPageData {
  confirmed: boolean;
  hasAccount: boolean;
  name: string;
  home: string;
  away: string;
  returneeKind: string;
  trade: string;
  intentions: string[];
  timing: string;
  status: string;
  alertLink: string;
  events: { id: number; kind: string; title: string; startsAt: string; place: string; description: string; reply: { answer: string; note: string } | null }[];
}

const button = "min-h-11 rounded-md bg-brand-700 px-4 font-semibold text-white disabled:opacity-60";

/** The registrant's own page, the same with an account (/returnees/me) or by the link (/returnees/r/…). */
export function RegistrantPage({ data, done, busy, editLink }: { data: RegistrantPageData; done?: string | null; busy: boolean; editLink?: string }) {
  const { t, i18n } = useTranslation();
  const row = (label: string, value: string, testId?: string) => (
    <div className="py-1 sm:flex sm:gap-3">
      <dt className="font-medium text-slate-600 sm:w-32">{label}</dt>
      <dd data-testid={testId}>{value}</dd>
    </div>
  );
  return (
    <div className="mx-auto max-w-2xl space-y-4">
      <h1 className="text-2xl font-bold">{t("returnees.mine.title")}</h1>
      {done ? <p role="status" className="rounded border border-emerald-300 bg-emerald-50 p-3 text-emerald-900" data-testid="returnee-done">{tCode(t, "returnees.mine", done)}</p> : null}
      {!data.confirmed ? (
        <Form method="post" className="rounded-lg bg-white p-4 shadow-sm">
          <p className="mb-3 text-lg">{t("returnees.mine.confirmLead")}</p>
          <input type="hidden" name="intent" value="confirm" />
          <button type="submit" disabled={busy} className={button} data-testid="returnee-confirm">{t("returnees.mine.confirm")}</button>
        </Form>
      ) : null}
      <section className="rounded-lg bg-white p-4 shadow-sm">
        <dl>
          {row(t("returnees.name"), data.name)}
          {row(t("returnees.mine.home"), data.home, "returnee-home")}
          {row(t("returnees.mine.away"), data.away)}
          {row(t("returnees.mine.kind"), tCode(t, "seekers.returneeKinds", data.returneeKind))}
          {row(t("returnees.mine.trade"), data.trade)}
          {row(t("returnees.mine.intentions"), data.intentions.map((i) => tCode(t, "returnees.intentionNames", i)).join("、"))}
          {row(t("returnees.mine.timing"), tCode(t, "returnees.timings", data.timing))}
          {row(t("returnees.mine.status"), tCode(t, "returnees.mine.statuses", data.status), "returnee-status")}
        </dl>
        <p className="mt-2 flex flex-wrap gap-x-4">
          {data.confirmed ? <Link to={data.alertLink} className="inline-flex min-h-11 items-center text-brand-700 underline">{t("returnees.mine.alertLink")}</Link> : null}
          {editLink ? <Link to={editLink} className="inline-flex min-h-11 items-center text-brand-700 underline">{t("returnees.mine.edit")}</Link> : null}
        </p>
      </section>
      {data.confirmed ? (
        <section className="rounded-lg bg-white p-4 shadow-sm" aria-labelledby="events-title">
          <h2 id="events-title" className="mb-2 text-xl font-semibold">{t("returnees.mine.events")}</h2>
          {!data.events.length ? <p>{t("returnees.mine.noEvents")}</p> : null}
          <ul className="space-y-4">
            {data.events.map((e) => (
              <li key={e.id} className="rounded border border-slate-200 p-3" data-testid="returnee-event">
                <h3 className="text-lg font-semibold">{tCode(t, "returnees.mine.eventKinds", e.kind)}：{e.title}</h3>
                <p>{t("returnees.mine.when")}：{formatDate(e.startsAt, i18n.language, "dateTime")}</p>
                <p>{t("returnees.mine.where")}：{e.place}</p>
                {e.description ? <p className="mt-1 whitespace-pre-line text-slate-700">{e.description}</p> : null}
                {e.reply ? <p className="mt-2 font-medium text-emerald-800" data-testid="event-replied">{t("returnees.mine.replied", { answer: tCode(t, "returnees.mine.answers", e.reply.answer) })}</p> : null}
                <Form method="post" className="mt-2">
                  <input type="hidden" name="intent" value="reply" />
                  <input type="hidden" name="eventId" value={e.id} />
                  <fieldset>
                    <legend className="text-sm font-medium">{t("returnees.mine.answer")}</legend>
                    <div className="flex flex-wrap gap-x-4">
                      {REPLY_ANSWERS.map((a) => (
                        <label key={a} className="flex min-h-11 items-center gap-2">
                          <input type="radio" name="answer" value={a} defaultChecked={(e.reply?.answer ?? "going") === a} className="h-5 w-5" />
                          {tCode(t, "returnees.mine.answers", a)}
                        </label>
                      ))}
                    </div>
                  </fieldset>
                  <label className="mt-1 block text-sm font-medium" htmlFor={`note-${e.id}`}>{t("returnees.mine.note")}</label>
                  <input id={`note-${e.id}`} name="note" maxLength={200} defaultValue={e.reply?.note ?? ""} className="mt-1 block w-full rounded-md border border-slate-300 px-3 py-2.5 text-base" />
                  <button type="submit" disabled={busy} className={`${button} mt-2`} data-testid="event-reply">{t("returnees.mine.reply")}</button>
                </Form>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <Form method="post" className="rounded-lg bg-white p-4 shadow-sm">
        <p className="mb-2 text-slate-700">{t("returnees.mine.withdrawLead")}</p>
        <input type="hidden" name="intent" value="withdraw" />
        <button type="submit" disabled={busy} className="min-h-11 rounded-md border border-red-700 px-4 font-semibold text-red-800" data-testid="returnee-withdraw">{t("returnees.mine.withdraw")}</button>
      </Form>
    </div>
  );
}
