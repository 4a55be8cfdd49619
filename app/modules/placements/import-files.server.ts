import type { Language } from "~/i18n/i18n.ts";
import type { ExportFormat } from "../exports/formats.ts";
import { contentDisposition } from "../exports/table.server.ts";
import type { StaffActor } from "../staff/scope.ts";
import { loadImport, reportCsv, templateCsv, templateXlsx } from "./import.server.ts";

const CONTENT_TYPE: Record<ExportFormat, string> = {
  csv: "text/csv; charset=utf-8",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
};

function download(body: string | Uint8Array<ArrayBuffer>, format: ExportFormat, ascii: string, utf8: string): Response {
  return new Response(body, {
    headers: { "Content-Type": CONTENT_TYPE[format], "Content-Disposition": contentDisposition(`${ascii}.${format}`, `${utf8}.${format}`), "Cache-Control": "private, no-store" },
  });
}

/** The empty import file, headers in the reader's language. */
export async function importTemplateFile(format: ExportFormat, lang: Language): Promise<Response> {
  const name = lang === "en" ? "placements-template" : "就业登记导入模板";
  if (format === "csv") return download(templateCsv(lang), "csv", "placements-template", name);
  return download(Uint8Array.from(await templateXlsx(lang)), "xlsx", "placements-template", name);
}

/** Every rejected row of one import as CSV; null outside the staff member's region (a 404). */
export async function importReportFile(actor: StaffActor, batchId: number, lang: Language): Promise<Response | null> {
  const batch = await loadImport(actor, batchId);
  if (!batch) return null;
  const name = `import-${batch.id}-report`;
  return download(reportCsv(batch.report, lang), "csv", name, lang === "en" ? name : `导入-${batch.id}-未通过的行`);
}
