import { scopePrefix } from "../auth/permissions.ts";
import { getDb } from "../db.server.ts";
import { likeText } from "../like.ts";

const CHINA_OFFSET = 8 * 3_600_000;

/** What an indicator's figure needs to be found (register formulas are the registers' own: figures.server.ts). */
export interface CountedIndicator {
  id: number;
  method: string;
}

/** `done(regionCode, indicatorId)`: the figure, or null when there is none (a manual figure not entered yet). */
export type DoneOf = (regionCode: string, indicatorId: number) => number | null;

/** The longest prefix every region's subtree shares: one range read covers them all. */
function commonPrefix(prefixes: string[]): string {
  let root = prefixes[0] ?? "";
  for (const p of prefixes) while (!p.startsWith(root)) root = root.slice(0, -1);
  return root;
}

/**
 * What is done this year for the indicators counted from records (placements, internship posts)
 * or entered by hand, for each region of the list and everything under it. The dashboard reads its
 * one region through here and the lag warnings read every region with a target, so both show the
 * same figure. Register indicators are not answered here (see registerFigures).
 */
export async function doneByRegion(indicators: readonly CountedIndicator[], regionCodes: readonly string[], year: number): Promise<DoneOf> {
  const db = getDb();
  const prefixes = regionCodes.map(scopePrefix);
  const root = commonPrefix(prefixes);
  const counted = indicators.filter((i) => i.method === "placements").map((i) => i.id);
  const manual = indicators.filter((i) => i.method === "manual").map((i) => i.id);
  const posts = indicators.some((i) => i.method === "postings");
  // A prefix as a range, so SQLite walks the (indicatorId, year, regionCode) index; LIKE would not.
  const upper = `${root}:`; // ':' sorts right after '9'

  const [tallies, postings, figures] = await Promise.all([
    counted.length
      ? db.$queryRawUnsafe<{ indicatorId: number; regionCode: string; n: bigint | number }[]>(
          `SELECT indicatorId, regionCode, SUM(n) AS n FROM IndicatorTally WHERE year = ? AND regionCode >= ? AND regionCode < ? AND indicatorId IN (${counted.map(() => "?").join(",")}) GROUP BY indicatorId, regionCode`,
          year, root, upper, ...counted,
        )
      : Promise.resolve([]),
    posts
      ? db.posting.groupBy({
          by: ["regionCode"],
          where: { kind: "internship", regionCode: { startsWith: likeText(root) }, publishedAt: { gte: new Date(Date.UTC(year, 0, 1) - CHINA_OFFSET), lt: new Date(Date.UTC(year + 1, 0, 1) - CHINA_OFFSET) } },
          _count: { _all: true },
        })
      : Promise.resolve([]),
    manual.length
      ? db.indicatorFigure.findMany({ where: { indicatorId: { in: manual }, regionCode: { in: [...regionCodes] }, year }, orderBy: { month: "desc" } })
      : Promise.resolve([]),
  ]);

  const sums = new Map<string, number>();
  const add = (key: string, n: number) => sums.set(key, (sums.get(key) ?? 0) + n);
  regionCodes.forEach((code, i) => {
    const prefix = prefixes[i]!;
    for (const t of tallies) if (t.regionCode.startsWith(prefix)) add(`${code}|${t.indicatorId}`, Number(t.n));
    for (const p of postings) if (p.regionCode.startsWith(prefix)) add(`${code}|posts`, p._count._all);
  });
  const methodOf = new Map(indicators.map((i) => [i.id, i.method]));
  return (regionCode, indicatorId) => {
    switch (methodOf.get(indicatorId)) {
      case "placements": return sums.get(`${regionCode}|${indicatorId}`) ?? 0;
      case "postings": return sums.get(`${regionCode}|posts`) ?? 0;
      // The latest month entered is the figure.
      case "manual": return figures.find((f) => f.indicatorId === indicatorId && f.regionCode === regionCode)?.value ?? null;
      default: return null;
    }
  };
}
