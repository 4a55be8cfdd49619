import { getDb } from "../db.server.ts";
import { openWhere } from "../opportunities/open.ts";
import { getRegions, regionName } from "../regions/regions.server.ts";
import { likeText } from "../like.ts";
import { ratesFor } from "./rates.server.ts";

const SHOWN = 20;

/** The calendar year of a moment in China (UTC+8), and its bounds as instants. */
function chinaYearBounds(now: Date) {
  const year = new Date(now.getTime() + 8 * 3_600_000).getUTCFullYear();
  return { year, from: new Date(Date.UTC(year, 0, 1) - 8 * 3_600_000), to: new Date(Date.UTC(year + 1, 0, 1) - 8 * 3_600_000), dayFrom: new Date(Date.UTC(year, 0, 1)), dayTo: new Date(Date.UTC(year + 1, 0, 1)) };
}

/**
 * A labour brand's page (/brands/:code): the brand, its county and trades, its courses, the open
 * posts that want it (by brand or by one of its courses' certificates), the employers behind those
 * posts, and this year's figures counted from the records: learners who completed, those certified,
 * and the people with a verified start after the brand's training (each person once).
 */
export async function brandPage(code: string, lang: string, now: Date) {
  const db = getDb();
  const brand = await db.labourBrand.findUnique({ where: { code } });
  if (!brand) return null;
  const regions = await getRegions();
  const courses = await db.trainingCourse.findMany({
    where: { brandCode: code, status: { in: ["published", "closed"] } },
    orderBy: [{ startDate: "desc" }, { id: "desc" }],
    select: { id: true, title: true, trade: true, startDate: true, endDate: true, enrolDeadline: true, status: true, placesLeft: true, totalPlaces: true, credentialCode: true, countyCode: true, provider: { select: { id: true, name: true } } },
  });
  const courseIds = courses.map((c) => c.id);
  const credentials = [...new Set(courses.map((c) => c.credentialCode).filter((c): c is string => Boolean(c)))];
  const posts = await db.posting.findMany({
    where: { ...openWhere.posting(now), OR: [{ brandCode: code }, ...credentials.map((c) => ({ credentials: { contains: likeText(`,${c},`) } }))] },
    orderBy: [{ publishedAt: "desc" }, { id: "desc" }],
    select: { id: true, kind: true, title: true, countyCode: true, organization: { select: { id: true, name: true } } },
  });
  const partners = new Map<number, { id: number; name: string; posts: number }>();
  for (const p of posts) {
    const row = partners.get(p.organization.id) ?? { id: p.organization.id, name: p.organization.name, posts: 0 };
    row.posts += 1;
    partners.set(p.organization.id, row);
  }
  const { year, from, to, dayFrom, dayTo } = chinaYearBounds(now);
  const enrolled = { courseId: { in: courseIds } };
  const [trained, certified, placedPeople, rates] = await Promise.all([
    db.trainingEnrolment.count({ where: { ...enrolled, status: "completed", completedAt: { gte: from, lt: to } } }),
    db.trainingEnrolment.count({ where: { ...enrolled, status: "completed", certificateCode: { not: null }, completedAt: { gte: from, lt: to } } }),
    courseIds.length
      ? db.placement.findMany({
          where: { status: "verified", startDate: { gte: dayFrom, lt: dayTo }, afterTrainingEnrolmentId: { in: (await db.trainingEnrolment.findMany({ where: { ...enrolled, status: "completed" }, select: { id: true } })).map((e) => e.id) } },
          select: { personKey: true },
          distinct: ["personKey"],
        })
      : Promise.resolve([]),
    ratesFor(db, courseIds, now),
  ]);
  const providers = new Map<number, string>();
  for (const c of courses) providers.set(c.provider.id, c.provider.name);
  return {
    brand: { code: brand.code, name: lang === "en" ? brand.nameEn : brand.nameZh, nameZh: brand.nameZh, county: regionName(regions, brand.countyCode, lang), trade: brand.trade, description: brand.description },
    trades: [...new Set([brand.trade, ...courses.map((c) => c.trade)])],
    figures: { year, trained, certified, placed: placedPeople.length },
    rates: rates.total,
    providers: [...providers].map(([id, name]) => ({ id, name })),
    courses: courses.slice(0, SHOWN).map((c) => ({
      id: c.id,
      title: c.title,
      providerName: c.provider.name,
      place: regionName(regions, c.countyCode, lang),
      startDate: c.startDate.toISOString(),
      open: c.status === "published" && c.enrolDeadline >= now,
      placesLeft: c.placesLeft,
      totalPlaces: c.totalPlaces,
      rates: rates.byCourse.get(c.id)!,
    })),
    posts: posts.slice(0, SHOWN).map((p) => ({ id: p.id, kind: p.kind, title: p.title, employer: p.organization.name, place: regionName(regions, p.countyCode, lang) })),
    postsTotal: posts.length,
    partnersTotal: partners.size,
    partners: [...partners.values()].sort((a, b) => b.posts - a.posts || a.id - b.id).slice(0, SHOWN),
  };
}

/** A course's results with its provider's over all of its courses, for the course page. */
export async function courseResults(courseId: number, now: Date) {
  const db = getDb();
  const course = await db.trainingCourse.findUnique({ where: { id: courseId }, select: { providerId: true, provider: { select: { name: true } } } });
  if (!course) return null;
  const ids = (await db.trainingCourse.findMany({ where: { providerId: course.providerId }, select: { id: true } })).map((c) => c.id);
  const { byCourse, total } = await ratesFor(db, ids, now);
  return { course: byCourse.get(courseId)!, provider: total, providerName: course.provider.name };
}
