/**
 * Reads the boundary files (data/geo/<cityCode>.json). Apart from points.ts so that the file system
 * stays on the server: pages import modules (search/near.ts) that import points.ts, and a `.server`
 * module is all the browser build leaves out.
 */
import fs from "node:fs";
import path from "node:path";
import type { CityBoundaries } from "./points.ts";

export const GEO_DIR = path.resolve("data", "geo");

/** Every city file of a folder, by city code; a missing folder is an empty map. */
export function readGeoDir(dir: string = GEO_DIR): Map<string, CityBoundaries> {
  const cities = new Map<string, CityBoundaries>();
  if (!fs.existsSync(dir)) return cities;
  for (const file of fs.readdirSync(dir).filter((n) => /^\d{6}\.json$/.test(n)).sort()) {
    cities.set(file.slice(0, 6), JSON.parse(fs.readFileSync(path.join(dir, file), "utf8")) as CityBoundaries);
  }
  return cities;
}
