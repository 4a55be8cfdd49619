/**
 * What matching reads from a person and from an opportunity (issue 11). A seeker is described by
 * what they want and what they bring, never by sex, age, ethnicity, household registration or a
 * photo: those fields do not exist here, so no scoring code can read them (the fairness test
 * checks that the profile → MatchSeeker step drops them).
 */
import type { LatLng } from "../places/distance.ts";

export type MatchKind = "job" | "internship" | "gig" | "base" | "course";
export type EducationLevel = "any" | "junior" | "senior" | "vocational" | "college" | "bachelor" | "master";

export interface MatchSeeker {
  /** Wanted occupations (职业分类大典 codes); empty: any. */
  wishOccupations: string[];
  /** Wanted kinds; empty: every kind. */
  wishKinds: MatchKind[];
  /** Where the person would work from: their home town if coming home, else where they live. */
  home: (LatLng & { code: string }) | null;
  /** How far they would travel, km; null: the default reach. */
  travelKm: number | null;
  /** Counties they would work in, whatever the distance. */
  wishCounties: string[];
  /** The lowest monthly pay they would take, yuan. */
  payFloorMonthly: number | null;
  /** When they can start (epoch seconds); null: now. */
  availableFrom: number | null;
  credentials: string[];
  skills: string[];
  education: EducationLevel;
  graduationYear: number | null;
  experienceYears: number;
  brandsTrained: string[];
  /** Self-declared statuses that policies address (returnee, graduate, veteran, youth_unemployed…). */
  groups: string[];
}

export interface MatchItem {
  /** The search document id, "job-12". */
  id: string;
  kind: MatchKind;
  occupation: string | null;
  countyCode: string;
  point: LatLng | null;
  payMonthly: number | null;
  postedAt: number;
  validUntil: number;
  /** A gig's day or a course's start (epoch seconds). */
  startsAt: number | null;
  groups: string[];
  /** Only people of `groups` may take it. */
  groupOnly: boolean;
  brand: string | null;
  /** Certificates it requires (for a course: the one it leads to). */
  credentials: string[];
  skills: string[];
  education: EducationLevel;
  experienceYears: number;
  /** Places open: headcount, free base places, course places left. */
  openings: number;
  /** Applications so far. */
  applications: number;
}

/** One reason, as a message key under matching.reasons.* with its parameters (codes; the page names them). */
export type Reason =
  | { key: "occupation"; level: "same" | "related"; occupation: string }
  | { key: "near"; county: string; km: number }
  | { key: "inCounty"; county: string }
  | { key: "credentialHave"; credential: string }
  | { key: "skillHave"; skill: string }
  | { key: "missing"; credentials: string[]; skills: string[] }
  | { key: "brandTrained"; brand: string }
  | { key: "internshipFor"; year: number }
  | { key: "youthInternship" }
  | { key: "payMeets"; floor: number }
  | { key: "payBelow"; floor: number }
  | { key: "fresh"; days: number }
  | { key: "openings"; openings: number; applications: number }
  | { key: "groupFor"; group: string }
  | { key: "startup" }
  | { key: "courseLeadsTo"; credential: string }
  | { key: "widened"; from: string; to: string };

export interface Score {
  /** How much the seeker would want it (occupation, place, pay, freshness, a brand they trained in). */
  interest: number;
  /** How well the seeker meets what it asks (certificates, skills, education, experience). */
  fit: number;
  /** Openings against applications and how often it was already shown today. */
  competition: number;
  /** The rank of a recommendation: interest × (fit × competition), the chance of being hired. */
  total: number;
  /** Both sides must fit: the rank of a candidate for a post. */
  mutual: number;
  km: number | null;
  reasons: Reason[];
  missing: { credentials: string[]; skills: string[] };
}
