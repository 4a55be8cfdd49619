import type { SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import { z } from "zod";
import type { Change } from "~/modules/registers/registers.server.ts";
import { httpError } from "./http.ts";

/** What a register page's action answers: which form it was (intent, and row id for row forms), conform's reply, and what was done. */
export type RegisterActionData = { form: string; result: SubmissionResult<string[]>; done: { key: string; name: string } | null };

export interface RegisterHandler {
  schema: z.ZodTypeAny;
  run: (value: unknown) => Promise<Change>;
  /** The i18n key of the message shown once done ({{name}} is the row's name). */
  done: string;
}

export function on<S extends z.ZodTypeAny>(schema: S, run: (value: z.output<S>) => Promise<Change>, done: string): RegisterHandler {
  return { schema, run: run as unknown as (value: unknown) => Promise<Change>, done };
}

/**
 * The one way register pages handle a POST: the intent picks the form's schema; bad values come
 * back as field messages with what was typed; a row outside the region is a 404.
 */
export async function registerAction(request: Request, handlers: Record<string, RegisterHandler>): Promise<RegisterActionData> {
  const formData = await request.formData();
  const intent = String(formData.get("intent") ?? "");
  const id = formData.get("id");
  const form = typeof id === "string" && id ? `${intent}-${id}` : intent;
  const handler = handlers[intent];
  if (!handler) {
    const intents = Object.keys(handlers) as [string, ...string[]];
    const submission = parseWithZod(formData, { schema: z.object({ intent: z.enum(intents, { errorMap: () => ({ message: "forms.chooseOne" }) }) }) });
    return { form, result: submission.reply({ formErrors: ["forms.invalid"] }), done: null };
  }
  const submission = parseWithZod(formData, { schema: handler.schema });
  if (submission.status !== "success") return { form, result: submission.reply(), done: null };
  const change = await handler.run(submission.value);
  if (!change.ok && change.reason === "not_found") throw httpError(404);
  if (!change.ok) return { form, result: submission.reply({ fieldErrors: change.fieldErrors, formErrors: change.formErrors }), done: null };
  return { form, result: submission.reply({ resetForm: true }), done: { key: handler.done, name: change.name } };
}
