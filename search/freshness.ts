/**
 * What the public sees changes when the search sync pushes a change (or rebuilds the index): the
 * generation counts those moments. Anything that caches a public answer keeps the generation it
 * was made at and is stale as soon as the generation moves on — never by waiting for a lifetime.
 * Kept on globalThis: the server and the Remix build are separate module graphs.
 */
const holder = globalThis as typeof globalThis & { __searchGeneration?: number };

export function searchGeneration(): number {
  return holder.__searchGeneration ?? 0;
}

export function bumpSearchGeneration(): number {
  holder.__searchGeneration = searchGeneration() + 1;
  return holder.__searchGeneration;
}

/**
 * The one rule for a kept public answer: good while the generation it was made at is current, and
 * for maxAgeMs at most (time alone closes items, e.g. a gig whose day has passed).
 */
export const FRESH_FOR_MS = 30_000;

export function isFresh(kept: { generation: number; madeAt: number }, now = Date.now(), maxAgeMs = FRESH_FOR_MS): boolean {
  return kept.generation === searchGeneration() && now - kept.madeAt <= maxAgeMs;
}
