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
  // Following one's own recommendations: one such alert per person, no query.
  z.object({ intent: z.literal("follow"), frequency, channels }),
  z.object({ intent: z.literal("update"), id: z.coerce.number().int().positive().max(2 ** 31), frequency, channels }),
  z.object({ intent: z.literal("delete"), id: z.coerce.number().int().positive().max(2 ** 31) }),
]);
export type AlertForm = z.infer<typeof alertFormSchema>;

const email = z.string().trim().max(254, "alerts.errors.email").regex(/^[^\s@]+@[^\s@]+\.[^\s@]{2,}$/, "alerts.errors.email");

/** A search saved without an account: the address it goes to, by email only. */
export const emailAlertFormSchema = z.object({ query: z.string().max(600).default(""), frequency, email });

/** The manage-by-link page of an alert without an account: how often, or stop. */
export const manageFormSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("update"), frequency }),
  z.object({ intent: z.literal("delete") }),
]);
