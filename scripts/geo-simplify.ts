/**
 * Douglas–Peucker for a set of rings that share borders (the counties of a city). Simplifying each
 * county alone would cut a shared border two ways and leave slivers and gaps between neighbours;
 * here every point where the set of rings through it changes (where a third county or the city's
 * edge begins) is kept, and each stretch between two such points is simplified on its own, so both
 * counties get the same line.
 */
export type Point = [number, number];
export type Ring = Point[];

const key = (p: Point) => `${p[0]},${p[1]}`;

function distanceToSegment(p: Point, a: Point, b: Point): number {
  const dx = b[0] - a[0];
  const dy = b[1] - a[1];
  const len2 = dx * dx + dy * dy;
  const t = len2 === 0 ? 0 : Math.max(0, Math.min(1, ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / len2));
  return Math.hypot(p[0] - a[0] - t * dx, p[1] - a[1] - t * dy);
}

/** Indices kept by Douglas–Peucker on points[from..to] (both ends kept), without recursion. */
function douglasPeucker(points: Point[], from: number, to: number, tolerance: number, keep: boolean[]): void {
  const stack: [number, number][] = [[from, to]];
  while (stack.length) {
    const [a, b] = stack.pop()!;
    let worst = -1;
    let index = -1;
    for (let i = a + 1; i < b; i++) {
      const d = distanceToSegment(points[i]!, points[a]!, points[b]!);
      if (d > worst) [worst, index] = [d, i];
    }
    if (index >= 0 && worst > tolerance) {
      keep[index] = true;
      stack.push([a, index], [index, b]);
    }
  }
}

/** Rings are closed (first point repeated last); so are the results. */
export function simplifyRings(rings: Ring[], tolerance: number): Ring[] {
  const owners = new Map<string, Set<number>>();
  rings.forEach((ring, r) => {
    for (const p of ring) {
      const k = key(p);
      const set = owners.get(k) ?? new Set<number>();
      set.add(r);
      owners.set(k, set);
    }
  });
  const signature = (p: Point) => [...owners.get(key(p))!].sort((x, y) => x - y).join(",");

  return rings.map((closed) => {
    const ring = closed.slice(0, -1); // open form: the repeated last point would be a false neighbour
    const n = ring.length;
    if (n < 4) return closed;
    const sig = ring.map(signature);
    const fixed: number[] = [];
    for (let i = 0; i < n; i++) {
      const s = sig[i]!;
      if (s.includes(",") && s.split(",").length >= 3) fixed.push(i);
      else if (s !== sig[(i - 1 + n) % n] || s !== sig[(i + 1) % n]) fixed.push(i);
    }
    if (fixed.length < 2) {
      // a ring nobody shares: anchor it at its first point and the point farthest from it
      let far = 1;
      for (let i = 1; i < n; i++) if (Math.hypot(ring[i]![0] - ring[0]![0], ring[i]![1] - ring[0]![1]) > Math.hypot(ring[far]![0] - ring[0]![0], ring[far]![1] - ring[0]![1])) far = i;
      fixed.splice(0, fixed.length, 0, far);
    }
    // walk the ring from the first fixed point round to itself, so every stretch is contiguous
    const start = fixed[0]!;
    const walk = [...ring.slice(start), ...ring.slice(0, start), ring[start]!];
    const keep = walk.map(() => false);
    const anchors = [...fixed.map((i) => (i - start + n) % n), n];
    for (const i of anchors) keep[i] = true;
    for (let j = 0; j + 1 < anchors.length; j++) douglasPeucker(walk, anchors[j]!, anchors[j + 1]!, tolerance, keep);
    const out: Ring = [];
    walk.forEach((p, i) => {
      if (keep[i] && (out.length === 0 || key(out[out.length - 1]!) !== key(p))) out.push(p);
    });
    return out;
  });
}
