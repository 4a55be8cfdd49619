import { getInputProps, type FieldMetadata } from "@conform-to/react";
import { useTranslation, tKey } from "~/i18n/translate.ts";

/**
 * Errors are i18n keys, optionally with parameters as a query string: "auth.tooManyAttempts?minutes=5".
 */
export function useErrorText() {
  const { t } = useTranslation();
  return (error: string) => {
    const [key, query] = error.split("?");
    return tKey(t, key ?? error, Object.fromEntries(new URLSearchParams(query ?? "")));
  };
}

export function FieldError({ id, errors }: { id: string; errors?: string[] }) {
  const text = useErrorText();
  if (!errors?.length) return null;
  return (
    <p id={id} className="mt-1 text-sm font-medium text-red-700" role="alert">
      {errors.map((e) => text(e)).join(" ")}
    </p>
  );
}

export function FormError({ errors }: { errors?: string[] }) {
  const text = useErrorText();
  if (!errors?.length) return null;
  return (
    <div role="alert" className="mb-4 rounded border border-red-300 bg-red-50 p-3 text-sm text-red-800" data-testid="form-error">
      {errors.map((e) => text(e)).join(" ")}
    </div>
  );
}

const inputClass =
  "mt-1 block w-full rounded-md border border-slate-300 bg-white px-3 py-2.5 text-base shadow-sm focus:border-brand-600 focus:outline-none focus:ring-2 focus:ring-brand-200 aria-[invalid=true]:border-red-600";

export function TextField({
  meta,
  label,
  hint,
  type = "text",
  autoComplete,
  inputMode,
}: {
  meta: FieldMetadata<string | undefined>;
  label: string;
  hint?: string;
  type?: "text" | "password" | "email" | "tel" | "number" | "date";
  autoComplete?: string;
  inputMode?: "text" | "tel" | "email" | "numeric";
}) {
  const props = getInputProps(meta, { type, ariaDescribedBy: hint ? `${meta.id}-hint` : undefined });
  return (
    <div className="mb-4">
      <label htmlFor={meta.id} className="block text-sm font-medium text-slate-800">{label}</label>
      <input {...props} key={props.key} autoComplete={autoComplete} inputMode={inputMode} className={inputClass} />
      {hint ? <p id={`${meta.id}-hint`} className="mt-1 text-xs text-slate-500">{hint}</p> : null}
      <FieldError id={meta.errorId} errors={meta.errors} />
    </div>
  );
}

export function SubmitButton({ children, busy }: { children: React.ReactNode; busy?: boolean }) {
  return (
    <button type="submit" disabled={busy} className="w-full rounded-md bg-brand-700 px-4 py-3 text-base font-semibold text-white hover:bg-brand-800 disabled:opacity-60 sm:w-auto">
      {children}
    </button>
  );
}
