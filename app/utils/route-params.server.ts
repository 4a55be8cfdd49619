import { z } from "zod";
import { OPPORTUNITY_KINDS } from "../../search/documents.ts";

// A `.server` module, so pages that use these only in loaders ship no zod to the browser.

/** A plain decimal id ("1e3" or "0x10" are not ids). */
export const recordId = z.string().regex(/^[1-9]\d{0,14}$/).transform(Number);

/** `/{kind}/{id}` as the page and the API read it: a known kind and a plain decimal id. */
export const opportunityRef = z.object({ kind: z.enum(OPPORTUNITY_KINDS), id: recordId });
