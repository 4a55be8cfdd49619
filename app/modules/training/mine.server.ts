import { getDb } from "../db.server.ts";
import { openWhere } from "../opportunities/open.ts";
import { likeText } from "../like.ts";

const POSTS_SHOWN = 5;

/**
 * A learner's enrolments with their history and, for a completer, the open posts that want what
 * they now hold: the course's certificate, or its labour brand.
 */
export async function myEnrolments(userId: number, now: Date) {
  const db = getDb();
  const rows = await db.trainingEnrolment.findMany({
    where: { userId },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    include: {
      course: { select: { id: true, title: true, startDate: true, endDate: true, hours: true, certificate: true, credentialCode: true, brandCode: true, trade: true, provider: { select: { name: true } } } },
      events: { orderBy: [{ createdAt: "asc" }, { id: "asc" }], select: { status: true, note: true, createdAt: true } },
    },
  });
  return Promise.all(
    rows.map(async (r) => {
      const find = (where: object, take: number) =>
        db.posting.findMany({ where: { ...openWhere.posting(now), ...where }, orderBy: [{ publishedAt: "desc" }, { id: "desc" }], take, select: { id: true, kind: true, title: true, organization: { select: { name: true } } } });
      // Posts that want the certificate first, then the brand's.
      const byCertificate = r.status === "completed" && r.certificateCode ? await find({ credentials: { contains: likeText(`,${r.certificateCode},`) } }, POSTS_SHOWN) : [];
      const byBrand = r.status === "completed" && r.course.brandCode && byCertificate.length < POSTS_SHOWN
        ? await find({ brandCode: r.course.brandCode, id: { notIn: byCertificate.map((p) => p.id) } }, POSTS_SHOWN - byCertificate.length)
        : [];
      const posts = [...byCertificate, ...byBrand];
      return {
        id: r.id,
        status: r.status,
        attendedHours: r.attendedHours,
        certificateCode: r.certificateCode,
        certificateNumber: r.certificateNumber,
        completedAt: r.completedAt?.toISOString() ?? null,
        subsidyRequested: r.subsidyRequested,
        subsidyEligible: r.subsidyEligible,
        canWithdraw: r.status === "enrolled" && r.course.startDate > now,
        course: { id: r.course.id, title: r.course.title, providerName: r.course.provider.name, startDate: r.course.startDate.toISOString(), endDate: r.course.endDate.toISOString(), hours: r.course.hours, certificate: r.course.certificate, trade: r.course.trade },
        events: r.events.map((e) => ({ status: e.status, note: e.note, at: e.createdAt.toISOString() })),
        posts: posts.map((p) => ({ id: p.id, kind: p.kind, title: p.title, employer: p.organization.name })),
        searchQuery: r.course.trade,
      };
    }),
  );
}
