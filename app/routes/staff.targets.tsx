import { getFormProps, useForm, type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation, tCode } from "~/i18n/translate.ts";
import { FieldError, FormError } from "~/components/form.tsx";
import { card, StaffNav } from "~/components/organization-parts.tsx";
import { getLanguage } from "~/i18n/language.server.ts";
import { requirePermission } from "~/modules/auth/guards.server.ts";
import { cellName, formatCell, submissionSchema, targetsQuerySchema, type TargetsQuery } from "~/modules/targets/schemas.ts";
import { loadTargetSheet, saveTargets, splitTarget, type TargetSheet } from "~/modules/targets/targets.server.ts";
import { httpError } from "~/utils/http.ts";
import { metaT, pageTitle } from "~/utils/meta.ts";
import { formatNumber } from "~/utils/format.ts";
import type { I18nHandle } from "~/i18n/i18n.ts";

export const handle: I18nHandle = { i18n: ["opportunities", "accounts", "seekers", "organizations", "postings", "indicators", "registers", "targets", "exports"] };

export const meta: MetaFunction = ({ matches }) => {
  const t = metaT(matches);
  return [{ title: pageTitle(t, t("targets.title")) }, { name: "robots", content: "noindex" }];
};

async function sheetFor(request: Request, user: Awaited<ReturnType<typeof requirePermission>>) {
  const query = targetsQuerySchema().parse(Object.fromEntries(new URL(request.url).searchParams));
  const sheet = await loadTargetSheet(user, query, await getLanguage(request));
  if (!sheet) throw httpError(404);
  return sheet;
}

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "placement.read");
  return { sheet: await sheetFor(request, user) };
}

const regionCodes = (sheet: Pick<TargetSheet, "region" | "children">) => [sheet.region.code, ...sheet.children.map((c) => c.code)];

type Notice = { kind: "saved"; changed: number; warnings: number } | { kind: "filled"; mode: "even" | "share"; indicatorId: number };
type ActionData = { result: SubmissionResult<string[]>; notice: Notice | null };

/**
 * Save all targets on the page, or one indicator's; or fill one indicator's parts from its figure
 * (evenly or by last year's shares) for the user to check and save. Outside the region: 404.
 */
export async function action({ request }: ActionFunctionArgs): Promise<ActionData> {
  const user = await requirePermission(request, "target.edit");
  const sheet = await sheetFor(request, user);
  const formData = await request.formData();
  const codes = regionCodes(sheet);
  const submission = parseWithZod(formData, { schema: submissionSchema(sheet.indicators, codes, formData) });
  if (submission.status !== "success") return { result: submission.reply(), notice: null };
  const { intent, v } = submission.value;
  const query: TargetsQuery = { region: sheet.region.code, year: sheet.year, plan: sheet.plan?.code };
  const typed = (indicatorId: number, code: string) => v?.[String(indicatorId)]?.[code];

  if (intent.kind === "save") {
    // Only the cells the form sent: an empty box clears its target, a box not sent is left alone.
    const values = new Map<string, number | null>();
    for (const i of sheet.indicators) for (const code of codes) if (formData.has(cellName(i.id, code))) values.set(cellName(i.id, code), typed(i.id, code) ?? null);
    const saved = await saveTargets(user, query, { indicatorId: intent.indicatorId, values });
    if (!saved.ok) throw httpError(saved.reason === "forbidden" ? 403 : 404);
    return { result: submission.reply(), notice: { kind: "saved", changed: saved.changed, warnings: saved.warnings.length } };
  }

  const split = await splitTarget(user, query, { indicatorId: intent.indicatorId, mode: intent.kind, parent: typed(intent.indicatorId, sheet.region.code) });
  if (!split.ok) {
    if (split.reason === "not_found" || split.reason === "no_children") throw httpError(404);
    if (split.reason === "forbidden") throw httpError(403);
    const key = { no_parent: "targets.errors.noParent", no_last_year: "targets.errors.noLastYear", not_split: "targets.errors.notSplit" }[split.reason];
    return { result: submission.reply({ fieldErrors: { [`v.${intent.indicatorId}`]: [key] } }), notice: null };
  }
  const result = submission.reply();
  const initial = (result.initialValue ?? {}) as { v?: Record<string, Record<string, string>> };
  const filled = { ...initial.v?.[String(intent.indicatorId)], ...Object.fromEntries(Object.entries(split.values).map(([code, n]) => [code, String(n)])) };
  result.initialValue = { ...initial, v: { ...initial.v, [String(intent.indicatorId)]: filled } };
  return { result, notice: { kind: "filled", mode: intent.kind, indicatorId: intent.indicatorId } };
}

export default function StaffTargets() {
  const { t, i18n } = useTranslation();
  const { sheet } = useLoaderData<typeof loader>();
  const acted = useActionData<typeof action>();
  const busy = useNavigation().state === "submitting";
  const [form] = useForm({
    id: "targets",
    lastResult: acted?.result,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: submissionSchema(sheet.indicators, regionCodes(sheet), formData) }),
    shouldValidate: "onSubmit",
    shouldRevalidate: "onInput",
  });
  const editing = sheet.canEditOwn || sheet.canEditChildren;
  const errors = form.allErrors;
  const fieldErrors = Object.entries(errors).filter(([name, list]) => name.startsWith("v.") && list.length).length;
  const href = (changes: Record<string, string | number | undefined>) => {
    const next = { region: sheet.region.code, year: sheet.year, plan: sheet.plan?.code, ...changes };
    return `/staff/targets?${new URLSearchParams(Object.entries(next).filter(([, x]) => x !== undefined).map(([k, x]) => [k, String(x)]))}`;
  };
  const number = (unit: string, value: number | null) =>
    value === null ? "—" : unit === "percent" ? `${(value / 100).toFixed(2)}%` : formatNumber(value, i18n.language);
  const initial = (acted?.result.initialValue ?? null) as { v?: Record<string, Record<string, string>> } | null;
  const defaultOf = (indicator: TargetSheet["indicators"][number], code: string, stored: number | null) =>
    initial ? (initial.v?.[String(indicator.id)]?.[code] ?? "") : formatCell(indicator.unit, stored);
  const filledName = acted?.notice?.kind === "filled" ? sheet.indicators.find((i) => i.id === (acted.notice as { indicatorId: number }).indicatorId)?.name : undefined;

  const cell = (indicator: TargetSheet["indicators"][number], code: string, label: string, stored: number | null, editable: boolean) => {
    const name = cellName(indicator.id, code);
    const id = `t-${indicator.id}-${code}`;
    const bound = indicator.type !== "count" ? `${tCode(t, "targets.bound", indicator.type as "rate_cap" | "rate_floor" | "zero")} ` : "";
    if (!editable) {
      return (
        <div key={code} className="flex items-baseline justify-between gap-2 rounded bg-slate-50 px-2 py-1.5" data-testid="target-value" data-region={code}>
          <span className="text-sm">{label}</span>
          <span className="tabular-nums font-medium">{bound}{number(indicator.unit, stored)}</span>
        </div>
      );
    }
    const value = defaultOf(indicator, code, stored);
    const fieldError = errors[name];
    return (
      <div key={code}>
        <label htmlFor={id} className="block text-sm">{label}{bound ? <span className="text-slate-600"> · {bound.trim()}</span> : null}</label>
        <div className="mt-1 flex items-center gap-1">
          <input
            key={`${name}:${value}`}
            id={id}
            name={name}
            defaultValue={value}
            inputMode={indicator.unit === "percent" ? "decimal" : "numeric"}
            autoComplete="off"
            aria-invalid={fieldError?.length ? true : undefined}
            aria-describedby={fieldError?.length ? `${id}-error` : undefined}
            className="block min-h-11 w-full min-w-0 rounded-md border border-slate-300 bg-white px-2 text-right tabular-nums aria-[invalid=true]:border-red-600"
          />
          {indicator.unit === "percent" ? <span aria-hidden="true">%</span> : null}
        </div>
        <FieldError id={`${id}-error`} errors={fieldError} />
      </div>
    );
  };

  return (
    <div className="mx-auto max-w-5xl">
      <StaffNav />
      <h1 className="text-2xl font-bold">{t("targets.title")} · <span data-testid="targets-region">{sheet.region.name}</span></h1>
      {sheet.parent ? <Link to={href({ region: sheet.parent.code })} className="text-sm text-brand-700 underline">{t("targets.up", { name: sheet.parent.name })}</Link> : null}
      <p className="mt-2 text-sm text-slate-700">{t("targets.lead")}</p>
      <Form method="get" className="my-3 flex flex-wrap items-end gap-2">
        <input type="hidden" name="region" value={sheet.region.code} />
        <label className="text-sm"><span className="block font-medium">{t("indicators.year")}</span>
          <input name="year" type="number" inputMode="numeric" defaultValue={sheet.year} min={2000} max={2100} className="mt-1 min-h-11 w-28 rounded border border-slate-300 px-2" />
        </label>
        {sheet.plans.length > 1 ? (
          <label className="text-sm"><span className="block font-medium">{t("indicators.plan")}</span>
            <select name="plan" defaultValue={sheet.plan?.code} className="mt-1 min-h-11 max-w-full rounded border border-slate-300 bg-white px-2">
              {sheet.plans.map((p) => <option key={p.code} value={p.code}>{p.name}</option>)}
            </select>
          </label>
        ) : null}
        <button type="submit" className="min-h-11 rounded border border-slate-300 bg-white px-3">{t("indicators.show")}</button>
      </Form>
      {!sheet.plan ? <p className={card}>{t("targets.noPlan")}</p> : (
        <>
          <p className="mb-2 font-semibold" data-testid="plan-name">{sheet.plan.name}{sheet.plan.document ? <span className="ml-2 text-sm font-normal text-slate-600">{sheet.plan.document}</span> : null}</p>
          {!editing ? <p className="mb-3 rounded border border-slate-300 bg-slate-50 p-3 text-sm" data-testid="read-only">{t("targets.readOnly")}</p> : null}
          {editing && !sheet.canEditOwn ? <p className="mb-3 text-sm text-slate-600">{t("targets.ownReadOnly")}</p> : null}
          {sheet.children.length === 0 ? <p className="mb-3 text-sm text-slate-600">{t("targets.noChildren")}</p> : null}
          {acted?.notice?.kind === "saved" ? (
            <div role="status" className="mb-3 rounded border border-emerald-300 bg-emerald-50 p-3 text-emerald-900" data-testid="targets-saved">
              {acted.notice.changed ? t("targets.saved", { count: acted.notice.changed }) : t("targets.noChanges")}
              {acted.notice.warnings ? <span className="block text-amber-900">{t("targets.warningsAfterSave", { count: acted.notice.warnings })}</span> : null}
            </div>
          ) : null}
          {acted?.notice?.kind === "filled" ? (
            <p role="status" className="mb-3 rounded border border-sky-300 bg-sky-50 p-3 text-sky-900" data-testid="targets-filled">{tCode(t, "targets.filled", acted.notice.mode, { name: filledName })}</p>
          ) : null}
          {fieldErrors ? <p role="alert" className="mb-3 rounded border border-red-300 bg-red-50 p-3 text-sm text-red-800" data-testid="error-summary">{t("forms.errorSummary", { count: fieldErrors })}</p> : null}
          <FormError errors={[...(form.errors ?? []), ...(errors.intent ?? [])]} />
          <Form method="post" {...getFormProps(form)} noValidate>
            {editing ? (
              <div className="mb-3 flex flex-wrap items-center gap-2">
                <button type="submit" name="intent" value="save" disabled={busy} className="min-h-11 rounded-md bg-brand-700 px-4 font-semibold text-white disabled:opacity-60" data-testid="save-all">{t("targets.saveAll")}</button>
                {sheet.canEditChildren ? <span className="text-sm text-slate-600">{t("targets.splitHint")}</span> : null}
              </div>
            ) : null}
            <div className="space-y-4">
              {sheet.indicators.map((indicator) => {
                const check = indicator.check;
                const splitError = errors[`v.${indicator.id}`];
                return (
                  <section key={indicator.id} className={card} data-testid="target-indicator" data-code={indicator.code} aria-labelledby={`ind-${indicator.id}`}>
                    <h2 id={`ind-${indicator.id}`} className="text-lg font-semibold">
                      {indicator.name} <span className="text-sm font-normal text-slate-600">· {tCode(t, "indicators.units", indicator.unit as "person", { defaultValue: indicator.unit })}</span>
                    </h2>
                    {!indicator.split ? <p className="mt-1 text-sm text-slate-600">{t("targets.notSplit")}</p> : null}
                    {indicator.unit === "percent" && editing ? <p className="mt-1 text-xs text-slate-500">{t("targets.percentHint")}</p> : null}
                    <div className="mt-2 max-w-xs">{cell(indicator, sheet.region.code, `${t("targets.own")} · ${sheet.region.name}`, indicator.own, sheet.canEditOwn)}</div>
                    {sheet.children.length ? (
                      <fieldset className="mt-3">
                        <legend className="mb-1 text-sm font-medium">{t("targets.below")}</legend>
                        <div className="grid grid-cols-2 gap-2 sm:grid-cols-3 lg:grid-cols-5">
                          {sheet.children.map((child, n) => cell(indicator, child.code, child.name, indicator.children[n] ?? null, sheet.canEditChildren))}
                        </div>
                      </fieldset>
                    ) : null}
                    {check ? (
                      check.diff === null ? (
                        <p className="mt-2 text-sm text-slate-600" data-testid="sum-check">{t("targets.sumOnly", { sum: number(indicator.unit, check.sum) })}</p>
                      ) : check.diff === 0 ? (
                        <p className="mt-2 text-sm text-emerald-800" data-testid="sum-check">✓ {t("targets.sumOk", { sum: number(indicator.unit, check.sum) })}</p>
                      ) : (
                        <p role="note" className="mt-2 rounded border border-amber-300 bg-amber-50 p-2 text-sm text-amber-900" data-testid="sum-warning" data-diff={check.diff}>
                          ⚠ {t(check.diff > 0 ? "targets.short" : "targets.over", { sum: number(indicator.unit, check.sum), own: number(indicator.unit, indicator.own), diff: number(indicator.unit, Math.abs(check.diff)) })}
                        </p>
                      )
                    ) : null}
                    {check?.missing ? <p className="mt-1 text-sm text-slate-600">{t("targets.missing", { count: check.missing })}</p> : null}
                    <FieldError id={`ind-${indicator.id}-error`} errors={splitError} />
                    {editing ? (
                      <div className="mt-3 flex flex-wrap gap-2">
                        <button type="submit" name="intent" value={`save:${indicator.id}`} disabled={busy} className="min-h-11 rounded-md border border-brand-700 bg-white px-3 font-medium text-brand-700 disabled:opacity-60">{t("targets.saveOne")}</button>
                        {indicator.split && sheet.canEditChildren ? (
                          <>
                            <button type="submit" name="intent" value={`even:${indicator.id}`} disabled={busy} className="min-h-11 rounded-md border border-slate-300 bg-white px-3 disabled:opacity-60">{t("targets.even")}</button>
                            {indicator.hasLastYear ? <button type="submit" name="intent" value={`share:${indicator.id}`} disabled={busy} className="min-h-11 rounded-md border border-slate-300 bg-white px-3 disabled:opacity-60">{t("targets.share")}</button> : null}
                          </>
                        ) : null}
                      </div>
                    ) : null}
                  </section>
                );
              })}
            </div>
            {editing ? (
              <button type="submit" name="intent" value="save" disabled={busy} className="mt-4 min-h-11 w-full rounded-md bg-brand-700 px-4 font-semibold text-white disabled:opacity-60 sm:w-auto">{t("targets.saveAll")}</button>
            ) : null}
          </Form>
          {sheet.children.some((c) => c.hasChildren) ? (
            <nav className="mt-6" aria-label={t("targets.openChild")}>
              <h2 className="mb-2 text-lg font-semibold">{t("targets.openChild")}</h2>
              <ul className="flex flex-wrap gap-2">
                {sheet.children.filter((c) => c.hasChildren).map((c) => (
                  <li key={c.code}><Link to={href({ region: c.code })} className="inline-flex min-h-11 items-center rounded-full border border-slate-300 bg-white px-3 text-brand-700 underline">{c.name}</Link></li>
                ))}
              </ul>
            </nav>
          ) : null}
        </>
      )}
    </div>
  );
}
