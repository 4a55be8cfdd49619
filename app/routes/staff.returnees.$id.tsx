import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation, tCode } from "~/i18n/translate.ts";
import { FormError, TextField } from "~/components/form.tsx";
import { useLiveForm } from "~/components/live-form.tsx";
import { card, StaffNav } from "~/components/organization-parts.tsx";
import { SelectField, TextAreaField } from "~/components/profile-fields.tsx";
import { getLanguage } from "~/i18n/language.server.ts";
import { requirePermission } from "~/modules/auth/guards.server.ts";
import { CONTACT_KINDS } from "~/modules/returnees/codes.ts";
import { registrantFormAction, registrantLoader } from "~/modules/returnees/staff-pages.server.ts";
import { formatDate } from "~/utils/format.ts";
import { httpError } from "~/utils/http.ts";
import { metaT, pageTitle } from "~/utils/meta.ts";
import type { I18nHandle } from "~/i18n/i18n.ts";

export const handle: I18nHandle = { i18n: ["opportunities", "accounts", "seekers", "organizations", "postings", "registers", "targets", "exports", "placements", "returnees", "returneeStaff"] };

export const meta: MetaFunction = ({ matches }) => {
  const t = metaT(matches);
  return [{ title: pageTitle(t, t("returneeStaff.title")) }, { name: "robots", content: "noindex" }];
};

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "returnee.manage");
  const registrant = await registrantLoader(user, params.id, await getLanguage(request));
  if (!registrant) throw httpError(404);
  return registrant;
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requirePermission(request, "returnee.manage");
  const result = await registrantFormAction(user, params.id, await request.formData());
  if ("notFound" in result) throw httpError(404);
  return result;
}

const button = "min-h-11 rounded-md bg-brand-700 px-4 font-semibold text-white disabled:opacity-60";

export default function Registrant() {
  const { t, i18n } = useTranslation();
  const r = useLoaderData<typeof loader>();
  const acted = useActionData<typeof action>();
  const busy = useNavigation().state === "submitting";
  const replyFor = (intent: string) => (acted?.intent === intent ? acted.reply : undefined);
  const contact = useLiveForm<{ intent: string; kind: string; note: string }>({ id: "contact", lastResult: replyFor("contact"), schema: () => import("~/modules/returnees/staff-schemas.ts").then((m) => m.registrantActionSchema) });
  const link = useLiveForm<{ intent: string; placementId: string }>({ id: "link", lastResult: replyFor("link"), schema: () => import("~/modules/returnees/staff-schemas.ts").then((m) => m.registrantActionSchema) });
  const done = acted && "done" in acted ? acted.done : null;
  const row = (label: string, value: React.ReactNode, testId?: string) => (
    <div className="py-1 sm:flex sm:gap-3"><dt className="font-medium text-slate-600 sm:w-32">{label}</dt><dd data-testid={testId}>{value}</dd></div>
  );
  const placement = (p: { id: number; employer: string; startDate: string; status: string }) =>
    t("returneeStaff.detail.placementOf", { id: p.id, employer: p.employer, date: p.startDate, status: tCode(t, "placements.status", p.status) });
  return (
    <div className="mx-auto max-w-3xl space-y-4">
      <StaffNav />
      <p><Link to="/staff/returnees" className="inline-flex min-h-11 items-center text-brand-700 underline">{t("returneeStaff.back")}</Link></p>
      <h1 className="text-2xl font-bold">{r.name}</h1>
      {done && done !== "revealed" ? <p role="status" className="rounded border border-emerald-300 bg-emerald-50 p-3 text-emerald-900" data-testid="registrant-done">{tCode(t, "returneeStaff.detail", done)}</p> : null}
      <section className={card}>
        <dl>
          {row(t("returneeStaff.detail.phone"), acted && "phone" in acted && acted.phone ? t("returneeStaff.detail.revealed", { phone: acted.phone }) : r.phone ?? "—", "registrant-phone")}
          {row(t("returneeStaff.detail.email"), r.email ?? "—")}
          {row(t("returneeStaff.home"), r.home)}
          {row(t("returneeStaff.awayIn"), r.away)}
          {row(t("returneeStaff.kind"), tCode(t, "seekers.returneeKinds", r.returneeKind))}
          {row(t("returneeStaff.trade"), r.trade)}
          {row(t("returneeStaff.detail.skills"), r.skills || "—")}
          {row(t("returneeStaff.detail.intentions"), r.intentions.map((i) => tCode(t, "returnees.intentionNames", i)).join("、"))}
          {row(t("returneeStaff.detail.timing"), tCode(t, "returnees.timings", r.timing))}
          {row(t("returneeStaff.status"), tCode(t, "returnees.mine.statuses", r.status), "registrant-status")}
          {row(t("returneeStaff.registeredAt"), formatDate(r.registeredAt, i18n.language))}
          {row("", r.hasAccount ? t("returneeStaff.detail.account") : t("returneeStaff.detail.noAccount"))}
        </dl>
        <div className="mt-2 flex flex-wrap gap-3">
          {r.hasPhone ? (
            <Form method="post">
              <input type="hidden" name="intent" value="reveal" />
              <button type="submit" disabled={busy} className="min-h-11 text-brand-700 underline" aria-describedby="reveal-note">{t("returneeStaff.detail.reveal")}</button>
              <span id="reveal-note" className="block text-xs text-slate-500">{t("returneeStaff.detail.revealNote")}</span>
            </Form>
          ) : null}
          {r.status === "away" ? (
            <Form method="post">
              <input type="hidden" name="intent" value="returned" />
              <button type="submit" disabled={busy} className="min-h-11 rounded-md border border-brand-700 px-4 font-semibold text-brand-700" data-testid="mark-returned">{t("returneeStaff.detail.markReturned")}</button>
            </Form>
          ) : null}
        </div>
      </section>
      <section className={card} aria-labelledby="placement-title">
        <h2 id="placement-title" className="mb-2 text-lg font-semibold">{t("returneeStaff.detail.placement")}</h2>
        {r.placement ? <p data-testid="registrant-placement">{placement(r.placement)}</p> : (
          <>
            <p className="mb-2">{t("returneeStaff.detail.placementNone")}</p>
            {r.candidates.length ? (
              <div className="mb-3">
                <h3 className="font-medium">{t("returneeStaff.detail.candidates")}</h3>
                <ul>
                  {r.candidates.map((p) => (
                    <li key={p.id}>
                      <Form method="post" className="flex flex-wrap items-center gap-2">
                        <input type="hidden" name="intent" value="link" />
                        <input type="hidden" name="placementId" value={p.id} />
                        <span>{placement(p)}</span>
                        <button type="submit" disabled={busy} className="min-h-11 text-brand-700 underline">{t("returneeStaff.detail.link")}</button>
                      </Form>
                    </li>
                  ))}
                </ul>
              </div>
            ) : null}
            <Form method="post" {...link.form.props}>
              <input type="hidden" name="intent" value="link" />
              <FormError errors={link.form.errors} />
              <TextField meta={link.fields.placementId} label={t("returneeStaff.detail.linkLabel")} hint={t("returneeStaff.detail.linkHint")} inputMode="numeric" />
              <button type="submit" disabled={busy} className={button} data-testid="link-placement">{t("returneeStaff.detail.link")}</button>
            </Form>
          </>
        )}
      </section>
      <section className={card} aria-labelledby="log-title">
        <h2 id="log-title" className="mb-2 text-lg font-semibold">{t("returneeStaff.detail.log")}</h2>
        {!r.contacts.length ? <p className="mb-2">{t("returneeStaff.detail.noLog")}</p> : null}
        <ul className="mb-3 space-y-2" data-testid="contact-log">
          {r.contacts.map((c) => (
            <li key={c.id} className="border-b border-slate-100 pb-2">
              <span className="font-medium">{formatDate(c.at, i18n.language, "dateTime")} · {tCode(t, "returneeStaff.detail.logKinds", c.kind)}</span>
              {c.by ? <span className="text-slate-600"> · {c.by}</span> : null}
              <p className="whitespace-pre-line">{c.note}</p>
            </li>
          ))}
        </ul>
        <h3 className="font-medium">{t("returneeStaff.detail.addLog")}</h3>
        <Form method="post" {...contact.form.props}>
          <input type="hidden" name="intent" value="contact" />
          <FormError errors={contact.form.errors} />
          <SelectField meta={contact.fields.kind} label={t("returneeStaff.detail.logKind")}>
            {CONTACT_KINDS.map((k) => <option key={k} value={k}>{tCode(t, "returneeStaff.detail.logKinds", k)}</option>)}
          </SelectField>
          <TextAreaField meta={contact.fields.note} label={t("returneeStaff.detail.logNote")} />
          <button type="submit" disabled={busy} className={button} data-testid="save-contact">{t("returneeStaff.detail.saveLog")}</button>
        </Form>
      </section>
    </div>
  );
}
