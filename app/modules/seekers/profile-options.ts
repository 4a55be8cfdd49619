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


/** Wanted occupations: this many text boxes, each with the occupation list to pick from. */
export const WISH_OCCUPATIONS_MAX = 5;

/** How far a person would travel to work, km ("方圆"), and years of experience: the form's bounds. */
export const TRAVEL_KM = { min: 1, max: 300 } as const;
export const EXPERIENCE_YEARS = { min: 0, max: 60 } as const;

/**
 * Certificates and skills offered as boxes to tick whatever the person wants (data/occupations codes);
 * those that go with the wanted occupations, and those the person holds, are added to them.
 */
export const COMMON_CREDENTIALS = [
  "health_certificate", "driving_c1", "driving_a2", "driving_b2", "special_low_voltage", "special_welding",
  "forklift", "skill_childcare", "skill_elderly_care", "skill_chinese_cook",
] as const;
export const COMMON_SKILLS = [
  "car_driving", "forklift", "cooking_chinese", "sewing_machine", "welding_co2", "house_wiring",
  "bricklaying", "tea_picking", "elderly_daily_care", "childcare", "cashier", "office_software",
] as const;
