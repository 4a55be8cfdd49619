import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makePosting } from "../prisma/seed/factories.ts";
import { createTestServices, type TestServices } from "../tests/setup/test-env.ts";
import { rebuildIndex } from "./indexer.ts";
import { ensureSearchKey, searchKeyUid } from "./keys.ts";
import { startMeili, type RunningMeili } from "./launcher.ts";
import { searchIds } from "./query.ts";
import { SearchService } from "./service.ts";

/** A request to Meilisearch with a given key; its HTTP status. */
async function statusWith(url: string, key: string, method: string, route: string, body?: unknown): Promise<number> {
  const res = await fetch(`${url}${route}`, {
    method,
    headers: { Authorization: `Bearer ${key}`, "Content-Type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  await res.body?.cancel();
  return res.status;
}

describe("the Meilisearch the site starts", () => {
  let meili: RunningMeili;
  let dir: string;
  const KEY = "launcher-test-master-key-0123456789";
  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "jobs-meili-launch-"));
    process.env.APP_SECRET_PROBE = "must-not-reach-meilisearch";
    meili = await startMeili({ dataDir: dir, masterKey: KEY });
  });
  afterAll(async () => {
    delete process.env.APP_SECRET_PROBE;
    await meili.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it("keeps the master key off its command line (what every local user sees in ps) and the app's secrets out of its environment", () => {
    const argv = fs.readFileSync(`/proc/${meili.process.pid}/cmdline`, "utf8").split("\0");
    expect(argv.join(" ")).not.toContain(KEY);
    expect(argv).not.toContain("--master-key");
    const environ = fs.readFileSync(`/proc/${meili.process.pid}/environ`, "utf8").split("\0");
    expect(environ).toContain(`MEILI_MASTER_KEY=${KEY}`);
    expect(environ.some((line) => line.includes("must-not-reach-meilisearch"))).toBe(false);
  });

  it("runs in production mode: the key is enforced and the search preview dashboard is off", async () => {
    const argv = fs.readFileSync(`/proc/${meili.process.pid}/cmdline`, "utf8").split("\0");
    expect(argv.slice(argv.indexOf("--env"), argv.indexOf("--env") + 2)).toEqual(["--env", "production"]);
    // Development mode serves the mini-dashboard's HTML at /; production answers JSON only.
    const root = await fetch(`${meili.url}/`);
    expect(root.headers.get("content-type")).not.toMatch(/html/);
    expect(await root.text()).not.toMatch(/<html|<!doctype/i);
    expect((await fetch(`${meili.url}/version`)).status).toBe(401);
    expect(await statusWith(meili.url, KEY, "GET", "/version")).toBe(200);
  });

  it("refuses a master key shorter than 16 bytes before starting anything", async () => {
    await expect(startMeili({ dataDir: dir, masterKey: "short-key" })).rejects.toThrow(/at least 16 bytes/);
  });
});

describe("the search-only key", () => {
  let services: TestServices;
  let url: string;
  let master: string;
  const now = new Date();
  const find = async (q: string) => {
    const result = await services.search.run((connection) => searchIds(connection, { q, kind: [], sort: "relevance", page: 1, pageSize: 20 }, now));
    if (!result.ok) throw result.error;
    return result.value.total;
  };

  beforeAll(async () => {
    services = await createTestServices("keys");
    url = process.env.TEST_MEILI_URL!;
    master = process.env.TEST_MEILI_KEY!;
    await makePosting(services.db, { title: "电子线束装配工" }, now);
    await rebuildIndex(services.db, services.search.connection, { now });
  });
  afterAll(() => services.cleanup());

  it("is found again, not added again, at every start; a key with other rights under its uid is replaced", async () => {
    const admin = services.search.connection.client;
    const first = await ensureSearchKey(admin, services.indexUid);
    const count = (await admin.getKeys({ limit: 1000 })).total;
    expect(await ensureSearchKey(admin, services.indexUid)).toBe(first);
    expect((await admin.getKeys({ limit: 1000 })).total).toBe(count);
    const key = await admin.getKey(searchKeyUid(services.indexUid));
    expect(key).toMatchObject({ actions: ["search"], indexes: [services.indexUid], expiresAt: null });

    // Someone widened it by hand: the next start puts the narrow key back.
    await admin.deleteKey(key.uid);
    await admin.createKey({ uid: key.uid, actions: ["*"], indexes: ["*"], expiresAt: null });
    await ensureSearchKey(admin, services.indexUid);
    expect(await admin.getKey(key.uid)).toMatchObject({ actions: ["search"], indexes: [services.indexUid] });
  });

  it("is what public searches use: it can search, and Meilisearch answers 403 to anything else", async () => {
    const reader = await services.search.searchConnection();
    const key = (reader.client.config.apiKey ?? "") as string;
    expect(key).not.toBe(master);
    expect(key).toBe(await ensureSearchKey(services.search.connection.client, services.indexUid));
    expect(await find("线束")).toBe(1);

    const index = `/indexes/${services.indexUid}`;
    expect(await statusWith(url, key, "POST", `${index}/search`, { q: "线束" })).toBe(200);
    expect(await statusWith(url, key, "POST", `${index}/documents`, [{ id: "job-999999", title: "塞进来的" }])).toBe(403);
    expect(await statusWith(url, key, "DELETE", `${index}/documents/job-1`)).toBe(403);
    expect(await statusWith(url, key, "DELETE", index)).toBe(403);
    expect(await statusWith(url, key, "PATCH", `${index}/settings`, { searchableAttributes: ["id"] })).toBe(403);
    expect(await statusWith(url, key, "GET", "/keys")).toBe(403);
    expect(await statusWith(url, key, "GET", `/keys/${searchKeyUid(services.indexUid)}`)).toBe(403);
    expect(await statusWith(url, key, "GET", "/tasks")).toBe(403);
    expect(await statusWith(url, key, "POST", "/indexes", { uid: `${services.indexUid}_x` })).toBe(403);
    // Another index on the same server is out of its reach.
    expect(await statusWith(url, key, "POST", "/indexes/another_index/search", { q: "" })).toBe(403);
    // And the index is untouched.
    expect((await services.search.connection.client.index(services.indexUid).getStats()).numberOfDocuments).toBe(1);
  });

  it("keeps working after a full rebuild swaps a fresh index in", async () => {
    await makePosting(services.db, { title: "养老护理员" }, now);
    await rebuildIndex(services.db, services.search.connection, { now });
    await rebuildIndex(services.db, services.search.connection, { now });
    expect(await find("养老")).toBe(1);
    expect(await find("线束")).toBe(1);
  });

  it("is made again when someone deletes it: the next search still answers from the index", async () => {
    expect(await find("线束")).toBe(1);
    await services.search.connection.client.deleteKey(searchKeyUid(services.indexUid));
    const result = await services.search.run((connection) => searchIds(connection, { q: "线束", kind: [], sort: "relevance", page: 1, pageSize: 20 }, now));
    expect(result.ok && result.value.total).toBe(1);
    expect(services.search.available).toBe(true);
    expect(await services.search.connection.client.getKey(searchKeyUid(services.indexUid))).toMatchObject({ actions: ["search"] });
  });

  it("cannot be made with a key that is not the master key: searches then answer from the database", async () => {
    const wrong = new SearchService(url, "not-the-master-key-0123456789", services.indexUid);
    const result = await wrong.run((connection) => searchIds(connection, { q: "线束", kind: [], sort: "relevance", page: 1, pageSize: 20 }, now));
    expect(result.ok).toBe(false);
    expect(wrong.available).toBe(false);
  });
});
