/**
 * Demo plans, targets and placements: the three plans from the seeds (Ankang 2021–2025, Shangluo
 * 2012, Henan 2016–2020) as data files, Ankang's targets for this year split down to counties and
 * towns, and a year and a half of verified placements with a few people placed twice, contract
 * renewals and counties that lag behind, so the dashboard has something true to show.
 */
import type { Prisma, PrismaClient } from "../../app/generated/prisma/client.ts";
import { insertMany } from "../../app/modules/bulk-insert.server.ts";
import { recountEveryone } from "../../app/modules/indicators/counting.server.ts";
import { loadPlan, planFiles, readPlanFile } from "../../app/modules/indicators/plans.server.ts";
import type { PlanFile } from "../../app/modules/indicators/rules.ts";
import { idNumberCheckChar, maskIdNumber } from "../../app/modules/people/identity.ts";
import { encrypt, lookupHash } from "../../app/modules/security/secrets.server.ts";
import { splitByWeights } from "../../app/modules/targets/targets.server.ts";
import { chinaYear, createRng, type Rng } from "./factories.ts";
import { CITY, COUNTIES, townsOf } from "./regions.ts";

/** This year's city figures under the target-responsibility system (demo numbers, in the plan's proportions). */
const ANNUAL_CITY_TARGETS: Record<string, number> = {
  new_urban_employment: 20000,
  rural_transfer_local: 20000,
  returnee_talent: 600,
  returnee_workers: 6000,
  difficulty_assistance_rate: 10000,
  zero_employment_families: 0,
  registered_unemployment_rate: 400,
  surveyed_unemployment_rate: 550,
  new_labour_local_share: 5000,
  internship_posts: 2000,
  full_employment_communities: 300,
};

/** Counties that keep pace and counties that lag (share of the time-elapsed pace they reach). */
const PACE: Record<string, number> = { "610927": 0.55, "610923": 0.7, "610925": 0.85 };

/** The annual plan for `year`, built from the five-year plan's indicators. */
export function annualPlan(fiveYear: PlanFile, year: number): PlanFile {
  return {
    ...fiveYear,
    code: `ankang-${year}`,
    nameZh: `安康市${year}年度就业目标任务`,
    nameEn: `Ankang: employment targets for ${year}`,
    startYear: year,
    endYear: year,
    document: "依据《新时代安康市就业工作目标责任制（试行）》（安政发〔2022〕7号）逐级分解（演示数据）",
    indicators: fiveYear.indicators.map((i) => ({ ...i, planTarget: ANNUAL_CITY_TARGETS[i.code] ?? i.planTarget })),
  };
}

async function seedTargets(db: PrismaClient, planCode: string, year: number, cityFigure: (code: string) => number | undefined) {
  const plan = await db.plan.findUniqueOrThrow({ where: { code: planCode }, include: { indicators: true } });
  const rows: Prisma.TargetCreateManyInput[] = [];
  for (const indicator of plan.indicators) {
    const city = cityFigure(indicator.code);
    if (city === undefined) continue;
    rows.push({ indicatorId: indicator.id, regionCode: CITY.code, year, value: city });
    const isRate = indicator.unit === "percent" || indicator.type === "zero";
    const counties = isRate ? COUNTIES.map(() => city) : splitByWeights(city, COUNTIES.map((c) => c.weight));
    COUNTIES.forEach((county, i) => {
      rows.push({ indicatorId: indicator.id, regionCode: county.code, year, value: counties[i]! });
      const towns = townsOf(county);
      const townValues = isRate ? towns.map(() => counties[i]!) : splitByWeights(counties[i]!, towns.map(() => 1));
      towns.forEach((town, j) => rows.push({ indicatorId: indicator.id, regionCode: town.code, year, value: townValues[j]! }));
    });
  }
  await db.target.createMany({ data: rows });
}

const KINDS: [string, number][] = [
  ["new_urban", 36], ["rural_transfer_local", 40], ["returnee", 11], ["graduate", 7], ["gig_flexible", 3], ["difficulty_assist", 1], ["zero_family", 1], ["after_training", 1],
];
/** Placements a year across the city: about the pace the annual targets ask for. */
const PLACEMENTS_PER_YEAR = 34_000;
const RETURNEE_KINDS = ["manager", "researcher", "skilled", "graduate", "veteran", "industrial_worker"];
const SURNAMES = "王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏薛叶阎余潘杜戴夏钟汪田任姜范方石姚谭廖邹熊金陆郝孔白崔康毛邱秦江史顾侯邵孟龙万段漕钱汤尹黎易常武乔贺赖龚文";
const GIVEN = "秀英桂芳建华明军红梅志强丽娟海燕伟平小红永刚春兰玉兰德胜晓燕国庆建国家豪子涵欣怡浩然雨桐思远";

function pickWeighted(rng: Rng, table: readonly [string, number][]): string {
  let roll = rng.int(1, table.reduce((a, [, w]) => a + w, 0));
  for (const [value, w] of table) if ((roll -= w) <= 0) return value;
  return table[0]![0];
}

/** A valid resident ID number for someone from `countyCode` born in `year`. */
function demoIdNumber(rng: Rng, countyCode: string, year: number, serial: number): string {
  const first17 = `${countyCode}${year}${String(rng.int(1, 12)).padStart(2, "0")}${String(rng.int(1, 28)).padStart(2, "0")}${String(serial % 1000).padStart(3, "0")}`;
  return first17 + idNumberCheckChar(first17);
}

export async function seedIndicators(db: PrismaClient, rng: Rng, now: Date) {
  const fiveYear = readPlanFile(planFiles().find((f) => f.endsWith("ankang-2021-2025.json"))!);
  for (const file of planFiles()) await loadPlan(db, readPlanFile(file));
  const year = chinaYear(now);
  await loadPlan(db, annualPlan(fiveYear, year));
  await seedTargets(db, `ankang-${year}`, year, (code) => ANNUAL_CITY_TARGETS[code]);
  for (let y = fiveYear.startYear; y <= fiveYear.endYear; y++) {
    await seedTargets(db, fiveYear.code, y, (code) => {
      const five = fiveYear.indicators.find((i) => i.code === code)?.planTarget;
      if (five === undefined) return undefined;
      const indicator = fiveYear.indicators.find((i) => i.code === code)!;
      return indicator.unit === "percent" || indicator.type === "zero" ? five : Math.round(five / 5);
    });
  }

  // Placements: last year in full and this year up to today.
  const employers = await db.organization.findMany({ where: { status: "verified", kind: { not: "training_provider" } }, select: { id: true, name: true, regionCode: true } });
  const byCounty = new Map<string, typeof employers>();
  for (const e of employers) byCounty.set(e.regionCode.slice(0, 6), [...(byCounty.get(e.regionCode.slice(0, 6)) ?? []), e]);
  const startOfYear = Date.UTC(year, 0, 1);
  const elapsedDays = Math.max(1, Math.floor((now.getTime() + 8 * 3_600_000 - startOfYear) / 86_400_000));
  const rows: Prisma.PlacementCreateManyInput[] = [];
  let serial = 0;
  const totalWeight = COUNTIES.reduce((a, c) => a + c.weight, 0);
  for (const [y, days] of [[year - 1, 365], [year, elapsedDays]] as const) {
    const share = days / 365;
    for (const county of COUNTIES) {
      const pool = byCounty.get(county.code) ?? employers;
      const towns = townsOf(county);
      const count = Math.round(((PLACEMENTS_PER_YEAR * county.weight) / totalWeight) * share * (y === year ? (PACE[county.code] ?? 1.05) : 1));
      for (let n = 0; n < count; n++) {
        const id = demoIdNumber(rng, county.code, rng.int(1966, 2004), serial++);
        const kind = pickWeighted(rng, KINDS);
        const groups = kind === "returnee" ? ["returnee"] : kind === "graduate" ? ["graduate"] : kind === "difficulty_assist" ? ["employment_difficulty"] : kind === "zero_family" ? ["zero_employment_family"] : [];
        const employer = rng.pick(pool);
        const town = rng.pick(towns);
        const day = rng.int(0, days - 1);
        const idHash = lookupHash("id-number", id);
        const base = {
          personName: `${rng.pick([...SURNAMES])}${rng.pick([...GIVEN])}`,
          idHash,
          personKey: idHash,
          idNumberEnc: encrypt(id),
          idNumberMasked: maskIdNumber(id),
          groups: `,${groups.join(",")}${groups.length ? "," : ""}`,
          returneeKind: kind === "returnee" ? rng.pick(RETURNEE_KINDS) : null,
          organizationId: employer.id,
          employerName: employer.name,
          kind,
          regionCode: town.code,
          countyCode: county.code,
          startDate: new Date(Date.UTC(y, 0, 1 + day)),
          source: rng.chance(0.7) ? "staff" : "import",
          status: y < year || rng.chance(0.93) ? "verified" : "pending",
          createdAt: new Date(Date.UTC(y, 0, 1 + day, 3)),
        };
        rows.push({ ...base, verifiedAt: base.status === "verified" ? new Date(Date.UTC(y, 0, 2 + day, 3)) : null });
        // Some people start again: a renewal with the same employer (never counted again), or a
        // second job in the same year (counted once, at the first).
        if (rng.chance(0.04)) rows.push({ ...base, continuity: "renewal", startDate: new Date(Date.UTC(y, 0, 1 + Math.min(days - 1, day + 30))), status: "verified" });
        if (rng.chance(0.03)) {
          const other = rng.pick(pool);
          rows.push({ ...base, organizationId: other.id, employerName: other.name, startDate: new Date(Date.UTC(y, 0, 1 + Math.min(days - 1, day + 60))), status: "verified" });
        }
      }
    }
  }
  await insertMany(db, "Placement", rows.map((r) => ({ continuity: "new_employer", updatedAt: r.createdAt, ...r })));
  const credits = await recountEveryone(db);
  const registers = await seedRegisters(db, now);
  return { plans: await db.plan.count(), targets: await db.target.count(), placements: rows.length, credits, registers };
}

/**
 * Demo registers that feed the rate and zero indicators: persons with employment difficulties
 * (some employed through the demo placements, most assisted), zero-employment families (most
 * cleared by a member's verified placement, some waiting, a few overdue, a few with a member's
 * placement still pending verification), full-employment communities, monthly labour-force figures
 * per county and the surveyed unemployment rate for the city. Its own random stream, so the rest
 * of the demo data stays as it was.
 */
export async function seedRegisters(db: PrismaClient, now: Date) {
  const rng = createRng(20261201);
  const DAY = 86_400_000;
  const year = chinaYear(now);
  const today = Date.UTC(year, new Date(now.getTime() + 8 * 3_600_000).getUTCMonth(), new Date(now.getTime() + 8 * 3_600_000).getUTCDate());
  const staff = await db.user.findFirst({ where: { email: "city@demo.ankang.gov.cn" }, select: { id: true } });
  const by = staff?.id ?? 1;
  const earliest = Date.UTC(year - 1, 0, 1);
  const person = (countyCode: string, serial: number) => {
    const id = demoIdNumber(rng, countyCode, rng.int(1966, 2000), 500 + serial);
    const idHash = lookupHash("id-number", id);
    return { name: `${rng.pick([...SURNAMES])}${rng.pick([...GIVEN])}`, personKey: idHash, idNumberEnc: encrypt(id), idNumberMasked: maskIdNumber(id) };
  };
  /** Each person's first verified placement of this kind (the one the registers' sync would pick). */
  const placed = async (kind: string) => {
    const rows = await db.placement.findMany({
      where: { kind, status: "verified" },
      orderBy: [{ startDate: "asc" }, { id: "asc" }],
      select: { id: true, personKey: true, personName: true, idNumberEnc: true, idNumberMasked: true, regionCode: true, countyCode: true, startDate: true },
    });
    const first = new Map<string, (typeof rows)[number]>();
    for (const row of rows) if (!first.has(row.personKey)) first.set(row.personKey, row);
    return [...first.values()].sort((a, b) => a.id - b.id);
  };

  // Persons with employment difficulties: ~150 who found work through a placement, ~120 still looking.
  const difficulty: Record<string, unknown>[] = [];
  const assistShare = (county: string) => (county === "610927" ? 0.6 : 0.9);
  for (const p of rng.sample(await placed("difficulty_assist"), 150)) {
    const recognised = Math.max(earliest, p.startDate.getTime() - rng.int(10, 120) * DAY);
    difficulty.push({
      personKey: p.personKey, name: p.personName, idNumberEnc: p.idNumberEnc, idNumberMasked: p.idNumberMasked, regionCode: p.regionCode, countyCode: p.countyCode,
      category: rng.pick(["older", "disabled", "long_unemployed", "lifted_from_poverty", "other"]), recognisedAt: new Date(recognised),
      assistedAt: rng.chance(0.8) ? new Date(Math.min(recognised + rng.int(1, 20) * DAY, p.startDate.getTime())) : null,
      employedAt: p.startDate, placementId: p.id, createdById: by, createdAt: new Date(recognised), updatedAt: new Date(recognised),
    });
  }
  for (let n = 0; n < 120; n++) {
    const county = rng.pick(COUNTIES);
    const recognised = rng.chance(0.6) ? Date.UTC(year, 0, 1) + rng.int(0, Math.max(0, Math.floor((today - Date.UTC(year, 0, 1)) / DAY))) * DAY : Date.UTC(year - 1, 0, 1) + rng.int(0, 364) * DAY;
    const assisted = rng.chance(assistShare(county.code)) ? Math.min(today, recognised + rng.int(1, 25) * DAY) : null;
    difficulty.push({
      ...person(county.code, n), regionCode: rng.pick(townsOf(county)).code, countyCode: county.code,
      category: rng.pick(["older", "disabled", "long_unemployed", "zero_family", "lifted_from_poverty", "other"]), recognisedAt: new Date(recognised),
      assistedAt: assisted === null ? null : new Date(assisted), closedAt: rng.chance(0.05) ? new Date(Math.min(today, recognised + 200 * DAY)) : null,
      createdById: by, createdAt: new Date(recognised), updatedAt: new Date(recognised),
    });
  }
  await insertMany(db, "DifficultyPerson", difficulty);

  // Zero-employment families: members are matched by the ID number's keyed hash, as placements are.
  const families: Record<string, unknown>[] = [];
  const members: Record<string, unknown>[] = [];
  let familyId = 0;
  const addFamily = (head: { name: string; personKey: string; idNumberEnc: string; idNumberMasked: string }, others: typeof head[], regionCode: string, recognised: number, cleared: { at: number; placementId: number } | null) => {
    familyId += 1;
    families.push({
      id: familyId, headName: head.name, headIdHash: head.personKey, headIdMasked: head.idNumberMasked, memberCount: 1 + others.length + rng.int(0, 2), regionCode, countyCode: regionCode.slice(0, 6),
      recognisedAt: new Date(recognised), clearedAt: cleared ? new Date(cleared.at) : null, clearedByPlacementId: cleared?.placementId ?? null, createdById: by, createdAt: new Date(recognised), updatedAt: new Date(cleared?.at ?? recognised),
    });
    for (const m of [head, ...others]) members.push({ familyId, personKey: m.personKey, name: m.name, idNumberEnc: m.idNumberEnc, idNumberMasked: m.idNumberMasked });
  };
  for (const p of rng.sample(await placed("zero_family"), 60)) {
    const recognised = Math.max(earliest, p.startDate.getTime() - rng.int(3, 40) * DAY);
    const member = { name: p.personName, personKey: p.personKey, idNumberEnc: p.idNumberEnc ?? "", idNumberMasked: p.idNumberMasked ?? "" };
    const head = rng.chance(0.5) ? member : person(p.countyCode, 300 + familyId);
    addFamily(head, head === member ? [] : [member], p.regionCode, recognised, { at: p.startDate.getTime(), placementId: p.id });
  }
  // Waiting: a member's placement is recorded but not yet verified; verifying it clears the family.
  const pendingRows = await db.placement.findMany({ where: { kind: "zero_family", status: "pending" }, orderBy: { id: "asc" }, take: 30, select: { personKey: true, personName: true, idNumberEnc: true, idNumberMasked: true, regionCode: true, countyCode: true, startDate: true } });
  const alsoVerified = new Set((await db.placement.findMany({ where: { personKey: { in: pendingRows.map((p) => p.personKey) }, status: "verified" }, select: { personKey: true } })).map((p) => p.personKey));
  for (const p of pendingRows.filter((r) => !alsoVerified.has(r.personKey)).slice(0, 5)) {
    addFamily({ name: p.personName, personKey: p.personKey, idNumberEnc: p.idNumberEnc ?? "", idNumberMasked: p.idNumberMasked ?? "" }, [], p.regionCode, Math.min(p.startDate.getTime(), today - rng.int(5, 25) * DAY), null);
  }
  for (let n = 0; n < 25; n++) {
    const county = rng.pick(COUNTIES);
    addFamily(person(county.code, 600 + n), rng.chance(0.5) ? [person(county.code, 700 + n)] : [], rng.pick(townsOf(county)).code, today - rng.int(0, 55) * DAY, null);
  }
  await insertMany(db, "ZeroEmploymentFamily", families);
  await insertMany(db, "ZeroFamilyMember", members);

  // Full-employment villages and communities, last year and this year.
  const communities = new Map<string, Record<string, unknown>>();
  const PLACES = ["新华", "和平", "幸福", "红星", "团结", "民主", "光明", "同心", "兴隆", "长安", "双河", "金星", "东风", "前进", "茶园", "柳树"];
  for (const y of [year - 1, year]) {
    for (const county of COUNTIES) {
      const towns = townsOf(county);
      for (let n = 0; n < Math.max(4, Math.round(county.weight * (y === year ? 0.8 : 1.2))); n++) {
        const town = rng.pick(towns);
        const name = `${rng.pick(PLACES)}${rng.chance(0.7) ? "村" : "社区"}`;
        const roll = rng.next();
        const level = roll < 0.04 ? "national" : roll < 0.1 ? "provincial_star" : roll < 0.22 ? "provincial" : "city";
        const day = rng.int(60, y === year ? Math.max(60, Math.floor((today - Date.UTC(y, 0, 1)) / DAY)) : 360);
        const recognisedAt = new Date(Math.min(today, Date.UTC(y, 0, 1) + day * DAY));
        communities.set(`${town.code}|${name}|${level}|${y}`, { name, regionCode: town.code, countyCode: county.code, level, year: y, recognisedAt, createdById: by, createdAt: recognisedAt });
      }
    }
  }
  await insertMany(db, "FullEmploymentCommunity", [...communities.values()]);

  // Labour-force figures by county and month; the city's rate is summed from its counties.
  const labour: Record<string, unknown>[] = [];
  const thisMonth = new Date(today).getUTCMonth() + 1;
  for (const [y, months] of [[year - 1, 12], [year, thisMonth]] as const) {
    for (const county of COUNTIES) {
      const employed = county.weight * 4_000;
      const rate = county.code === "610927" ? 0.046 : 0.03 + rng.next() * 0.012;
      for (let m = 1; m <= months; m++) {
        const urbanEmployed = Math.round(employed * (1 + m * 0.002));
        const registeredUnemployed = Math.round((urbanEmployed * rate * (1 + (rng.next() - 0.5) * 0.06)) / (1 - rate));
        const at = new Date(Date.UTC(y, m - 1, 5));
        labour.push({ regionCode: county.code, year: y, month: m, urbanEmployed, registeredUnemployed, enteredById: by, createdAt: at, updatedAt: at });
      }
    }
  }
  await insertMany(db, "LabourForceFigure", labour);

  // The statistics bureau's surveyed rate and the local share of new labour, entered monthly for the city.
  const manual = await db.indicator.findMany({ where: { method: "manual", code: { in: ["surveyed_unemployment_rate", "new_labour_local_share"] } }, include: { plan: { select: { regionCode: true, startYear: true, endYear: true } } } });
  const figures: Record<string, unknown>[] = [];
  for (const [y, months] of [[year - 1, 12], [year, Math.max(1, thisMonth - 1)]] as const) {
    for (let m = 1; m <= months; m++) {
      const surveyed = 500 + rng.int(0, 40);
      const local = 5_000 + rng.int(-300, 400);
      for (const indicator of manual.filter((i) => i.plan.regionCode === CITY.code && i.plan.startYear <= y && i.plan.endYear >= y)) {
        const at = new Date(Date.UTC(y, m, 10));
        figures.push({ indicatorId: indicator.id, regionCode: CITY.code, year: y, month: m, value: indicator.code === "surveyed_unemployment_rate" ? surveyed : local, note: "演示数据", enteredById: by, createdAt: at });
      }
    }
  }
  await insertMany(db, "IndicatorFigure", figures);
  return { difficulty: difficulty.length, families: families.length, communities: communities.size, labour: labour.length, figures: figures.length };
}
