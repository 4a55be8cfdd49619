import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation, useSearchParams } from "@remix-run/react";
import { useState } from "react";
import type { z } from "zod";
import { useTranslation, tCode } from "~/i18n/translate.ts";
import { FieldError, FormError, SubmitButton, TextField } from "~/components/form.tsx";
import { useLiveForm } from "~/components/live-form.tsx";
import { CheckboxField, ChoiceGroup, DataList, DatalistField, SelectField, TextAreaField, useHydrated } from "~/components/profile-fields.tsx";
import { replyErrors } from "~/modules/auth/form-errors.ts";
import { requirePermission, safeRedirect } from "~/modules/auth/guards.server.ts";
import { constraints, parseWithZod, profileSchema } from "~/modules/seekers/forms.server.ts";
import { EDUCATION_LEVELS, PROFILE_GROUPS, RETURNEE_KINDS, WISH_KINDS, WISH_OCCUPATIONS_MAX, WORK_ROWS_MAX, WORK_ROWS_MIN } from "~/modules/seekers/profile-options.ts";
import { loadProfileForm, profileRegionOptions, saveProfile, typedWordErrors } from "~/modules/seekers/profile.server.ts";
import { RegionPicker } from "~/components/region-picker.tsx";
import { getLanguage } from "~/i18n/language.server.ts";
import { metaT, pageTitle } from "~/utils/meta.ts";
import type { I18nHandle } from "~/i18n/i18n.ts";

export const handle: I18nHandle = { i18n: ["opportunities", "accounts", "seekers", "organizations", "postings"] };

export const meta: MetaFunction = ({ matches }) => {
  const t = metaT(matches);
  return [{ title: pageTitle(t, t("seekers.profileTitle")) }, { name: "robots", content: "noindex" }];
};

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "profile.edit");
  const lang = await getLanguage(request);
  const [form, regions] = await Promise.all([loadProfileForm(user.id, lang), profileRegionOptions(user.id, lang)]);
  return { ...form, regions, constraint: constraints.profile };
}

/**
 * After an error the reply echoes what was just typed, the ID number included: it goes back only
 * to the person who typed it, in the answer to their own POST. The stored number never leaves the
 * server (the form starts blank and shows the masked copy).
 */
export async function action({ request }: ActionFunctionArgs) {
  const user = await requirePermission(request, "profile.edit");
  const formData = await request.formData();
  const submission = parseWithZod(formData, { schema: profileSchema });
  const lang = await getLanguage(request);
  if (submission.status === "error") {
    // The typed names get their messages in the same answer as the schema's.
    const words = Object.entries(typedWordErrors(formData, lang)).filter(([name]) => !submission.error?.[name]);
    return submission.reply(replyErrors(Object.fromEntries(words)));
  }
  if (submission.status !== "success") return submission.reply();
  const result = await saveProfile(user.id, submission.value, lang);
  if (!result.ok) return submission.reply(replyErrors(result.errors));
  // Sent here from an application: go back to it; otherwise stay and say it was saved.
  return redirect(safeRedirect(formData.get("redirectTo"), "/me/profile?saved=1"));
}

// TextField does not list "month"; browsers without a month picker show a text box, and the schema accepts "2021.3" too.
const MONTH = "month" as "text";

function Section({ id, title, children }: { id: string; title: string; children: React.ReactNode }) {
  return (
    <section id={id} className="mb-4 rounded-lg bg-white p-4 shadow-sm" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} className="mb-3 text-lg font-semibold">{title}</h2>
      {children}
    </section>
  );
}

export default function ProfilePage() {
  // A new form after each save: typed values (the ID number above all) give way to what was stored.
  return <ProfileForm key={useLoaderData<typeof loader>().version} />;
}

function ProfileForm() {
  const { t } = useTranslation();
  const data = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  const busy = useNavigation().state === "submitting";
  const hydrated = useHydrated();
  const { form, fields } = useLiveForm<z.input<typeof profileSchema>>({
    id: "profile",
    lastResult,
    defaultValue: data.defaultValue,
    constraint: data.constraint,
    schema: () => import("~/modules/seekers/profile-schema.ts").then((m) => m.profileSchema),
  });
  const groupsValue = fields.groups.initialValue;
  const [returnee, setReturnee] = useState(Array.isArray(groupsValue) ? groupsValue.includes("returnee") : groupsValue === "returnee");
  // Counted after a submission only, so the summary does not flicker while typing.
  const errorCount = form.status === "error" ? Object.values(form.allErrors).filter((e) => e.length).length : 0;
  const work = form.list("workHistory", WORK_ROWS_MIN);
  const rows = work.rows;

  return (
    <div className="mx-auto max-w-2xl">
      <p className="mb-2 text-sm"><Link to="/me" className="text-brand-700 underline">{t("seekers.back")}</Link></p>
      <h1 className="mb-4 text-2xl font-bold">{t("seekers.profileTitle")}</h1>
      {searchParams.get("saved") === "1" && !lastResult ? (
        <p role="status" className="mb-4 rounded border border-green-300 bg-green-50 p-3 text-green-900" data-testid="profile-saved">{t("seekers.saved")}</p>
      ) : null}
      {errorCount > 0 ? (
        <p role="alert" className="mb-4 rounded border border-red-300 bg-red-50 p-3 text-sm text-red-800" data-testid="error-summary">{t("forms.errorSummary", { count: errorCount })}</p>
      ) : null}
      <FormError errors={form.errors} />
      <Form method="post" {...form.props}>
        {/* Enter in a text box submits with the first submit button: make that "save", not a row button. */}
        <button type="submit" className="sr-only" tabIndex={-1} aria-hidden="true">{t("seekers.save")}</button>
        <input type="hidden" name="redirectTo" value={searchParams.get("redirectTo") ?? ""} />

        <Section id="wishes" title={t("seekers.sections.wishes")}>
          <p className="mb-3 text-sm text-slate-600" data-testid="matching-lead">{t("seekers.matching.lead")}</p>
          <ChoiceGroup meta={fields.wishKinds} legend={t("seekers.wishKinds")} hint={t("seekers.matching.wishKindsHint")} type="checkbox" columns options={WISH_KINDS.map((k) => ({ value: k, label: tCode(t, "kinds", k) }))} />
          <fieldset className="mb-2" aria-describedby="wish-occupations-hint">
            <legend className="text-sm font-medium text-slate-800">{t("seekers.matching.occupations")}</legend>
            <p id="wish-occupations-hint" className="mb-2 mt-1 text-xs text-slate-500">{t("seekers.matching.occupationsHint")}</p>
            <DataList id="occupation-names" names={data.occupationNames} />
            {Array.from({ length: WISH_OCCUPATIONS_MAX }, (_, i) => (
              <DatalistField key={i} meta={fields[`wishOccupations[${i}]` as keyof typeof fields]} label={t("seekers.matching.occupation", { n: i + 1 })} list="occupation-names" />
            ))}
            <FieldError id={fields.wishOccupations.errorId} errors={fields.wishOccupations.errors} />
          </fieldset>
          <TextField meta={fields.wishPayMin} label={t("seekers.wishPayMin")} hint={t("seekers.matching.payHint")} inputMode="numeric" />
          <TextField meta={fields.wishStartDate} label={t("seekers.wishStartDate")} hint={t("seekers.matching.startHint")} type="date" />
        </Section>
        <Section id="places" title={t("seekers.sections.places")}>
          <ChoiceGroup meta={fields.wishCounties} legend={t("seekers.wishCounties")} hint={t("seekers.matching.countiesHint")} type="checkbox" columns options={data.regions.counties.filter((c) => c.selectable !== false).map((c) => ({ value: c.code, label: c.retired ? t("regionPicker.retiredName", { name: c.name }) : c.name }))} />
          <TextField meta={fields.travelKm} label={t("seekers.matching.travelKm")} hint={t("seekers.matching.travelKmHint")} inputMode="numeric" />
          <p className="mb-2 text-xs text-slate-500">{t("seekers.matching.placesHint")}</p>
          {(
            [
              ["hometown", t("seekers.hometown"), fields.hometownCounty, fields.hometownTown],
              ["current", t("seekers.currentPlace"), fields.currentCounty, fields.currentTown],
            ] as const
          ).map(([id, legend, county, town]) => (
            <RegionPicker
              key={id}
              testId={`place-${id}`}
              legend={legend}
              options={data.regions}
              county={county}
              town={town}
              countyLabel={t("seekers.county")}
              townLabel={t("seekers.town")}
              countyPlaceholder={t("seekers.chooseCounty")}
              townPlaceholder={t("seekers.chooseTown")}
            />
          ))}
          <fieldset className="rounded border border-slate-200 p-3" data-testid="away">
            <legend className="px-1 text-sm font-medium text-slate-800">{t("seekers.matching.away")}</legend>
            <p className="mb-2 text-xs text-slate-500">{t("seekers.matching.awayHint")}</p>
            <DataList id="city-names" names={data.cityNames} />
            <DatalistField meta={fields.awayCity} label={t("seekers.matching.awayCity")} hint={t("seekers.matching.awayCityHint")} list="city-names" />
            <TextField meta={fields.comeHomeBy} label={t("seekers.matching.comeHomeBy")} hint={t("seekers.monthHint")} type={MONTH} />
          </fieldset>
        </Section>
        <Section id="education" title={t("seekers.sections.education")}>
          <SelectField meta={fields.education} label={t("seekers.education")} hint={t("seekers.matching.educationHint")}>
            {EDUCATION_LEVELS.map((level) => <option key={level} value={level}>{level === "any" ? t("seekers.educationUnset") : tCode(t, "education", level)}</option>)}
          </SelectField>
          <TextField meta={fields.school} label={t("seekers.school")} />
          <TextField meta={fields.major} label={t("seekers.major")} />
          <TextField meta={fields.graduationYear} label={t("seekers.graduationYear")} hint={t("seekers.graduationYearHint")} inputMode="numeric" />
        </Section>
        <Section id="work" title={t("seekers.sections.work")}>
          <ChoiceGroup meta={fields.credentials} legend={t("seekers.matching.credentials")} hint={t("seekers.matching.credentialsHint")} type="checkbox" columns options={data.credentialOptions} />
          <DataList id="credential-names" names={data.credentialNames} />
          <DatalistField meta={fields.credentialOther} label={t("seekers.matching.credentialOther")} hint={t("seekers.matching.otherHint")} list="credential-names" />
          <ChoiceGroup meta={fields.skillCodes} legend={t("seekers.matching.skillCodes")} hint={t("seekers.matching.skillCodesHint")} type="checkbox" columns options={data.skillOptions} />
          <DataList id="skill-names" names={data.skillNames} />
          <DatalistField meta={fields.skillOther} label={t("seekers.matching.skillOther")} hint={t("seekers.matching.otherHint")} list="skill-names" />
          <TextField meta={fields.experienceYears} label={t("seekers.matching.experienceYears")} hint={t("seekers.matching.experienceYearsHint")} inputMode="numeric" />
          <TextAreaField meta={fields.skills} label={t("seekers.skills")} hint={t("seekers.skillsHint")} />
          <fieldset>
            <legend className="font-medium">{t("seekers.workHistory")}</legend>
            <p className="mb-2 text-xs text-slate-500">{t("seekers.workHistoryHint")}</p>
            {rows.map((row, index) => {
              const f = row.field;
              return (
                <fieldset key={row.key} className="mb-3 rounded border border-slate-200 p-3" data-testid="work-row">
                  <legend className="px-1 text-sm text-slate-600">{t("seekers.workRow", { n: index + 1 })}</legend>
                  <TextField meta={f("employer")} label={t("seekers.employer")} />
                  <TextField meta={f("title")} label={t("seekers.jobTitle")} />
                  <div className="grid gap-x-3 sm:grid-cols-2">
                    <TextField meta={f("from")} label={t("seekers.from")} hint={t("seekers.monthHint")} type={MONTH} />
                    <TextField meta={f("to")} label={t("seekers.to")} hint={t("seekers.monthHint")} type={MONTH} />
                  </div>
                  {rows.length > 1 ? (
                    <button {...work.removeButton(index)} className="text-sm text-red-800 underline">{t("seekers.removeRow")}</button>
                  ) : null}
                </fieldset>
              );
            })}
            {rows.length < WORK_ROWS_MAX ? (
              <button {...work.insertButton({ employer: "", title: "", from: "", to: "" })} className="mb-2 rounded border border-slate-300 px-3 py-2 text-sm" data-testid="add-work-row">
                {t("seekers.addRow")}
              </button>
            ) : null}
            <FieldError id={fields.workHistory.errorId} errors={fields.workHistory.errors} />
          </fieldset>
          {data.brandOptions.length ? (
            <ChoiceGroup meta={fields.brandsTrained} legend={t("seekers.matching.brandsTrained")} hint={t("seekers.matching.brandsTrainedHint")} type="checkbox" columns options={data.brandOptions} />
          ) : null}
        </Section>
        <Section id="basics" title={t("seekers.sections.basics")}>
          <TextField meta={fields.name} label={t("seekers.name")} autoComplete="name" />
          <TextField meta={fields.phone} label={t("seekers.phone")} hint={t("seekers.phoneHint")} type="tel" inputMode="tel" autoComplete="tel" />
          <TextField
            meta={fields.idNumber}
            label={`${t("seekers.idNumber")} (${t("forms.optional")})`}
            hint={data.idNumberMasked ? t("seekers.idNumberStored", { masked: data.idNumberMasked }) : t("seekers.idNumberHint")}
            autoComplete="off"
          />
          {data.idNumberMasked ? (
            <p className="mb-3 text-sm text-slate-700" data-testid="id-verified">
              {data.idVerified ? tCode(t, "seekers.idVerified", data.idVerified) : t("seekers.idVerified.none")}
            </p>
          ) : null}
          {data.idNumberMasked ? (
            <>
              <p className="mb-3 text-sm text-slate-700" data-testid="id-derived">
                {t("seekers.birthDate")}: {data.birthDate} · {t("seekers.sex")}: {data.sex ? tCode(t, "seekers.sexValue", data.sex as "male" | "female") : "—"}
                <span className="text-slate-500"> ({t("seekers.derivedFromId")})</span>
              </p>
              <CheckboxField meta={fields.idNumberRemove} label={t("seekers.idNumberRemove")} />
            </>
          ) : null}
        </Section>
        <Section id="groups" title={t("seekers.sections.groups")}>
          <ChoiceGroup
            meta={fields.groups}
            legend={t("seekers.sections.groups")}
            hint={t("seekers.groupsHint")}
            type="checkbox"
            columns
            legendHidden
            options={PROFILE_GROUPS.map((g) => ({ value: g, label: tCode(t, "groups", g), note: g === "youth_unemployed" ? t("seekers.matching.groupNotes.youth_unemployed") : undefined }))}
            onToggle={(value, checked) => value === "returnee" && setReturnee(checked)}
          />
          {!hydrated || returnee ? (
            <div className="ml-2 border-l-4 border-brand-200 pl-3" data-testid="returnee-kind">
              <ChoiceGroup
                meta={fields.returneeKind}
                legend={t("seekers.returneeKind")}
                hint={t("seekers.returneeKindHint")}
                type="radio"
                options={RETURNEE_KINDS.map((k) => ({ value: k, label: tCode(t, "seekers.returneeKinds", k) }))}
              />
            </div>
          ) : null}
        </Section>
        <Section id="consents" title={t("seekers.sections.consents")}>
          <p className="mb-2 text-sm text-slate-600">{t("seekers.consentsHint")}</p>
          <CheckboxField meta={fields.consentMatching} label={t("seekers.consentMatching")} />
          <CheckboxField meta={fields.consentSharing} label={t("seekers.consentSharing")} />
          <CheckboxField meta={fields.consentCandidate} label={t("seekers.consentCandidate")} />
        </Section>
        <SubmitButton busy={busy}>{t("seekers.save")}</SubmitButton>
      </Form>
    </div>
  );
}
