import { getFormProps } from "@conform-to/react";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation, tCode } from "~/i18n/translate.ts";
import { FormError, TextField } from "~/components/form.tsx";
import { card, Pager } from "~/components/organization-parts.tsx";
import { SelectField } from "~/components/profile-fields.tsx";
import { RegionPicker, type RegionPickerOptions } from "~/components/region-picker.tsx";
import { DoneNote, Figure, ListFilter, registerButton, RowAction, useRegisterForm } from "~/components/register-parts.tsx";
import { getLanguage } from "~/i18n/language.server.ts";
import { requirePermission } from "~/modules/auth/guards.server.ts";
import { COMMUNITY_LEVELS } from "~/modules/registers/formulas.ts";
import { createCommunity, deleteCommunity, listCommunities, regionChoices } from "~/modules/registers/registers.server.ts";
import { communityCreateSchema, deleteSchema, yearQuerySchema, type YearQuery } from "~/modules/registers/schemas.ts";
import { formatDate } from "~/utils/format.ts";
import { httpError } from "~/utils/http.ts";
import { on, registerAction, type RegisterActionData } from "~/utils/register-action.ts";
import type { I18nHandle } from "~/i18n/i18n.ts";

export const handle: I18nHandle = { i18n: ["opportunities", "accounts", "seekers", "organizations", "postings", "registers", "targets", "exports"] };

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "register.manage");
  const query = yearQuerySchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  const lang = await getLanguage(request);
  const list = await listCommunities(user, query, lang);
  if (!list) throw httpError(404);
  return { query, list, choices: await regionChoices(user, lang) };
}

export async function action({ request }: ActionFunctionArgs): Promise<RegisterActionData> {
  const user = await requirePermission(request, "register.manage");
  return registerAction(request, {
    create: on(communityCreateSchema, (v) => createCommunity(user, v), "registers.communities.created"),
    delete: on(deleteSchema, (v) => deleteCommunity(user, v.id), "registers.deleted"),
  });
}

export default function CommunityRegister() {
  const { t, i18n } = useTranslation();
  const { query, list, choices } = useLoaderData<typeof loader>();
  const acted = useActionData<typeof action>();
  const href = (changes: Partial<YearQuery>) => {
    const next = { ...query, ...changes };
    const params = new URLSearchParams({ year: String(next.year), ...(next.region ? { region: next.region } : {}), ...(next.page > 1 ? { page: String(next.page) } : {}) });
    return `/staff/registers/communities?${params}`;
  };
  return (
    <>
      <p className="mb-3 text-slate-600">{t("registers.communities.lead")}</p>
      <DoneNote acted={acted} />
      <div className="mb-4 grid grid-cols-2 gap-2 sm:grid-cols-5">
        <Figure label={t("registers.communities.counted")} value={String(list.summary.counted)} testId="communities-counted" />
        {COMMUNITY_LEVELS.map((level) => <Figure key={level} label={tCode(t, "registers.communities.levels", level)} value={String(list.summary.byLevel[level] ?? 0)} />)}
      </div>
      <CreateForm acted={acted} picker={choices.picker} year={query.year} />
      <ListFilter year={query.year} region={query.region} options={choices.picker} />
      <p className="mb-2 text-sm text-slate-600">{t("registers.total", { count: list.total })}</p>
      {list.rows.length === 0 ? <p className={card}>{t("registers.empty")}</p> : null}
      <ul className="space-y-3" data-testid="community-list">
        {list.rows.map((row) => (
          <li key={row.id} className={card} data-testid="community">
            <div className="flex flex-wrap items-start justify-between gap-2">
              <h2 className="text-lg font-semibold">{row.name}</h2>
              <span className="rounded bg-emerald-100 px-2 py-0.5 text-sm font-semibold text-emerald-900">{tCode(t, "registers.communities.levels", row.level)}</span>
            </div>
            <p className="mt-1 text-sm text-slate-700">
              {row.place}
              {row.villageCode ? ` · ${row.villageCode}` : ""} · {t("registers.communities.recognisedOn", { year: row.year, date: formatDate(row.recognisedAt, i18n.language) })}
            </p>
            <RowAction intent="delete" id={row.id} schema={deleteSchema} acted={acted} label={t("registers.delete")} danger />
          </li>
        ))}
      </ul>
      <Pager page={query.page} pages={list.pages} href={(page) => href({ page })} />
    </>
  );
}

function CreateForm({ acted, picker, year }: { acted: RegisterActionData | undefined; picker: RegionPickerOptions; year: number }) {
  const { t } = useTranslation();
  const busy = useNavigation().state === "submitting";
  const [form, fields] = useRegisterForm("create", communityCreateSchema, acted, { year: String(year) });
  const all = fields as unknown as Record<string, Parameters<typeof TextField>[0]["meta"]>;
  return (
    <details className={`${card} mb-4`} open={acted?.form === "create" && !acted.done}>
      <summary className="inline-flex min-h-11 cursor-pointer items-center font-semibold text-brand-700">{t("registers.communities.add")}</summary>
      <Form method="post" {...getFormProps(form)} noValidate className="mt-3">
        <FormError errors={form.errors} />
        <input type="hidden" name="intent" value="create" />
        <TextField meta={fields.name} label={t("registers.communities.name")} />
        <RegionPicker options={picker} town={fields.regionCode} townLabel={t("registers.town")} townPlaceholder={t("registers.chooseTown")} />
        <TextField meta={fields.villageCode} label={t("registers.communities.villageCode")} hint={t("registers.communities.villageCodeHint")} inputMode="numeric" />
        <SelectField meta={fields.level} label={t("registers.communities.level")} placeholder={t("registers.choose")}>
          {COMMUNITY_LEVELS.map((l) => <option key={l} value={l}>{tCode(t, "registers.communities.levels", l)}</option>)}
        </SelectField>
        <TextField meta={all.year!} label={t("registers.year")} inputMode="numeric" />
        <TextField meta={fields.recognisedAt} label={t("registers.communities.recognisedAt")} type="date" />
        <button type="submit" disabled={busy} className={registerButton}>{t("registers.save")}</button>
      </Form>
    </details>
  );
}
