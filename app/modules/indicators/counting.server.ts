import { insertMany } from "../bulk-insert.server.ts";
import type { Prisma } from "~/generated/prisma/client.ts";
import { creditsFor, placementRuleSchema, type DatedPlacement, type PlacementRule } from "./rules.ts";
import { fromCommaList } from "../../utils/comma-list.ts";

type Tx = Prisma.TransactionClient;

/** Who a placement's person is for counting: one ID number is one person, whatever the source. */
export function personKeyOf(p: { idHash: string | null; personUserId: number | null }, placementId?: number): string {
  if (p.idHash) return p.idHash;
  if (p.personUserId) return `user:${p.personUserId}`;
  if (placementId === undefined) throw new Error("a placement without an ID number or an account needs its own id as the person key");
  return `placement:${placementId}`;
}

const COUNTED = { id: true, kind: true, groups: true, returneeKind: true, startDate: true, continuity: true, organizationId: true, employerName: true, regionCode: true, countyCode: true, afterTrainingEnrolmentId: true } as const;
type CountedRow = Prisma.PlacementGetPayload<{ select: typeof COUNTED }>;

function toDated<T extends CountedRow>(row: T): T & DatedPlacement {
  return { ...row, groups: fromCommaList(row.groups), afterTraining: row.afterTrainingEnrolmentId !== null, employerKey: row.organizationId ? `org:${row.organizationId}` : `name:${row.employerName.trim()}` };
}

export type CountingIndicator = { id: number; rule: PlacementRule; startYear: number; endYear: number };

/** Every indicator that counts placements, with its plan's years. */
export async function placementIndicators(tx: Tx): Promise<CountingIndicator[]> {
  const rows = await tx.indicator.findMany({ where: { method: "placements" }, include: { plan: { select: { startYear: true, endYear: true } } } });
  return rows.map((r) => ({ id: r.id, rule: placementRuleSchema.parse(JSON.parse(r.rule)), startYear: r.plan.startYear, endYear: r.plan.endYear }));
}

/**
 * Recomputes one person's indicator credits from all of their verified placements. Called inside
 * the transaction that verifies, rejects or changes one of their placements, so the credits always
 * match the records: the first real start of each year counts, once per indicator (the unique
 * index on indicator, year and person makes a double count impossible even under a race).
 */
export async function recountPerson(tx: Tx, personKey: string, indicators?: CountingIndicator[]): Promise<void> {
  const list = indicators ?? (await placementIndicators(tx));
  const rows = await tx.placement.findMany({
    where: { personKey, status: "verified" },
    select: COUNTED,
  });
  const placements = rows.map(toDated);
  const wanted = creditsFor(placements, list);
  const byId = new Map(placements.map((p) => [p.id, p]));
  const existing = await tx.indicatorCredit.findMany({ where: { personKey } });
  const key = (c: { indicatorId: number; year: number }) => `${c.indicatorId}:${c.year}`;
  const wantedByKey = new Map(wanted.map((c) => [key(c), c]));
  const stale = existing.filter((c) => wantedByKey.get(key(c))?.placementId !== c.placementId);
  if (stale.length) await tx.indicatorCredit.deleteMany({ where: { id: { in: stale.map((c) => c.id) } } });
  const kept = new Set(existing.filter((c) => !stale.includes(c)).map(key));
  const fresh = wanted.filter((c) => !kept.has(key(c)));
  if (fresh.length) {
    await tx.indicatorCredit.createMany({
      data: fresh.map((c) => {
        const p = byId.get(c.placementId)!;
        return { indicatorId: c.indicatorId, year: c.year, month: c.month, personKey, placementId: c.placementId, regionCode: p.regionCode, countyCode: p.countyCode };
      }),
    });
  }
}


/**
 * Recounts everyone from the verified placements: after a plan is loaded or changed, or after a
 * bulk load. Streams people in pages, so memory stays flat with millions of placements.
 */
export async function recountEveryone(db: import("~/generated/prisma/client.ts").PrismaClient, pageSize = 5000): Promise<number> {
  const indicators = await db.$transaction((tx) => placementIndicators(tx));
  await db.indicatorCredit.deleteMany({ where: { indicator: { method: "placements" } } });
  await db.indicatorTally.deleteMany({ where: { indicatorId: { in: indicators.map((i) => i.id) } } }); // emptied rows the triggers left
  let after = "";
  let credits = 0;
  for (;;) {
    // Raw: Prisma's `distinct` would read every row and de-duplicate in memory.
    const people = await db.$queryRawUnsafe<{ personKey: string }[]>(
      `SELECT DISTINCT personKey FROM Placement WHERE status = 'verified' AND personKey > ? ORDER BY personKey LIMIT ?`,
      after,
      pageSize,
    );
    if (people.length === 0) return credits;
    const last = people[people.length - 1]!.personKey;
    const rows = await db.placement.findMany({
      where: { status: "verified", personKey: { gt: after, lte: last } },
      select: { ...COUNTED, personKey: true },
    });
    const byPerson = new Map<string, typeof rows>();
    for (const row of rows) byPerson.set(row.personKey, [...(byPerson.get(row.personKey) ?? []), row]);
    const data: { indicatorId: number; year: number; month: number; personKey: string; placementId: number; regionCode: string; countyCode: string }[] = [];
    for (const [personKey, list] of byPerson) {
      const placements = list.map(toDated);
      const byId = new Map(placements.map((p) => [p.id, p]));
      for (const c of creditsFor(placements, indicators)) {
        const p = byId.get(c.placementId)!;
        data.push({ ...c, personKey, regionCode: p.regionCode, countyCode: p.countyCode });
      }
    }
    await insertMany(db, "IndicatorCredit", data);
    credits += data.length;
    after = last;
  }
}
