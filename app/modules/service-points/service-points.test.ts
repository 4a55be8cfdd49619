import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openSeededDatabase } from "../../../tests/setup/test-env.ts";
import { loader as publicLoader } from "../../routes/service-points.tsx";
import { action as staffAction, loader as staffLoader } from "../../routes/staff.service-points.tsx";
import { createSession } from "../auth/session.server.ts";
import type { Db } from "../db.server.ts";

type Reply = { status?: string; error?: Record<string, string[] | null>; initialValue?: Record<string, unknown> };
const context = { clientAddress: "10.4.0.9" };
const get = (url: string, cookie = "") => ({ request: new Request(`http://localhost${url}`, { headers: { Cookie: cookie } }), params: {}, context });
const post = (fields: Record<string, string | string[]>, cookie: string) => {
  const body = new URLSearchParams();
  for (const [k, v] of Object.entries(fields)) for (const one of [v].flat()) body.append(k, one);
  return { request: new Request("http://localhost/staff/service-points", { method: "POST", body, headers: { Cookie: cookie } }), params: {}, context };
};

const ZIYANG_TOWN = "610924102";
const station = (extra: Record<string, string | string[]> = {}) => ({
  intent: "create", kind: "town_station", name: "测试就业服务站", county: "610924", town: ZIYANG_TOWN,
  address: "测试镇便民服务中心", hours: "周一至周五 9:00-17:00", phone: "0915-4321234", services: ["job_registration", "policy_advice"], ...extra,
});

describe("service points (real SQLite, demo data)", () => {
  let db: Db;
  let cleanup: () => Promise<void>;
  const cookies: Record<string, string> = {};

  beforeAll(async () => {
    ({ db, cleanup } = openSeededDatabase());
    for (const email of ["ziyang@demo.ankang.gov.cn", "hanbin@demo.ankang.gov.cn"]) {
      const user = await db.user.findUniqueOrThrow({ where: { email } });
      cookies[email.split("@")[0]!] = (await createSession(user.id, new Request("http://localhost/"), false)).split(";")[0]!;
    }
  });
  afterAll(() => cleanup());

  it("lets county staff add a station in their county, with its audit record, and shows it to the public", async () => {
    const reply = await staffAction(post(station(), cookies.ziyang!));
    expect(reply.done?.name).toBe("测试就业服务站");
    const row = await db.servicePoint.findFirstOrThrow({ where: { name: "测试就业服务站" } });
    expect(row).toMatchObject({ regionCode: ZIYANG_TOWN, countyCode: "610924", services: ",job_registration,policy_advice," });
    const audits = await db.auditLog.findMany({ where: { entityType: "service_point", entityId: String(row.id) } });
    expect(audits.map((a) => a.action)).toEqual(["service_point.create"]);
    const page = await publicLoader(get("/service-points?county=610924"));
    expect(page.points.map((p) => p.name)).toContain("测试就业服务站");
  });

  it("refuses a place outside the staff member's county at the field, keeping what was typed", async () => {
    const reply = await staffAction(post(station({ name: "越界的站点", county: "610902", town: "610902001" }), cookies.ziyang!));
    expect(reply.done).toBeNull();
    const result = reply.result as Reply;
    expect(result.error?.county).toEqual(["servicePoints.errors.region"]);
    expect(result.initialValue?.name).toBe("越界的站点");
    expect(await db.servicePoint.count({ where: { name: "越界的站点" } })).toBe(0);
  });

  it("checks the form on the server: phone, services, a town for a station, both coordinates or none", async () => {
    const reply = await staffAction(post(station({ phone: "打电话", services: [], town: "", lat: "32.5" }), cookies.ziyang!));
    const errors = (reply.result as Reply).error ?? {};
    expect(errors.phone).toEqual(["servicePoints.errors.phone"]);
    expect(errors.services).toEqual(["servicePoints.errors.services"]);
    expect(errors.lng).toEqual(["servicePoints.errors.bothCoordinates"]);
    const noTown = await staffAction(post(station({ town: "" }), cookies.ziyang!));
    expect((noTown.result as Reply).error?.town).toEqual(["servicePoints.errors.needTown"]);
  });

  it("closes a point instead of deleting it; another county's staff cannot see or close it", async () => {
    const row = await db.servicePoint.findFirstOrThrow({ where: { name: "测试就业服务站" } });
    await expect(staffAction(post({ intent: "close", id: String(row.id) }, cookies.hanbin!))).rejects.toMatchObject({ status: 404 });
    const hanbinPage = await staffLoader(get("/staff/service-points", cookies.hanbin!));
    expect(hanbinPage.points.map((p) => p.id)).not.toContain(row.id);
    expect((await staffAction(post({ intent: "close", id: String(row.id) }, cookies.ziyang!))).done?.name).toBe("测试就业服务站");
    expect(await db.servicePoint.findUniqueOrThrow({ where: { id: row.id } })).toMatchObject({ active: false });
    const page = await publicLoader(get("/service-points?county=610924"));
    expect(page.points.map((p) => p.id)).not.toContain(row.id);
    const audits = await db.auditLog.findMany({ where: { entityType: "service_point", entityId: String(row.id) }, orderBy: { id: "asc" } });
    expect(audits.map((a) => a.action)).toEqual(["service_point.create", "service_point.close"]);
  });

  it("lists the nearest first from the visitor's home town, with distance and minutes", async () => {
    const page = await publicLoader(get("/service-points", "home=" + encodeURIComponent(btoa(JSON.stringify("610924")))));
    expect(page.nearLabel).toBe("紫阳县");
    const km = page.points.map((p) => p.distanceKm ?? Infinity);
    expect(km[0]).toBeLessThan(1);
    for (let i = 1; i < km.length; i++) expect(km[i]!).toBeGreaterThanOrEqual(km[i - 1]!);
    expect(page.points[0]!.countyCode).toBe("610924");
    expect(page.points.at(-1)!.minutes).toBeGreaterThan(60);
  });

  it("shows staff the coverage of their towns, every town once", async () => {
    const page = await staffLoader(get("/staff/service-points", cookies.ziyang!));
    const towns = await db.region.count({ where: { level: "town", code: { startsWith: "610924" }, retiredAt: null } });
    expect(page.coverage.total).toBe(towns);
    expect(new Set(page.coverage.rows.map((r) => r.code)).size).toBe(towns);
    expect(page.coverage.covered).toBeGreaterThan(0);
  });
});
