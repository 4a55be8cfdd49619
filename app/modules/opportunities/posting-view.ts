import type { Posting } from "~/generated/prisma/client.ts";
import type { RegionInfo } from "../regions/regions.server.ts";
import { regionName } from "../regions/regions.server.ts";
import type { ResponseFigures } from "../follow-up/figures.ts";
import type { PublicPosting } from "./public-item.ts";

/*
 * What a page shows of one post: the public detail page, the employer's preview of their own post
 * and the staff moderation queue all render this, built here and only here, so the employer and
 * staff see exactly what a job seeker will (components/posting-view.tsx draws it). The cards in
 * lists are search/cards.ts; the open API's shape is public-item.ts, which this is made from.
 */

/** An age limit as the employer set it, either side optional; null when there is none. */
export interface AgeLimit {
  min: number | null;
  max: number | null;
}

export interface PostingView {
  id: number;
  kind: "job" | "internship" | "gig";
  title: string;
  /** `responses`: the employer's response rate and usual time, once it has had enough applications. */
  organization: { name: string; verified: boolean; description: string; responses: ResponseFigures | null };
  /** "City · county · town" in the reader's language. */
  place: string;
  address: string;
  pay: { min: number; max: number; period: string };
  headcount: number;
  industry: string | null;
  brand: string | null;
  /** The occupation's name by the classification, in the reader's language. */
  occupation: string | null;
  /** The certificates and skills the post requires, by name ("健康证明", "驾驶小型汽车"). */
  needs: string[];
  /** A gig's day and hours; null for other kinds. */
  gig: { workDate: string | null; startTime: string | null; endTime: string | null } | null;
  /** An internship's length and majors; null for other kinds. */
  internship: { durationMonths: number | null; eligibleMajors: string | null } | null;
  /** What a job or internship asks and offers; a gig's form asks none of it, so null there. */
  terms: { education: string; experienceYears: number; age: AgeLimit | null; contractType: string; benefits: string[]; groups: string[]; groupOnly: boolean } | null;
  description: string;
  requirements: string;
  skills: string;
  howToApply: string;
  /** The post's public recruiting line. */
  contactPhone: string | null;
  validUntil: string;
  /** Null until the post has been published. */
  publishedAt: string | null;
}

/**
 * The limit a post states, one-sided or both. Shown whenever set, on every page alike: a seeker
 * must know a limit that applies to them, and staff and the employer must see what the public
 * sees (the form allows 16–70 only and asks for a limit only when the work needs it).
 */
export function ageLimit(min: number | null, max: number | null): AgeLimit | null {
  return min === null && max === null ? null : { min, max };
}

/** "安康市 · 紫阳县 · 蒿坪镇" for any item: the county's own city (its parent), the county, and the town when the item names one. */
export function itemPlace(regions: Map<string, RegionInfo>, row: Pick<Posting, "regionCode" | "countyCode">, lang: string): string {
  const city = regions.get(row.countyCode)?.parentCode;
  return [city ? regionName(regions, city, lang) : "", regionName(regions, row.countyCode, lang), row.regionCode.length > 6 ? regionName(regions, row.regionCode, lang) : ""]
    .filter(Boolean)
    .join(" · ");
}

/**
 * Built from the post's public shape, never from its row: a page can show nothing the open API
 * does not publish (moderation columns, creator, registration data stay inside). `brand`: the
 * labour brand's name in the reader's language.
 */
export function postingView(p: PublicPosting, names: { brand: string | null; occupation: string | null; needs: string[] }): PostingView {
  const kind = p.kind;
  const published = p.status === "published" || p.status === "closed";
  return {
    id: p.id,
    kind,
    title: p.title,
    organization: { name: p.organization.name, verified: p.organization.verified, description: p.organization.description, responses: p.organization.responses },
    place: p.place,
    address: p.address,
    pay: { min: p.payMin, max: p.payMax, period: p.payPeriod },
    headcount: p.headcount,
    industry: p.industry,
    brand: names.brand,
    occupation: names.occupation,
    needs: names.needs,
    gig: kind === "gig" ? { workDate: p.workDate?.toISOString() ?? null, startTime: p.startTime, endTime: p.endTime } : null,
    internship: kind === "internship" ? { durationMonths: p.durationMonths, eligibleMajors: p.eligibleMajors } : null,
    terms:
      kind === "gig"
        ? null
        : { education: p.education, experienceYears: p.experienceYears, age: ageLimit(p.ageMin, p.ageMax), contractType: p.contractType, benefits: p.benefits, groups: p.groups, groupOnly: p.groupOnly && p.groups.length > 0 },
    description: p.description,
    requirements: p.requirements,
    skills: p.skills,
    howToApply: p.howToApply,
    contactPhone: p.contactPhone,
    validUntil: p.validUntil.toISOString(),
    // A draft or a post waiting for staff has not been published yet, whatever its row holds.
    publishedAt: published ? p.publishedAt.toISOString() : null,
  };
}
