import { fromCommaList } from "../app/utils/comma-list.ts";
import { pointOf } from "../app/modules/places/points.ts";
import type { OpportunityKind } from "./documents.ts";

/**
 * The card every list shows for an opportunity (search results, related items): one view model,
 * built by one function per kind from its database row. The index stores it with each document,
 * so a search page needs no database read; the database path builds the same from the same rows.
 */
export interface OpportunityCard {
  key: string;
  kind: OpportunityKind;
  id: number;
  title: string;
  orgName: string;
  regionCode: string;
  countyCode: string;
  summary: string;
  pay: { min: number; max: number; period: string } | null;
  postedAt: string;
  groups: string[];
  brand: string | null;
  /** Gig date, course start date; ISO. */
  date: string | null;
  level: string | null;
  placesLeft: number | null;
  /** Where it is: its own point, else its town's (or county seat's, approximate); null when unknown. */
  point: { lat: number; lng: number; approximate: boolean } | null;
}

interface SharedRow {
  regionCode: string;
  countyCode: string;
  description: string;
  publishedAt: Date | null;
  createdAt: Date;
  groups: string;
  lat?: number | null;
  lng?: number | null;
}

/** What every kind's card takes the same way from its row. */
function shared(row: SharedRow) {
  const own = row.lat != null && row.lng != null ? { lat: row.lat, lng: row.lng, approximate: false } : undefined;
  return {
    regionCode: row.regionCode,
    countyCode: row.countyCode,
    summary: row.description.slice(0, 120),
    postedAt: (row.publishedAt ?? row.createdAt).toISOString(),
    groups: fromCommaList(row.groups),
    point: own ?? pointOf(row.regionCode) ?? null,
  };
}

export interface PostingCardRow extends Pick<SharedRow, "lat" | "lng"> {
  id: number;
  kind: string;
  title: string;
  description: string;
  regionCode: string;
  countyCode: string;
  payMin: number;
  payMax: number;
  payPeriod: string;
  publishedAt: Date | null;
  createdAt: Date;
  groups: string;
  brandCode: string | null;
  workDate: Date | null;
  organization: { name: string };
}

export function postingCard(row: PostingCardRow): OpportunityCard {
  return {
    key: `${row.kind}-${row.id}`,
    kind: row.kind as OpportunityKind,
    id: row.id,
    title: row.title,
    orgName: row.organization.name,
    ...shared(row),
    pay: { min: row.payMin, max: row.payMax, period: row.payPeriod },
    brand: row.brandCode,
    date: row.workDate?.toISOString() ?? null,
    level: null,
    placesLeft: null,
  };
}

export interface BaseCardRow extends Pick<SharedRow, "lat" | "lng"> {
  id: number;
  name: string;
  description: string;
  regionCode: string;
  countyCode: string;
  publishedAt: Date | null;
  createdAt: Date;
  groups: string;
  level: string;
  freePlaces: number;
  organization: { name: string } | null;
}

export function baseCard(row: BaseCardRow): OpportunityCard {
  return {
    key: `base-${row.id}`,
    kind: "base",
    id: row.id,
    title: row.name,
    orgName: row.organization?.name ?? "",
    ...shared(row),
    pay: null,
    brand: null,
    date: null,
    level: row.level,
    placesLeft: row.freePlaces,
  };
}

export interface CourseCardRow extends Pick<SharedRow, "lat" | "lng"> {
  id: number;
  title: string;
  description: string;
  regionCode: string;
  countyCode: string;
  publishedAt: Date | null;
  createdAt: Date;
  groups: string;
  brandCode: string | null;
  startDate: Date;
  placesLeft: number;
  provider: { name: string };
}

export function courseCard(row: CourseCardRow): OpportunityCard {
  return {
    key: `course-${row.id}`,
    kind: "course",
    id: row.id,
    title: row.title,
    orgName: row.provider.name,
    ...shared(row),
    pay: null,
    brand: row.brandCode,
    date: row.startDate.toISOString(),
    level: null,
    placesLeft: row.placesLeft,
  };
}
