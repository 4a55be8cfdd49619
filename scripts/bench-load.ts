/**
 * HTTP load for the benchmarks: autocannon against a server on loopback, with the CPU the server
 * and Meilisearch spent read from /proc (user + system time of each process), so a phase reports
 * latency, throughput and CPU per request side by side.
 */
import fs from "node:fs";
import autocannon from "autocannon";

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
