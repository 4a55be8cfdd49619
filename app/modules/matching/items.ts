import type { MatchDoc } from "../../../search/match.ts";
import type { EducationLevel, MatchItem } from "./types.ts";

/** A search document as the scoring function reads it; applications so far come from the ledger. */
export function itemFromDoc(doc: MatchDoc, applications = 0): MatchItem {
  return {
    id: doc.id,
    kind: doc.kind,
    occupation: doc.occupation,
    countyCode: doc.countyCode,
    point: doc._geo,
    payMonthly: doc.match.payMonthly,
    postedAt: doc.postedAt,
    validUntil: doc.match.validUntil,
    startsAt: doc.match.startsAt,
    groups: doc.groups,
    groupOnly: doc.groupOnly,
    brand: doc.brand,
    credentials: doc.credentials,
    skills: doc.match.skills,
    education: doc.match.education as EducationLevel,
    experienceYears: doc.match.experienceYears,
    openings: doc.match.openings,
    applications,
  };
}
