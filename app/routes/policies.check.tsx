import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { getLanguage } from "~/i18n/language.server.ts";
import { useTranslation } from "~/i18n/translate.ts";
import { loadCheck, type CheckPage } from "~/modules/policies/pages.server.ts";
import { metaT, pageTitle } from "~/utils/meta.ts";
import type { I18nHandle } from "~/i18n/i18n.ts";

export const handle: I18nHandle = { i18n: ["policies"] };

export const meta: MetaFunction = ({ matches }) => {
  const t = metaT(matches);
  return [{ title: pageTitle(t, t("policies.checkTitle")) }, { name: "robots", content: "noindex" }];
};

// A plain GET form (answers in the address, nothing stored); a POST gives the same answer.
export async function loader({ request }: LoaderFunctionArgs) {
  return loadCheck(request, await getLanguage(request));
}

export async function action({ request }: ActionFunctionArgs) {
  return loadCheck(request, await getLanguage(request), await request.formData());
}

function FieldError({ id, message }: { id: string; message?: string }) {
  const { t } = useTranslation();
  if (!message) return null;
  return <p id={id} className="mt-1 text-sm font-semibold text-red-700" role="alert">{t(message as "policies.errors.yesNo")}</p>;
}

function Results({ results }: { results: NonNullable<CheckPage["results"]> }) {
  const { t } = useTranslation();
  const facts = (list: string[]) => list.map((f) => t(`policies.facts.${f}` as "policies.facts.graduate")).join("；");
  if (!results.length) return <p>{t("policies.noResults")}</p>;
  return (
    <ul className="mt-2 space-y-3">
      {results.map(({ policy, result }) => (
        <li key={policy.code} className={`rounded-lg border p-3 ${result.verdict === "applies" ? "border-green-400 bg-green-50" : result.verdict === "maybe" ? "border-amber-300 bg-amber-50" : "border-slate-200 bg-white"}`} data-testid={`result-${policy.code}`} data-verdict={result.verdict}>
          <p className="text-sm font-semibold">{t(`policies.verdicts.${result.verdict}`)}</p>
          <h3 className="text-lg font-semibold"><Link to={`/policies/${policy.code}`} className="text-brand-700 underline">{policy.name}</Link></h3>
          {result.met.length ? <p className="mt-1" data-testid="because">{t("policies.because")} {facts(result.met)}</p> : null}
          {result.missing.length ? <p className="mt-1" data-testid="missing">{t("policies.missing")} {facts(result.missing)}</p> : null}
          {result.unmet.length ? <p className="mt-1 text-slate-600">{t("policies.unmet")} {facts(result.unmet)}</p> : null}
          {result.verdict !== "no" ? <p className="mt-1 text-sm text-slate-700">{t("policies.what")}：{policy.what} {t("policies.where")}：{policy.where}</p> : null}
        </li>
      ))}
    </ul>
  );
}

export default function PolicyCheckPage() {
  const { t } = useTranslation();
  const loaded = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>() ?? loaded;
  const { answers, errors, results, prefilled, region, groups, situations } = data;
  const errorCount = Object.keys(errors).length;
  return (
    <div className="mx-auto max-w-3xl">
      <p><Link to={region ? `/policies?region=${region}` : "/policies"} className="inline-flex min-h-10 items-center text-brand-700 underline">{t("policies.back")}</Link></p>
      <h1 className="mt-1 text-2xl font-bold">{t("policies.checkTitle")}</h1>
      <p className="mt-2 text-slate-700">{t("policies.checkLead")}</p>
      {prefilled ? <p className="mt-2 rounded border border-brand-100 bg-brand-50 p-2 text-sm" data-testid="prefilled">{t("policies.prefilled")}</p> : null}
      <Form method="get" className="mt-4 space-y-4 rounded-lg bg-white p-3 shadow-sm" noValidate>
        <input type="hidden" name="checked" value="1" />
        {region ? <input type="hidden" name="region" value={region} /> : null}
        <fieldset aria-describedby={errors.groups ? "groups-error" : undefined}>
          <legend className="font-semibold">{t("policies.groupsLabel")}</legend>
          <div className="mt-2 grid gap-1 sm:grid-cols-2">
            {groups.map((g) => (
              <label key={g} className="flex min-h-11 items-center gap-2">
                <input type="checkbox" name="groups" value={g} defaultChecked={answers.groups.includes(g)} className="h-5 w-5" />
                {t(`policies.facts.${g}` as "policies.facts.graduate")}
              </label>
            ))}
          </div>
          <FieldError id="groups-error" message={errors.groups} />
        </fieldset>
        <fieldset>
          <legend className="font-semibold">{t("policies.situationsLabel")}</legend>
          {situations.map((f) => (
            <fieldset key={f} className="mt-3" aria-describedby={errors[f] ? `${f}-error` : undefined} aria-invalid={errors[f] ? true : undefined} data-testid={`q-${f}`}>
              <legend>{t(`policies.questions.${f}` as "policies.questions.out_of_work")}</legend>
              <div className="mt-1 flex flex-wrap gap-4">
                {(["yes", "no", ""] as const).map((v) => (
                  <label key={v || "unsure"} className="flex min-h-11 items-center gap-2">
                    <input type="radio" name={f} value={v} defaultChecked={(answers.situations[f] ?? "") === v} className="h-5 w-5" />
                    {t(v === "yes" ? "policies.yes" : v === "no" ? "policies.no" : "policies.unsure")}
                  </label>
                ))}
              </div>
              <FieldError id={`${f}-error`} message={errors[f]} />
            </fieldset>
          ))}
        </fieldset>
        <button type="submit" className="min-h-12 w-full rounded bg-brand-700 px-4 text-lg font-semibold text-white sm:w-auto" data-testid="check-submit">{t("policies.submit")}</button>
      </Form>
      {errorCount ? null : results ? (
        <section className="mt-6" aria-labelledby="results-title" data-testid="results">
          <h2 id="results-title" className="text-xl font-semibold">{t("policies.results")}</h2>
          <p className="text-sm text-slate-600">{t("policies.finalSay")}</p>
          <Results results={results} />
        </section>
      ) : null}
    </div>
  );
}
