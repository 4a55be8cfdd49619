/**
 * The hard conditions of matching: what a person may be shown at all. Recommendations ask
 * Meilisearch with these as filters (search/match.ts) and check every hit here again, so an
 * ineligible item is never shown whatever the index held.
 */
import { greatCircleKm } from "../places/distance.ts";
import type { EducationLevel, MatchItem, MatchKind, MatchSeeker } from "./types.ts";

const DAY_SECONDS = 86_400;

export const EDUCATION_RANK: Record<EducationLevel, number> = { any: 0, junior: 1, senior: 2, vocational: 2, college: 3, bachelor: 4, master: 5 };

/** How far a person is assumed to travel when they did not say: a county seat to its towns, about. */
export const DEFAULT_REACH_KM = 30;

export const reachOf = (seeker: MatchSeeker) => seeker.travelKm ?? DEFAULT_REACH_KM;

/** Founders look wider than commuters: a start-up base is somewhere to move a business to. */
export const BASE_REACH_FACTOR = 3;

/** How far an item of this kind may be: the person's reach, wider for start-up bases. */
export const reachFor = (seeker: MatchSeeker, kind: MatchKind) => reachOf(seeker) * (kind === "base" ? BASE_REACH_FACTOR : 1);

/**
 * Internships (就业见习) are for graduates within two years of leaving school and for young people of
 * 16–24 out of work (seed 004). The person says which they are: the second is a status they declare,
 * never read from a birth date, so matching never reads age.
 */
export const INTERNSHIP_YEARS_AFTER_GRADUATION = 2;
const GRADUATE_LEVELS: EducationLevel[] = ["vocational", "college", "bachelor", "master"];

export function internshipEligible(seeker: MatchSeeker, year: number): boolean {
  const graduate =
    seeker.graduationYear !== null &&
    GRADUATE_LEVELS.includes(seeker.education) &&
    seeker.graduationYear <= year + 1 &&
    seeker.graduationYear >= year - INTERNSHIP_YEARS_AFTER_GRADUATION;
  return graduate || seeker.groups.includes("youth_unemployed");
}

/** Kinds the person asked for; none named means every kind but start-up bases, which follow a wish to start up. */
export function kindsWanted(seeker: MatchSeeker): MatchKind[] {
  if (seeker.wishKinds.length) return seeker.wishKinds;
  return ["job", "internship", "gig", "course"];
}

/** Within the person's reach: a county they named, or no farther than they would travel. Unknown places are kept. */
export function withinReach(seeker: MatchSeeker, item: MatchItem): boolean {
  if (seeker.wishCounties.includes(item.countyCode)) return true;
  if (seeker.home && item.point) return greatCircleKm(seeker.home, item.point) <= reachFor(seeker, item.kind);
  return !seeker.wishCounties.length;
}

export function eligible(seeker: MatchSeeker, item: MatchItem, nowSec: number): boolean {
  if (item.validUntil < nowSec) return false;
  if (!kindsWanted(seeker).includes(item.kind) && !(item.kind === "course" && seeker.wishOccupations.length)) return false;
  if (item.kind === "internship" && !internshipEligible(seeker, new Date(nowSec * 1000).getUTCFullYear())) return false;
  if (item.groupOnly && !item.groups.some((g) => seeker.groups.includes(g))) return false;
  if (item.kind !== "job" && item.openings <= 0) return false;
  if (item.kind === "gig" && item.startsAt !== null && item.startsAt < nowSec - DAY_SECONDS) return false;
  return withinReach(seeker, item);
}
