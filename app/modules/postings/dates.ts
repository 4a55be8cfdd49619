/**
 * Calendar days as Ankang counts them (China time, UTC+8, no daylight saving). Dates are stored in
 * UTC; a form's "2026-05-01" means that day in China. Pure: the form schema uses it in the browser.
 */
const DAY = 86_400_000;
const CHINA_OFFSET = 8 * 3_600_000;

/** "2026-05-01", also "2026/5/1", "2026.5.1" or "2026年5月1日" (typed where there is no date picker). */
export function parseDay(value: string): string | null {
  const m = /^(\d{4})\s*[-./年]\s*(\d{1,2})\s*[-./月]\s*(\d{1,2})\s*日?$/.exec(value.trim());
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) return null;
  return `${m[1]}-${String(mo).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
}

/** The China calendar day of an instant, as "YYYY-MM-DD". */
export function chinaDay(instant: Date): string {
  return new Date(instant.getTime() + CHINA_OFFSET).toISOString().slice(0, 10);
}

/** 23:59:59.999 China time on that day: when a post valid "until" that day leaves search. */
export function endOfDay(day: string): Date {
  const [y, m, d] = day.split("-").map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d) + DAY - 1 - CHINA_OFFSET);
}

/** Whole days from `from` to `to` (both "YYYY-MM-DD"). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY);
}

export function addDays(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * DAY).toISOString().slice(0, 10);
}

/** "2026-12-20T14:30" (a datetime-local field) as that moment in China time; null when it is no real moment. */
export function chinaMoment(value: string): Date | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(value.trim());
  if (!m || !parseDay(`${m[1]}-${m[2]}-${m[3]}`) || Number(m[4]) > 23 || Number(m[5]) > 59) return null;
  return new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5])) - CHINA_OFFSET);
}

/** An instant as "2026-12-20 14:30" in China time, for messages. */
export function chinaDateTime(instant: Date): string {
  return new Date(instant.getTime() + CHINA_OFFSET).toISOString().slice(0, 16).replace("T", " ");
}
