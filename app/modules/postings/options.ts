import { GROUP_CODES } from "../search/search-url.ts";
import { EDUCATION_LEVELS } from "./levels.ts";

/**
 * The posting forms' choices, without the schema: the form and its routes import these, and the
 * schema (zod) reaches the page only when the form is first used (components/live-form.tsx).
 */
export const POSTING_KINDS = ["job", "internship", "gig"] as const;
export type PostingKind = (typeof POSTING_KINDS)[number];

export { EDUCATION_LEVELS };
export const CONTRACT_TYPES = ["full_time", "part_time", "fixed_term", "dispatch"] as const;
export const PAY_PERIODS = ["month", "day", "hour", "piece"] as const;
export const GIG_PAY_PERIODS = ["day", "hour"] as const;
export const BENEFITS = ["meals", "housing", "insurance", "housing_fund", "transport", "bonus"] as const;
export const POSTING_GROUPS = GROUP_CODES;

/** The form's "show the certificates for this occupation" button: the form comes back as typed, nothing saved. */
export const REFRESH_INTENT = "requirements";
