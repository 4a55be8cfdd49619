import { getZodConstraint, parseWithZod } from "@conform-to/zod";
import { awayCities } from "../seekers/profile-vocabulary.server.ts";
import { sitePickerOptions } from "../regions/picker.server.ts";
import { register, registrationDefaults } from "./register.server.ts";
import { eventReplySchema, registrationSchema } from "./schemas.ts";
import { eventSchema, registrantActionSchema, registryQuerySchema } from "./staff-schemas.ts";

/**
 * What the returnee routes parse with. Server only: a route's imports ship to its page, and the pages
 * load the schemas (zod) lazily, at the form's first use (app/components/live-form.tsx).
 */
export { parseWithZod, eventReplySchema, eventSchema, registrantActionSchema, registryQuerySchema };

export const registrationConstraint = getZodConstraint(registrationSchema);
export const eventConstraint = getZodConstraint(eventSchema);

const cityNames = new Map<string, string>();
/** The away-city list for the form's datalist, one text per language, made once. */
function cityList(lang: string): string {
  let text = cityNames.get(lang);
  if (text === undefined) cityNames.set(lang, (text = awayCities().map((c) => (lang === "en" ? c.labelEn : c.labelZh)).join("\n")));
  return text;
}

/** The registration page: the person's registration or profile to start from, the home picker and the city list. */
export async function registrationPage(user: { id: number; role: string } | null, lang: string) {
  const defaults = user?.role === "seeker" ? await registrationDefaults(user.id, lang) : null;
  return { signedIn: Boolean(user), isSeeker: user?.role === "seeker", defaults, picker: await sitePickerOptions(lang), cityNames: cityList(lang), constraint: registrationConstraint };
}

/** The registration form's action: the reply at the fields, or where to go next. */
export async function registrationAction(formData: FormData, user: { id: number; role: string } | null, lang: string, clientAddress: string) {
  formData.set("signedIn", user ? "true" : "false");
  const submission = parseWithZod(formData, { schema: registrationSchema });
  if (submission.status !== "success") {
    // The schema's "a phone or an email" rule runs only once the fields are valid: say it now too.
    const noContact = !user && !String(formData.get("phone") ?? "").trim() && !String(formData.get("email") ?? "").trim();
    return { reply: submission.reply(noContact ? { fieldErrors: { phone: ["returnees.errors.contact"] } } : undefined), next: null, channel: null };
  }
  const result = await register(submission.value, user, lang, clientAddress);
  if (!result.ok) {
    const { "": form, ...fields } = result.errors;
    const minutes = result.retryAfterSeconds ? `?minutes=${Math.max(1, Math.ceil(result.retryAfterSeconds / 60))}` : "";
    const suggest = (keys: string[]) => keys.map((k) => (k.endsWith("Suggest") ? `${k}?${new URLSearchParams({ suggestions: (result.suggestions ?? []).join("、") })}` : k));
    return { reply: submission.reply({ formErrors: form?.map((f) => `${f}${minutes}`), fieldErrors: Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, suggest(v)])) }), next: null, channel: null };
  }
  return { reply: submission.reply(), next: result.next, channel: result.channel ?? null };
}
