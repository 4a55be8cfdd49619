import { getFormProps } from "@conform-to/react";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "~/i18n/translate.ts";
import { FormError, TextField } from "~/components/form.tsx";
import { card, Pager } from "~/components/organization-parts.tsx";
import { SelectField } from "~/components/profile-fields.tsx";
import { DoneNote, Figure, ListFilter, percent, registerButton, RowAction, useRegisterForm } from "~/components/register-parts.tsx";
import { getLanguage } from "~/i18n/language.server.ts";
import { requirePermission } from "~/modules/auth/guards.server.ts";
import { deleteLabourFigure, listLabourFigures, regionChoices, saveLabourFigure } from "~/modules/registers/registers.server.ts";
import { deleteSchema, labourSaveSchema, yearQuerySchema, type YearQuery } from "~/modules/registers/schemas.ts";
import { httpError } from "~/utils/http.ts";
import { on, registerAction, type RegisterActionData } from "~/utils/register-action.ts";
import { formatNumber } from "~/utils/format.ts";
import type { I18nHandle } from "~/i18n/i18n.ts";

export const handle: I18nHandle = { i18n: ["opportunities", "accounts", "seekers", "organizations", "postings", "registers", "targets", "exports"] };

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "register.manage");
  const query = yearQuerySchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  const lang = await getLanguage(request);
  const list = await listLabourFigures(user, query, lang);
  if (!list) throw httpError(404);
  return { query, list, choices: await regionChoices(user, lang) };
}

export async function action({ request }: ActionFunctionArgs): Promise<RegisterActionData> {
  const user = await requirePermission(request, "register.manage");
  return registerAction(request, {
    save: on(labourSaveSchema, (v) => saveLabourFigure(user, v), "registers.labour.saved"),
    delete: on(deleteSchema, (v) => deleteLabourFigure(user, v.id), "registers.deleted"),
  });
}

export default function LabourFigures() {
  const { t, i18n } = useTranslation();
  const { query, list, choices } = useLoaderData<typeof loader>();
  const acted = useActionData<typeof action>();
  const href = (changes: Partial<YearQuery>) => {
    const next = { ...query, ...changes };
    const params = new URLSearchParams({ year: String(next.year), ...(next.region ? { region: next.region } : {}), ...(next.page > 1 ? { page: String(next.page) } : {}) });
    return `/staff/registers/labour?${params}`;
  };
  const n = (v: number) => formatNumber(v, i18n.language);
  const s = list.summary;
  return (
    <>
      <p className="mb-3 text-slate-600">{t("registers.labour.lead")}</p>
      <DoneNote acted={acted} />
      <div className="mb-4 grid grid-cols-1 gap-2 sm:grid-cols-3">
        <Figure label={t("registers.labour.rateFor", { region: s.region })} value={percent(s.rate)} testId="labour-rate" />
        <Figure label={t("registers.labour.urbanEmployed")} value={s.figure ? n(s.figure.urbanEmployed) : "—"} />
        <Figure label={t("registers.labour.registeredUnemployed")} value={s.figure ? n(s.figure.registeredUnemployed) : "—"} />
      </div>
      <p className="mb-3 text-sm text-slate-600">{t("registers.labour.formula")}</p>
      <SaveForm acted={acted} areas={choices.areas} year={query.year} />
      <ListFilter year={query.year} region={query.region} options={choices.picker} />
      {list.rows.length === 0 ? <p className={card}>{t("registers.empty")}</p> : null}
      <ul className="space-y-3" data-testid="labour-list">
        {list.rows.map((row) => (
          <li key={row.id} className={card} data-testid="labour-figure">
            <div className="flex flex-wrap items-start justify-between gap-2">
              <h2 className="font-semibold">{row.place} · {t("registers.yearMonth", { year: row.year, month: row.month })}</h2>
              <span className="font-bold tabular-nums">{percent(row.rate)}</span>
            </div>
            <p className="mt-1 text-sm text-slate-700">
              {t("registers.labour.urbanEmployed")} {n(row.urbanEmployed)} · {t("registers.labour.registeredUnemployed")} {n(row.registeredUnemployed)}
            </p>
            <RowAction intent="delete" id={row.id} schema={deleteSchema} acted={acted} label={t("registers.delete")} danger />
          </li>
        ))}
      </ul>
      <Pager page={query.page} pages={list.pages} href={(page) => href({ page })} />
    </>
  );
}

function SaveForm({ acted, areas, year }: { acted: RegisterActionData | undefined; areas: { code: string; name: string; level: string }[]; year: number }) {
  const { t } = useTranslation();
  const busy = useNavigation().state === "submitting";
  const [form, fields] = useRegisterForm("save", labourSaveSchema, acted, { year: String(year) });
  const all = fields as unknown as Record<string, Parameters<typeof TextField>[0]["meta"]>;
  return (
    <details className={`${card} mb-4`} open={acted?.form === "save" && !acted.done}>
      <summary className="inline-flex min-h-11 cursor-pointer items-center font-semibold text-brand-700">{t("registers.labour.add")}</summary>
      <Form method="post" {...getFormProps(form)} noValidate className="mt-3">
        <FormError errors={form.errors} />
        <input type="hidden" name="intent" value="save" />
        <SelectField meta={fields.regionCode} label={t("registers.area")} placeholder={t("registers.choose")}>
          {areas.map((a) => <option key={a.code} value={a.code}>{a.level === "town" ? `· ${a.name}` : a.name}</option>)}
        </SelectField>
        <div className="flex flex-wrap gap-x-3">
          <div className="min-w-32 flex-1"><TextField meta={all.year!} label={t("registers.year")} inputMode="numeric" /></div>
          <div className="min-w-32 flex-1"><TextField meta={all.month!} label={t("registers.month")} inputMode="numeric" /></div>
        </div>
        <TextField meta={all.urbanEmployed!} label={t("registers.labour.urbanEmployed")} hint={t("registers.labour.urbanEmployedHint")} inputMode="numeric" />
        <TextField meta={all.registeredUnemployed!} label={t("registers.labour.registeredUnemployed")} inputMode="numeric" />
        <p className="mb-3 text-xs text-slate-500">{t("registers.labour.replaceHint")}</p>
        <button type="submit" disabled={busy} className={registerButton}>{t("registers.save")}</button>
      </Form>
    </details>
  );
}
