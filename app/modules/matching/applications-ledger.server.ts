import { getDb } from "../db.server.ts";

/**
 * Applications so far per posting, for the chance-of-hire factor: read once with one grouped query
 * and refreshed every few minutes, and moved at once by this process's own applies and withdrawals,
 * so a recommendation page costs no database query for it.
 */
const REFRESH_MS = 10 * 60_000;
interface Counts {
  counts: Map<number, number>;
  loadedAt: number;
  pending?: Promise<void>;
}
const holder = globalThis as typeof globalThis & { __applicationCounts?: Counts };

async function reload(state: Counts) {
  const rows = await getDb().application.groupBy({ by: ["postingId"], where: { status: { not: "withdrawn" } }, _count: { _all: true } });
  state.counts = new Map(rows.map((r) => [r.postingId, r._count._all]));
  state.loadedAt = Date.now();
}

export async function applicationCounts(): Promise<(postingId: number) => number> {
  const state: Counts = (holder.__applicationCounts ??= { counts: new Map(), loadedAt: 0 });
  if (Date.now() - state.loadedAt > REFRESH_MS) {
    state.pending ??= reload(state).finally(() => (state.pending = undefined));
    // The first load is waited for; later refreshes happen behind the current counts.
    if (state.loadedAt === 0) await state.pending;
  }
  return (postingId) => state.counts.get(postingId) ?? 0;
}

/** After an apply (+1) or a withdrawal (−1) has committed. */
export function noteApplication(postingId: number, delta: 1 | -1) {
  const state = holder.__applicationCounts;
  if (!state) return;
  state.counts.set(postingId, Math.max(0, (state.counts.get(postingId) ?? 0) + delta));
}
