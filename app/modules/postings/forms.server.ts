import { getZodConstraint, parseWithZod } from "@conform-to/zod";
import { replyErrors } from "../auth/form-errors.ts";
import type { SaveResult } from "./postings.server.ts";
import { REFRESH_INTENT, postingSchemaFor, type PostingInput, type PostingKind } from "./schemas.ts";
import { occupationName, readOccupation, requirementChoices, requirementErrors, type RequirementChoices } from "./vocabulary.server.ts";

/**
 * The posting routes' form handling, and the constraint attributes their form renders. Server
 * only: a route's imports all ship to its page, and the form loads the schema (zod) lazily, at its
 * first use (components/live-form.tsx).
 */
export const postingConstraints = { job: getZodConstraint(postingSchemaFor("job")), internship: getZodConstraint(postingSchemaFor("internship")), gig: getZodConstraint(postingSchemaFor("gig")) };

/** What the form shows again: conform's reply (messages by field, what was typed) and the certificate check boxes for the typed occupation. */
export interface PostingFormAnswer {
  reply: { status?: "error" | "success"; initialValue?: Record<string, unknown> | null; error?: Record<string, string[] | null | undefined> };
  choices: RequirementChoices;
}

export type PostingFormOutcome = { saved: { id: number; status: string } } | { notFound: true } | { answer: PostingFormAnswer };

export type SavePosting = (input: PostingInput & { occupationCode?: string | null }) => Promise<SaveResult | { ok: false; notFound: true }>;

const list = (v: unknown): string[] => (Array.isArray(v) ? v.map(String) : typeof v === "string" && v ? [v] : []);
const text = (v: unknown): string => (typeof v === "string" ? v : "");

/**
 * One submission of the posting form. A job or internship names its occupation (typed, picked from
 * the list, or read from the title when the title is clear); an entry that is unknown or could be
 * several occupations comes back with the candidates at the field, everything typed kept. The
 * "show certificates for this occupation" button saves nothing: the form comes back with the check
 * boxes for the occupation typed. A gig's short form has no occupation box: its title says it.
 */
export async function postingFormAction(formData: FormData, kind: PostingKind, lang: string, save: SavePosting): Promise<PostingFormOutcome> {
  const submission = parseWithZod(formData, { schema: postingSchemaFor(kind) });
  const payload = submission.payload as Record<string, unknown>;
  // What was typed, as conform sends it back (empty boxes left out).
  const initialValue: Record<string, unknown> = { ...(submission.reply().initialValue ?? {}) };
  const full = kind !== "gig";
  const reading = full ? readOccupation(text(payload.occupation), text(payload.title), lang) : null;
  const code = reading && "code" in reading ? reading.code : null;
  // Read from the title: the box shows which occupation that was.
  if (code && !text(payload.occupation).trim()) initialValue.occupation = occupationName(code, lang);
  const fieldErrors: Record<string, string[]> = {};
  if (reading && "error" in reading) fieldErrors.occupation = [reading.error];
  for (const [field, message] of Object.entries(full ? requirementErrors({ credentials: list(payload.credentials), skillCodes: list(payload.skillCodes) }) : {})) {
    if (typeof message === "string") fieldErrors[field] = [message];
  }
  const choices = requirementChoices(code, lang, { credentials: list(payload.credentials), skillCodes: list(payload.skillCodes) });
  const answer = (reply: PostingFormAnswer["reply"]): PostingFormOutcome => ({ answer: { reply: { ...reply, initialValue }, choices } });

  if (formData.get("intent") === REFRESH_INTENT) return answer({ status: Object.keys(fieldErrors).length ? "error" : undefined, error: fieldErrors });
  if (submission.status !== "success") {
    const reply = submission.reply();
    // The schema's own message for a field comes first; the vocabulary's is added where it has none.
    const error = { ...fieldErrors, ...Object.fromEntries(Object.entries(reply.error ?? {}).filter(([, v]) => v?.length)) };
    return answer({ ...reply, status: "error", error });
  }
  if (Object.keys(fieldErrors).length) return answer({ status: "error", error: fieldErrors });
  const result = await save(full ? { ...submission.value, occupationCode: code } : submission.value);
  if (!result.ok && "notFound" in result) return { notFound: true };
  if (!result.ok) return answer(submission.reply(replyErrors(result.errors)));
  return { saved: { id: result.id, status: result.status } };
}
