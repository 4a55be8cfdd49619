/**
 * The public page cache through the real Express app, real SQLite, real Meilisearch and the real
 * outbox worker: hits skip Remix but carry their own CSP nonce; a post approved, edited (and
 * re-approved) or closed shows in the very next answer once the search sync has confirmed it (the
 * cache adds no wait to the sync's own couple of seconds); signed-in visitors always get their own page.
 */
import { createHash } from "node:crypto";
import { parseWithZod } from "@conform-to/zod";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeOrganization, makePosting } from "../prisma/seed/factories.ts";
import { rebuildIndex } from "../search/indexer.ts";
import { OutboxWorker, setOutboxWorker } from "../search/outbox-worker.ts";
import { startApp, type RunningApp } from "../tests/setup/app-server.ts";
import { createTestServices, type TestServices } from "../tests/setup/test-env.ts";
import { createSession } from "~/modules/auth/session.server.ts";
import { moderatePosting, postingAction, postingForEdit, updatePosting } from "~/modules/postings/postings.server.ts";
import { postingSchemaFor } from "~/modules/postings/schemas.ts";
import type { StaffActor } from "~/modules/staff/scope.ts";
import { PageCache } from "./page-cache.ts";

describe("public page cache (real Express app, SQLite, Meilisearch and search sync)", () => {
  let services: TestServices;
  let app: RunningApp;
  let worker: OutboxWorker;
  const cache = new PageCache();

  beforeAll(async () => {
    services = await createTestServices("page_cache", { seeded: true });
    await rebuildIndex(services.db, services.search.connection);
    worker = new OutboxWorker(services.db, services.search);
    setOutboxWorker(worker);
    worker.start();
    app = await startApp({ pageCache: cache });
  }, 180_000);
  afterAll(async () => {
    await app.close();
    await worker.stop();
    setOutboxWorker(undefined);
    await services.cleanup();
  });

  const scriptSources = (res: Response) => /script-src ([^;]*)/.exec(res.headers.get("content-security-policy") ?? "")?.[1]?.split(" ") ?? [];
  const inlineScripts = (html: string) => [...html.matchAll(/<script\b(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[1]!);

  it("serves a repeat visit from memory, compressed once, its inline scripts allowed by their hashes", async () => {
    const url = `${app.url}/search?q=${encodeURIComponent("养老护理员")}`;
    const first = await fetch(url);
    const firstHtml = await first.text();
    const second = await fetch(url, { headers: { "Accept-Encoding": "gzip" } });
    const secondHtml = await second.text();
    expect(first.headers.get("x-page-cache")).toBeNull();
    expect(scriptSources(first).some((s) => s.startsWith("'nonce-"))).toBe(true);
    expect(second.headers.get("x-page-cache")).toBe("hit");
    expect(second.headers.get("content-encoding")).toBe("gzip");
    expect(secondHtml).toBe(firstHtml);
    // The hit's policy names no nonce, and exactly the page's inline scripts by hash.
    const sources = scriptSources(second);
    expect(sources.some((s) => s.startsWith("'nonce-"))).toBe(false);
    const hashes = inlineScripts(secondHtml).map((text) => `'sha256-${createHash("sha256").update(text).digest("base64")}'`);
    expect(hashes.length).toBeGreaterThan(0);
    expect(sources.filter((s) => s.startsWith("'sha256-")).sort()).toEqual([...new Set(hashes)].sort());
    const plain = await fetch(url, { headers: { "Accept-Encoding": "identity" } });
    expect(plain.headers.get("content-encoding")).toBeNull();
    expect(await plain.text()).toBe(firstHtml);
    // The language is part of the key.
    const switched = await fetch(`${app.url}/set-language?lng=en&redirectTo=%2F`, { redirect: "manual" });
    const english = await fetch(url, { headers: { Cookie: switched.headers.get("set-cookie")!.split(";")[0]! } });
    expect(english.headers.get("x-page-cache")).toBeNull();
    expect(await english.text()).toContain('lang="en"');
  });

  it("keeps one page per chosen home town: a visitor near 紫阳 never gets the page made for 汉滨", async () => {
    const url = `${app.url}/search?q=${encodeURIComponent("厨师")}&sort=distance`;
    const home = async (county: string) => {
      const set = await fetch(`${app.url}/set-home?county=${county}&redirectTo=%2F`, { redirect: "manual" });
      return set.headers.get("set-cookie")!.split(";")[0]!;
    };
    const [ziyang, hanbin] = [await home("610924"), await home("610902")];
    const page = async (cookie: string) => {
      const res = await fetch(url, { headers: { Cookie: cookie } });
      return { hit: res.headers.get("x-page-cache"), html: await res.text() };
    };
    const first = await page(ziyang);
    expect(first.html).toContain("紫阳县");
    expect((await page(ziyang)).hit).toBe("hit");
    const other = await page(hanbin);
    expect(other.hit).toBeNull();
    expect(other.html).toMatch(/距离从 汉滨区 算起/);
  });

  it("a HEAD request never fills the cache with an empty page, and hits keep the open API's CORS headers", async () => {
    const url = `${app.url}/search?q=${encodeURIComponent("导游")}`;
    const head = await fetch(url, { method: "HEAD" });
    expect(head.status).toBe(200);
    const get = await fetch(url);
    expect(get.headers.get("x-page-cache")).toBeNull();
    expect(await get.text()).toContain("导游");
    const api = `${app.url}/api/v1/search?q=${encodeURIComponent("导游")}`;
    await fetch(api);
    const hit = await fetch(api);
    expect(hit.headers.get("x-page-cache")).toBe("hit");
    expect(hit.headers.get("access-control-allow-origin")).toBe("*");
    expect(((await hit.json()) as { total: number }).total).toBeGreaterThan(0);
  });

  it("an approved post, its edit once re-approved, and its closing each show in the next answer once the sync confirms them", async () => {
    const org = await makeOrganization(services.db, { verifiedAt: new Date() });
    const owner = await services.db.user.create({ data: { email: "cache-owner@test.cn", passwordHash: "x", role: "employer", displayName: "缓存老板" } });
    await services.db.membership.create({ data: { userId: owner.id, organizationId: org.id, role: "owner" } });
    const admin = await services.db.user.findFirstOrThrow({ where: { email: "admin@demo.ankang.gov.cn" } });
    const actor: StaffActor = { id: admin.id, role: "admin", staffRegionCode: admin.staffRegionCode };
    const posting = await makePosting(services.db, { organizationId: org.id, title: "缓存新鲜岗位 freshcache", status: "pending", submittedAt: new Date() });
    const titles = async () => {
      const html = await (await fetch(`${app.url}/search?q=freshcache`)).text();
      return ["缓存新鲜岗位 freshcache", "缓存新鲜岗位改名 freshcache"].filter((t) => html.includes(t));
    };
    /**
     * Waits until the search sync has confirmed the change (its outbox rows are gone), then asks
     * once: the very next answer must show it, with no waiting for a lifetime. Returns how long the
     * whole round took (the sync's own speed is the outbox worker's tests' and the bench's business).
     */
    const shows = async (expected: string[]) => {
      const start = Date.now();
      while ((await services.db.searchOutbox.count()) > 0 && Date.now() - start < 15_000) await new Promise((resolve) => setTimeout(resolve, 20));
      expect(await titles()).toEqual(expected);
      return Date.now() - start;
    };
    expect(await titles()).toEqual([]);
    expect(await titles()).toEqual([]); // now cached
    const rounds: number[] = [];

    expect((await moderatePosting(actor, { intent: "approve", id: posting.id })).ok).toBe(true);
    rounds.push(await shows(["缓存新鲜岗位 freshcache"]));

    const form = await postingForEdit(owner.id, posting.id);
    // The edit form as the browser sends it, parsed as the route does.
    const sent = new FormData();
    for (const [name, value] of Object.entries({ ...form!.values, title: "缓存新鲜岗位改名 freshcache", intent: "submit" })) {
      for (const one of ([] as string[]).concat(value)) sent.append(name, one);
    }
    const submission = parseWithZod(sent, { schema: postingSchemaFor(form!.kind) });
    if (submission.status !== "success") throw new Error(JSON.stringify(submission.error));
    expect((await updatePosting(owner.id, posting.id, submission.value)).ok).toBe(true);
    rounds.push(await shows([])); // back with staff: out of search
    expect((await moderatePosting(actor, { intent: "approve", id: posting.id })).ok).toBe(true);
    rounds.push(await shows(["缓存新鲜岗位改名 freshcache"]));

    expect((await postingAction(owner.id, posting.id, "close")).ok).toBe(true);
    rounds.push(await shows([]));
    expect(rounds.every((ms) => ms < 15_000)).toBe(true);
  });

  it("never serves a signed-in visitor from the cache, nor their page to anyone else", async () => {
    const seeker = await services.db.user.findFirstOrThrow({ where: { role: "seeker", profile: { isNot: null } } });
    const cookie = (await createSession(seeker.id, new Request("http://localhost/"), false)).split(";")[0]!;
    const url = `${app.url}/search?q=${encodeURIComponent("厨师")}`;
    await fetch(url); // an anonymous visit fills the cache
    for (let i = 0; i < 2; i++) {
      const mine = await fetch(url, { headers: { Cookie: cookie } });
      expect(mine.headers.get("x-page-cache")).toBeNull();
      expect(mine.headers.get("cache-control")).toBe("private, no-store");
      expect(await mine.text()).toContain('data-testid="nav-home"');
    }
    const anonymous = await fetch(url);
    expect(anonymous.headers.get("x-page-cache")).toBe("hit");
    const html = await anonymous.text();
    expect(html).toContain('data-testid="nav-login"');
    expect(html).not.toContain(seeker.displayName);
  });
});
