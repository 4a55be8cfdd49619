import { describe, expect, it } from "vitest";
import { decodeRing, parseEchartsJs } from "./geo-extract.ts";
import { simplifyRings, type Ring } from "./geo-simplify.ts";

/** echarts' encoder, inverted by hand: zigzag deltas as characters from '@'. */
function encode(ring: Ring, scale = 1024): { text: string; offset: [number, number] } {
  const q = ring.map(([x, y]) => [Math.round(x * scale), Math.round(y * scale)] as const);
  const offset: [number, number] = [q[0]![0], q[0]![1]];
  let [px, py] = offset;
  let text = "";
  for (const [x, y] of q) {
    for (const d of [x - px, y - py]) text += String.fromCharCode(64 + ((d << 1) ^ (d >> 31)));
    [px, py] = [x, y];
  }
  return { text, offset };
}

describe("echarts map decoding", () => {
  it("decodes what echarts encodes, from a map file's object literal", () => {
    const ring: Ring = [[108.5, 32.5], [108.6, 32.501], [108.55, 32.7], [108.5, 32.5]];
    const { text, offset } = encode(ring);
    const file = `!function(){}(this,function(B,A){return A.registerMap("x",{type:"FeatureCollection",features:[{type:"Feature",id:"610924",properties:{name:"紫阳县",cp:[108.53,32.52]},geometry:{type:"Polygon",\ncoordinates:[${JSON.stringify(text)}],encodeOffsets:[[${offset.join(",")}]]}}],UTF8Encoding:!0}):void D("x")})`;
    const map = parseEchartsJs(file);
    expect(map.UTF8Encoding).toBe(true);
    const geometry = map.features[0]!.geometry as { coordinates: string[]; encodeOffsets: [number, number][] };
    const decoded = decodeRing(geometry.coordinates[0]!, geometry.encodeOffsets[0]!, 1024);
    decoded.forEach(([x, y], i) => {
      expect(x).toBeCloseTo(ring[i]![0], 3);
      expect(y).toBeCloseTo(ring[i]![1], 3);
    });
  });
});

describe("simplifyRings", () => {
  // two squares side by side whose shared edge wiggles (x = 1 ± 0.001), each ring starting elsewhere
  const wiggle: Ring = Array.from({ length: 21 }, (_, i) => [1 + (i % 2 ? 0.001 : 0), i / 20] as [number, number]);
  const left: Ring = [[0, 0], ...wiggle, [0, 1], [0, 0]];
  const right: Ring = [[2, 1], ...[...wiggle].reverse(), [2, 0], [2, 1]];

  it("cuts a shared border the same way for both neighbours, and keeps the corners where three meet", () => {
    const [a, b] = simplifyRings([left, right], 0.01);
    const onEdge = (r: Ring) => r.filter(([x]) => x > 0.5 && x < 1.5).map((p) => p.join(",")).sort();
    expect(onEdge(a!)).toEqual(onEdge(b!));
    expect(onEdge(a!)).toEqual(["1,0", "1,1"]); // the wiggle is under the tolerance, the corners stay
    expect(a![0]).toEqual(a!.at(-1)); // still closed
  });

  it("keeps detail above the tolerance", () => {
    const [a] = simplifyRings([left, right], 0.0001);
    expect(a!.length).toBe(left.length);
  });
});
