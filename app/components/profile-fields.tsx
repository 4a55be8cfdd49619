import { collectionProps, inputProps, selectProps, textareaProps, type Field } from "./field-props.ts";
import { useEffect, useState } from "react";
import { FieldError } from "./form-messages.tsx";

/**
 * Form controls beside TextField (form.tsx) for longer forms: selects, text areas, checkbox and
 * radio groups, a single checkbox. Each shows its own error under it, like TextField.
 */

const controlClass =
  "mt-1 block w-full rounded-md border border-slate-300 bg-white px-3 py-2.5 text-base shadow-sm focus:border-brand-600 focus:outline-none focus:ring-2 focus:ring-brand-200 aria-[invalid=true]:border-red-600";

/** False on the server and in the first browser render, true once React runs: for extras that need JavaScript. */
export function useHydrated() {
  const [hydrated, setHydrated] = useState(false);
  useEffect(() => setHydrated(true), []);
  return hydrated;
}

export function SelectField({
  meta,
  label,
  hint,
  placeholder,
  children,
  onChange,
}: {
  meta: Field;
  label: string;
  hint?: string;
  placeholder?: string;
  children: React.ReactNode;
  onChange?: (value: string) => void;
}) {
  const props = selectProps(meta, { ariaDescribedBy: hint ? `${meta.id}-hint` : undefined });
  return (
    <div className="mb-4">
      <label htmlFor={meta.id} className="block text-sm font-medium text-slate-800">{label}</label>
      <select {...props} className={controlClass} onChange={onChange ? (e) => onChange(e.currentTarget.value) : undefined}>
        {placeholder !== undefined ? <option value="">{placeholder}</option> : null}
        {children}
      </select>
      {hint ? <p id={`${meta.id}-hint`} className="mt-1 text-xs text-slate-500">{hint}</p> : null}
      <FieldError id={meta.errorId} errors={meta.errors} />
    </div>
  );
}

export function TextAreaField({ meta, label, hint, rows = 3 }: { meta: Field; label: string; hint?: string; rows?: number }) {
  const props = textareaProps(meta, { ariaDescribedBy: hint ? `${meta.id}-hint` : undefined });
  return (
    <div className="mb-4">
      <label htmlFor={meta.id} className="block text-sm font-medium text-slate-800">{label}</label>
      <textarea {...props} rows={rows} className={controlClass} />
      {hint ? <p id={`${meta.id}-hint`} className="mt-1 text-xs text-slate-500">{hint}</p> : null}
      <FieldError id={meta.errorId} errors={meta.errors} />
    </div>
  );
}

/** Checkboxes (several values) or radios (one) sharing one name; the error sits under the group. */
export function ChoiceGroup({
  meta,
  legend,
  hint,
  type,
  options,
  columns = false,
  legendHidden = false,
  onToggle,
}: {
  meta: Field;
  legend: string;
  hint?: string;
  type: "checkbox" | "radio";
  /** `note`: a line under an option's label (what a declared status means). */
  options: { value: string; label: string; note?: string }[];
  columns?: boolean;
  /** When a heading right above already says it (the legend stays for screen readers). */
  legendHidden?: boolean;
  onToggle?: (value: string, checked: boolean) => void;
}) {
  const labels = new Map(options.map((o) => [o.value, o]));
  return (
    <fieldset className="mb-4" aria-describedby={hint ? `${meta.id}-hint` : undefined} aria-invalid={meta.errors?.length ? true : undefined}>
      <legend className={legendHidden ? "sr-only" : "text-sm font-medium text-slate-800"}>{legend}</legend>
      {hint ? <p id={`${meta.id}-hint`} className="mt-1 text-xs text-slate-500">{hint}</p> : null}
      <div className={columns ? "mt-1 grid grid-cols-1 gap-x-3 sm:grid-cols-2" : "mt-1"}>
        {collectionProps(meta, { type, options: options.map((o) => o.value) }).map((props) => (
          <label key={props.key} htmlFor={props.id} className="flex min-h-11 items-center gap-2 py-1 text-base">
            <input {...props} key={props.key} className="h-5 w-5 shrink-0" onChange={onToggle ? (e) => onToggle(props.value, e.currentTarget.checked) : undefined} />
            <span>
              {labels.get(props.value)?.label}
              {labels.get(props.value)?.note ? <span className="block text-xs text-slate-500">{labels.get(props.value)?.note}</span> : null}
            </span>
          </label>
        ))}
      </div>
      <FieldError id={meta.errorId} errors={meta.errors} />
    </fieldset>
  );
}

export function CheckboxField({ meta, label }: { meta: Field; label: string }) {
  const props = inputProps(meta, { type: "checkbox" });
  return (
    <div className="mb-3">
      <label htmlFor={meta.id} className="flex min-h-11 items-start gap-2 py-1 text-base">
        <input {...props} className="mt-0.5 h-5 w-5 shrink-0" />
        <span>{label}</span>
      </label>
      <FieldError id={meta.errorId} errors={meta.errors} />
    </div>
  );
}

/**
 * A text box with a list to pick from (<datalist>, rendered once per list with DataList): the
 * browser offers the names as the person types, with or without JavaScript; the server resolves what
 * was typed.
 */
export function DatalistField({ meta, label, hint, list, inputMode }: { meta: Field; label: string; hint?: string; list: string; inputMode?: "text" | "numeric" }) {
  const props = inputProps(meta, { type: "text", ariaDescribedBy: hint ? `${meta.id}-hint` : undefined });
  return (
    <div className="mb-4">
      <label htmlFor={meta.id} className="block text-sm font-medium text-slate-800">{label}</label>
      <input {...props} list={list} autoComplete="off" inputMode={inputMode} className={controlClass} />
      {hint ? <p id={`${meta.id}-hint`} className="mt-1 text-xs text-slate-500">{hint}</p> : null}
      <FieldError id={meta.errorId} errors={meta.errors} />
    </div>
  );
}

/** `names`: one a line. An option's text is its value, so each is written once. */
export function DataList({ id, names }: { id: string; names: string }) {
  return (
    <datalist id={id}>
      {names.split("\n").map((name) => <option key={name}>{name}</option>)}
    </datalist>
  );
}
