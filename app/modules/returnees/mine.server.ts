import { fromCommaList } from "../../utils/comma-list.ts";
import { getDb } from "../db.server.ts";
import { getRegions } from "../regions/regions.server.ts";
import { awayCityLabel } from "../seekers/profile-vocabulary.server.ts";
import { homeAncestors } from "./events.server.ts";
import { homeQuery } from "./follow.server.ts";
import type { ReplyAnswer } from "./codes.ts";
import { confirmRegistration, withdrawRegistration } from "./register.server.ts";
import { eventReplySchema } from "./schemas.ts";
import { placeName } from "./staff.server.ts";

/** Whose registration: by the link's token (no account), or by the signed-in account. */
export type RegistrantKey = { token: string } | { userId: number };

const validKey = (key: RegistrantKey) => !("token" in key) || /^[A-Za-z0-9_-]{20,64}$/.test(key.token);

/**
 * The person's own registration page: what they registered, whether it is confirmed, and their home's
 * upcoming events with their replies. Null: no such registration.
 */
export async function registrantPage(key: RegistrantKey, lang: string, now = new Date()) {
  if (!validKey(key)) return null;
  const db = getDb();
  const row = await db.returneeRegistration.findFirst({ where: key, include: { replies: true } });
  if (!row) return null;
  const regions = await getRegions();
  const events = row.confirmedAt
    ? await db.returneeEvent.findMany({
        where: { regionCode: { in: homeAncestors(row.regionCode) }, cancelledAt: null, startsAt: { gte: new Date(now.getTime() - 86_400_000) } },
        orderBy: { startsAt: "asc" },
        take: 20,
      })
    : [];
  const replies = new Map(row.replies.map((r) => [r.eventId, r]));
  return {
    confirmed: row.confirmedAt !== null,
    hasAccount: row.userId !== null,
    name: row.name,
    home: placeName(regions, row.homeCounty, row.homeTown, lang),
    away: awayCityLabel(row.awayCityCode, lang),
    returneeKind: row.returneeKind,
    trade: row.trade,
    intentions: fromCommaList(row.intentions),
    timing: row.timing,
    status: row.status,
    alertLink: `/search?${homeQuery(row)}&sort=newest`,
    events: events.map((e) => ({
      id: e.id, kind: e.kind, title: e.title, startsAt: e.startsAt.toISOString(), place: e.place, description: e.description,
      reply: replies.has(e.id) ? { answer: replies.get(e.id)!.answer as ReplyAnswer, note: replies.get(e.id)!.note } : null,
    })),
  };
}

/** A registrant's answer to one of their home's events; changing it later replaces it. False: no such event for them. */
export async function replyToEvent(key: RegistrantKey, input: { eventId: number; answer: ReplyAnswer; note: string }): Promise<boolean> {
  if (!validKey(key)) return false;
  const db = getDb();
  const row = await db.returneeRegistration.findFirst({ where: { ...key, confirmedAt: { not: null } }, select: { id: true, regionCode: true } });
  if (!row) return false;
  const event = await db.returneeEvent.findFirst({ where: { id: input.eventId, cancelledAt: null, regionCode: { in: homeAncestors(row.regionCode) } }, select: { id: true } });
  if (!event) return false;
  await db.returneeEventReply.upsert({
    where: { eventId_registrationId: { eventId: event.id, registrationId: row.id } },
    create: { eventId: event.id, registrationId: row.id, answer: input.answer, note: input.note },
    update: { answer: input.answer, note: input.note },
  });
  return true;
}

export type RegistrantFormResult = { ok: true; done: "confirmed" | "replySaved" | "withdrawn" } | { ok: false };

/** The registrant page's buttons: confirm (by link only), reply to an event, withdraw. */
export async function registrantFormAction(key: RegistrantKey, formData: FormData, now = new Date()): Promise<RegistrantFormResult> {
  const intent = formData.get("intent");
  if (intent === "confirm" && "token" in key) return (await confirmRegistration(key.token, now)) ? { ok: true, done: "confirmed" } : { ok: false };
  if (intent === "withdraw") return (await withdrawRegistration(key)) ? { ok: true, done: "withdrawn" } : { ok: false };
  if (intent === "reply") {
    const parsed = eventReplySchema.safeParse(Object.fromEntries(formData));
    if (parsed.success && (await replyToEvent(key, parsed.data))) return { ok: true, done: "replySaved" };
  }
  return { ok: false };
}
