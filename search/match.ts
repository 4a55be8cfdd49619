import type { Filter, MultiSearchQuery } from "meilisearch";
import type { SearchConnection } from "./client.ts";
import type { OpportunityCard } from "./cards.ts";
import type { MatchFields, OpportunityKind } from "./documents.ts";

/**
 * Retrieval for matching (issue 11): the hard conditions of a person as Meilisearch filters, all
 * in one multi-search. Ranking happens in app/modules/matching, which checks every hit again.
 */
export interface MatchRequest {
  /** Posting kinds to retrieve (internships only when the person is eligible). */
  postingKinds: ("job" | "internship" | "gig")[];
  /** Wanted occupations; empty: any work within reach. */
  occupations: string[];
  /** The person's declared groups, for items only those groups may take. */
  groups: string[];
  /** Where: named counties, or within radiusKm of the origin (baseRadiusKm for start-up bases). */
  place: { origin: { lat: number; lng: number } | null; radiusKm: number; baseRadiusKm: number; counties: string[] };
  bases: boolean;
  courses: boolean;
  /** Certificates the wanted work asks for that the person lacks: courses that lead to them. */
  missingCredentials: string[];
  limits?: Partial<Record<"wanted" | "near" | "related" | "bases" | "courses", number>>;
}

/** A document as matching reads it. */
export interface MatchDoc {
  id: string;
  kind: OpportunityKind;
  countyCode: string;
  groups: string[];
  brand: string | null;
  occupation: string | null;
  credentials: string[];
  groupOnly: boolean;
  postedAt: number;
  _geo: { lat: number; lng: number } | null;
  card: OpportunityCard;
  match: MatchFields;
}

export interface MatchRetrieval {
  wanted: MatchDoc[];
  related: MatchDoc[];
  bases: MatchDoc[];
  courses: MatchDoc[];
  /** Open items per occupation within reach: the wanted ones and their relatives (for widening). */
  occupationCounts: Record<string, number>;
}

const ATTRIBUTES = ["id", "kind", "countyCode", "groups", "brand", "occupation", "credentials", "groupOnly", "postedAt", "_geo", "card", "match"];
const quote = (value: string) => `"${value.replace(/["\\]/g, "")}"`;
const list = (values: string[]) => `[${values.map(quote).join(", ")}]`;
const minorOf = (code: string) => code.split("-").slice(0, 3).join("-");
const mediumOf = (code: string) => code.split("-").slice(0, 2).join("-");

/**
 * The square around a circle. Meilisearch answers a box from its R-tree, while a radius filter
 * measured ~70 ms and a distance sort ~45 ms per query at a million documents; the app checks every
 * hit's exact distance (eligibility's withinReach), so the square's corners only cost a few hits.
 */
function boxAround(origin: { lat: number; lng: number }, km: number): string {
  const dLat = km / 111.32;
  const dLng = dLat / Math.max(0.05, Math.cos((origin.lat * Math.PI) / 180));
  const at = (lat: number, lng: number) => `[${lat.toFixed(5)}, ${lng.toFixed(5)}]`;
  return `_geoBoundingBox(${at(origin.lat + dLat, origin.lng + dLng)}, ${at(origin.lat - dLat, origin.lng - dLng)})`;
}

function placeFilter(place: MatchRequest["place"], radiusKm = place.radiusKm): string | null {
  const parts: string[] = [];
  if (place.counties.length) parts.push(`countyCode IN ${list(place.counties)}`);
  if (place.origin) parts.push(boxAround(place.origin, radiusKm));
  return parts.length ? `(${parts.join(" OR ")})` : null;
}

/** Within this distance the newest wanted items are also fetched on their own, so a wide reach never crowds out the ones close by. */
const NEAR_KM = 10;

export async function retrieveMatches({ client, indexUid }: SearchConnection, req: MatchRequest, now = new Date()): Promise<MatchRetrieval> {
  const nowSec = Math.floor(now.getTime() / 1000);
  const open = `validUntil >= ${nowSec}`;
  const place = placeFilter(req.place);
  const mayTake = req.groups.length ? `(groupOnly = false OR groups IN ${list(req.groups)})` : "groupOnly = false";
  // Newest first within the hard conditions; the ranking weighs distance (see boxAround).
  const sort = ["postedAt:desc"];
  const base = (filters: (string | null)[], limit: number, facets?: string[]): MultiSearchQuery => ({
    indexUid,
    q: "",
    filter: filters.filter((f): f is string => f !== null) as Filter,
    sort,
    limit,
    attributesToRetrieve: ATTRIBUTES,
    ...(facets ? { facets } : {}),
  });
  const limits = { wanted: 150, near: 50, related: 60, bases: 20, courses: 20, ...req.limits };
  const kinds = req.postingKinds.length ? `kind IN ${list(req.postingKinds)}` : null;
  const minors = [...new Set(req.occupations.map(minorOf))];
  const mediums = [...new Set(req.occupations.map(mediumOf))];

  const queries: MultiSearchQuery[] = [];
  const slot: Partial<Record<keyof MatchRetrieval | "near", number>> = {};
  const add = (name: keyof MatchRetrieval | "near", query: MultiSearchQuery) => {
    slot[name] = queries.length;
    queries.push(query);
  };
  if (kinds) {
    const wantedWork = req.occupations.length ? `(occupation IN ${list(req.occupations)} OR occupationGroups IN ${list(minors)})` : null;
    add("wanted", base([open, kinds, mayTake, place, wantedWork], limits.wanted, req.occupations.length ? ["occupation"] : undefined));
    if (req.place.origin && req.place.radiusKm > NEAR_KM) add("near", base([open, kinds, mayTake, boxAround(req.place.origin, NEAR_KM), wantedWork], limits.near));
    if (req.occupations.length) {
      // Relatives: the same medium group, outside the wanted minor groups.
      add("related", base([open, kinds, mayTake, place, `occupationGroups IN ${list(mediums)}`, `NOT occupationGroups IN ${list(minors)}`], limits.related, ["occupation"]));
    }
  }
  if (req.bases) add("bases", base([`kind = "base"`, placeFilter(req.place, req.place.baseRadiusKm)], limits.bases));
  if (req.courses) {
    const leads = [
      ...(req.occupations.length ? [`occupation IN ${list(req.occupations)}`, `occupationGroups IN ${list(minors)}`] : []),
      ...(req.missingCredentials.length ? [`credentials IN ${list(req.missingCredentials)}`] : []),
    ];
    add("courses", base([open, `kind = "course"`, place, leads.length ? `(${leads.join(" OR ")})` : null], limits.courses));
  }
  if (!queries.length) return { wanted: [], related: [], bases: [], courses: [], occupationCounts: {} };

  const { results } = await client.multiSearch({ queries });
  const hits = (name: keyof MatchRetrieval | "near") => (slot[name] === undefined ? [] : ((results[slot[name]!]?.hits ?? []) as unknown as MatchDoc[]));
  const seen = new Set<string>();
  const wanted = [...hits("near"), ...hits("wanted")].filter((doc) => !seen.has(doc.id) && Boolean(seen.add(doc.id)));
  const counts = (name: keyof MatchRetrieval) => (slot[name] === undefined ? {} : (results[slot[name]!]?.facetDistribution?.occupation ?? {}));
  return { wanted, related: hits("related"), bases: hits("bases"), courses: hits("courses"), occupationCounts: { ...counts("related"), ...counts("wanted") } };
}
