import type { IncubationBase, LabourBrand, Organization, Posting, TrainingCourse } from "~/generated/prisma/client.ts";
import { fromCommaList } from "../../utils/comma-list.ts";
import type { ResponseFigures } from "../follow-up/figures.ts";

/*
 * The public shape of one opportunity: what a job seeker, or another public service reading
 * /api/v1, needs to decide and act. The detail page and the API both get exactly this (through
 * loadDetail), never a database row: moderation and audit columns (reviewer, rejection reason,
 * submitted/reviewed/closed times, creator, created/updated times), foreign keys and the
 * organization's registration data stay inside. A new column is private until it is added here,
 * to the README's "Open read API" section and to the key lists in app/routes/api.v1.test.ts.
 */

/** Place names for display, next to the codes a service filters by. */
interface Where {
  /** Town (when known) or county code. */
  regionCode: string;
  countyCode: string;
  /** "City · county · town" in the visitor's language. */
  place: string;
}

export interface PublicPosting extends Where {
  id: number;
  kind: "job" | "internship" | "gig";
  title: string;
  /** `responses`: how the employer answers applications (follow-up/figures.ts); null until it has had enough. */
  organization: { name: string; verified: boolean; description: string; contactPhone: string | null; responses: ResponseFigures | null };
  address: string;
  industryCode: string | null;
  industry: string | null;
  occupation: string;
  /** The occupation by the national classification (职业分类大典 2022), e.g. "4-10-03-05"; null when not coded. */
  occupationCode: string | null;
  /** Certificates and skills the post requires, as codes of data/occupations. */
  credentials: string[];
  skillCodes: string[];
  description: string;
  requirements: string;
  skills: string;
  education: string;
  experienceYears: number;
  ageMin: number | null;
  ageMax: number | null;
  contractType: string;
  payMin: number;
  payMax: number;
  payPeriod: string;
  headcount: number;
  benefits: string[];
  groups: string[];
  /** Only people of the listed groups may take it. */
  groupOnly: boolean;
  brandCode: string | null;
  howToApply: string;
  /** The post's public recruiting line. */
  contactPhone: string | null;
  durationMonths: number | null;
  eligibleMajors: string | null;
  workDate: Date | null;
  startTime: string | null;
  endTime: string | null;
  status: string;
  publishedAt: Date;
  validFrom: Date;
  validUntil: Date;
}

export interface PublicBase extends Where {
  id: number;
  kind: "base";
  name: string;
  type: string;
  level: string;
  /** The operating organization's name. */
  organizationName: string | null;
  address: string;
  description: string;
  services: string[];
  industries: string[];
  totalPlaces: number;
  freePlaces: number;
  rentTerms: string;
  rentFreeYears: number;
  supportLoans: boolean;
  supportSubsidy: boolean;
  groups: string[];
  contactPhone: string | null;
  status: string;
  publishedAt: Date;
}

export interface PublicCourse extends Where {
  id: number;
  kind: "course";
  title: string;
  brandCode: string | null;
  brandName: string | null;
  trade: string;
  providerName: string;
  /** The provider's public enrolment line (docs/decisions/2026-11-24-an-organization-s-contact-phone-is-its.md). */
  providerPhone: string | null;
  address: string;
  description: string;
  startDate: Date;
  endDate: Date;
  schedule: string;
  hours: number;
  totalPlaces: number;
  placesLeft: number;
  cost: number;
  subsidy: number;
  certificate: string;
  leadsTo: string;
  industryCode: string | null;
  groups: string[];
  enrolDeadline: Date;
  status: string;
  publishedAt: Date;
}

export type PublicItem = PublicPosting | PublicBase | PublicCourse;

export function toPublicPosting(row: Posting, organization: Organization, extra: { place: string; industry: string | null; responses: ResponseFigures | null }): PublicPosting {
  return {
    id: row.id,
    kind: row.kind as PublicPosting["kind"],
    title: row.title,
    organization: { name: organization.name, verified: organization.status === "verified", description: organization.description, contactPhone: organization.contactPhone, responses: extra.responses },
    regionCode: row.regionCode,
    countyCode: row.countyCode,
    place: extra.place,
    address: row.address,
    industryCode: row.industryCode,
    industry: extra.industry,
    occupation: row.occupation,
    occupationCode: row.occupationCode,
    credentials: fromCommaList(row.credentials),
    skillCodes: fromCommaList(row.skillCodes),
    description: row.description,
    requirements: row.requirements,
    skills: row.skills,
    education: row.education,
    experienceYears: row.experienceYears,
    ageMin: row.ageMin,
    ageMax: row.ageMax,
    contractType: row.contractType,
    payMin: row.payMin,
    payMax: row.payMax,
    payPeriod: row.payPeriod,
    headcount: row.headcount,
    benefits: fromCommaList(row.benefits),
    groups: fromCommaList(row.groups),
    groupOnly: row.groupOnly,
    brandCode: row.brandCode,
    howToApply: row.howToApply,
    contactPhone: row.contactPhone,
    durationMonths: row.durationMonths,
    eligibleMajors: row.eligibleMajors,
    workDate: row.workDate,
    startTime: row.startTime,
    endTime: row.endTime,
    status: row.status,
    // A published or closed post has been published; rows from before the column fall back.
    publishedAt: row.publishedAt ?? row.createdAt,
    validFrom: row.validFrom,
    validUntil: row.validUntil,
  };
}

export function toPublicBase(row: IncubationBase, organization: Organization | null, extra: { place: string }): PublicBase {
  return {
    id: row.id,
    kind: "base",
    name: row.name,
    type: row.type,
    level: row.level,
    organizationName: organization?.name ?? null,
    regionCode: row.regionCode,
    countyCode: row.countyCode,
    place: extra.place,
    address: row.address,
    description: row.description,
    services: fromCommaList(row.services),
    industries: fromCommaList(row.industries),
    totalPlaces: row.totalPlaces,
    freePlaces: row.freePlaces,
    rentTerms: row.rentTerms,
    rentFreeYears: row.rentFreeYears,
    supportLoans: row.supportLoans,
    supportSubsidy: row.supportSubsidy,
    groups: fromCommaList(row.groups),
    contactPhone: row.contactPhone,
    status: row.status,
    publishedAt: row.publishedAt ?? row.createdAt,
  };
}

export function toPublicCourse(row: TrainingCourse, provider: Organization, brand: Pick<LabourBrand, "nameZh" | "nameEn"> | undefined, extra: { place: string; lang: string }): PublicCourse {
  return {
    id: row.id,
    kind: "course",
    title: row.title,
    brandCode: row.brandCode,
    brandName: brand ? (extra.lang === "en" ? brand.nameEn : brand.nameZh) : null,
    trade: row.trade,
    providerName: provider.name,
    providerPhone: provider.contactPhone,
    regionCode: row.regionCode,
    countyCode: row.countyCode,
    place: extra.place,
    address: row.address,
    description: row.description,
    startDate: row.startDate,
    endDate: row.endDate,
    schedule: row.schedule,
    hours: row.hours,
    totalPlaces: row.totalPlaces,
    placesLeft: row.placesLeft,
    cost: row.cost,
    subsidy: row.subsidy,
    certificate: row.certificate,
    leadsTo: row.leadsTo,
    industryCode: row.industryCode,
    groups: fromCommaList(row.groups),
    enrolDeadline: row.enrolDeadline,
    status: row.status,
    publishedAt: row.publishedAt ?? row.createdAt,
  };
}
