import type { MatchRequest } from "../../../search/match.ts";
import { credentialsFor } from "../occupations/occupations.ts";
import { internshipEligible, kindsWanted, reachFor, reachOf } from "./eligibility.ts";
import type { MatchSeeker } from "./types.ts";

/** A person's hard conditions as a retrieval: what search is asked for before anything is scored. */
export function matchRequestFor(seeker: MatchSeeker, now: Date): MatchRequest {
  const kinds = kindsWanted(seeker);
  const year = now.getUTCFullYear();
  const have = new Set([...seeker.credentials, ...seeker.skills]);
  const postingKinds = (["job", "internship", "gig"] as const).filter((k) => kinds.includes(k) && (k !== "internship" || internshipEligible(seeker, year)));
  return {
    postingKinds,
    occupations: seeker.wishOccupations,
    groups: seeker.groups,
    place: { origin: seeker.home ? { lat: seeker.home.lat, lng: seeker.home.lng } : null, radiusKm: reachOf(seeker), baseRadiusKm: reachFor(seeker, "base"), counties: seeker.wishCounties },
    bases: kinds.includes("base"),
    courses: kinds.includes("course") || seeker.wishOccupations.length > 0,
    missingCredentials: [...new Set(seeker.wishOccupations.flatMap((code) => credentialsFor(code).map((c) => c.code)))].filter((c) => !have.has(c)),
  };
}
