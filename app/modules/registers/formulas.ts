/**
 * The formulas that turn registers into indicator figures. Pure functions: the module reads the
 * rows, these decide. Rates are in basis points (400 = 4.00%), rounded half up to the basis point,
 * except that a rate short of 100% never rounds up to 100%.
 */

const DAY = 86_400_000;
const CHINA_OFFSET = 8 * 3_600_000;
/** A zero-employment family must have a member in work within this many days of recognition. */
export const CLEAR_WITHIN_DAYS = 30;

export const COMMUNITY_LEVELS = ["city", "provincial", "provincial_star", "national"] as const;
export type CommunityLevel = (typeof COMMUNITY_LEVELS)[number];

/** part ÷ whole in basis points; null when there is nothing to divide by. */
export function ratioBp(part: number, whole: number): number | null {
  if (whole <= 0) return null;
  const bp = Math.round((part * 10_000) / whole);
  return part < whole ? Math.min(bp, 9_999) : bp;
}

/** A year as register days: from its 1 January (inclusive) to the next 1 January (exclusive). */
export function yearBounds(year: number): { start: Date; end: Date } {
  return { start: new Date(Date.UTC(year, 0, 1)), end: new Date(Date.UTC(year + 1, 0, 1)) };
}

/** Register dates are the China day at UTC midnight: the year is its UTC year. */
const yearOf = (day: Date) => day.getUTCFullYear();

/** The China calendar day of an instant, as UTC midnight (how register dates are stored). */
export function chinaDay(now: Date): Date {
  const t = new Date(now.getTime() + CHINA_OFFSET);
  return new Date(Date.UTC(t.getUTCFullYear(), t.getUTCMonth(), t.getUTCDate()));
}

export interface DifficultyRow {
  recognisedAt: Date;
  assistedAt: Date | null;
  employedAt: Date | null;
}

/** Assisted: given help by staff, or in work (a verified placement after recognition) — whichever came first. */
export function assistedOn(row: DifficultyRow): Date | null {
  const days = [row.assistedAt, row.employedAt].filter((d): d is Date => d !== null);
  return days.length ? new Date(Math.min(...days.map((d) => d.getTime()))) : null;
}

/**
 * 就业困难人员就业援助率: of the persons recognised in the year, the share assisted by the year's
 * end (assistance given after the year does not count for it).
 */
export function assistanceRate(rows: readonly DifficultyRow[], year: number): { recognised: number; assisted: number; employed: number; rate: number | null } {
  const inYear = rows.filter((r) => yearOf(r.recognisedAt) === year);
  const assisted = inYear.filter((r) => {
    const on = assistedOn(r);
    return on !== null && yearOf(on) <= year;
  }).length;
  const employed = inYear.filter((r) => r.employedAt !== null && yearOf(r.employedAt) <= year).length;
  return { recognised: inYear.length, assisted, employed, rate: ratioBp(assisted, inYear.length) };
}

export interface FamilyRow {
  recognisedAt: Date;
  clearedAt: Date | null;
}

/**
 * “零就业家庭”: families recognised by the end of the year (or today, for the current year) and not
 * cleared by then. The target is zero.
 */
export function unclearedFamilies(rows: readonly FamilyRow[], year: number, today: Date): number {
  const asOf = Math.min(Date.UTC(year, 11, 31), chinaDay(today).getTime());
  return rows.filter((r) => r.recognisedAt.getTime() <= asOf && (r.clearedAt === null || r.clearedAt.getTime() > asOf)).length;
}

export interface FamilyClock {
  /** Days from recognition to clearing, or to today while uncleared. */
  days: number;
  /** More than CLEAR_WITHIN_DAYS days without a member in work (still, or before it was cleared). */
  overdue: boolean;
  /** Days left before it is overdue (0 once it is); null once cleared. */
  left: number | null;
}

/** The one-month clock of a zero-employment family. */
export function familyClock(row: FamilyRow, today: Date): FamilyClock {
  const end = row.clearedAt ?? chinaDay(today);
  const days = Math.max(0, Math.round((end.getTime() - row.recognisedAt.getTime()) / DAY));
  return { days, overdue: days > CLEAR_WITHIN_DAYS, left: row.clearedAt ? null : Math.max(0, CLEAR_WITHIN_DAYS - days) };
}

/** Uncleared families first, oldest recognition (the most overdue) on top; then cleared ones, latest cleared first. */
export function compareFamilies<T extends FamilyRow & { id: number }>(a: T, b: T): number {
  if ((a.clearedAt === null) !== (b.clearedAt === null)) return a.clearedAt === null ? -1 : 1;
  if (a.clearedAt === null) return a.recognisedAt.getTime() - b.recognisedAt.getTime() || a.id - b.id;
  return b.clearedAt!.getTime() - a.clearedAt!.getTime() || b.id - a.id;
}

export interface LabourRow {
  regionCode: string;
  month: number;
  urbanEmployed: number;
  registeredUnemployed: number;
}

/**
 * The labour-force figures for a region in a year: its own latest month's, else the sum of its
 * children's (each their own latest, or again their children's). null when nothing is known.
 */
export function labourFigureFor(
  regionCode: string,
  rows: readonly LabourRow[],
  childrenOf: (code: string) => readonly string[],
): { urbanEmployed: number; registeredUnemployed: number } | null {
  const own = rows.filter((r) => r.regionCode === regionCode).sort((a, b) => b.month - a.month)[0];
  if (own) return { urbanEmployed: own.urbanEmployed, registeredUnemployed: own.registeredUnemployed };
  let found = false;
  const sum = { urbanEmployed: 0, registeredUnemployed: 0 };
  for (const child of childrenOf(regionCode)) {
    const figure = labourFigureFor(child, rows, childrenOf);
    if (!figure) continue;
    found = true;
    sum.urbanEmployed += figure.urbanEmployed;
    sum.registeredUnemployed += figure.registeredUnemployed;
  }
  return found ? sum : null;
}

/** 城镇登记失业率 = registered unemployed ÷ (urban employed + registered unemployed). */
export function registeredUnemploymentRate(figure: { urbanEmployed: number; registeredUnemployed: number } | null): number | null {
  if (!figure) return null;
  return ratioBp(figure.registeredUnemployed, figure.urbanEmployed + figure.registeredUnemployed);
}

export interface CommunityRow {
  regionCode: string;
  name: string;
  level: string;
  year: number;
}

/** 充分就业村（社区）: communities recognised in the year at city level or above, each counted once. */
export function fullEmploymentCount(rows: readonly CommunityRow[], year: number): number {
  const levels: readonly string[] = COMMUNITY_LEVELS;
  return new Set(rows.filter((r) => r.year === year && levels.includes(r.level)).map((r) => `${r.regionCode}|${r.name.trim()}`)).size;
}

/** A percentage typed by staff ("5.2", "5.20%", "５．２") as basis points; null when it is not one. */
export function percentToBp(raw: string): number | null {
  const text = raw
    .trim()
    .replace(/[０-９．]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/[%％]$/, "")
    .trim();
  if (!/^\d{1,3}(\.\d{1,2})?$/.test(text)) return null;
  const [whole, frac = ""] = text.split(".");
  const bp = Number(whole) * 100 + Number(frac.padEnd(2, "0"));
  return bp <= 10_000 ? bp : null;
}
