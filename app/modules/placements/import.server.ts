import { tKey } from "~/i18n/translate.ts";
import ExcelJS from "exceljs";
import type { TFunction } from "i18next";
import type { Prisma } from "~/generated/prisma/client.ts";
import type { Language } from "~/i18n/i18n.ts";
import { createI18n } from "~/i18n/i18n.server.ts";
import { audit } from "../audit/audit.server.ts";
import { getDb } from "../db.server.ts";
import { insertMany } from "../bulk-insert.server.ts";
import { maskIdNumber } from "../people/identity.ts";
import { getRegions } from "../regions/regions.server.ts";
import { staffScope, type StaffActor } from "../staff/scope.ts";
import { organizationsByCode, placementData, recordedStarts, regionScope, sameStart, type RegionScope, type RowErrors } from "./entry.server.ts";
import { checkXlsxArchive } from "./xlsx-guard.server.ts";
import {
  PLACEMENT_CONTINUITIES,
  PLACEMENT_GROUPS,
  PLACEMENT_KINDS,
  PLACEMENT_RETURNEE_KINDS,
  placementRowSchema,
  type PlacementRow,
  type PlacementRowField,
} from "./schemas.ts";
import { likeText } from "../like.ts";

/** Limits of one import file: said on the page and checked before any row is read. */
export const IMPORT_MAX_BYTES = 5 * 1024 * 1024;
export const IMPORT_MAX_ROWS = 20_000;

/**
 * The columns of an import file. The header row may use the Chinese or the English name (or one
 * of the aliases); columns are found by name, in any order, and other columns are ignored.
 */
export const IMPORT_COLUMNS: readonly { field: PlacementRowField; zh: string; en: string; aliases: readonly string[]; required: boolean }[] = [
  { field: "personName", zh: "姓名", en: "Name", aliases: ["人员姓名", "person name", "person"], required: true },
  { field: "idNumber", zh: "身份证号", en: "ID number", aliases: ["身份证号码", "公民身份号码", "证件号码", "id", "id no", "id card"], required: true },
  { field: "groups", zh: "人员类别", en: "Groups", aliases: ["重点群体", "person groups"], required: false },
  { field: "returneeKind", zh: "返乡人员类型", en: "Returnee kind", aliases: ["返乡前身份", "返乡类型"], required: false },
  { field: "kind", zh: "就业类别", en: "Placement kind", aliases: ["登记类别", "kind"], required: true },
  { field: "continuity", zh: "就业情形", en: "Continuity", aliases: ["就业变动情形"], required: false },
  { field: "employerName", zh: "用人单位", en: "Employer", aliases: ["就业单位", "单位名称", "employer name"], required: true },
  { field: "creditCode", zh: "统一社会信用代码", en: "Credit code", aliases: ["信用代码", "unified social credit code"], required: false },
  { field: "regionCode", zh: "就业地区", en: "Region", aliases: ["就业地区代码", "地区代码", "就业地点", "region code"], required: true },
  { field: "startDate", zh: "就业日期", en: "Start date", aliases: ["入职日期", "开始日期", "start"], required: true },
];

/** Header text compared without case, spaces, underscores or brackets: "ID Number（必填）" finds idNumber. */
function headerKey(text: string): string {
  return text.normalize("NFKC").replace(/[(（[【].*?[)）\]】]/g, "").replace(/[\s_*:：-]+/g, "").toLowerCase();
}
const COLUMN_BY_HEADER = new Map(IMPORT_COLUMNS.flatMap((c) => [c.zh, c.en, c.field, ...c.aliases].map((h) => [headerKey(h), c.field] as const)));

/** Values compared like headers: a code, or its Chinese or English label. */
const valueKey = headerKey;

function labelMap(codes: readonly string[], keyOf: (code: string) => string): Map<string, string> {
  const map = new Map<string, string>();
  for (const lang of ["zh-CN", "en"] as const) {
    const { t } = createI18n(lang);
    for (const code of codes) {
      map.set(valueKey(code), code);
      map.set(valueKey(tKey(t, keyOf(code))), code);
    }
  }
  return map;
}

let labels: { kind: Map<string, string>; continuity: Map<string, string>; groups: Map<string, string>; returneeKind: Map<string, string> } | undefined;
function valueLabels() {
  labels ??= {
    kind: labelMap(PLACEMENT_KINDS, (c) => `placements.kinds.${c}`),
    continuity: labelMap(PLACEMENT_CONTINUITIES, (c) => `placementEntry.continuities.${c}`),
    groups: labelMap(PLACEMENT_GROUPS, (c) => `groups.${c}`),
    returneeKind: labelMap(PLACEMENT_RETURNEE_KINDS, (c) => `seekers.returneeKinds.${c}`),
  };
  return labels;
}

// ---- reading the file ----

export type ImportFormat = "csv" | "xlsx";
/** One data row as read: its row number in the file and its cells as text, by field. */
interface RawRow {
  row: number;
  cells: Partial<Record<PlacementRowField, string>>;
  /** Cells that a spreadsheet held as numbers (an ID number there has lost its last digits). */
  numeric: Set<PlacementRowField>;
}
type Table = { ok: true; rows: RawRow[] } | { ok: false; error: string };

/** RFC 4180 CSV: quoted fields may hold commas, quotes ("") and line breaks. Returns records. */
export function parseCsv(text: string): string[][] {
  const firstLine = text.slice(0, text.search(/\r?\n|$/));
  const sep = !firstLine.includes(",") && firstLine.includes("\t") ? "\t" : ",";
  const records: string[][] = [];
  let record: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"' && field === "") quoted = true;
    else if (ch === sep) {
      record.push(field);
      field = "";
    } else if (ch === "\n" || ch === "\r") {
      if (ch === "\r" && text[i + 1] === "\n") i++;
      record.push(field);
      records.push(record);
      record = [];
      field = "";
    } else field += ch;
  }
  if (field !== "" || record.length) {
    record.push(field);
    records.push(record);
  }
  return records;
}

function toTable(records: { row: number; cells: string[]; numeric?: Set<number> }[]): Table {
  const nonEmpty = records.filter((r) => r.cells.some((c) => c.trim() !== ""));
  const header = nonEmpty[0];
  if (!header) return { ok: false, error: "placementEntry.import.errors.empty" };
  const fields = header.cells.map((h) => COLUMN_BY_HEADER.get(headerKey(h)));
  const missing = IMPORT_COLUMNS.filter((c) => c.required && !fields.includes(c.field));
  if (missing.length) return { ok: false, error: `placementEntry.import.errors.columnsMissing?columns=${encodeURIComponent(missing.map((c) => c.zh).join("、"))}` };
  const data = nonEmpty.slice(1);
  if (data.length === 0) return { ok: false, error: "placementEntry.import.errors.noRows" };
  if (data.length > IMPORT_MAX_ROWS) return { ok: false, error: `placementEntry.import.errors.tooManyRows?max=${IMPORT_MAX_ROWS}&count=${data.length}` };
  return {
    ok: true,
    rows: data.map((r) => {
      const cells: RawRow["cells"] = {};
      const numeric = new Set<PlacementRowField>();
      fields.forEach((field, i) => {
        if (!field || cells[field]) return;
        cells[field] = (r.cells[i] ?? "").trim();
        if (r.numeric?.has(i)) numeric.add(field);
      });
      return { row: r.row, cells, numeric };
    }),
  };
}

function readCsv(data: Uint8Array): Table {
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(data);
  } catch {
    return { ok: false, error: "placementEntry.import.errors.notUtf8" };
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  return toTable(parseCsv(text).map((cells, i) => ({ row: i + 1, cells })));
}

/** A cell's value as the text a person sees; dates as YYYY-MM-DD (exceljs gives them as UTC midnight). */
function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return "";
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? "" : value.toISOString().slice(0, 10);
  if (typeof value === "object") {
    if ("richText" in value) return value.richText.map((r) => r.text).join("");
    if ("result" in value) return cellText((value.result ?? null) as ExcelJS.CellValue);
    if ("text" in value) return String(value.text);
    if ("error" in value) return "";
    return "";
  }
  return String(value);
}

/** An Excel day number (days since 1899-12-30) for 2000–2099 → YYYY-MM-DD. */
function excelDay(text: string): string {
  const n = Number(text);
  if (!Number.isInteger(n) || n < 36_526 || n > 73_050) return text;
  return new Date(Date.UTC(1899, 11, 30) + n * 86_400_000).toISOString().slice(0, 10);
}

async function readXlsx(data: Uint8Array): Promise<Table> {
  const archive = await checkXlsxArchive(data);
  if (!archive.ok) return { ok: false, error: archive.error };
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(Buffer.from(data) as unknown as ArrayBuffer);
  } catch {
    return { ok: false, error: "placementEntry.import.errors.unreadable" };
  }
  const sheet = workbook.worksheets.find((s) => s.actualRowCount > 0) ?? workbook.worksheets[0];
  if (!sheet) return { ok: false, error: "placementEntry.import.errors.empty" };
  if (sheet.actualRowCount > IMPORT_MAX_ROWS + 1) return { ok: false, error: `placementEntry.import.errors.tooManyRows?max=${IMPORT_MAX_ROWS}&count=${sheet.actualRowCount - 1}` };
  const records: { row: number; cells: string[]; numeric: Set<number> }[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells: string[] = [];
    const numeric = new Set<number>();
    row.eachCell({ includeEmpty: true }, (cell, col) => {
      cells[col - 1] = cellText(cell.value);
      if (typeof cell.value === "number") numeric.add(col - 1);
    });
    records.push({ row: rowNumber, cells: Array.from(cells, (c) => c ?? ""), numeric });
  });
  const table = toTable(records);
  if (table.ok) for (const r of table.rows) if (r.cells.startDate && r.numeric.has("startDate")) r.cells.startDate = excelDay(r.cells.startDate);
  return table;
}

/** CSV or XLSX, by the file's first bytes (an XLSX is a zip) and then its name. */
export function formatOf(fileName: string, data: Uint8Array): ImportFormat | null {
  if (data[0] === 0x50 && data[1] === 0x4b && data[2] === 0x03 && data[3] === 0x04) return "xlsx";
  if (/\.xlsx$/i.test(fileName)) return null; // named XLSX but not a zip: not a real one
  if (/\.(csv|txt)$/i.test(fileName)) return "csv";
  return null;
}

// ---- checking rows ----

export interface ReportRow {
  row: number;
  personName: string | null;
  idNumberMasked: string | null;
  /** Per field (null: the row as a whole), an i18n key as the forms use them. */
  errors: { field: PlacementRowField | null; message: string }[];
}
export interface ImportReport {
  fileErrors: string[];
  rows: ReportRow[];
}

function splitCodes(text: string | undefined, map: Map<string, string>): string[] {
  if (!text) return [];
  return text.split(/[,，、;；/|\s]+/).filter(Boolean).map((v) => map.get(valueKey(v)) ?? v);
}

function codeOf(text: string | undefined, map: Map<string, string>): string | undefined {
  if (!text) return undefined;
  return map.get(valueKey(text)) ?? text;
}

type RegionIndex = Map<string, string[]>;
/** Region names (Chinese, English, "county + town") → codes, over every county and town. */
async function regionNames(): Promise<RegionIndex> {
  const regions = await getRegions();
  const index: RegionIndex = new Map();
  const add = (name: string | null | undefined, code: string) => {
    if (!name) return;
    const key = valueKey(name);
    index.set(key, [...new Set([...(index.get(key) ?? []), code])]);
  };
  for (const r of regions.values()) {
    if (r.level !== "county" && r.level !== "town") continue;
    add(r.name, r.code);
    add(r.nameEn, r.code);
    const county = r.level === "town" ? regions.get(r.code.slice(0, 6)) : undefined;
    if (county) {
      add(`${county.name}${r.name}`, r.code);
      if (county.nameEn && r.nameEn) add(`${county.nameEn} ${r.nameEn}`, r.code);
    }
  }
  return index;
}

/** A region typed as a code or a name; a name shared by several places is settled by the scope. */
function regionCodeOf(text: string | undefined, names: RegionIndex, scope: RegionScope): { code?: string; error?: string } {
  if (!text) return {};
  if (/^\d+$/.test(text)) return { code: text };
  const codes = names.get(valueKey(text)) ?? [];
  const mine = codes.filter((c) => scope.prefix === null || c.startsWith(scope.prefix));
  if (mine.length === 1) return { code: mine[0] };
  if (mine.length > 1) return { error: "placementEntry.errors.regionAmbiguous" };
  if (codes.length) return { code: codes[0] }; // outside the scope: the scope check says so
  return { error: "placementEntry.errors.regionUnknown" };
}

function maskedOf(raw: string | undefined): string | null {
  const v = (raw ?? "").replace(/\s/g, "");
  return v.length >= 8 ? maskIdNumber(v) : v ? "*".repeat(v.length) : null;
}

interface CheckedRow {
  raw: RawRow;
  value?: PlacementRow;
  countyCode?: string;
  errors: RowErrors;
}

/** Every row through the shared schema and the scope, without touching the database. */
async function checkRows(rows: RawRow[], scope: RegionScope): Promise<CheckedRow[]> {
  const maps = valueLabels();
  const names = await regionNames();
  return rows.map((raw) => {
    const c = raw.cells;
    const errors: RowErrors = {};
    const region = regionCodeOf(c.regionCode, names, scope);
    const input = {
      personName: c.personName || undefined,
      idNumber: c.idNumber ? c.idNumber.replace(/\s/g, "") : undefined,
      groups: splitCodes(c.groups, maps.groups),
      returneeKind: codeOf(c.returneeKind, maps.returneeKind),
      kind: codeOf(c.kind, maps.kind),
      continuity: codeOf(c.continuity, maps.continuity),
      employerName: c.employerName || undefined,
      creditCode: c.creditCode || undefined,
      regionCode: region.code,
      startDate: c.startDate || undefined,
    };
    const parsed = placementRowSchema.safeParse(input);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const field = issue.path[0] as PlacementRowField;
        errors[field] ??= issue.message;
      }
    }
    if (region.error) errors.regionCode = region.error;
    if (raw.numeric.has("idNumber") && errors.idNumber) errors.idNumber = "placementEntry.errors.idNumberAsNumber";
    if (!parsed.success) return { raw, errors };
    const inScope = scope.check(parsed.data.regionCode);
    if (!inScope.ok) return { raw, errors: { regionCode: inScope.error } };
    return { raw, value: parsed.data, countyCode: inScope.countyCode, errors };
  });
}

export type ImportResult = { ok: true; batchId: number; status: "accepted" | "rejected" } | { ok: false; error: string };

/**
 * Imports one file of placements, all or nothing: every row is checked (the shared row schema,
 * the staff member's scope, the same start already recorded or twice in the file); if any row is
 * refused, no placement is saved and the batch keeps only the report; otherwise every row is saved
 * as a pending placement, with the batch and one audit record, in one transaction.
 */
export async function importPlacements(actor: StaffActor, file: { name: string; data: Uint8Array }, now = new Date()): Promise<ImportResult> {
  if (file.data.byteLength === 0) return { ok: false, error: "placementEntry.import.errors.noFile" };
  if (file.data.byteLength > IMPORT_MAX_BYTES) return { ok: false, error: `placementEntry.import.errors.tooLarge?mb=${IMPORT_MAX_BYTES / 1024 / 1024}` };
  const format = formatOf(file.name, file.data);
  if (!format) return { ok: false, error: "placementEntry.import.errors.format" };
  const scope = await regionScope(actor);
  const fileName = file.name.slice(0, 200) || `import.${format}`;
  const table = format === "csv" ? readCsv(file.data) : await readXlsx(file.data);
  const db = getDb();
  const batch = (status: "accepted" | "rejected", totalRows: number, acceptedRows: number, report: ImportReport) => ({
    fileName, format, status, totalRows, acceptedRows, report: JSON.stringify(report), createdById: actor.id, regionCode: scope.homeCode, createdAt: now,
  });
  const rejected = async (tx: Prisma.TransactionClient, totalRows: number, report: ImportReport) => {
    const saved = await tx.placementImport.create({ data: batch("rejected", totalRows, 0, report) });
    await audit(tx, {
      actorId: actor.id, action: "placement.import_rejected", entityType: "placement_import", entityId: saved.id, regionCode: scope.homeCode,
      after: { fileName, format, status: "rejected", totalRows, acceptedRows: 0, rejectedRows: report.rows.length, fileErrors: report.fileErrors },
    });
    return { ok: true, batchId: saved.id, status: "rejected" } as const;
  };

  if (!table.ok) return db.$transaction((tx) => rejected(tx, 0, { fileErrors: [table.error], rows: [] }));
  const checked = await checkRows(table.rows, scope);
  const organizations = await organizationsByCode(db, checked.flatMap((r) => (r.value?.creditCode ? [r.value.creditCode] : [])));

  // Rows whose cells are fine become placement data; twice in the file is refused at the later row.
  const records = checked.map((r) => (r.value ? placementData(actor, r.value, r.countyCode!, r.value.creditCode ? (organizations.get(r.value.creditCode) ?? null) : null, "import") : null));
  const seen = new Map<string, number[]>();
  records.forEach((rec, i) => {
    if (!rec) return;
    const earlier = (seen.get(rec.idHash) ?? []).find((j) => sameStart(records[j]!, rec));
    if (earlier !== undefined) checked[i]!.errors.form = `placementEntry.errors.duplicateInFile?row=${checked[earlier]!.raw.row}`;
    else seen.set(rec.idHash, [...(seen.get(rec.idHash) ?? []), i]);
  });

  return db.$transaction(
    async (tx) => {
      // Checked against what is recorded inside the transaction that saves, so two imports cannot both add the same start.
      const candidates = records.flatMap((rec, i) => (rec && !checked[i]!.errors.form ? [{ rec, i }] : []));
      const recorded = await recordedStarts(tx, candidates.map((c) => c.rec));
      candidates.forEach((c, k) => {
        if (recorded[k]) checked[c.i]!.errors.form = "placementEntry.errors.duplicate";
      });
      const refused = checked.filter((r) => Object.keys(r.errors).length > 0);
      if (refused.length) {
        const rows: ReportRow[] = refused.map((r) => ({
          row: r.raw.row,
          personName: r.raw.cells.personName || null,
          idNumberMasked: maskedOf(r.raw.cells.idNumber),
          errors: Object.entries(r.errors).map(([field, message]) => ({ field: field === "form" ? null : (field as PlacementRowField), message: message! })),
        }));
        return rejected(tx, checked.length, { fileErrors: [], rows });
      }
      const saved = await tx.placementImport.create({ data: batch("accepted", checked.length, checked.length, { fileErrors: [], rows: [] }) });
      await insertMany(tx, "Placement", records.map((rec) => ({ ...rec!, importBatchId: saved.id, createdAt: now, updatedAt: now })));
      await audit(tx, {
        actorId: actor.id, action: "placement.import", entityType: "placement_import", entityId: saved.id, regionCode: scope.homeCode,
        after: { fileName, format, status: "accepted", totalRows: checked.length, acceptedRows: checked.length, placementStatus: "pending" },
      });
      return { ok: true, batchId: saved.id, status: "accepted" } as const;
    },
    { timeout: 120_000, maxWait: 30_000 },
  );
}

// ---- reading batches back ----

function scopeWhere(actor: StaffActor) {
  const prefix = staffScope(actor);
  return prefix === null ? {} : { regionCode: { startsWith: likeText(prefix) } };
}

/** The latest imports filed in the staff member's region. */
export async function recentImports(actor: StaffActor, take = 10) {
  const rows = await getDb().placementImport.findMany({
    where: scopeWhere(actor),
    orderBy: { id: "desc" },
    take,
    select: { id: true, fileName: true, format: true, status: true, totalRows: true, acceptedRows: true, createdAt: true },
  });
  return rows.map((r) => ({ ...r, createdAt: r.createdAt.toISOString() }));
}

/** One import with its report; outside the staff member's region it does not exist (null). */
export async function loadImport(actor: StaffActor, id: number) {
  const row = await getDb().placementImport.findFirst({ where: { id, ...scopeWhere(actor) } });
  if (!row) return null;
  const report = JSON.parse(row.report) as ImportReport;
  return {
    id: row.id,
    fileName: row.fileName,
    format: row.format,
    status: row.status as "accepted" | "rejected",
    totalRows: row.totalRows,
    acceptedRows: row.acceptedRows,
    createdAt: row.createdAt.toISOString(),
    report,
  };
}

// ---- files for download ----

function csvCell(value: string): string {
  const safe = /^[=+\-@]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) || safe !== value ? `"${safe.replace(/"/g, '""')}"` : safe;
}
/** CSV with a BOM, so spreadsheet programs read the Chinese right; cells that look like formulas are defused. */
export function toCsv(rows: readonly (readonly string[])[]): string {
  return `\uFEFF${rows.map((r) => r.map(csvCell).join(",")).join("\r\n")}\r\n`;
}

/** An error key ("key?param=value") in words. */
export function errorText(t: TFunction, error: string): string {
  const [key, query] = error.split("?");
  return tKey(t, key ?? error, Object.fromEntries(new URLSearchParams(query ?? "")));
}

function columnName(field: PlacementRowField | null, lang: Language) {
  if (!field) return lang === "en" ? "(whole row)" : "（整行）";
  const column = IMPORT_COLUMNS.find((c) => c.field === field)!;
  return lang === "en" ? column.en : column.zh;
}

/** The rejected rows of a report as CSV, one line per field error, in the reader's language. */
export function reportCsv(report: ImportReport, lang: Language): string {
  const { t } = createI18n(lang);
  const lines: string[][] = [[t("placementEntry.import.reportRow"), t("placementEntry.fields.personName"), t("placementEntry.fields.idNumber"), t("placementEntry.import.reportColumn"), t("placementEntry.import.reportReason")]];
  for (const e of report.fileErrors) lines.push(["", "", "", "", errorText(t, e)]);
  for (const r of report.rows) for (const e of r.errors) lines.push([String(r.row), r.personName ?? "", r.idNumberMasked ?? "", columnName(e.field, lang), errorText(t, e.message)]);
  return toCsv(lines);
}

/** An empty file with the header row in the chosen language. */
export function templateCsv(lang: Language): string {
  return toCsv([IMPORT_COLUMNS.map((c) => (lang === "en" ? c.en : c.zh))]);
}

/** The XLSX template: the header row, the ID number column as text, and a sheet of allowed values. */
export async function templateXlsx(lang: Language): Promise<Buffer> {
  const { t } = createI18n(lang);
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(t("placementEntry.import.templateSheet"));
  sheet.columns = IMPORT_COLUMNS.map((c) => ({ header: lang === "en" ? c.en : c.zh, key: c.field, width: c.field === "employerName" ? 30 : 18 }));
  sheet.getColumn("idNumber").numFmt = "@";
  sheet.getColumn("creditCode").numFmt = "@";
  sheet.getColumn("regionCode").numFmt = "@";
  sheet.getColumn("startDate").numFmt = "yyyy-mm-dd";
  sheet.getRow(1).font = { bold: true };
  sheet.views = [{ state: "frozen", ySplit: 1 }];
  const values = workbook.addWorksheet(t("placementEntry.import.valuesSheet"));
  values.columns = [
    { header: t("placementEntry.import.valuesColumn"), width: 18 },
    { header: t("placementEntry.import.valuesCode"), width: 26 },
    { header: t("placementEntry.import.valuesLabel"), width: 36 },
  ];
  values.getRow(1).font = { bold: true };
  const add = (field: PlacementRowField, codes: readonly string[], key: (c: string) => string) => {
    for (const code of codes) values.addRow([columnName(field, lang), code, tKey(t, key(code))]);
  };
  add("kind", PLACEMENT_KINDS, (c) => `placements.kinds.${c}`);
  add("continuity", PLACEMENT_CONTINUITIES, (c) => `placementEntry.continuities.${c}`);
  add("groups", PLACEMENT_GROUPS, (c) => `groups.${c}`);
  add("returneeKind", PLACEMENT_RETURNEE_KINDS, (c) => `seekers.returneeKinds.${c}`);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
