import type { Prisma } from "~/generated/prisma/client.ts";
import { getDb } from "../db.server.ts";
import { PAGE_SIZE, type SearchParams } from "../search/params.ts";
import { searchIds, type SearchHits } from "../../../search/query.ts";
import { getSearchService } from "../../../search/service.ts";
import { monthlyPay, payBandOf, splitList, type OpportunityKind } from "../../../search/documents.ts";
import { openPostingsWhere } from "../../../search/indexer.ts";
import { likeText } from "../like.ts";

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
}

export interface SearchOutcome {
  cards: OpportunityCard[];
  total: number;
  totalPages: number;
  facets: SearchHits["facets"];
  postedCounts: Record<string, number>;
  source: "search" | "database";
}

const postingInclude = { organization: { select: { name: true } } } as const;

type PostingWithOrg = Prisma.PostingGetPayload<{ include: typeof postingInclude }>;

function postingCard(row: PostingWithOrg): OpportunityCard {
  return {
    key: `${row.kind}-${row.id}`,
    kind: row.kind as OpportunityKind,
    id: row.id,
    title: row.title,
    orgName: row.organization.name,
    regionCode: row.regionCode,
    countyCode: row.countyCode,
    summary: row.description.slice(0, 120),
    pay: { min: row.payMin, max: row.payMax, period: row.payPeriod },
    postedAt: (row.publishedAt ?? row.createdAt).toISOString(),
    groups: splitList(row.groups),
    brand: row.brandCode,
    date: row.workDate?.toISOString() ?? null,
    level: null,
    placesLeft: null,
  };
}

const baseInclude = { organization: { select: { name: true } } } as const;
type BaseWithOrg = Prisma.IncubationBaseGetPayload<{ include: typeof baseInclude }>;

function baseCard(row: BaseWithOrg): OpportunityCard {
  return {
    key: `base-${row.id}`,
    kind: "base",
    id: row.id,
    title: row.name,
    orgName: row.organization?.name ?? "",
    regionCode: row.regionCode,
    countyCode: row.countyCode,
    summary: row.description.slice(0, 120),
    pay: null,
    postedAt: (row.publishedAt ?? row.createdAt).toISOString(),
    groups: splitList(row.groups),
    brand: null,
    date: null,
    level: row.level,
    placesLeft: row.freePlaces,
  };
}

const courseInclude = { provider: { select: { name: true } } } as const;
type CourseWithProvider = Prisma.TrainingCourseGetPayload<{ include: typeof courseInclude }>;

function courseCard(row: CourseWithProvider): OpportunityCard {
  return {
    key: `course-${row.id}`,
    kind: "course",
    id: row.id,
    title: row.title,
    orgName: row.provider.name,
    regionCode: row.regionCode,
    countyCode: row.countyCode,
    summary: row.description.slice(0, 120),
    pay: null,
    postedAt: (row.publishedAt ?? row.createdAt).toISOString(),
    groups: splitList(row.groups),
    brand: row.brandCode,
    date: row.startDate.toISOString(),
    level: null,
    placesLeft: row.placesLeft,
  };
}

/** Rows for ids from the search index, in the index's order; ids no longer open are left out. */
export async function loadCards(ids: { kind: OpportunityKind; id: number }[], now = new Date()): Promise<OpportunityCard[]> {
  const db = getDb();
  const pick = (kinds: OpportunityKind[]) => ids.filter((x) => kinds.includes(x.kind)).map((x) => x.id);
  const [postings, bases, courses] = await Promise.all([
    db.posting.findMany({ where: { id: { in: pick(["job", "internship", "gig"]) }, ...openPostingsWhere(now) }, include: postingInclude }),
    db.incubationBase.findMany({ where: { id: { in: pick(["base"]) }, status: "published" }, include: baseInclude }),
    db.trainingCourse.findMany({ where: { id: { in: pick(["course"]) }, status: "published", enrolDeadline: { gte: now } }, include: courseInclude }),
  ]);
  const byKey = new Map<string, OpportunityCard>();
  for (const row of postings) byKey.set(`${row.kind}-${row.id}`, postingCard(row));
  for (const row of bases) byKey.set(`base-${row.id}`, baseCard(row));
  for (const row of courses) byKey.set(`course-${row.id}`, courseCard(row));
  return ids.map((x) => byKey.get(`${x.kind}-${x.id}`)).filter((c): c is OpportunityCard => Boolean(c));
}

export async function searchOpportunities(params: SearchParams, now = new Date()): Promise<SearchOutcome> {
  const result = await getSearchService().run((connection) => searchIds(connection, { ...params, pageSize: PAGE_SIZE }, now));
  if (result.ok) {
    const hits = result.value;
    return {
      cards: await loadCards(hits.ids, now),
      total: hits.total,
      totalPages: Math.ceil(hits.total / PAGE_SIZE),
      facets: hits.facets,
      postedCounts: hits.postedCounts,
      source: "search",
    };
  }
  console.warn("search server unavailable, answering from the database:", String(result.error));
  return searchDatabase(params, now);
}

/**
 * The plain SQL path used when Meilisearch is down (and as the benchmark's baseline): LIKE on
 * title, organization and description; kind counts only.
 */
export async function searchDatabase(params: SearchParams, now = new Date()): Promise<SearchOutcome> {
  const db = getDb();
  const words = params.q.split(/\s+/).filter(Boolean).slice(0, 5);
  const region = params.town ? { regionCode: { startsWith: likeText(params.town) } } : params.county ? { countyCode: params.county } : {};
  const group = params.group ? { groups: { contains: likeText(`,${params.group},`) } } : {};
  const since = params.posted ? new Date(now.getTime() - Number(params.posted) * 86400_000) : undefined;

  const postingWhere = (kind: string): Prisma.PostingWhereInput => ({
    kind,
    ...openPostingsWhere(now),
    ...region,
    ...group,
    ...(params.industry ? { industryCode: params.industry } : {}),
    ...(params.brand ? { brandCode: params.brand } : {}),
    ...(since ? { publishedAt: { gte: since } } : {}),
    AND: words.map((w) => ({
      OR: [{ title: { contains: likeText(w) } }, { description: { contains: likeText(w) } }, { organization: { name: { contains: likeText(w) } } }],
    })),
  });
  const baseWhere: Prisma.IncubationBaseWhereInput = {
    status: "published",
    ...region,
    ...group,
    ...(since ? { publishedAt: { gte: since } } : {}),
    AND: words.map((w) => ({ OR: [{ name: { contains: likeText(w) } }, { description: { contains: likeText(w) } }] })),
  };
  const courseWhere: Prisma.TrainingCourseWhereInput = {
    status: "published",
    enrolDeadline: { gte: now },
    ...region,
    ...group,
    ...(params.industry ? { industryCode: params.industry } : {}),
    ...(params.brand ? { brandCode: params.brand } : {}),
    ...(since ? { publishedAt: { gte: since } } : {}),
    AND: words.map((w) => ({ OR: [{ title: { contains: likeText(w) } }, { description: { contains: likeText(w) } }, { trade: { contains: likeText(w) } }] })),
  };
  const payKinds = params.pay ? (["job", "internship", "gig"] as const) : null;
  const wanted = (kind: OpportunityKind) =>
    (params.kind.length === 0 || params.kind.includes(kind)) && (!payKinds || (payKinds as readonly string[]).includes(kind));

  const kinds: OpportunityKind[] = ["job", "internship", "gig", "base", "course"];
  const counts = await Promise.all(
    kinds.map((kind) => {
      if (kind === "base") return db.incubationBase.count({ where: baseWhere });
      if (kind === "course") return db.trainingCourse.count({ where: courseWhere });
      return db.posting.count({ where: postingWhere(kind) });
    }),
  );
  const kindCounts = Object.fromEntries(kinds.map((k, i) => [k, counts[i] ?? 0]));
  let skip = (params.page - 1) * PAGE_SIZE;
  let take = PAGE_SIZE;
  const cards: OpportunityCard[] = [];
  let total = 0;
  const orderBy = params.sort === "pay" ? [{ payMax: "desc" as const }, { id: "desc" as const }] : [{ publishedAt: "desc" as const }, { id: "desc" as const }];
  for (const kind of kinds) {
    if (!wanted(kind)) continue;
    const count = kindCounts[kind] ?? 0;
    total += count;
    if (take === 0 || skip >= count) {
      skip = Math.max(0, skip - count);
      continue;
    }
    if (kind === "base") {
      const rows = await db.incubationBase.findMany({ where: baseWhere, include: baseInclude, orderBy: { id: "desc" }, skip, take });
      cards.push(...rows.map(baseCard));
    } else if (kind === "course") {
      const rows = await db.trainingCourse.findMany({ where: courseWhere, include: courseInclude, orderBy: { startDate: "asc" }, skip, take });
      cards.push(...rows.map(courseCard));
    } else {
      let rows = await db.posting.findMany({ where: postingWhere(kind), include: postingInclude, orderBy, skip, take });
      if (params.pay) rows = rows.filter((r) => payBandOf(monthlyPay(r.payMax, r.payPeriod)) === params.pay);
      cards.push(...rows.map(postingCard));
    }
    take = PAGE_SIZE - cards.length;
    skip = 0;
  }
  return {
    cards,
    total,
    totalPages: Math.ceil(total / PAGE_SIZE),
    facets: { kind: kindCounts },
    postedCounts: {},
    source: "database",
  };
}
