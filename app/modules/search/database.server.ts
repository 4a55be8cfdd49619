import type { Prisma } from "~/generated/prisma/client.ts";
import { baseCard, courseCard, postingCard, type OpportunityCard } from "../../../search/cards.ts";
import { monthlyPay, payBandOf, type OpportunityKind } from "../../../search/documents.ts";
import type { SearchHits, SimilarTo } from "../../../search/query.ts";
import { getDb } from "../db.server.ts";
import { likeText } from "../like.ts";
import { PAGE_SIZE, type SearchParams } from "./params.ts";
import { openWhere } from "../opportunities/open.ts";

/**
 * Public search from the database: what answers while Meilisearch cannot (and the benchmark's
 * baseline). The same cards, built by the same builders from the rows; plain LIKE matching.
 */

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

/** Cards for ids, in the given order; ids no longer open are left out. */
export async function loadCards(ids: { kind: OpportunityKind; id: number }[], now = new Date()): Promise<OpportunityCard[]> {
  const db = getDb();
  const pick = (kinds: OpportunityKind[]) => ids.filter((x) => kinds.includes(x.kind)).map((x) => x.id);
  const [postings, bases, courses] = await Promise.all([
    db.posting.findMany({ where: { id: { in: pick(["job", "internship", "gig"]) }, ...openWhere.posting(now) }, include: postingInclude }),
    db.incubationBase.findMany({ where: { id: { in: pick(["base"]) }, ...openWhere.base() }, include: baseInclude }),
    db.trainingCourse.findMany({ where: { id: { in: pick(["course"]) }, ...openWhere.course(now) }, include: courseInclude }),
  ]);
  const byKey = new Map<string, OpportunityCard>();
  for (const row of postings) byKey.set(`${row.kind}-${row.id}`, postingCard(row));
  for (const row of bases) byKey.set(`base-${row.id}`, baseCard(row));
  for (const row of courses) byKey.set(`course-${row.id}`, courseCard(row));
  return ids.map((x) => byKey.get(`${x.kind}-${x.id}`)).filter((c): c is OpportunityCard => Boolean(c));
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
    ...openWhere.posting(now),
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
    ...openWhere.base(),
    ...region,
    ...group,
    ...(since ? { publishedAt: { gte: since } } : {}),
    AND: words.map((w) => ({ OR: [{ name: { contains: likeText(w) } }, { description: { contains: likeText(w) } }] })),
  };
  const courseWhere: Prisma.TrainingCourseWhereInput = {
    ...openWhere.course(now),
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

/** Similar open items (search/query.ts similarCards) from the database: nearby first, then the same work. */
export async function similarFromDatabase(item: SimilarTo, limit: number, now = new Date()): Promise<OpportunityCard[]> {
  const db = getDb();
  const notSelf = { id: { not: item.id } };
  let ids: { id: number }[];
  if (item.kind === "base") {
    ids = await db.incubationBase.findMany({ where: { ...openWhere.base(), ...notSelf, countyCode: item.countyCode }, select: { id: true }, orderBy: { id: "desc" }, take: limit });
  } else if (item.kind === "course") {
    ids = await db.trainingCourse.findMany({
      where: { ...openWhere.course(now), ...notSelf, OR: [{ countyCode: item.countyCode, brandCode: item.brand ?? "-" }, { trade: item.words }] },
      select: { id: true },
      orderBy: { startDate: "asc" },
      take: limit,
    });
  } else {
    ids = await db.posting.findMany({
      where: { kind: item.kind, ...openWhere.posting(now), ...notSelf, OR: [{ countyCode: item.countyCode, industryCode: item.industry ?? undefined }, { occupation: item.words }] },
      select: { id: true },
      orderBy: { publishedAt: "desc" },
      take: limit,
    });
  }
  return loadCards(ids.map(({ id }) => ({ kind: item.kind, id })), now);
}
