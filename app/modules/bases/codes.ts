/**
 * Base applications' codes, without zod: pages import these, and a route's imports all ship to its
 * page. The schemas (./schemas.ts) and the server use the same lists.
 */
export const BASE_APPLICATION_STATUSES = ["submitted", "interview", "admitted", "declined", "withdrawn"] as const;
export type BaseApplicationStatus = (typeof BASE_APPLICATION_STATUSES)[number];

/** What the operator may do from each status: an interview may be asked for again (a new time). */
export const OPERATOR_STEPS = ["interview", "admit", "decline"] as const;
export type OperatorStep = (typeof OPERATOR_STEPS)[number];
export const OPERATOR_TRANSITIONS: Record<BaseApplicationStatus, readonly OperatorStep[]> = {
  submitted: ["interview", "admit", "decline"],
  interview: ["interview", "admit", "decline"],
  admitted: [],
  declined: [],
  withdrawn: [],
};

/** The founder may withdraw while nothing is decided. */
export const FOUNDER_WITHDRAWABLE: readonly BaseApplicationStatus[] = ["submitted", "interview"];

/** The statuses a founder declares on the form (the ones bases are for). */
export const FOUNDER_GROUPS = ["graduate", "returnee", "veteran"] as const;

/** A base's services, as the seed and search know them. */
export const BASE_SERVICES = ["policy_advice", "project_matching", "startup_guidance", "registration_help", "financing", "training"] as const;

export const LIMITS = { plan: 2000, planMin: 20, team: 500, needs: 1000, note: 200, reason: 200, businessName: 60, jobs: 9999, places: 10000, rent: 500, description: 2000 } as const;
