/**
 * What caches may keep, through the real Express app: nothing personal (every answer to a
 * signed-in visitor, or one that sets a cookie, is `private, no-store`), and the public search API
 * only with a validator, so a post approved a moment ago is in the very next conditional answer.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeOrganization, makePosting } from "../prisma/seed/factories.ts";
import { rebuildIndex } from "../search/indexer.ts";
import { OutboxWorker, setOutboxWorker } from "../search/outbox-worker.ts";
import { startApp, type RunningApp } from "../tests/setup/app-server.ts";
import { createTestServices, type TestServices } from "../tests/setup/test-env.ts";
import type { Prisma } from "~/generated/prisma/client.ts";
import { apply } from "~/modules/applications/applications.server.ts";
import { createSession } from "~/modules/auth/session.server.ts";

describe("caching (real Express app, real SQLite and Meilisearch)", () => {
  let services: TestServices;
  let app: RunningApp;
  let worker: OutboxWorker;
  const cookieFor = async (where: Prisma.UserWhereInput) => {
    const user = await services.db.user.findFirstOrThrow({ where });
    return (await createSession(user.id, new Request("http://localhost/"), false)).split(";")[0]!;
  };
  beforeAll(async () => {
    services = await createTestServices("caching", { seeded: true });
    await rebuildIndex(services.db, services.search.connection);
    worker = new OutboxWorker(services.db, services.search);
    setOutboxWorker(worker);
    worker.start();
    app = await startApp();
  }, 180_000);
  afterAll(async () => {
    await app.close();
    await worker.stop();
    setOutboxWorker(undefined);
    await services.cleanup();
  });

  it("sends private, no-store on every signed-in page, data request and download, and on answers that set a cookie", async () => {
    const seeker = await cookieFor({ role: "seeker", profile: { isNot: null } });
    const employer = await cookieFor({ email: "hr@demo-employer.cn" });
    const staff = await cookieFor({ email: "city@demo.ankang.gov.cn" });
    const hr = await services.db.user.findUniqueOrThrow({ where: { email: "hr@demo-employer.cn" } });
    const { organizationId } = await services.db.membership.findFirstOrThrow({ where: { userId: hr.id } });
    const seekerUser = await services.db.user.findFirstOrThrow({ where: { role: "seeker", profile: { isNot: null } } });
    const applied = await apply(seekerUser.id, (await makePosting(services.db, { organizationId, regionCode: "610924100" })).id);
    if (!applied.ok) throw new Error(`fixture: ${applied.reason}`);
    const pages: [string, string][] = [
      [seeker, "/me/profile"],
      [seeker, "/me/profile.data"],
      [seeker, "/me/export"],
      [seeker, "/search?q=养老"], // a public page, but what a signed-in visitor sees carries their name
      [employer, `/employer/applicants/${applied.applicationId}`],
      [employer, "/employer/applicants"],
      [staff, "/staff/placements"],
      [staff, "/staff/placements/new"],
      [staff, "/staff/indicators"],
    ];
    for (const [cookie, url] of pages) {
      const res = await fetch(`${app.url}${url}`, { headers: { Cookie: cookie }, redirect: "manual" });
      expect(res.status, url).toBeLessThan(400);
      expect(res.headers.get("cache-control"), url).toBe("private, no-store");
    }
    const switched = await fetch(`${app.url}/set-language?lng=en&redirectTo=%2Fsearch`, { redirect: "manual" });
    expect(switched.headers.get("set-cookie")).toContain("lng=");
    expect(switched.headers.get("cache-control")).toBe("private, no-store");
    // Public answers to anonymous visitors keep their own caching.
    expect((await fetch(`${app.url}/figures`)).headers.get("cache-control")).toBe("public, max-age=300");
  });

  it("public search revalidates: 304 while nothing changed, and a post approved since is in the next conditional answer", async () => {
    const title = "缓存验证岗位 etagcheck";
    const url = `${app.url}/api/v1/search?q=etagcheck`;
    const first = await fetch(url);
    const etag = first.headers.get("etag");
    expect(first.status).toBe(200);
    expect(first.headers.get("cache-control")).toBe("public, no-cache");
    expect(etag).toMatch(/^W\/".+"$/);
    expect(((await first.json()) as { total: number }).total).toBe(0);
    const again = await fetch(url, { headers: { "If-None-Match": etag! } });
    expect(again.status).toBe(304);
    expect(again.headers.get("etag")).toBe(etag);

    const org = await makeOrganization(services.db, { verifiedAt: new Date() });
    const posting = await makePosting(services.db, { organizationId: org.id, title, status: "pending", submittedAt: new Date() });
    const admin = await cookieFor({ email: "admin@demo.ankang.gov.cn" });
    const approved = await fetch(`${app.url}/staff/postings`, {
      method: "POST",
      headers: { Cookie: admin, Origin: app.url, "Content-Type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ intent: "approve", id: String(posting.id) }),
    });
    expect(approved.status).toBe(200);
    expect((await services.db.posting.findUniqueOrThrow({ where: { id: posting.id } })).status).toBe("published");

    // Once search has it (the outbox worker's job, timed by its own tests), the cache's next
    // conditional request brings it, with a new validator that then answers 304.
    const titles = async (res: Response) => ((await res.json()) as { results: { title: string }[] }).results.map((r) => r.title);
    for (const deadline = Date.now() + 15_000; Date.now() < deadline; await new Promise((resolve) => setTimeout(resolve, 100))) {
      if ((await titles(await fetch(url))).includes(title)) break;
    }
    const next = await fetch(url, { headers: { "If-None-Match": etag! } });
    expect(next.status).toBe(200);
    expect(await titles(next)).toEqual([title]);
    const newTag = next.headers.get("etag");
    expect(newTag).not.toBe(etag);
    expect((await fetch(url, { headers: { "If-None-Match": newTag! } })).status).toBe(304);
  });
});
