/**
 * npm run bench:alerts [-- --searches 100000 --new 2000 --postings 0 --rate 20 --idle-seconds 20 --keep | --data <kept dir>]
 * Issue 12, point 7: 100,000 saved searches checked against a day's 2,000 new posts in ≤ 60 s on
 * the 2-core machine, while the search page's p95 stays within 20 % of its idle figure measured in
 * the same run. Builds the demo data (plus --postings more) and --new posts published over the last
 * day, indexes them into a real Meilisearch, writes --searches saved searches with varied queries
 * (words of real titles and occupations, their pinyin, kinds, counties and towns, near/within,
 * pay), then starts the real server in production mode: its own alert runner does the pass (the
 * real code, in the process that serves the pages, as in production) while a paced load asks for
 * search pages over HTTP. Idle p95 is measured before and after the pass, in the same run.
 * Writes bench/results/alerts-<time>.json.
 */
import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import Database from "better-sqlite3";
import { normalisedQuery } from "../app/modules/alerts/alerts.server.ts";
import { createDb, setDb } from "../app/modules/db.server.ts";
import { encrypt, lookupHash } from "../app/modules/security/secrets.server.ts";
import { createRng } from "../prisma/seed/factories.ts";
import { savedSearchQueries, searchVocabulary, weighted } from "../prisma/seed/saved-searches.ts";
import { generatePostings, seedDemo } from "../prisma/seed/seed.ts";
import { connect } from "../search/client.ts";
import { rebuildIndex } from "../search/indexer.ts";
import { startMeili } from "../search/launcher.ts";
import { migrate } from "../server/boot.ts";
import { benchUrls, cpuMs, pacedLoad, percentiles, serialLatency, startServer } from "./bench-load.ts";

const { values } = parseArgs({
  options: {
    searches: { type: "string", default: "100000" },
    new: { type: "string", default: "2000" },
    postings: { type: "string", default: "0" },
    rate: { type: "string", default: "20" },
    "idle-seconds": { type: "string", default: "30" },
    "cap-seconds": { type: "string", default: "900" },
    keep: { type: "boolean", default: false },
    data: { type: "string" },
  },
});
const now = new Date();
const DAY = 86_400_000;
const round = (x: number) => Math.round(x * 100) / 100;
const sqliteDate = (d: Date) => d.toISOString().replace("Z", "+00:00");
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function main() {
  const reuse = values.data;
  const dir = reuse ?? fs.mkdtempSync(path.join(os.tmpdir(), "jobs-bench-alerts-"));
  // The addresses of alerts without an account are encrypted with this folder's key, as the server will read them.
  process.env.DATA_DIR = dir;
  const dbUrl = `file:${path.join(dir, "bench.db")}`;
  console.log(`bench:alerts — ${reuse ? "kept data" : `${Number(values.searches).toLocaleString()} saved searches, ${values.new} new posts`}, data in ${dir}`);
  await migrate(dbUrl);
  const db = createDb(dbUrl);
  setDb(db);
  const meili = await startMeili({ dataDir: path.join(dir, "meili") });
  let t = performance.now();
  if (!reuse) {
    await seedDemo(db, { now });
    if (Number(values.postings) > 0) generatePostings(dbUrl, Number(values.postings), { now, onProgress: (n) => process.stdout.write(`\r  generated ${n}`) });
    publishToday(dbUrl, Number(values.new));
    await rebuildIndex(db, connect(meili.url, meili.masterKey, "opportunities", 30_000), { now, onProgress: (n) => process.stdout.write(`\r  indexed ${n}`) });
    console.log(`\n  data and index in ${((performance.now() - t) / 1000).toFixed(1)} s`);
    t = performance.now();
    writeSavedSearches(dbUrl, Number(values.searches));
    console.log(`  saved searches written in ${((performance.now() - t) / 1000).toFixed(1)} s`);
  }
  // The moment the data was made: a kept set's searches last looked a day (a week) before it.
  const stampFile = path.join(dir, "bench-now.txt");
  if (!reuse) fs.writeFileSync(stampFile, now.toISOString());
  const made = new Date(fs.readFileSync(stampFile, "utf8").trim());
  const sqlite = new Database(path.join(dir, "bench.db"));
  const data = {
    postings: (sqlite.prepare("SELECT count(*) AS n FROM Posting").get() as { n: number }).n,
    newToday: (sqlite.prepare("SELECT count(*) AS n FROM Posting WHERE status = 'published' AND publishedAt > ?").get(sqliteDate(new Date(made.getTime() - DAY))) as { n: number }).n,
    savedSearches: (sqlite.prepare("SELECT count(*) AS n FROM SavedSearch").get() as { n: number }).n,
    distinctQueries: (sqlite.prepare("SELECT count(DISTINCT query) AS n FROM SavedSearch").get() as { n: number }).n,
    accountless: (sqlite.prepare("SELECT count(*) AS n FROM SavedSearch WHERE userId IS NULL").get() as { n: number }).n,
  };
  console.log(`  ${JSON.stringify(data)}`);
  await db.$disconnect();

  // Not due while the server starts and the idle figure is taken; every one due at once afterwards.
  sqlite.prepare("UPDATE SavedSearch SET nextRunAt = ?, lastSentAt = NULL, lastCheckedAt = CASE frequency WHEN 'weekly' THEN ? ELSE ? END")
    .run(sqliteDate(new Date(Date.now() + 7 * DAY)), sqliteDate(new Date(made.getTime() - 7 * DAY)), sqliteDate(new Date(made.getTime() - DAY)));
  sqlite.prepare("DELETE FROM AlertDelivery").run();
  sqlite.prepare("DELETE FROM MessageOutbox").run();
  sqlite.prepare("DELETE FROM Notification WHERE type IN ('alertNew', 'alertRecommended')").run();
  // The mail goes out over SMTP as in production, to a sink that takes it and drops it (a relay
  // elsewhere; parsing here would load the cores the site is measured on).
  const sink = await smtpSink();
  const lines: string[] = [];
  // The server migrates at boot, which needs the file to itself for a moment.
  sqlite.close();
  const server = await startServer(dir, dbUrl, meili, {
    // Checked every half second (the least allowed): the pass is timed, not the wait for its turn.
    ALERT_PASS_MS: "500", PAGE_CACHE: "false", SMTP_URL: sink.url, SITE_URL: "https://jobs.example.cn",
  }, (line) => {
    if (/^alerts: /.test(line)) lines.push(line);
    // The log mail sender prints every message: only the server's own account is shown.
    return Boolean(process.env.BENCH_VERBOSE) || (/search index|services ready|site ready|^alerts|failed|rror/.test(line) && !line.startsWith("[mail:log]"));
  });
  const db2 = new Database(path.join(dir, "bench.db"));
  try {
    const urls = await benchUrls(server.base);
    await serialLatency(server.base, urls.pages);
    const idleMs = Number(values["idle-seconds"]) * 1000;
    const load = pacedLoad(server.base, urls.pages, Number(values.rate));
    const idleFrom = Date.now();
    await sleep(idleMs);
    const idleTo = Date.now();

    const cpu0 = { server: cpuMs(server.pid), meili: cpuMs(meili.process.pid!) };
    const threads0 = threadCpu(server.pid);
    const flipAt = new Date();
    db2.prepare("UPDATE SavedSearch SET nextRunAt = ?").run(sqliteDate(new Date(flipAt.getTime() - 1000)));
    const due = db2.prepare("SELECT count(*) AS n FROM SavedSearch WHERE nextRunAt <= ? AND confirmedAt IS NOT NULL");
    const flip = sqliteDate(flipAt);
    const cap = Date.now() + Number(values["cap-seconds"]) * 1000;
    let left = (due.get(flip) as { n: number }).n;
    const progress: { at: number; left: number }[] = [];
    while (left > 0 && Date.now() < cap) {
      await sleep(200);
      left = (due.get(flip) as { n: number }).n;
      progress.push({ at: Date.now(), left });
      process.stdout.write(`\r  pass: ${left.toLocaleString()} still due after ${((Date.now() - flipAt.getTime()) / 1000).toFixed(1)} s   `);
    }
    const passEnd = Date.now();
    const cpu1 = { server: cpuMs(server.pid), meili: cpuMs(meili.process.pid!) };
    // Which of the server's threads spent the pass's CPU (the pages' thread, the alert thread at nice 19, V8's helpers…).
    const threads = Object.entries(threadCpu(server.pid)).map(([tid, t]) => ({ tid, name: t.name, nice: t.nice, cpuSeconds: round((t.ms - (threads0[tid]?.ms ?? 0)) / 1000) })).filter((t) => t.cpuSeconds > 0.5).sort((a, b) => b.cpuSeconds - a.cpuSeconds);
    const passSeconds = (passEnd - flipAt.getTime()) / 1000;
    console.log(`\n  pass ${left ? `NOT finished (${left} left)` : "finished"} in ${passSeconds.toFixed(1)} s`);
    await sleep(idleMs);
    const afterTo = Date.now();
    await load.stop();

    const ms = (rows: { ms: number }[]) => rows.map((r) => r.ms);
    const before = load.between(idleFrom, idleTo);
    const during = load.between(flipAt.getTime(), passEnd);
    const after = load.between(passEnd + 1000, afterTo);
    // Idle is before the pass: after it, the message worker is still sending what the pass queued.
    const idle = percentiles(ms(before));
    const busy = percentiles(ms(during));
    const sent = {
      alerted: (db2.prepare("SELECT count(*) AS n FROM SavedSearch WHERE lastSentAt >= ?").get(flip) as { n: number }).n,
      deliveries: (db2.prepare("SELECT count(*) AS n FROM AlertDelivery").get() as { n: number }).n,
      messagesWaiting: (db2.prepare("SELECT count(*) AS n FROM MessageOutbox").get() as { n: number }).n,
      mailsSent: sink.count(),
      notices: (db2.prepare("SELECT count(*) AS n FROM Notification WHERE type = 'alertNew'").get() as { n: number }).n,
    };
    const ratio = round(busy.p95 / Math.max(0.01, idle.p95));
    // Page p95 every 5 s across the run, with the searches still due: where the pass costs the pages, if it does.
    const timeline: { s: number; p95: number; n: number; due: number | null }[] = [];
    for (let from = idleFrom; from < afterTo; from += 5000) {
      const rows = load.between(from, from + 5000);
      const mark = progress.find((p) => p.at >= from + 5000);
      timeline.push({ s: round((from - flipAt.getTime()) / 1000), p95: percentiles(ms(rows)).p95, n: rows.length, due: from < flipAt.getTime() ? null : mark?.left ?? 0 });
    }
    const result = {
      date: new Date().toISOString(),
      machine: { cpus: os.cpus().length, memoryGiB: Math.round(os.totalmem() / 2 ** 30), loadAverage: os.loadavg().map(round) },
      data,
      pass: { seconds: round(passSeconds), finished: left === 0, left, serverCpuSeconds: round((cpu1.server - cpu0.server) / 1000), serverThreads: threads, meiliCpuSeconds: round((cpu1.meili - cpu0.meili) / 1000), runnerLines: lines.slice(-5), ...sent },
      searchPage: {
        rate: Number(values.rate),
        idleBefore: idle, afterPass: percentiles(ms(after)), duringPass: busy,
        errors: load.samples.filter((s) => !s.ok).length,
      },
      ratio,
      timeline,
      goals: { "pass ≤ 60 s": left === 0 && passSeconds <= 60, "search page p95 during the pass ≤ 1.2 × idle": ratio <= 1.2 },
    };
    fs.mkdirSync("bench/results", { recursive: true });
    const file = path.join("bench/results", `alerts-${Date.now()}.json`);
    fs.writeFileSync(file, JSON.stringify(result, null, 2));
    console.table({ "idle (before the pass)": idle, "during the pass": busy, "after the pass (mail still going out)": result.searchPage.afterPass });
    console.table({ pass: { seconds: result.pass.seconds, "server CPU s": result.pass.serverCpuSeconds, "meili CPU s": result.pass.meiliCpuSeconds, ...sent } });
    console.table(threads.slice(0, 8));
    console.table(Object.fromEntries(Object.entries(result.goals).map(([goal, met]) => [goal, met ? "met" : "NOT met"])));
    console.log(`p95 during/idle ${ratio}; load average ${result.machine.loadAverage.join(" ")}; written to ${file}`);
  } finally {
    await server.stop();
    await sink.close();
    db2.close();
    await meili.stop();
    if (values.keep || reuse) console.log(`data kept in ${dir}; re-run with --data ${dir}`);
    else fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** CPU (ms) and nice of each thread of a process, from /proc. */
function threadCpu(pid: number): Record<string, { name: string; nice: number; ms: number }> {
  const out: Record<string, { name: string; nice: number; ms: number }> = {};
  for (const tid of fs.readdirSync(`/proc/${pid}/task`)) {
    try {
      const stat = fs.readFileSync(`/proc/${pid}/task/${tid}/stat`, "utf8");
      const f = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      out[tid] = { name: stat.slice(stat.indexOf("(") + 1, stat.lastIndexOf(")")), nice: Number(f[16]), ms: ((Number(f[11]) + Number(f[12])) * 1000) / 100 };
    } catch {
      // The thread ended meanwhile.
    }
  }
  return out;
}

/**
 * An SMTP server that accepts every mail and keeps only the count, in its own process at the
 * lowest priority: the mail relay is another machine in production, and its work here must not
 * be counted against the site's pages.
 */
async function smtpSink() {
  const code = `
    const { SMTPServer } = require("smtp-server");
    let received = 0;
    const stall = Boolean(process.env.BENCH_STALL_MAIL);
    const server = new SMTPServer({ authOptional: true, disabledCommands: ["STARTTLS"], logger: false, closeTimeout: 1000,
      onData(stream, _s, callback) { stream.on("end", () => { received += 1; if (!stall) callback(); }); stream.resume(); } });
    server.listen(0, "127.0.0.1", () => console.log("port " + server.server.address().port));
    setInterval(() => console.log("count " + received), 500);
  `;
  const child = spawn("nice", ["-n", "19", process.execPath, "-e", code], { stdio: ["ignore", "pipe", "inherit"] });
  let received = 0;
  const port = await new Promise<number>((resolve, reject) => {
    child.stdout.on("data", (chunk: Buffer) => {
      for (const line of chunk.toString().split("\n")) {
        if (line.startsWith("port ")) resolve(Number(line.slice(5)));
        if (line.startsWith("count ")) received = Number(line.slice(6));
      }
    });
    child.once("exit", (c) => reject(new Error(`smtp sink exited ${c}`)));
  });
  return {
    url: `smtp://127.0.0.1:${port}`,
    count: () => received,
    close: () => new Promise<void>((resolve) => { child.once("exit", () => resolve()); child.kill("SIGTERM"); }),
  };
}

/** `count` more posts, published at moments spread over the last 24 hours and open for weeks. */
function publishToday(dbUrl: string, count: number) {
  const sqlite = new Database(dbUrl.replace(/^file:/, ""));
  const { max } = sqlite.prepare("SELECT coalesce(max(id), 0) AS max FROM Posting").get() as { max: number };
  sqlite.close();
  generatePostings(dbUrl, count, { now, seed: 1207 });
  const write = new Database(dbUrl.replace(/^file:/, ""));
  const rng = createRng(1204);
  const rows = write.prepare("SELECT id FROM Posting WHERE id > ?").all(max) as { id: number }[];
  const update = write.prepare("UPDATE Posting SET status = 'published', publishedAt = ?, validFrom = ?, validUntil = ? WHERE id = ?");
  write.transaction(() => {
    for (const { id } of rows) {
      const at = sqliteDate(new Date(now.getTime() - rng.int(60_000, DAY - 60_000)));
      update.run(at, at, sqliteDate(new Date(now.getTime() + rng.int(14, 60) * DAY)), id);
    }
  })();
  write.close();
}

function writeSavedSearches(dbUrl: string, count: number) {
  const sqlite = new Database(dbUrl.replace(/^file:/, ""));
  const rng = createRng(20261204);
  const query = savedSearchQueries(searchVocabulary(sqlite), rng);
  const users = Math.round(count / 4);
  const stamp = sqliteDate(new Date(now.getTime() - 60 * DAY));
  const insertUser = sqlite.prepare("INSERT INTO User (email, passwordHash, role, displayName, createdAt, updatedAt) VALUES (?, 'x', 'seeker', ?, ?, ?)");
  const insertSearch = sqlite.prepare(
    "INSERT INTO SavedSearch (userId, emailEnc, emailHash, source, query, frequency, channels, lang, token, confirmedAt, lastCheckedAt, nextRunAt, createdAt) VALUES (?, ?, ?, 'search', ?, ?, ?, ?, ?, ?, ?, ?, ?)",
  );
  sqlite.transaction(() => {
    const { first } = sqlite.prepare("SELECT coalesce(max(id), 0) + 1 AS first FROM User").get() as { first: number };
    for (let i = 0; i < users; i++) insertUser.run(`alert-bench-${i}@example.cn`, `提醒压测${i}`, stamp, stamp);
    for (let i = 0; i < count; i++) {
      const frequency = weighted(rng, [["instant", 15], ["daily", 70], ["weekly", 15]]);
      const lastChecked = new Date(now.getTime() - (frequency === "weekly" ? 7 : 1) * DAY);
      const accountless = i % 5 === 4;
      const email = `visitor-bench-${i}@example.cn`;
      insertSearch.run(
        accountless ? null : first + rng.int(0, users - 1),
        accountless ? encrypt(email) : null,
        accountless ? lookupHash("email", email) : null,
        normalisedQuery(query()),
        frequency,
        accountless ? "email" : weighted(rng, [["site,email", 6], ["site", 3], ["email", 1]]),
        rng.chance(0.9) ? "zh-CN" : "en",
        `bench-${i}-${rng.int(1e9, 9e9)}-token`,
        stamp, sqliteDate(lastChecked), sqliteDate(new Date(now.getTime() + 7 * DAY)), stamp,
      );
    }
  })();
  sqlite.close();
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
