/**
 * Education levels a post may require and a profile may state (same codes, so they compare
 * directly). Its own module without imports: every module a route imports ships to its page, used
 * or not (the compiler's code splitting keeps whole modules), so the seeker pages import this and
 * not the posting schemas with their content check.
 */
export const EDUCATION_LEVELS = ["any", "junior", "senior", "vocational", "college", "bachelor", "master"] as const;
