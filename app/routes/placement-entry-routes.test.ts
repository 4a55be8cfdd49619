import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openSeededDatabase } from "../../tests/setup/test-env.ts";
import { createSession } from "~/modules/auth/session.server.ts";
import type { Db } from "~/modules/db.server.ts";
import { idNumberCheckChar } from "~/modules/people/identity.ts";
import { decrypt, lookupHash } from "~/modules/security/secrets.server.ts";
import { action as importAction, loader as importLoader } from "./staff.placements_.import.tsx";
import { loader as reportLoader } from "./staff.placements_.import_.$batchId.report.ts";
import { loader as templateLoader } from "./staff.placements_.import_.template.$format.ts";
import { action as entryAction, loader as entryLoader } from "./staff.placements_.new.tsx";

type Reply = { status?: string; error?: Record<string, string[] | null>; initialValue?: Record<string, unknown> };
const context = { clientAddress: "10.4.0.1" };
const args = (request: Request) => ({ request, params: {}, context });
const get = (url: string, cookie: string) => new Request(`http://localhost${url}`, { headers: { Cookie: cookie } });
const post = (url: string, body: URLSearchParams | FormData, cookie: string) => new Request(`http://localhost${url}`, { method: "POST", body, headers: { Cookie: cookie } });
const outcome = async (run: Promise<unknown>) => run.catch((e: unknown) => e);

const idNumber = (serial: number) => {
  const first17 = `61092419570${1 + (serial % 9)}2${serial % 10}${String(serial % 1000).padStart(3, "0")}`;
  return first17 + idNumberCheckChar(first17);
};
const chinaDay = (offsetDays = 0) => new Date(Date.now() + 8 * 3_600_000 + offsetDays * 86_400_000).toISOString().slice(0, 10);

describe("placement entry form and import routes (loaders and actions on real SQLite)", () => {
  let db: Db;
  let cleanup: () => Promise<void>;
  const cookies: Record<string, string> = {};
  const ids: Record<string, number> = {};

  const good = (): Record<string, string | string[]> => ({
    personName: "冯十",
    idNumber: idNumber(11),
    kind: "new_urban",
    groups: [],
    continuity: "new_employer",
    employerName: "紫阳县路由测试有限公司",
    regionCode: "610924101",
    startDate: "2025-08-01",
  });
  const form = (fields: Record<string, string | string[]>) => {
    const body = new URLSearchParams();
    for (const [k, v] of Object.entries(fields)) for (const one of Array.isArray(v) ? v : [v]) body.append(k, one);
    return body;
  };
  const upload = (name: string, content: string | Uint8Array<ArrayBuffer>, type = "text/csv") => {
    const body = new FormData();
    body.append("file", new File([content], name, { type }));
    return body;
  };

  beforeAll(async () => {
    ({ db, cleanup } = openSeededDatabase());
    for (const key of ["ziyang", "hanbin", "haoping", "admin"]) {
      const user = await db.user.findUniqueOrThrow({ where: { email: `${key}@demo.ankang.gov.cn` } });
      ids[key] = user.id;
      cookies[key] = (await createSession(user.id, new Request("http://localhost/"), false)).split(";")[0]!;
    }
  });
  afterAll(() => cleanup());

  it("answers every bad value at its field, keeps everything typed, and never fails", async () => {
    const hanbinTown = "610902001";
    const bad: [Record<string, string | string[]>, string, string][] = [
      [{ personName: "" }, "personName", "forms.required"],
      [{ personName: "名".repeat(41) }, "personName", "forms.tooLong"],
      [{ idNumber: "" }, "idNumber", "forms.required"],
      [{ idNumber: "61092419570101" }, "idNumber", "seekers.errors.idNumberFormat"],
      [{ idNumber: `${idNumber(12).slice(0, 17)}${idNumber(12)[17] === "1" ? "2" : "1"}` }, "idNumber", "seekers.errors.idNumberChecksum"],
      [{ idNumber: "610924199002301234" }, "idNumber", "seekers.errors.idNumberDate"],
      [{ kind: "" }, "kind", "placementEntry.errors.kindUnknown"],
      [{ kind: "astronaut" }, "kind", "placementEntry.errors.kindUnknown"],
      [{ groups: ["veteran", "martian"] }, "groups", "placementEntry.errors.groupUnknown"],
      [{ returneeKind: "wizard" }, "returneeKind", "placementEntry.errors.returneeKindUnknown"],
      [{ kind: "returnee" }, "returneeKind", "placementEntry.errors.returneeKindRequired"],
      [{ groups: ["returnee"] }, "returneeKind", "placementEntry.errors.returneeKindRequired"],
      [{ continuity: "sometimes" }, "continuity", "placementEntry.errors.continuityUnknown"],
      [{ employerName: "" }, "employerName", "forms.required"],
      [{ employerName: "厂".repeat(101) }, "employerName", "forms.tooLong"],
      [{ creditCode: "9161 0924" }, "creditCode", "placementEntry.errors.creditCodeFormat"],
      [{ regionCode: "" }, "regionCode", "forms.required"],
      [{ regionCode: "'; DROP TABLE" }, "regionCode", "placementEntry.errors.regionUnknown"],
      [{ regionCode: "610924999" }, "regionCode", "placementEntry.errors.regionUnknown"],
      [{ regionCode: "610900" }, "regionCode", "placementEntry.errors.regionUnknown"],
      [{ regionCode: hanbinTown }, "regionCode", "placementEntry.errors.regionOutOfScope"],
      [{ startDate: "" }, "startDate", "forms.required"],
      [{ startDate: "2025-02-30" }, "startDate", "placementEntry.errors.dateInvalid"],
      [{ startDate: "next week" }, "startDate", "placementEntry.errors.dateInvalid"],
      [{ startDate: chinaDay(1) }, "startDate", "placementEntry.errors.dateFuture"],
      [{ startDate: "1999-12-31" }, "startDate", "placementEntry.errors.dateTooEarly"],
    ];
    const before = await db.placement.count();
    for (const [override, field, message] of bad) {
      const fields = { ...good(), ...override };
      const reply = (await outcome(entryAction(args(post("/staff/placements/new", form(fields), cookies.ziyang!))))) as Reply;
      expect(reply instanceof Response, `${JSON.stringify(override)} must not throw or redirect`).toBe(false);
      expect(reply.error?.[field], JSON.stringify(override)).toEqual([message]);
      // Only that field is wrong, and every typed value comes back.
      expect(Object.entries(reply.error ?? {}).filter(([, v]) => v?.length).map(([k]) => k), JSON.stringify(override)).toEqual([field]);
      for (const [k, v] of Object.entries(fields)) {
        if (v === "" || (Array.isArray(v) && v.length === 0)) continue;
        // One ticked box comes back as a string, several as a list.
        expect([reply.initialValue?.[k]].flat(), `${k} kept after ${JSON.stringify(override)}`).toEqual([v].flat());
      }
    }
    expect(await db.placement.count()).toBe(before);
  });

  it("saves a good entry as pending, says so after the redirect, and refuses the same start again at the form", async () => {
    const res = (await entryAction(args(post("/staff/placements/new", form({ ...good(), groups: ["graduate", "veteran"] }), cookies.ziyang!)))) as Response;
    expect(res.status).toBe(302);
    const location = res.headers.get("Location")!;
    expect(location).toMatch(/^\/staff\/placements\/new\?saved=\d+$/);
    const id = Number(new URL(location, "http://localhost").searchParams.get("saved"));
    const saved = await db.placement.findUniqueOrThrow({ where: { id } });
    expect(saved).toMatchObject({ personName: "冯十", status: "pending", source: "staff", kind: "new_urban", groups: ",graduate,veteran,", regionCode: "610924101", countyCode: "610924", createdById: ids.ziyang });
    expect(decrypt(saved.idNumberEnc!)).toBe(idNumber(11));
    expect(await db.auditLog.count({ where: { action: "placement.create", entityId: String(id), actorId: ids.ziyang } })).toBe(1);

    const page = await entryLoader(args(get(location, cookies.ziyang!)));
    expect(page.saved).toEqual({ id, personName: "冯十" });
    // Someone else's id in the URL shows nothing.
    expect((await entryLoader(args(get(location, cookies.hanbin!)))).saved).toBeNull();

    const again = (await entryAction(args(post("/staff/placements/new", form(good()), cookies.ziyang!)))) as Reply;
    expect(again.error?.[""]).toEqual(["placementEntry.errors.duplicate"]);
    expect(again.initialValue?.personName).toBe("冯十");
  });

  it("offers only the staff member's own region: a town's staff see their town, a county's staff their county and towns", async () => {
    const town = await entryLoader(args(get("/staff/placements/new", cookies.haoping!)));
    expect(town.options.counties).toHaveLength(1);
    expect(town.options.counties[0]).toMatchObject({ code: "610924", selectable: false });
    expect(town.options.counties[0]!.towns.map((t) => t.code)).toEqual(["610924101"]);
    const county = await entryLoader(args(get("/staff/placements/new", cookies.ziyang!)));
    expect(county.options.counties.map((c) => [c.code, c.selectable])).toEqual([["610924", true]]);
    expect(county.options.counties[0]!.towns.length).toBeGreaterThan(10);
    const admin = await entryLoader(args(get("/staff/placements/new", cookies.admin!)));
    expect(admin.options.counties).toHaveLength(10);
  });

  it("imports an uploaded file (multipart) and shows its result; a bad file saves nothing and its report downloads as CSV", async () => {
    const header = "姓名,身份证号,就业类别,用人单位,就业地区,就业日期\n";
    const good = `${header}褚一,${idNumber(21)},new_urban,紫阳导入一厂,610924100,2025-07-01\n卫二,${idNumber(22)},internship,紫阳导入二厂,蒿坪镇,2025-07-02\n`;
    const res = (await importAction(args(post("/staff/placements/import", upload("good.csv", `\uFEFF${good}`), cookies.ziyang!)))) as Response;
    expect(res.status).toBe(302);
    const location = res.headers.get("Location")!;
    expect(location).toMatch(/^\/staff\/placements\/import\?batch=\d+$/);
    const page = (await importLoader(args(get(location, cookies.ziyang!)))) as Exclude<Awaited<ReturnType<typeof importLoader>>, Response>;
    expect(page.batch).toMatchObject({ status: "accepted", acceptedRows: 2, totalRows: 2, fileName: "good.csv" });
    expect(page.recent[0]).toMatchObject({ fileName: "good.csv", status: "accepted" });
    const batchId = page.batch!.id;
    expect(await db.placement.count({ where: { importBatchId: batchId, status: "pending" } })).toBe(2);
    // Another county's staff: that batch does not exist, nor in their list.
    expect(((await outcome(importLoader(args(get(location, cookies.hanbin!))))) as Response).status).toBe(404);
    const theirs = (await importLoader(args(get("/staff/placements/import", cookies.hanbin!)))) as typeof page;
    expect(theirs.recent.map((r) => r.id)).not.toContain(batchId);

    const before = await db.placement.count();
    const bad = `${header}蒋三,${idNumber(23)},new_urban,紫阳导入三厂,610924100,2025-07-03\n沈四,${idNumber(24)},new_urban,紫阳导入四厂,610924100,${chinaDay(2)}\n`;
    const res2 = (await importAction(args(post("/staff/placements/import", upload("bad.csv", bad), cookies.ziyang!)))) as Response;
    const badPage = (await importLoader(args(get(res2.headers.get("Location")!, cookies.ziyang!)))) as typeof page;
    expect(badPage.batch).toMatchObject({ status: "rejected", acceptedRows: 0 });
    expect(badPage.batch!.report.rows).toEqual([{ row: 3, personName: "沈四", idNumberMasked: `6109**********${idNumber(24).slice(-4)}`, errors: [{ field: "startDate", message: "placementEntry.errors.dateFuture" }] }]);
    expect(await db.placement.count()).toBe(before);
    expect(await db.placement.count({ where: { idHash: lookupHash("id-number", idNumber(23)) } })).toBe(0);

    const badId = String(badPage.batch!.id);
    // The page's old link is sent on to the report's own resource route.
    const old = (await outcome(importLoader(args(get(`${res2.headers.get("Location")}&download=report`, cookies.ziyang!))))) as Response;
    expect(old.headers.get("Location")).toBe(`/staff/placements/import/${badId}/report`);
    const report = (url: string, cookie: string, batchId = badId) => reportLoader({ request: get(url, cookie), params: { batchId }, context });
    const csv = await report(`/staff/placements/import/${badId}/report`, cookies.ziyang!);
    expect(csv.headers.get("Content-Type")).toBe("text/csv; charset=utf-8");
    expect(csv.headers.get("Content-Disposition")).toMatch(/^attachment; filename="import-\d+-report\.csv"; filename\*=UTF-8''/);
    expect(((await outcome(report("/x", cookies.hanbin!))) as Response).status).toBe(404);
    expect(((await outcome(report("/x", cookies.ziyang!, "1e3"))) as Response).status).toBe(404);
    const text = await csv.text();
    expect(text).toContain("3,沈四,");
    expect(text).toContain("就业日期,就业日期不能晚于今天。");
    const en = await report(`/staff/placements/import/${badId}/report?lng=en`, cookies.ziyang!);
    expect(await en.text()).toContain("Start date,The start date cannot be after today.");
  });

  it("takes an XLSX upload, and answers a missing, empty or oversized file with a message instead of an error", async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet("名单");
    sheet.addRow(["姓名", "身份证号", "就业类别", "用人单位", "就业地区", "就业日期"]);
    sheet.addRow(["韩五", idNumber(31), "零工和灵活就业", "紫阳导入五厂", "610924101", new Date(Date.UTC(2025, 6, 5))]);
    const xlsx = new Uint8Array(await workbook.xlsx.writeBuffer());
    const res = (await importAction(args(post("/staff/placements/import", upload("名单.xlsx", xlsx, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"), cookies.ziyang!)))) as Response;
    expect(res.status).toBe(302);
    const batchId = Number(new URL(res.headers.get("Location")!, "http://localhost").searchParams.get("batch"));
    expect(await db.placement.findMany({ where: { importBatchId: batchId }, select: { personName: true, kind: true, startDate: true } })).toEqual([
      { personName: "韩五", kind: "gig_flexible", startDate: new Date("2025-07-05T00:00:00.000Z") },
    ]);

    const batches = await db.placementImport.count();
    expect(await importAction(args(post("/staff/placements/import", form({}), cookies.ziyang!)))).toEqual({ error: "placementEntry.import.errors.noFile" });
    expect(await importAction(args(post("/staff/placements/import", upload("", ""), cookies.ziyang!)))).toEqual({ error: "placementEntry.import.errors.noFile" });
    expect(await importAction(args(post("/staff/placements/import", upload("big.csv", new Uint8Array(5 * 1024 * 1024 + 1)), cookies.ziyang!)))).toEqual({ error: "placementEntry.import.errors.tooLarge?mb=5" });
    expect(await db.placementImport.count()).toBe(batches);
  });

  it("hands out the CSV and XLSX templates with the column names", async () => {
    const template = (format: string, url: string) => templateLoader({ request: get(url, cookies.haoping!), params: { format }, context });
    const csv = await template("csv", "/staff/placements/import/template/csv");
    expect(csv.headers.get("Content-Disposition")).toMatch(/^attachment; filename="placements-template.csv"; filename\*=UTF-8''/);
    const bytes = new Uint8Array(await csv.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]); // the BOM, so spreadsheet programs read UTF-8
    expect(new TextDecoder().decode(bytes)).toBe("姓名,身份证号,人员类别,返乡人员类型,就业类别,就业情形,用人单位,统一社会信用代码,就业地区,就业日期\r\n");
    const xlsx = await template("xlsx", "/staff/placements/import/template/xlsx?lng=en");
    expect(xlsx.headers.get("Content-Type")).toBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await xlsx.arrayBuffer());
    expect((workbook.worksheets[0]!.getRow(1).values as unknown[]).slice(1, 3)).toEqual(["Name", "ID number"]);
    expect(((await outcome(template("pdf", "/staff/placements/import/template/pdf"))) as Response).status).toBe(404);
  });
});
