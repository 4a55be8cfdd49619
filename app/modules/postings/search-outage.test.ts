import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDb, setDb, type Db } from "../db.server.ts";
import { outboxStatus } from "../search/outbox.server.ts";
import type { StaffActor } from "../staff/scope.ts";
import { copySeededDatabase } from "../../../tests/setup/test-env.ts";
import { docId, type OpportunityKind } from "../../../search/documents.ts";
import { rebuildIndex } from "../../../search/indexer.ts";
import { openWhere } from "../opportunities/open.ts";
import { getFreePort, startMeili, type RunningMeili } from "../../../search/launcher.ts";
import { OutboxWorker, setOutboxWorker } from "../../../search/outbox-worker.ts";
import { SearchService, setSearchService } from "../../../search/service.ts";
import { addDays, chinaDay } from "./dates.ts";
import { enqueueExpired } from "./expiry.server.ts";
import { createPosting, moderatePosting, postingAction, updatePosting } from "./postings.server.ts";
import { fullPostingSchema, gigPostingSchema, type PostingInput } from "./schemas.ts";

const KEY = "outage-test-key-0123456789";

/** Post number n (every third a gig); `version` changes the words, never the kind. */
function input(n: number, version = 1): PostingInput {
  const day = addDays(chinaDay(new Date()), 1 + (n % 20));
  const tag = `OUT${n}${version > 1 ? `v${version}` : ""}`;
  if (n % 3 === 0) {
    return gigPostingSchema.parse({
      kind: "gig", title: `搬运装卸工 ${tag}`, description: "货场搬运装卸，按天结算工钱。", requirements: "身体健康，准时到岗。",
      countyCode: "610924", address: "紫阳县城关镇物流园", headcount: 4, workDate: day, startTime: "08:00", endTime: "17:00", pay: 160, payPeriod: "day", contactPhone: "0915-4312345",
    });
  }
  return fullPostingSchema.parse({
    kind: n % 3 === 1 ? "job" : "internship", title: `电子商务专员 ${tag}`, description: "负责网店运营、直播带货和客服工作。", requirements: "大专以上学历，男女不限。",
    countyCode: "610924", address: "紫阳县城关镇电商产业园", headcount: 2, payMin: 2200, payMax: 3800, howToApply: "电话联系或到产业园面试。",
    validUntil: day, durationMonths: 6,
  });
}

/**
 * The outage drill from the requirement: with Meilisearch stopped, 50 posts are published, edited
 * and closed through the module; the worker keeps failing and keeps every row with its error and a
 * later retry; Meilisearch comes back, the worker drains the queue, and the index then holds
 * exactly the database's open items. This file runs its own Meilisearch on a fixed port so it can
 * stop and start it.
 */
describe("search stays exact through a Meilisearch outage", () => {
  let meili: RunningMeili;
  let meiliDir: string;
  let dbDir: string;
  let port: number;
  let db: Db;
  let service: SearchService;
  let worker: OutboxWorker;
  let employerId: number;
  let staff: StaffActor;
  let clock = new Date();
  const tick = (ms: number) => (clock = new Date(clock.getTime() + ms));

  /** Every document id in the index. */
  async function indexedIds(): Promise<Set<string>> {
    const index = service.connection.client.index(service.connection.indexUid);
    const ids = new Set<string>();
    for (let offset = 0; ; offset += 1000) {
      const page = await index.getDocuments<{ id: string }>({ fields: ["id"], limit: 1000, offset });
      for (const doc of page.results) ids.add(doc.id);
      if (page.results.length < 1000) return ids;
    }
  }

  /** What the index must hold: every open post, base and course in the database at `now`. */
  async function expectedIds(now: Date): Promise<Set<string>> {
    const [postings, bases, courses] = await Promise.all([
      db.posting.findMany({ where: openWhere.posting(now), select: { id: true, kind: true } }),
      db.incubationBase.findMany({ where: { status: "published" }, select: { id: true } }),
      db.trainingCourse.findMany({ where: { status: "published", enrolDeadline: { gte: now } }, select: { id: true } }),
    ]);
    return new Set([
      ...postings.map((p) => docId(p.kind as OpportunityKind, p.id)),
      ...bases.map((b) => docId("base", b.id)),
      ...courses.map((c) => docId("course", c.id)),
    ]);
  }

  beforeAll(async () => {
    meiliDir = fs.mkdtempSync(path.join(os.tmpdir(), "jobs-outage-meili-"));
    port = await getFreePort();
    meili = await startMeili({ dataDir: meiliDir, port, masterKey: KEY });
    const copy = copySeededDatabase();
    dbDir = copy.dir;
    db = createDb(copy.url);
    setDb(db);
    service = new SearchService(meili.url, meili.masterKey, "opportunities", 300);
    setSearchService(service);
    setOutboxWorker(undefined); // runs are driven by hand below, with a clock the test moves
    worker = new OutboxWorker(db, service);
    await rebuildIndex(db, service.connection, { now: clock });
    // The sweep's first run covers everything that expired before today: start from a clean queue.
    await enqueueExpired(db, clock);
    while ((await worker.runOnce(clock)) > 0);
    employerId = (await db.user.findUniqueOrThrow({ where: { email: "hr@demo-employer.cn" } })).id;
    const u = await db.user.findUniqueOrThrow({ where: { email: "ziyang@demo.ankang.gov.cn" } });
    staff = { id: u.id, role: "staff", staffRegionCode: u.staffRegionCode };
  });

  afterAll(async () => {
    await meili.stop();
    await db.$disconnect();
    fs.rmSync(meiliDir, { recursive: true, force: true });
    fs.rmSync(dbDir, { recursive: true, force: true });
  });

  it("starts exact: the index holds the database's open items", async () => {
    expect(await indexedIds()).toEqual(await expectedIds(clock));
    expect(await db.searchOutbox.count()).toBe(0);
  });

  it("keeps every change while Meilisearch is down, with the last error and growing retry times, and loses nothing when it is back", async () => {
    const ids: number[] = [];
    for (let n = 0; n < 50; n++) {
      const result = await createPosting(employerId, input(n), clock);
      if (!result.ok) throw new Error(JSON.stringify(result.errors));
      ids.push(result.id);
    }
    // Published posts of the demo employer that also change during the outage.
    const seeded = await db.posting.findMany({ where: { organization: { members: { some: { userId: employerId } } }, ...openWhere.posting(clock), id: { notIn: ids } }, take: 6 });
    expect(seeded.length).toBeGreaterThanOrEqual(4);

    await meili.stop();

    // Publish all 50; edit 20 of them (back to review, out of search), approve 10 of those again;
    // close 15 others; edit and close demo posts that were in the index.
    for (const id of ids) expect((await moderatePosting(staff, { intent: "approve", id }, clock)).ok).toBe(true);
    for (const [i, id] of ids.slice(0, 20).entries()) expect((await updatePosting(employerId, id, input(i, 2), clock)).ok).toBe(true);
    for (const id of ids.slice(0, 10)) expect((await moderatePosting(staff, { intent: "approve", id }, clock)).ok).toBe(true);
    for (const id of ids.slice(20, 35)) expect(await postingAction(employerId, id, "close", clock)).toEqual({ ok: true, id });
    const [editedSeed, closedSeed, ...otherSeed] = seeded;
    const sameKind = { gig: 0, job: 1, internship: 2 }[editedSeed!.kind as OpportunityKind & PostingInput["kind"]];
    expect((await updatePosting(employerId, editedSeed!.id, input(sameKind, 2), clock)).ok).toBe(true);
    expect((await postingAction(employerId, closedSeed!.id, "close", clock)).ok).toBe(true);
    for (const row of otherSeed) expect((await postingAction(employerId, row.id, "close", clock)).ok).toBe(true);

    const queued = await db.searchOutbox.count();
    expect(queued).toBeGreaterThanOrEqual(50 + 50 + 20 + 10 + 15 + 2 + otherSeed.length);

    // The worker keeps trying: each run fails, keeps every row, and pushes the next try further out.
    let previousNext = 0;
    for (let attempt = 1; attempt <= 4; attempt++) {
      expect(await worker.runOnce(clock)).toBe(0);
      const rows = await db.searchOutbox.findMany();
      expect(rows).toHaveLength(queued);
      for (const row of rows) {
        expect(row.attempts).toBe(attempt);
        expect(row.lastError).toBeTruthy();
      }
      const next = Math.max(...rows.map((r) => r.nextAttempt.getTime()));
      expect(next - clock.getTime()).toBe(1000 * 2 ** (attempt - 1));
      expect(next).toBeGreaterThan(previousNext);
      previousNext = next;
      // Not due yet: a run before the retry time touches nothing.
      expect(await worker.runOnce(clock)).toBe(0);
      expect((await db.searchOutbox.findFirstOrThrow()).attempts).toBe(attempt);
      clock = new Date(next);
    }
    const status = await outboxStatus(db, clock);
    expect(status.waiting).toBe(queued);
    expect(status.failing.length).toBeGreaterThan(0);
    expect(status.failing[0]!.lastError).toBeTruthy();

    meili = await startMeili({ dataDir: meiliDir, port, masterKey: KEY });
    tick(1000);
    await enqueueExpired(db, clock); // as the hourly sweep would: anything that expired meanwhile
    let runs = 0;
    while ((await db.searchOutbox.count()) > 0) {
      await worker.runOnce(clock);
      if (++runs > 20) throw new Error("outbox did not drain");
    }

    const indexed = await indexedIds();
    const expected = await expectedIds(clock);
    expect([...indexed].filter((id) => !expected.has(id))).toEqual([]);
    expect([...expected].filter((id) => !indexed.has(id))).toEqual([]);
    // And the particular changes are there: 10 re-approved and 15 untouched new posts in, the rest out.
    const newIn = ids.filter((id, i) => indexed.has(docId(input(i).kind, id)));
    expect(newIn).toEqual([...ids.slice(0, 10), ...ids.slice(35)]);
    expect(seeded.some((row) => indexed.has(docId(row.kind as OpportunityKind, row.id)))).toBe(false);
  });
});
