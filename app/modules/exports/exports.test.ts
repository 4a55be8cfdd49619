import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { exportFormatSchema } from "./schemas.ts";
import { contentDisposition, exportResponse, guardFormula, tableToCsv, tableToXlsx, type ExportRow, type ExportTable } from "./table.server.ts";

const bytes = async (stream: ReadableStream<Uint8Array>) => Buffer.from(await new Response(stream).arrayBuffer());
const arrayBuffer = (stream: ReadableStream<Uint8Array>) => new Response(stream).arrayBuffer();
const text = async (stream: ReadableStream<Uint8Array>) => (await bytes(stream)).toString("utf8");

const columns: ExportTable["columns"] = [
  { key: "name", header: "姓名" },
  { key: "count", header: "人数", type: "integer" },
  { key: "rate", header: "完成率（%）", type: "number" },
  { key: "day", header: "就业日期", type: "date" },
  { key: "at", header: "登记时间", type: "datetime" },
];
const tricky: ExportRow[] = [
  { name: "张三", count: 1200, rate: 45.6, day: new Date(Date.UTC(2026, 0, 5)), at: new Date("2026-03-01T17:30:00Z") },
  { name: "安康市某某有限公司, 分公司", count: -3, rate: null, day: null, at: null },
  { name: 'He said "hi"', count: 0, rate: 0, day: new Date(Date.UTC(2026, 11, 31)), at: null },
  { name: "第一行\n第二行", count: null, rate: 100, day: null, at: null },
  { name: "=HYPERLINK(\"http://evil.example\",\"点我\")", count: 1, rate: 1, day: null, at: null },
  { name: "+86 138", count: 2, rate: 2, day: null, at: null },
  { name: "-1+1", count: 3, rate: 3, day: null, at: null },
  { name: "@SUM(A1)", count: 4, rate: 4, day: null, at: null },
  { name: "a-b=c", count: 5, rate: 5, day: null, at: null },
];

describe("CSV: UTF-8 with BOM, RFC 4180 quoting, no formulas", () => {
  it("starts with the byte-order mark and writes the header line first, CRLF line ends", async () => {
    const file = await bytes(tableToCsv({ sheetName: "表", columns, rows: tricky.slice(0, 1) }));
    expect([...file.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(file.subarray(3).toString("utf8")).toBe("姓名,人数,完成率（%）,就业日期,登记时间\r\n张三,1200,45.6,2026-01-05,2026-03-02 01:30\r\n");
  });

  it("quotes commas, quotes and line breaks; prefixes = + - @ with an apostrophe in text only", async () => {
    const lines = (await text(tableToCsv({ sheetName: "表", columns, rows: tricky }))).replace(/^\uFEFF/, "");
    expect(lines).toBe(
      [
        "姓名,人数,完成率（%）,就业日期,登记时间",
        "张三,1200,45.6,2026-01-05,2026-03-02 01:30",
        '"安康市某某有限公司, 分公司",-3,,,', // a negative number stays a number
        '"He said ""hi""",0,0,2026-12-31,',
        '"第一行\n第二行",,100,,',
        `"'=HYPERLINK(""http://evil.example"",""点我"")",1,1,,`,
        "'+86 138,2,2,,",
        "'-1+1,3,3,,",
        "'@SUM(A1),4,4,,",
        "a-b=c,5,5,,", // only a leading sign is dangerous
        "",
      ].join("\r\n"),
    );
  });

  it("guards tab and carriage-return starts too, and leaves ordinary text alone", () => {
    expect(guardFormula("\t=1")).toBe("'\t=1");
    expect(guardFormula("\r=1")).toBe("'\r=1");
    expect(guardFormula("6109**********123X")).toBe("6109**********123X");
  });

  it("streams rows from an async source in order, however many", async () => {
    async function* many() {
      for (let i = 0; i < 2345; i++) yield { name: `行${i}`, count: i };
    }
    const lines = (await text(tableToCsv({ sheetName: "表", columns: columns.slice(0, 2), rows: many() }))).split("\r\n");
    expect(lines).toHaveLength(2347); // header, rows, and the empty string after the last CRLF
    expect(lines[1]).toBe("行0,0");
    expect(lines[2345]).toBe("行2344,2344");
  });

  it("an empty table is the header line alone", async () => {
    expect(await text(tableToCsv({ sheetName: "表", columns, rows: [] }))).toBe("\uFEFF姓名,人数,完成率（%）,就业日期,登记时间\r\n");
  });
});

describe("XLSX through exceljs: readable back with the same cells", () => {
  it("has a bold header row, column widths, numbers as numbers, dates as dates, text as text", async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await arrayBuffer(tableToXlsx({ sheetName: "目标任务进度", columns, rows: tricky })));
    const sheet = workbook.getWorksheet("目标任务进度")!;
    expect(sheet).toBeDefined();
    expect(sheet.rowCount).toBe(tricky.length + 1);
    expect(sheet.getRow(1).values).toEqual([undefined, "姓名", "人数", "完成率（%）", "就业日期", "登记时间"]);
    expect(sheet.getRow(1).getCell(1).font?.bold).toBe(true);
    tricky.forEach((row, i) => {
      const r = sheet.getRow(i + 2);
      expect(r.getCell(1).value, `row ${i}`).toBe(row.name); // the very same text: no apostrophe, no formula
      expect(r.getCell(1).type).toBe(ExcelJS.ValueType.String);
      expect(r.getCell(2).value ?? null).toBe(row.count ?? null);
      expect(r.getCell(3).value ?? null).toBe(row.rate ?? null);
      expect(r.getCell(4).value ?? null).toEqual(row.day ?? null);
    });
    expect(sheet.getCell("B2").type).toBe(ExcelJS.ValueType.Number);
    expect(sheet.getCell("B2").numFmt).toBe("#,##0");
    expect(sheet.getCell("D2").type).toBe(ExcelJS.ValueType.Date);
    expect(sheet.getCell("D2").numFmt).toBe("yyyy-mm-dd");
    // A moment is written as China's wall-clock time (Excel has no time zones).
    expect(sheet.getCell("E2").value).toEqual(new Date("2026-03-02T01:30:00Z"));
    // Widths: at least the header (Chinese counts double), the longest text measured.
    expect(sheet.getColumn(3).width).toBeGreaterThanOrEqual(11);
    expect(sheet.getColumn(1).width).toBeGreaterThan(sheet.getColumn(2).width!);
  });

  it("cuts the sheet name to Excel's rules and holds thousands of streamed rows", async () => {
    async function* many() {
      for (let i = 0; i < 3000; i++) yield { name: `行${i}`, count: i };
    }
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await arrayBuffer(tableToXlsx({ sheetName: "a/b:c*d?e[f]g\\h 一二三四五六七八九十一二三四五六七八九十", columns: columns.slice(0, 2), rows: many() })));
    const sheet = workbook.worksheets[0]!;
    expect(sheet.name).not.toMatch(/[/:*?[\]\\]/);
    expect(sheet.name.length).toBeLessThanOrEqual(31);
    expect(sheet.rowCount).toBe(3001);
    expect(sheet.getCell("A3001").value).toBe("行2999");
    expect(sheet.getCell("B3001").value).toBe(2999);
  });
});

describe("the download", () => {
  it("names the file in ASCII and in RFC 5987 UTF-8", () => {
    const header = contentDisposition("indicators-610924-2026.xlsx", "目标任务进度-紫阳县-2026年.xlsx");
    expect(header).toMatch(/^attachment; filename="indicators-610924-2026\.xlsx"; filename\*=UTF-8''/);
    const encoded = header.split("filename*=UTF-8''")[1]!;
    expect(encoded).toMatch(/^[A-Za-z0-9%._~!-]+$/);
    expect(decodeURIComponent(encoded)).toBe("目标任务进度-紫阳县-2026年.xlsx");
    expect(contentDisposition('a"b\\c 县.csv', "x.csv")).toContain('filename="a_b_c _.csv"');
  });

  it("answers CSV or XLSX with its type, never cached", async () => {
    const file = { table: { sheetName: "表", columns, rows: tricky }, name: { ascii: "t", utf8: "表" } };
    const csv = exportResponse(file, "csv");
    expect(csv.headers.get("Content-Type")).toBe("text/csv; charset=utf-8");
    expect(csv.headers.get("Cache-Control")).toBe("no-store");
    expect(csv.headers.get("Content-Disposition")).toContain('filename="t.csv"');
    const xlsx = exportResponse({ ...file, table: { ...file.table, rows: tricky } }, "xlsx");
    expect(xlsx.headers.get("Content-Type")).toBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    expect((await bytes(xlsx.body!)).subarray(0, 2).toString()).toBe("PK");
  });

  it("reads ?format= as csv or xlsx; anything else is CSV", () => {
    expect(exportFormatSchema.parse("xlsx")).toBe("xlsx");
    expect(exportFormatSchema.parse("csv")).toBe("csv");
    for (const bad of ["XLSX", "pdf", "", undefined, ["xlsx"]]) expect(exportFormatSchema.parse(bad)).toBe("csv");
  });
});
