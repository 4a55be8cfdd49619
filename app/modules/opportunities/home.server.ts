import { getDb } from "../db.server.ts";
import { getBrands, getRegions, regionName } from "../regions/regions.server.ts";
import { openPostingsWhere } from "../../../search/indexer.ts";

export async function loadHome(lang: string, now = new Date()) {
  const db = getDb();
  const [regions, byKind, bases, courses, brands] = await Promise.all([
    getRegions(),
    db.posting.groupBy({ by: ["kind"], where: openPostingsWhere(now), _count: { _all: true } }),
    db.incubationBase.count({ where: { status: "published" } }),
    db.trainingCourse.count({ where: { status: "published", enrolDeadline: { gte: now } } }),
    getBrands(),
  ]);
  const count = (kind: string) => byKind.find((k) => k.kind === kind)?._count._all ?? 0;
  return {
    kinds: [
      { kind: "job" as const, count: count("job") },
      { kind: "internship" as const, count: count("internship") },
      { kind: "gig" as const, count: count("gig") },
      { kind: "base" as const, count: bases },
      { kind: "course" as const, count: courses },
    ],
    counties: [...regions.values()].filter((r) => r.level === "county").sort((a, b) => a.code.localeCompare(b.code)).map((r) => ({ code: r.code, name: regionName(regions, r.code, lang) })),
    brands: brands.map((b) => ({ code: b.code, name: lang === "en" ? b.nameEn : b.nameZh })),
  };
}
