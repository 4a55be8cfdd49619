/**
 * One table, two file formats: every export on the site goes through `tableToCsv` and
 * `tableToXlsx`. A table is columns (translated headers and a type) and rows; the rows may arrive
 * as an async stream read from the database in batches, and both files are written as a stream,
 * so a city-wide export never sits in memory whole.
 */
import { PassThrough, Readable } from "node:stream";
import ExcelJS from "exceljs";
import type { ExportFormat } from "./formats.ts";

export type CellValue = string | number | Date | null | undefined;
export type ExportRow = Record<string, CellValue>;
/** text: as is; integer / number: numbers in both files; date: a calendar day (UTC midnight); datetime: a moment shown in China time. */
export type ColumnType = "text" | "integer" | "number" | "date" | "datetime";

export interface ExportColumn {
  key: string;
  header: string;
  type?: ColumnType;
  /** Characters; otherwise measured from the header and the first rows. */
  width?: number;
}

export interface ExportTable {
  /** The worksheet's name (cut to Excel's 31 characters, forbidden characters replaced). */
  sheetName: string;
  columns: ExportColumn[];
  rows: Iterable<ExportRow> | AsyncIterable<ExportRow>;
}


const CHINA_OFFSET = 8 * 3_600_000;
const BOM = "\uFEFF";
/** How many rows are read before the first byte is written, to size the columns. */
const MEASURE_ROWS = 200;
const MAX_WIDTH = 60;

const pad = (n: number) => String(n).padStart(2, "0");
function dayText(d: Date): string {
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}
function chinaTimeText(d: Date): string {
  const c = new Date(d.getTime() + CHINA_OFFSET);
  return `${dayText(c)} ${pad(c.getUTCHours())}:${pad(c.getUTCMinutes())}`;
}

/**
 * A spreadsheet would run a cell that starts with = + - @ (or a tab / carriage return) as a
 * formula; a leading apostrophe keeps it text. Only text cells: numbers stay numbers.
 */
export function guardFormula(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

/** RFC 4180: quoted when it holds a comma, a quote or a line break; quotes doubled. */
export function csvField(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

function csvCell(value: CellValue, type: ColumnType): string {
  if (value === null || value === undefined || value === "") return "";
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? "" : type === "datetime" ? chinaTimeText(value) : dayText(value);
  if (typeof value === "number") return Number.isFinite(value) ? String(value) : "";
  return csvField(guardFormula(value));
}

function csvLine(columns: ExportColumn[], row: ExportRow): string {
  return `${columns.map((c) => csvCell(row[c.key], c.type ?? "text")).join(",")}\r\n`;
}

async function* rowsOf(rows: ExportTable["rows"]): AsyncGenerator<ExportRow> {
  for await (const row of rows as AsyncIterable<ExportRow>) yield row;
}

/** The first rows (for measuring) and an iterator over all of them, those first ones included. */
async function peek(table: ExportTable): Promise<{ head: ExportRow[]; all: AsyncGenerator<ExportRow> }> {
  const source = rowsOf(table.rows);
  const head: ExportRow[] = [];
  let done = false;
  while (head.length < MEASURE_ROWS) {
    const next = await source.next();
    if (next.done) {
      done = true;
      break;
    }
    head.push(next.value);
  }
  async function* all() {
    yield* head;
    if (!done) yield* source;
  }
  return { head, all: all() };
}

/** Text width as a spreadsheet shows it: Chinese (and other wide) characters take two columns. */
function displayWidth(text: string): number {
  let w = 0;
  for (const ch of text) w += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(ch) ? 2 : 1;
  return w;
}

function widthsOf(columns: ExportColumn[], head: ExportRow[]): number[] {
  return columns.map((c) => {
    if (c.width) return c.width;
    const type = c.type ?? "text";
    const base = type === "date" ? 12 : type === "datetime" ? 17 : 8;
    const longest = Math.max(displayWidth(c.header), ...head.map((r) => displayWidth(csvCell(r[c.key], type))));
    return Math.min(MAX_WIDTH, Math.max(base, longest + 2));
  });
}

/** CSV in UTF-8 with a byte-order mark (so Excel reads Chinese right), CRLF line ends, a header line. */
export function tableToCsv(table: ExportTable): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  const source = rowsOf(table.rows);
  let started = false;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        let chunk = "";
        if (!started) {
          started = true;
          chunk = BOM + csvLine(table.columns, Object.fromEntries(table.columns.map((c) => [c.key, c.header])));
        }
        for (let i = 0; i < 500; i++) {
          const next = await source.next();
          if (next.done) {
            if (chunk) controller.enqueue(encoder.encode(chunk));
            controller.close();
            return;
          }
          chunk += csvLine(table.columns, next.value);
        }
        controller.enqueue(encoder.encode(chunk));
      } catch (error) {
        controller.error(error);
      }
    },
    async cancel() {
      await source.return(undefined);
    },
  });
}

const NUM_FMT: Partial<Record<ColumnType, string>> = { integer: "#,##0", date: "yyyy-mm-dd", datetime: "yyyy-mm-dd hh:mm" };

function sheetName(name: string): string {
  return name.replace(/[[\]:*?/\\]/g, " ").slice(0, 31) || "Sheet1";
}

function xlsxCell(value: CellValue, type: ColumnType): ExcelJS.CellValue {
  if (value === null || value === undefined || value === "") return null;
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) return null;
    // Excel has no time zones: a moment is written as the China wall-clock time it was.
    return type === "datetime" ? new Date(value.getTime() + CHINA_OFFSET) : value;
  }
  if (typeof value === "number") return Number.isFinite(value) ? value : null;
  return value;
}

/**
 * XLSX through exceljs' streaming writer: a bold, frozen header row, column widths, numbers as
 * numbers (integers with a thousands separator), dates as dates. Strings are written as strings,
 * so a cell starting with "=" is text, never a formula.
 */
export function tableToXlsx(table: ExportTable): ReadableStream<Uint8Array> {
  const out = new PassThrough();
  void (async () => {
    const { head, all } = await peek(table);
    const widths = widthsOf(table.columns, head);
    const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
    const sheet = workbook.addWorksheet(sheetName(table.sheetName), { views: [{ state: "frozen", ySplit: 1 }] });
    sheet.columns = table.columns.map((c, i) => ({
      key: c.key,
      header: c.header,
      width: widths[i],
      style: NUM_FMT[c.type ?? "text"] ? { numFmt: NUM_FMT[c.type ?? "text"] } : {},
    }));
    const header = sheet.getRow(1);
    header.font = { bold: true };
    header.alignment = { vertical: "middle", wrapText: true };
    header.commit();
    for await (const row of all) {
      sheet.addRow(Object.fromEntries(table.columns.map((c) => [c.key, xlsxCell(row[c.key], c.type ?? "text")]))).commit();
    }
    sheet.commit();
    await workbook.commit();
  })().catch((error: unknown) => out.destroy(error instanceof Error ? error : new Error(String(error))));
  return Readable.toWeb(out) as ReadableStream<Uint8Array>;
}

/** attachment; filename="ascii"; filename*=UTF-8''percent-encoded — old clients read the first, the rest the second. */
export function contentDisposition(asciiName: string, utf8Name: string): string {
  const ascii = asciiName.replace(/[^\x20-\x7e]/g, "_").replace(/["\\]/g, "_");
  const encoded = encodeURIComponent(utf8Name).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}

export interface ExportFile {
  table: ExportTable;
  /** Without the extension: an ASCII name and the full one (Chinese allowed). */
  name: { ascii: string; utf8: string };
}

const CONTENT_TYPE: Record<ExportFormat, string> = {
  csv: "text/csv; charset=utf-8",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
};

/** The download: the file in the chosen format, named in both forms, never cached (it holds staff data). */
export function exportResponse(file: ExportFile, format: ExportFormat): Response {
  const body = format === "xlsx" ? tableToXlsx(file.table) : tableToCsv(file.table);
  return new Response(body, {
    headers: {
      "Content-Type": CONTENT_TYPE[format],
      "Content-Disposition": contentDisposition(`${file.name.ascii}.${format}`, `${file.name.utf8}.${format}`),
      "Cache-Control": "no-store",
    },
  });
}
