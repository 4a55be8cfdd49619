import { getFormProps, useForm } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod";
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation, tCode } from "~/i18n/translate.ts";
import { FormError, SubmitButton, TextField } from "~/components/form.tsx";
import { StaffNav } from "~/components/organization-parts.tsx";
import { ChoiceGroup, SelectField } from "~/components/profile-fields.tsx";
import { RegionPicker } from "~/components/region-picker.tsx";
import { getLanguage } from "~/i18n/language.server.ts";
import { replyErrors } from "~/modules/auth/form-errors.ts";
import { requirePermission } from "~/modules/auth/guards.server.ts";
import { createPlacement, enteredPlacement, entryOptions } from "~/modules/placements/entry.server.ts";
import { PLACEMENT_CONTINUITIES, PLACEMENT_GROUPS, PLACEMENT_KINDS, PLACEMENT_RETURNEE_KINDS, placementRowSchema } from "~/modules/placements/schemas.ts";
import { metaT, pageTitle } from "~/utils/meta.ts";
import type { I18nHandle } from "~/i18n/i18n.ts";

export const handle: I18nHandle = { i18n: ["opportunities", "accounts", "seekers", "organizations", "postings", "placements", "registers", "targets", "exports"] };

export const meta: MetaFunction = ({ matches }) => {
  const t = metaT(matches);
  return [{ title: pageTitle(t, t("placementEntry.newTitle")) }, { name: "robots", content: "noindex" }];
};

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "placement.create");
  const savedId = Number(new URL(request.url).searchParams.get("saved"));
  const saved = Number.isSafeInteger(savedId) && savedId > 0 ? await enteredPlacement(user, savedId) : null;
  return { options: await entryOptions(user, await getLanguage(request)), saved };
}

/** One placement entered by hand: checked by the shared row schema, then scope and duplicates in the module. */
export async function action({ request }: ActionFunctionArgs) {
  const user = await requirePermission(request, "placement.create");
  const submission = parseWithZod(await request.formData(), { schema: placementRowSchema });
  if (submission.status !== "success") return submission.reply();
  const result = await createPlacement(user, submission.value);
  if (!result.ok) return submission.reply(replyErrors(result.errors));
  return redirect(`/staff/placements/new?saved=${result.id}`);
}

export default function NewPlacement() {
  const { t } = useTranslation();
  const { options, saved } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const busy = useNavigation().state === "submitting";
  const [form, fields] = useForm({
    lastResult,
    constraint: getZodConstraint(placementRowSchema),
    onValidate: ({ formData }) => parseWithZod(formData, { schema: placementRowSchema }),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
    defaultValue: { continuity: "new_employer" },
  });
  return (
    <div className="mx-auto max-w-xl">
      <StaffNav />
      <h1 className="mb-1 text-2xl font-bold">{t("placementEntry.newTitle")}</h1>
      <p className="mb-3 text-slate-600">{t("placementEntry.newLead")}</p>
      <p className="mb-4 flex flex-wrap gap-x-4 text-sm">
        <Link to="/staff/placements" className="inline-flex min-h-11 items-center text-brand-700 underline">{t("placementEntry.backToList")}</Link>
        <Link to="/staff/placements/import" className="inline-flex min-h-11 items-center text-brand-700 underline">{t("placementEntry.importLink")}</Link>
      </p>
      {saved && !lastResult ? (
        <p role="status" className="mb-4 rounded border border-emerald-300 bg-emerald-50 p-3 text-emerald-900" data-testid="placement-saved">
          {t("placementEntry.saved", { name: saved.personName })} {t("placementEntry.savedNext")}
        </p>
      ) : null}
      <div className="rounded-lg bg-white p-5 shadow-sm">
        <FormError errors={form.errors} />
        <Form method="post" {...getFormProps(form)} noValidate>
          <TextField meta={fields.personName} label={t("placementEntry.fields.personName")} autoComplete="off" />
          <TextField meta={fields.idNumber} label={t("placementEntry.fields.idNumber")} hint={t("placementEntry.hints.idNumber")} autoComplete="off" />
          <SelectField meta={fields.kind} label={t("placementEntry.fields.kind")} placeholder={t("placementEntry.choose")}>
            {PLACEMENT_KINDS.map((k) => <option key={k} value={k}>{tCode(t, "placements.kinds", k)}</option>)}
          </SelectField>
          <ChoiceGroup
            meta={fields.groups}
            legend={t("placementEntry.fields.groups")}
            hint={t("placementEntry.hints.groups")}
            type="checkbox"
            columns
            options={PLACEMENT_GROUPS.map((g) => ({ value: g, label: tCode(t, "groups", g) }))}
          />
          <SelectField meta={fields.returneeKind} label={t("placementEntry.fields.returneeKind")} hint={t("placementEntry.hints.returneeKind")} placeholder={t("placementEntry.choose")}>
            {PLACEMENT_RETURNEE_KINDS.map((k) => <option key={k} value={k}>{tCode(t, "seekers.returneeKinds", k)}</option>)}
          </SelectField>
          <SelectField meta={fields.continuity} label={t("placementEntry.fields.continuity")} hint={t("placementEntry.hints.continuity")}>
            {PLACEMENT_CONTINUITIES.map((c) => <option key={c} value={c}>{tCode(t, "placementEntry.continuities", c)}</option>)}
          </SelectField>
          <TextField meta={fields.employerName} label={t("placementEntry.fields.employerName")} autoComplete="off" />
          <TextField meta={fields.creditCode} label={t("placementEntry.fields.creditCode")} hint={t("placementEntry.hints.creditCode")} autoComplete="off" />
          <RegionPicker
            options={options}
            town={fields.regionCode}
            wholeCounty
            townLabel={t("placementEntry.fields.regionCode")}
            townHint={t("placementEntry.hints.regionCode")}
            townPlaceholder={t("placementEntry.choose")}
          />
          <TextField meta={fields.startDate} label={t("placementEntry.fields.startDate")} hint={t("placementEntry.hints.startDate")} type="date" />
          <SubmitButton busy={busy}>{t("placementEntry.save")}</SubmitButton>
        </Form>
      </div>
    </div>
  );
}
