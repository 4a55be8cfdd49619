import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openSeededDatabase } from "../../tests/setup/test-env.ts";
import { createSession } from "~/modules/auth/session.server.ts";
import type { Db } from "~/modules/db.server.ts";
import { regionDashboard } from "~/modules/indicators/progress.server.ts";
import { idNumberCheckChar } from "~/modules/people/identity.ts";
import { encrypt, lookupHash } from "~/modules/security/secrets.server.ts";
import type { StaffActor } from "~/modules/staff/scope.ts";
import { action as identityAction } from "./staff.identity.tsx";
import { action as placementsAction, loader as placementsLoader } from "./staff.placements.tsx";

type Acted = Awaited<ReturnType<typeof placementsAction>>;
const context = { clientAddress: "10.5.0.1" };
const post = (url: string, cookie: string, fields: Record<string, string>) =>
  new Request(`http://localhost${url}`, { method: "POST", body: new URLSearchParams(fields), headers: { Cookie: cookie } });
const get = (url: string, cookie: string) => new Request(`http://localhost${url}`, { headers: { Cookie: cookie } });
const year = new Date(Date.now() + 8 * 3_600_000).getUTCFullYear();

describe("staff decisions on placements: a colleague's earlier decision is said, and decisions can be corrected", () => {
  let db: Db;
  let cleanup: () => Promise<void>;
  const cookies: Record<string, string> = {};
  const actors: Record<string, StaffActor> = {};
  let placementId: number;
  const idNumber = (() => {
    const first17 = "61092419790202123";
    return first17 + idNumberCheckChar(first17);
  })();
  const figure = async () => (await regionDashboard(actors.ziyang!, { region: "610924", year }))!.indicators.find((i) => i.code === "new_urban_employment")!.done ?? 0;
  const decide = (who: string, fields: Record<string, string>) =>
    placementsAction({ request: post("/staff/placements", cookies[who]!, { id: String(placementId), ...fields }), params: {}, context });

  beforeAll(async () => {
    ({ db, cleanup } = openSeededDatabase());
    for (const key of ["ziyang", "city"]) {
      const user = await db.user.findUniqueOrThrow({ where: { email: `${key}@demo.ankang.gov.cn` } });
      actors[key] = { id: user.id, role: "staff", staffRegionCode: user.staffRegionCode };
      cookies[key] = (await createSession(user.id, new Request("http://localhost/"), false)).split(";")[0]!;
    }
    const idHash = lookupHash("id-number", idNumber);
    placementId = (
      await db.placement.create({
        data: {
          personName: "杜决定", idHash, personKey: idHash, idNumberEnc: encrypt(idNumber), idNumberMasked: "6109**********0000", employerName: "紫阳县决定测试厂",
          kind: "new_urban", regionCode: "610924100", countyCode: "610924", startDate: new Date(`${year}-01-15`), source: "staff", status: "pending",
        },
      })
    ).id;
  });
  afterAll(() => cleanup());

  it("the second officer is told who was decided and what the record is now; nothing changes", async () => {
    const before = await figure();
    const first = (await decide("ziyang", { intent: "verify", from: "pending", kind: "new_urban" })) as Acted;
    expect(first.done).toEqual({ intent: "verify", name: "杜决定" });
    expect(await figure()).toBe(before + 1);

    const second = (await decide("city", { intent: "reject", from: "pending", reason: "材料不全" })) as Acted;
    expect(second.done).toBeNull();
    expect(second.taken).toEqual({ name: "杜决定", status: "verified" });
    expect((await db.placement.findUniqueOrThrow({ where: { id: placementId } })).status).toBe("verified");
    // Pressing "verify" again on a stale page does not verify twice either.
    expect(((await decide("city", { intent: "verify", from: "pending" })) as Acted).taken).toEqual({ name: "杜决定", status: "verified" });
    expect(await figure()).toBe(before + 1);
  });

  it("a verified record is corrected to rejected with a reason, then re-verified; counts and the audit follow", async () => {
    const before = await figure();
    const list = await placementsLoader({ request: get("/staff/placements?status=verified&q=杜决定", cookies.ziyang!), params: {}, context });
    expect(list.list.rows.map((r) => [r.id, r.status])).toEqual([[placementId, "verified"]]);

    const noReason = (await decide("ziyang", { intent: "reject", from: "verified", reason: "" })) as Acted;
    expect(noReason.result.error?.reason).toEqual(["placements.errors.reasonRequired"]);
    const corrected = (await decide("ziyang", { intent: "reject", from: "verified", reason: "核实发现重复登记" })) as Acted;
    expect(corrected.done).toEqual({ intent: "reject", name: "杜决定" });
    expect(await db.placement.findUniqueOrThrow({ where: { id: placementId } })).toMatchObject({ status: "rejected", rejectionReason: "核实发现重复登记", verifiedAt: null });
    expect(await figure()).toBe(before - 1);

    const again = (await decide("city", { intent: "verify", from: "rejected", kind: "new_urban" })) as Acted;
    expect(again.done).toEqual({ intent: "verify", name: "杜决定" });
    expect(await figure()).toBe(before);

    const trail = await db.auditLog.findMany({ where: { entityType: "placement", entityId: String(placementId) }, orderBy: { id: "asc" }, select: { action: true, actorId: true } });
    expect(trail).toEqual([
      { action: "placement.verify", actorId: actors.ziyang!.id },
      { action: "placement.correct_reject", actorId: actors.ziyang!.id },
      { action: "placement.correct_verify", actorId: actors.city!.id },
    ]);
  });

  it("confirming an identity never echoes the ID number and answers bad input at the field", async () => {
    const missing = await identityAction({ request: post("/staff/identity", cookies.city!, { identifier: "", idNumber: idNumber }), params: {}, context });
    expect(missing.confirmed).toBeNull();
    expect(missing.result.error?.identifier).toEqual(["forms.required"]);
    expect(missing.result.error?.cardSeen).toEqual(["identity.errors.cardSeen"]);
    expect(JSON.stringify(missing)).not.toContain(idNumber);
    const wrong = await identityAction({ request: post("/staff/identity", cookies.city!, { identifier: "13800000001", idNumber, cardSeen: "on" }), params: {}, context });
    expect(wrong.result.error?.idNumber).toEqual(["identity.errors.mismatch"]);
    expect(JSON.stringify(wrong)).not.toContain(idNumber);
  });
});
