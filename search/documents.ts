import { chineseBigrams, pinyinTokens } from "./text.ts";
import { baseCard, courseCard, postingCard, type BaseCardRow, type CourseCardRow, type OpportunityCard, type PostingCardRow } from "./cards.ts";
import { fromCommaList } from "../app/utils/comma-list.ts";
import { parentCodesOf } from "../app/modules/occupations/codes.ts";

function occupationFields(code: string | null | undefined): Pick<SearchDocument, "occupation" | "occupationGroups"> {
  return code ? { occupation: code, occupationGroups: parentCodesOf(code) } : { occupation: null, occupationGroups: [] };
}

export const OPPORTUNITY_KINDS = ["job", "internship", "gig", "base", "course"] as const;
export type OpportunityKind = (typeof OPPORTUNITY_KINDS)[number];

export const PAY_BANDS = ["lt3000", "3000_5000", "5000_8000", "gte8000"] as const;
export type PayBand = (typeof PAY_BANDS)[number];

/** What Meilisearch holds for one opportunity. Pages render rows from the database, not these. */
export interface SearchDocument {
  id: string;
  kind: OpportunityKind;
  title: string;
  orgName: string;
  summary: string;
  details: string;
  countyCode: string;
  townCode: string | null;
  industry: string | null;
  groups: string[];
  brand: string | null;
  /** The occupation (职业分类大典 2022 code) and, for matching by group, its minor, medium and major groups. */
  occupation: string | null;
  occupationGroups: string[];
  payMonthly: number | null;
  payBand: PayBand | null;
  postedAt: number;
  validUntil: number;
  pinyin: string;
  initials: string;
  grams: string;
  /** Meilisearch's geo field, for "near me" sorting and radius filters: the card's point. */
  _geo: { lat: number; lng: number } | null;
  /** Only people of `groups` may take it (filterable, for matching's hard conditions). */
  groupOnly: boolean;
  /** Certificates asked for (a course: the one it leads to), filterable: a missing certificate finds its course. */
  credentials: string[];
  /** What a result list shows (stored, not searched): a search page reads no database rows. */
  card: OpportunityCard;
  /** What matching reads besides the card (stored, not searched; app/modules/matching/items.ts). */
  match: MatchFields;
}

export interface MatchFields {
  skills: string[];
  education: string;
  experienceYears: number;
  openings: number;
  payMonthly: number | null;
  validUntil: number;
  startsAt: number | null;
}

function geoOf(card: OpportunityCard): SearchDocument["_geo"] {
  return card.point ? { lat: card.point.lat, lng: card.point.lng } : null;
}

export function docId(kind: OpportunityKind, id: number): string {
  return `${kind}-${id}`;
}

export function parseDocId(value: string): { kind: OpportunityKind; id: number } | null {
  const match = /^(job|internship|gig|base|course)-(\d{1,12})$/.exec(value);
  if (!match) return null;
  return { kind: match[1] as OpportunityKind, id: Number(match[2]) };
}

const WORKDAYS_PER_MONTH = 21.75;

/** Pay as monthly yuan, so that pay filters and sorting compare jobs, internships and gigs. */
export function monthlyPay(amount: number, period: string): number {
  switch (period) {
    case "day":
      return Math.round(amount * WORKDAYS_PER_MONTH);
    case "hour":
      return Math.round(amount * 8 * WORKDAYS_PER_MONTH);
    default:
      return amount;
  }
}

export function payBandOf(monthly: number | null): PayBand | null {
  if (monthly === null) return null;
  if (monthly < 3000) return "lt3000";
  if (monthly < 5000) return "3000_5000";
  if (monthly < 8000) return "5000_8000";
  return "gte8000";
}


const seconds = (date: Date | null | undefined) => Math.floor((date?.getTime() ?? 0) / 1000);

function searchHelpers(title: string, alsoPinyin: string) {
  const py = pinyinTokens(`${title} ${alsoPinyin}`);
  return { pinyin: py.full, initials: py.initials, grams: chineseBigrams(title) };
}

function townOf(regionCode: string): string | null {
  return regionCode.length > 6 ? regionCode.slice(0, 9) : null;
}

export interface PostingRow extends PostingCardRow {
  id: number;
  kind: string;
  title: string;
  description: string;
  requirements: string;
  occupation: string;
  occupationCode: string | null;
  skills: string;
  credentials: string;
  skillCodes: string;
  groupOnly: boolean;
  education: string;
  experienceYears: number;
  headcount: number;
  regionCode: string;
  countyCode: string;
  industryCode: string | null;
  groups: string;
  brandCode: string | null;
  payMin: number;
  payMax: number;
  payPeriod: string;
  publishedAt: Date | null;
  createdAt: Date;
  validUntil: Date;
  organization: { name: string };
}

export function postingDocument(row: PostingRow): SearchDocument {
  const pay = monthlyPay(row.payMax, row.payPeriod);
  const card = postingCard(row);
  return {
    id: docId(row.kind as OpportunityKind, row.id),
    kind: row.kind as OpportunityKind,
    title: row.title,
    orgName: row.organization.name,
    summary: row.description.slice(0, 300),
    details: [row.occupation, row.requirements, row.skills].filter(Boolean).join(" ").slice(0, 600),
    countyCode: row.countyCode,
    townCode: townOf(row.regionCode),
    industry: row.industryCode,
    groups: fromCommaList(row.groups),
    brand: row.brandCode,
    ...occupationFields(row.occupationCode),
    payMonthly: pay,
    payBand: payBandOf(pay),
    postedAt: seconds(row.publishedAt ?? row.createdAt),
    validUntil: seconds(row.validUntil),
    ...searchHelpers(row.title, row.occupation),
    _geo: geoOf(card),
    groupOnly: row.groupOnly,
    credentials: fromCommaList(row.credentials),
    card,
    match: {
      skills: fromCommaList(row.skillCodes),
      education: row.education,
      experienceYears: row.experienceYears,
      openings: row.headcount,
      payMonthly: pay,
      validUntil: seconds(row.validUntil),
      startsAt: row.workDate ? seconds(row.workDate) : null,
    },
  };
}

export interface BaseRow extends BaseCardRow {
  id: number;
  name: string;
  description: string;
  rentTerms: string;
  regionCode: string;
  countyCode: string;
  groups: string;
  industries: string;
  publishedAt: Date | null;
  createdAt: Date;
  organization: { name: string } | null;
}

/** Bases do not expire; a far-future validUntil keeps one filter for all kinds. */
export const NEVER = 4102444800; // 2100-01-01

export function baseDocument(row: BaseRow): SearchDocument {
  const card = baseCard(row);
  return {
    id: docId("base", row.id),
    kind: "base",
    title: row.name,
    orgName: row.organization?.name ?? "",
    summary: row.description.slice(0, 300),
    details: row.rentTerms,
    countyCode: row.countyCode,
    townCode: townOf(row.regionCode),
    industry: fromCommaList(row.industries)[0] ?? null,
    groups: fromCommaList(row.groups),
    brand: null,
    ...occupationFields(null),
    payMonthly: null,
    payBand: null,
    postedAt: seconds(row.publishedAt ?? row.createdAt),
    validUntil: NEVER,
    ...searchHelpers(row.name, ""),
    _geo: geoOf(card),
    groupOnly: false,
    credentials: [],
    card,
    match: { skills: [], education: "any", experienceYears: 0, openings: row.freePlaces, payMonthly: null, validUntil: NEVER, startsAt: null },
  };
}

export interface CourseRow extends CourseCardRow {
  id: number;
  title: string;
  description: string;
  trade: string;
  certificate: string;
  leadsTo: string;
  occupationCode: string | null;
  credentialCode: string | null;
  regionCode: string;
  countyCode: string;
  industryCode: string | null;
  groups: string;
  brandCode: string | null;
  publishedAt: Date | null;
  createdAt: Date;
  enrolDeadline: Date;
  provider: { name: string };
  brand: { nameZh: string } | null;
}

export function courseDocument(row: CourseRow): SearchDocument {
  const card = courseCard(row);
  return {
    id: docId("course", row.id),
    kind: "course",
    title: row.title,
    orgName: row.provider.name,
    summary: row.description.slice(0, 300),
    details: [row.brand?.nameZh, row.trade, row.certificate, row.leadsTo].filter(Boolean).join(" "),
    countyCode: row.countyCode,
    townCode: townOf(row.regionCode),
    industry: row.industryCode,
    groups: fromCommaList(row.groups),
    brand: row.brandCode,
    ...occupationFields(row.occupationCode),
    payMonthly: null,
    payBand: null,
    postedAt: seconds(row.publishedAt ?? row.createdAt),
    validUntil: seconds(row.enrolDeadline),
    ...searchHelpers(row.title, `${row.brand?.nameZh ?? ""} ${row.trade}`),
    _geo: geoOf(card),
    groupOnly: false,
    credentials: row.credentialCode ? [row.credentialCode] : [],
    card,
    match: {
      skills: [],
      education: "any",
      experienceYears: 0,
      openings: row.placesLeft,
      payMonthly: null,
      validUntil: seconds(row.enrolDeadline),
      startsAt: seconds(row.startDate),
    },
  };
}
