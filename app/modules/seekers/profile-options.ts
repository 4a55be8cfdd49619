import { EDUCATION_LEVELS } from "../postings/levels.ts";
import type { OPPORTUNITY_KINDS } from "../../../search/documents.ts";
import type { GROUP_CODES } from "../search/params.ts";

/**
 * The profile form's choices, apart from its schema (profile-schema.ts): the page lists them, and
 * a route's imports all ship to its page, so this module imports nothing that carries zod.
 * Education levels are the ones a post may require, so a profile and a requirement compare directly.
 */
export { EDUCATION_LEVELS };

/** The priority groups a seeker can claim (a subset of the search groups, same codes). */
export const PROFILE_GROUPS = [
  "returnee", "graduate", "veteran", "employment_difficulty", "zero_employment_family",
  "lifted_from_poverty", "rural_migrant", "school_leaver", "youth_unemployed", "disabled",
] as const satisfies readonly (typeof GROUP_CODES)[number][];

/** Returnee kinds as the indicators split them (managers/researchers/skilled vs graduates/veterans/industrial workers). */
export const RETURNEE_KINDS = ["manager", "researcher", "skilled", "graduate", "veteran", "industrial_worker"] as const;

/** The opportunity kinds, written out: search/documents.ts is not for pages; `satisfies` keeps the two equal. */
export const WISH_KINDS = ["job", "internship", "gig", "base", "course"] as const satisfies typeof OPPORTUNITY_KINDS;

/** Rows the form shows for work history: at least this many, so it works without JavaScript. */
export const WORK_ROWS_MIN = 3;
export const WORK_ROWS_MAX = 10;

