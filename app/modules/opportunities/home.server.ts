import { getDb } from "../db.server.ts";
import { greatCircleKm } from "../places/distance.ts";
import { endOfDay, chinaDay } from "../postings/dates.ts";
import { getBrands, getRegions, regionName, siteCounties } from "../regions/regions.server.ts";
import { originOf, nearLabel } from "../search/near.ts";
import { withPlaces } from "../search/search-page.server.ts";
import { postingCard } from "../../../search/cards.ts";
import { homeListing, type HomeListing } from "../../../search/query.ts";
import { getSearchService } from "../../../search/service.ts";
import { openWhere } from "./open.ts";

const GIGS_SHOWN = 6;

/** The home page's counts and today's gig work as the database has them: when search cannot answer. */
async function listingFromDatabase(origin: { lat: number; lng: number } | undefined, tonight: Date, now: Date): Promise<HomeListing> {
  const db = getDb();
  const [byKind, bases, courses, gigs] = await Promise.all([
    db.posting.groupBy({ by: ["kind"], where: openWhere.posting(now), _count: { _all: true } }),
    db.incubationBase.count({ where: openWhere.base() }),
    db.trainingCourse.count({ where: openWhere.course(now) }),
    // AND, not a spread: the day's bound must not replace the open rule's own bound on validUntil.
    db.posting.findMany({ where: { AND: [openWhere.posting(now), { kind: "gig", validUntil: { lte: tonight } }] }, include: { organization: { select: { name: true } } }, orderBy: { id: "desc" }, take: 200 }),
  ]);
  const cards = gigs.map(postingCard);
  if (origin) cards.sort((a, b) => (a.point ? greatCircleKm(origin, a.point) : Infinity) - (b.point ? greatCircleKm(origin, b.point) : Infinity));
  return {
    counts: { ...Object.fromEntries(byKind.map((k) => [k.kind, k._count._all])), base: bases, course: courses },
    gigsToday: cards.slice(0, GIGS_SHOWN),
    gigsSoon: [],
  };
}

/**
 * The home page: counts per kind and today's gig work near the visitor's home, from search in one
 * call (the same numbers a search shows); the site's counties and the labour brands.
 */
export async function loadHome(lang: string, near: string | undefined, now = new Date()) {
  const origin = originOf(near);
  const tonight = endOfDay(chinaDay(now));
  const [regions, listed, brands] = await Promise.all([
    getRegions(),
    getSearchService().run((connection) => homeListing(connection, { origin, endOfToday: tonight, limit: GIGS_SHOWN }, now)),
    getBrands(),
  ]);
  const listing = listed.ok ? listed.value : await listingFromDatabase(origin, tonight, now);
  const kinds = ["job", "internship", "gig", "base", "course"] as const;
  return {
    kinds: kinds.map((kind) => ({ kind, count: listing.counts[kind] ?? 0 })),
    gigsToday: withPlaces(listing.gigsToday, regions, lang, origin),
    gigsSoon: withPlaces(listing.gigsSoon, regions, lang, origin),
    near: near ?? null,
    nearLabel: nearLabel(near, regions, lang),
    counties: siteCounties(regions).map((r) => ({ code: r.code, name: regionName(regions, r.code, lang) })),
    brands: brands.map((b) => ({ code: b.code, name: lang === "en" ? b.nameEn : b.nameZh })),
  };
}
