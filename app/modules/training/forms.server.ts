import { parseWithZod } from "@conform-to/zod";
import { enrolSchema, outcomeSchema } from "./schemas.ts";

/** Parsed here so a route's page does not ship zod for a form it only posts. */
export const parseEnrol = (formData: FormData) => parseWithZod(formData, { schema: enrolSchema });
export const parseOutcome = (formData: FormData) => parseWithZod(formData, { schema: outcomeSchema });
