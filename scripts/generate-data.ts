/**
 * npm run data:generate -- --postings 1000000 [--out data/bench.db] [--seed 7]
 * Writes a migrated SQLite file with the demo data plus N synthetic postings, for benchmarks or for
 * trying the site at scale (DATABASE_URL=file:./data/bench.db npm start).
 */
import fs from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { createDb } from "../app/modules/db.server.ts";
import { generatePostings, seedDemo } from "../prisma/seed/seed.ts";
import { migrate } from "../server/boot.ts";

const { values } = parseArgs({
  options: {
    postings: { type: "string", default: "100000" },
    out: { type: "string", default: "data/bench.db" },
    seed: { type: "string", default: "7" },
  },
});

async function main() {
  const count = Number(values.postings);
  if (!Number.isInteger(count) || count < 0) throw new Error("--postings must be a whole number");
  const file = path.resolve(values.out);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  for (const suffix of ["", "-wal", "-shm"]) fs.rmSync(file + suffix, { force: true });
  const url = `file:${file}`;
  const now = new Date();
  const started = performance.now();
  await migrate(url);
  const db = createDb(url);
  console.log("demo data:", await seedDemo(db, { now }));
  await db.$disconnect();
  const demo = (performance.now() - started) / 1000;
  const t = performance.now();
  generatePostings(url, count, { now, seed: Number(values.seed), onProgress: (n) => process.stdout.write(`\r  ${n.toLocaleString()} postings`) });
  const seconds = (performance.now() - t) / 1000;
  console.log(`\nwrote ${file}: demo in ${demo.toFixed(1)} s, ${count.toLocaleString()} postings in ${seconds.toFixed(1)} s (${Math.round(count / Math.max(seconds, 0.001)).toLocaleString()} rows/s)`);
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
