/**
 * npm run bench:search [-- --postings 100000 --connections 8 --seconds 10 --keep | --data <kept dir>]
 * Generates N postings into a fresh SQLite file, indexes them into a real Meilisearch, then measures
 * in one run: Meilisearch processing time, a plain SQL LIKE baseline, and over HTTP against the real
 * server — a static file, /healthz, the search page (≥ 200 distinct URLs, and a Zipf mix), the search
 * API, the home page and detail pages — each with throughput, latency and the CPU the server and
 * Meilisearch spent per request; then one request at a time. Writes bench/results/*.json.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { createDb, setDb } from "../app/modules/db.server.ts";
import { searchDatabase } from "../app/modules/search/database.server.ts";
import { parseSearchParams, PAGE_SIZE } from "../app/modules/search/params.ts";
import { generatePostings, seedDemo } from "../prisma/seed/seed.ts";
import { connect } from "../search/client.ts";
import { bumpSearchGeneration } from "../search/freshness.ts";
import { rebuildIndex } from "../search/indexer.ts";
import { startMeili } from "../search/launcher.ts";
import { searchIds } from "../search/query.ts";
import { migrate } from "../server/boot.ts";
import { benchUrls, drainOutbox, runPhase, serialLatency, startServer, type PhaseResult, type RunningServer } from "./bench-load.ts";
import { BENCH_QUERIES } from "./bench-queries.ts";

const { values } = parseArgs({
  options: {
    postings: { type: "string", default: "100000" },
    connections: { type: "string", default: "8" },
    seconds: { type: "string", default: "10" },
    "like-rounds": { type: "string", default: "1" },
    // Keep the generated database and index (printed at the end) for experiments on the same data.
    keep: { type: "boolean", default: false },
    // Run on data a --keep run left (its database and index as they are): no generating, no indexing.
    data: { type: "string" },
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
  const reuse = values.data;
  const dir = reuse ?? fs.mkdtempSync(path.join(os.tmpdir(), "jobs-bench-"));
  const dbUrl = `file:${path.join(dir, "bench.db")}`;
  console.log(`bench:search — ${reuse ? "kept data" : `${N.toLocaleString()} postings`}, data in ${dir}`);
  await migrate(dbUrl);
  const db = createDb(dbUrl);
  setDb(db);
  let t = performance.now();
  if (!reuse) {
    await seedDemo(db, { now });
    const existing = await db.posting.count();
    if (N > existing) generatePostings(dbUrl, N - existing, { now, onProgress: (n) => process.stdout.write(`\r  generated ${n}`) });
  }
  const generateSeconds = (performance.now() - t) / 1000;
  console.log(`\n  rows in database: ${await db.posting.count()} postings (${generateSeconds.toFixed(1)} s)`);

  const meili = await startMeili({ dataDir: path.join(dir, "meili") });
  const connection = connect(meili.url, meili.masterKey, "opportunities", 30_000);
  t = performance.now();
  const indexed = reuse
    ? (await connection.client.index("opportunities").getStats()).numberOfDocuments
    : await rebuildIndex(db, connection, { now, onProgress: (n) => process.stdout.write(`\r  indexed ${n}`) });
  const indexSeconds = (performance.now() - t) / 1000;
  console.log(`\n  indexed ${indexed} documents in ${indexSeconds.toFixed(1)} s = ${Math.round(indexed / indexSeconds)} docs/s`);

  const requests = BENCH_QUERIES.map(({ q, params }) => parseSearchParams(new URLSearchParams({ q, ...params })).params);

  // Meilisearch processing time, several passes over every query.
  const meiliTimes: number[] = [];
  const meiliWall: number[] = [];
  for (let pass = 0; pass < 5; pass++) {
    for (const req of requests) {
      // Each query's whole cost: the facet counts a view keeps would otherwise answer the passes after the first.
      bumpSearchGeneration();
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

  // The site over HTTP, against the real server in production mode on this data. The server
  // migrates at boot, and Prisma's migration engine cannot lock a file another client holds open:
  // let go of it first (the next query here reconnects).
  const postings = await db.posting.count();
  await db.$disconnect();
  // Two servers on the same data: one renders every request (what a page costs without a cache
  // hit), one with the public page cache on (what repeat visits cost).
  const rendering = await startServer(dir, dbUrl, meili, { PAGE_CACHE: "false" });
  // The first boot queues everything already expired for removal from the index; measure once the
  // sync has drained it (each batch it confirms makes cached answers stale, as it should).
  await drainOutbox(db);
  const urls = await benchUrls(rendering.base);
  const connections = Number(values.connections);
  const seconds = Number(values.seconds);
  const phase = (server: RunningServer, name: string, paths: string[], withMeili = true, conns = connections) =>
    runPhase({ name, base: server.base, paths, connections: conns, seconds, pids: withMeili ? { server: server.pid, meili: meili.process.pid! } : { server: server.pid } });

  // Warm up every kind of page once, then measure: the static file and /healthz first, as the
  // ceiling the pages are compared with.
  await serialLatency(rendering.base, [...urls.pages.slice(0, 20), ...urls.api.slice(0, 20), "/", ...urls.details.slice(0, 10)]);
  const phases: PhaseResult[] = [];
  const record = (result: PhaseResult) => {
    phases.push(result);
    console.log(`  ${result.name} (${result.connections} conn): ${result.rps} req/s, p50 ${result.latencyMs.p50} ms, server CPU ${result.serverCpuMsPerRequest} ms/req`);
  };
  for (const [name, paths, withMeili] of [
    ["static file", [urls.staticFile], false],
    ["/healthz", ["/healthz"], false],
    ["search page, distinct URLs", urls.pages, true],
    ["search API, distinct URLs", urls.api, true],
    ["home page", ["/"], true],
    ["detail pages", urls.details, false],
  ] as const) {
    record(await phase(rendering, name, [...paths], withMeili));
  }
  // CPU per request is cleanest one request at a time: no queueing, no contention for the two cores.
  record(await phase(rendering, "search page, one at a time", urls.pages, true, 1));
  record(await phase(rendering, "search API, one at a time", urls.api, true, 1));
  record(await phase(rendering, "home page, one at a time", ["/"], true, 1));
  record(await phase(rendering, "detail pages, one at a time", urls.details, false, 1));
  const serialPage = await serialLatency(rendering.base, urls.pages);
  await rendering.stop();

  const cached = await startServer(dir, dbUrl, meili, { PAGE_CACHE: "true" });
  await drainOutbox(db);
  await serialLatency(cached.base, urls.pages);
  record(await phase(cached, "search page, Zipf mix, page cache on", urls.zipf, true));
  record(await phase(cached, "search page, distinct URLs, page cache on", urls.pages, true));
  await cached.stop();

  const meiliP = percentiles(meiliTimes);
  const meiliWallP = percentiles(meiliWall);
  const likeP = percentiles(likeTimes);
  const byName = (name: string) => phases.find((p) => p.name === name)!;
  const page = byName("search page, distinct URLs");
  const goals = {
    "search page CPU ≤ 5 ms/req (one at a time)": byName("search page, one at a time").serverCpuMsPerRequest <= 5,
    "search API CPU ≤ 3 ms/req": byName("search API, one at a time").serverCpuMsPerRequest <= 3,
    "home page CPU ≤ 3 ms/req": byName("home page, one at a time").serverCpuMsPerRequest <= 3,
    "detail pages CPU ≤ 3 ms/req": byName("detail pages, one at a time").serverCpuMsPerRequest <= 3,
    "distinct URLs ≥ 200 req/s, 0 errors": page.rps >= 200 && page.errors + page.non2xx === 0,
    "Zipf mix ≥ 1,000 req/s": byName("search page, Zipf mix, page cache on").rps >= 1000,
    "one at a time: page p95 ≤ 50 ms": serialPage.p95 <= 50,
    "Meilisearch processing p95 ≤ 15 ms": meiliP.p95 <= 15,
  };
  const result = {
    date: new Date().toISOString(),
    machine: { cpus: os.cpus().length, memoryGiB: Math.round(os.totalmem() / 2 ** 30) },
    postings,
    documents: indexed,
    index: { seconds: round(indexSeconds), docsPerSecond: Math.round(indexed / indexSeconds) },
    queries: BENCH_QUERIES.length,
    distinctPageUrls: urls.pages.length,
    meiliProcessingMs: meiliP,
    meiliRoundTripMs: { p50: round(meiliWallP.p50), p95: round(meiliWallP.p95), p99: round(meiliWallP.p99), n: meiliWallP.n },
    likeBaselineMs: { p50: round(likeP.p50), p95: round(likeP.p95), p99: round(likeP.p99), n: likeP.n },
    phases,
    serialPageLatencyMs: serialPage,
    ratios: {
      likeP95OverMeiliRoundTripP95: round(likeP.p95 / Math.max(meiliWallP.p95, 0.01)),
      pageRpsOverStaticRps: round(page.rps / Math.max(1, byName("static file").rps)),
      pageRpsOverHealthzRps: round(page.rps / Math.max(1, byName("/healthz").rps)),
      zipfRpsOverStaticRps: round(byName("search page, Zipf mix, page cache on").rps / Math.max(1, byName("static file").rps)),
    },
    goals,
  };
  fs.mkdirSync("bench/results", { recursive: true });
  const file = path.join("bench/results", `search-${postings}-${Date.now()}.json`);
  fs.writeFileSync(file, JSON.stringify(result, null, 2));
  console.table({
    "meili processing": meiliP,
    "meili round trip": result.meiliRoundTripMs,
    "SQL LIKE baseline": result.likeBaselineMs,
    "search page, one at a time": serialPage,
  });
  console.table(
    Object.fromEntries(
      result.phases.map((p) => [p.name, { conns: p.connections, urls: p.distinctUrls, "req/s": p.rps, p50: p.latencyMs.p50, p97_5: p.latencyMs.p95, errors: p.errors + p.non2xx, "server ms/req": p.serverCpuMsPerRequest, "meili ms/req": p.meiliCpuMsPerRequest ?? "" }]),
    ),
  );
  console.table(Object.fromEntries(Object.entries(goals).map(([goal, met]) => [goal, met ? "met" : "NOT met"])));
  console.log(`ratios: page/static ${result.ratios.pageRpsOverStaticRps}, page/healthz ${result.ratios.pageRpsOverHealthzRps}; written to ${file}`);
  await meili.stop();
  if (values.keep || reuse) console.log(`data kept in ${dir} (database bench.db, Meilisearch data in meili/)`);
  else fs.rmSync(dir, { recursive: true, force: true });
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
