import { Form, useNavigation } from "@remix-run/react";
import type { z } from "zod";
import { useTranslation, tCode } from "~/i18n/translate.ts";
import { FormError, TextField } from "~/components/form.tsx";
import { useLiveForm, type Constraints, type Reply } from "~/components/live-form.tsx";
import { CheckboxField, ChoiceGroup, SelectField, TextAreaField } from "~/components/profile-fields.tsx";
import { RegionPicker, type RegionPickerOptions } from "~/components/region-picker.tsx";
import {
  BENEFITS,
  CONTRACT_TYPES,
  EDUCATION_LEVELS,
  GIG_PAY_PERIODS,
  PAY_PERIODS,
  POSTING_GROUPS,
  REFRESH_INTENT,
  type PostingKind,
} from "~/modules/postings/options.ts";
import type { fullPostingSchema } from "~/modules/postings/schemas.ts";

type Choice = { value: string; label: string };
export interface RequirementChoices {
  credentials: Choice[];
  skills: Choice[];
}

export interface PostingFormOptions extends RegionPickerOptions {
  industries: { code: string; name: string }[];
  brands: { code: string; name: string }[];
  /** The occupations' datalist, "修脚师 4-10-03-05", in the page's language. */
  occupations: string[];
  /** The certificate and skill check boxes the form starts with. */
  requirements: RequirementChoices;
}

// TextField lists the common types only; browsers without these pickers show a text box, and the schema reads typed dates too.
const DATE = "date";
const TIME = "time" as "text";

/**
 * The posting form: the full form for jobs and internships, the short form for gigs. Works without
 * JavaScript (a plain POST; the server answers with the errors and what was typed); with it, the
 * same schema (loaded at the form's first use) checks each field as it is left, the content check
 * included. The occupation box offers the classification as a datalist; the server reads it.
 */
export function PostingForm({
  kind,
  options,
  constraint,
  defaultValue,
  answer,
  republish,
}: {
  kind: PostingKind;
  options: PostingFormOptions;
  constraint: Constraints;
  defaultValue: Record<string, string | string[]>;
  /** The server's answer to a submission: messages, what was typed, the check boxes for the typed occupation. */
  answer: { reply: Reply; choices: RequirementChoices } | undefined;
  /** Editing a post that is live: saving takes it out of search until staff approve it again. */
  republish?: boolean;
}) {
  const { t } = useTranslation();
  const busy = useNavigation().state === "submitting";
  const { form, fields } = useLiveForm<z.input<typeof fullPostingSchema>>({
    id: `posting-${kind}`,
    lastResult: answer?.reply,
    defaultValue,
    constraint,
    schema: () => import("~/modules/postings/schemas.ts").then((m) => m.postingSchemaFor(kind)),
  });
  const errorCount = Object.entries(form.allErrors).filter(([name, e]) => name !== "" && e.length).length;
  const f = fields as unknown as Record<string, Parameters<typeof TextField>[0]["meta"]>;
  const gig = kind === "gig";
  const requirements = answer?.choices ?? options.requirements;

  return (
    <>
      {errorCount > 0 ? (
        <p role="alert" className="mb-4 rounded border border-red-300 bg-red-50 p-3 text-sm text-red-800" data-testid="error-summary">
          {t("forms.errorSummary", { count: errorCount })}
        </p>
      ) : null}
      <FormError errors={form.errors} />
      <Form method="post" {...form.props}>
        <input type="hidden" name="kind" value={kind} />
        {/* Enter in a text box submits with the first submit button: make that "submit". */}
        <button type="submit" name="intent" value="submit" className="sr-only" tabIndex={-1} aria-hidden="true">{t("postings.form.submit")}</button>

        <Section id="what" title={t("postings.form.sections.what")}>
          <TextField meta={f.title!} label={t("postings.form.title")} hint={t(gig ? "postings.form.titleHintGig" : "postings.form.titleHint")} />
          {gig ? null : (
            <>
              <OccupationField meta={f.occupation!} label={t("postings.form.occupation")} hint={t("postings.form.occupationHint")} choices={options.occupations} />
              <SelectField meta={f.industryCode!} label={t("postings.form.industry")} placeholder={t("postings.form.none")}>
                {options.industries.map((i) => <option key={i.code} value={i.code}>{i.name}</option>)}
              </SelectField>
              <SelectField meta={f.brandCode!} label={t("postings.form.brand")} hint={t("postings.form.brandHint")} placeholder={t("postings.form.none")}>
                {options.brands.map((b) => <option key={b.code} value={b.code}>{b.name}</option>)}
              </SelectField>
            </>
          )}
          <TextAreaField meta={f.description!} label={t("postings.form.description")} hint={t(gig ? "postings.form.descriptionHintGig" : "postings.form.descriptionHint")} rows={gig ? 3 : 5} />
        </Section>

        {gig ? (
          <Section id="when" title={t("postings.form.sections.when")}>
            <TextField meta={f.workDate!} label={t("postings.form.workDate")} hint={t("postings.form.workDateHint")} type={DATE} />
            <div className="grid grid-cols-2 gap-x-3">
              <TextField meta={f.startTime!} label={t("postings.form.startTime")} type={TIME} />
              <TextField meta={f.endTime!} label={t("postings.form.endTime")} type={TIME} />
            </div>
          </Section>
        ) : null}

        <Section id="pay" title={t("postings.form.sections.pay")}>
          {gig ? (
            <>
              <TextField meta={f.pay!} label={t("postings.form.gigPay")} hint={t("postings.form.gigPayHint")} inputMode="numeric" />
              <ChoiceGroup meta={f.payPeriod!} legend={t("postings.form.payPeriod")} type="radio" options={GIG_PAY_PERIODS.map((p) => ({ value: p, label: tCode(t, "payPeriod", p) }))} />
            </>
          ) : (
            <>
              <div className="grid grid-cols-2 gap-x-3">
                <TextField meta={f.payMin!} label={t("postings.form.payMin")} inputMode="numeric" />
                <TextField meta={f.payMax!} label={t("postings.form.payMax")} inputMode="numeric" />
              </div>
              {kind === "job" ? (
                <SelectField meta={f.payPeriod!} label={t("postings.form.payPeriod")}>
                  {PAY_PERIODS.map((p) => <option key={p} value={p}>{tCode(t, "payPeriod", p)}</option>)}
                </SelectField>
              ) : (
                <p className="-mt-2 mb-4 text-xs text-slate-500">{t("postings.form.allowanceHint")}</p>
              )}
            </>
          )}
          <TextField meta={f.headcount!} label={t(gig ? "postings.form.peopleNeeded" : "postings.form.headcount")} inputMode="numeric" />
          {kind === "job" ? (
            <SelectField meta={f.contractType!} label={t("postings.form.contractType")}>
              {CONTRACT_TYPES.map((c) => <option key={c} value={c}>{tCode(t, "contract", c)}</option>)}
            </SelectField>
          ) : null}
          {kind === "internship" ? (
            <>
              <TextField meta={f.durationMonths!} label={t("postings.form.durationMonths")} inputMode="numeric" />
              <TextField meta={f.eligibleMajors!} label={`${t("postings.form.eligibleMajors")} (${t("forms.optional")})`} hint={t("postings.form.eligibleMajorsHint")} />
            </>
          ) : null}
          {gig ? null : (
            <ChoiceGroup meta={f.benefits!} legend={`${t("postings.form.benefits")} (${t("forms.optional")})`} type="checkbox" columns options={BENEFITS.map((b) => ({ value: b, label: tCode(t, "benefits", b) }))} />
          )}
        </Section>

        <Section id="where" title={t("postings.form.sections.where")}>
          <RegionPicker
            options={options}
            county={f.countyCode!}
            town={f.townCode!}
            countyLabel={t("postings.form.county")}
            townLabel={`${t("postings.form.town")} (${t("forms.optional")})`}
            countyPlaceholder={t("postings.form.choose")}
            townPlaceholder={t("postings.form.townNone")}
          />
          <TextField meta={f.address!} label={t("postings.form.address")} hint={t("postings.form.addressHint")} />
        </Section>

        <Section id="who" title={t("postings.form.sections.who")}>
          <TextAreaField meta={f.requirements!} label={t("postings.form.requirements")} hint={t(gig ? "postings.form.requirementsHintGig" : "postings.form.requirementsHint")} rows={gig ? 2 : 4} />
          {gig ? null : (
            <>
              <SelectField meta={f.education!} label={t("postings.form.education")}>
                {EDUCATION_LEVELS.map((e) => <option key={e} value={e}>{tCode(t, "education", e)}</option>)}
              </SelectField>
              <TextField meta={f.experienceYears!} label={`${t("postings.form.experienceYears")} (${t("forms.optional")})`} inputMode="numeric" />
              <div className="grid grid-cols-2 gap-x-3">
                <TextField meta={f.ageMin!} label={`${t("postings.form.ageMin")} (${t("forms.optional")})`} inputMode="numeric" />
                <TextField meta={f.ageMax!} label={`${t("postings.form.ageMax")} (${t("forms.optional")})`} inputMode="numeric" />
              </div>
              <p className="-mt-2 mb-4 text-xs text-slate-500">{t("postings.form.ageHint")}</p>
              <ChoiceGroup meta={f.credentials!} legend={`${t("postings.form.credentials")} (${t("forms.optional")})`} hint={t("postings.form.credentialsHint")} type="checkbox" columns options={requirements.credentials} />
              <ChoiceGroup meta={f.skillCodes!} legend={`${t("postings.form.skillCodes")} (${t("forms.optional")})`} type="checkbox" columns options={requirements.skills} />
              <button type="submit" name="intent" value={REFRESH_INTENT} formNoValidate disabled={busy} className="mb-4 min-h-11 rounded-md border border-brand-700 bg-white px-4 text-sm text-brand-700 disabled:opacity-60">
                {t("postings.form.showRequirements")}
              </button>
              <TextAreaField meta={f.skills!} label={`${t("postings.form.skills")} (${t("forms.optional")})`} rows={2} />
              <ChoiceGroup meta={f.groups!} legend={`${t("postings.form.groups")} (${t("forms.optional")})`} hint={t("postings.form.groupsHint")} type="checkbox" columns options={POSTING_GROUPS.map((g) => ({ value: g, label: tCode(t, "groups", g) }))} />
              <CheckboxField meta={f.groupOnly!} label={t("postings.form.groupOnly")} />
            </>
          )}
          <p className="text-xs text-slate-500">{t("postings.form.lawfulHint")}</p>
        </Section>

        <Section id="apply" title={t("postings.form.sections.apply")}>
          <TextField meta={f.contactPhone!} label={gig ? t("postings.form.contactPhone") : `${t("postings.form.contactPhone")} (${t("forms.optional")})`} hint={t("postings.form.contactPhoneHint")} type="tel" inputMode="tel" />
          <TextAreaField meta={f.howToApply!} label={gig ? `${t("postings.form.howToApply")} (${t("forms.optional")})` : t("postings.form.howToApply")} hint={t("postings.form.howToApplyHint")} rows={2} />
          {gig ? (
            <p className="text-sm text-slate-600">{t("postings.form.gigEnds")}</p>
          ) : (
            <TextField meta={f.validUntil!} label={t("postings.form.validUntil")} hint={t("postings.form.validUntilHint")} type={DATE} />
          )}
        </Section>

        {republish ? <p className="mb-3 rounded border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900" role="note">{t("postings.form.republishNote")}</p> : null}
        <p className="mb-3 text-sm text-slate-600">{t("postings.form.reviewNote")}</p>
        <div className="flex flex-col gap-3 sm:flex-row">
          <button type="submit" name="intent" value="submit" disabled={busy} className="min-h-12 rounded-md bg-brand-700 px-5 text-base font-semibold text-white hover:bg-brand-800 disabled:opacity-60">
            {t("postings.form.submit")}
          </button>
          <button type="submit" name="intent" value="draft" disabled={busy} className="min-h-12 rounded-md border border-slate-400 bg-white px-5 text-base disabled:opacity-60">
            {t("postings.form.saveDraft")}
          </button>
        </div>
      </Form>
    </>
  );
}

/** A text box with the classification as a datalist: the browser suggests as one types, with or without JavaScript. */
function OccupationField({ meta, label, hint, choices }: { meta: Parameters<typeof TextField>[0]["meta"]; label: string; hint: string; choices: string[] }) {
  const listId = `${meta.id}-list`;
  return (
    <>
      <TextField meta={meta} label={label} hint={hint} list={listId} autoComplete="off" />
      <datalist id={listId}>{choices.map((c) => <option key={c} value={c} />)}</datalist>
    </>
  );
}

function Section({ id, title, children }: { id: string; title: string; children: React.ReactNode }) {
  return (
    <section className="mb-4 rounded-lg bg-white p-4 shadow-sm" aria-labelledby={`posting-${id}`}>
      <h2 id={`posting-${id}`} className="mb-3 text-lg font-semibold">{title}</h2>
      {children}
    </section>
  );
}

