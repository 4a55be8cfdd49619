import { getDb } from "../db.server.ts";
import { getBrands, getRegions, regionName } from "../regions/regions.server.ts";
import type { OpportunityKind } from "../../../search/documents.ts";
import { countOpenByKind } from "../../../search/query.ts";
import { getSearchService } from "../../../search/service.ts";
import { openWhere } from "./open.ts";

/** Open items per kind as the database has them: when search cannot answer. */
async function countFromDatabase(now: Date): Promise<Partial<Record<OpportunityKind, number>>> {
  const db = getDb();
  const [byKind, bases, courses] = await Promise.all([
    db.posting.groupBy({ by: ["kind"], where: openWhere.posting(now), _count: { _all: true } }),
    db.incubationBase.count({ where: openWhere.base() }),
    db.trainingCourse.count({ where: openWhere.course(now) }),
  ]);
  return { ...Object.fromEntries(byKind.map((k) => [k.kind, k._count._all])), base: bases, course: courses };
}

/**
 * The home page: counts per kind from search (one call; the same numbers a search shows, instead
 * of counting every open post in the database), the counties and the labour brands.
 */
export async function loadHome(lang: string, now = new Date()) {
  const [regions, counted, brands] = await Promise.all([getRegions(), getSearchService().run((connection) => countOpenByKind(connection, now)), getBrands()]);
  const counts = counted.ok ? counted.value : await countFromDatabase(now);
  const kinds = ["job", "internship", "gig", "base", "course"] as const;
  return {
    kinds: kinds.map((kind) => ({ kind, count: counts[kind] ?? 0 })),
    counties: [...regions.values()].filter((r) => r.level === "county").sort((a, b) => a.code.localeCompare(b.code)).map((r) => ({ code: r.code, name: regionName(regions, r.code, lang) })),
    brands: brands.map((b) => ({ code: b.code, name: lang === "en" ? b.nameEn : b.nameZh })),
  };
}
