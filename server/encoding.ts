/**
 * The content coding to send, from an Accept-Encoding header and what is on offer (in the order
 * preferred on a tie): highest q first, q=0 refuses, "*" stands for any coding not named. null when
 * none is acceptable: send the body as it is (identity is always acceptable here).
 */
export function negotiateEncoding(header: string | undefined, offered: readonly string[]): string | null {
  if (!header || offered.length === 0) return null;
  const weights = new Map<string, number>();
  for (const part of header.split(",")) {
    const [name, ...params] = part.trim().toLowerCase().split(";");
    if (!name) continue;
    const q = params.map((p) => /^\s*q=([0-9.]+)\s*$/.exec(p)?.[1]).find((v) => v !== undefined);
    const weight = q === undefined ? 1 : Number(q);
    weights.set(name, Number.isFinite(weight) ? weight : 0);
  }
  let best: string | null = null;
  let bestWeight = 0;
  for (const coding of offered) {
    const weight = weights.get(coding) ?? weights.get("*") ?? 0;
    if (weight > bestWeight) [best, bestWeight] = [coding, weight];
  }
  return best;
}
