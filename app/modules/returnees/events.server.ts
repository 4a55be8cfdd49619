import { createI18n } from "../../i18n/i18n.server.ts";
import { formatDate } from "../../utils/format.ts";
import { siteUrl } from "../alerts/describe.server.ts";
import { audit } from "../audit/audit.server.ts";
import { getDb } from "../db.server.ts";
import { afterMessageWrite, enqueueMessages, type OutgoingMessage } from "../messages/outbox.server.ts";
import { notify } from "../notifications/notifications.server.ts";
import { chinaMoment } from "../postings/dates.ts";
import { checkRegionCode } from "../regions/choice.server.ts";
import { getRegions, regionName } from "../regions/regions.server.ts";
import { decrypt } from "../security/secrets.server.ts";
import { staffScope, type StaffActor } from "../staff/scope.ts";
import { likeText } from "../like.ts";
import { scopePrefix } from "../auth/permissions.ts";
import type { ReplyAnswer } from "./codes.ts";
import type { EventInput } from "./staff-schemas.ts";

/** The regions whose events a registrant sees: the city, the county and the town of their home. */
export function homeAncestors(regionCode: string): string[] {
  const county = regionCode.slice(0, 6);
  return [...new Set([`${county.slice(0, 4)}00`, county, regionCode])];
}

export type CreateEventResult = { ok: true; told: number } | { ok: false; errors: Record<string, string[]> };

/**
 * Posts an event for an area inside the staff member's region and tells its confirmed registrants,
 * in the same transaction: a notice on the site for those with an account, and a message to the
 * email (else the phone) they gave, each in the language they registered in.
 */
export async function createEvent(actor: StaffActor, input: EventInput, now = new Date()): Promise<CreateEventResult> {
  const regions = await getRegions();
  const scope = staffScope(actor);
  const regionError = checkRegionCode(regions, input.region, ["city", "county", "town"], { scope });
  if (regionError) return { ok: false, errors: { region: [regionError] } };
  const startsAt = chinaMoment(input.startsAt);
  if (!startsAt) return { ok: false, errors: { startsAt: ["returneeStaff.errors.when"] } };
  if (startsAt < now) return { ok: false, errors: { startsAt: ["returneeStaff.errors.past"] } };
  const db = getDb();
  const told = await db.$transaction(async (tx) => {
    const event = await tx.returneeEvent.create({ data: { regionCode: input.region, kind: input.kind, title: input.title, startsAt, place: input.place, description: input.description, createdById: actor.id } });
    await audit(tx, { actorId: actor.id, action: "returnee_event.create", entityType: "returnee_event", entityId: event.id, regionCode: input.region, after: { title: input.title, startsAt: startsAt.toISOString() } });
    const registrants = await tx.returneeRegistration.findMany({
      where: { confirmedAt: { not: null }, regionCode: { startsWith: likeText(scopePrefix(input.region)) } },
      select: { userId: true, token: true, lang: true, emailEnc: true, phoneEnc: true },
    });
    const messages: OutgoingMessage[] = [];
    for (const r of registrants) {
      const lang = r.lang === "en" ? "en" : "zh-CN";
      const { t } = createI18n(lang);
      const params = { kind: t(`returnees.mine.eventKinds.${input.kind}`), title: input.title, when: formatDate(startsAt, lang, "dateTime"), place: input.place, region: regionName(regions, input.region, lang), description: input.description };
      const link = r.userId ? `${siteUrl()}/returnees/me` : `${siteUrl()}/returnees/r/${r.token}`;
      if (r.userId) await notify(tx, r.userId, "returneeEvent", { kind: params.kind, title: params.title, when: params.when }, "/returnees/me");
      if (r.emailEnc) messages.push({ channel: "email", to: decrypt(r.emailEnc), subject: t("returneeMessages.eventSubject", params), text: [t("returneeMessages.eventBody", { ...params, link }), "", t("authMessages.mailFooter")].join("\n"), purpose: "returnee-event", userId: r.userId });
      else if (r.phoneEnc) messages.push({ channel: "sms", to: decrypt(r.phoneEnc), text: `${t("authMessages.smsSign")}${t("returneeMessages.eventSms", { ...params, link })}`, purpose: "returnee-event", userId: r.userId });
    }
    await enqueueMessages(tx, messages);
    return registrants.length;
  });
  afterMessageWrite();
  return { ok: true, told };
}

export async function cancelEvent(actor: StaffActor, eventId: number): Promise<boolean> {
  const scope = staffScope(actor);
  const db = getDb();
  const event = await db.returneeEvent.findFirst({ where: { id: eventId, cancelledAt: null, ...(scope ? { regionCode: { startsWith: likeText(scope) } } : {}) } });
  if (!event) return false;
  await db.$transaction(async (tx) => {
    await tx.returneeEvent.update({ where: { id: event.id }, data: { cancelledAt: new Date() } });
    await audit(tx, { actorId: actor.id, action: "returnee_event.cancel", entityType: "returnee_event", entityId: event.id, regionCode: event.regionCode });
  });
  return true;
}

/** The events of the staff member's region, newest first, with their replies counted and listed. */
export async function eventsPage(actor: StaffActor, lang: string) {
  const scope = staffScope(actor);
  const db = getDb();
  const regions = await getRegions();
  const events = await db.returneeEvent.findMany({
    where: scope ? { regionCode: { startsWith: likeText(scope) } } : {},
    orderBy: { startsAt: "desc" },
    take: 50,
    include: { replies: { orderBy: { id: "asc" }, include: { registration: { select: { name: true, phoneMasked: true } } } } },
  });
  return events.map((e) => {
    const count = (a: ReplyAnswer) => e.replies.filter((r) => r.answer === a).length;
    return {
      id: e.id, kind: e.kind, title: e.title, startsAt: e.startsAt.toISOString(), place: e.place, description: e.description, region: regionName(regions, e.regionCode, lang), cancelled: e.cancelledAt !== null,
      counts: { going: count("going"), maybe: count("maybe"), notGoing: count("not_going") },
      replies: e.replies.map((r) => ({ name: r.registration.name, phone: r.registration.phoneMasked, answer: r.answer, note: r.note })),
    };
  });
}
