import { parseWithZod } from "@conform-to/zod";
import { z } from "zod";
import { declineInvitation, invite } from "./invitations.server.ts";

/*
 * The candidate forms, parsed on the server only (a route's imports ship to its page; a .server
 * module does not): the employer's invitation and the person's "not interested".
 */

export const INVITE_MESSAGE_MAX = 200;

/** Control characters other than tab and line breaks: a note shows as typed, so these are refused. */
const isControl = (ch: string) => {
  const code = ch.charCodeAt(0);
  return (code < 32 && code !== 9 && code !== 10 && code !== 13) || code === 127;
};

export const inviteSchema = z.object({
  intent: z.literal("invite"),
  candidate: z.string({ required_error: "candidates.errors.noCandidate" }).min(1, "candidates.errors.noCandidate").max(400, "candidates.errors.noCandidate"),
  message: z
    .string()
    .trim()
    .max(INVITE_MESSAGE_MAX, "candidates.errors.messageTooLong")
    .refine((s) => ![...s].some(isControl), "candidates.errors.messageInvalid")
    .optional()
    .default(""),
});

export const declineSchema = z.object({
  intent: z.literal("decline"),
  invitationId: z.number({ required_error: "forms.invalid", invalid_type_error: "forms.invalid" }).int("forms.invalid").positive("forms.invalid").max(1e12, "forms.invalid"),
});

export const parseInvite = (formData: FormData) => parseWithZod(formData, { schema: inviteSchema });
export const parseDecline = (formData: FormData) => parseWithZod(formData, { schema: declineSchema });

const INVITE_REFUSALS = {
  no_candidate: "candidates.errors.noCandidate",
  already_invited: "candidates.errors.alreadyInvited",
  not_open: "candidates.errors.notOpen",
  rate_limited: "candidates.errors.rateLimited",
} as const;

/**
 * The employer's invite form, whole: parse, invite, and the reply to show at that candidate's form
 * (its `initialValue.candidate` says which). `not_found` is the route's 404.
 */
export async function inviteFromForm(actor: { id: number }, postingId: number, formData: FormData) {
  const submission = parseInvite(formData);
  if (submission.status !== "success") return { ok: false as const, reply: submission.reply() };
  const result = await invite(actor, postingId, submission.value.candidate, submission.value.message);
  if (result.ok) return { ok: true as const, invitationId: result.invitationId };
  if (result.reason === "not_found") return { ok: false as const, notFound: true as const };
  return { ok: false as const, reply: submission.reply({ formErrors: [INVITE_REFUSALS[result.reason]] }) };
}

/** The person's "not interested". */
export async function declineFromForm(seekerId: number, formData: FormData) {
  const submission = parseDecline(formData);
  if (submission.status !== "success") return { ok: false as const, reply: submission.reply({ formErrors: ["invitations.errors.notFound"] }) };
  const result = await declineInvitation(seekerId, submission.value.invitationId);
  if (result.ok) return { ok: true as const, invitationId: submission.value.invitationId };
  return { ok: false as const, reply: submission.reply({ formErrors: ["invitations.errors.notFound"] }) };
}
