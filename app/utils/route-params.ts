import { z } from "zod";
import { OPPORTUNITY_KINDS } from "../../search/documents.ts";

/** `/{kind}/{id}` as the page and the API read it: a known kind and a plain decimal id ("1e3" or "0x10" are not ids). */
export const opportunityRef = z.object({
  kind: z.enum(OPPORTUNITY_KINDS),
  id: z.string().regex(/^[1-9]\d{0,14}$/).transform(Number),
});
