/**
 * Demo data for Ankang, built from the seeds: divisions, industries, labour brands, employers with
 * valid credit codes, and this year's jobs, internships, gig work, incubation bases and courses.
 * Deterministic for a given seed and `now`.
 */
import Database from "better-sqlite3";
import { seedReturnees } from "./returnees.ts";
import { seedTrainingDemo } from "./training.ts";
import type { Prisma, PrismaClient } from "../../app/generated/prisma/client.ts";
import { BASE_TYPES, COURSE_LINES, GIG_TEMPLATES, INDUSTRIES, INTERNSHIP_TEMPLATES, JOB_TEMPLATES, LABOUR_BRANDS } from "./catalog.ts";
import {
  FACTORY_TRADE_LIST, PUBLIC_INSTITUTIONS, buildBase, buildCourse, buildGig, buildInternship, buildJob, buildOrganization,
  companyIndustry, companyName, createRng, factoryName, pickCounty, resetCreditSerial, townsIn, type OrganizationKind,
  type PostingInput, type Rng,
} from "./factories.ts";
import { seedDemoAccounts } from "./accounts.ts";
import { EmployerIndex, postingContext, type OrgRef } from "./employers.ts";
import { seedPersonas } from "./personas.ts";
import { seedBaseOperator } from "./base-operator.ts";
import { insertSeekerProfiles, seekerProfiles } from "./seekers.ts";
import { buildDemoExtras, buildExtraPostings, withRequirements } from "./extra-postings.ts";
import { seedIndicators } from "./indicators.ts";
import { seedPolicies } from "./policies.ts";
import { seedServicePoints } from "./service-points.ts";
import { seedPendingRegistrations } from "./registrations.ts";
import { COUNTIES, seedRegions, shortCountyName } from "./regions.ts";
import { forgetReferenceData } from "../../app/modules/regions/regions.server.ts";

export const DEMO_COUNTS = { jobs: 3200, internships: 2100, gigs: 560 } as const;

/** Consenting demo seekers beyond the accounts and personas. */
export const DEMO_SEEKERS = 300;

/** The share of synthetic postings drawn from the extra occupations, about the demo's own. */
const EXTRA_SHARE = 0.08;

export interface SeedOptions {
  now: Date;
  seed?: number;
}

export { englishPlaceName } from "../../app/modules/regions/english.ts";


async function insertInChunks<T>(rows: T[], size: number, insert: (chunk: T[]) => Promise<unknown>) {
  for (let i = 0; i < rows.length; i += size) await insert(rows.slice(i, i + size));
}

async function seedReferenceData(db: PrismaClient) {
  await seedRegions(db);
  await db.industry.createMany({ data: INDUSTRIES.map((i) => ({ ...i })) });
  await db.labourBrand.createMany({ data: LABOUR_BRANDS.map((b) => ({ ...b })) });
}

async function seedOrganizations(db: PrismaClient, rng: Rng, now: Date): Promise<OrgRef[]> {
  const taken = new Set<string>();
  const rows: Prisma.OrganizationCreateManyInput[] = [];
  const add = (kind: OrganizationKind, regionCode: string, name: string, industryCode: string | null) =>
    rows.push(buildOrganization(rng, { kind, regionCode, name, industryCode, now }));

  for (const county of COUNTIES) {
    const towns = townsIn(county.code);
    for (let i = 0; i < county.weight * 5; i++) {
      const industry = companyIndustry(rng);
      const town = rng.chance(0.6) ? towns[0]! : rng.pick(towns);
      add("company", town.code, companyName(rng, county.code, industry, taken), industry);
    }
    for (let i = 0; i < Math.ceil(county.weight * 1.5); i++) {
      const trade = rng.pick(FACTORY_TRADE_LIST);
      const town = rng.pick(towns);
      add("community_factory", town.code, factoryName(rng, town, trade.trade, taken), trade.industry);
    }
    for (const institution of PUBLIC_INSTITUTIONS) {
      const places = institution.perTown ? towns.slice(1, 4) : [towns[0]!];
      for (const town of places) {
        const owner = institution.perTown ? town.name : county.name;
        add("public_institution", town.code, `${institution.perTown ? county.name : ""}${owner}${institution.suffix}`, institution.industry);
      }
    }
    add("training_provider", towns[0]!.code, `${county.name}职业技能培训中心`, "education");
    add("incubator", towns[0]!.code, `${county.name}创业服务中心`, "public_service");
  }
  add("training_provider", "610902002", "安康职业技术学院继续教育学院", "education");
  add("training_provider", "610924100", "紫阳县修脚技艺培训学校", "education");

  await insertInChunks(rows, 500, (data) => db.organization.createMany({ data }));
  return db.organization.findMany({
    select: { id: true, kind: true, industryCode: true, regionCode: true, contactPhone: true },
    orderBy: { id: "asc" },
  });
}


/**
 * The catalog's jobs, internships and gigs; then, in a stream of their own, the demo's extra
 * occupations, public-welfare and persona posts (`extras: "demo"`) or `extras` posts of the extra
 * occupations (benchmarks); and what each post requires.
 */
export function buildPostings(
  rng: Rng,
  employers: EmployerIndex,
  now: Date,
  counts: { jobs: number; internships: number; gigs: number; extras?: number | "demo" },
): PostingInput[] {
  const rows: PostingInput[] = [];
  for (let i = 0; i < counts.jobs; i++) {
    const template = rng.pick(JOB_TEMPLATES);
    const org = employers.find(rng, pickCounty(rng), [template.employer], template.industry);
    rows.push(buildJob(rng, postingContext(org, now), template));
  }
  for (let i = 0; i < counts.internships; i++) {
    const template = rng.pick(INTERNSHIP_TEMPLATES);
    const org = employers.find(rng, pickCounty(rng), [template.employer, "company"], template.industry);
    rows.push(buildInternship(rng, postingContext(org, now), template));
  }
  for (let i = 0; i < counts.gigs; i++) {
    const template = rng.pick(GIG_TEMPLATES);
    const org = employers.find(rng, pickCounty(rng), ["company", "community_factory"], template.industry);
    // One in eight ends today; a few are already over (and out of search); the rest are coming days.
    const dayOffset = i % 8 === 0 ? 0 : rng.chance(0.08) ? -rng.int(1, 5) : rng.int(1, 14);
    rows.push(buildGig(rng, postingContext(org, now), template, dayOffset));
  }
  const side = createRng(rng.int(0, 0x7fffffff));
  if (counts.extras === "demo") rows.push(...buildDemoExtras(side, employers, now));
  else if (counts.extras) rows.push(...buildExtraPostings(side, employers, now, counts.extras));
  return withRequirements(side, rows);
}

async function seedBasesAndCourses(db: PrismaClient, rng: Rng, now: Date, orgs: OrgRef[]) {
  const incubatorOf = new Map(orgs.filter((o) => o.kind === "incubator").map((o) => [o.regionCode.slice(0, 6), o.id]));
  const bases: Prisma.IncubationBaseCreateManyInput[] = [];
  for (const county of COUNTIES) {
    const towns = townsIn(county.code);
    const types: (typeof BASE_TYPES)[number][] = ["incubator", "returnee_park", "standard_center"];
    if (county.weight >= 9) types.push("graduate_park", "veteran_park", "guiyan_park");
    for (const type of types) {
      const town = type === "standard_center" ? rng.pick(towns) : towns[0]!;
      const name = type === "standard_center" ? `${shortCountyName(county.name)}${town.name}标准化创业中心` : undefined;
      bases.push(buildBase(rng, { now, type, regionCode: town.code, name, organizationId: incubatorOf.get(county.code) ?? null }));
    }
  }
  bases.push(buildBase(rng, { now, type: "graduate_park", regionCode: "610902002", name: "安康市大学生创业孵化园" }));
  bases.push(buildBase(rng, { now, type: "incubator", regionCode: "610902003", name: "安康高新区创业孵化基地" }));
  bases.push(buildBase(rng, { now, type: "guiyan_park", regionCode: "610902107", name: "安康市归雁经济产业园" }));
  await db.incubationBase.createMany({ data: bases });

  const providerOf = new Map(orgs.filter((o) => o.kind === "training_provider").map((o) => [o.regionCode.slice(0, 6), o.id]));
  const courses: Prisma.TrainingCourseCreateManyInput[] = [];
  for (const line of COURSE_LINES) {
    const brandCounty = LABOUR_BRANDS.find((b) => b.code === line.brand)?.countyCode;
    const counties = line.counties ?? [...new Set([brandCounty ?? "610902", "610902", "610924", "610981"])].slice(0, 3);
    for (const countyCode of counties) {
      const providerId = providerOf.get(countyCode);
      if (providerId === undefined) continue;
      const regionCode = townsIn(countyCode)[0]!.code;
      // A session that is over (kept for the record, out of search) and two coming ones.
      for (const startInDays of [-rng.int(60, 120), rng.int(3, 25), rng.int(30, 80)]) {
        courses.push(buildCourse(rng, { now, line, regionCode, providerId, startInDays }));
      }
    }
  }
  await db.trainingCourse.createMany({ data: courses });
}

/** Loads the whole demo into an empty database and returns what it created. */
export async function seedDemo(db: PrismaClient, options: SeedOptions) {
  const { now } = options;
  const rng = createRng(options.seed ?? 20261124);
  resetCreditSerial();
  await seedReferenceData(db);
  forgetReferenceData();
  const orgs = await seedOrganizations(db, rng, now);
  const postings = buildPostings(rng, new EmployerIndex(orgs), now, { ...DEMO_COUNTS, extras: "demo" });
  await insertInChunks(postings, 1000, (data) => db.posting.createMany({ data }));
  await seedBasesAndCourses(db, rng, now, orgs);
  await seedDemoAccounts(db);
  await seedBaseOperator(db);
  await seedPersonas(db, now);
  // Consenting seekers, so an employer's post has anonymous candidates: a stream of their own.
  await insertSeekerProfiles(db, seekerProfiles(DEMO_SEEKERS, options.seed ?? 20261124, { now }));
  await seedPendingRegistrations(db, now);
  await seedIndicators(db, rng, now);
  await seedPolicies(db);
  // A stream of its own, so the points do not move the rest of the demo's random choices.
  await seedServicePoints(db, createRng(0x5e7f01));
  await seedReturnees(db, createRng(0x9e7a11), now);
  // The demo provider account's organization and its courses (no random choices).
  await seedTrainingDemo(db);
  const [organizations, jobs, internships, gigs, bases, courses] = await Promise.all([
    db.organization.count(),
    db.posting.count({ where: { kind: "job" } }),
    db.posting.count({ where: { kind: "internship" } }),
    db.posting.count({ where: { kind: "gig" } }),
    db.incubationBase.count(),
    db.trainingCourse.count(),
  ]);
  return { organizations, jobs, internships, gigs, bases, courses };
}

/** SQLite text form of a DateTime as Prisma writes it, so rows inserted directly read back the same. */
function sqliteValue(value: unknown): unknown {
  if (value instanceof Date) return value.toISOString().replace("Z", "+00:00");
  if (typeof value === "boolean") return value ? 1 : 0;
  return value ?? null;
}

/**
 * Adds `count` synthetic postings (jobs, internships and gigs in the demo's proportions) spread over
 * the demo's employers: the benchmark's large data sets. Rows go straight through better-sqlite3 in
 * one transaction per batch: Prisma's createMany manages about 1,500 rows/s here, this 100,000+.
 */
export function generatePostings(
  databaseUrl: string,
  count: number,
  options: SeedOptions & { onProgress?: (done: number) => void; batch?: number },
): number {
  const sqlite = new Database(databaseUrl.replace(/^file:/, ""));
  sqlite.pragma("journal_mode = WAL");
  try {
    const orgs = sqlite.prepare("SELECT id, kind, industryCode, regionCode, contactPhone FROM Organization").all() as OrgRef[];
    if (orgs.length === 0) throw new Error("generatePostings needs the demo organizations: run seedDemo first");
    const rng = createRng((options.seed ?? 7) ^ 0x9e3779b9);
    const employers = new EmployerIndex(orgs);
    const batch = options.batch ?? 10_000;
    const total = DEMO_COUNTS.jobs + DEMO_COUNTS.internships + DEMO_COUNTS.gigs;
    const stamp = sqliteValue(options.now);
    let insert: Database.Statement | undefined;
    let columns: string[] = [];
    let done = 0;
    while (done < count) {
      const size = Math.min(batch, count - done);
      const internships = Math.round((size * DEMO_COUNTS.internships) / total);
      const gigs = Math.round((size * DEMO_COUNTS.gigs) / total);
      const extras = Math.round(size * EXTRA_SHARE);
      const rows = buildPostings(rng, employers, options.now, { jobs: size - internships - gigs - extras, internships, gigs, extras });
      if (!insert) {
        columns = [...new Set(rows.flatMap((row) => Object.keys(row)))];
        const names = [...columns, "createdAt", "updatedAt"];
        insert = sqlite.prepare(`INSERT INTO Posting (${names.map((c) => `"${c}"`).join(", ")}) VALUES (${names.map(() => "?").join(", ")})`);
      }
      const statement = insert;
      sqlite.transaction(() => {
        for (const row of rows) {
          const record = row as Record<string, unknown>;
          statement.run(...columns.map((c) => sqliteValue(record[c])), stamp, stamp);
        }
      })();
      done += size;
      options.onProgress?.(done);
    }
    return done;
  } finally {
    sqlite.close();
  }
}
