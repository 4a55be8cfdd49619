import { getZodConstraint } from "@conform-to/zod";
import { deleteAccountSchema, profileSchema } from "./profile-schema.ts";

/**
 * What the seeker routes' actions parse with, and the constraint attributes their pages render.
 * Server only: a route's imports all ship to its page, and the pages load the schemas (zod)
 * lazily, at the form's first use (app/components/live-form.tsx).
 */
export { parseWithZod } from "@conform-to/zod";
export { deleteAccountSchema, profileSchema };

export const constraints = { profile: getZodConstraint(profileSchema), deleteAccount: getZodConstraint(deleteAccountSchema) };
