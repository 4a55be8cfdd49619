import { tCode } from "~/i18n/translate.ts";
import type { TFunction } from "i18next";

export function formatPay(t: TFunction, pay: { min: number; max: number; period: string } | null): string {
  if (!pay) return "";
  const unit = tCode(t, "payPeriod", pay.period);
  return pay.min === pay.max ? `${pay.min} ${unit}` : `${pay.min}–${pay.max} ${unit}`;
}

/**
 * The site's one set of Intl formatters, China time, made once per language and style: building
 * an Intl formatter costs far more than using one, and pages format dozens of values.
 */
const STYLES = {
  date: { year: "numeric", month: "short", day: "numeric" },
  dateTime: { dateStyle: "medium", timeStyle: "short" },
  shortDateTime: { dateStyle: "short", timeStyle: "medium" },
} as const satisfies Record<string, Intl.DateTimeFormatOptions>;
type DateStyle = keyof typeof STYLES;

const locale = (lang: string) => (lang === "en" ? "en-GB" : "zh-CN");
const dateFormats = new Map<string, Intl.DateTimeFormat>();
const numberFormats = new Map<string, Intl.NumberFormat>();

function dateFormat(lang: string, style: DateStyle): Intl.DateTimeFormat {
  const key = `${locale(lang)}|${style}`;
  let format = dateFormats.get(key);
  if (!format) dateFormats.set(key, (format = new Intl.DateTimeFormat(locale(lang), { ...STYLES[style], timeZone: "Asia/Shanghai" })));
  return format;
}

export function formatDate(iso: string | Date | null | undefined, lang: string, style: DateStyle = "date"): string {
  if (!iso) return "";
  return dateFormat(lang, style).format(typeof iso === "string" ? new Date(iso) : iso);
}

/** A whole number with the language's grouping (12,345). */
export function formatNumber(n: number, lang: string): string {
  const key = locale(lang);
  let format = numberFormats.get(key);
  if (!format) numberFormats.set(key, (format = new Intl.NumberFormat(key)));
  return format.format(n);
}

/** Splits text around the query's words so the UI can wrap matches in <mark>. */
export function highlightParts(text: string, query: string): { text: string; match: boolean }[] {
  const terms = query
    .split(/\s+/)
    .filter((w) => w.length > 0)
    .map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"))
    .sort((a, b) => b.length - a.length);
  if (terms.length === 0) return [{ text, match: false }];
  const alternatives = terms.join("|");
  const exact = new RegExp(`^(?:${alternatives})$`, "i");
  return text
    .split(new RegExp(`(${alternatives})`, "gi"))
    .filter(Boolean)
    .map((part) => ({ text: part, match: exact.test(part) }));
}
