import type { Prisma } from "~/generated/prisma/client.ts";
import { getDb } from "../db.server.ts";
import { PAGE_SIZE, type SearchParams } from "../search/params.ts";
import { searchIds, type SearchHits } from "../../../search/query.ts";
import { getSearchService } from "../../../search/service.ts";
import { monthlyPay, payBandOf, type OpportunityKind } from "../../../search/documents.ts";
import { openPostingsWhere } from "../../../search/indexer.ts";
import { likeText } from "../like.ts";
import { baseCard, courseCard, postingCard, type OpportunityCard } from "../../../search/cards.ts";

export type { OpportunityCard };

export interface SearchOutcome {
  cards: OpportunityCard[];
  total: number;
  totalPages: number;
  facets: SearchHits["facets"];
  postedCounts: Record<string, number>;
  source: "search" | "database";
}

const postingInclude = { organization: { select: { name: true } } } as const;
const baseInclude = { organization: { select: { name: true } } } as const;
const courseInclude = { provider: { select: { name: true } } } as const;

/** Cards for ids (related items on a detail page), in the given order; ids no longer open are left out. */
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
      cards: hits.cards,
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
