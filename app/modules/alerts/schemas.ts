import { z } from "zod";
import { ALERT_CHANNELS, FREQUENCIES } from "./codes.ts";

const channels = z.preprocess(
  (v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]),
  z.array(z.enum(ALERT_CHANNELS)).min(1, "alerts.errors.channelRequired").max(3),
);
const frequency = z.enum(FREQUENCIES, { errorMap: () => ({ message: "alerts.errors.frequency" }) });

/** One schema per form: saving a search, changing an alert, removing one. */
export const alertFormSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("create"), query: z.string().max(600).default(""), frequency, channels }),
  z.object({ intent: z.literal("update"), id: z.coerce.number().int().positive().max(2 ** 31), frequency, channels }),
  z.object({ intent: z.literal("delete"), id: z.coerce.number().int().positive().max(2 ** 31) }),
]);
export type AlertForm = z.infer<typeof alertFormSchema>;
