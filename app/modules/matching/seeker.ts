import { fromCommaList } from "../../utils/comma-list.ts";
import { pointOf } from "../places/points.ts";
import type { EducationLevel, MatchKind, MatchSeeker } from "./types.ts";

/** The profile columns matching may read. Sex, birth date, ID number and photo are not among them. */
export interface MatchableProfile {
  wishOccupations: string;
  wishKinds: string;
  wishCounties: string;
  wishPayMin: number | null;
  wishStartDate: Date | null;
  travelKm: number | null;
  credentials: string;
  skillCodes: string;
  education: string;
  graduationYear: number | null;
  experienceYears: number | null;
  brandsTrained: string;
  groups: string;
  hometownCode: string | null;
  currentRegionCode: string | null;
  awayCityCode: string | null;
}

/** Where a person would work from: home, if they are away and coming back; else where they live. */
export function homeCodeOf(profile: Pick<MatchableProfile, "hometownCode" | "currentRegionCode" | "awayCityCode">): string | null {
  if (profile.awayCityCode && profile.hometownCode) return profile.hometownCode;
  return profile.currentRegionCode ?? profile.hometownCode;
}

export function matchSeekerFrom(profile: MatchableProfile): MatchSeeker {
  const homeCode = homeCodeOf(profile);
  const point = homeCode ? pointOf(homeCode) : undefined;
  return {
    wishOccupations: fromCommaList(profile.wishOccupations),
    wishKinds: fromCommaList(profile.wishKinds) as MatchKind[],
    home: point && homeCode ? { lat: point.lat, lng: point.lng, code: homeCode } : null,
    travelKm: profile.travelKm,
    wishCounties: fromCommaList(profile.wishCounties),
    payFloorMonthly: profile.wishPayMin,
    availableFrom: profile.wishStartDate ? Math.floor(profile.wishStartDate.getTime() / 1000) : null,
    credentials: fromCommaList(profile.credentials),
    skills: fromCommaList(profile.skillCodes),
    education: profile.education as EducationLevel,
    graduationYear: profile.graduationYear,
    experienceYears: profile.experienceYears ?? 0,
    brandsTrained: fromCommaList(profile.brandsTrained),
    groups: fromCommaList(profile.groups),
  };
}

/** The select that reads exactly those columns, so a query cannot fetch more than matching may use. */
export const MATCHABLE_SELECT = {
  wishOccupations: true, wishKinds: true, wishCounties: true, wishPayMin: true, wishStartDate: true, travelKm: true,
  credentials: true, skillCodes: true, education: true, graduationYear: true, experienceYears: true, brandsTrained: true,
  groups: true, hometownCode: true, currentRegionCode: true, awayCityCode: true,
} as const satisfies Record<keyof MatchableProfile, true>;
