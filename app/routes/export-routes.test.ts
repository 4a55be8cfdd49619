/**
 * Downloads, the printable report and the public figures page, called as Remix calls them, on a
 * copy of the demo data: files for staff inside their region, 404 outside it, ID numbers only
 * masked, every record behind a figure in its export, and nothing personal on the public page.
 */
import type { LoaderFunctionArgs } from "@remix-run/node";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openSeededDatabase } from "../../tests/setup/test-env.ts";
import { createSession } from "~/modules/auth/session.server.ts";
import type { Db } from "~/modules/db.server.ts";
import { regionDashboard } from "~/modules/indicators/progress.server.ts";
import { decrypt } from "~/modules/security/secrets.server.ts";
import type { StaffActor } from "~/modules/staff/scope.ts";
import * as figuresPage from "./figures.tsx";
import * as dashboardExport from "./staff.indicators.export.ts";
import * as recordsExport from "./staff.indicators.records_.export.ts";
import * as reportPage from "./staff.indicators.report.tsx";
import * as placementsExport from "./staff.placements_.export.ts";

type Loader = (args: LoaderFunctionArgs) => unknown;
const context = { clientAddress: "10.4.0.1" };
const get = (url: string, cookie?: string) => new Request(`http://localhost${url}`, { headers: cookie ? { Cookie: cookie } : {} });
/** What the loader answers: its Response (thrown or returned) or its data. */
async function call(loader: Loader, url: string, cookie?: string): Promise<unknown> {
  try {
    return await loader({ request: get(url, cookie), params: {}, context });
  } catch (error) {
    if (error instanceof Response) return error;
    throw error;
  }
}
async function file(loader: Loader, url: string, cookie?: string): Promise<Response> {
  const answer = await call(loader, url, cookie);
  if (!(answer instanceof Response)) throw new Error(`${url}: expected a file, got data`);
  return answer;
}
/** The file's text, byte-order mark checked and removed (Response.text() would drop it silently). */
async function csvText(res: Response): Promise<string> {
  const bytes = new Uint8Array(await res.arrayBuffer());
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  return new TextDecoder("utf-8", { ignoreBOM: true }).decode(bytes).slice(1);
}
/** The exports quote fields with line breaks; none of these tables has one, so a line is a row. */
const csvRows = (text: string) => text.split("\r\n").filter(Boolean).map((line) => line.split(","));
async function sheetOf(res: Response) {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(await res.arrayBuffer());
  return workbook.worksheets[0]!;
}
const cellsOf = (sheet: ExcelJS.Worksheet) => {
  const rows: unknown[][] = [];
  sheet.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
  return rows;
};
const MASKED = /^\d{4}\*{10}[\dX]{4}$/;
const FULL_ID = /\d{17}[\dX]/;

describe("exports, the printable report and the public figures (real SQLite, demo data)", () => {
  let db: Db;
  let cleanup: () => Promise<void>;
  const cookies = {} as Record<"ziyang" | "hanbin" | "city" | "haoping" | "admin", string>;
  const actors = {} as Record<keyof typeof cookies, StaffActor>;
  const year = new Date(Date.now() + 8 * 3_600_000).getUTCFullYear();
  let newUrban: { id: number; plan: string };
  /** A record behind 紫阳县's new-urban-employment figure, with its full ID number. */
  let known: { placementId: number; fullId: string; masked: string; name: string };

  beforeAll(async () => {
    ({ db, cleanup } = openSeededDatabase());
    for (const key of Object.keys({ ziyang: 1, hanbin: 1, city: 1, haoping: 1, admin: 1 }) as (keyof typeof cookies)[]) {
      const user = await db.user.findUniqueOrThrow({ where: { email: `${key}@demo.ankang.gov.cn` } });
      cookies[key] = (await createSession(user.id, get("/"), false)).split(";")[0]!;
      actors[key] = { id: user.id, role: user.role as StaffActor["role"], staffRegionCode: user.staffRegionCode };
    }
    const indicator = await db.indicator.findFirstOrThrow({ where: { code: "new_urban_employment", plan: { code: `ankang-${year}` } }, include: { plan: true } });
    newUrban = { id: indicator.id, plan: indicator.plan.code };
    const credit = await db.indicatorCredit.findFirstOrThrow({
      where: { indicatorId: indicator.id, year, countyCode: "610924", placement: { idNumberEnc: { not: null } } },
      include: { placement: true },
      orderBy: { id: "asc" },
    });
    known = { placementId: credit.placementId, fullId: decrypt(credit.placement.idNumberEnc!), masked: credit.placement.idNumberMasked!, name: credit.placement.personName };
    expect(known.fullId).toMatch(FULL_ID);
  });
  afterAll(() => cleanup());

  const figureOf = async (actor: StaffActor, region: string) =>
    (await regionDashboard(actor, { region, year, plan: newUrban.plan }))!.indicators.find((i) => i.code === "new_urban_employment")!.done!;

  it("the dashboard table downloads as CSV and XLSX with the dashboard's own figures, named in ASCII and UTF-8", async () => {
    const url = `/staff/indicators/export?region=610924&year=${year}&plan=${newUrban.plan}`;
    const csv = await file(dashboardExport.loader, `${url}&format=csv`, cookies.ziyang);
    expect(csv.status).toBe(200);
    expect(csv.headers.get("Content-Type")).toBe("text/csv; charset=utf-8");
    const disposition = csv.headers.get("Content-Disposition")!;
    expect(disposition).toContain(`filename="indicators-610924-${year}.csv"`);
    expect(decodeURIComponent(disposition.split("filename*=UTF-8''")[1]!)).toBe(`目标任务进度-紫阳县-${year}年.csv`);
    const rows = csvRows(await csvText(csv));
    expect(rows[0]).toEqual(["指标", "计量单位", "目标", "完成", "完成率（%）", "序时应完成", "差距", "状态"]);
    const done = await figureOf(actors.ziyang, "610924");
    expect(rows.find((r) => r[0] === "城镇新增就业")![3]).toBe(String(done));

    const xlsx = await file(dashboardExport.loader, `${url}&format=xlsx`, cookies.ziyang);
    expect(xlsx.headers.get("Content-Type")).toContain("spreadsheetml");
    expect(xlsx.headers.get("Content-Disposition")).toContain(`filename="indicators-610924-${year}.xlsx"`);
    const sheet = await sheetOf(xlsx);
    const cells = cellsOf(sheet);
    expect(cells[0]![0]).toBe("指标");
    expect(sheet.getRow(1).font?.bold).toBe(true);
    const row = cells.find((r) => r[0] === "城镇新增就业")!;
    expect(row[3]).toBe(done); // a number, not text
    expect(cells).toHaveLength(1 + (await db.indicator.count({ where: { plan: { code: newUrban.plan } } })));

    // A rate in basis points is written as its percentage: 400 → 4.
    const rate = cells.find((r) => r[0] === "登记失业率");
    if (rate && rate[2] !== undefined) expect(rate[2]).toBe(4);

    // English headers for an English reader; a bad format is CSV.
    const en = await file(dashboardExport.loader, `${url}&format=pdf&lng=en`, cookies.ziyang);
    expect(en.headers.get("Content-Type")).toBe("text/csv; charset=utf-8");
    expect(csvRows(await csvText(en))[0]![0]).toBe("Indicator");
  });

  it("the child-region ranking downloads ranked as the dashboard ranks it", async () => {
    const res = await file(dashboardExport.loader, `/staff/indicators/export?region=610924&year=${year}&table=ranking&rank=${newUrban.id}&format=xlsx`, cookies.ziyang);
    expect(res.headers.get("Content-Disposition")).toContain(`filename="ranking-610924-${year}.xlsx"`);
    const cells = cellsOf(await sheetOf(res));
    const towns = await db.region.count({ where: { parentCode: "610924" } });
    expect(cells).toHaveLength(1 + towns);
    expect(cells[0]!.slice(0, 3)).toEqual(["名次", "区划代码", "地区"]);
    const pctColumn = cells[0]!.indexOf("城镇新增就业 · 完成率（%）");
    expect(pctColumn).toBeGreaterThan(2);
    const pcts = cells.slice(1).map((r) => r[pctColumn] as number);
    expect(pcts).toEqual([...pcts].sort((a, b) => a - b));
    expect(cells.slice(1).map((r) => r[0])).toEqual(Array.from({ length: towns }, (_, i) => i + 1));
    // The sum of the towns' counts is the county's figure.
    const doneColumn = cells[0]!.indexOf("城镇新增就业 · 完成");
    expect(cells.slice(1).reduce((a, r) => a + (r[doneColumn] as number), 0)).toBe(await figureOf(actors.ziyang, "610924"));
  });

  it("the records export holds every record behind the figure (all pages), ID numbers masked only", async () => {
    const base = `/staff/indicators/records/export?indicator=${newUrban.id}&region=610924&year=${year}`;
    const figure = await figureOf(actors.ziyang, "610924");
    expect(figure).toBeGreaterThan(50); // more than one page of the records page

    const csv = await file(recordsExport.loader, `${base}&format=csv`, cookies.ziyang);
    expect(csv.status).toBe(200);
    expect(csv.headers.get("Content-Disposition")).toContain(`filename="records-new_urban_employment-610924-${year}.csv"`);
    const text = await csvText(csv);
    expect(text).not.toContain(known.fullId);
    expect(text).not.toMatch(FULL_ID);
    const rows = csvRows(text);
    expect(rows[0]).toEqual(["登记编号", "人员", "身份证号", "单位", "登记类别", "就业日期", "地点", "来源"]);
    expect(rows.length - 1).toBe(figure);
    expect(new Set(rows.slice(1).map((r) => r[0])).size).toBe(figure);
    for (const r of rows.slice(1)) if (r[2]) expect(r[2]).toMatch(MASKED);
    expect(rows.find((r) => r[0] === String(known.placementId))?.[2]).toBe(known.masked);

    const xlsx = await file(recordsExport.loader, `${base}&format=xlsx`, cookies.ziyang);
    const raw = Buffer.from(await xlsx.clone().arrayBuffer());
    expect(raw.includes(Buffer.from(known.fullId))).toBe(false);
    const cells = cellsOf(await sheetOf(xlsx));
    expect(cells.length - 1).toBe(figure);
    expect(JSON.stringify(cells)).not.toContain(known.fullId);
    expect(cells.find((r) => r[0] === known.placementId)?.[2]).toBe(known.masked);
    expect(cells[1]![5]).toBeInstanceOf(Date);

    // One month's records: the month's count.
    const month = await db.indicatorCredit.count({ where: { indicatorId: newUrban.id, year, countyCode: "610924", month: 1 } });
    const january = csvRows(await csvText(await file(recordsExport.loader, `${base}&month=1`, cookies.ziyang)));
    expect(january.length - 1).toBe(month);
  });

  it("the city's records export is the city's figure, across every county", async () => {
    const figure = await figureOf(actors.city, "610900");
    const res = await file(recordsExport.loader, `/staff/indicators/records/export?indicator=${newUrban.id}&region=610900&year=${year}&format=xlsx`, cookies.city);
    const sheet = await sheetOf(res);
    expect(sheet.rowCount - 1).toBe(figure);
  });

  it("outside the staff member's region every export and the report are 404, with nothing in them", async () => {
    const urls: [Loader, string][] = [
      [dashboardExport.loader, `/staff/indicators/export?region=610924&year=${year}&format=xlsx`],
      [dashboardExport.loader, `/staff/indicators/export?region=610924&year=${year}&table=ranking&format=csv`],
      [dashboardExport.loader, `/staff/indicators/export?region=610924101&year=${year}`],
      [recordsExport.loader, `/staff/indicators/records/export?indicator=${newUrban.id}&region=610924&year=${year}&format=csv`],
      [recordsExport.loader, `/staff/indicators/records/export?indicator=${newUrban.id}&region=610924100&year=${year}&format=xlsx`],
      [reportPage.loader, `/staff/indicators/report?region=610924&year=${year}`],
    ];
    for (const [loader, url] of urls) {
      const answer = (await call(loader, url, cookies.hanbin)) as Response;
      expect(answer, `汉滨区 staff: ${url}`).toBeInstanceOf(Response);
      expect(answer.status, `汉滨区 staff: ${url}`).toBe(404);
      expect(await answer.text()).toBe("");
    }
    // A town's staff cannot read its county either.
    for (const [loader, url] of urls.filter(([, u]) => !u.includes("610924101") && !u.includes("610924100"))) {
      expect(((await call(loader, url, cookies.haoping)) as Response).status, `蒿坪镇 staff: ${url}`).toBe(404);
    }
    // Nonsense in the records URL is 404 too, never a 500.
    for (const url of ["/staff/indicators/records/export?indicator=abc&region=610924", "/staff/indicators/records/export?indicator=999999&region=610924", "/staff/indicators/records/export?indicator=1&region=999999"]) {
      expect(((await call(recordsExport.loader, url, cookies.admin)) as Response).status, url).toBe(404);
    }
  });

  it("the placements export holds every placement of the tab in the region and no other, ID numbers masked", async () => {
    const inZiyang = await db.placement.count({ where: { regionCode: { startsWith: "610924" } } });
    const res = await file(placementsExport.loader, "/staff/placements/export?status=all&format=csv", cookies.ziyang);
    expect(res.headers.get("Content-Disposition")).toMatch(/filename="placements-all-\d{4}-\d{2}-\d{2}\.csv"/);
    const text = await csvText(res);
    expect(text).not.toContain(known.fullId);
    expect(text).not.toMatch(FULL_ID);
    const rows = csvRows(text).slice(1);
    expect(rows).toHaveLength(inZiyang);
    const ids = rows.map((r) => Number(r[0]));
    const regions = await db.placement.findMany({ where: { id: { in: ids.slice(0, 500) } }, select: { regionCode: true } });
    expect(regions.every((p) => p.regionCode.startsWith("610924"))).toBe(true);
    expect(ids).toContain(known.placementId);

    const hanbin = csvRows(await csvText(await file(placementsExport.loader, "/staff/placements/export?status=all", cookies.hanbin))).slice(1);
    expect(hanbin).toHaveLength(await db.placement.count({ where: { regionCode: { startsWith: "610902" } } }));
    expect(hanbin.map((r) => Number(r[0]))).not.toContain(known.placementId);

    // The pending tab (the default) and a search by the full ID number, as on the page.
    const pending = csvRows(await csvText(await file(placementsExport.loader, "/staff/placements/export?status=bogus", cookies.ziyang))).slice(1);
    expect(pending).toHaveLength(await db.placement.count({ where: { regionCode: { startsWith: "610924" }, status: "pending" } }));
    const found = await file(placementsExport.loader, `/staff/placements/export?status=all&q=${known.fullId}&format=xlsx`, cookies.ziyang);
    const cells = cellsOf(await sheetOf(found));
    expect(cells.slice(1).map((r) => r[0])).toContain(known.placementId);
    expect(cells.slice(1).every((r) => r[3] === known.masked)).toBe(true);
    expect(JSON.stringify(cells)).not.toContain(known.fullId);
  });

  it("the printable report has the region, plan, year, pace, the indicator table and the ranking", async () => {
    const data = (await call(reportPage.loader, `/staff/indicators/report?region=610924&year=${year}`, cookies.ziyang)) as Awaited<ReturnType<typeof reportPage.loader>>;
    expect(data.dashboard.region.name).toBe("紫阳县");
    expect(data.dashboard.plan?.code).toBe(newUrban.plan);
    expect(data.dashboard.indicators.find((i) => i.code === "new_urban_employment")!.done).toBe(await figureOf(actors.ziyang, "610924"));
    expect(data.dashboard.children.length).toBeGreaterThan(0);
    expect(Date.parse(data.printedAt)).not.toBeNaN();
    expect(reportPage.links().some((l) => "rel" in l && l.rel === "stylesheet")).toBe(true); // print.css, this page only
  });

  it("the public page shows the city's figures to anyone, aggregate numbers only, cacheable", async () => {
    const data = (await call(figuresPage.loader, "/figures")) as Awaited<ReturnType<typeof figuresPage.loader>>;
    expect(data.year).toBe(year);
    expect(data.years).toContain(year);
    expect(data.years).toContain(2021);
    expect(data.years.every((y) => y <= year)).toBe(true);
    const headline = data.indicators.find((i) => i.code === "new_urban_employment")!;
    expect(headline.done).toBe(await figureOf(actors.city, "610900"));
    expect(headline.target).toBe(20000);
    expect(headline.pct).toBeGreaterThan(0);
    expect(headline.pace).toBeGreaterThan(0);
    expect(data.counties?.rows).toHaveLength(10);
    expect(data.counties!.rows.every((c) => typeof c.pct === "number")).toBe(true);

    const body = JSON.stringify(data);
    expect(body).not.toMatch(/\d{4}\*{4,}/); // no masked ID numbers
    expect(body).not.toMatch(FULL_ID);
    expect(body).not.toContain(known.name);
    const names = (await db.placement.findMany({ distinct: ["personName"], select: { personName: true } })).map((p) => p.personName);
    expect(names.length).toBeGreaterThan(100);
    expect(names.filter((n) => body.includes(n))).toEqual([]);
    const employers = (await db.placement.findMany({ distinct: ["employerName"], select: { employerName: true }, take: 200 })).map((p) => p.employerName);
    expect(employers.filter((n) => body.includes(n))).toEqual([]);
    expect(Object.keys(headline).sort()).toEqual(["code", "done", "nameEn", "nameZh", "pace", "pct", "status", "target", "type", "unit"]);

    // Signed in or not, the same numbers; another year from the picker; a bad year is this year.
    const asStaff = await call(figuresPage.loader, "/figures", cookies.ziyang);
    expect(JSON.stringify(asStaff)).toBe(body);
    const last = (await call(figuresPage.loader, `/figures?year=${year - 1}`)) as typeof data;
    expect(last.year).toBe(year - 1);
    expect(last.plan?.code).toBe("ankang-2021-2025");
    for (const bad of ["abc", "1999", "2999"]) expect(((await call(figuresPage.loader, `/figures?year=${bad}`)) as typeof data).year).toBe(year);

    const headers = new Headers(figuresPage.headers!({ loaderHeaders: new Headers(), parentHeaders: new Headers(), actionHeaders: new Headers(), errorHeaders: undefined }) as HeadersInit);
    expect(headers.get("Cache-Control")).toBe("public, max-age=300");
    expect(headers.get("Vary")).toBe("Cookie");
  });
});
