/**
 * npm run bench:search [-- --postings 100000 --connections 8 --rounds 3]
 * Generates N postings into a fresh SQLite file, indexes them into a real Meilisearch, then measures
 * for realistic queries: Meilisearch processing time, the whole search page over HTTP under
 * concurrent load, and a plain SQL LIKE baseline — in one run — and writes bench/results/*.json.
 */
import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { createDb, setDb } from "../app/modules/db.server.ts";
import { searchDatabase } from "../app/modules/opportunities/opportunities.server.ts";
import { parseSearchParams, PAGE_SIZE } from "../app/modules/search/params.ts";
import { generatePostings, seedDemo } from "../prisma/seed/seed.ts";
import { connect } from "../search/client.ts";
import { rebuildIndex } from "../search/indexer.ts";
import { getFreePort, startMeili } from "../search/launcher.ts";
import { searchIds } from "../search/query.ts";
import { migrate } from "../server/boot.ts";
import { BENCH_QUERIES } from "./bench-queries.ts";

const { values } = parseArgs({
  options: {
    postings: { type: "string", default: "100000" },
    connections: { type: "string", default: "8" },
    seconds: { type: "string", default: "10" },
    "like-rounds": { type: "string", default: "1" },
  },
});
const N = Number(values.postings);
const now = new Date();

function percentiles(samples: number[]) {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;
  return { p50: at(50), p95: at(95), p99: at(99), n: sorted.length };
}

const round = (x: number) => Math.round(x * 100) / 100;

async function main() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "jobs-bench-"));
  const dbUrl = `file:${path.join(dir, "bench.db")}`;
  console.log(`bench:search — ${N.toLocaleString()} postings, data in ${dir}`);
  await migrate(dbUrl);
  const db = createDb(dbUrl);
  setDb(db);
  await seedDemo(db, { now });
  const existing = await db.posting.count();
  let t = performance.now();
  if (N > existing) generatePostings(dbUrl, N - existing, { now, onProgress: (n) => process.stdout.write(`\r  generated ${n}`) });
  const generateSeconds = (performance.now() - t) / 1000;
  console.log(`\n  rows in database: ${await db.posting.count()} postings (${generateSeconds.toFixed(1)} s)`);

  const meili = await startMeili({ dataDir: path.join(dir, "meili") });
  const connection = connect(meili.url, meili.masterKey, "opportunities", 30_000);
  t = performance.now();
  const indexed = await rebuildIndex(db, connection, { now, onProgress: (n) => process.stdout.write(`\r  indexed ${n}`) });
  const indexSeconds = (performance.now() - t) / 1000;
  console.log(`\n  indexed ${indexed} documents in ${indexSeconds.toFixed(1)} s = ${Math.round(indexed / indexSeconds)} docs/s`);

  const requests = BENCH_QUERIES.map(({ q, params }) => parseSearchParams(new URLSearchParams({ q, ...params })).params);

  // Meilisearch processing time, several passes over every query.
  const meiliTimes: number[] = [];
  const meiliWall: number[] = [];
  for (let pass = 0; pass < 5; pass++) {
    for (const req of requests) {
      const start = performance.now();
      const hits = await searchIds(connection, { ...req, pageSize: PAGE_SIZE }, now);
      meiliWall.push(performance.now() - start);
      meiliTimes.push(hits.processingTimeMs);
    }
  }

  // LIKE baseline: the same queries through the SQL fallback.
  const likeTimes: number[] = [];
  for (let pass = 0; pass < Number(values["like-rounds"]); pass++) {
    for (const req of requests) {
      const start = performance.now();
      await searchDatabase(req, now);
      likeTimes.push(performance.now() - start);
    }
  }

  // The whole page over HTTP, under concurrent load, against the real server on this data.
  // The server migrates at boot, and Prisma's migration engine cannot lock a file another client
  // holds open: let go of it first (the next query here reconnects).
  await db.$disconnect();
  const port = await getFreePort();
  const server = spawn(process.execPath, ["--import", "tsx", "server/index.ts"], {
    env: { ...process.env, PORT: String(port), HOST: "127.0.0.1", DATA_DIR: dir, DATABASE_URL: dbUrl, MEILI_URL: meili.url, MEILI_MASTER_KEY: meili.masterKey, SEED_DEMO: "false" },
    stdio: ["ignore", "pipe", "inherit"],
  });
  await new Promise<void>((resolve, reject) => {
    server.stdout!.on("data", (chunk: Buffer) => chunk.toString().includes("site ready") && resolve());
    server.once("exit", (code) => reject(new Error(`server exited ${code}`)));
  });
  const urls = BENCH_QUERIES.map(({ q, params }) => `/search?${new URLSearchParams({ q, ...params })}`);
  // Bounded closed-loop load: `connections` workers, each sending the next query as soon as the last answers.
  const pageTimes: number[] = [];
  let failures = 0;
  let next = 0;
  const deadline = performance.now() + Number(values.seconds) * 1000;
  const loadStart = performance.now();
  await Promise.all(
    Array.from({ length: Number(values.connections) }, async () => {
      while (performance.now() < deadline) {
        const url = urls[next++ % urls.length]!;
        const start = performance.now();
        const res = await fetch(`http://127.0.0.1:${port}${url}`);
        await res.arrayBuffer();
        pageTimes.push(performance.now() - start);
        if (!res.ok) failures++;
      }
    }),
  );
  const loadSeconds = (performance.now() - loadStart) / 1000;
  server.kill("SIGTERM");

  const meiliP = percentiles(meiliTimes);
  const meiliWallP = percentiles(meiliWall);
  const likeP = percentiles(likeTimes);
  const pageP = percentiles(pageTimes);
  const result = {
    date: new Date().toISOString(),
    machine: { cpus: os.cpus().length, memoryGiB: Math.round(os.totalmem() / 2 ** 30) },
    postings: await db.posting.count(),
    documents: indexed,
    index: { seconds: round(indexSeconds), docsPerSecond: Math.round(indexed / indexSeconds) },
    queries: BENCH_QUERIES.length,
    meiliProcessingMs: meiliP,
    meiliRoundTripMs: { p50: round(meiliWallP.p50), p95: round(meiliWallP.p95), p99: round(meiliWallP.p99), n: meiliWallP.n },
    likeBaselineMs: { p50: round(likeP.p50), p95: round(likeP.p95), p99: round(likeP.p99), n: likeP.n },
    page: {
      connections: Number(values.connections),
      requests: pageTimes.length,
      failures,
      rps: Math.round(pageTimes.length / loadSeconds),
      latencyMs: { p50: round(pageP.p50), p95: round(pageP.p95), p99: round(pageP.p99) },
    },
    ratios: {
      likeP50OverMeiliRoundTripP50: round(likeP.p50 / Math.max(meiliWallP.p50, 0.01)),
      likeP95OverMeiliRoundTripP95: round(likeP.p95 / Math.max(meiliWallP.p95, 0.01)),
      likeP95OverPageP95: round(likeP.p95 / Math.max(pageP.p95, 0.01)),
    },
  };
  fs.mkdirSync("bench/results", { recursive: true });
  const file = path.join("bench/results", `search-${N}-${Date.now()}.json`);
  fs.writeFileSync(file, JSON.stringify(result, null, 2));
  console.table({
    "meili processing": meiliP,
    "meili round trip": result.meiliRoundTripMs,
    "SQL LIKE baseline": result.likeBaselineMs,
    "search page (HTTP)": { ...result.page.latencyMs, n: pageTimes.length },
  });
  console.log(`index ${result.index.docsPerSecond} docs/s; LIKE/meili p95 ratio ${result.ratios.likeP95OverMeiliRoundTripP95}×; ${result.page.rps} req/s; written to ${file}`);
  await meili.stop();
  await db.$disconnect();
  fs.rmSync(dir, { recursive: true, force: true });
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
