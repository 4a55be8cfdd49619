import type { Posting } from "~/generated/prisma/client.ts";
import { monthlyPay } from "../../../search/documents.ts";
import type { MatchDoc } from "../../../search/match.ts";
import { fromCommaList } from "../../utils/comma-list.ts";
import { pointOf } from "../places/points.ts";
import type { EducationLevel, MatchItem, MatchKind } from "./types.ts";

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

/** What itemFromPosting reads of a post's row. */
export type MatchPostingRow = Pick<
  Posting,
  | "id" | "kind" | "occupationCode" | "countyCode" | "regionCode" | "lat" | "lng" | "payMax" | "payPeriod" | "publishedAt" | "createdAt"
  | "validUntil" | "workDate" | "groups" | "groupOnly" | "brandCode" | "credentials" | "skillCodes" | "education" | "experienceYears" | "headcount"
>;

/** A post's row as the scoring function reads it, the same shape as itemFromDoc gives for its search document. */
export function itemFromPosting(row: MatchPostingRow, applications = 0): MatchItem {
  const own = row.lat !== null && row.lng !== null ? { lat: row.lat, lng: row.lng } : null;
  const town = own ? null : pointOf(row.regionCode);
  const seconds = (date: Date) => Math.floor(date.getTime() / 1000);
  return {
    id: `${row.kind}-${row.id}`,
    kind: row.kind as MatchKind,
    occupation: row.occupationCode,
    countyCode: row.countyCode,
    point: own ?? (town ? { lat: town.lat, lng: town.lng } : null),
    payMonthly: monthlyPay(row.payMax, row.payPeriod),
    postedAt: seconds(row.publishedAt ?? row.createdAt),
    validUntil: seconds(row.validUntil),
    startsAt: row.workDate ? seconds(row.workDate) : null,
    groups: fromCommaList(row.groups),
    groupOnly: row.groupOnly,
    brand: row.brandCode,
    credentials: fromCommaList(row.credentials),
    skills: fromCommaList(row.skillCodes),
    education: row.education as EducationLevel,
    experienceYears: row.experienceYears,
    openings: row.headcount,
    applications,
  };
}
