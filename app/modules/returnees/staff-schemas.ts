import { z } from "zod";
import { CONTACT_KINDS, EVENT_KINDS, INTENTIONS, REGISTRANT_STATUSES, RETURNEE_KINDS, TIMINGS } from "./codes.ts";

/** The staff forms' schemas: apart from the public ones, so the public pages never carry staff strings. */
const text = (max: number) => z.string({ required_error: "forms.required" }).trim().min(1, "forms.required").max(max, "forms.tooLong");
const choice = <T extends readonly [string, ...string[]]>(codes: T) => z.enum(codes, { errorMap: () => ({ message: "forms.chooseOne" }) });
const id = z.coerce.number({ invalid_type_error: "forms.required" }).int().positive().max(2 ** 31);

/** Staff: the registry's filters (all optional; a bad value is dropped rather than refused). */
export const registryQuerySchema = z.object({
  region: z.string().regex(/^\d{6}(\d{3})?$/).optional().catch(undefined),
  status: z.enum(REGISTRANT_STATUSES).optional().catch(undefined),
  intention: z.enum(INTENTIONS).optional().catch(undefined),
  timing: z.enum(TIMINGS).optional().catch(undefined),
  kind: z.enum(RETURNEE_KINDS).optional().catch(undefined),
  q: z.string().trim().max(40).optional().catch(undefined).transform((v) => v || undefined),
  page: z.coerce.number().int().min(1).max(10_000).catch(1).default(1),
});
export type RegistryQuery = z.infer<typeof registryQuerySchema>;

/** Staff: what they can do on one registrant's page. */
export const registrantActionSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("contact"), kind: choice(CONTACT_KINDS), note: text(500) }),
  z.object({ intent: z.literal("returned") }),
  z.object({ intent: z.literal("link"), placementId: z.coerce.number({ invalid_type_error: "returneeStaff.detail.errors.placement" }).int("returneeStaff.detail.errors.placement").positive("returneeStaff.detail.errors.placement").max(2 ** 31, "returneeStaff.detail.errors.placement") }),
  z.object({ intent: z.literal("reveal") }),
]);
export type RegistrantAction = z.infer<typeof registrantActionSchema>;

/** Staff: posting a returnee event. The date and time are China time, as typed. */
export const eventSchema = z.object({
  region: z.string({ required_error: "returnees.errors.county" }).regex(/^\d{6}(\d{3})?$/, "returnees.errors.county"),
  kind: choice(EVENT_KINDS),
  title: text(80),
  startsAt: z.string({ required_error: "forms.required" }).regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, "returnees.errors.when"),
  place: text(120),
  description: z.string().trim().max(1000, "forms.tooLong").default(""),
});
export type EventInput = z.infer<typeof eventSchema>;

export const eventCancelSchema = z.object({ intent: z.literal("cancel"), eventId: id });
