import type { FieldErrors } from "./accounts.server.ts";

/** Turns a module's field errors into conform's reply shape; retry times become a parameter. */
export function replyErrors(errors: FieldErrors, retryAfterSeconds?: number) {
  const minutes = retryAfterSeconds ? `?minutes=${Math.max(1, Math.ceil(retryAfterSeconds / 60))}` : "";
  const { form, ...fields } = errors;
  return {
    formErrors: form ? [`${form}${minutes}`] : undefined,
    fieldErrors: Object.fromEntries(
      Object.entries(fields)
        .filter(([, v]) => v && v.length)
        .map(([k, v]) => [k, Array.isArray(v) ? v : [v as string]]),
    ),
  };
}
