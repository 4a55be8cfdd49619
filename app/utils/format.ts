import type { TFunction } from "i18next";

export function formatPay(t: TFunction, pay: { min: number; max: number; period: string } | null): string {
  if (!pay) return "";
  const unit = t(`payPeriod.${pay.period}`);
  return pay.min === pay.max ? `${pay.min} ${unit}` : `${pay.min}–${pay.max} ${unit}`;
}

export function formatDate(iso: string | Date | null | undefined, lang: string): string {
  if (!iso) return "";
  const date = typeof iso === "string" ? new Date(iso) : iso;
  return new Intl.DateTimeFormat(lang === "en" ? "en-GB" : "zh-CN", { year: "numeric", month: "short", day: "numeric", timeZone: "Asia/Shanghai" }).format(date);
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
