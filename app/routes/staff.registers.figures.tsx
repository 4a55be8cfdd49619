import { getFormProps } from "@conform-to/react";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "~/i18n/translate.ts";
import { z } from "zod";
import { FormError, TextField } from "~/components/form.tsx";
import { card } from "~/components/organization-parts.tsx";
import { SelectField } from "~/components/profile-fields.tsx";
import { DoneNote, percent, registerButton, RowAction, useRegisterForm } from "~/components/register-parts.tsx";
import { getLanguage } from "~/i18n/language.server.ts";
import { requirePermission } from "~/modules/auth/guards.server.ts";
import { deleteFigure, listFigures, saveFigure } from "~/modules/registers/figures.server.ts";
import { regionChoices } from "~/modules/registers/registers.server.ts";
import { deleteSchema, figureSaveSchema } from "~/modules/registers/schemas.ts";
import { httpError } from "~/utils/http.ts";
import { on, registerAction, type RegisterActionData } from "~/utils/register-action.ts";
import { formatNumber } from "~/utils/format.ts";
import type { I18nHandle } from "~/i18n/i18n.ts";

export const handle: I18nHandle = { i18n: ["opportunities", "accounts", "seekers", "organizations", "postings", "registers", "targets", "exports"] };

const querySchema = z.object({ year: z.coerce.number().int().min(2000).max(2100).catch(() => new Date(Date.now() + 8 * 3_600_000).getUTCFullYear()) });

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "register.manage");
  const query = querySchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  const lang = await getLanguage(request);
  const list = await listFigures(user, query, lang);
  if (!list) throw httpError(404);
  return { query, list, choices: await regionChoices(user, lang) };
}

export async function action({ request }: ActionFunctionArgs): Promise<RegisterActionData> {
  const user = await requirePermission(request, "register.manage");
  return registerAction(request, {
    save: on(figureSaveSchema, (v) => saveFigure(user, v), "registers.manual.saved"),
    delete: on(deleteSchema, (v) => deleteFigure(user, v.id), "registers.deleted"),
  });
}

/** Figures staff enter by hand: the surveyed unemployment rate from the statistics bureau, and the plan's other manual indicators. */
export default function ManualFigures() {
  const { t, i18n } = useTranslation();
  const { query, list, choices } = useLoaderData<typeof loader>();
  const acted = useActionData<typeof action>();
  const en = i18n.language === "en";
  return (
    <>
      <p className="mb-3 text-slate-600">{t("registers.manual.lead")}</p>
      <DoneNote acted={acted} />
      <SaveForm acted={acted} choices={list.choices.map((c) => ({ code: c.code, name: en ? c.nameEn : c.nameZh, unit: c.unit }))} areas={choices.areas} year={query.year} />
      <Form method="get" className="mb-4 flex flex-wrap items-end gap-2">
        <label className="text-sm">
          <span className="block font-medium">{t("registers.year")}</span>
          <input name="year" defaultValue={query.year} key={query.year} inputMode="numeric" className="mt-1 min-h-11 w-24 rounded border border-slate-300 bg-white px-2" />
        </label>
        <button type="submit" className="min-h-11 rounded-md border border-slate-300 bg-white px-3">{t("registers.show")}</button>
      </Form>
      {list.rows.length === 0 ? <p className={card}>{t("registers.empty")}</p> : null}
      <ul className="space-y-3" data-testid="figure-list">
        {list.rows.map((row) => (
          <li key={row.id} className={card} data-testid="manual-figure">
            <div className="flex flex-wrap items-start justify-between gap-2">
              <h2 className="font-semibold">{row.name}</h2>
              <span className="font-bold tabular-nums">{row.unit === "percent" ? percent(row.value) : formatNumber(row.value, i18n.language)}</span>
            </div>
            <p className="mt-1 text-sm text-slate-700">{row.place} · {t("registers.yearMonth", { year: row.year, month: row.month })}{row.note ? ` · ${row.note}` : ""}</p>
            <RowAction intent="delete" id={row.id} schema={deleteSchema} acted={acted} label={t("registers.delete")} danger />
          </li>
        ))}
      </ul>
    </>
  );
}

function SaveForm({ acted, choices, areas, year }: { acted: RegisterActionData | undefined; choices: { code: string; name: string; unit: string }[]; areas: { code: string; name: string; level: string }[]; year: number }) {
  const { t } = useTranslation();
  const busy = useNavigation().state === "submitting";
  const [form, fields] = useRegisterForm("save", figureSaveSchema, acted, { year: String(year) });
  const all = fields as unknown as Record<string, Parameters<typeof TextField>[0]["meta"]>;
  return (
    <details className={`${card} mb-4`} open={acted?.form === "save" && !acted.done}>
      <summary className="inline-flex min-h-11 cursor-pointer items-center font-semibold text-brand-700">{t("registers.manual.add")}</summary>
      <Form method="post" {...getFormProps(form)} noValidate className="mt-3">
        <FormError errors={form.errors} />
        <input type="hidden" name="intent" value="save" />
        <SelectField meta={fields.indicatorCode} label={t("registers.manual.indicator")} placeholder={t("registers.choose")}>
          {choices.map((c) => <option key={c.code} value={c.code}>{c.name}{c.unit === "percent" ? " (%)" : ""}</option>)}
        </SelectField>
        <SelectField meta={fields.regionCode} label={t("registers.area")} placeholder={t("registers.choose")}>
          {areas.map((a) => <option key={a.code} value={a.code}>{a.level === "town" ? `· ${a.name}` : a.name}</option>)}
        </SelectField>
        <div className="flex flex-wrap gap-x-3">
          <div className="min-w-32 flex-1"><TextField meta={all.year!} label={t("registers.year")} inputMode="numeric" /></div>
          <div className="min-w-32 flex-1"><TextField meta={all.month!} label={t("registers.month")} inputMode="numeric" /></div>
        </div>
        <TextField meta={fields.value} label={t("registers.manual.value")} hint={t("registers.manual.valueHint")} />
        <TextField meta={fields.note} label={t("registers.manual.note")} />
        <button type="submit" disabled={busy} className={registerButton}>{t("registers.save")}</button>
      </Form>
    </details>
  );
}
