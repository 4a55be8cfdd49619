import { inputProps, type Field } from "./field-props.ts";
import { FieldError } from "./form-messages.tsx";

export { FieldError, FormError, SubmitButton, useErrorText } from "./form-messages.tsx";

const inputClass =
  "mt-1 block w-full rounded-md border border-slate-300 bg-white px-3 py-2.5 text-base shadow-sm focus:border-brand-600 focus:outline-none focus:ring-2 focus:ring-brand-200 aria-[invalid=true]:border-red-600";

export function TextField({
  meta,
  label,
  hint,
  type = "text",
  autoComplete,
  inputMode,
  list,
}: {
  meta: Field;
  label: string;
  hint?: string;
  type?: "text" | "password" | "email" | "tel" | "number" | "date";
  autoComplete?: string;
  inputMode?: "text" | "tel" | "email" | "numeric" | "decimal";
  /** The id of a <datalist> the browser suggests from. */
  list?: string;
}) {
  const props = inputProps(meta, { type, ariaDescribedBy: hint ? `${meta.id}-hint` : undefined });
  return (
    <div className="mb-4">
      <label htmlFor={meta.id} className="block text-sm font-medium text-slate-800">{label}</label>
      <input {...props} autoComplete={autoComplete} inputMode={inputMode} list={list} className={inputClass} />
      {hint ? <p id={`${meta.id}-hint`} className="mt-1 text-xs text-slate-500">{hint}</p> : null}
      <FieldError id={meta.errorId} errors={meta.errors} />
    </div>
  );
}
