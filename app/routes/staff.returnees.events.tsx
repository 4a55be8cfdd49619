import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation, tCode } from "~/i18n/translate.ts";
import { FieldError, FormError, TextField } from "~/components/form.tsx";
import { useLiveForm } from "~/components/live-form.tsx";
import { card, StaffNav } from "~/components/organization-parts.tsx";
import { SelectField, TextAreaField } from "~/components/profile-fields.tsx";
import { RegionPicker } from "~/components/region-picker.tsx";
import { getLanguage } from "~/i18n/language.server.ts";
import { requirePermission } from "~/modules/auth/guards.server.ts";
import { EVENT_KINDS } from "~/modules/returnees/codes.ts";
import { eventsFormAction, eventsLoader } from "~/modules/returnees/staff-pages.server.ts";
import { formatDate } from "~/utils/format.ts";
import { metaT, pageTitle } from "~/utils/meta.ts";
import type { I18nHandle } from "~/i18n/i18n.ts";

export const handle: I18nHandle = { i18n: ["opportunities", "accounts", "seekers", "organizations", "postings", "registers", "targets", "exports", "returnees", "returneeStaff"] };

export const meta: MetaFunction = ({ matches }) => {
  const t = metaT(matches);
  return [{ title: pageTitle(t, t("returneeStaff.eventsPage.title")) }, { name: "robots", content: "noindex" }];
};

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "returnee.manage");
  return eventsLoader(user, await getLanguage(request));
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requirePermission(request, "returnee.manage");
  return eventsFormAction(user, await request.formData());
}

export default function ReturneeEvents() {
  const { t, i18n } = useTranslation();
  const { events, picker } = useLoaderData<typeof loader>();
  const acted = useActionData<typeof action>();
  const busy = useNavigation().state === "submitting";
  const { form, fields } = useLiveForm<{ region: string; kind: string; title: string; startsAt: string; place: string; description: string }>({
    id: "event",
    lastResult: acted?.reply,
    schema: () => import("~/modules/returnees/staff-schemas.ts").then((m) => m.eventSchema),
  });
  return (
    <div className="mx-auto max-w-3xl space-y-4">
      <StaffNav />
      <p><Link to="/staff/returnees" className="inline-flex min-h-11 items-center text-brand-700 underline">{t("returneeStaff.back")}</Link></p>
      <h1 className="text-2xl font-bold">{t("returneeStaff.eventsPage.title")}</h1>
      <p className="text-slate-600">{t("returneeStaff.eventsPage.lead")}</p>
      {acted?.done ? (
        <p role="status" className="rounded border border-emerald-300 bg-emerald-50 p-3 text-emerald-900" data-testid="event-done">
          {acted.done === "created" ? t("returneeStaff.eventsPage.created", { count: acted.told }) : t("returneeStaff.eventsPage.cancelled")}
        </p>
      ) : null}
      <section className={card} aria-labelledby="create-title">
        <h2 id="create-title" className="mb-2 text-lg font-semibold">{t("returneeStaff.eventsPage.create")}</h2>
        <FormError errors={form.errors} />
        <Form method="post" {...form.props}>
          <RegionPicker options={picker} town={fields.region} wholeCounty townLabel={t("returneeStaff.eventsPage.region")} townPlaceholder={t("returnees.choose")} testId="event-region" />
          <SelectField meta={fields.kind} label={t("returneeStaff.eventsPage.kind")}>
            {EVENT_KINDS.map((k) => <option key={k} value={k}>{tCode(t, "returnees.mine.eventKinds", k)}</option>)}
          </SelectField>
          <TextField meta={fields.title} label={t("returneeStaff.eventsPage.titleField")} />
          <label htmlFor={fields.startsAt.id} className="block text-sm font-medium text-slate-800">{t("returneeStaff.eventsPage.startsAt")}</label>
          <input id={fields.startsAt.id} name={fields.startsAt.name} type="datetime-local" defaultValue={String(fields.startsAt.initialValue ?? "")} aria-invalid={fields.startsAt.errors?.length ? true : undefined} aria-describedby={fields.startsAt.errors?.length ? fields.startsAt.errorId : undefined} className="mb-1 mt-1 block min-h-11 w-full rounded-md border border-slate-300 px-3" />
          <FieldError id={fields.startsAt.errorId} errors={fields.startsAt.errors} />
          <div className="mt-3" />
          <TextField meta={fields.place} label={t("returneeStaff.eventsPage.place")} />
          <TextAreaField meta={fields.description} label={t("returneeStaff.eventsPage.description")} rows={4} />
          <button type="submit" disabled={busy} className="min-h-11 rounded-md bg-brand-700 px-4 font-semibold text-white disabled:opacity-60" data-testid="event-submit">{t("returneeStaff.eventsPage.submit")}</button>
        </Form>
      </section>
      {!events.length ? <p className={card}>{t("returneeStaff.eventsPage.none")}</p> : null}
      <ul className="space-y-3">
        {events.map((e) => (
          <li key={e.id} className={card} data-testid="staff-event">
            <h2 className="text-lg font-semibold">{tCode(t, "returnees.mine.eventKinds", e.kind)}：{e.title}{e.cancelled ? ` （${t("returneeStaff.eventsPage.isCancelled")}）` : ""}</h2>
            <p>{e.region} · {formatDate(e.startsAt, i18n.language, "dateTime")} · {e.place}</p>
            <p className="mt-1" data-testid="event-replies">{t("returneeStaff.eventsPage.replies", e.counts)}</p>
            {e.replies.length ? (
              <details className="mt-1">
                <summary className="min-h-11 cursor-pointer py-2 text-brand-700 underline">{t("returneeStaff.eventsPage.showReplies")}</summary>
                <ul className="text-sm">
                  {e.replies.map((r, i) => <li key={i}>{r.name} {r.phone ?? ""} · {tCode(t, "returnees.mine.answers", r.answer)}{r.note ? ` · ${r.note}` : ""}</li>)}
                </ul>
              </details>
            ) : null}
            {!e.cancelled ? (
              <Form method="post" className="mt-2">
                <input type="hidden" name="intent" value="cancel" />
                <input type="hidden" name="eventId" value={e.id} />
                <button type="submit" disabled={busy} className="min-h-11 text-red-800 underline">{t("returneeStaff.eventsPage.cancel")}</button>
              </Form>
            ) : null}
          </li>
        ))}
      </ul>
    </div>
  );
}
