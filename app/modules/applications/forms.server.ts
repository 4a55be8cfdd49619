import { parseWithZod } from "@conform-to/zod";
import { withdrawSchema } from "./schemas.ts";

/**
 * Forms whose page checks nothing in the browser (a withdraw button), parsed here: a route's
 * imports all ship to its page, even those only its action uses, and a .server module does not.
 */
export const parseWithdraw = (formData: FormData) => parseWithZod(formData, { schema: withdrawSchema });
