import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import type { z } from "zod";
import { useTranslation, tCode } from "~/i18n/translate.ts";
import { FormError, SubmitButton, TextField } from "~/components/form.tsx";
import { useLiveForm } from "~/components/live-form.tsx";
import { CheckboxField, ChoiceGroup, DataList, DatalistField, SelectField } from "~/components/profile-fields.tsx";
import { RegionPicker } from "~/components/region-picker.tsx";
import { getLanguage } from "~/i18n/language.server.ts";
import { getOptionalUser } from "~/modules/auth/guards.server.ts";
import { FREQUENCIES } from "~/modules/alerts/codes.ts";
import { INTENTIONS, RETURNEE_KINDS, TIMINGS } from "~/modules/returnees/codes.ts";
import { registrationAction, registrationPage } from "~/modules/returnees/forms.server.ts";
import type { registrationSchema } from "~/modules/returnees/schemas.ts";
import { metaT, pageTitle } from "~/utils/meta.ts";
import type { I18nHandle } from "~/i18n/i18n.ts";

export const handle: I18nHandle = { i18n: ["opportunities", "accounts", "seekers", "alerts", "returnees"] };

export const meta: MetaFunction = ({ matches }) => {
  const t = metaT(matches);
  return [{ title: pageTitle(t, t("returnees.title")) }, { name: "description", content: t("returnees.lead") }];
};

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await getOptionalUser(request);
  return registrationPage(user, await getLanguage(request));
}

/** Registers; signed in, on to the person's registration page; without an account, "check your inbox". */
export async function action({ request, context }: ActionFunctionArgs) {
  const user = await getOptionalUser(request);
  const result = await registrationAction(await request.formData(), user, await getLanguage(request), context.clientAddress);
  if (result.next === "mine") throw redirect("/returnees/me?done=registered");
  return result;
}

export default function Returnees() {
  const { t } = useTranslation();
  const data = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const busy = useNavigation().state === "submitting";
  const d = data.defaults;
  const { form, fields } = useLiveForm<z.input<typeof registrationSchema>>({
    id: "returnee",
    lastResult: result?.reply,
    constraint: data.constraint,
    defaultValue: d ? { name: d.name, county: d.county, town: d.town, awayCity: d.awayCity, returneeKind: d.returneeKind, trade: d.trade, skills: d.skills, intentions: d.intentions, timing: d.timing, frequency: d.frequency } : { frequency: "weekly" },
    schema: () => import("~/modules/returnees/schemas.ts").then((m) => m.registrationSchema),
  });
  if (result?.next === "check") {
    return (
      <div className="mx-auto max-w-xl rounded-lg bg-white p-5 shadow-sm" role="status" data-testid="returnee-check">
        <h1 className="mb-3 text-2xl font-bold">{t("returnees.checkTitle")}</h1>
        <p className="mb-3 text-lg">{t(result.channel === "sms" ? "returnees.checkSms" : "returnees.checkEmail")}</p>
        <p className="text-slate-700">{t("returnees.checkNote")}</p>
      </div>
    );
  }
  const errorCount = form.status === "error" ? Object.values(form.allErrors).filter((e) => e.length).length : 0;
  return (
    <div className="mx-auto max-w-2xl space-y-4">
      <section className="rounded-lg bg-white p-5 shadow-sm">
        <h1 className="mb-2 text-2xl font-bold">{t("returnees.title")}</h1>
        <p className="mb-3 text-lg">{t("returnees.lead")}</p>
        <ul className="mb-3 list-disc space-y-1 pl-5">
          <li>{t("returnees.what1")}</li>
          <li>{t("returnees.what2")}</li>
          <li>{t("returnees.what3")}</li>
        </ul>
        <p className="text-sm text-slate-700">{t("returnees.privacy")}</p>
      </section>
      <section className="rounded-lg bg-white p-5 shadow-sm" aria-labelledby="returnee-form-title">
        <h2 id="returnee-form-title" className="mb-2 text-xl font-semibold">{d?.registered ? t("returnees.mine.edit") : t("returnees.formTitle")}</h2>
        {data.signedIn ? (
          <p className="mb-3 text-slate-700">{t("returnees.signedInAs")}</p>
        ) : (
          <p className="mb-3 text-slate-700">
            {t("returnees.noAccount")} {t("returnees.haveAccount")} <Link to="/login?redirectTo=/returnees" className="font-medium text-brand-700 underline">{t("returnees.logIn")}</Link>
          </p>
        )}
        {errorCount > 0 ? <p role="alert" className="mb-3 rounded border border-red-300 bg-red-50 p-3 text-sm text-red-800" data-testid="error-summary">{t("forms.errorSummary", { count: errorCount })}</p> : null}
        <FormError errors={form.errors} />
        <Form method="post" {...form.props}>
          <TextField meta={fields.name} label={t("returnees.name")} autoComplete="name" />
          {data.signedIn ? null : (
            <fieldset className="mb-2">
              <legend className="text-sm font-medium text-slate-800">{t("returnees.contactHint")}</legend>
              <TextField meta={fields.phone} label={t("returnees.phone")} hint={t("returnees.phoneHint")} type="tel" inputMode="tel" autoComplete="tel" />
              <TextField meta={fields.email} label={t("returnees.email")} hint={t("returnees.emailHint")} type="email" inputMode="email" autoComplete="email" />
            </fieldset>
          )}
          <RegionPicker
            testId="returnee-home"
            legend={t("returnees.home")}
            options={data.picker}
            county={fields.county}
            town={fields.town}
            countyLabel={t("returnees.county")}
            townLabel={t("returnees.town")}
            countyPlaceholder={t("returnees.chooseCounty")}
            townPlaceholder={t("returnees.chooseTown")}
            townHint={t("returnees.townHint")}
          />
          <DataList id="away-cities" names={data.cityNames} />
          <DatalistField meta={fields.awayCity} label={t("returnees.awayCity")} hint={t("returnees.awayCityHint")} list="away-cities" />
          <SelectField meta={fields.returneeKind} label={t("returnees.returneeKind")} placeholder={t("returnees.choose")}>
            {RETURNEE_KINDS.map((k) => <option key={k} value={k}>{tCode(t, "seekers.returneeKinds", k)}</option>)}
          </SelectField>
          <TextField meta={fields.trade} label={t("returnees.trade")} hint={t("returnees.tradeHint")} />
          <TextField meta={fields.skills} label={t("returnees.skills")} hint={t("returnees.skillsHint")} />
          <ChoiceGroup meta={fields.intentions} legend={t("returnees.intentions")} type="checkbox" options={INTENTIONS.map((i) => ({ value: i, label: tCode(t, "returnees.intentionNames", i) }))} />
          <ChoiceGroup meta={fields.timing} legend={t("returnees.timing")} type="radio" columns options={TIMINGS.map((i) => ({ value: i, label: tCode(t, "returnees.timings", i) }))} />
          <ChoiceGroup meta={fields.frequency} legend={t("returnees.frequency")} type="radio" options={FREQUENCIES.map((f) => ({ value: f, label: tCode(t, "alerts.frequencies", f) }))} />
          <CheckboxField meta={fields.consent} label={t("returnees.consent")} />
          <SubmitButton busy={busy}>{d?.registered ? t("returnees.update") : t("returnees.submit")}</SubmitButton>
        </Form>
      </section>
    </div>
  );
}
