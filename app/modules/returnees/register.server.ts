import { getDb } from "../db.server.ts";
import { createI18n } from "../../i18n/i18n.server.ts";
import { fromCommaList, toCommaList } from "../../utils/comma-list.ts";
import { siteUrl } from "../alerts/describe.server.ts";
import { hitAll, type Limit } from "../auth/rate-limit.server.ts";
import { afterMessageWrite, enqueueMessages, type OutgoingMessage } from "../messages/outbox.server.ts";
import { maskEmail, maskPhone } from "../people/identity.ts";
import { checkPlace } from "../regions/choice.server.ts";
import { getRegions, siteRegion } from "../regions/regions.server.ts";
import { encrypt, lookupHash, randomToken, sha256 } from "../security/secrets.server.ts";
import { awayCityLabel, resolveAwayCity } from "../seekers/profile-vocabulary.server.ts";
import { confirmFollow, followHome, stopFollowing } from "./follow.server.ts";
import type { RegistrationInput } from "./schemas.ts";

/** Registering without an account: per address, and per phone or email, so nobody floods a stranger's inbox. */
const LIMITS = {
  perAddress: { max: 10, windowMs: 60 * 60_000 },
  perTarget: { max: 3, windowMs: 24 * 60 * 60_000 },
} as const satisfies Record<string, Limit>;

export type RegisterResult =
  | { ok: true; next: "mine" | "check"; channel?: "email" | "sms" }
  | { ok: false; errors: Record<string, string[]>; retryAfterSeconds?: number };

interface Actor {
  id: number;
  role: string;
}

/** A phone and an email as every personal contact is kept: encrypted, masked for lists, a keyed hash to find a repeat. */
function contactFields(contact: { phone?: string | null; email?: string | null }) {
  const { phone, email } = contact;
  return {
    phoneEnc: phone ? encrypt(phone) : null, phoneMasked: phone ? maskPhone(phone) : null, phoneHash: phone ? lookupHash("phone", phone) : null,
    emailEnc: email ? encrypt(email) : null, emailMasked: email ? maskEmail(email) : null, emailHash: email ? lookupHash("email", email) : null,
  };
}

const fieldError = (field: string, key: string) => ({ ok: false as const, errors: { [field]: [key] } });

/** The checks zod cannot make: the home county and town are this site's, and the city away is a real one. */
async function checkPlaces(input: RegistrationInput, lang: string) {
  const regions = await getRegions();
  const place = checkPlace(regions, { county: input.county, town: input.town }, { scope: siteRegion().slice(0, 4), countyRequired: true });
  const errors: Record<string, string[]> = {};
  if (place.errors.county) errors.county = [place.errors.county === "regionPicker.errors.outOfScope" ? "returnees.errors.countyHere" : place.errors.county];
  if (place.errors.town) errors.town = [place.errors.town];
  const away = resolveAwayCity(input.awayCity, lang);
  if (!away.ok) errors.awayCity = [away.suggestions.length ? "returnees.errors.awayCitySuggest" : "returnees.errors.awayCity"];
  return { errors, suggestions: away.ok ? [] : away.suggestions, awayCityCode: away.ok ? away.code : null, county: place.county!, town: place.town };
}

function fieldsOf(input: RegistrationInput, places: { county: string; town?: string; awayCityCode: string | null }, lang: string) {
  return {
    name: input.name,
    homeCounty: places.county,
    homeTown: places.town ?? null,
    regionCode: places.town ?? places.county,
    awayCityCode: places.awayCityCode,
    returneeKind: input.returneeKind,
    trade: input.trade,
    skills: input.skills,
    intentions: toCommaList(input.intentions),
    timing: input.timing,
    lang: (lang === "en" ? "en" : "zh-CN") as "en" | "zh-CN",
  };
}

/**
 * Registers a person working away. Signed in: the registration is the account's (made or changed),
 * confirmed at once, following the home county through the account's alerts. Without an account:
 * the registration waits for its link, sent to the phone or email given; a contact that already has a
 * registration is sent its link again instead, and the page answers the same either way, so nobody
 * learns from this form whether someone registered.
 */
export async function register(input: RegistrationInput, actor: Actor | null, lang: string, clientAddress: string, now = new Date()): Promise<RegisterResult & { suggestions?: string[] }> {
  const places = await checkPlaces(input, lang);
  if (Object.keys(places.errors).length) return { ok: false, errors: places.errors, suggestions: places.suggestions };
  const fields = fieldsOf(input, places, lang);
  const db = getDb();
  if (actor) {
    if (actor.role !== "seeker") return fieldError("", "returnees.errors.seekersOnly");
    const user = await db.user.findUniqueOrThrow({ where: { id: actor.id }, select: { email: true, phoneEnc: true, phoneMasked: true, phoneHash: true } });
    await db.$transaction(async (tx) => {
      const existing = await tx.returneeRegistration.findUnique({ where: { userId: actor.id }, select: { id: true, savedSearchId: true } });
      const contact = { ...contactFields({ email: user.email }), phoneEnc: user.phoneEnc, phoneMasked: user.phoneMasked, phoneHash: user.phoneHash };
      const row = existing
        ? await tx.returneeRegistration.update({ where: { id: existing.id }, data: { ...fields, ...contact } })
        : await tx.returneeRegistration.create({ data: { ...fields, ...contact, userId: actor.id, token: randomToken(24), confirmedAt: now } });
      const savedSearchId = await followHome(tx, { registration: row, userId: actor.id, frequency: input.frequency, channels: ["site", ...(user.email ? (["email"] as const) : user.phoneEnc ? (["sms"] as const) : [])] }, now);
      await tx.returneeRegistration.update({ where: { id: row.id }, data: { savedSearchId } });
    });
    return { ok: true, next: "mine" };
  }
  const targetHash = input.email ? lookupHash("email", input.email) : lookupHash("phone", input.phone!);
  const limited = await hitAll(db, [
    [`returnee:addr:${sha256(clientAddress)}`, LIMITS.perAddress],
    [`returnee:target:${targetHash}`, LIMITS.perTarget],
  ]);
  if (!limited.allowed) return { ok: false, errors: { "": ["returnees.errors.tooMany"] }, retryAfterSeconds: limited.retryAfterSeconds };
  const channel = input.email ? ("email" as const) : ("sms" as const);
  const to = input.email ?? input.phone!;
  const { t } = createI18n(fields.lang === "en" ? "en" : "zh-CN");
  await db.$transaction(async (tx) => {
    const existing = await tx.returneeRegistration.findFirst({
      where: { userId: null, ...(input.email ? { emailHash: targetHash } : { phoneHash: targetHash }) },
      select: { token: true, confirmedAt: true },
    });
    const token = existing?.token ?? randomToken(24);
    if (!existing) {
      const row = await tx.returneeRegistration.create({
        data: {
          ...fields, token, ...contactFields(input),
        },
      });
      // The alert waits, unconfirmed, for the same link as the registration.
      const savedSearchId = input.email ? await followHome(tx, { registration: row, email: input.email, frequency: input.frequency, channels: ["email"] }, now) : null;
      if (savedSearchId) await tx.returneeRegistration.update({ where: { id: row.id }, data: { savedSearchId } });
    }
    await enqueueMessages(tx, [linkMessage(t, channel, to, token, existing ? "again" : "confirm")]);
  });
  afterMessageWrite();
  return { ok: true, next: "check", channel };
}

function linkMessage(t: ReturnType<typeof createI18n>["t"], channel: "email" | "sms", to: string, token: string, why: "confirm" | "again"): OutgoingMessage {
  const link = `${siteUrl()}/returnees/r/${token}`;
  if (channel === "sms") return { channel, to, text: `${t("authMessages.smsSign")}${t(`returneeMessages.${why}Sms`, { link })}`, purpose: "returnee" };
  const text = [t(`returneeMessages.${why}Body`, { link }), "", t("authMessages.mailFooter")].join("\n");
  return { channel, to, subject: t(`returneeMessages.${why}Subject`), text, purpose: "returnee" };
}

/** The link's first use confirms the registration and its alert; false: no such registration. */
export async function confirmRegistration(token: string, now = new Date()): Promise<boolean> {
  if (!/^[A-Za-z0-9_-]{20,64}$/.test(token)) return false;
  const db = getDb();
  const row = await db.returneeRegistration.findUnique({ where: { token }, select: { id: true, confirmedAt: true, savedSearchId: true } });
  if (!row) return false;
  if (row.confirmedAt) return true;
  await db.$transaction(async (tx) => {
    await tx.returneeRegistration.update({ where: { id: row.id }, data: { confirmedAt: now } });
    if (row.savedSearchId) await confirmFollow(tx, row.savedSearchId, now);
  });
  return true;
}

/** Withdrawing: the registration, its replies and contacts, and the alert that followed home, all gone. */
export async function withdrawRegistration(where: { token: string } | { userId: number }): Promise<boolean> {
  const db = getDb();
  const row = await db.returneeRegistration.findFirst({ where, select: { id: true, savedSearchId: true } });
  if (!row) return false;
  await db.$transaction(async (tx) => {
    await stopFollowing(tx, row.savedSearchId);
    await tx.returneeRegistration.delete({ where: { id: row.id } });
  });
  return true;
}

/** What the form starts from: the person's registration if they have one, else their profile. */
export async function registrationDefaults(userId: number | null, lang: string) {
  if (!userId) return null;
  const db = getDb();
  const [row, profile] = await Promise.all([
    db.returneeRegistration.findUnique({ where: { userId } }),
    db.seekerProfile.findUnique({ where: { userId }, select: { name: true, hometownCode: true, awayCityCode: true, returneeKind: true, skills: true } }),
  ]);
  if (row) {
    const follow = row.savedSearchId ? await db.savedSearch.findUnique({ where: { id: row.savedSearchId }, select: { frequency: true } }) : null;
    return {
      registered: true, name: row.name, county: row.homeCounty, town: row.homeTown ?? "", awayCity: awayCityLabel(row.awayCityCode, lang), returneeKind: row.returneeKind,
      trade: row.trade, skills: row.skills, intentions: fromCommaList(row.intentions), timing: row.timing, frequency: follow?.frequency ?? "weekly",
    };
  }
  if (!profile) return null;
  const home = profile.hometownCode ?? "";
  return { registered: false, name: profile.name, county: home.slice(0, 6), town: home.length === 9 ? home : "", awayCity: awayCityLabel(profile.awayCityCode, lang), returneeKind: profile.returneeKind ?? "", trade: "", skills: profile.skills, intentions: [], timing: "", frequency: "weekly" };
}

