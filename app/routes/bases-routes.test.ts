import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeOrganization } from "../../prisma/seed/factories.ts";
import { openSeededDatabase } from "../../tests/setup/test-env.ts";
import type { Db } from "~/modules/db.server.ts";
import { createSession } from "~/modules/auth/session.server.ts";
import { action as applyAction } from "./bases.$id.apply.tsx";
import { action as reviewAction, loader as reviewLoader } from "./employer.base-applications.$id.tsx";
import { action as editAction, loader as editLoader } from "./employer.bases.$id._index.tsx";
import { loader as listLoader } from "./employer.bases.$id.applications.tsx";

type Reply = { status?: string; error?: Record<string, string[] | null>; initialValue?: Record<string, unknown> };
const context = { clientAddress: "10.3.7.1" };
const outcome = async (run: Promise<unknown>) => run.catch((e: unknown) => e);
const get = (url: string, cookie: string) => new Request(`http://localhost${url}`, { headers: { Cookie: cookie } });
const post = (url: string, fields: [string, string][], cookie: string) =>
  new Request(`http://localhost${url}`, { method: "POST", body: new URLSearchParams(fields), headers: { Cookie: cookie } });

describe("base routes: plain forms answered at the field, another operator's ids not found (real SQLite)", () => {
  let db: Db;
  let cleanup: () => Promise<void>;
  const cookies: Record<string, string> = {};
  let baseId: number;
  let applicationId: number;

  beforeAll(async () => {
    ({ db, cleanup } = openSeededDatabase());
    const user = async (key: string, role: string) => {
      const u = await db.user.create({ data: { email: `${key}@bases-routes.test`, passwordHash: "x", role, displayName: key } });
      cookies[key] = (await createSession(u.id, new Request("http://localhost/"), false)).split(";")[0]!;
      return u;
    };
    const operator = await user("operator", "employer");
    const other = await user("other", "employer");
    const founder = await user("founder", "seeker");
    const org = await makeOrganization(db, { kind: "incubator", regionCode: "610924101", status: "verified" });
    const otherOrg = await makeOrganization(db, { kind: "incubator", regionCode: "610902001", status: "verified" });
    await db.membership.create({ data: { userId: operator.id, organizationId: org.id, role: "owner" } });
    await db.membership.create({ data: { userId: other.id, organizationId: otherOrg.id, role: "owner" } });
    baseId = (await db.incubationBase.create({ data: { name: "路由测试孵化基地", type: "incubator", level: "county", organizationId: org.id, regionCode: "610924101", countyCode: "610924", address: "x", description: "x", totalPlaces: 3, freePlaces: 0, rentTerms: "x", publishedAt: new Date() } })).id;
    applicationId = (await db.baseApplication.create({ data: { baseId, founderId: founder.id, businessPlan: "路由测试的创业计划", team: "x", industryCode: "x", needs: "x" } })).id;
  });

  afterAll(async () => {
    await cleanup();
  });

  it("the apply form without JavaScript: each bad field gets its message and keeps what was typed", async () => {
    const reply = (await applyAction({ request: post(`/bases/${baseId}/apply`, [["businessPlan", "太短"], ["team", "两个人"], ["needs", ""]], cookies.founder!), params: { id: String(baseId) }, context })) as Reply;
    expect(reply.status).toBe("error");
    expect(reply.error).toMatchObject({ businessPlan: ["bases.errors.planTooShort"], industryCode: ["forms.chooseOne"], needs: ["forms.required"] });
    expect(reply.initialValue).toMatchObject({ businessPlan: "太短", team: "两个人" });
  });

  it("another operator's base and application are not found; the owner is refused admission at the form when the base is full, and a decline needs a reason", async () => {
    const params = { id: String(applicationId) };
    for (const run of [
      reviewLoader({ request: get(`/employer/base-applications/${applicationId}`, cookies.other!), params, context }),
      reviewAction({ request: post(`/employer/base-applications/${applicationId}`, [["intent", "admit"]], cookies.other!), params, context }),
      listLoader({ request: get(`/employer/bases/${baseId}/applications`, cookies.other!), params: { id: String(baseId) }, context }),
      editLoader({ request: get(`/employer/bases/${baseId}`, cookies.other!), params: { id: String(baseId) }, context }),
    ]) expect(((await outcome(run)) as Response).status).toBe(404);

    const full = (await reviewAction({ request: post(`/employer/base-applications/${applicationId}`, [["intent", "admit"]], cookies.operator!), params, context })) as { reply: Reply };
    expect(full.reply.error?.[""]).toEqual(["bases.review.full"]);
    const decline = (await reviewAction({ request: post(`/employer/base-applications/${applicationId}`, [["intent", "decline"], ["reason", ""]], cookies.operator!), params, context })) as { reply: Reply };
    expect(decline.reply.error?.reason).toEqual(["bases.errors.reasonRequired"]);
    expect((await db.baseApplication.findUniqueOrThrow({ where: { id: applicationId } })).status).toBe("submitted");

    const edit = (await editAction({ request: post(`/employer/bases/${baseId}`, [["totalPlaces", "3"], ["freePlaces", "9"], ["rentTerms", "三年免租"], ["contactPhone", "13912345678"]], cookies.operator!), params: { id: String(baseId) }, context })) as Reply;
    expect(edit.error, JSON.stringify(edit)).toMatchObject({ freePlaces: ["bases.errors.freeOverTotal"] });
  });
});
