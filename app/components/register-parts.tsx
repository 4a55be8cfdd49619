import { getFormProps, getInputProps, useForm, type FieldMetadata } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod";
import { Form, useNavigation } from "@remix-run/react";
import { useTranslation, tKey } from "~/i18n/translate.ts";
import type { z } from "zod";
import type { RegisterActionData } from "~/utils/register-action.ts";
import { FieldError, FormError } from "./form.tsx";
import { RegionPicker } from "./region-picker.tsx";
import type { RegionPickerOptions } from "./region-options.ts";

export const registerButton = "min-h-11 rounded-md bg-brand-700 px-4 font-semibold text-white hover:bg-brand-800 disabled:opacity-60";
export const quietButton = "min-h-11 rounded-md border border-slate-300 bg-white px-3 disabled:opacity-60";
export const dangerButton = "min-h-11 rounded-md border border-red-700 bg-white px-3 font-semibold text-red-800 disabled:opacity-60";
const control = "mt-1 block min-h-11 w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-base aria-[invalid=true]:border-red-600";

/** A conform form bound to one register form (its key is the intent, plus the row id for row forms). */
export function useRegisterForm<S extends z.ZodTypeAny>(key: string, schema: S, acted: RegisterActionData | undefined, defaultValue?: Record<string, string>) {
  return useForm<z.input<S>>({
    id: key,
    defaultValue: defaultValue as never,
    lastResult: acted?.form === key ? acted.result : undefined,
    constraint: getZodConstraint(schema),
    onValidate: ({ formData }) => parseWithZod(formData, { schema }),
    shouldValidate: "onSubmit",
    shouldRevalidate: "onInput",
  });
}

/** What was just done, as a status line. */
export function DoneNote({ acted }: { acted: RegisterActionData | undefined }) {
  const { t } = useTranslation();
  if (!acted?.done) return null;
  return (
    <p role="status" className="mb-3 rounded border border-emerald-300 bg-emerald-50 p-3 text-emerald-900" data-testid="register-done">
      {tKey(t, acted.done.key, { name: acted.done.name })}
    </p>
  );
}

/** A small labelled input for row forms and filters (the error under it). */
export function SmallField({ meta, label, type = "text", inputMode }: { meta: FieldMetadata<string | undefined>; label: string; type?: "text" | "date" | "number"; inputMode?: "numeric" | "decimal" }) {
  const props = getInputProps(meta, { type });
  return (
    <div className="min-w-0 flex-1">
      <label htmlFor={meta.id} className="block text-sm font-medium text-slate-800">{label}</label>
      <input {...props} key={props.key} inputMode={inputMode} className={control} />
      <FieldError id={meta.errorId} errors={meta.errors} />
    </div>
  );
}

/** One-field row action (a date or a choice) with its submit button, or a plain button when there is no field. */
export function RowAction<S extends z.ZodTypeAny>({
  intent,
  id,
  schema,
  acted,
  label,
  danger,
  children,
}: {
  intent: string;
  id: number;
  schema: S;
  acted: RegisterActionData | undefined;
  label: string;
  danger?: boolean;
  children?: (fields: ReturnType<typeof useRegisterForm<S>>[1]) => React.ReactNode;
}) {
  const busy = useNavigation().state === "submitting";
  const [form, fields] = useRegisterForm(`${intent}-${id}`, schema, acted);
  return (
    <Form method="post" {...getFormProps(form)} noValidate className="mt-2 flex flex-wrap items-end gap-2">
      <div className="w-full"><FormError errors={form.errors} /></div>
      <input type="hidden" name="intent" value={intent} />
      <input type="hidden" name="id" value={id} />
      {children?.(fields)}
      <button type="submit" disabled={busy} className={danger ? dangerButton : quietButton} data-testid={`${intent}-button`}>
        {label}
      </button>
    </Form>
  );
}

/** Year and area filter for a register list (a GET form: works without JavaScript). */
export function ListFilter({
  year,
  region,
  options,
  extra,
  withYear = true,
}: {
  year?: number;
  region?: string;
  options: RegionPickerOptions;
  extra?: React.ReactNode;
  withYear?: boolean;
}) {
  const { t } = useTranslation();
  const thisYear = new Date(Date.now() + 8 * 3_600_000).getUTCFullYear();
  return (
    <Form method="get" className="mb-4 flex flex-wrap items-end gap-2">
      {withYear ? (
        <label className="text-sm">
          <span className="block font-medium">{t("registers.year")}</span>
          <select name="year" defaultValue={year} key={year} className="mt-1 min-h-11 rounded border border-slate-300 bg-white px-2">
            {Array.from({ length: 6 }, (_, i) => thisYear - i).map((y) => <option key={y} value={y}>{y}</option>)}
          </select>
        </label>
      ) : null}
      <div className="min-w-[16rem] flex-1">
        <RegionPicker options={options} town={{ id: "filter-region", name: "region", initialValue: region ?? "" }} wholeCounty
          townLabel={t("registers.area")} townPlaceholder={t("registers.myArea")} key={region ?? ""} testId="filter-region" />
      </div>
      {extra}
      <button type="submit" className={quietButton}>{t("registers.show")}</button>
    </Form>
  );
}

export function Figure({ label, value, testId }: { label: string; value: string; testId?: string }) {
  return (
    <div className="rounded-lg bg-white p-3 shadow-sm">
      <div className="text-sm text-slate-600">{label}</div>
      <div className="text-xl font-bold tabular-nums" data-testid={testId}>{value}</div>
    </div>
  );
}

export const percent = (bp: number | null) => (bp === null ? "—" : `${(bp / 100).toFixed(2)}%`);
