import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rebuildIndex } from "../../search/indexer.ts";
import { MAX_REFUSALS, OutboxWorker, setOutboxWorker } from "../../search/outbox-worker.ts";
import { SearchService } from "../../search/service.ts";
import { openSeededDatabase } from "../../tests/setup/test-env.ts";
import { createI18n } from "~/i18n/i18n.server.ts";
import { createSession } from "~/modules/auth/session.server.ts";
import type { Db } from "~/modules/db.server.ts";
import { action, loader } from "./staff.outbox.tsx";

/**
 * /staff/outbox and its dead set at route level: loader and action called as the browser posts
 * the page's forms (urlencoded, no JavaScript), against a copy of the demo data and the suite's
 * real Meilisearch.
 */
const context = { clientAddress: "10.7.0.1" };
const get = (cookie: string) => new Request("http://localhost/staff/outbox", { headers: { Cookie: cookie } });
const post = (cookie: string, form: Record<string, string>) =>
  new Request("http://localhost/staff/outbox", { method: "POST", body: new URLSearchParams(form), headers: { Cookie: cookie } });

async function answer<T>(run: Promise<T>): Promise<T | Response> {
  try {
    return await run;
  } catch (error) {
    if (error instanceof Response) return error;
    throw error;
  }
}

describe("/staff/outbox: the dead set", () => {
  let db: Db;
  let cleanup: () => Promise<void>;
  let staffCookie: string;
  let seekerCookie: string;
  let staffId: number;
  let search: SearchService;
  let postingIds: number[];
  const dead = (docId: string, deadAt = new Date()) => ({ docId, op: "sync", attempts: MAX_REFUSALS, refusals: MAX_REFUSALS, lastError: "invalid_document_id: Document identifier is invalid", nextAttempt: deadAt, deadAt });

  beforeAll(async () => {
    ({ db, cleanup } = openSeededDatabase());
    const staff = await db.user.findUniqueOrThrow({ where: { email: "ziyang@demo.ankang.gov.cn" } });
    staffId = staff.id;
    staffCookie = (await createSession(staff.id, new Request("http://localhost/"), false)).split(";")[0]!;
    const seeker = await db.user.findFirstOrThrow({ where: { role: "seeker" } });
    seekerCookie = (await createSession(seeker.id, new Request("http://localhost/"), false)).split(";")[0]!;
    search = new SearchService(process.env.TEST_MEILI_URL!, process.env.TEST_MEILI_KEY, `test_outbox_routes_${process.pid}_${Date.now()}`);
    await rebuildIndex(db, search.connection);
    setOutboxWorker(undefined); // the test runs the worker by hand
    await db.searchOutbox.deleteMany();
    const open = await db.posting.findMany({ where: { status: "published", validUntil: { gte: new Date() } }, orderBy: { id: "desc" }, take: 3 });
    postingIds = open.map((p) => p.id);
    await search.connection.client.index(search.connection.indexUid).deleteDocuments(open.map((p) => `${p.kind}-${p.id}`)).waitTask();
    await db.searchOutbox.createMany({ data: open.map((p) => dead(`${p.kind}-${p.id}`)) });
    await db.searchOutbox.create({ data: { docId: "job-1", op: "sync", attempts: 2, lastError: "Request timed out", nextAttempt: new Date(Date.now() + 60_000) } });
  });
  afterAll(async () => {
    await search.connection.client.deleteIndex(search.connection.indexUid).waitTask().catch(() => undefined);
    await cleanup();
  });

  it("shows the parked rows with their error apart from the rows still retrying, and does not count them as waiting", async () => {
    const data = (await loader({ request: get(staffCookie), params: {}, context })) as Awaited<ReturnType<typeof loader>>;
    expect(data.status.deadCount).toBe(3);
    expect(data.status.dead.map((r) => r.docId)).toHaveLength(3);
    for (const row of data.status.dead) expect(row.lastError).toMatch(/invalid_document_id/);
    expect(data.status.failing.map((r) => r.docId)).toEqual(["job-1"]);
    expect(data.status.waiting).toBe(1);
  });

  it("sends one row back to the queue, audited, and the worker then syncs it", async () => {
    const row = (await db.searchOutbox.findMany({ where: { deadAt: { not: null } }, orderBy: { id: "asc" } }))[0]!;
    const result = await action({ request: post(staffCookie, { intent: "retry", id: String(row.id) }), params: {}, context });
    expect(result).toEqual({ retried: 1 });
    expect(await db.searchOutbox.findUniqueOrThrow({ where: { id: row.id } })).toMatchObject({ deadAt: null, attempts: 0 });
    expect(await db.searchOutbox.count({ where: { deadAt: { not: null } } })).toBe(2);
    const log = await db.auditLog.findFirstOrThrow({ where: { action: "outbox.retry", entityId: String(row.id) } });
    expect(log.actorId).toBe(staffId);
    expect(JSON.parse(log.before!)).toMatchObject({ docId: row.docId, attempts: MAX_REFUSALS });

    const worker = new OutboxWorker(db, search);
    expect(await worker.runOnce()).toBe(1);
    expect(await db.searchOutbox.findUnique({ where: { id: row.id } })).toBeNull();
    await expect(search.connection.client.index(search.connection.indexUid).getDocument(row.docId)).resolves.toMatchObject({ id: row.docId });

    // Someone else already sent it back: nothing happens, and the page says so.
    expect(await action({ request: post(staffCookie, { intent: "retry", id: String(row.id) }), params: {}, context })).toEqual({ retried: 0 });
  });

  it("sends the whole dead set back at once", async () => {
    expect(await action({ request: post(staffCookie, { intent: "retryAll" }), params: {}, context })).toEqual({ retried: 2 });
    expect(await db.searchOutbox.count({ where: { deadAt: { not: null } } })).toBe(0);
    expect(await db.auditLog.count({ where: { action: "outbox.retry_all", actorId: staffId } })).toBe(1);
    expect(await new OutboxWorker(db, search).runOnce()).toBe(2);
    for (const id of postingIds.slice(1)) {
      const p = await db.posting.findUniqueOrThrow({ where: { id } });
      await expect(search.connection.client.index(search.connection.indexUid).getDocument(`${p.kind}-${p.id}`)).resolves.toBeTruthy();
    }
  });

  it("refuses a tampered form with 400 and anyone without the permission with 403", async () => {
    const forms: Record<string, string>[] = [{ intent: "drop" }, { intent: "retry" }, { intent: "retry", id: "-1" }, { intent: "retry", id: "abc" }, {}];
    for (const form of forms) {
      const res = await answer(action({ request: post(staffCookie, form), params: {}, context }));
      expect(res instanceof Response ? res.status : 200, JSON.stringify(form)).toBe(400);
    }
    await db.searchOutbox.create({ data: dead("job-2") });
    const refused = await answer(action({ request: post(seekerCookie, { intent: "retryAll" }), params: {}, context }));
    expect(refused instanceof Response ? refused.status : 200).toBe(403);
    expect(await db.searchOutbox.count({ where: { deadAt: { not: null } } })).toBe(1);
  });

  it("has every string of the page in both languages", () => {
    for (const lang of ["zh-CN", "en"] as const) {
      const i18n = createI18n(lang);
      for (const key of ["deadHealth", "deadTitle", "deadLead", "deadAt", "retry", "retryAll", "retried", "retriedNone"]) {
        expect(i18n.getResource(lang, "translation", `outbox.${key}`), `${lang} outbox.${key}`).toEqual(expect.any(String));
      }
      expect(i18n.getResource(lang, "translation", "audit.actions.outbox_retry")).toEqual(expect.any(String));
      expect(i18n.getResource(lang, "translation", "audit.entityTypes.searchOutbox")).toEqual(expect.any(String));
    }
  });
});
