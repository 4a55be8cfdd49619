import { parseWithZod } from "@conform-to/zod";
import type { ZodTypeAny } from "zod";

/**
 * Loaded by live-form.tsx at a form's first use, never with the page: the same parse the server
 * runs (parseWithZod: form values to types, nested names, messages by field name).
 */
export const validator = (schema: ZodTypeAny) => (formData: FormData) => {
  const submission = parseWithZod(formData, { schema });
  const error = submission.status === "success" ? {} : (submission.error ?? {});
  return Object.fromEntries(Object.entries(error).filter((e): e is [string, string[]] => Array.isArray(e[1]) && e[1].length > 0));
};
