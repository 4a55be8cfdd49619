import type { WISH_KINDS } from "../seekers/profile-options.ts";

/**
 * The returnee registry's codes, shared by its forms, schemas, staff views and export. No zod here:
 * route files import this, and a route's imports ship to its page.
 */
export { RETURNEE_KINDS } from "../seekers/profile-options.ts";

/** What would bring the person home. */
export const INTENTIONS = ["job", "startup", "training"] as const;
export type Intention = (typeof INTENTIONS)[number];

/** When they think they will come home. */
export const TIMINGS = ["within_3_months", "within_6_months", "within_1_year", "later", "undecided"] as const;
export type Timing = (typeof TIMINGS)[number];

/** Away: still working elsewhere; returned: home, not yet placed; placed: a placement is linked. */
export const REGISTRANT_STATUSES = ["away", "returned", "placed"] as const;
export type RegistrantStatus = (typeof REGISTRANT_STATUSES)[number];

export const CONTACT_KINDS = ["call", "visit", "event", "message"] as const;
export type ContactKind = (typeof CONTACT_KINDS)[number];

/** 座谈会, 恳谈会, 招聘会. */
export const EVENT_KINDS = ["forum", "talk", "job_fair"] as const;
export type EventKind = (typeof EVENT_KINDS)[number];

export const REPLY_ANSWERS = ["going", "maybe", "not_going"] as const;
export type ReplyAnswer = (typeof REPLY_ANSWERS)[number];

/** The kinds of opportunity each intention follows in the home county. */
export function kindsFor(intentions: readonly string[], returneeKind: string): (typeof WISH_KINDS)[number][] {
  const kinds = new Set<(typeof WISH_KINDS)[number]>();
  if (intentions.includes("job")) {
    kinds.add("job");
    kinds.add("gig");
    if (returneeKind === "graduate") kinds.add("internship");
  }
  if (intentions.includes("startup")) kinds.add("base");
  if (intentions.includes("training")) kinds.add("course");
  return [...kinds];
}
