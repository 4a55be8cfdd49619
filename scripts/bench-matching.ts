/**
 * npm run bench:matching [-- --postings 1000000 --seekers 100000 --requests 500 --keep | --data <kept dir>]
 * Generates N postings and S consenting seekers into a fresh SQLite file, indexes the postings into
 * a real Meilisearch, then measures in one run, one request at a time, with the CPU each request
 * cost this process (process.cpuUsage: Prisma, SQLite and the ranking run in it) and Meilisearch
 * (/proc of its process): (a) a seeker's recommendations, end to end and split into profile read,
 * multi-search and ranking; (b) candidates for a post over the seekers, the pool and its ranking,
 * and the employer's whole section; (c) the plain search-page query as the reference, with ratios.
 * Generating and indexing 1M postings takes several minutes: --keep, then --data DIR reuses the set.
 * Writes bench/results/matching-<date>.json.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { createDb, setDb } from "../app/modules/db.server.ts";
import { applicationCounts } from "../app/modules/matching/applications-ledger.server.ts";
import { loadCandidates, mediumOf, POSTING_MATCH_SELECT, rankCandidatesFor } from "../app/modules/matching/candidates.server.ts";
import { eligible } from "../app/modules/matching/eligibility.ts";
import { itemFromPosting } from "../app/modules/matching/items.ts";
import { scoreMatch } from "../app/modules/matching/score.ts";
import { exposureLedger } from "../app/modules/matching/exposure.ts";
import { recommend } from "../app/modules/matching/recommend.ts";
import { loadRecommendations } from "../app/modules/matching/recommendations.server.ts";
import { matchRequestFor } from "../app/modules/matching/request.ts";
import { MATCHABLE_SELECT, matchSeekerFrom } from "../app/modules/matching/seeker.ts";
import { parseSearchParams, PAGE_SIZE } from "../app/modules/search/params.ts";
import { createRng } from "../prisma/seed/factories.ts";
import { generatePostings, seedDemo } from "../prisma/seed/seed.ts";
import { eachSeekerProfile, insertSeekersSqlite } from "../prisma/seed/seekers.ts";
import { connect } from "../search/client.ts";
import { bumpSearchGeneration } from "../search/freshness.ts";
import { rebuildIndex } from "../search/indexer.ts";
import { startMeili } from "../search/launcher.ts";
import { retrieveMatches } from "../search/match.ts";
import { searchIds } from "../search/query.ts";
import { getSearchService, SearchService, setSearchService } from "../search/service.ts";
import { migrate } from "../server/boot.ts";
import { cpuMs } from "./bench-load.ts";
import { BENCH_QUERIES } from "./bench-queries.ts";

const { values } = parseArgs({
  options: {
    postings: { type: "string", default: "1000000" },
    seekers: { type: "string", default: "100000" },
    // Recommendation requests (over ≥ 200 distinct profiles); candidate requests are posts × 2.
    requests: { type: "string", default: "500" },
    profiles: { type: "string", default: "250" },
    posts: { type: "string", default: "250" },
    // Phases to run (a comma list of recommendations, candidates, search) and each one's time cap.
    only: { type: "string", default: "recommendations,candidates,search" },
    "cap-seconds": { type: "string", default: "240" },
    keep: { type: "boolean", default: false },
    data: { type: "string" },
  },
});
const now = new Date();
const phases = new Set(values.only.split(","));
const CAP_MS = Number(values["cap-seconds"]) * 1000;
const round = (x: number) => Math.round(x * 100) / 100;

interface Figures { p50: number; p95: number; p99: number; n: number }
function percentiles(samples: number[]): Figures {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (p: number) => round(sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0);
  return { p50: at(50), p95: at(95), p99: at(99), n: sorted.length };
}

const meiliCpu = (pid: number | null) => (pid === null ? 0 : cpuMs(pid));
const nodeCpu = () => { const u = process.cpuUsage(); return (u.user + u.system) / 1000; };

interface Measured { latencyMs: Figures; nodeCpuMs: Figures; nodeCpuMsPerRequest: number; meiliCpuMsPerRequest: number; requests: number; distinct: number; cappedAt: string | null }

/**
 * Runs `calls` one at a time, each timed; this process's CPU per call, and Meilisearch's over the
 * whole pass (its /proc counters tick every 10 ms, too coarse for one request).
 */
async function serial<T>(calls: T[], meiliPid: number | null, run: (arg: T) => Promise<unknown>): Promise<Measured> {
  const wall: number[] = [];
  const cpu: number[] = [];
  const meiliBefore = meiliCpu(meiliPid);
  const started = performance.now();
  for (const arg of calls) {
    // A phase that would outlast its cap stops there and says how many requests it made.
    if (performance.now() - started > CAP_MS) break;
    const c0 = nodeCpu();
    const t0 = performance.now();
    await run(arg);
    wall.push(performance.now() - t0);
    cpu.push(nodeCpu() - c0);
  }
  const meili = meiliCpu(meiliPid) - meiliBefore;
  const done = wall.length;
  return {
    latencyMs: percentiles(wall), nodeCpuMs: percentiles(cpu),
    nodeCpuMsPerRequest: round(cpu.reduce((a, b) => a + b, 0) / Math.max(1, done)), meiliCpuMsPerRequest: round(meili / Math.max(1, done)),
    requests: done, distinct: new Set(calls.slice(0, done)).size, cappedAt: done < calls.length ? `${done} of ${calls.length} in ${CAP_MS / 1000} s` : null,
  };
}

async function main() {
  const reuse = values.data;
  const dir = reuse ?? fs.mkdtempSync(path.join(os.tmpdir(), "jobs-bench-matching-"));
  const dbUrl = `file:${path.join(dir, "bench.db")}`;
  console.log(`bench:matching — ${reuse ? "kept data" : `${Number(values.postings).toLocaleString()} postings, ${Number(values.seekers).toLocaleString()} seekers`}, data in ${dir}`);
  await migrate(dbUrl);
  const db = createDb(dbUrl);
  setDb(db);
  let t = performance.now();
  if (!reuse) {
    await seedDemo(db, { now });
    const postings = Number(values.postings) - (await db.posting.count());
    if (postings > 0) generatePostings(dbUrl, postings, { now, onProgress: (n) => process.stdout.write(`\r  generated ${n} postings`) });
    const seekers = Number(values.seekers) - (await db.seekerProfile.count({ where: { consentCandidate: true } }));
    // The generator's people agree to matching; here every one also agrees to be shown to employers.
    const stream = (function* () {
      for (const s of eachSeekerProfile(Math.max(0, seekers), 20261202, { now })) yield { ...s, profile: { ...s.profile, consentCandidate: true } };
    })();
    process.stdout.write("\n  inserting seekers…");
    insertSeekersSqlite(dbUrl, stream, { now });
  }
  const counts = {
    postings: await db.posting.count(),
    seekers: await db.seekerProfile.count({ where: { consentMatching: true } }),
    candidates: await db.seekerProfile.count({ where: { consentMatching: true, consentCandidate: true } }),
    seekerOccupations: await db.seekerOccupation.count(),
  };
  const generateSeconds = (performance.now() - t) / 1000;
  console.log(`\n  in database: ${JSON.stringify(counts)} (${generateSeconds.toFixed(1)} s)`);

  // Candidates read SQLite alone: Meilisearch starts only for the phases that search.
  const meili = phases.has("recommendations") || phases.has("search") ? await startMeili({ dataDir: path.join(dir, "meili") }) : null;
  t = performance.now();
  let documents = 0;
  if (meili) {
    const connection = connect(meili.url, meili.masterKey, "opportunities", 30_000);
    // A kept set whose index was not finished is indexed again.
    documents = reuse ? await connection.client.index("opportunities").getStats().then((s) => s.numberOfDocuments, () => 0) : 0;
    if (!documents) documents = await rebuildIndex(db, connection, { now, onProgress: (n) => process.stdout.write(`\r  indexed ${n}`) });
    setSearchService(new SearchService(meili.url, meili.masterKey, "opportunities"));
  }
  const indexSeconds = (performance.now() - t) / 1000;
  console.log(`\n  ${documents} documents in the index (${indexSeconds.toFixed(1)} s)`);
  const meiliPid = meili?.process.pid ?? null;
  try {
    const result = await measure(db, meiliPid, { ...counts, documents, indexSeconds: round(indexSeconds), generateSeconds: round(generateSeconds) });
    fs.mkdirSync("bench/results", { recursive: true });
    const file = path.join("bench/results", `matching-${now.toISOString().slice(0, 10)}-${Date.now()}.json`);
    fs.writeFileSync(file, JSON.stringify(result, null, 2));
    console.log(`written to ${file}`);
  } finally {
    await meili?.stop();
    await db.$disconnect();
    if (values.keep || reuse) console.log(`data kept in ${dir} (database bench.db, Meilisearch data in meili/); re-run with --data ${dir}`);
    else fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** Seekers to recommend for: a seeded sample of the consenting ones, a fifth of them graduates wanting internships. */
async function pickSeekers(db: ReturnType<typeof createDb>, count: number) {
  const rows = await db.seekerProfile.findMany({ where: { consentMatching: true }, select: { userId: true, wishKinds: true, wishOccupations: true, hometownCode: true, graduationYear: true } });
  const rng = createRng(11);
  const shuffled = rows.map((r) => [rng.next(), r] as const).sort((a, b) => a[0] - b[0]).map(([, r]) => r);
  const interns = shuffled.filter((r) => r.wishKinds.includes(",internship,") && r.graduationYear !== null).slice(0, Math.ceil(count / 5));
  const chosen = [...interns, ...shuffled.filter((r) => !interns.includes(r)).slice(0, count - interns.length)];
  const variety = {
    profiles: chosen.length,
    internshipSeekers: interns.length,
    occupations: new Set(chosen.flatMap((r) => r.wishOccupations.split(",").filter(Boolean))).size,
    towns: new Set(chosen.map((r) => r.hometownCode)).size,
    kindSets: new Set(chosen.map((r) => r.wishKinds)).size,
  };
  return { ids: chosen.map((r) => r.userId), variety };
}

const OPEN_POST = { status: "published", validUntil: { gte: now }, occupationCode: { not: null }, kind: { in: ["job", "internship", "gig"] } };

/**
 * Open posts naming an occupation: a seeded sample over the id range (for the pool and its
 * ranking), and one among the posts of organizations that have a member to ask as (the section).
 */
async function pickPosts(db: ReturnType<typeof createDb>, count: number) {
  const max = (await db.posting.aggregate({ _max: { id: true } }))._max.id ?? 0;
  const rng = createRng(13);
  const picked = new Map<number, string>();
  for (let tries = 0; picked.size < count && tries < count * 40; tries++) {
    const id = 1 + Math.floor(rng.next() * max);
    if (picked.has(id)) continue;
    const row = await db.posting.findFirst({ where: { id, ...OPEN_POST }, select: { occupationCode: true } });
    if (row?.occupationCode?.includes("-")) picked.set(id, row.occupationCode.split("-").slice(0, 2).join("-"));
  }
  const members = await db.membership.findMany({ select: { userId: true, organizationId: true } });
  const actorOf = new Map(members.map((m) => [m.organizationId, m.userId]));
  const ownedRows = await db.posting.findMany({ where: { organizationId: { in: [...actorOf.keys()] }, ...OPEN_POST }, select: { id: true, organizationId: true, occupationCode: true } });
  const owned = ownedRows.filter((r) => r.occupationCode?.includes("-")).map((r) => [rng.next(), r] as const).sort((a, b) => a[0] - b[0]).slice(0, count).map(([, r]) => ({ postingId: r.id, actor: actorOf.get(r.organizationId)! }));
  return { posts: [...picked.keys()], owned, variety: { posts: picked.size, mediumGroups: new Set(picked.values()).size, ownedPosts: owned.length, owners: new Set(owned.map((o) => o.actor)).size } };
}

/** (a) Recommendations end to end, then the same people step by step: profile read, multi-search, ranking. */
async function recommendationsPhase(db: ReturnType<typeof createDb>, meiliPid: number | null) {
  const { ids, variety } = await pickSeekers(db, Number(values.profiles));
  const calls = Array.from({ length: Math.max(Number(values.requests), ids.length) }, (_, i) => ids[i % ids.length]!);
  // Warm up: the app's cached reference data, the search-only key, the application counts.
  for (const id of ids.slice(0, 20)) await loadRecommendations(id, "zh-CN", { now });
  const whole = await serial(calls, meiliPid, (id) => loadRecommendations(id, "zh-CN", { now }));
  console.log(`  recommendations: p95 ${whole.latencyMs.p95} ms`);
  const parts = { profile: [] as number[], search: [] as number[], ranking: [] as number[] };
  const partCpu = { profile: 0, search: 0, ranking: 0 };
  const hits: number[] = [];
  const ledger = exposureLedger();
  const step = async <T>(name: keyof typeof parts, run: () => Promise<T> | T): Promise<T> => {
    const c0 = nodeCpu();
    const t0 = performance.now();
    const value = await run();
    parts[name].push(performance.now() - t0);
    partCpu[name] += nodeCpu() - c0;
    return value;
  };
  const meiliBefore = meiliCpu(meiliPid);
  const stepped = calls.slice(0, whole.requests);
  for (const id of stepped) {
    const user = await step("profile", () => db.user.findUnique({ where: { id }, select: { profile: { select: { ...MATCHABLE_SELECT, consentMatching: true } }, matchFeedback: { select: { itemId: true, occupationCode: true } } } }));
    const seeker = matchSeekerFrom(user!.profile!);
    const found = await step("search", () => getSearchService().run((c) => retrieveMatches(c, matchRequestFor(seeker, now), now)));
    if (!found.ok) throw found.error;
    hits.push(found.value.wanted.length + found.value.related.length + found.value.bases.length + found.value.courses.length);
    const applications = await applicationCounts();
    await step("ranking", () => recommend(seeker, found.value, { now, person: `user:${id}`, ledger, applications, hidden: new Set(), dislikedOccupations: [] }));
  }
  const meili = round((meiliCpu(meiliPid) - meiliBefore) / stepped.length);
  const split = Object.fromEntries(
    (Object.keys(parts) as (keyof typeof parts)[]).map((name) => [name, { ...percentiles(parts[name]), nodeCpuMsPerRequest: round(partCpu[name] / stepped.length), meiliCpuMsPerRequest: name === "search" ? meili : 0 }]),
  ) as Record<keyof typeof parts, Figures & { nodeCpuMsPerRequest: number; meiliCpuMsPerRequest: number }>;
  return { ...whole, seekers: variety, hitsRetrieved: percentiles(hits), split };
}

/**
 * (b) Candidates: the pool and its ranking as candidates.server.ts does it (rankCandidatesFor), the
 * employer's whole section (loadCandidates), and, for comparison, the same ranking over a pool read
 * from the SeekerOccupation side (its medium index first, then each profile by key).
 */
async function candidatesPhase(db: ReturnType<typeof createDb>, meiliPid: number | null) {
  const { posts, owned, variety } = await pickPosts(db, Number(values.posts));
  // The comparison first: it is quick, and the module's own query may take long at scale (each phase is capped).
  const fromOccupations = await serial([...posts, ...posts], meiliPid, (id) => poolFromOccupations(db, id));
  console.log(`  candidates, pool from SeekerOccupation: p95 ${fromOccupations.latencyMs.p95} ms`);
  const pools: number[] = [];
  const pool = await serial([...posts, ...posts], meiliPid, async (id) => pools.push((await rankCandidatesFor(id, { now }))?.pool ?? 0));
  console.log(`  candidates (pool + ranking): p95 ${pool.latencyMs.p95} ms${pool.cappedAt ? `, capped: ${pool.cappedAt}` : ""}`);
  const section = owned.length ? await serial(owned, meiliPid, (p) => loadCandidates({ id: p.actor }, p.postingId, "zh-CN", { now })) : null;
  return { poolAndRanking: { ...pool, poolSize: percentiles(pools) }, section, poolFromSeekerOccupation: fromOccupations, posts: variety };
}

async function poolFromOccupations(db: ReturnType<typeof createDb>, postingId: number) {
  const row = await db.posting.findUnique({ where: { id: postingId }, select: POSTING_MATCH_SELECT });
  const medium = mediumOf(row?.occupationCode ?? null);
  if (!row || !medium) return [];
  const item = itemFromPosting(row);
  const rows = await db.seekerOccupation.findMany({
    where: { medium, user: { profile: { consentCandidate: true, consentMatching: true } } },
    select: { userId: true, user: { select: { profile: { select: { ...MATCHABLE_SELECT, workHistory: true, comeHomeBy: true } } } } },
  });
  const nowSec = Math.floor(now.getTime() / 1000);
  const seen = new Set<number>();
  const ranked = [];
  for (const r of rows) {
    if (seen.has(r.userId) || !r.user.profile) continue;
    seen.add(r.userId);
    const seeker = matchSeekerFrom(r.user.profile);
    if (eligible(seeker, item, nowSec)) ranked.push({ userId: r.userId, score: scoreMatch(seeker, item, { nowSec }) });
  }
  return ranked.sort((a, b) => b.score.mutual - a.score.mutual).slice(0, 20);
}

/** (c) The reference: the search page's query, every bench query in several variants, each with its facets recomputed. */
async function searchPhase(meiliPid: number | null) {
  const variants: Record<string, string>[] = [{}, { page: "2" }, { sort: "newest" }, { kind: "job" }, { county: "610902" }, { group: "rural_migrant" }];
  const queries = BENCH_QUERIES.flatMap(({ q, params }) => variants.map((v) => parseSearchParams(new URLSearchParams({ q, ...params, ...v })).params));
  const run = (req: (typeof queries)[number]) => {
    bumpSearchGeneration();
    return searchIds(getSearchService().connection, { ...req, pageSize: PAGE_SIZE }, now);
  };
  for (const req of queries.slice(0, 10)) await run(req);
  return { ...(await serial(queries, meiliPid, run)), queries: queries.length };
}

async function measure(db: ReturnType<typeof createDb>, meiliPid: number | null, data: Record<string, number>) {
  const recommendations = phases.has("recommendations") ? await recommendationsPhase(db, meiliPid) : null;
  const candidates = phases.has("candidates") ? await candidatesPhase(db, meiliPid) : null;
  const searchPage = phases.has("search") ? await searchPhase(meiliPid) : null;
  const ratio = (a: Measured | null | undefined, b: Measured | null, cpu = false) =>
    a && b ? round(cpu ? (a.nodeCpuMsPerRequest + a.meiliCpuMsPerRequest) / Math.max(0.01, b.nodeCpuMsPerRequest + b.meiliCpuMsPerRequest) : a.latencyMs.p95 / Math.max(0.01, b.latencyMs.p95)) : null;
  const goals = {
    "recommendations p95 ≤ 100 ms": recommendations ? recommendations.latencyMs.p95 <= 100 : null,
    "candidates p95 ≤ 200 ms (pool + ranking)": candidates ? candidates.poolAndRanking.latencyMs.p95 <= 200 : null,
    "candidates section p95 ≤ 200 ms": candidates?.section ? candidates.section.latencyMs.p95 <= 200 : null,
  };
  const ratios = {
    recommendationsP95OverSearchPageP95: ratio(recommendations, searchPage),
    candidatesP95OverSearchPageP95: ratio(candidates?.poolAndRanking, searchPage),
    recommendationsCpuOverSearchPageCpu: ratio(recommendations, searchPage, true),
    candidatesCpuOverSearchPageCpu: ratio(candidates?.poolAndRanking, searchPage, true),
    candidatesP95OverPoolFromSeekerOccupationP95: ratio(candidates?.poolAndRanking, candidates?.poolFromSeekerOccupation ?? null),
  };
  const result = {
    date: new Date().toISOString(),
    machine: { cpus: os.cpus().length, memoryGiB: Math.round(os.totalmem() / 2 ** 30), loadAverage: os.loadavg().map(round) },
    data, recommendations, candidates, searchPage, ratios, goals,
  };
  const row = (m: Measured | Figures & { nodeCpuMsPerRequest: number; meiliCpuMsPerRequest: number }) =>
    "latencyMs" in m
      ? { n: m.requests, distinct: m.distinct, p50: m.latencyMs.p50, p95: m.latencyMs.p95, p99: m.latencyMs.p99, "node CPU ms/req": m.nodeCpuMsPerRequest, "meili CPU ms/req": m.meiliCpuMsPerRequest }
      : { n: m.n, p50: m.p50, p95: m.p95, p99: m.p99, "node CPU ms/req": m.nodeCpuMsPerRequest, "meili CPU ms/req": m.meiliCpuMsPerRequest };
  console.table({
    ...(recommendations ? { recommendations: row(recommendations), "  profile read": row(recommendations.split.profile), "  multi-search": row(recommendations.split.search), "  ranking": row(recommendations.split.ranking) } : {}),
    ...(candidates ? { "candidates (pool + ranking)": row(candidates.poolAndRanking), "  pool from SeekerOccupation": row(candidates.poolFromSeekerOccupation) } : {}),
    ...(candidates?.section ? { "candidates section": row(candidates.section) } : {}),
    ...(searchPage ? { "search page query": row(searchPage) } : {}),
  });
  console.table(Object.fromEntries(Object.entries(goals).map(([goal, met]) => [goal, met === null ? "not measured" : met ? "met" : "NOT met"])));
  console.log(`ratios: ${JSON.stringify(ratios)}; load average ${result.machine.loadAverage.join(" ")}`);
  return result;
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
