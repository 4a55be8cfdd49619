import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "../db.server.ts";
import { parseSearchParams } from "../search/params.ts";
import { loadSearchPage } from "../search/search-page.server.ts";
import { outboxStatus } from "../search/outbox.server.ts";
import type { StaffActor } from "../staff/scope.ts";
import { createTestServices, type TestServices } from "../../../tests/setup/test-env.ts";
import { makeOrganization } from "../../../prisma/seed/factories.ts";
import { rebuildIndex } from "../../../search/indexer.ts";
import { OutboxWorker, setOutboxWorker } from "../../../search/outbox-worker.ts";
import { addDays, chinaDay, endOfDay } from "./dates.ts";
import { enqueueExpired } from "./expiry.server.ts";
import {
  createPosting,
  employerPosting,
  listEmployerPostings,
  moderatePosting,
  moderationQueue,
  postingAction,
  postingForEdit,
  updatePosting,
} from "./postings.server.ts";
import { fullPostingSchema, gigPostingSchema, type PostingInput } from "./schemas.ts";

const today = () => chinaDay(new Date());

/** A job as the form would send it, through the form's own schema. */
function jobInput(title: string, changes: Record<string, unknown> = {}): PostingInput {
  return fullPostingSchema.parse({
    kind: "job",
    title,
    description: "负责电子线束装配和质检，白班 8:00–17:30，月休 4 天。",
    requirements: "初中以上文化，男女不限，视力良好。",
    countyCode: "610924",
    address: "紫阳县城关镇工业园 3 号厂房",
    headcount: 5,
    payMin: 3200,
    payMax: 4500,
    payPeriod: "month",
    contractType: "full_time",
    education: "junior",
    benefits: ["meals", "insurance"],
    groups: ["returnee"],
    howToApply: "电话联系，或带身份证到厂区面试。",
    contactPhone: "0915-4312345",
    validUntil: addDays(today(), 30),
    ...changes,
  });
}

function gigInput(title: string, workDate = addDays(today(), 1)): PostingInput {
  return gigPostingSchema.parse({
    kind: "gig",
    title,
    description: "茶园采摘明前茶，按斤另有奖励。",
    requirements: "身体健康，准时到岗。",
    countyCode: "610924",
    address: "紫阳县焕古镇茶园",
    headcount: 12,
    workDate,
    startTime: "07:00",
    endTime: "16:00",
    pay: 150,
    payPeriod: "day",
    contactPhone: "13800000002",
  });
}

const params = (query: string) => parseSearchParams(new URLSearchParams(query)).params;

describe("postings: employer lifecycle, staff moderation and search sync (real SQLite, real Meilisearch)", () => {
  let services: TestServices;
  let db: Db;
  let worker: OutboxWorker;
  let employerId: number;
  let organizationId: number;
  let ziyang: StaffActor;
  let hanbin: StaffActor;
  let outsiderId: number;

  const inIndex = async (docId: string) =>
    services.search.connection.client.index(services.indexUid).getDocument(docId).then(() => true, () => false);
  const searchFinds = async (token: string, id: number) => {
    const page = await loadSearchPage(params(`q=${token}`), [], "zh-CN");
    return page.source === "search" && page.cards.some((c) => c.id === id);
  };
  const drain = async (now = new Date()) => {
    while ((await worker.runOnce(now)) > 0);
  };
  const actor = async (email: string): Promise<StaffActor> => {
    const u = await db.user.findUniqueOrThrow({ where: { email } });
    return { id: u.id, role: u.role as StaffActor["role"], staffRegionCode: u.staffRegionCode };
  };
  const approve = (id: number, now?: Date) => moderatePosting(ziyang, { intent: "approve", id }, now);
  const create = async (input: PostingInput, now?: Date) => {
    const result = await createPosting(employerId, input, now);
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    return result.id;
  };

  beforeAll(async () => {
    services = await createTestServices("postings", { seeded: true });
    db = services.db;
    // The demo data's full index, built as the app builds it at boot.
    await rebuildIndex(db, services.search.connection);
    worker = new OutboxWorker(db, services.search);
    const employer = await db.user.findUniqueOrThrow({ where: { email: "hr@demo-employer.cn" }, include: { memberships: true } });
    employerId = employer.id;
    organizationId = employer.memberships[0]!.organizationId;
    ziyang = await actor("ziyang@demo.ankang.gov.cn");
    hanbin = await actor("hanbin@demo.ankang.gov.cn");
    const otherOrg = await makeOrganization(db, { regionCode: "610902001" });
    const outsider = await db.user.create({ data: { email: "other-hr@example.com", passwordHash: "x", role: "employer", displayName: "别家人事" } });
    await db.membership.create({ data: { userId: outsider.id, organizationId: otherOrg.id, role: "owner" } });
    outsiderId = outsider.id;
    await db.searchOutbox.deleteMany();
  });

  afterAll(async () => {
    setOutboxWorker(undefined);
    await worker.stop();
    await services.cleanup();
  });

  it("creates a post waiting for staff, or a draft, and shows the employer a preview and counts by status", async () => {
    const before = await listEmployerPostings(employerId, "all", 1);
    const pendingId = await create(jobInput("电子线束装配工 PX1001"));
    const draft = await createPosting(employerId, { ...jobInput("电子线束装配工 PX1002"), intent: "draft" });
    expect(draft).toMatchObject({ ok: true, status: "draft" });

    // The title says which occupation it is for (电子线束装配工 → 6-25-04-07), until the form offers the classification.
    expect((await db.posting.findUniqueOrThrow({ where: { id: pendingId } })).occupationCode).toBe("6-25-04-07");

    const preview = await employerPosting(employerId, pendingId, "zh-CN");
    expect(preview?.status).toBe("pending");
    expect(preview?.searchable).toBe(false);
    expect(preview?.view.organization.name).toBeTruthy();
    expect(preview?.view.place).toBe("安康市 · 紫阳县");
    expect(preview?.view.pay).toEqual({ min: 3200, max: 4500, period: "month" });
    expect(preview?.actions).toMatchObject({ submit: false, close: true, reopen: false, copy: true });

    const after = await listEmployerPostings(employerId, "pending", 1);
    expect(after.counts.pending).toBe(before.counts.pending + 1);
    expect(after.counts.draft).toBe(before.counts.draft + 1);
    expect(after.rows.every((r) => r.status === "pending")).toBe(true);
    expect(after.rows.some((r) => r.id === pendingId)).toBe(true);
    // Nothing unpublished reaches the index, though every write queued a sync.
    await drain();
    expect(await inIndex(`job-${pendingId}`)).toBe(false);
  });

  it("publishes on approval: audit, notification, search sync in one go; the worker makes it searchable", async () => {
    const id = await create(jobInput("修脚师 PX2001"));
    const result = await approve(id);
    expect(result).toEqual({ ok: true, status: "published", title: "修脚师 PX2001" });
    const row = await db.posting.findUniqueOrThrow({ where: { id } });
    expect(row).toMatchObject({ status: "published", reviewedById: ziyang.id });
    expect(row.publishedAt).not.toBeNull();
    expect(await db.searchOutbox.count({ where: { docId: `job-${id}` } })).toBeGreaterThan(0);
    const log = await db.auditLog.findFirstOrThrow({ where: { entityType: "posting", entityId: String(id) } });
    expect(log).toMatchObject({ action: "posting.approve", actorId: ziyang.id });
    expect(log.regionCode?.startsWith("610924")).toBe(true);
    const note = await db.notification.findFirstOrThrow({ where: { userId: employerId, type: "postingApproved" }, orderBy: { id: "desc" } });
    expect(JSON.parse(note.params)).toEqual({ title: "修脚师 PX2001" });
    expect(note.link).toBe(`/employer/postings/${id}`);

    await drain();
    expect(await db.searchOutbox.count()).toBe(0);
    expect(await searchFinds("PX2001", id)).toBe(true);
    expect(await approve(id)).toEqual({ ok: false, reason: "already_decided" });
  });

  it("takes an edited post out of search until it is approved again, and closed or rejected posts leave search", async () => {
    const id = await create(jobInput("养老护理员 PX3001"));
    await approve(id);
    await drain();
    expect(await searchFinds("PX3001", id)).toBe(true);

    const edited = await updatePosting(employerId, id, jobInput("养老护理员 PX3001", { payMax: 5200 }));
    expect(edited).toEqual({ ok: true, id, status: "pending" });
    await drain();
    expect(await inIndex(`job-${id}`)).toBe(false);
    expect(await searchFinds("PX3001", id)).toBe(false);

    await approve(id);
    await drain();
    expect(await searchFinds("PX3001", id)).toBe(true);

    expect(await postingAction(employerId, id, "close")).toEqual({ ok: true, id });
    await drain();
    expect(await inIndex(`job-${id}`)).toBe(false);
    expect((await employerPosting(employerId, id, "zh-CN"))?.status).toBe("closed");

    // Reopening sends it back to staff, not straight to search.
    expect(await postingAction(employerId, id, "reopen")).toEqual({ ok: true, id });
    await drain();
    expect((await db.posting.findUniqueOrThrow({ where: { id } })).status).toBe("pending");
    expect(await inIndex(`job-${id}`)).toBe(false);

    const rejected = await moderatePosting(ziyang, { intent: "reject", id, reason: "工资写法不清楚，请写明每月工资范围。" });
    expect(rejected).toEqual({ ok: true, status: "rejected", title: "养老护理员 PX3001" });
    await drain();
    expect(await inIndex(`job-${id}`)).toBe(false);
    const preview = await employerPosting(employerId, id, "zh-CN");
    expect(preview).toMatchObject({ status: "rejected", rejectionReason: "工资写法不清楚，请写明每月工资范围。" });
    const note = await db.notification.findFirstOrThrow({ where: { userId: employerId, type: "postingRejected" }, orderBy: { id: "desc" } });
    expect(JSON.parse(note.params)).toMatchObject({ reason: "工资写法不清楚，请写明每月工资范围。" });
    expect(await db.auditLog.count({ where: { entityId: String(id), action: "posting.reject" } })).toBe(1);
  });

  it("lets a gig end by itself: gone from search after its work day, and from the index at the next sweep", async () => {
    const id = await create(gigInput("采茶工 PX4001", today()));
    await approve(id);
    await drain();
    expect(await searchFinds("PX4001", id)).toBe(true);
    const row = await db.posting.findUniqueOrThrow({ where: { id } });
    expect(row.validUntil.getTime()).toBe(endOfDay(today()).getTime());
    expect(row).toMatchObject({ payMin: 150, payMax: 150, payPeriod: "day", contractType: "gig", startTime: "07:00", endTime: "16:00" });

    const nextMorning = new Date(row.validUntil.getTime() + 6 * 3_600_000);
    // Searches hide it at once (the query filters on validUntil)…
    const page = await loadSearchPage(params("q=PX4001"), [], "zh-CN", nextMorning);
    expect(page.source).toBe("search");
    expect(page.cards.some((c) => c.id === id)).toBe(false);
    // …and the sweep queues it, so the worker removes it from the index.
    expect(await enqueueExpired(db, nextMorning)).toBeGreaterThan(0);
    await drain(nextMorning);
    expect(await inIndex(`gig-${id}`)).toBe(false);
    expect(await enqueueExpired(db, new Date(nextMorning.getTime() + 60_000))).toBe(0);
    // An expired post cannot be reopened or approved; it can be copied into a new draft.
    expect(await postingAction(employerId, id, "copy", nextMorning)).toMatchObject({ ok: true });
  });

  it("submits a draft, copies a post into a new draft, and refuses what the state does not allow", async () => {
    const draftResult = await createPosting(employerId, { ...gigInput("搬运工 PX5001"), intent: "draft" });
    if (!draftResult.ok) throw new Error("draft not saved");
    const id = draftResult.id;
    expect(await postingAction(employerId, id, "close")).toMatchObject({ ok: false, reason: "not_allowed" });
    expect(await postingAction(employerId, id, "submit")).toEqual({ ok: true, id });
    expect((await db.posting.findUniqueOrThrow({ where: { id } })).status).toBe("pending");
    expect(await postingAction(employerId, id, "submit")).toMatchObject({ ok: false, reason: "not_allowed" });

    const copy = await postingAction(employerId, id, "copy");
    if (!copy.ok) throw new Error("not copied");
    const copied = await db.posting.findUniqueOrThrow({ where: { id: copy.id } });
    expect(copied).toMatchObject({ status: "draft", title: "搬运工 PX5001", kind: "gig", organizationId, createdById: employerId, publishedAt: null });
    expect((await postingForEdit(employerId, copy.id))?.values).toMatchObject({ kind: "gig", title: "搬运工 PX5001", pay: "150", payPeriod: "day", startTime: "07:00" });

    // Text saved before the content check existed is checked again when it goes to staff.
    await db.posting.update({ where: { id: copy.id }, data: { requirements: "限男性，身体健康" } });
    expect(await postingAction(employerId, copy.id, "submit")).toEqual({ ok: false, reason: "not_allowed", message: "postings.check.sex?phrase=%E9%99%90%E7%94%B7%E6%80%A7" });
  });

  it("keeps each organization's posts to itself and each county's queue to its staff", async () => {
    const id = await create(jobInput("电商客服 PX6001"));
    expect(await employerPosting(outsiderId, id, "zh-CN")).toBeNull();
    expect(await postingForEdit(outsiderId, id)).toBeNull();
    expect(await updatePosting(outsiderId, id, jobInput("被别人改了"))).toEqual({ ok: false, notFound: true });
    for (const action of ["close", "copy", "submit", "reopen"] as const) {
      expect(await postingAction(outsiderId, id, action)).toEqual({ ok: false, reason: "not_found" });
    }
    expect((await listEmployerPostings(outsiderId, "all", 1)).rows.some((r) => r.id === id)).toBe(false);

    // Hanbin's staff neither see nor decide Ziyang's posts.
    expect((await moderationQueue(hanbin, 1, "zh-CN")).rows.some((r) => r.view.id === id)).toBe(false);
    expect(await moderatePosting(hanbin, { intent: "approve", id })).toEqual({ ok: false, reason: "not_found" });
    expect(await moderatePosting(hanbin, { intent: "reject", id, reason: "x" })).toEqual({ ok: false, reason: "not_found" });
    const queue = await moderationQueue(ziyang, 1, "zh-CN");
    const row = queue.rows.find((r) => r.view.id === id);
    expect(row?.findings).toEqual([]);
    expect(row?.organization.status).toBe("verified");
    const city = await actor("city@demo.ankang.gov.cn");
    expect((await moderatePosting(city, { intent: "approve", id })).ok).toBe(true);
    expect((await db.posting.findUniqueOrThrow({ where: { id } })).status).toBe("published");
  });

  it("publishes nothing from an organization that is not verified", async () => {
    const org = await makeOrganization(db, { regionCode: "610924101", status: "pending" });
    const user = await db.user.create({ data: { email: "new-hr@example.com", passwordHash: "x", role: "employer", displayName: "新单位人事" } });
    await db.membership.create({ data: { userId: user.id, organizationId: org.id, role: "owner" } });
    const result = await createPosting(user.id, jobInput("仓库管理员 PX7001"));
    if (!result.ok) throw new Error("not created");
    const queued = (await moderationQueue(ziyang, 1, "zh-CN")).rows.find((r) => r.view.id === result.id);
    expect(queued?.organization.status).toBe("pending");
    expect(await approve(result.id)).toEqual({ ok: false, reason: "organization_not_verified" });
    expect((await db.posting.findUniqueOrThrow({ where: { id: result.id } })).status).toBe("pending");
    // A post whose date has passed is not approved either.
    const late = await create(gigInput("装卸工 PX7002", today()));
    expect(await approve(late, addDaysInstant(endOfDay(today()), 1))).toEqual({ ok: false, reason: "expired" });
  });

  it("refuses an employer without an organization", async () => {
    const user = await db.user.create({ data: { email: "no-org@example.com", passwordHash: "x", role: "employer", displayName: "无单位" } });
    expect(await createPosting(user.id, jobInput("普工 PX8001"))).toEqual({ ok: false, errors: { form: "postings.errors.noOrganization" } });
  });

  it("makes an approved post searchable within 2 seconds with the worker the app starts", async () => {
    await drain();
    worker.start();
    setOutboxWorker(worker);
    const times: number[] = [];
    try {
      for (const n of [1, 2, 3, 4, 5]) {
        const token = `PX900${n}`;
        const id = await create(gigInput(`清洁工 ${token}`));
        const started = Date.now();
        await approve(id); // wakes the worker after the commit, as the staff page does
        while (!(await searchFinds(token, id))) {
          if (Date.now() - started > 15_000) throw new Error(`${token} not searchable after 15 s`);
          await new Promise((r) => setTimeout(r, 50));
        }
        times.push(Date.now() - started);
      }
    } finally {
      await worker.stop();
      setOutboxWorker(undefined);
    }
    console.log(`approval to searchable on the /search page: ${times.join(" ms, ")} ms`);
    // Meilisearch commits each write to disk; on a busy shared machine one commit can stall for
    // seconds, so the requirement is asserted on the median of five, and every one must arrive.
    const median = [...times].sort((a, b) => a - b)[2]!;
    expect(median).toBeLessThan(2000);
    expect((await outboxStatus(db)).waiting).toBe(0);
  });
});

function addDaysInstant(date: Date, days: number) {
  return new Date(date.getTime() + days * 86_400_000);
}
