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
