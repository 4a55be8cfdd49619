/**
 * npm run bench:indicators [-- --placements 1000000 --rounds 20 --connections 4 --seconds 10]
 * Generates N placements over three years into a fresh SQLite file (on top of the demo data),
 * counts them with the app's own recount, then measures the staff dashboard for a county-year and
 * for the city-year: the module call, and the whole page over HTTP one request at a time and under
 * concurrent load. Results
 * to bench/results/indicators-*.json and a printed table. Goals: county p95 ≤ 300 ms, city ≤ 500 ms.
 */
import { spawn } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import Database from "better-sqlite3";
import { createSession } from "../app/modules/auth/session.server.ts";
import { createDb, setDb } from "../app/modules/db.server.ts";
import { recountEveryone } from "../app/modules/indicators/counting.server.ts";
import { regionDashboard } from "../app/modules/indicators/progress.server.ts";
import { PLACEMENT_KINDS } from "../app/modules/placements/schemas.ts";
import type { StaffActor } from "../app/modules/staff/scope.ts";
import { createRng } from "../prisma/seed/factories.ts";
import { COUNTIES, townsOf } from "../prisma/seed/regions.ts";
import { seedDemo } from "../prisma/seed/seed.ts";
import { getFreePort } from "../search/launcher.ts";
import { migrate } from "../server/boot.ts";

const { values } = parseArgs({
  options: {
    placements: { type: "string", default: "1000000" },
    rounds: { type: "string", default: "20" },
    connections: { type: "string", default: "4" }, // the loaded run; a one-at-a-time run always goes first
    seconds: { type: "string", default: "10" },
  },
});
const N = Number(values.placements);
const now = new Date();
const year = new Date(now.getTime() + 8 * 3_600_000).getUTCFullYear();
const YEARS = [year - 2, year - 1, year];

function percentiles(samples: number[]) {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (p: number) => Math.round((sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0) * 100) / 100;
  return { p50: at(50), p95: at(95), p99: at(99), n: sorted.length };
}

/** N verified placements over three years: one row in eight is the same person again. */
function generatePlacements(file: string, count: number, onProgress: (n: number) => void) {
  const sqlite = new Database(file);
  sqlite.pragma("journal_mode = WAL");
  const orgs = sqlite.prepare("SELECT id, name, regionCode FROM Organization WHERE status = 'verified'").all() as { id: number; name: string; regionCode: string }[];
  const rng = createRng(20261201);
  const towns = COUNTIES.flatMap((c) => townsOf(c).map((t) => ({ code: t.code, county: c.code, weight: c.weight })));
  const weighted = towns.flatMap((t) => Array.from({ length: t.weight }, () => t));
  const kinds = PLACEMENT_KINDS.filter((k) => k !== "internship");
  const insert = sqlite.prepare(
    `INSERT INTO Placement (personName, idHash, personKey, idNumberMasked, groups, returneeKind, organizationId, employerName, kind, regionCode, countyCode, startDate, source, continuity, status, createdAt, updatedAt, verifiedAt)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'import', ?, 'verified', ?, ?, ?)`,
  );
  const stamp = now.toISOString().replace("Z", "+00:00");
  let lastKey = "";
  for (let done = 0; done < count; ) {
    const size = Math.min(20_000, count - done);
    sqlite.transaction(() => {
      for (let i = 0; i < size; i++) {
        const key = lastKey && rng.chance(0.125) ? lastKey : crypto.randomBytes(16).toString("hex");
        lastKey = key;
        const town = rng.pick(weighted);
        const org = rng.pick(orgs);
        const y = rng.pick(YEARS);
        const days = y === year ? Math.max(1, Math.floor((now.getTime() - Date.UTC(year, 0, 1)) / 86_400_000)) : 365;
        const start = new Date(Date.UTC(y, 0, 1 + rng.int(0, days - 1))).toISOString().replace("Z", "+00:00");
        const kind = rng.pick(kinds);
        const returnee = kind === "returnee";
        insert.run("测试人员", key, key, "6109**********0000", returnee ? ",returnee," : ",", returnee ? rng.pick(["manager", "skilled", "graduate", "veteran"]) : null, org.id, org.name, kind, town.code, town.county, start, rng.chance(0.05) ? "renewal" : "new_employer", stamp, stamp, stamp);
      }
    })();
    done += size;
    onProgress(done);
  }
  sqlite.close();
}

async function main() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "jobs-bench-ind-"));
  process.env.DATA_DIR = dir;
  const file = path.join(dir, "bench.db");
  const url = `file:${file}`;
  console.log(`bench:indicators — ${N.toLocaleString()} placements over ${YEARS.join(", ")}, data in ${dir}`);
  await migrate(url);
  let db = createDb(url);
  setDb(db);
  await seedDemo(db, { now });
  await db.$disconnect();
  let t = performance.now();
  generatePlacements(file, N, (n) => process.stdout.write(`\r  generated ${n}`));
  const generateSeconds = (performance.now() - t) / 1000;
  db = createDb(url);
  setDb(db);
  t = performance.now();
  const credits = await recountEveryone(db);
  const recountSeconds = (performance.now() - t) / 1000;
  const placements = await db.placement.count();
  console.log(`\n  ${placements} placements (${generateSeconds.toFixed(1)} s); recount: ${credits} credits in ${recountSeconds.toFixed(1)} s`);
  await db.$executeRawUnsafe("ANALYZE");

  const staffUser = async (email: string): Promise<StaffActor & { cookie: string }> => {
    const u = await db.user.findUniqueOrThrow({ where: { email } });
    const cookie = (await createSession(u.id, new Request("http://localhost/"))).split(";")[0]!;
    return { id: u.id, role: u.role as StaffActor["role"], staffRegionCode: u.staffRegionCode, cookie };
  };
  const county = await staffUser("hanbin@demo.ankang.gov.cn"); // the largest county
  const city = await staffUser("city@demo.ankang.gov.cn");

  const measure = async (actor: StaffActor, region: string) => {
    const samples: number[] = [];
    for (let r = 0; r < Number(values.rounds); r++) {
      for (const y of YEARS) {
        const start = performance.now();
        const d = await regionDashboard(actor, { region, year: y }, now);
        samples.push(performance.now() - start);
        if (!d?.plan) throw new Error(`no plan for ${region} ${y}`);
      }
    }
    return percentiles(samples);
  };
  const moduleCounty = await measure(county, "610902");
  const moduleCity = await measure(city, "610900");
  await db.$disconnect();

  // The whole page over HTTP, against the real server on this data (an external Meilisearch is not
  // needed for these pages: point it at a closed port and the site answers search from SQLite).
  const port = await getFreePort();
  const server = spawn(process.execPath, ["--import", "tsx", "server/index.ts"], {
    env: { ...process.env, PORT: String(port), HOST: "127.0.0.1", DATA_DIR: dir, DATABASE_URL: url, MEILI_URL: `http://127.0.0.1:${await getFreePort()}`, MEILI_MASTER_KEY: "bench-unused-key-0123456789", SEED_DEMO: "false", NODE_ENV: "production" },
    stdio: ["ignore", "pipe", "inherit"],
  });
  await new Promise<void>((resolve, reject) => {
    server.stdout!.on("data", (chunk: Buffer) => chunk.toString().includes("site ready") && resolve());
    server.once("exit", (code) => reject(new Error(`server exited ${code}`)));
  });
  const load = async (cookie: string, region: string, connections: number) => {
    const urls = YEARS.map((y) => `http://127.0.0.1:${port}/staff/indicators?region=${region}&year=${y}`);
    const samples: number[] = [];
    let failures = 0;
    let next = 0;
    const deadline = performance.now() + Number(values.seconds) * 1000;
    await Promise.all(
      Array.from({ length: connections }, async () => {
        while (performance.now() < deadline) {
          const start = performance.now();
          const res = await fetch(urls[next++ % urls.length]!, { headers: { Cookie: cookie } });
          await res.arrayBuffer();
          samples.push(performance.now() - start);
          if (res.status !== 200) failures++;
        }
      }),
    );
    return { ...percentiles(samples), failures, rps: Math.round(samples.length / Number(values.seconds)) };
  };
  // Warm up (first requests compile code paths and fill caches), then one request at a time (what a
  // staff member waits for), then under concurrent load.
  for (let i = 0; i < 10; i++) await fetch(`http://127.0.0.1:${port}/staff/indicators?region=610900&year=${year}`, { headers: { Cookie: city.cookie } }).then((r) => r.arrayBuffer());
  const singleCounty = await load(county.cookie, "610902", 1);
  const singleCity = await load(city.cookie, "610900", 1);
  const pageCounty = await load(county.cookie, "610902", Number(values.connections));
  const pageCity = await load(city.cookie, "610900", Number(values.connections));
  server.kill("SIGTERM");

  const result = {
    date: new Date().toISOString(),
    machine: { cpus: os.cpus().length, memoryGiB: Math.round(os.totalmem() / 2 ** 30) },
    placements,
    credits,
    generateSeconds: Math.round(generateSeconds * 10) / 10,
    recountSeconds: Math.round(recountSeconds * 10) / 10,
    years: YEARS,
    dashboardModuleMs: { countyYear: moduleCounty, cityYear: moduleCity },
    dashboardPageMs: {
      oneAtATime: { countyYear: singleCounty, cityYear: singleCity },
      concurrent: { connections: Number(values.connections), countyYear: pageCounty, cityYear: pageCity },
    },
    goals: { countyYearP95: 300, cityYearP95: 500 },
    met: {
      oneAtATime: { countyYear: singleCounty.p95 <= 300 && singleCounty.failures === 0, cityYear: singleCity.p95 <= 500 && singleCity.failures === 0 },
      concurrent: { countyYear: pageCounty.p95 <= 300 && pageCounty.failures === 0, cityYear: pageCity.p95 <= 500 && pageCity.failures === 0 },
    },
  };
  fs.mkdirSync("bench/results", { recursive: true });
  const out = path.join("bench/results", `indicators-${N}-${Date.now()}.json`);
  fs.writeFileSync(out, JSON.stringify(result, null, 2));
  console.table({
    "module county-year": moduleCounty,
    "module city-year": moduleCity,
    "page county-year, 1 at a time": singleCounty,
    "page city-year, 1 at a time": singleCity,
    [`page county-year, ${values.connections} at once`]: pageCounty,
    [`page city-year, ${values.connections} at once`]: pageCity,
  });
  const verdict = (ok: boolean) => (ok ? "met" : "NOT met");
  console.log(`goals (p95): county ≤ 300 ms — ${verdict(result.met.oneAtATime.countyYear)} one at a time, ${verdict(result.met.concurrent.countyYear)} at ${values.connections}; city ≤ 500 ms — ${verdict(result.met.oneAtATime.cityYear)} one at a time, ${verdict(result.met.concurrent.cityYear)} at ${values.connections}`);
  console.log(`written to ${out}`);
  fs.rmSync(dir, { recursive: true, force: true });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
