import type { OpportunityKind } from "../../../search/documents.ts";
import { getDb } from "../db.server.ts";
import { getBrands, getRegions } from "../regions/regions.server.ts";
import { loadSimilar } from "../search/search-page.server.ts";
import { toPublicBase, toPublicCourse, type PublicItem } from "./public-item.ts";
import { isOpen } from "./open.ts";
import { itemPlace } from "./posting-view.ts";
import { postingReader } from "./posting-view.server.ts";
import { policyLinksForKind } from "../policies/check.server.ts";

export type Detail = Awaited<ReturnType<typeof loadDetail>>;

const RELATED = 4;

/**
 * One opportunity with what a person needs to decide and act; null when the id is unknown. The item
 * is in its public shape (./public-item.ts), what the API sends; a post also comes as the view its
 * page draws (./posting-view.ts, the employer's preview draws the same). One database read (the
 * item with its organization); similar items come from search. `policies`: the support that goes
 * with the item's kind in its region ("可申请：见习补贴"), from reference data kept in memory.
 */
export async function loadDetail(kind: OpportunityKind, id: number, lang: string, now = new Date()) {
  const db = getDb();
  const regions = await getRegions();
  const place = (regionCode: string, countyCode: string) => itemPlace(regions, { regionCode, countyCode }, lang);

  if (kind === "job" || kind === "internship" || kind === "gig") {
    const row = await db.posting.findFirst({ where: { id, kind, status: { in: ["published", "closed"] } }, include: { organization: true } });
    if (!row) return null;
    const { item, view } = (await postingReader(lang))(row);
    return {
      kind,
      open: isOpen.posting(row, now),
      posting: item,
      view,
      base: null,
      course: null,
      related: await loadSimilar({ kind, id, countyCode: row.countyCode, industry: row.industryCode, words: row.occupation || row.title }, RELATED, lang, now),
      policies: await policyLinksForKind(row.countyCode, kind, lang),
    };
  }
  if (kind === "base") {
    const row = await db.incubationBase.findFirst({ where: { id, status: { in: ["published", "closed"] } }, include: { organization: true } });
    if (!row) return null;
    return {
      kind,
      open: isOpen.base(row),
      posting: null,
      view: null,
      base: toPublicBase(row, row.organization, { place: place(row.regionCode, row.countyCode) }),
      course: null,
      related: await loadSimilar({ kind, id, countyCode: row.countyCode, words: row.name }, RELATED, lang, now),
      policies: await policyLinksForKind(row.countyCode, kind, lang),
    };
  }
  const row = await db.trainingCourse.findFirst({ where: { id, status: { in: ["published", "closed"] } }, include: { provider: true } });
  if (!row) return null;
  const brand = row.brandCode ? (await getBrands()).find((b) => b.code === row.brandCode) : undefined;
  return {
    kind,
    open: isOpen.course(row, now),
    posting: null,
    view: null,
    base: null,
    course: toPublicCourse(row, row.provider, brand, { place: place(row.regionCode, row.countyCode), lang }),
    related: await loadSimilar({ kind, id, countyCode: row.countyCode, brand: row.brandCode, words: row.trade }, RELATED, lang, now),
    policies: await policyLinksForKind(row.countyCode, kind, lang),
  };
}

/** The one item of a detail, in its public shape. */
export function publicItem(detail: NonNullable<Detail>): PublicItem {
  return (detail.posting ?? detail.base ?? detail.course)!;
}

const PAY_UNIT: Record<string, string> = { month: "MONTH", day: "DAY", hour: "HOUR", piece: "PIECE" };

/** schema.org data so that search engines and other services can read the item. */
export function jsonLd(detail: NonNullable<Detail>, url: string): Record<string, unknown> {
  if (detail.posting) {
    const p = detail.posting;
    return {
      "@context": "https://schema.org",
      "@type": "JobPosting",
      title: p.title,
      description: `${p.description}\n${p.requirements}`,
      datePosted: p.publishedAt.toISOString(),
      validThrough: p.validUntil.toISOString(),
      employmentType: p.kind === "internship" ? "INTERN" : p.kind === "gig" ? "TEMPORARY" : p.contractType === "part_time" ? "PART_TIME" : "FULL_TIME",
      hiringOrganization: { "@type": "Organization", name: p.organization.name },
      jobLocation: { "@type": "Place", address: { "@type": "PostalAddress", addressCountry: "CN", addressRegion: "陕西省", addressLocality: p.place, streetAddress: p.address } },
      baseSalary: { "@type": "MonetaryAmount", currency: "CNY", value: { "@type": "QuantitativeValue", minValue: p.payMin, maxValue: p.payMax, unitText: PAY_UNIT[p.payPeriod] ?? "MONTH" } },
      totalJobOpenings: p.headcount,
      industry: p.industry ?? undefined,
      url,
    };
  }
  if (detail.course) {
    const c = detail.course;
    return {
      "@context": "https://schema.org",
      "@type": "Course",
      name: c.title,
      description: c.description,
      provider: { "@type": "Organization", name: c.providerName },
      educationalCredentialAwarded: c.certificate,
      offers: { "@type": "Offer", price: Math.max(0, c.cost - c.subsidy), priceCurrency: "CNY" },
      hasCourseInstance: { "@type": "CourseInstance", courseMode: "onsite", startDate: c.startDate.toISOString(), endDate: c.endDate.toISOString(), location: c.address },
      url,
    };
  }
  const b = detail.base!;
  return {
    "@context": "https://schema.org",
    "@type": "Place",
    name: b.name,
    description: b.description,
    address: { "@type": "PostalAddress", addressCountry: "CN", addressRegion: "陕西省", addressLocality: b.place, streetAddress: b.address },
    telephone: b.contactPhone ?? undefined,
    url,
  };
}
