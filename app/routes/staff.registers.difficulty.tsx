import { getFormProps } from "@conform-to/react";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation, tCode } from "~/i18n/translate.ts";
import { FormError, TextField } from "~/components/form.tsx";
import { card, Pager } from "~/components/organization-parts.tsx";
import { SelectField } from "~/components/profile-fields.tsx";
import { RegionPicker, type RegionPickerOptions } from "~/components/region-picker.tsx";
import { DoneNote, Figure, ListFilter, percent, registerButton, RowAction, SmallField, useRegisterForm } from "~/components/register-parts.tsx";
import { getLanguage } from "~/i18n/language.server.ts";
import { requirePermission } from "~/modules/auth/guards.server.ts";
import { createDifficultyPerson, deleteDifficultyPerson, listDifficultyPersons, regionChoices, updateDifficultyPerson } from "~/modules/registers/registers.server.ts";
import {
  deleteSchema,
  DIFFICULTY_CATEGORIES,
  DIFFICULTY_STATUSES,
  difficultyAssistSchema,
  difficultyCloseSchema,
  difficultyCreateSchema,
  difficultyQuerySchema,
  type DifficultyQuery,
} from "~/modules/registers/schemas.ts";
import { formatDate } from "~/utils/format.ts";
import { httpError } from "~/utils/http.ts";
import { on, registerAction, type RegisterActionData } from "~/utils/register-action.ts";
import type { I18nHandle } from "~/i18n/i18n.ts";

export const handle: I18nHandle = { i18n: ["opportunities", "accounts", "seekers", "organizations", "postings", "registers", "targets", "exports"] };

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "register.manage");
  const query = difficultyQuerySchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  const lang = await getLanguage(request);
  const list = await listDifficultyPersons(user, query, lang);
  if (!list) throw httpError(404);
  return { query, list, choices: await regionChoices(user, lang) };
}

export async function action({ request }: ActionFunctionArgs): Promise<RegisterActionData> {
  const user = await requirePermission(request, "register.manage");
  return registerAction(request, {
    create: on(difficultyCreateSchema, (v) => createDifficultyPerson(user, v), "registers.difficulty.created"),
    assist: on(difficultyAssistSchema, (v) => updateDifficultyPerson(user, v), "registers.difficulty.assisted"),
    close: on(difficultyCloseSchema, (v) => updateDifficultyPerson(user, v), "registers.difficulty.closed"),
    delete: on(deleteSchema, (v) => deleteDifficultyPerson(user, v.id), "registers.deleted"),
  });
}

export default function DifficultyRegister() {
  const { t } = useTranslation();
  const { query, list, choices } = useLoaderData<typeof loader>();
  const acted = useActionData<typeof action>();
  const href = (changes: Partial<DifficultyQuery>) => {
    const next = { ...query, ...changes };
    const params = new URLSearchParams({ year: String(next.year), status: next.status, ...(next.region ? { region: next.region } : {}), ...(next.page > 1 ? { page: String(next.page) } : {}) });
    return `/staff/registers/difficulty?${params}`;
  };
  const s = list.summary;
  return (
    <>
      <p className="mb-3 text-slate-600">{t("registers.difficulty.lead")}</p>
      <DoneNote acted={acted} />
      <div className="mb-4 grid grid-cols-2 gap-2 sm:grid-cols-4">
        <Figure label={t("registers.difficulty.recognised")} value={String(s.recognised)} testId="difficulty-recognised" />
        <Figure label={t("registers.difficulty.assistedCount")} value={String(s.assisted)} testId="difficulty-assisted" />
        <Figure label={t("registers.difficulty.employedCount")} value={String(s.employed)} />
        <Figure label={t("registers.figures.assistance")} value={percent(s.rate)} testId="difficulty-rate" />
      </div>
      <CreateForm acted={acted} picker={choices.picker} />
      <ListFilter
        year={query.year}
        region={query.region}
        options={choices.picker}
        extra={
          <label className="text-sm">
            <span className="block font-medium">{t("registers.status")}</span>
            <select name="status" defaultValue={query.status} key={query.status} className="mt-1 min-h-11 rounded border border-slate-300 bg-white px-2">
              {DIFFICULTY_STATUSES.map((st) => <option key={st} value={st}>{tCode(t, "registers.difficulty.statuses", st)}</option>)}
            </select>
          </label>
        }
      />
      <p className="mb-2 text-sm text-slate-600">{t("registers.total", { count: list.total })}</p>
      {list.rows.length === 0 ? <p className={card}>{t("registers.empty")}</p> : null}
      <ul className="space-y-3" data-testid="difficulty-list">
        {list.rows.map((row) => <PersonRow key={row.id} row={row} acted={acted} />)}
      </ul>
      <Pager page={query.page} pages={list.pages} href={(page) => href({ page })} />
    </>
  );
}

type Row = Awaited<ReturnType<typeof loader>>["list"]["rows"][number];

function PersonRow({ row, acted }: { row: Row; acted: RegisterActionData | undefined }) {
  const { t, i18n } = useTranslation();
  const date = (d: string | null) => (d ? formatDate(d, i18n.language) : "—");
  return (
    <li className={card} data-testid="difficulty-person" data-id={row.id}>
      <div className="flex flex-wrap items-start justify-between gap-2">
        <h2 className="text-lg font-semibold">{row.name}</h2>
        <span className="rounded bg-slate-100 px-2 py-0.5 text-sm">{tCode(t, "registers.difficulty.categories", row.category)}</span>
      </div>
      <dl className="mt-2 grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-sm">
        <dt className="text-slate-600">{t("registers.idNumber")}</dt>
        <dd>{row.idNumberMasked}</dd>
        <dt className="text-slate-600">{t("registers.place")}</dt>
        <dd>{row.place}</dd>
        <dt className="text-slate-600">{t("registers.difficulty.recognisedAt")}</dt>
        <dd>{date(row.recognisedAt)}</dd>
        <dt className="text-slate-600">{t("registers.difficulty.assistedAt")}</dt>
        <dd data-testid="assisted-at">{date(row.assistedAt)}</dd>
        <dt className="text-slate-600">{t("registers.difficulty.employedAt")}</dt>
        <dd data-testid="employed-at">
          {row.employedAt ? <>{date(row.employedAt)} · {t("registers.byPlacement", { id: row.placementId })}</> : t("registers.difficulty.notYet")}
        </dd>
        {row.closedAt ? (
          <>
            <dt className="text-slate-600">{t("registers.difficulty.closedAt")}</dt>
            <dd>{date(row.closedAt)}</dd>
          </>
        ) : null}
      </dl>
      {!row.closedAt ? (
        <details className="mt-2 border-t border-slate-200 pt-2" open={acted?.form.endsWith(`-${row.id}`) && !acted.done}>
          <summary className="inline-flex min-h-11 cursor-pointer items-center text-brand-700 underline">{t("registers.change")}</summary>
          {!row.assistedAt ? (
            <RowAction intent="assist" id={row.id} schema={difficultyAssistSchema} acted={acted} label={t("registers.difficulty.recordAssist")}>
              {(f) => <SmallField meta={f.assistedAt} label={t("registers.difficulty.assistedAt")} type="date" />}
            </RowAction>
          ) : null}
          <RowAction intent="close" id={row.id} schema={difficultyCloseSchema} acted={acted} label={t("registers.difficulty.close")}>
            {(f) => <SmallField meta={f.closedAt} label={t("registers.difficulty.closedAt")} type="date" />}
          </RowAction>
          <RowAction intent="delete" id={row.id} schema={deleteSchema} acted={acted} label={t("registers.delete")} danger />
        </details>
      ) : null}
    </li>
  );
}

function CreateForm({ acted, picker }: { acted: RegisterActionData | undefined; picker: RegionPickerOptions }) {
  const { t } = useTranslation();
  const busy = useNavigation().state === "submitting";
  const [form, fields] = useRegisterForm("create", difficultyCreateSchema, acted);
  const failed = acted?.form === "create" && !acted.done;
  return (
    <details className={`${card} mb-4`} open={failed}>
      <summary className="inline-flex min-h-11 cursor-pointer items-center font-semibold text-brand-700">{t("registers.difficulty.add")}</summary>
      <Form method="post" {...getFormProps(form)} noValidate className="mt-3">
        <FormError errors={form.errors} />
        <input type="hidden" name="intent" value="create" />
        <TextField meta={fields.name} label={t("registers.name")} />
        <TextField meta={fields.idNumber} label={t("registers.idNumber")} hint={t("registers.idHint")} />
        <RegionPicker options={picker} town={fields.regionCode} townLabel={t("registers.town")} townPlaceholder={t("registers.chooseTown")} />
        <SelectField meta={fields.category} label={t("registers.difficulty.category")} placeholder={t("registers.choose")}>
          {DIFFICULTY_CATEGORIES.map((c) => <option key={c} value={c}>{tCode(t, "registers.difficulty.categories", c)}</option>)}
        </SelectField>
        <TextField meta={fields.recognisedAt} label={t("registers.difficulty.recognisedAt")} type="date" />
        <button type="submit" disabled={busy} className={registerButton}>{t("registers.save")}</button>
        <p className="mt-2 text-sm"><Link to="/staff/placements" className="text-brand-700 underline">{t("registers.difficulty.placementsHint")}</Link></p>
      </Form>
    </details>
  );
}
