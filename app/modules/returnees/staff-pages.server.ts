import { parseWithZod } from "@conform-to/zod";
import { createI18n } from "../../i18n/i18n.server.ts";
import { tCode } from "../../i18n/translate.ts";
import { fromCommaList } from "../../utils/comma-list.ts";
import { scopePrefix } from "../auth/permissions.ts";
import type { ExportFile } from "../exports/table.server.ts";
import { getRegions, regionName, siteRegion } from "../regions/regions.server.ts";
import { regionPickerOptions } from "../regions/picker.server.ts";
import { awayCityLabel } from "../seekers/profile-vocabulary.server.ts";
import { staffScope, type StaffActor } from "../staff/scope.ts";
import { cancelEvent, createEvent, eventsPage } from "./events.server.ts";
import { eventCancelSchema, eventSchema, registrantActionSchema, registryQuerySchema, type RegistryQuery } from "./staff-schemas.ts";
import { registrantAction } from "./staff-actions.server.ts";
import { allRegistrants, registrantDetail, registryPage, registryWhere } from "./staff.server.ts";
import { httpError } from "../../utils/http.ts";

/** The staff pages' glue: parse, one call, a reply the page can show. Routes stay a guard and a call. */

const pickerFor = (actor: StaffActor, lang: string) => regionPickerOptions({ lang, scope: staffScope(actor) ?? scopePrefix(siteRegion()) });

/** The filters as a query string again, for the pager and the export links (empty ones left out). */
function queryText(query: RegistryQuery): Record<string, string> {
  const { page: _page, ...rest } = query;
  return Object.fromEntries(Object.entries(rest).filter((e): e is [string, string] => typeof e[1] === "string" && e[1] !== ""));
}

export async function registryLoader(actor: StaffActor, params: URLSearchParams, lang: string) {
  const query = registryQuerySchema.parse(Object.fromEntries(params));
  const page = await registryPage(actor, query, lang);
  if (!page) return null;
  return { query, ...page, picker: await pickerFor(actor, lang), exportQuery: queryText(query) };
}

export async function registrantLoader(actor: StaffActor, id: string | undefined, lang: string) {
  const n = Number(id);
  return Number.isInteger(n) && n > 0 && n < 2 ** 31 ? registrantDetail(actor, n, lang) : null;
}

/** One registrant's forms: a reply with the field's message, or what was done (and the number, when shown). */
export async function registrantFormAction(actor: StaffActor, id: string | undefined, formData: FormData) {
  const n = Number(id);
  if (!Number.isInteger(n) || n <= 0 || n >= 2 ** 31) return { notFound: true as const };
  const submission = parseWithZod(formData, { schema: registrantActionSchema });
  if (submission.status !== "success") return { reply: submission.reply(), intent: String(formData.get("intent") ?? "") };
  const result = await registrantAction(actor, n, submission.value);
  if (!result.ok && "notFound" in result) return { notFound: true as const };
  if (!result.ok) {
    const { "": form, ...fields } = result.errors;
    return { reply: submission.reply({ formErrors: form, fieldErrors: fields }), intent: submission.value.intent };
  }
  return { reply: submission.reply({ resetForm: true }), intent: submission.value.intent, done: result.done, phone: result.phone ?? null };
}

export async function eventsLoader(actor: StaffActor, lang: string) {
  return { events: await eventsPage(actor, lang), picker: await pickerFor(actor, lang) };
}

export async function eventsFormAction(actor: StaffActor, formData: FormData) {
  if (formData.get("intent") === "cancel") {
    const parsed = eventCancelSchema.safeParse(Object.fromEntries(formData));
    const done = parsed.success && (await cancelEvent(actor, parsed.data.eventId));
    return { reply: null, done: done ? ("cancelled" as const) : null, told: 0 };
  }
  const submission = parseWithZod(formData, { schema: eventSchema });
  if (submission.status !== "success") return { reply: submission.reply(), done: null, told: 0 };
  const result = await createEvent(actor, submission.value);
  if (!result.ok) return { reply: submission.reply({ fieldErrors: result.errors }), done: null, told: 0 };
  return { reply: submission.reply({ resetForm: true }), done: "created" as const, told: result.told };
}

/** The registry as a file: the filtered registrants, contacts masked, in the staff member's language. */
export async function registryExport(actor: StaffActor, params: URLSearchParams, lang: string, now = new Date()): Promise<ExportFile> {
  const query = registryQuerySchema.parse(Object.fromEntries(params));
  // Refused before the first byte: a stream cannot turn into a 404 half way.
  if (!registryWhere(actor, query)) throw httpError(404);
  const { t } = createI18n(lang === "en" ? "en" : "zh-CN");
  const regions = await getRegions();
  const source = allRegistrants(actor, query);
  async function* rows() {
    for await (const r of source) {
      yield {
        record: r.id,
        name: r.name,
        phone: r.phoneMasked ?? "",
        email: r.emailMasked ?? "",
        county: regionName(regions, r.homeCounty, lang),
        town: r.homeTown ? regionName(regions, r.homeTown, lang) : "",
        away: awayCityLabel(r.awayCityCode, lang),
        kind: tCode(t, "seekers.returneeKinds", r.returneeKind),
        trade: r.trade,
        skills: r.skills,
        intentions: fromCommaList(r.intentions).map((i) => tCode(t, "returnees.intentionNames", i)).join("、"),
        timing: tCode(t, "returnees.timings", r.timing),
        status: tCode(t, "returnees.mine.statuses", r.status),
        placement: r.placementId ?? null,
        registeredAt: r.createdAt,
        lastContact: r.contacts[0]?.createdAt ?? null,
      };
    }
  }
  const title = t("returneeStaff.title");
  const day = new Date(now.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
  return {
    table: {
      sheetName: title,
      columns: [
        { key: "record", header: "#", type: "integer" },
        { key: "name", header: t("returneeStaff.name") },
        { key: "phone", header: t("returneeStaff.detail.phone") },
        { key: "email", header: t("returneeStaff.detail.email") },
        { key: "county", header: t("returnees.county") },
        { key: "town", header: t("returnees.town") },
        { key: "away", header: t("returneeStaff.awayIn") },
        { key: "kind", header: t("returneeStaff.kind") },
        { key: "trade", header: t("returneeStaff.trade") },
        { key: "skills", header: t("returneeStaff.detail.skills") },
        { key: "intentions", header: t("returneeStaff.intention") },
        { key: "timing", header: t("returneeStaff.timing") },
        { key: "status", header: t("returneeStaff.status") },
        { key: "placement", header: t("returneeStaff.detail.placement"), type: "integer" },
        { key: "registeredAt", header: t("returneeStaff.registeredAt"), type: "datetime" },
        { key: "lastContact", header: t("returneeStaff.lastContact"), type: "datetime" },
      ],
      rows: rows(),
    },
    name: { ascii: `returnees-${day}`, utf8: `${title}-${day}` },
  };
}
