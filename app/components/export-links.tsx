import { useTranslation } from "~/i18n/translate.ts";

/**
 * "导出 Excel · CSV": plain links (a download, not a page), so they work without JavaScript and
 * Remix does not try to render them. `href` is the export route with its query, without a format.
 */
export function ExportLinks({ href, what, className = "" }: { href: string; what: string; className?: string }) {
  const { t } = useTranslation();
  const withFormat = (format: "xlsx" | "csv") => `${href}${href.includes("?") ? "&" : "?"}format=${format}`;
  return (
    <p className={`no-print flex flex-wrap items-center gap-x-2 text-sm ${className}`} data-testid="export-links">
      <span className="text-slate-600">{t("exports.download")}</span>
      <a href={withFormat("xlsx")} download className="inline-flex min-h-11 items-center text-brand-700 underline" aria-label={t("exports.downloadLabel", { what, format: "Excel" })}>{t("exports.excel")}</a>
      <span aria-hidden="true" className="text-slate-400">/</span>
      <a href={withFormat("csv")} download className="inline-flex min-h-11 items-center text-brand-700 underline" aria-label={t("exports.downloadLabel", { what, format: "CSV" })}>{t("exports.csv")}</a>
    </p>
  );
}

/** A URL with only the parameters that have a value. */
export function withQuery(path: string, params: Record<string, string | number | null | undefined>): string {
  const search = new URLSearchParams(Object.entries(params).filter(([, v]) => v !== undefined && v !== null && v !== "").map(([k, v]) => [k, String(v)]));
  return search.size ? `${path}?${search}` : path;
}
