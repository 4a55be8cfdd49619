import { z } from "zod";

/** The public list's URL: a bad value falls back to the default, never an error. (Server only: the page ships no zod.) */
export const servicePointQuerySchema = z.object({
  county: z.string().regex(/^\d{6}$/).optional().catch(undefined),
});
