/**
 * Data factories shared by the demo seed, the benchmark generator and the tests. Every builder takes
 * a seeded random source, so the same seed and the same `now` give the same rows.
 */
import { CATALOG_OCCUPATIONS, COURSE_CREDENTIALS, COURSE_OCCUPATIONS } from "../../app/modules/occupations/catalog-codes.ts";
import type { Prisma, PrismaClient } from "../../app/generated/prisma/client.ts";
import { makeCreditCode } from "../../app/modules/organizations/credit-code.ts";
import {
  BASE_TYPE_NAMES, BASE_TYPES, COMPANY_SUFFIX, FACTORY_TRADES, GIG_TEMPLATES, INTERNSHIP_TEMPLATES, JOB_TEMPLATES,
  NAME_WORDS, type CourseLine, type GigTemplate, type IndustryCode, type InternshipTemplate, type JobTemplate,
} from "./catalog.ts";
import { ALL_TOWNS, COUNTIES, shortCountyName, type TownSeed } from "./regions.ts";
import { toCommaList } from "../../app/utils/comma-list.ts";

export interface Rng {
  next(): number;
  int(min: number, max: number): number;
  pick<T>(items: readonly T[]): T;
  chance(p: number): boolean;
  sample<T>(items: readonly T[], count: number): T[];
}

/** mulberry32: tiny, fast and good enough for demo data. */
export function createRng(seed: number): Rng {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  return {
    next,
    int,
    pick: <T>(items: readonly T[]) => {
      if (items.length === 0) throw new Error("pick from an empty list");
      return items[Math.floor(next() * items.length)] as T;
    },
    chance: (p: number) => next() < p,
    sample: <T>(items: readonly T[], count: number) => {
      const copy = [...items];
      for (let i = copy.length - 1; i > 0; i--) {
        const j = Math.floor(next() * (i + 1));
        [copy[i], copy[j]] = [copy[j] as T, copy[i] as T];
      }
      return copy.slice(0, Math.max(0, Math.min(count, copy.length)));
    },
  };
}

// ---- time: stored in UTC; "today" and "end of day" are Ankang's (UTC+8) ----
const DAY = 86_400_000;
const CHINA_OFFSET = 8 * 3_600_000;

export const addDays = (date: Date, days: number) => new Date(date.getTime() + days * DAY);

/** 23:59:59.999 in China on the calendar day that `date` falls on there. */
export function endOfChinaDay(date: Date): Date {
  const local = Math.floor((date.getTime() + CHINA_OFFSET) / DAY) * DAY;
  return new Date(local + DAY - 1 - CHINA_OFFSET);
}

export function startOfChinaYear(date: Date): Date {
  const year = new Date(date.getTime() + CHINA_OFFSET).getUTCFullYear();
  return new Date(Date.UTC(year, 0, 1) - CHINA_OFFSET);
}

export function chinaYear(date: Date): number {
  return new Date(date.getTime() + CHINA_OFFSET).getUTCFullYear();
}

/** A time this year up to `now`, weighted towards recent days as on a live board. */
function publishedThisYear(rng: Rng, now: Date): Date {
  const start = startOfChinaYear(now).getTime();
  const span = now.getTime() - start;
  return new Date(now.getTime() - Math.floor(span * rng.next() ** 2));
}

const round = (value: number, step: number) => Math.round(value / step) * step;

// ---- places and people ----
const ROADS = ["兴安路", "金州路", "巴山路", "香溪路", "育才路", "滨江大道", "长春路", "大桥路", "新城路", "工业园区", "育英路", "建设路"];
const SURNAMES = ["王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马", "胡", "朱", "郭", "何", "罗", "高", "林"];

export const countyOf = (code: string) => code.slice(0, 6);
export const countyName = (code: string) => COUNTIES.find((c) => c.code === countyOf(code))?.name ?? "";
export const townName = (code: string) => ALL_TOWNS.find((t) => t.code === code)?.name ?? "";

export function townsIn(countyCode: string): TownSeed[] {
  return ALL_TOWNS.filter((t) => t.countyCode === countyCode);
}

export function pickCounty(rng: Rng): string {
  const total = COUNTIES.reduce((sum, c) => sum + c.weight, 0);
  let roll = rng.next() * total;
  for (const county of COUNTIES) {
    roll -= county.weight;
    if (roll < 0) return county.code;
  }
  return COUNTIES[0]!.code;
}

export function addressIn(rng: Rng, regionCode: string): string {
  const town = regionCode.length === 9 ? townName(regionCode) : "";
  return `${countyName(regionCode)}${town}${rng.pick(ROADS)}${rng.int(1, 320)}号`;
}

export const switchboard = (rng: Rng) => `0915-${rng.int(2, 8)}${String(rng.int(0, 999_999)).padStart(6, "0")}`;
const contactName = (rng: Rng) => `${rng.pick(SURNAMES)}${rng.chance(0.5) ? "女士" : "先生"}`;

// ---- organizations ----
export type OrganizationKind = "company" | "community_factory" | "public_institution" | "incubator" | "training_provider";

let creditSerial = 0;
/** Unique within a process and a seed run: the serial is part of the organization code. */
export function nextCreditCode(regionCode: string, kind: OrganizationKind, offset = 0): string {
  creditSerial += 1;
  const type = kind === "public_institution" ? "12" : kind === "training_provider" ? "52" : "91";
  return makeCreditCode(regionCode, 10_000_000 + offset + creditSerial, type);
}

export function resetCreditSerial(value = 0) {
  creditSerial = value;
}

export function buildOrganization(
  rng: Rng,
  input: { kind: OrganizationKind; regionCode: string; name: string; industryCode?: string | null; verified?: boolean; now: Date },
): Prisma.OrganizationCreateManyInput {
  return {
    name: input.name,
    creditCode: nextCreditCode(input.regionCode, input.kind),
    kind: input.kind,
    industryCode: input.industryCode ?? null,
    regionCode: input.regionCode,
    address: addressIn(rng, input.regionCode),
    contactName: contactName(rng),
    contactPhone: switchboard(rng),
    description: "",
    status: input.verified === false ? "pending" : "verified",
    verifiedAt: input.verified === false ? null : addDays(input.now, -rng.int(30, 900)),
  };
}

const COMPANY_INDUSTRIES = [...new Set(JOB_TEMPLATES.filter((t) => t.employer === "company").map((t) => t.industry))];

/** Company names like 紫阳富硒茶业有限公司, unique within `taken`. */
export function companyName(rng: Rng, countyCode: string, industry: IndustryCode, taken: Set<string>): string {
  const suffixes = COMPANY_SUFFIX[industry];
  for (let attempt = 0; attempt < 20; attempt++) {
    const name = `${shortCountyName(countyName(countyCode))}${rng.pick(NAME_WORDS)}${rng.pick(suffixes)}`;
    if (!taken.has(name)) {
      taken.add(name);
      return name;
    }
  }
  let n = 2;
  const base = `${shortCountyName(countyName(countyCode))}${rng.pick(NAME_WORDS)}${rng.pick(suffixes)}`;
  while (taken.has(`${base}（${n}）`)) n++;
  taken.add(`${base}（${n}）`);
  return `${base}（${n}）`;
}

export function companyIndustry(rng: Rng): IndustryCode {
  return rng.pick(COMPANY_INDUSTRIES);
}

export function factoryName(rng: Rng, town: TownSeed, trade: string, taken: Set<string>): string {
  for (let attempt = 0; attempt < 20; attempt++) {
    const name = `${town.name}${rng.pick(NAME_WORDS)}社区${trade}工厂`;
    if (!taken.has(name)) {
      taken.add(name);
      return name;
    }
  }
  const name = `${town.name}社区${trade}工厂${taken.size}`;
  taken.add(name);
  return name;
}

export const FACTORY_TRADE_LIST = FACTORY_TRADES;

export const PUBLIC_INSTITUTIONS: { suffix: string; industry: IndustryCode; perTown?: boolean }[] = [
  { suffix: "人民医院", industry: "health" },
  { suffix: "中医医院", industry: "health" },
  { suffix: "融媒体中心", industry: "public_service" },
  { suffix: "农业技术推广中心", industry: "agriculture" },
  { suffix: "社会福利院", industry: "elderly_care" },
  { suffix: "中心卫生院", industry: "health", perTown: true },
  { suffix: "便民服务中心", industry: "public_service", perTown: true },
];

// ---- postings ----
export type PostingInput = Prisma.PostingUncheckedCreateInput & Prisma.PostingCreateManyInput;

interface PostingContext {
  now: Date;
  organizationId: number;
  regionCode: string;
  contactPhone?: string | null;
}

function status(rng: Rng): string {
  return rng.chance(0.04) ? "closed" : "published";
}

export function buildJob(rng: Rng, ctx: PostingContext, template: JobTemplate): PostingInput {
  const publishedAt = publishedThisYear(rng, ctx.now);
  const expired = rng.chance(0.06);
  const validUntil = expired
    ? new Date(Math.min(ctx.now.getTime() - DAY, addDays(publishedAt, rng.int(15, 60)).getTime()))
    : addDays(ctx.now, rng.int(5, 90));
  const [low, high] = template.pay;
  const payMin = round(low + rng.next() * (high - low) * 0.4, 100);
  const payMax = Math.max(payMin + 500, round(payMin + rng.next() * (high - payMin), 100));
  const factory = template.employer === "community_factory";
  const phone = ctx.contactPhone ?? switchboard(rng);
  const place = addressIn(rng, ctx.regionCode);
  return {
    kind: "job",
    title: template.title,
    organizationId: ctx.organizationId,
    regionCode: ctx.regionCode,
    countyCode: countyOf(ctx.regionCode),
    address: place,
    industryCode: template.industry,
    occupation: template.occupation,
    occupationCode: CATALOG_OCCUPATIONS[template.title] ?? null,
    description: template.content + (factory ? "就近就业，上下班方便，可兼顾家庭。" : ""),
    requirements: template.requirements,
    education: template.education,
    experienceYears: template.experience,
    ageMin: template.ages?.[0] ?? null,
    ageMax: template.ages?.[1] ?? null,
    skills: template.skills,
    benefits: toCommaList(template.benefits),
    contractType: factory && rng.chance(0.3) ? "part_time" : "full_time",
    payMin,
    payMax,
    payPeriod: "month",
    headcount: factory ? rng.int(10, 50) : rng.int(1, 12),
    groups: toCommaList(template.groups),
    brandCode: template.brand ?? null,
    howToApply: `电话联系 ${phone}，或携带身份证到 ${place} 面试（工作日 9:00–17:00）。`,
    contactPhone: phone,
    status: status(rng),
    publishedAt,
    validFrom: publishedAt,
    validUntil,
  };
}

export function buildInternship(rng: Rng, ctx: PostingContext, template: InternshipTemplate): PostingInput {
  const publishedAt = publishedThisYear(rng, ctx.now);
  const expired = rng.chance(0.05);
  const validUntil = expired ? new Date(ctx.now.getTime() - rng.int(1, 20) * DAY) : addDays(ctx.now, rng.int(20, 150));
  const allowance = round(rng.int(1900, 2400), 50);
  const year = chinaYear(ctx.now);
  const phone = ctx.contactPhone ?? switchboard(rng);
  return {
    kind: "internship",
    title: template.title,
    organizationId: ctx.organizationId,
    regionCode: ctx.regionCode,
    countyCode: countyOf(ctx.regionCode),
    address: addressIn(rng, ctx.regionCode),
    industryCode: template.industry,
    occupation: template.occupation,
    occupationCode: CATALOG_OCCUPATIONS[template.title] ?? null,
    description: `${template.content}见习期间由单位指定带教老师指导，发放见习补贴并购买人身意外伤害保险。`,
    requirements: `${year - 2}–${year} 届离校未就业高校毕业生，或 16–24 岁失业青年；专业：${template.majors}。`,
    education: rng.chance(0.6) ? "college" : "bachelor",
    experienceYears: 0,
    skills: "",
    benefits: toCommaList(rng.chance(0.5) ? ["meals", "insurance"] : ["insurance"]),
    contractType: "internship",
    payMin: allowance,
    payMax: allowance,
    payPeriod: "month",
    headcount: rng.int(1, 6),
    groups: toCommaList(["graduate", "youth_unemployed"]),
    howToApply: `携带毕业证、身份证到${countyName(ctx.regionCode)}人社局就业见习办公室登记，或电话联系见习单位 ${phone}。`,
    contactPhone: phone,
    durationMonths: rng.pick([3, 6, 6, 6, 12]),
    eligibleMajors: template.majors,
    status: status(rng),
    publishedAt,
    validFrom: publishedAt,
    validUntil,
  };
}

export function buildGig(rng: Rng, ctx: PostingContext, template: GigTemplate, dayOffset: number): PostingInput {
  const workDate = endOfChinaDay(addDays(ctx.now, dayOffset));
  const postedBefore = Math.min(ctx.now.getTime(), addDays(workDate, -1).getTime());
  const publishedAt = new Date(postedBefore - rng.int(0, 5 * 24 * 60) * 60_000);
  const [low, high] = template.pay;
  const pay = rng.int(low, high);
  const payMin = template.period === "day" ? round(pay, 10) : pay;
  const payMax = template.period === "day" ? payMin + rng.pick([0, 0, 20, 50]) : payMin + rng.pick([0, 0, 5]);
  const phone = ctx.contactPhone ?? switchboard(rng);
  return {
    kind: "gig",
    title: template.title,
    organizationId: ctx.organizationId,
    regionCode: ctx.regionCode,
    countyCode: countyOf(ctx.regionCode),
    address: addressIn(rng, ctx.regionCode),
    industryCode: template.industry,
    occupation: template.occupation,
    occupationCode: CATALOG_OCCUPATIONS[template.title] ?? null,
    description: template.content,
    requirements: "身体健康，准时到岗。",
    education: "any",
    experienceYears: 0,
    skills: "",
    benefits: ",",
    contractType: "gig",
    payMin,
    payMax,
    payPeriod: template.period,
    headcount: rng.int(2, 30),
    groups: toCommaList(["rural_migrant", "employment_difficulty", "youth_unemployed"]),
    howToApply: `电话联系 ${phone}，先到先得，满员即止。`,
    contactPhone: phone,
    workDate,
    startTime: template.hours[0],
    endTime: template.hours[1],
    status: "published",
    publishedAt,
    validFrom: publishedAt,
    validUntil: workDate,
  };
}

// ---- incubation bases ----
const SERVICES = ["policy_advice", "project_matching", "startup_guidance", "registration_help", "financing", "training"];
const BASE_GROUPS: Record<(typeof BASE_TYPES)[number], string[]> = {
  incubator: ["graduate", "returnee", "veteran"],
  returnee_park: ["returnee", "rural_migrant"],
  graduate_park: ["graduate", "youth_unemployed"],
  veteran_park: ["veteran"],
  guiyan_park: ["returnee", "rural_migrant", "lifted_from_poverty"],
  standard_center: ["returnee", "graduate", "veteran", "employment_difficulty"],
};

export function buildBase(
  rng: Rng,
  input: { now: Date; type: (typeof BASE_TYPES)[number]; regionCode: string; name?: string; organizationId?: number | null },
): Prisma.IncubationBaseCreateManyInput {
  const county = countyName(input.regionCode);
  const totalPlaces = rng.int(20, 120);
  const rentFreeYears = rng.pick([3, 3, 3, 2]);
  const industries = rng.sample(["selenium", "tourism_wellness", "new_materials", "electronics", "plush_toys", "retail", "agriculture", "logistics"], rng.int(2, 3));
  const typeName = BASE_TYPE_NAMES[input.type];
  return {
    name: input.name ?? `${county}${typeName}`,
    type: input.type,
    level: rng.pick(["national", "provincial", "provincial", "city", "city", "city", "county", "county", "county"]),
    organizationId: input.organizationId ?? null,
    regionCode: input.regionCode,
    countyCode: countyOf(input.regionCode),
    address: addressIn(rng, input.regionCode),
    description: `${county}${typeName}面向${input.type === "graduate_park" ? "高校毕业生" : input.type === "veteran_park" ? "退役军人" : "返乡入乡人员和各类创业者"}提供低成本场地、创业指导和政策服务，已孵化企业 ${rng.int(15, 160)} 家，带动就业 ${rng.int(200, 3000)} 人。`,
    services: toCommaList(rng.sample(SERVICES, rng.int(3, 6))),
    industries: toCommaList(industries),
    totalPlaces,
    freePlaces: rng.int(0, Math.floor(totalPlaces * 0.4)),
    rentTerms: `入驻前 ${rentFreeYears} 年免收场地租金，之后按市场价 50% 收取；水电费按规定给予补贴。`,
    rentFreeYears,
    supportLoans: true,
    supportSubsidy: rng.chance(0.9),
    groups: toCommaList(BASE_GROUPS[input.type]),
    contactPhone: switchboard(rng),
    status: "published",
    publishedAt: publishedThisYear(rng, input.now),
  };
}

// ---- training courses ----
const SCHEDULES = ["周一至周五 8:30–17:30", "周一至周六 9:00–17:00", "每周六、日 9:00–16:00（周末班）", "周一至周五 19:00–21:00（晚班）"];

export function buildCourse(
  rng: Rng,
  input: { now: Date; line: CourseLine; regionCode: string; providerId: number; startInDays: number },
): Prisma.TrainingCourseCreateManyInput {
  const { line } = input;
  const hours = round(rng.int(line.hours[0], line.hours[1]), 10);
  const startDate = addDays(endOfChinaDay(input.now), input.startInDays - 1);
  const startAt = new Date(startDate.getTime() - 15 * 3_600_000 + 1); // 09:00 China time that day
  const weeks = Math.max(1, Math.ceil(hours / 40));
  const cost = round(rng.int(line.cost[0], line.cost[1]), 100);
  const totalPlaces = rng.pick([30, 40, 50, 60]);
  const ended = input.startInDays < 0;
  return {
    title: line.title,
    occupationCode: COURSE_OCCUPATIONS[line.title] ?? null,
    credentialCode: COURSE_CREDENTIALS[line.title] ?? null,
    brandCode: line.brand ?? null,
    trade: line.trade,
    providerId: input.providerId,
    regionCode: input.regionCode,
    countyCode: countyOf(input.regionCode),
    address: addressIn(rng, input.regionCode),
    description: `${line.description}学员经考核合格颁发${line.certificate}，符合条件的人员可享受职业技能培训补贴。`,
    startDate: startAt,
    endDate: addDays(startAt, weeks * 7 - 2),
    schedule: rng.pick(SCHEDULES),
    hours,
    totalPlaces,
    placesLeft: ended ? 0 : rng.int(0, totalPlaces),
    cost,
    subsidy: rng.chance(0.7) ? cost : round(cost * 0.8, 100),
    certificate: line.certificate,
    leadsTo: line.leadsTo,
    industryCode: line.industry,
    groups: toCommaList(["rural_migrant", "returnee", "employment_difficulty", "lifted_from_poverty", "school_leaver"]),
    enrolDeadline: addDays(startAt, -1),
    status: "published",
    publishedAt: new Date(Math.min(input.now.getTime(), addDays(startAt, -rng.int(10, 40)).getTime())),
  };
}

// ---- helpers for tests: one row at a time, with overrides ----
let testSerial = 0;
const testRng = () => createRng(0x5eed + ++testSerial);

export async function makeOrganization(
  db: PrismaClient,
  overrides: Partial<Prisma.OrganizationUncheckedCreateInput> = {},
  now = new Date(),
) {
  const rng = testRng();
  const regionCode = overrides.regionCode ?? "610902001";
  const base = buildOrganization(rng, { kind: "company", regionCode, name: `测试企业${testSerial}有限公司`, industryCode: "electronics", now });
  return db.organization.create({ data: { ...base, creditCode: makeCreditCode(regionCode, 90_000_000 + testSerial + process.pid * 7), ...overrides } });
}

export async function makePosting(
  db: PrismaClient,
  overrides: Partial<Prisma.PostingUncheckedCreateInput> & { kind?: "job" | "internship" | "gig" } = {},
  now = new Date(),
) {
  const rng = testRng();
  const organizationId = overrides.organizationId ?? (await makeOrganization(db, {}, now)).id;
  const regionCode = overrides.regionCode ?? "610902001";
  const ctx = { now, organizationId, regionCode };
  const kind = overrides.kind ?? "job";
  const base =
    kind === "internship" ? buildInternship(rng, ctx, INTERNSHIP_TEMPLATES[0]!)
      : kind === "gig" ? buildGig(rng, ctx, GIG_TEMPLATES[0]!, 1)
        : buildJob(rng, ctx, JOB_TEMPLATES[0]!);
  return db.posting.create({
    data: { ...base, status: "published", validUntil: addDays(now, 30), countyCode: countyOf(regionCode), ...overrides },
  });
}

export async function makeBase(db: PrismaClient, overrides: Partial<Prisma.IncubationBaseUncheckedCreateInput> = {}, now = new Date()) {
  const base = buildBase(testRng(), { now, type: "returnee_park", regionCode: overrides.regionCode ?? "610924100" });
  return db.incubationBase.create({ data: { ...base, ...overrides } });
}

export async function makeCourse(
  db: PrismaClient,
  line: CourseLine,
  overrides: Partial<Prisma.TrainingCourseUncheckedCreateInput> = {},
  now = new Date(),
) {
  const providerId = overrides.providerId ?? (await makeOrganization(db, { kind: "training_provider" }, now)).id;
  const course = buildCourse(testRng(), { now, line, regionCode: overrides.regionCode ?? "610924100", providerId, startInDays: 10 });
  return db.trainingCourse.create({ data: { ...course, ...overrides } });
}
