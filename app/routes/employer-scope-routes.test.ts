/**
 * Ownership through the one employer-scope helper (modules/organizations/scope.ts): posts,
 * applicants and the organization page all ask it, so an employer sees exactly their
 * organizations' things and another organization's answer 404. Real loaders, real SQLite.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeOrganization, makePosting } from "../../prisma/seed/factories.ts";
import { openSeededDatabase } from "../../tests/setup/test-env.ts";
import { apply } from "~/modules/applications/applications.server.ts";
import { createSession } from "~/modules/auth/session.server.ts";
import type { Db } from "~/modules/db.server.ts";
import { applicationsOwnedBy, employerScope, homeMembership, ownedBy } from "~/modules/organizations/scope.ts";
import { lookupHash } from "~/modules/security/secrets.server.ts";
import { loader as applicantLoader } from "./employer.applicants.$id.tsx";
import { loader as organizationLoader } from "./employer.organization._index.tsx";
import { loader as previewLoader } from "./employer.postings.$id._index.tsx";

const context = { clientAddress: "10.8.0.1" };
const get = (url: string, cookie: string) => new Request(`http://localhost${url}`, { headers: { Cookie: cookie } });
const status = (promise: Promise<unknown>) => promise.then(() => 200, (e: unknown) => (e instanceof Response ? e.status : 500));

describe("one employer scope for posts, applicants and the organization page (routes, real SQLite)", () => {
  let db: Db;
  let cleanup: () => Promise<void>;
  const signIn = async (userId: number) => (await createSession(userId, new Request("http://localhost/"), false)).split(";")[0]!;
  /** Two organizations, each with an employer, a post and an applicant to it. */
  const orgs = {} as Record<"a" | "b", { id: number; name: string; userId: number; cookie: string; postingId: number; applicationId: number }>;

  beforeAll(async () => {
    ({ db, cleanup } = openSeededDatabase());
    const seeker = await db.user.findUniqueOrThrow({ where: { phoneHash: lookupHash("phone", "13800000001") } });
    for (const key of ["a", "b"] as const) {
      const org = await makeOrganization(db, { name: `范围测试单位${key.toUpperCase()}`, regionCode: key === "a" ? "610924100" : "610902001" });
      const user = await db.user.create({ data: { email: `scope-${key}@routes.test`, passwordHash: "x", role: "employer", displayName: `人事${key}` } });
      await db.membership.create({ data: { userId: user.id, organizationId: org.id, role: "owner" } });
      const posting = await makePosting(db, { organizationId: org.id, regionCode: org.regionCode, title: `范围测试岗位${key.toUpperCase()}` });
      const applied = await apply(seeker.id, posting.id);
      if (!applied.ok) throw new Error(`apply failed: ${applied.reason}`);
      orgs[key] = { id: org.id, name: org.name, userId: user.id, cookie: await signIn(user.id), postingId: posting.id, applicationId: applied.applicationId };
    }
  });

  afterAll(() => cleanup());

  it("the scope is the employer's organizations, and its fragments find their things only", async () => {
    const scope = await employerScope({ id: orgs.a.userId });
    expect(scope.organizationIds).toEqual([orgs.a.id]);
    expect(homeMembership(scope)).toEqual({ organizationId: orgs.a.id, role: "owner" });
    expect((await db.posting.findMany({ where: ownedBy(scope), select: { id: true } })).map((p) => p.id)).toEqual([orgs.a.postingId]);
    expect((await db.application.findMany({ where: applicationsOwnedBy(scope), select: { id: true } })).map((a) => a.id)).toEqual([orgs.a.applicationId]);
    // An employer without an organization owns nothing: an empty list, not "no filter".
    const bare = await db.user.create({ data: { email: "scope-bare@routes.test", passwordHash: "x", role: "employer", displayName: "无单位" } });
    const none = await employerScope({ id: bare.id });
    expect(none.organizationIds).toEqual([]);
    expect(homeMembership(none)).toBeNull();
    expect(await db.posting.count({ where: ownedBy(none) })).toBe(0);
    expect(await db.application.count({ where: applicationsOwnedBy(none) })).toBe(0);
  });

  it("an employer of one organization gets 404 on the other's post and applicant, and their own organization page", async () => {
    for (const [me, other] of [["a", "b"], ["b", "a"]] as const) {
      const { cookie } = orgs[me];
      const theirs = orgs[other];
      expect(await status(previewLoader({ request: get(`/employer/postings/${theirs.postingId}`, cookie), params: { id: String(theirs.postingId) }, context })), `${me} → post`).toBe(404);
      expect(await status(applicantLoader({ request: get(`/employer/applicants/${theirs.applicationId}`, cookie), params: { id: String(theirs.applicationId) }, context })), `${me} → applicant`).toBe(404);
      // Their own, through the same scope.
      expect(await status(previewLoader({ request: get(`/employer/postings/${orgs[me].postingId}`, cookie), params: { id: String(orgs[me].postingId) }, context }))).toBe(200);
      expect(await status(applicantLoader({ request: get(`/employer/applicants/${orgs[me].applicationId}`, cookie), params: { id: String(orgs[me].applicationId) }, context }))).toBe(200);
      const page = JSON.stringify(await organizationLoader({ request: get("/employer/organization", cookie), params: {}, context }));
      expect(page).toContain(orgs[me].name);
      expect(page).not.toContain(theirs.name);
    }
  });

  it("a member of two organizations sees both organizations' posts and applicants; the page and new posts are the first one's", async () => {
    const both = await db.user.create({ data: { email: "scope-both@routes.test", passwordHash: "x", role: "employer", displayName: "两家" } });
    await db.membership.create({ data: { userId: both.id, organizationId: orgs.b.id, role: "member", createdAt: new Date("2020-01-01T00:00:00Z") } });
    await db.membership.create({ data: { userId: both.id, organizationId: orgs.a.id, role: "member", createdAt: new Date("2021-01-01T00:00:00Z") } });
    const cookie = await signIn(both.id);
    expect((await employerScope({ id: both.id })).organizationIds).toEqual([orgs.b.id, orgs.a.id]);
    for (const key of ["a", "b"] as const) {
      expect(await status(previewLoader({ request: get(`/employer/postings/${orgs[key].postingId}`, cookie), params: { id: String(orgs[key].postingId) }, context }))).toBe(200);
      expect(await status(applicantLoader({ request: get(`/employer/applicants/${orgs[key].applicationId}`, cookie), params: { id: String(orgs[key].applicationId) }, context }))).toBe(200);
    }
    expect(JSON.stringify(await organizationLoader({ request: get("/employer/organization", cookie), params: {}, context }))).toContain(orgs.b.name);
  });
});
