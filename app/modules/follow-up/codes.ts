/**
 * The follow-up of applications (issue 12), zod-free: the pages and the browser read these too.
 * "No answer" means the employer has not moved the application past seeing it.
 */
export const WAITING_STATUSES = ["submitted", "viewed"] as const;

/** The employer's steps that answer an application; its response time ends at the first. */
export const ANSWER_STATUSES = ["interview", "offered", "hired", "rejected"] as const;

export const isAnswer = (status: string) => (ANSWER_STATUSES as readonly string[]).includes(status);
export const isWaiting = (status: string) => (WAITING_STATUSES as readonly string[]).includes(status);

/** What staff record after calling the employer; "resolved" ends the follow-up. */
export const CALL_OUTCOMES = ["promised", "unreachable", "resolved"] as const;
export type CallOutcome = (typeof CALL_OUTCOMES)[number];

/** Why a follow-up left the queue. */
export type ClosedReason = "answered" | "withdrawn" | "resolved";

export const NOTE_MAX = 300;
