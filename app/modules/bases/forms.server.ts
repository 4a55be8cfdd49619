import { parseWithZod } from "@conform-to/zod";
import { withdrawSchema } from "./schemas.ts";

/** The withdraw button's form, parsed here so its schema does not ship to the page. */
export const parseBaseWithdraw = (formData: FormData) => parseWithZod(formData, { schema: withdrawSchema });
