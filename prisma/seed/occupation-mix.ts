/**
 * The everyday local jobs the written catalog (catalog.ts) lacks: occupations drawn from the national
 * classification (data/occupations), weighted to services, farming and forestry, and production
 * (major groups 4, 5, 6), each posted a few times over Ankang's counties with pay for its trade and
 * the region. Titles are the occupation's name, some with a local flavour; every post carries its
 * occupation code, so the demo covers several hundred occupations (issue 11, point 1).
 */
import { allOccupations, type Occupation } from "../../app/modules/occupations/occupations.ts";
import { CATALOG_OCCUPATIONS } from "../../app/modules/occupations/catalog-codes.ts";
import type { GigTemplate, IndustryCode, InternshipTemplate, JobTemplate } from "./catalog.ts";
import type { Rng } from "./factories.ts";

/** Codes that do not fit a city job board here: military, heads of organs, elected posts, civil servants, and a few trades Ankang lacks. */
const EXCLUDED = /^(7-|8-|1-0[1-5]|1-06-02|3-01-03-01|4-14-05-07|4-07-07-03|6-11-09-05|6-17-)/;

/** Longest prefix wins: the industry a post of the occupation is filed under. */
const INDUSTRY: [string, IndustryCode][] = [
  ["1", "public_service"], ["2-02-03", "new_materials"], ["2-02-06", "new_materials"], ["2-02-19", "new_materials"], ["2-02-05", "new_materials"],
  ["2-02-07", "equipment"], ["2-02-09", "electronics"], ["2-02-10", "electronics"], ["2-02-38", "electronics"], ["2-02-18", "construction"],
  ["2-02-15", "construction"], ["2-02-20", "agriculture"], ["2-02-24", "selenium"], ["2-02-23", "garments"], ["2-02-30-02", "logistics"],
  ["2-02", "public_service"], ["2-03", "agriculture"], ["2-05", "health"], ["2-06-07", "retail"], ["2-06", "public_service"], ["2-08", "education"],
  ["2-09", "public_service"], ["2-10", "public_service"], ["2", "public_service"], ["3", "public_service"],
  ["4-01", "retail"], ["4-02", "logistics"], ["4-03", "catering"], ["4-03-01", "tourism_wellness"], ["4-04", "electronics"], ["4-05", "retail"],
  ["4-06", "life_services"], ["4-07-04", "tourism_wellness"], ["4-07", "public_service"], ["4-08-05", "selenium"], ["4-08-08", "retail"],
  ["4-08", "public_service"], ["4-09-10", "agriculture"], ["4-09", "public_service"], ["4-10-01", "domestic_services"],
  ["4-10-01-05", "elderly_care"], ["4-10", "life_services"], ["4-11", "public_service"], ["4-12", "life_services"], ["4-13", "public_service"],
  ["4-14", "health"], ["4-14-06", "tourism_wellness"], ["4-14-05", "tourism_wellness"], ["5", "agriculture"], ["6-01", "selenium"],
  ["6-02", "selenium"], ["6-03", "agriculture"], ["6-04", "garments"], ["6-05", "garments"], ["6-06", "construction"], ["6-07", "retail"],
  ["6-08", "retail"], ["6-09", "plush_toys"], ["6-11", "new_materials"], ["6-12", "health"], ["6-14", "new_materials"], ["6-15", "new_materials"],
  ["6-16", "new_materials"], ["6-18", "equipment"], ["6-19", "equipment"], ["6-20", "equipment"], ["6-21", "equipment"], ["6-22", "equipment"],
  ["6-23", "equipment"], ["6-24", "electronics"], ["6-25", "electronics"], ["6-26", "electronics"], ["6-27", "new_materials"],
  ["6-28", "public_service"], ["6-29", "construction"], ["6-30", "logistics"], ["6-30-05", "construction"], ["6", "equipment"],
];

/** Monthly pay bands, yuan, by longest prefix: what such work pays in Ankang. */
const PAY: [string, [number, number]][] = [
  ["1", [6000, 10000]], ["2", [4000, 7000]], ["2-02", [4500, 8000]], ["2-05-01", [5500, 10000]], ["2-05-02", [5000, 9000]], ["2-05-08", [3800, 6000]],
  ["2-08", [3500, 6500]], ["2-06", [3800, 6500]], ["3", [2600, 4200]], ["4", [3000, 5000]], ["4-01", [2800, 5000]], ["4-01-06", [3500, 8000]],
  ["4-02", [3500, 6500]], ["4-02-02", [5000, 8500]], ["4-03", [3000, 5500]], ["4-05", [3500, 6500]], ["4-09", [2600, 4200]], ["4-09-08", [2300, 3200]],
  ["4-10", [3000, 6000]], ["4-12", [3500, 7000]], ["4-14", [3000, 5500]], ["5", [2600, 4500]], ["6", [3500, 6000]], ["6-01", [2800, 4800]],
  ["6-02", [2800, 4800]], ["6-04", [2800, 5000]], ["6-05", [2800, 5000]], ["6-09", [2800, 4800]], ["6-16", [6000, 9500]], ["6-18", [4500, 7500]],
  ["6-28", [4500, 7000]], ["6-29", [5000, 8500]], ["6-31", [4000, 6500]],
];

/** A few names as people here would post them. */
const LOCAL_TITLES: Record<string, string> = {
  "6-04-02-02": "缫丝工（安康蚕茧）", "5-03-03-01": "蚕桑养殖员", "5-01-02-03": "食用菌生产工（香菇木耳）",
  "5-01-02-05": "中药材种植员（绞股蓝、黄姜）", "6-28-01-09": "水电站运行值班员", "6-01-04-03": "肉制品加工工（陕南腊肉）",
  "6-02-05-08": "酱腌菜制作工（富硒泡菜）", "4-02-03-01": "客运船舶驾驶员（瀛湖游船）", "4-07-04-06": "休闲农业服务员（茶园观光）",
  "6-02-03-01": "米面主食制作工（安康蒸面）", "6-16-01-15": "选矿工（重晶石）", "5-02-03-01": "护林员（秦巴山区）",
  "6-01-01-03": "制油工（秦巴菜籽油）", "5-03-02-01": "家畜饲养员（生猪、黄牛）", "6-02-06-11": "评茶师（紫阳富硒茶）",
  "4-03-02-07": "茶艺师（富硒茶）", "6-09-03-17": "民间工艺品制作工（汉绣、竹编）", "4-09-05-01": "自然保护区巡护监测员（化龙山）",
};

/** Kinds of work that employers here also hire by the day. */
const GIG_PREFIXES = ["5-01", "5-02", "5-03", "4-02-05", "4-09-08", "4-09-10", "6-29-01", "6-29-04", "4-03-02-05", "4-13-01-02", "6-31-05", "4-02-06-02"];

const pick = <T>(table: [string, T][], code: string, fallback: T): T => {
  let best: [string, T] | undefined;
  for (const row of table) if ((code === row[0] || code.startsWith(`${row[0]}-`)) && (!best || row[0].length > best[0].length)) best = row;
  return best ? best[1] : fallback;
};

const major = (code: string) => code.slice(0, 1);
const titleOf = (o: Occupation) => LOCAL_TITLES[o.code] ?? o.nameZh.replace(/工程技术人员$/, "工程师").replace(/专业人员$/, "");

function groupsOf(code: string): JobTemplate["groups"] {
  if (code === "3-01-04-04") return ["veteran"];
  switch (major(code)) {
    case "2": return ["graduate", "returnee"];
    case "3": return ["graduate", "veteran", "youth_unemployed"];
    case "5": return ["rural_migrant", "lifted_from_poverty", "returnee"];
    case "6": return ["rural_migrant", "returnee", "lifted_from_poverty"];
    default: return ["rural_migrant", "employment_difficulty", "returnee"];
  }
}

function educationOf(code: string): JobTemplate["education"] {
  if (code.startsWith("2-05-01") || code.startsWith("2-05-02")) return "bachelor";
  if (major(code) === "2") return "college";
  if (major(code) === "3" || major(code) === "1") return "senior";
  if (code.startsWith("4-04") || code.startsWith("4-05") || code.startsWith("4-08")) return "senior";
  return major(code) === "6" ? "junior" : "any";
}

function employerOf(code: string): JobTemplate["employer"] {
  if (major(code) === "3" || code.startsWith("2-05") || code.startsWith("2-08-02") || code.startsWith("4-13") || code.startsWith("2-10")) return "public_institution";
  if (/^6-(04|05|09|25)/.test(code)) return "community_factory";
  return "company";
}

const CONTENT: Record<string, (name: string) => string> = {
  "1": (n) => `负责${n}岗位的日常经营管理、团队建设与业务拓展。`,
  "2": (n) => `从事${n}专业技术工作，参与项目实施、技术支持与资料整理。`,
  "3": (n) => `从事${n}工作，办理群众业务、整理台账，服从单位安排。`,
  "4": (n) => `从事${n}工作，按服务规范为客户提供服务，完成门店或站点安排的任务。`,
  "5": (n) => `从事${n}工作，负责种养、田间或林地管理，农忙季节按需加班。`,
  "6": (n) => `从事${n}工作，按工艺要求完成生产操作与设备日常保养，遵守安全操作规程。`,
};

export interface ExtraTemplate {
  code: string;
  kind: "job" | "internship" | "gig";
  job?: JobTemplate;
  internship?: InternshipTemplate;
  gig?: GigTemplate;
}

/** Every occupation the extras may draw from: listed, plausible here, and not already in the catalog. */
export function extraCandidates(): Occupation[] {
  const taken = new Set(Object.values(CATALOG_OCCUPATIONS));
  return allOccupations().filter((o) => !EXCLUDED.test(o.code) && !taken.has(o.code));
}

/** Weighted draw without replacement (services, farming and production three times as likely). */
export function drawExtraOccupations(rng: Rng, count: number): Occupation[] {
  const weight = (code: string) => ({ "4": 3, "5": 3, "6": 3, "2": 1, "3": 1.2 })[major(code)] ?? 0.5;
  return extraCandidates()
    .map((o) => ({ o, key: rng.next() ** (1 / weight(o.code)) }))
    .sort((a, b) => b.key - a.key || (a.o.code < b.o.code ? -1 : 1))
    .slice(0, count)
    .map((x) => x.o)
    .sort((a, b) => (a.code < b.code ? -1 : 1));
}

/** The template a post of this occupation is built from, for the kind it is posted as. */
export function extraTemplate(rng: Rng, o: Occupation): ExtraTemplate {
  const title = titleOf(o);
  const industry = pick(INDUSTRY, o.code, "public_service");
  const content = (CONTENT[major(o.code)] ?? CONTENT["4"]!)(o.nameZh);
  const gigLike = GIG_PREFIXES.some((p) => o.code.startsWith(p));
  if (gigLike && rng.chance(0.45)) {
    const low = rng.int(12, 18) * 10;
    return {
      code: o.code, kind: "gig",
      gig: { title: `${title}（日结）`, industry, occupation: o.nameZh, pay: [low, low + rng.int(3, 10) * 10], period: "day", hours: ["07:30", "17:30"], content: `${content}按天结算工资。` },
    };
  }
  if ((major(o.code) === "2" || major(o.code) === "3") && rng.chance(0.3)) {
    return {
      code: o.code, kind: "internship",
      internship: { title: `${title}见习岗`, industry, occupation: o.nameZh, majors: "相关专业", content, employer: employerOf(o.code) === "public_institution" ? "public_institution" : "company" },
    };
  }
  const pay = pick<[number, number]>(PAY, o.code, [3000, 5000]);
  const experience = major(o.code) === "2" ? rng.int(0, 2) : rng.pick([0, 0, 1, 2]);
  return {
    code: o.code, kind: "job",
    job: {
      title, industry, occupation: o.nameZh, pay, education: educationOf(o.code), experience, content,
      requirements: experience ? `${experience} 年以上相关工作经验，身体健康。` : "身体健康，有相关经验者优先，新手可带教。",
      skills: "", benefits: rng.chance(0.5) ? ["meals", "insurance"] : ["insurance"], groups: groupsOf(o.code), employer: employerOf(o.code),
    },
  };
}

/** How many posts an extra occupation gets: everyday trades more than professions. */
export const postsPerOccupation = (rng: Rng, code: string) => (["4", "5", "6"].includes(major(code)) ? rng.int(1, 3) : 1);
