import { z } from "zod";
import { CALL_OUTCOMES, NOTE_MAX } from "./codes.ts";

/** Staff record a call to the employer. Messages are i18n keys (with their parameters after "?"). */
export const callSchema = z.object({
  outcome: z.enum(CALL_OUTCOMES, { errorMap: () => ({ message: "staffFollowUp.errors.outcome" }) }),
  note: z.string().trim().max(NOTE_MAX, `staffFollowUp.errors.noteTooLong?max=${NOTE_MAX}`).default(""),
});

/** The row a form names; anything else is a row that does not exist for this officer. */
export const followUpId = z.coerce.number().int().positive().max(2 ** 31);

export const queuePage = z.coerce.number().int().min(1).max(10_000).catch(1);
