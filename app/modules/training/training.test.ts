import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { COURSE_LINES } from "../../../prisma/seed/catalog.ts";
import { makeCourse, makeOrganization, makePosting } from "../../../prisma/seed/factories.ts";
import { openSeededDatabase } from "../../../tests/setup/test-env.ts";
import { apply, decide } from "../applications/applications.server.ts";
import type { Db } from "../db.server.ts";
import { decidePlacement } from "../placements/placements.server.ts";
import { brandPage, courseResults } from "./brands.server.ts";
import { enrol, enrolPage } from "./enrol.server.ts";
import { myEnrolments } from "./mine.server.ts";
import { providerCourse, providerCourses, recordOutcome } from "./provider.server.ts";
import { enrolSchema, outcomeSchema } from "./schemas.ts";

const DAY = 86_400_000;
const PEDICURE = COURSE_LINES.find((l) => l.brand === "ziyang_pedicure")!;
/** Mid-2026 in China: the course ran in spring, enrolment for the next one is open. */
const NOW = new Date("2026-06-15T02:00:00Z");

describe("training: enrol, record outcomes, after-training employment, rates, brand page (real SQLite)", () => {
  let db: Db;
  let cleanup: () => Promise<void>;
  let serial = 0;
  const user = (role: "seeker" | "employer" | "staff", staffRegionCode: string | null = null) =>
    db.user.create({ data: { email: `${role}${++serial}@training.test`, passwordHash: "not-used", role, displayName: `${role}${serial}`, staffRegionCode } });
  const seeker = async (name: string, groups = ",returnee,") => {
    const u = await user("seeker");
    await db.seekerProfile.create({ data: { userId: u.id, name, groups, consentSharing: true, consentMatching: true } });
    return u;
  };

  let provider: { id: number };
  let otherProvider: { id: number };
  let providerOrg: { id: number };
  /** Over (ran March–April) but its enrolment was open until it started; the one outcomes are recorded on. */
  let finished: { id: number; placesLeft: number };

  beforeAll(async () => {
    ({ db, cleanup } = openSeededDatabase());
    providerOrg = await makeOrganization(db, { kind: "training_provider", regionCode: "610924100", name: "紫阳县修脚测试学校" });
    const otherOrg = await makeOrganization(db, { kind: "training_provider", regionCode: "610902001" });
    provider = await user("employer");
    otherProvider = await user("employer");
    await db.membership.create({ data: { userId: provider.id, organizationId: providerOrg.id, role: "owner" } });
    await db.membership.create({ data: { userId: otherProvider.id, organizationId: otherOrg.id, role: "owner" } });
    finished = await makeCourse(db, PEDICURE, {
      providerId: providerOrg.id, brandCode: "ziyang_pedicure", credentialCode: "special_pedicure", hours: 100, subsidy: 1500, cost: 2000, groups: ",returnee,",
      startDate: new Date("2026-03-01T00:00:00Z"), endDate: new Date("2026-04-30T00:00:00Z"), enrolDeadline: new Date("2026-02-28T15:59:59Z"), totalPlaces: 30, placesLeft: 30,
    });
  });
  afterAll(async () => cleanup());

  /** Enrols someone on the finished course as on a day before its deadline. */
  const enrolBefore = async (learner: { id: number }, name: string) => {
    const r = await enrol(learner, finished.id, { name, subsidy: true }, new Date("2026-02-20T02:00:00Z"));
    if (!r.ok || !("enrolmentId" in r)) throw new Error(`enrol failed: ${JSON.stringify(r)}`);
    return r.enrolmentId;
  };

  it("refuses bad input, a passed deadline and a full course with messages; enrolling takes a place with a search update in the same transaction", async () => {
    const bad = enrolSchema.safeParse({ name: "  " });
    expect(bad.success ? [] : bad.error.issues.map((i) => [i.path.join("."), i.message])).toEqual([["name", "training.errors.nameRequired"]]);
    expect(outcomeSchema.safeParse({ intent: "attendance", hours: "ten" }).error?.issues[0]?.message).toBe("training.errors.hoursNumber");

    const learner = await seeker("迟到者");
    expect(await enrol(learner, finished.id, { name: "迟到者", subsidy: false }, NOW)).toEqual({ ok: false, formError: "training.errors.deadlinePassed" });

    const small = await makeCourse(db, PEDICURE, { providerId: providerOrg.id, brandCode: "ziyang_pedicure", totalPlaces: 1, placesLeft: 1, enrolDeadline: new Date(NOW.getTime() + 10 * DAY), startDate: new Date(NOW.getTime() + 12 * DAY) });
    const first = await seeker("第一位");
    const outboxBefore = await db.searchOutbox.count({ where: { docId: `course-${small.id}` } });
    const page = await enrolPage(first.id, small.id, NOW);
    expect(page).toMatchObject({ open: true, full: false, subsidyEligible: true, name: "第一位" });
    const ok = await enrol(first, small.id, { name: "第一位", subsidy: true }, NOW);
    expect(ok.ok).toBe(true);
    expect((await db.trainingCourse.findUniqueOrThrow({ where: { id: small.id } })).placesLeft).toBe(0);
    expect(await db.searchOutbox.count({ where: { docId: `course-${small.id}` } })).toBe(outboxBefore + 1);
    expect(await db.trainingEnrolment.findFirst({ where: { courseId: small.id, userId: first.id }, select: { subsidyRequested: true, subsidyEligible: true, status: true } })).toEqual({ subsidyRequested: true, subsidyEligible: true, status: "enrolled" });

    expect(await enrol(first, small.id, { name: "第一位", subsidy: false }, NOW)).toEqual({ ok: false, formError: "training.errors.alreadyEnrolled" });
    const second = await seeker("第二位");
    expect(await enrol(second, small.id, { name: "第二位", subsidy: false }, NOW)).toEqual({ ok: false, formError: "training.errors.full" });
    expect(await db.searchOutbox.count({ where: { docId: `course-${small.id}` } })).toBe(outboxBefore + 1);
  });

  it("a provider sees and records only its own courses' learners; another provider's are not found", async () => {
    const learner = await seeker("学员甲");
    const enrolmentId = await enrolBefore(learner, "学员甲");
    const own = await providerCourse(provider, finished.id, NOW);
    expect(own?.learners.map((l) => l.name)).toContain("学员甲");
    expect((await providerCourses(provider, NOW)).courses.map((c) => c.id)).toContain(finished.id);
    expect(await providerCourse(otherProvider, finished.id, NOW)).toBeNull();
    expect((await providerCourses(otherProvider, NOW)).courses.map((c) => c.id)).not.toContain(finished.id);
    expect(await recordOutcome({ id: otherProvider.id, role: "employer" }, enrolmentId, { intent: "attendance", hours: 10 }, NOW)).toEqual({ ok: false, reason: "not_found" });
  });

  it("attendance and completion are recorded with history and audit; the certificate reaches the profile and posts wanting it are shown", async () => {
    const learner = await seeker("陈学艺");
    const enrolmentId = await enrolBefore(learner, "陈学艺");
    const actor = { id: provider.id, role: "employer" };
    expect(await recordOutcome(actor, enrolmentId, { intent: "attendance", hours: 101 }, NOW)).toEqual({ ok: false, fieldErrors: { hours: ["training.errors.hoursOverCourse"] } });
    expect(await recordOutcome(actor, enrolmentId, { intent: "attendance", hours: 96 }, NOW)).toEqual({ ok: true, name: "陈学艺" });
    expect(await recordOutcome(actor, enrolmentId, { intent: "complete", withCertificate: true, certificateNumber: "ZY-2026-001" }, NOW)).toEqual({ ok: true, name: "陈学艺" });
    expect(await recordOutcome(actor, enrolmentId, { intent: "complete", withCertificate: true }, NOW)).toEqual({ ok: false, formError: "training.errors.alreadyCompleted" });

    const row = await db.trainingEnrolment.findUniqueOrThrow({ where: { id: enrolmentId }, include: { events: { orderBy: { id: "asc" } } } });
    expect(row).toMatchObject({ status: "completed", attendedHours: 96, certificateCode: "special_pedicure", certificateNumber: "ZY-2026-001" });
    expect(row.events.map((e) => e.status)).toEqual(["enrolled", "attendance", "completed"]);
    expect(await db.auditLog.findMany({ where: { entityType: "trainingEnrolment", entityId: String(enrolmentId) }, select: { action: true, actorId: true } })).toEqual([
      { action: "training.attendance", actorId: provider.id },
      { action: "training.complete", actorId: provider.id },
    ]);
    const profile = await db.seekerProfile.findUniqueOrThrow({ where: { userId: learner.id } });
    expect(profile.credentials).toContain(",special_pedicure,");
    expect(profile.brandsTrained).toContain(",ziyang_pedicure,");

    const employer = await makeOrganization(db, { regionCode: "610924101", name: "紫阳足道连锁测试店" });
    const post = await makePosting(db, { organizationId: employer.id, kind: "job", title: "持证修脚师（测试）", regionCode: "610924101", credentials: ",special_pedicure,", publishedAt: new Date("2026-12-31T00:00:00Z") /* the newest of the demo */, validUntil: new Date(NOW.getTime() + 30 * DAY) });
    const [mine] = await myEnrolments(learner.id, NOW);
    expect(mine?.posts.map((p) => p.id)).toContain(post.id);
  });

  it("a placement within six months of completing counts as employment after training, once per person and year; a later one does not", async () => {
    const learner = await seeker("周返乡");
    const enrolmentId = await enrolBefore(learner, "周返乡");
    await recordOutcome({ id: provider.id, role: "employer" }, enrolmentId, { intent: "complete", withCertificate: true }, new Date("2026-04-30T08:00:00Z"));
    const employer = await makeOrganization(db, { regionCode: "610924101" });
    const owner = await user("employer");
    await db.membership.create({ data: { userId: owner.id, organizationId: employer.id, role: "owner" } });
    const staff = { ...(await user("staff", "610924")), role: "staff" as const };
    const indicator = await db.indicator.findFirstOrThrow({ where: { code: "after_training_employment", plan: { code: "ankang-2026" } } });
    const credits = () => db.indicatorCredit.count({ where: { indicatorId: indicator.id, personKey: `user:${learner.id}` } });

    const hire = async (title: string, startDate: string) => {
      const post = await makePosting(db, { organizationId: employer.id, kind: "job", title, regionCode: "610924101", publishedAt: NOW, validUntil: new Date(NOW.getTime() + 30 * DAY) });
      const applied = await apply(learner.id, post.id, NOW);
      if (!applied.ok) throw new Error(JSON.stringify(applied));
      const hired = await decide(owner.id, applied.applicationId, { intent: "hired", startDate }, NOW);
      if (!hired.ok || !hired.placementId) throw new Error(JSON.stringify(hired));
      expect(await decidePlacement(staff, { id: hired.placementId, intent: "verify" }, NOW)).toMatchObject({ ok: true });
      return db.placement.findUniqueOrThrow({ where: { id: hired.placementId } });
    };
    const first = await hire("修脚师（一）", "2026-06-01");
    expect(first.afterTrainingEnrolmentId).toBe(enrolmentId);
    expect(await credits()).toBe(1);
    // A second start the same year (another post of the same employer) never counts twice.
    const second = await hire("修脚师（二）", "2026-06-10");
    expect(second.afterTrainingEnrolmentId).toBe(enrolmentId);
    expect(await credits()).toBe(1);

    const late = await seeker("晚就业");
    const lateId = await enrolBefore(late, "晚就业");
    await recordOutcome({ id: provider.id, role: "employer" }, lateId, { intent: "complete", withCertificate: false }, new Date("2026-04-30T08:00:00Z"));
    const post = await makePosting(db, { organizationId: employer.id, kind: "job", title: "修脚师（晚）", regionCode: "610924101", publishedAt: NOW, validUntil: new Date("2026-12-31T00:00:00Z") });
    const applied = await apply(late.id, post.id, new Date("2026-11-10T02:00:00Z"));
    if (!applied.ok) throw new Error(JSON.stringify(applied));
    const hired = await decide(owner.id, applied.applicationId, { intent: "hired", startDate: "2026-11-15" }, new Date("2026-11-10T02:00:00Z"));
    expect(hired.ok && (await db.placement.findUniqueOrThrow({ where: { id: hired.placementId! } })).afterTrainingEnrolmentId).toBeNull();
  });

  it("rates: completion over finished courses' learners, placement over completers; the brand page shows courses, posts, partners and this year's figures", async () => {
    // On the finished course now: 学员甲 (enrolled, not completed), 陈学艺 (completed, not placed), 周返乡 (completed, placed), 晚就业 (completed, placed too late).
    const results = await courseResults(finished.id, NOW);
    expect(results?.course).toMatchObject({ enrolled: 4, completedOfFinished: 3, completed: 3, placed: 1, completionRate: 7500, placementRate: 3333 });
    expect(results?.provider).toMatchObject({ completed: 3, placed: 1 });

    const page = await brandPage("ziyang_pedicure", "zh-CN", NOW);
    expect(page?.brand).toMatchObject({ name: "紫阳修脚师", trade: "修脚" });
    expect(page?.courses.map((c) => c.id)).toContain(finished.id);
    expect(page?.posts.map((p) => p.title)).toContain("持证修脚师（测试）");
    // Partners: the employers behind the posts that want the brand, most posts first.
    const employers = new Set(page!.posts.map((p) => p.employer));
    expect(page!.partnersTotal).toBeGreaterThanOrEqual(employers.size);
    expect(page!.partners.map((p) => p.posts)).toEqual([...page!.partners.map((p) => p.posts)].sort((a, b) => b - a));
    expect(page?.figures.year).toBe(2026);
    // This year's figures from the records, the seeded demo's own included: ours add 3 completions, 2 certificates, 1 person placed.
    const seededCourses = (await db.trainingCourse.findMany({ where: { brandCode: "ziyang_pedicure" }, select: { id: true } })).map((c) => c.id);
    const completed = await db.trainingEnrolment.count({ where: { courseId: { in: seededCourses }, status: "completed", completedAt: { gte: new Date("2025-12-31T16:00:00Z") } } });
    expect(page?.figures.trained).toBe(completed);
    expect(page?.figures.certified).toBe(completed - 1);
    expect(page?.figures.placed).toBe(1);
    expect(await brandPage("no_such_brand", "zh-CN", NOW)).toBeNull();
  });
});
