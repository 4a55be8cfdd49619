import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openSeededDatabase } from "../../tests/setup/test-env.ts";
import { createSession } from "~/modules/auth/session.server.ts";
import type { Db } from "~/modules/db.server.ts";
import { enqueueMessages } from "~/modules/messages/outbox.server.ts";
import { action, loader } from "./staff.messages.tsx";

const context = { clientAddress: "10.13.0.1" };
const req = (cookie: string, body?: [string, string][]) =>
  new Request("http://localhost/staff/messages", { method: body ? "POST" : "GET", body: body ? new URLSearchParams(body) : undefined, headers: { Cookie: cookie } });

/** The parked messages for staff: masked, requeued on request, and every requeue audited. */
describe("/staff/messages", () => {
  let db: Db;
  let cleanup: () => Promise<void>;
  let cookie: string;
  let staffId: number;

  beforeAll(async () => {
    ({ db, cleanup } = openSeededDatabase());
    const staff = await db.user.findFirstOrThrow({ where: { role: "staff", staffRegionCode: "610900" } });
    staffId = staff.id;
    cookie = (await createSession(staff.id, new Request("http://localhost/"))).split(";")[0]!;
    await db.$transaction((tx) => enqueueMessages(tx, [
      { channel: "email", to: "wangfang@example.cn", subject: "提醒", text: "正文", purpose: "alert" },
      { channel: "sms", to: "13911112222", text: "短信", purpose: "alert" },
    ]));
    await db.messageOutbox.updateMany({ data: { deadAt: new Date(), attempts: 1, lastError: "550 5.1.1 mailbox unavailable" } });
  });
  afterAll(() => cleanup());

  it("lists the parked messages with the address masked, never in full", async () => {
    const { status } = await loader({ request: req(cookie), params: {}, context });
    expect(status.deadCount).toBe(2);
    expect(status.dead.map((d) => d.to)).toEqual(["w***@example.cn", "139****2222"]);
    expect(JSON.stringify(status)).not.toMatch(/wangfang|13911112222/);
  });

  it("queues one again with a fresh count, audited; a tampered form is a 400, not a 500", async () => {
    const [first] = await db.messageOutbox.findMany({ orderBy: { id: "asc" } });
    expect(await action({ request: req(cookie, [["intent", "retry"], ["id", String(first!.id)]]), params: {}, context })).toEqual({ retried: 1 });
    expect(await db.messageOutbox.findUniqueOrThrow({ where: { id: first!.id } })).toMatchObject({ deadAt: null, attempts: 0 });
    expect(await db.auditLog.count({ where: { actorId: staffId, action: "messages.retry", entityId: String(first!.id) } })).toBe(1);
    expect(await action({ request: req(cookie, [["intent", "retryAll"]]), params: {}, context })).toEqual({ retried: 1 });
    expect(await action({ request: req(cookie, [["intent", "retryAll"]]), params: {}, context })).toEqual({ retried: 0 });
    const tampered = await action({ request: req(cookie, [["intent", "retry"], ["id", "x"]]), params: {}, context }).then(() => null, (e: Response) => e.status);
    expect(tampered).toBe(400);
  });
});
