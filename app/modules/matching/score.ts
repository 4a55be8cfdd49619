/**
 * The one scoring function of matching, pure: recommendations rank by it, an employer's candidates
 * by the same numbers seen from the other side. Each factor lies in (0, 1] and moves one way only
 * (nearer, more skills, better pay never lower it), which the property tests hold it to.
 *
 * Why interest × chance: France Travail's trials found ranking by the seeker's interest times the
 * chance of being hired beats either alone, and that hire chance alone crowds everyone onto the same
 * posts; so chance includes competition (openings against applications and today's showings).
 */
import { distanceKm } from "../places/distance.ts";
import { relatedness } from "../occupations/codes.ts";
import { EDUCATION_RANK, reachFor } from "./eligibility.ts";
import type { MatchItem, MatchSeeker, Reason, Score } from "./types.ts";

const DAY = 86_400;

/** By the deepest level two codes share: same occupation, minor, medium, major group, nothing. */
const OCCUPATION_WEIGHT = [0.1, 0.25, 0.45, 0.7, 1] as const;
/** Interest when the person named no occupation, or the item has none (a base for someone not starting up). */
const OCCUPATION_UNKNOWN = 0.5;

export function occupationFactor(seeker: MatchSeeker, item: MatchItem): { factor: number; best: string | null; level: number } {
  if (item.kind === "base") return { factor: seeker.wishKinds.includes("base") ? 1 : 0.3, best: null, level: 0 };
  if (!seeker.wishOccupations.length || !item.occupation) return { factor: OCCUPATION_UNKNOWN, best: null, level: 0 };
  let best: string | null = null;
  let level = 0;
  for (const wish of seeker.wishOccupations) {
    const r = relatedness(wish, item.occupation);
    if (r > level) [best, level] = [wish, r];
  }
  return { factor: OCCUPATION_WEIGHT[level] ?? 0.1, best, level };
}

/** 1 at the door, ½ at the edge of the person's reach, falling smoothly beyond; unknown distance 0.6. */
export function placeFactor(km: number | null, reach: number): number {
  if (km === null) return 0.6;
  return 1 / (1 + km / reach);
}

export function payFactor(seeker: MatchSeeker, item: MatchItem): number {
  if (!seeker.payFloorMonthly || item.payMonthly === null) return 1;
  const ratio = Math.min(1, item.payMonthly / seeker.payFloorMonthly);
  return Math.max(0.05, ratio * ratio);
}

/** New items first, but an older one never falls below half. */
export function freshnessFactor(item: MatchItem, nowSec: number): number {
  const days = Math.max(0, (nowSec - item.postedAt) / DAY);
  return 0.5 + 0.5 * Math.exp(-days / 21);
}

/**
 * Share of what the item asks that the person has: 0.65 with nothing, 1 with everything. Mild on
 * purpose: a missing health certificate is a week's errand, not a reason to bury the work a person
 * wants under work they do not (the page names what is missing, and the course toward it).
 */
export function coverage(seeker: MatchSeeker, item: MatchItem) {
  const have = new Set([...seeker.credentials, ...seeker.skills]);
  // A course asks for nothing: its certificate is what the learner gets.
  const asked = item.kind === "course" ? [] : [...item.credentials, ...item.skills];
  const missing = {
    credentials: item.kind === "course" ? [] : item.credentials.filter((c) => !have.has(c)),
    skills: item.kind === "course" ? [] : item.skills.filter((s) => !have.has(s)),
  };
  const matched = asked.length - missing.credentials.length - missing.skills.length;
  return { factor: asked.length ? 0.65 + (0.35 * matched) / asked.length : 1, missing };
}

function requirementsFactor(seeker: MatchSeeker, item: MatchItem): number {
  const educationGap = EDUCATION_RANK[item.education] - EDUCATION_RANK[seeker.education];
  const education = item.education === "any" || educationGap <= 0 ? 1 : Math.max(0.3, 1 - 0.25 * educationGap);
  const experience = item.experienceYears <= seeker.experienceYears ? 1 : Math.max(0.4, 1 - (0.15 * (item.experienceYears - seeker.experienceYears)));
  return education * experience;
}

/** Openings against applications so far and times shown today: the share of a place one more person can hope for. */
export function competitionFactor(item: MatchItem, shownToday = 0): number {
  const openings = Math.max(1, item.openings);
  return openings / (openings + item.applications / 2 + shownToday / 20);
}

export interface ScoreContext {
  nowSec: number;
  /** How often the item was already in someone's list today (exposure). */
  shownToday?: number;
  /** Occupations the person marked "not interested" for other items. */
  dislikedOccupations?: string[];
}

export function scoreMatch(seeker: MatchSeeker, item: MatchItem, ctx: ScoreContext): Score {
  const reasons: Reason[] = [];
  const occupation = occupationFactor(seeker, item);
  if (occupation.best && item.occupation) reasons.push({ key: "occupation", level: occupation.level === 4 ? "same" : "related", occupation: item.occupation });

  const km = distanceKm(seeker.home, item.point);
  if (km !== null) reasons.push({ key: "near", county: item.countyCode, km });
  else if (seeker.wishCounties.includes(item.countyCode)) reasons.push({ key: "inCounty", county: item.countyCode });

  const cover = coverage(seeker, item);
  const have = new Set([...seeker.credentials, ...seeker.skills]);
  if (item.kind !== "course") {
    for (const c of item.credentials) if (have.has(c)) reasons.push({ key: "credentialHave", credential: c });
    for (const s of item.skills) if (have.has(s)) reasons.push({ key: "skillHave", skill: s });
    if (cover.missing.credentials.length || cover.missing.skills.length) reasons.push({ key: "missing", ...cover.missing });
  }
  if (item.brand && seeker.brandsTrained.includes(item.brand)) reasons.push({ key: "brandTrained", brand: item.brand });
  if (item.kind === "internship") {
    if (seeker.graduationYear !== null) reasons.push({ key: "internshipFor", year: seeker.graduationYear });
    else reasons.push({ key: "youthInternship" });
  }
  if (item.kind === "base") reasons.push({ key: "startup" });
  if (item.kind === "course") for (const c of item.credentials) reasons.push({ key: "courseLeadsTo", credential: c });
  const pay = payFactor(seeker, item);
  if (seeker.payFloorMonthly && item.payMonthly !== null) reasons.push({ key: pay >= 1 ? "payMeets" : "payBelow", floor: seeker.payFloorMonthly });
  const shared = item.groups.find((g) => seeker.groups.includes(g));
  if (shared) reasons.push({ key: "groupFor", group: shared });
  const ageDays = Math.floor(Math.max(0, ctx.nowSec - item.postedAt) / DAY);
  if (ageDays <= 7) reasons.push({ key: "fresh", days: ageDays });
  if (item.kind === "job" || item.kind === "internship" || item.kind === "gig") reasons.push({ key: "openings", openings: item.openings, applications: item.applications });

  const brand = item.brand && seeker.brandsTrained.includes(item.brand) ? 1 : 0.85;
  const disliked = item.occupation && ctx.dislikedOccupations?.some((d) => relatedness(d, item.occupation!) >= 3) ? 0.5 : 1;
  const interest = occupation.factor * placeFactor(km, reachFor(seeker, item.kind)) * pay * freshnessFactor(item, ctx.nowSec) * brand * disliked;
  // What the post asks of a person, and whether their trade is the post's: an employer's side of fit.
  const fit = cover.factor * requirementsFactor(seeker, item) * (0.5 + 0.5 * occupation.factor);
  const competition = competitionFactor(item, ctx.shownToday ?? 0);
  return { interest, fit, competition, total: interest * fit * competition, mutual: interest * fit, km, reasons, missing: cover.missing };
}
