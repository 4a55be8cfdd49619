import { retrieveMatches } from "../../../search/match.ts";
import { getSearchService } from "../../../search/service.ts";
import type { OpportunityCard } from "../../../search/cards.ts";
import type { Language } from "~/i18n/i18n.ts";
import { can, type Role } from "../auth/permissions.ts";
import { getDb } from "../db.server.ts";
import { getBrands, getRegions, siteRegion } from "../regions/regions.server.ts";
import { policyHints, type PolicyLink } from "../policies/check.server.ts";
import { placeOfHome } from "./candidate-names.server.ts";
import { applicationCounts } from "./applications-ledger.server.ts";
import { exposureLedger } from "./exposure.ts";
import { namer, reasonWords, type ReasonView } from "./reason-names.server.ts";
import { recommend, type Ranked } from "./recommend.ts";
import { matchRequestFor } from "./request.ts";
import { MATCHABLE_SELECT, matchSeekerFrom } from "./seeker.ts";

/** A recommended item as pages show it: its card, where it is in words, and why it was chosen. */
export interface RecommendedCard {
  card: OpportunityCard & { place: string; distanceKm: number | null };
  reasons: ReasonView[];
}

export type RecommendationsPage =
  | { state: "no_profile" | "no_consent" | "unavailable" }
  | {
      state: "ready";
      top: RecommendedCard[];
      widened: { from: string; occupation: string; count: number; items: RecommendedCard[] }[];
      bases: RecommendedCard[];
      courses: RecommendedCard[];
      /** What would make the list better (profile items left empty). */
      gaps: ("occupations" | "place" | "credentials")[];
      /** Support the person's own profile facts meet so far ("您可能符合：一次性交通补贴"). */
      policies: PolicyLink[];
    };

/**
 * A seeker's recommendations: one database read (the profile's matchable columns and their "not
 * interested" marks), one multi-search, then pure ranking. Sex, birth date and ID are not read.
 */
export async function loadRecommendations(userId: number, lang: string, options: { limit?: number; now?: Date } = {}): Promise<RecommendationsPage> {
  const now = options.now ?? new Date();
  const user = await getDb().user.findUnique({
    where: { id: userId },
    select: { profile: { select: { ...MATCHABLE_SELECT, consentMatching: true } }, matchFeedback: { select: { itemId: true, occupationCode: true } } },
  });
  const profile = user?.profile;
  if (!profile) return { state: "no_profile" };
  if (!profile.consentMatching) return { state: "no_consent" };
  const seeker = matchSeekerFrom(profile);
  const found = await getSearchService().run((connection) => retrieveMatches(connection, matchRequestFor(seeker, now), now));
  if (!found.ok) {
    console.warn("search server unavailable for recommendations:", String(found.error));
    return { state: "unavailable" };
  }
  const [applications, regions, brands] = await Promise.all([applicationCounts(), getRegions(), getBrands()]);
  const feedback = user.matchFeedback;
  const result = recommend(seeker, found.value, {
    now,
    person: `user:${userId}`,
    ledger: exposureLedger(),
    applications,
    hidden: new Set(feedback.map((f) => f.itemId)),
    dislikedOccupations: feedback.flatMap((f) => (f.occupationCode ? [f.occupationCode] : [])),
    limit: options.limit,
  });
  const names = namer({ regions, brands, lang });
  const view = (r: Ranked): RecommendedCard => ({
    card: { ...r.doc.card, place: placeOfHome(regions, r.doc.card.regionCode, lang), distanceKm: r.score.km },
    reasons: r.score.reasons.map(names.view),
  });
  const gaps: ("occupations" | "place" | "credentials")[] = [];
  if (!seeker.wishOccupations.length) gaps.push("occupations");
  if (!seeker.home && !seeker.wishCounties.length) gaps.push("place");
  if (!seeker.credentials.length && !seeker.skills.length) gaps.push("credentials");
  return {
    state: "ready",
    policies: await policyHints(profile, profile.currentRegionCode ?? profile.hometownCode ?? siteRegion(), lang),
    top: result.top.map(view),
    widened: result.widened.map((w) => ({ from: names.occupation(w.from), occupation: names.occupation(w.occupation), count: w.count, items: w.items.map(view) })),
    bases: result.bases.map(view),
    courses: result.courses.map(view),
    gaps,
  };
}

/** "Not interested": the item leaves the person's list, and items of nearby occupations are lowered. */
export async function markNotInterested(userId: number, itemId: string): Promise<void> {
  const match = /^(job|internship|gig|base|course)-(\d{1,12})$/.exec(itemId);
  if (!match) return;
  const [, kind, id] = match;
  const db = getDb();
  const row =
    kind === "base"
      ? null
      : kind === "course"
        ? await db.trainingCourse.findUnique({ where: { id: Number(id) }, select: { occupationCode: true } })
        : await db.posting.findUnique({ where: { id: Number(id) }, select: { occupationCode: true } });
  await db.matchFeedback.upsert({
    where: { userId_itemId: { userId, itemId } },
    create: { userId, itemId, kind: kind!, occupationCode: row?.occupationCode ?? null },
    update: {},
  });
}

/** Undo for one item (the page offers it right after hiding). */
export async function undoNotInterested(userId: number, itemId: string): Promise<void> {
  await getDb().matchFeedback.deleteMany({ where: { userId, itemId } });
}

/** A page that shows a few recommendations (home, /me): cards with their reasons already in words. */
export interface RecommendationPreview {
  items: { card: RecommendedCard["card"]; reasons: string[] }[];
}

/**
 * The first few recommendations for a page that does not load the matching strings: the reasons
 * come translated from the server, so the page ships no new strings for them. Null for anyone but
 * a seeker, and when there is nothing to show (no profile, no consent, search down).
 */
export async function previewRecommendations(user: { id: number; role: Role } | null, lang: Language, limit = 3, now = new Date()): Promise<RecommendationPreview | null> {
  if (!user || !can(user.role, "profile.edit")) return null;
  const page = await loadRecommendations(user.id, lang, { limit, now });
  if (page.state !== "ready" || !page.top.length) return null;
  const words = reasonWords(lang);
  return { items: page.top.slice(0, limit).map((r) => ({ card: r.card, reasons: r.reasons.slice(0, 2).map(words) })) };
}
