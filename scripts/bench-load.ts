/**
 * HTTP load for the benchmarks: autocannon against a server on loopback, with the CPU the server
 * and Meilisearch spent read from /proc (user + system time of each process), so a phase reports
 * latency, throughput and CPU per request side by side.
 */
import { spawn } from "node:child_process";
import fs from "node:fs";
import autocannon from "autocannon";
import type { PrismaClient } from "../app/generated/prisma/client.ts";
import { getFreePort } from "../search/launcher.ts";
import { BENCH_QUERIES } from "./bench-queries.ts";

const TICKS_PER_SECOND = 100; // Linux USER_HZ

/** User + system CPU time a process has used so far, in ms (Linux /proc). */
export function cpuMs(pid: number): number {
  const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
  // Fields after the command name (which may hold spaces, so split after its closing parenthesis).
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  const utime = Number(fields[11]);
  const stime = Number(fields[12]);
  return ((utime + stime) * 1000) / TICKS_PER_SECOND;
}

export interface PhaseResult {
  name: string;
  connections: number;
  distinctUrls: number;
  requests: number;
  errors: number;
  non2xx: number;
  rps: number;
  latencyMs: { p50: number; p95: number; p99: number };
  /** CPU per request: the server process, and Meilisearch when it took part. */
  serverCpuMsPerRequest: number;
  meiliCpuMsPerRequest: number | null;
}

/**
 * Sends `paths` round-robin over `connections` keep-alive connections for `seconds` (bounded:
 * loopback only, stops by itself) and measures the processes named in `pids`.
 */
export async function runPhase(options: {
  name: string;
  base: string;
  paths: string[];
  connections: number;
  seconds: number;
  pids: { server: number; meili?: number };
}): Promise<PhaseResult> {
  const before = { server: cpuMs(options.pids.server), meili: options.pids.meili ? cpuMs(options.pids.meili) : 0 };
  // One global walk through the list shared by every connection: concurrent requests are for
  // different URLs, as they are from different visitors.
  let next = 0;
  const result = await autocannon({
    url: options.base,
    connections: options.connections,
    duration: options.seconds,
    requests: [{ method: "GET", setupRequest: (request) => ({ ...request, path: options.paths[next++ % options.paths.length]! }) }],
    headers: { "accept-encoding": "gzip" },
  });
  const after = { server: cpuMs(options.pids.server), meili: options.pids.meili ? cpuMs(options.pids.meili) : 0 };
  const requests = result.requests.total;
  const perRequest = (ms: number) => Math.round((ms / Math.max(1, requests)) * 100) / 100;
  return {
    name: options.name,
    connections: options.connections,
    distinctUrls: new Set(options.paths).size,
    requests,
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
    rps: Math.round(requests / options.seconds),
    latencyMs: { p50: result.latency.p50, p95: result.latency.p97_5 ?? result.latency.p99, p99: result.latency.p99 },
    serverCpuMsPerRequest: perRequest(after.server - before.server),
    meiliCpuMsPerRequest: options.pids.meili ? perRequest(after.meili - before.meili) : null,
  };
}

/** `count` paths drawn from `paths` with Zipf-distributed ranks (s ≈ 1): popular searches repeat. */
export function zipfSample(paths: string[], count: number, s = 1.07, seed = 7): string[] {
  const weights = paths.map((_, rank) => 1 / (rank + 1) ** s);
  const total = weights.reduce((a, b) => a + b, 0);
  const cumulative: number[] = [];
  weights.reduce((sum, w, i) => (cumulative[i] = sum + w / total), 0);
  let state = seed;
  const random = () => ((state = (state * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31);
  return Array.from({ length: count }, () => {
    const r = random();
    const index = cumulative.findIndex((c) => c >= r);
    return paths[index === -1 ? paths.length - 1 : index]!;
  });
}

/** One request at a time over `paths` (each once), with exact per-request latency. */
export async function serialLatency(base: string, paths: string[]): Promise<{ p50: number; p95: number; p99: number; n: number }> {
  const times: number[] = [];
  for (const path of paths) {
    const start = performance.now();
    const res = await fetch(`${base}${path}`, { headers: { "accept-encoding": "gzip" } });
    await res.arrayBuffer();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  const at = (p: number) => Math.round((times[Math.min(times.length - 1, Math.ceil((p / 100) * times.length) - 1)] ?? 0) * 100) / 100;
  return { p50: at(50), p95: at(95), p99: at(99), n: times.length };
}

/**
 * An open loop: one request every 1000/rate ms over `paths` (round-robin), each timed on its own,
 * sent on schedule whether or not the earlier ones have answered (a slow server gets no pause
 * that would hide its slowness), until stop() is called. For "latency while something else runs".
 */
export function pacedLoad(base: string, paths: string[], rate: number) {
  const samples: { at: number; ms: number; ok: boolean }[] = [];
  let next = 0;
  const inFlight = new Set<Promise<void>>();
  const one = () => {
    const path = paths[next++ % paths.length]!;
    const start = performance.now();
    const done = fetch(`${base}${path}`, { headers: { "accept-encoding": "gzip" } })
      .then(async (res) => { await res.arrayBuffer(); samples.push({ at: Date.now(), ms: performance.now() - start, ok: res.ok }); })
      .catch(() => { samples.push({ at: Date.now(), ms: performance.now() - start, ok: false }); })
      .finally(() => inFlight.delete(done));
    inFlight.add(done);
  };
  const timer = setInterval(one, 1000 / rate);
  return {
    samples,
    /** The samples answered between two moments (Date.now() values). */
    between: (from: number, to: number) => samples.filter((s) => s.at >= from && s.at <= to),
    async stop() {
      clearInterval(timer);
      await Promise.all([...inFlight]);
    },
  };
}

export function percentiles(samples: number[]) {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (p: number) => Math.round((sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0) * 100) / 100;
  return { p50: at(50), p95: at(95), p99: at(99), n: sorted.length };
}

/** Waits until the server's search sync has drained its outbox, then lets go of the database file. */
export async function drainOutbox(db: PrismaClient) {
  const deadline = Date.now() + 10 * 60_000;
  for (let n = await db.searchOutbox.count(); n > 0 && Date.now() < deadline; n = await db.searchOutbox.count()) {
    process.stdout.write(`\r  waiting for the search sync: ${n} rows  `);
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  process.stdout.write("\n");
  // Let go of the file: the next server's migration needs to lock it.
  await db.$disconnect();
}

export interface RunningServer {
  base: string;
  pid: number;
  stop(): Promise<void>;
}

/** The site in production mode on the bench's data and Meilisearch, on a free loopback port; `env` adds or overrides settings. */
export async function startServer(dir: string, dbUrl: string, meili: { url: string; masterKey: string }, env: Record<string, string> = {}, onLine?: (line: string) => boolean): Promise<RunningServer> {
  const port = await getFreePort();
  const server = spawn(process.execPath, ["--import", "./server/production-mode.js", "--import", "tsx", "server/index.ts"], {
    env: {
      ...process.env, PORT: String(port), HOST: "127.0.0.1", DATA_DIR: dir, DATABASE_URL: dbUrl, MEILI_URL: meili.url, MEILI_MASTER_KEY: meili.masterKey,
      SEED_DEMO: "false", ...env,
    },
    stdio: ["ignore", "pipe", "inherit"],
  });
  await new Promise<void>((resolve, reject) => {
    server.stdout!.on("data", (chunk: Buffer) => {
      const text = chunk.toString();
      // The server's own account of the search sync and the index, for the record.
      // onLine may keep a line to itself (false: not printed).
      for (const line of text.split("\n")) if (line.trim() && !/MaxListeners|trace-warnings/.test(line) && (onLine?.(line) ?? true)) console.log(`  [server] ${line}`);
      if (text.includes("site ready")) resolve();
    });
    server.once("exit", (code) => reject(new Error(`server exited ${code}`)));
  });
  return {
    base: `http://127.0.0.1:${port}`,
    pid: server.pid!,
    stop: () => new Promise<void>((resolve) => {
      server.once("exit", () => resolve());
      server.kill("SIGTERM");
    }),
  };
}

/**
 * The URLs the load walks: every bench query in six variants (≥ 200 distinct search pages), the
 * same through the API, a Zipf-distributed mix of the pages, detail pages of every kind, and one
 * static file of the build.
 */
export async function benchUrls(base: string) {
  const variants: Record<string, string>[] = [{}, { page: "2" }, { page: "3" }, { sort: "newest" }, { kind: "job" }, { lng: "en" }];
  const queries = BENCH_QUERIES.flatMap(({ q, params }) => variants.map((v) => new URLSearchParams({ q, ...params, ...v }).toString()));
  const pages = [...new Set(queries)].map((query) => `/search?${query}`);
  const api = [...new Set(queries)].map((query) => `/api/v1/search?${query}`);
  const details: string[] = [];
  for (const kind of ["job", "internship", "gig", "base", "course"]) {
    const body = (await (await fetch(`${base}/api/v1/search?kind=${kind}`)).json()) as { results: { id: number }[] };
    details.push(...body.results.slice(0, 10).map((r) => `/${kind}/${r.id}`));
  }
  const home = await (await fetch(`${base}/`)).text();
  const staticFile = /\/build\/[^"]+\.js/.exec(home)?.[0] ?? "/favicon.ico";
  return { pages, api, zipf: zipfSample(pages, 20_000), details, staticFile };
}

