/**
 * Seekers at scale for matching: people who consent to be matched, with the occupations they want,
 * where they live or work away, the certificates and skills they have, and how far they would go.
 * The demo loads a few hundred, so an employer's post shows anonymous candidates; benchmarks and
 * tests generate as many as they need. Deterministic for a seed; the users have no email or phone,
 * so they cannot sign in.
 */
import Database from "better-sqlite3";
import type { Prisma, PrismaClient } from "../../app/generated/prisma/client.ts";
import { BRAND_OCCUPATIONS, CATALOG_OCCUPATIONS } from "../../app/modules/occupations/catalog-codes.ts";
import { credentialsFor, parentCodesOf, skillsFor } from "../../app/modules/occupations/occupations.ts";
import { toCommaList } from "../../app/utils/comma-list.ts";
import { addDays, chinaYear, createRng, pickCounty, townsIn, type Rng } from "./factories.ts";
import { extraCandidates } from "./occupation-mix.ts";

export interface SeekerOptions {
  now?: Date;
  /** Stored as the users' password hash; the default matches no password. */
  passwordHash?: string;
}

export interface SeekerOccupationRow {
  code: string;
  minor: string;
  medium: string;
}

export interface GeneratedSeeker {
  user: { role: "seeker"; displayName: string; passwordHash: string };
  profile: Omit<Prisma.SeekerProfileCreateManyInput, "userId">;
  occupations: SeekerOccupationRow[];
}

/** A SeekerOccupation row's groups: minor "4-10-03", medium "4-10". */
export function seekerOccupation(code: string): SeekerOccupationRow {
  const [minor = code, medium = code] = parentCodesOf(code);
  return { code, minor, medium };
}

const SURNAMES = "王李张刘陈杨黄赵吴周徐孙马胡朱郭何罗高林".split("");
const GIVEN = "小明红军华丽强芳伟静磊娜洋勇艳杰敏涛霞斌燕超丹亮平刚桂英兰秀云".split("");
const EDUCATION = ["junior", "junior", "junior", "senior", "senior", "vocational", "vocational", "college", "college", "bachelor"] as const;
const AWAY_CITIES = ["610100", "610100", "440100", "440300", "330100", "320500", "310100", "500100", "420100"];
const RETURNEE_KINDS = ["skilled", "skilled", "industrial_worker", "industrial_worker", "manager", "graduate", "veteran"];
const REACH = [10, 15, 20, 30, 30, 50, 80];

interface Pools {
  codes: string[];
  byMinor: Map<string, string[]>;
  credentials: Map<string, string[]>;
  skills: Map<string, string[]>;
  towns: Map<string, string[]>;
  brandOf: Map<string, string>;
}

let pools: Pools | undefined;

/** Built once per process: the lists every generated seeker draws from. */
function poolsOnce(): Pools {
  if (pools) return pools;
  const catalog = [...new Set(Object.values(CATALOG_OCCUPATIONS))];
  const extra = extraCandidates().map((o) => o.code);
  const codes = [...catalog, ...catalog, ...catalog, ...extra];
  const byMinor = new Map<string, string[]>();
  for (const code of new Set(codes)) {
    const minor = seekerOccupation(code).minor;
    byMinor.set(minor, [...(byMinor.get(minor) ?? []), code]);
  }
  const credentials = new Map<string, string[]>();
  const skills = new Map<string, string[]>();
  for (const code of new Set(codes)) {
    credentials.set(code, credentialsFor(code).map((c) => c.code));
    skills.set(code, skillsFor(code).map((s) => s.code));
  }
  const towns = new Map<string, string[]>();
  const brandOf = new Map<string, string>();
  for (const [brand, list] of Object.entries(BRAND_OCCUPATIONS)) if (list[0]) brandOf.set(list[0], brand);
  pools = { codes, byMinor, credentials, skills, towns, brandOf };
  return pools;
}

function townOf(rng: Rng, p: Pools, county: string): string {
  let list = p.towns.get(county);
  if (!list) p.towns.set(county, (list = townsIn(county).map((t) => t.code)));
  return rng.chance(0.4) ? list[0]! : rng.pick(list);
}

function one(rng: Rng, p: Pools, now: Date, passwordHash: string): GeneratedSeeker {
  const year = chinaYear(now);
  const first = rng.pick(p.codes);
  const wish = [first];
  if (rng.chance(0.5)) {
    const near = p.byMinor.get(seekerOccupation(first).minor) ?? [];
    const second = near.length > 1 && rng.chance(0.6) ? rng.pick(near) : rng.pick(p.codes);
    if (second !== first) wish.push(second);
  }
  const education = rng.pick(EDUCATION);
  const graduate = education !== "junior" && education !== "senior" && rng.chance(0.3);
  const returnee = !graduate && rng.chance(0.35);
  const away = returnee && rng.chance(0.5);
  const groups: string[] = [];
  if (graduate) groups.push("graduate");
  if (returnee) groups.push("returnee");
  if (rng.chance(0.3)) groups.push("rural_migrant");
  if (rng.chance(0.1)) groups.push("lifted_from_poverty");
  if (rng.chance(0.06)) groups.push("employment_difficulty");
  if (!graduate && rng.chance(0.04)) groups.push("veteran");
  if (graduate && rng.chance(0.2)) groups.push("youth_unemployed");
  const kinds = rng.chance(0.85) ? ["job"] : [];
  if (rng.chance(0.25)) kinds.push("gig");
  if (graduate && rng.chance(0.6)) kinds.push("internship");
  if (rng.chance(0.2)) kinds.push("course");
  if (rng.chance(returnee ? 0.15 : 0.04)) kinds.push("base");
  if (!kinds.length) kinds.push("job");
  const county = pickCounty(rng);
  const town = townOf(rng, p, county);
  const credentials = new Set<string>();
  const skills = new Set<string>();
  for (const code of wish) {
    for (const c of p.credentials.get(code) ?? []) if (rng.chance(0.35)) credentials.add(c);
    const own = p.skills.get(code) ?? [];
    if (own.length && rng.chance(0.65)) skills.add(rng.pick(own));
    if (own.length > 1 && rng.chance(0.3)) skills.add(rng.pick(own));
  }
  const brand = p.brandOf.get(first);
  const age = graduate ? rng.int(20, 26) : rng.int(18, 58);
  const name = `${rng.pick(SURNAMES)}${rng.pick(GIVEN)}${rng.chance(0.6) ? rng.pick(GIVEN) : ""}`;
  return {
    user: { role: "seeker", displayName: name, passwordHash },
    profile: {
      name,
      birthDate: new Date(Date.UTC(year - age, rng.int(0, 11), rng.int(1, 28))),
      sex: rng.chance(0.5) ? "female" : "male",
      education,
      graduationYear: graduate ? rng.int(year - 2, year + 1) : null,
      hometownCode: town,
      currentRegionCode: away ? null : town,
      groups: toCommaList(groups),
      returneeKind: returnee ? rng.pick(RETURNEE_KINDS) : null,
      wishKinds: toCommaList(kinds),
      wishCounties: toCommaList(rng.chance(0.3) && county !== "610902" ? [county, "610902"] : [county]),
      wishPayMin: rng.chance(0.7) ? rng.int(5, 12) * 500 : null,
      wishStartDate: away ? addDays(now, rng.int(20, 180)) : null,
      wishOccupations: toCommaList(wish),
      credentials: toCommaList([...credentials]),
      skillCodes: toCommaList([...skills]),
      travelKm: rng.pick(REACH),
      experienceYears: graduate ? 0 : rng.int(0, Math.max(0, age - 18)),
      brandsTrained: toCommaList(brand && rng.chance(0.3) ? [brand] : []),
      awayCityCode: away ? rng.pick(AWAY_CITIES) : null,
      comeHomeBy: away ? addDays(now, rng.int(20, 180)) : null,
      consentMatching: true,
      consentSharing: rng.chance(0.5),
      consentCandidate: rng.chance(0.7),
    },
    occupations: wish.map(seekerOccupation),
  };
}

/** `count` seekers, one at a time, without holding them all: for streams of 100,000 or more. */
export function* eachSeekerProfile(count: number, seed: number, options: SeekerOptions = {}): Generator<GeneratedSeeker> {
  const p = poolsOnce();
  const rng = createRng(seed ^ 0x5eec3e5);
  const now = options.now ?? new Date();
  const hash = options.passwordHash ?? "!no-login";
  for (let i = 0; i < count; i++) yield one(rng, p, now, hash);
}

/** `count` consenting seekers for a seed: user, profile and SeekerOccupation rows each. */
export function seekerProfiles(count: number, seed: number, options: SeekerOptions = {}): GeneratedSeeker[] {
  return [...eachSeekerProfile(count, seed, options)];
}

/** Inserts generated seekers through Prisma, in batches; returns the new users' ids in order. */
export async function insertSeekerProfiles(db: PrismaClient, seekers: GeneratedSeeker[], batch = 500): Promise<number[]> {
  const ids: number[] = [];
  for (let i = 0; i < seekers.length; i += batch) {
    const chunk = seekers.slice(i, i + batch);
    const users = await db.user.createManyAndReturn({ data: chunk.map((s) => s.user), select: { id: true } });
    await db.seekerProfile.createMany({ data: chunk.map((s, j) => ({ ...s.profile, userId: users[j]!.id })) });
    await db.seekerOccupation.createMany({ data: chunk.flatMap((s, j) => s.occupations.map((o) => ({ ...o, userId: users[j]!.id }))) });
    ids.push(...users.map((u) => u.id));
  }
  return ids;
}

const sqliteValue = (value: unknown): unknown =>
  value instanceof Date ? value.toISOString().replace("Z", "+00:00") : typeof value === "boolean" ? (value ? 1 : 0) : (value ?? null);

/**
 * Inserts seekers straight through better-sqlite3, one transaction per batch: the benchmark's
 * 100,000 candidates in seconds rather than minutes. Returns how many it inserted.
 */
export function insertSeekersSqlite(databaseUrl: string, seekers: Iterable<GeneratedSeeker>, options: { batch?: number; now?: Date } = {}): number {
  const sqlite = new Database(databaseUrl.replace(/^file:/, ""));
  sqlite.pragma("journal_mode = WAL");
  const stamp = sqliteValue(options.now ?? new Date());
  const batch = options.batch ?? 5_000;
  let profileInsert: Database.Statement | undefined;
  let columns: string[] = [];
  const userInsert = sqlite.prepare('INSERT INTO "User" (role, displayName, passwordHash, createdAt, updatedAt) VALUES (?, ?, ?, ?, ?)');
  const occupationInsert = sqlite.prepare('INSERT INTO "SeekerOccupation" (userId, code, minor, medium) VALUES (?, ?, ?, ?)');
  let done = 0;
  let pending: GeneratedSeeker[] = [];
  const flush = sqlite.transaction((rows: GeneratedSeeker[]) => {
    for (const s of rows) {
      if (!profileInsert) {
        columns = Object.keys(s.profile);
        const names = ["userId", ...columns, "createdAt", "updatedAt"];
        profileInsert = sqlite.prepare(`INSERT INTO "SeekerProfile" (${names.map((c) => `"${c}"`).join(", ")}) VALUES (${names.map(() => "?").join(", ")})`);
      }
      const userId = Number(userInsert.run(s.user.role, s.user.displayName, s.user.passwordHash, stamp, stamp).lastInsertRowid);
      const record = s.profile as Record<string, unknown>;
      profileInsert.run(userId, ...columns.map((c) => sqliteValue(record[c])), stamp, stamp);
      for (const o of s.occupations) occupationInsert.run(userId, o.code, o.minor, o.medium);
    }
  });
  try {
    for (const s of seekers) {
      pending.push(s);
      if (pending.length >= batch) {
        flush(pending);
        done += pending.length;
        pending = [];
      }
    }
    if (pending.length) flush(pending);
    return done + pending.length;
  } finally {
    sqlite.close();
  }
}
