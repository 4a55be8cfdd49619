import { getFormProps } from "@conform-to/react";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation, tCode } from "~/i18n/translate.ts";
import { FieldError, FormError, TextField } from "~/components/form.tsx";
import { card, Pager } from "~/components/organization-parts.tsx";
import { RegionPicker, type RegionPickerOptions } from "~/components/region-picker.tsx";
import { DoneNote, Figure, ListFilter, registerButton, RowAction, SmallField, useRegisterForm } from "~/components/register-parts.tsx";
import { getLanguage } from "~/i18n/language.server.ts";
import { requirePermission } from "~/modules/auth/guards.server.ts";
import { CLEAR_WITHIN_DAYS } from "~/modules/registers/formulas.ts";
import { clearFamily, createFamily, deleteFamily, listFamilies, regionChoices } from "~/modules/registers/registers.server.ts";
import { deleteSchema, EXTRA_MEMBER_SLOTS, FAMILY_STATUSES, familyClearSchema, familyCreateSchema, familyQuerySchema, type FamilyQuery } from "~/modules/registers/schemas.ts";
import { formatDate } from "~/utils/format.ts";
import { httpError } from "~/utils/http.ts";
import { on, registerAction, type RegisterActionData } from "~/utils/register-action.ts";
import type { I18nHandle } from "~/i18n/i18n.ts";

export const handle: I18nHandle = { i18n: ["opportunities", "accounts", "seekers", "organizations", "postings", "registers", "targets", "exports"] };

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "register.manage");
  const query = familyQuerySchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  const lang = await getLanguage(request);
  const list = await listFamilies(user, query, lang);
  if (!list) throw httpError(404);
  return { query, list, choices: await regionChoices(user, lang) };
}

export async function action({ request }: ActionFunctionArgs): Promise<RegisterActionData> {
  const user = await requirePermission(request, "register.manage");
  return registerAction(request, {
    create: on(familyCreateSchema, (v) => createFamily(user, v), "registers.families.created"),
    clear: on(familyClearSchema, (v) => clearFamily(user, v), "registers.families.cleared"),
    delete: on(deleteSchema, (v) => deleteFamily(user, v.id), "registers.deleted"),
  });
}

export default function FamilyRegister() {
  const { t } = useTranslation();
  const { query, list, choices } = useLoaderData<typeof loader>();
  const acted = useActionData<typeof action>();
  const href = (changes: Partial<FamilyQuery>) => {
    const next = { ...query, ...changes };
    const params = new URLSearchParams({ status: next.status, ...(next.region ? { region: next.region } : {}), ...(next.page > 1 ? { page: String(next.page) } : {}) });
    return `/staff/registers/families?${params}`;
  };
  return (
    <>
      <p className="mb-3 text-slate-600">{t("registers.families.lead", { days: CLEAR_WITHIN_DAYS })}</p>
      <DoneNote acted={acted} />
      <div className="mb-4 grid grid-cols-3 gap-2">
        <Figure label={t("registers.families.uncleared")} value={String(list.summary.uncleared)} testId="families-uncleared" />
        <Figure label={t("registers.families.overdue")} value={String(list.summary.overdue)} testId="families-overdue" />
        <Figure label={t("registers.families.clearedCount")} value={String(list.summary.cleared)} />
      </div>
      <CreateForm acted={acted} picker={choices.picker} />
      <ListFilter
        withYear={false}
        region={query.region}
        options={choices.picker}
        extra={
          <label className="text-sm">
            <span className="block font-medium">{t("registers.status")}</span>
            <select name="status" defaultValue={query.status} key={query.status} className="mt-1 min-h-11 rounded border border-slate-300 bg-white px-2">
              {FAMILY_STATUSES.map((st) => <option key={st} value={st}>{tCode(t, "registers.families.statuses", st)}</option>)}
            </select>
          </label>
        }
      />
      <p className="mb-2 text-sm text-slate-600">{t("registers.families.total", { count: list.total })}</p>
      {list.rows.length === 0 ? <p className={card}>{t("registers.empty")}</p> : null}
      <ul className="space-y-3" data-testid="family-list">
        {list.rows.map((row) => <FamilyRow key={row.id} row={row} acted={acted} />)}
      </ul>
      <Pager page={query.page} pages={list.pages} href={(page) => href({ page })} />
    </>
  );
}

type Row = Awaited<ReturnType<typeof loader>>["list"]["rows"][number];

function FamilyRow({ row, acted }: { row: Row; acted: RegisterActionData | undefined }) {
  const { t, i18n } = useTranslation();
  const cleared = row.clearedAt !== null;
  const clock = row.clock;
  return (
    <li className={`${card} ${!cleared && clock.overdue ? "border-l-4 border-red-600" : ""}`} data-testid="family" data-id={row.id} data-cleared={cleared ? "yes" : "no"}>
      <div className="flex flex-wrap items-start justify-between gap-2">
        <h2 className="text-lg font-semibold">{t("registers.families.headOf", { name: row.headName })}</h2>
        <span
          className={`rounded px-2 py-0.5 text-sm font-semibold ${cleared ? "bg-emerald-100 text-emerald-900" : clock.overdue ? "bg-red-100 text-red-800" : "bg-amber-100 text-amber-900"}`}
          data-testid="family-clock"
        >
          {cleared
            ? t(clock.overdue ? "registers.families.clearedLate" : "registers.families.clearedIn", { days: clock.days })
            : clock.overdue
              ? t("registers.families.overdueBy", { days: clock.days, over: clock.days - CLEAR_WITHIN_DAYS })
              : t("registers.families.daysLeft", { days: clock.days, left: clock.left })}
        </span>
      </div>
      <dl className="mt-2 grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-sm">
        <dt className="text-slate-600">{t("registers.idNumber")}</dt>
        <dd>{row.headIdMasked}</dd>
        <dt className="text-slate-600">{t("registers.place")}</dt>
        <dd>{row.place}</dd>
        <dt className="text-slate-600">{t("registers.families.memberCount")}</dt>
        <dd>{row.memberCount}</dd>
        <dt className="text-slate-600">{t("registers.families.members")}</dt>
        <dd>{row.members.map((m) => `${m.name} ${m.idNumberMasked}`).join(t("list.separator"))}</dd>
        <dt className="text-slate-600">{t("registers.families.recognisedAt")}</dt>
        <dd>{formatDate(row.recognisedAt, i18n.language)}</dd>
        {cleared ? (
          <>
            <dt className="text-slate-600">{t("registers.families.clearedAt")}</dt>
            <dd>{formatDate(row.clearedAt, i18n.language)} · {t("registers.byPlacement", { id: row.clearedByPlacementId })}</dd>
          </>
        ) : null}
      </dl>
      <details className="mt-2 border-t border-slate-200 pt-2" open={acted?.form.endsWith(`-${row.id}`) && !acted.done}>
        <summary className="inline-flex min-h-11 cursor-pointer items-center text-brand-700 underline">{t("registers.change")}</summary>
        {!cleared ? (
          row.candidates.length ? (
            <RowAction intent="clear" id={row.id} schema={familyClearSchema} acted={acted} label={t("registers.families.clear")}>
              {(f) => (
                <div className="min-w-0 flex-1">
                  <label htmlFor={f.placementId.id} className="block text-sm font-medium">{t("registers.families.placement")}</label>
                  <select id={f.placementId.id} name={f.placementId.name} className="mt-1 min-h-11 w-full rounded border border-slate-300 bg-white px-2">
                    {row.candidates.map((c) => (
                      <option key={c.id} value={c.id}>{`${c.personName} ${c.idNumberMasked ?? ""} · ${c.employerName} · ${formatDate(c.startDate, i18n.language)}`}</option>
                    ))}
                  </select>
                  <FieldError id={f.placementId.errorId} errors={f.placementId.errors} />
                </div>
              )}
            </RowAction>
          ) : (
            <p className="mt-2 text-sm text-slate-600">{t("registers.families.noCandidates")}</p>
          )
        ) : null}
        <RowAction intent="delete" id={row.id} schema={deleteSchema} acted={acted} label={t("registers.delete")} danger />
      </details>
    </li>
  );
}

function CreateForm({ acted, picker }: { acted: RegisterActionData | undefined; picker: RegionPickerOptions }) {
  const { t } = useTranslation();
  const busy = useNavigation().state === "submitting";
  const [form, fields] = useRegisterForm("create", familyCreateSchema, acted);
  const all = fields as unknown as Record<string, Parameters<typeof SmallField>[0]["meta"]>;
  return (
    <details className={`${card} mb-4`} open={acted?.form === "create" && !acted.done}>
      <summary className="inline-flex min-h-11 cursor-pointer items-center font-semibold text-brand-700">{t("registers.families.add")}</summary>
      <Form method="post" {...getFormProps(form)} noValidate className="mt-3">
        <FormError errors={form.errors} />
        <input type="hidden" name="intent" value="create" />
        <TextField meta={fields.headName} label={t("registers.families.headName")} />
        <TextField meta={fields.headIdNumber} label={t("registers.families.headId")} hint={t("registers.idHint")} />
        <TextField meta={all.memberCount!} label={t("registers.families.memberCount")} type="number" inputMode="numeric" />
        <RegionPicker options={picker} town={fields.regionCode} townLabel={t("registers.town")} townPlaceholder={t("registers.chooseTown")} />
        <TextField meta={fields.recognisedAt} label={t("registers.families.recognisedAt")} type="date" />
        <fieldset className="mb-4">
          <legend className="text-sm font-medium">{t("registers.families.otherMembers")}</legend>
          <p className="mb-2 text-xs text-slate-500">{t("registers.families.otherMembersHint")}</p>
          {Array.from({ length: EXTRA_MEMBER_SLOTS }, (_, i) => i + 2).map((n) => (
            <div key={n} className="mb-2 flex flex-wrap gap-2">
              <SmallField meta={all[`member${n}Name`]!} label={t("registers.families.memberName", { n })} />
              <SmallField meta={all[`member${n}Id`]!} label={t("registers.families.memberId", { n })} />
            </div>
          ))}
        </fieldset>
        <button type="submit" disabled={busy} className={registerButton}>{t("registers.save")}</button>
      </Form>
    </details>
  );
}
