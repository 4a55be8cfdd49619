import { useTranslation, tKey } from "~/i18n/translate.ts";

// No conform here: pages that only show a server's answer (a withdraw button, a confirm step)
// import these without the form library; form.tsx re-exports them beside its conform fields.

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

export function SubmitButton({ children, busy }: { children: React.ReactNode; busy?: boolean }) {
  return (
    <button type="submit" disabled={busy} className="w-full rounded-md bg-brand-700 px-4 py-3 text-base font-semibold text-white hover:bg-brand-800 disabled:opacity-60 sm:w-auto">
      {children}
    </button>
  );
}
