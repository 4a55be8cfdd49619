import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makePosting } from "../prisma/seed/factories.ts";
import { createTestServices, type TestServices } from "../tests/setup/test-env.ts";
import { rebuildIndex } from "./indexer.ts";
import { getFreePort } from "./launcher.ts";
import { backoffMs, MAX_REFUSALS, OutboxWorker } from "./outbox-worker.ts";
import { SearchService } from "./service.ts";

/**
 * A document the real Meilisearch refuses at task time: a posting whose stored kind has a space
 * in it makes the document id "job posting-N", which is not a valid Meilisearch id. (The schema
 * keeps kind as free text, so bad data of this sort is possible; nothing here is mocked.)
 */
describe("search sync with a document Meilisearch refuses", () => {
  let services: TestServices;
  let worker: OutboxWorker;
  let clock = new Date();
  let badId: number;

  const indexed = (id: string) => services.search.connection.client.index(services.indexUid).getDocument(id).then(() => true, () => false);
  const queue = (ids: number[]) => services.db.searchOutbox.createMany({ data: ids.map((id) => ({ docId: `job-${id}`, op: "sync" })) });
  const fresh = async (n: number) => {
    const ids: number[] = [];
    for (let i = 0; i < n; i++) ids.push((await makePosting(services.db, { title: `新发布岗位${ids.length}` }, clock)).id);
    return ids;
  };
  const badRow = () => services.db.searchOutbox.findFirstOrThrow({ where: { docId: `job-${badId}` } });

  beforeAll(async () => {
    services = await createTestServices("outbox_refused");
    await rebuildIndex(services.db, services.search.connection, { now: clock });
    worker = new OutboxWorker(services.db, services.search);
    badId = (await makePosting(services.db, { title: "数据有误的岗位" }, clock)).id;
    await services.db.posting.update({ where: { id: badId }, data: { kind: "job posting" } });
  });
  afterAll(() => services.cleanup());

  it("indexes the fresh rows of the batch at once; the refused row backs off alone, with Meilisearch's reason", async () => {
    const ids = await fresh(5);
    await queue([badId, ...ids]); // the bad row first, in the same batch
    expect(await worker.runOnce(clock)).toBe(5);
    for (const id of ids) expect(await indexed(`job-${id}`), `job-${id}`).toBe(true);
    const bad = await badRow();
    expect(await services.db.searchOutbox.count()).toBe(1);
    expect(bad).toMatchObject({ attempts: 1, deadAt: null });
    expect(bad.lastError).toMatch(/invalid_document_id/);
    expect(bad.nextAttempt.getTime() - clock.getTime()).toBe(backoffMs(1));

    // A row queued while the bad one waits goes straight through; the bad one is not due and is not touched.
    const [later] = await fresh(1);
    await queue([later!]);
    expect(await worker.runOnce(clock)).toBe(1);
    expect(await indexed(`job-${later}`)).toBe(true);
    expect((await badRow()).attempts).toBe(1);
  });

  it(`after ${MAX_REFUSALS} refusals parks the row in the dead set, and the worker leaves it there`, async () => {
    for (let attempt = 2; attempt <= MAX_REFUSALS; attempt++) {
      clock = new Date((await badRow()).nextAttempt.getTime());
      const ids = await fresh(2); // fresh rows keep flowing beside it on every try
      await queue(ids);
      expect(await worker.runOnce(clock)).toBe(2);
      const bad = await badRow();
      expect([bad.attempts, bad.refusals]).toEqual([attempt, attempt]);
      expect(bad.deadAt === null).toBe(attempt < MAX_REFUSALS);
      expect(bad.lastError).toMatch(/invalid_document_id/);
    }
    const dead = await badRow();
    expect(dead.deadAt?.getTime()).toBe(clock.getTime());
    // Long after its retry time, runs skip it.
    const far = new Date(clock.getTime() + 24 * 3600_000);
    expect(await worker.runOnce(far)).toBe(0);
    expect(await badRow()).toEqual(dead);
    expect(await services.db.searchOutbox.count()).toBe(1);
  });

  it("clears a parked row once the same item syncs: the data was fixed and its new row went through", async () => {
    await services.db.posting.update({ where: { id: badId }, data: { kind: "job" } });
    await queue([badId]); // what an edit does
    expect(await worker.runOnce(clock)).toBe(1);
    expect(await indexed(`job-${badId}`)).toBe(true);
    expect(await services.db.searchOutbox.count()).toBe(0);
  });

  it("syncs a full batch in one go (500 rows: more than one statement's worth of parameters)", async () => {
    // Ids that name nothing (as after an expiry sweep of many items): every row is a delete.
    await services.db.searchOutbox.createMany({ data: Array.from({ length: 500 }, (_, i) => ({ docId: `job-${900_000 + i}`, op: "sync" })) });
    expect(await worker.runOnce(clock)).toBe(500);
    expect(await services.db.searchOutbox.count()).toBe(0);
  });

  it("never parks anything while Meilisearch does not answer; a refusal after a long outage counts as the first", async () => {
    // Nothing listens on this port: connection refused, as when the server is down.
    const down = new SearchService(`http://127.0.0.1:${await getFreePort()}`, "unused-key-0123456789abcdef", services.indexUid);
    const offline = new OutboxWorker(services.db, down);
    const broken = (await makePosting(services.db, { title: "停机期间出错的岗位" }, clock)).id;
    await services.db.posting.update({ where: { id: broken }, data: { kind: "job posting" } });
    const ids = await fresh(3);
    await queue([...ids, broken]);
    let at = clock;
    for (let attempt = 1; attempt <= MAX_REFUSALS + 3; attempt++) {
      expect(await offline.runOnce(at)).toBe(0);
      const rows = await services.db.searchOutbox.findMany();
      expect(rows).toHaveLength(4);
      for (const row of rows) expect(row).toMatchObject({ attempts: attempt, refusals: 0, deadAt: null });
      at = new Date(rows[0]!.nextAttempt.getTime());
    }
    // The server back: the queue drains, and the refused row is kept for its first refusal, not parked.
    expect(await worker.runOnce(at)).toBe(3);
    expect(await services.db.searchOutbox.findMany({ select: { docId: true, attempts: true, refusals: true, deadAt: true } })).toEqual([
      { docId: `job-${broken}`, attempts: MAX_REFUSALS + 4, refusals: 1, deadAt: null },
    ]);
  });
});
