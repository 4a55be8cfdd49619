import { getZodConstraint } from "@conform-to/zod";
import { loginSchema, requestCodeSchema, resetSchema, signupSchema, signupStartSchema, verifyCodeSchema } from "./schemas.ts";

/**
 * What the auth routes' actions parse with, and the constraint attributes (required, lengths) their
 * pages render. Server only: a route's imports all ship to its page, and the pages load the
 * schemas (zod) lazily, at the form's first use (app/components/live-form.tsx).
 */
export { parseWithZod } from "@conform-to/zod";
export { loginSchema, requestCodeSchema, resetSchema, signupSchema, signupStartSchema, verifyCodeSchema };

// Each page's steps merged: a name means the same field in every step of a page.
const merge = (...schemas: Parameters<typeof getZodConstraint>[0][]) => Object.assign({}, ...schemas.map((s) => getZodConstraint(s))) as ReturnType<typeof getZodConstraint>;

export const constraints = {
  login: merge(loginSchema, verifyCodeSchema),
  signup: merge(signupStartSchema, signupSchema),
  codeLogin: merge(requestCodeSchema, verifyCodeSchema),
  reset: merge(requestCodeSchema, resetSchema),
};
