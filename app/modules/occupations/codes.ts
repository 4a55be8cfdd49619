/**
 * The shape of a code of the national classification of occupations (data/occupations/README.md):
 * major group "4", medium group "4-10", minor group "4-10-03", occupation "4-10-03-05". Level, parents
 * and how near two codes are follow from the shape alone, so this file needs no data and a page may
 * import it.
 */

export type OccupationLevel = "major" | "medium" | "minor" | "occupation";

const LEVELS: OccupationLevel[] = ["major", "medium", "minor", "occupation"];
const SHAPE = /^[1-8](?:-\d{2}(?:-\d{2}(?:-\d{2})?)?)?$/;

export function isWellFormedCode(code: string): boolean {
  return SHAPE.test(code);
}

/** The level a code's shape gives, or null for anything that is not a code. */
export function levelOf(code: string): OccupationLevel | null {
  if (!isWellFormedCode(code)) return null;
  return LEVELS[code.split("-").length - 1] ?? null;
}

/** The group right above a code; null for a major group or a malformed code. */
export function parentCodeOf(code: string): string | null {
  if (!isWellFormedCode(code)) return null;
  const cut = code.lastIndexOf("-");
  return cut < 0 ? null : code.slice(0, cut);
}

/** Every group above a code, nearest first, up to the major group: "4-10-03-05" → ["4-10-03", "4-10", "4"]. */
export function parentCodesOf(code: string): string[] {
  const chain: string[] = [];
  for (let up = parentCodeOf(code); up; up = parentCodeOf(up)) chain.push(up);
  return chain;
}

/**
 * How near two codes are, by the deepest level they share: 4 the same occupation, 3 the same minor
 * group, 2 the same medium group, 1 the same major group, 0 nothing (or a malformed code). A group
 * compared with a code inside it counts to the group's own depth, so "4-10" and "4-10-03-05" are 2.
 */
export function relatedness(a: string, b: string): 0 | 1 | 2 | 3 | 4 {
  if (!isWellFormedCode(a) || !isWellFormedCode(b)) return 0;
  const pa = a.split("-");
  const pb = b.split("-");
  let shared = 0;
  while (shared < pa.length && shared < pb.length && pa[shared] === pb[shared]) shared++;
  return shared as 0 | 1 | 2 | 3 | 4;
}
