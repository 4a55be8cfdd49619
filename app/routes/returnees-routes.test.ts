import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createRng } from "../../prisma/seed/factories.ts";
import { makeReturnee } from "../../prisma/seed/returnees.ts";
import { openSeededDatabase } from "../../tests/setup/test-env.ts";
import { createSession } from "~/modules/auth/session.server.ts";
import type { Db } from "~/modules/db.server.ts";
import { decrypt } from "~/modules/security/secrets.server.ts";
import * as detail from "./staff.returnees.$id.tsx";
import * as events from "./staff.returnees.events.tsx";
import * as exportRoute from "./staff.returnees.export.ts";
import * as registry from "./staff.returnees._index.tsx";
import * as register from "./returnees._index.tsx";

type Reply = { status?: string; error?: Record<string, string[] | null>; initialValue?: Record<string, unknown> };
const context = { clientAddress: "10.9.0.1" };
const get = (url: string, cookie = "", params: Record<string, string> = {}) => ({ request: new Request(`http://localhost${url}`, { headers: { Cookie: cookie } }), params, context });
const post = (url: string, fields: Record<string, string>, cookie = "", params: Record<string, string> = {}) => ({
  request: new Request(`http://localhost${url}`, { method: "POST", body: new URLSearchParams(fields), headers: { Cookie: cookie } }),
  params,
  context,
});
const statusOf = async (run: Promise<unknown>) => run.then(() => 200, (e: unknown) => (e instanceof Response ? e.status : 500));

describe("returnee routes (real SQLite, demo data)", () => {
  let db: Db;
  let cleanup: () => Promise<void>;
  const cookies = {} as Record<"ziyang" | "hanbin", string>;
  let ziyangRow: { id: number; name: string; phoneEnc: string | null; phoneMasked: string | null };
  let hanbinRow: { id: number; name: string; phoneEnc: string | null; phoneMasked: string | null };

  beforeAll(async () => {
    ({ db, cleanup } = openSeededDatabase());
    for (const [key, email] of [["ziyang", "ziyang@demo.ankang.gov.cn"], ["hanbin", "hanbin@demo.ankang.gov.cn"]] as const) {
      const user = await db.user.findUniqueOrThrow({ where: { email } });
      cookies[key] = (await createSession(user.id, new Request("http://localhost/"), false)).split(";")[0]!;
    }
    const rng = createRng(99);
    ziyangRow = await makeReturnee(db, rng, new Date(), { name: "紫阳路由登记人", homeCounty: "610924", homeTown: "610924101", regionCode: "610924101" });
    hanbinRow = await makeReturnee(db, rng, new Date(), { name: "汉滨路由登记人", homeCounty: "610902", homeTown: null, regionCode: "610902" });
  });
  afterAll(async () => cleanup());

  it("the export holds the area's registrants with their contacts masked, never another county's", async () => {
    const response = (await exportRoute.loader(get("/staff/returnees/export?format=csv", cookies.ziyang))) as Response;
    expect(response.headers.get("Content-Type")).toContain("text/csv");
    const csv = await response.text();
    const lines = csv.replace(/^\uFEFF/, "").trim().split(/\r?\n/);
    expect(lines[0]).toContain("姓名");
    expect(lines.length - 1).toBe(await db.returneeRegistration.count({ where: { confirmedAt: { not: null }, regionCode: { startsWith: "610924" } } }));
    expect(csv).toContain("紫阳路由登记人");
    expect(csv).toContain(ziyangRow.phoneMasked!);
    expect(csv).not.toContain(decrypt(ziyangRow.phoneEnc!));
    expect(csv).not.toContain("汉滨路由登记人");
    // A filter outside the area is refused before a byte is written.
    expect(await statusOf(exportRoute.loader(get("/staff/returnees/export?format=csv&region=610902", cookies.ziyang)))).toBe(404);
  });

  it("another county's registrant is a 404 to look at or to act on; the list leaves them out", async () => {
    expect(await statusOf(detail.loader(get(`/staff/returnees/${hanbinRow.id}`, cookies.ziyang, { id: String(hanbinRow.id) })))).toBe(404);
    expect(await statusOf(detail.action(post(`/staff/returnees/${hanbinRow.id}`, { intent: "reveal" }, cookies.ziyang, { id: String(hanbinRow.id) })))).toBe(404);
    expect(await statusOf(detail.loader(get("/staff/returnees/abc", cookies.ziyang, { id: "abc" })))).toBe(404);
    const page = await registry.loader(get("/staff/returnees?q=%E8%B7%AF%E7%94%B1%E7%99%BB%E8%AE%B0%E4%BA%BA", cookies.ziyang));
    expect(page.rows.map((r) => r.name)).toEqual(["紫阳路由登记人"]);
    expect(await statusOf(registry.loader(get("/staff/returnees?region=610902", cookies.ziyang)))).toBe(404);
    expect((await detail.loader(get(`/staff/returnees/${hanbinRow.id}`, cookies.hanbin, { id: String(hanbinRow.id) }))).name).toBe("汉滨路由登记人");
  });

  it("bad input on the staff forms comes back at its field with what was typed; the full number needs a press and is audited", async () => {
    const id = { id: String(ziyangRow.id) };
    const noNote = (await detail.action(post(`/staff/returnees/${ziyangRow.id}`, { intent: "contact", kind: "call", note: "" }, cookies.ziyang, id))) as { reply: Reply };
    expect(noNote.reply.error?.note).toEqual(["forms.required"]);
    const badLink = (await detail.action(post(`/staff/returnees/${ziyangRow.id}`, { intent: "link", placementId: "abc" }, cookies.ziyang, id))) as { reply: Reply };
    expect(badLink.reply.error?.placementId).toEqual(["returneeStaff.detail.errors.placement"]);
    expect(badLink.reply.initialValue?.placementId).toBe("abc");
    const missing = (await detail.action(post(`/staff/returnees/${ziyangRow.id}`, { intent: "link", placementId: "999999" }, cookies.ziyang, id))) as { reply: Reply };
    expect(missing.reply.error?.placementId).toEqual(["returneeStaff.detail.errors.placementNotFound"]);
    const shown = (await detail.action(post(`/staff/returnees/${ziyangRow.id}`, { intent: "reveal" }, cookies.ziyang, id))) as { phone: string };
    expect(shown.phone).toBe(decrypt(ziyangRow.phoneEnc!));
    expect(await db.auditLog.count({ where: { action: "returnee.reveal_phone", entityId: String(ziyangRow.id) } })).toBe(1);

    const noTitle = (await events.action(post("/staff/returnees/events", { region: "610924", kind: "job_fair", title: "", startsAt: "2099-05-01T09:30", place: "紫阳县体育馆" }, cookies.ziyang))) as { reply: Reply };
    expect(noTitle.reply.error?.title).toEqual(["forms.required"]);
    expect(noTitle.reply.initialValue?.place).toBe("紫阳县体育馆");
    const badTime = (await events.action(post("/staff/returnees/events", { region: "610924", kind: "job_fair", title: "春风行动", startsAt: "2099-02-30T09:30", place: "紫阳县体育馆" }, cookies.ziyang))) as { reply: Reply };
    expect(badTime.reply.error?.startsAt).toEqual(["returneeStaff.errors.when"]);
  });

  it("the public form answers a signed-out visitor's bad input at the field, never a 500", async () => {
    const answer = await register.action(post("/returnees", { name: "张三", county: "", awayCity: "", returneeKind: "astronaut", trade: "", timing: "", consent: "" }));
    const reply = (answer as { reply: Reply }).reply;
    expect(reply.error?.county).toEqual(["returnees.errors.county"]);
    expect(reply.error?.returneeKind).toEqual(["forms.chooseOne"]);
    expect(reply.error?.phone).toEqual(["returnees.errors.contact"]);
    expect(reply.initialValue?.name).toBe("张三");
  });
});
