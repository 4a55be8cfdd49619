/**
 * The demo's posts beyond the written catalog: the everyday occupations it lacks (occupation-mix.ts),
 * public-welfare posts (公益性岗位) only people of listed groups may take, and the few posts the
 * golden personas (personas.ts) must find whatever the random draw gave. Plus what every post
 * requires (requirements.ts), set on the catalog's posts too.
 */
import { GIG_TEMPLATES, INTERNSHIP_TEMPLATES, JOB_TEMPLATES, type JobTemplate } from "./catalog.ts";
import { EmployerIndex, postingContext } from "./employers.ts";
import { addDays, buildGig, buildInternship, buildJob, pickCounty, type PostingInput, type Rng } from "./factories.ts";
import { drawExtraOccupations, extraTemplate, postsPerOccupation } from "./occupation-mix.ts";
import { requirementsFor } from "./requirements.ts";
import { toCommaList } from "../../app/utils/comma-list.ts";
import type { Occupation } from "../../app/modules/occupations/occupations.ts";

/** How many occupations beyond the catalog's the demo posts. */
export const EXTRA_OCCUPATIONS = 290;

function buildExtra(rng: Rng, employers: EmployerIndex, now: Date, o: Occupation): PostingInput {
  const t = extraTemplate(rng, o);
  const county = pickCounty(rng);
  let row: PostingInput;
  if (t.gig) {
    const org = employers.find(rng, county, ["company", "community_factory"], t.gig.industry);
    row = buildGig(rng, postingContext(org, now), t.gig, rng.chance(0.1) ? 0 : rng.int(1, 14));
  } else if (t.internship) {
    const org = employers.find(rng, county, [t.internship.employer, "company"], t.internship.industry);
    row = buildInternship(rng, postingContext(org, now), t.internship);
  } else {
    const job = t.job!;
    const org = employers.find(rng, county, [job.employer, "company"], job.industry);
    row = buildJob(rng, postingContext(org, now), job);
  }
  return { ...row, occupationCode: o.code };
}

/** Posts of the extra occupations: every drawn occupation at least once (the demo), or `count` drawn from them (benchmarks). */
export function buildExtraPostings(rng: Rng, employers: EmployerIndex, now: Date, count?: number): PostingInput[] {
  const occupations = drawExtraOccupations(rng, EXTRA_OCCUPATIONS);
  const rows: PostingInput[] = [];
  if (count === undefined) {
    for (const o of occupations) for (let n = postsPerOccupation(rng, o.code); n > 0; n--) rows.push(buildExtra(rng, employers, now, o));
  } else {
    for (let i = 0; i < count; i++) rows.push(buildExtra(rng, employers, now, rng.pick(occupations)));
  }
  return rows;
}

const WELFARE_POSTS: { title: string; code: string; content: string }[] = [
  { title: "公益性岗位（城镇保洁员）", code: "4-09-08-01", content: "负责街道、集镇公共区域日常保洁和垃圾清运。" },
  { title: "公益性岗位（生态护林员）", code: "5-02-03-01", content: "负责责任林区巡山护林、森林防火宣传和火情报告。" },
  { title: "公益性岗位（劳动保障协理员）", code: "3-01-04-03", content: "在镇村便民服务中心协助办理就业登记、社保业务和政策宣传。" },
  { title: "公益性岗位（农村公路养护员）", code: "6-29-02-04", content: "负责通村公路日常巡查、清扫路面和边沟疏通。" },
  { title: "公益性岗位（停车秩序管理员）", code: "4-06-01-03", content: "负责县城公共停车场车辆引导、收费和秩序维护。" },
  { title: "公益性岗位（社区治安巡逻员）", code: "4-07-05-01", content: "负责社区治安巡逻、矛盾纠纷排查和安全宣传。" },
];

/**
 * 公益性岗位: posts only people the employment service has recognised as having difficulty finding
 * work, or members of a family with nobody in work, may take (groupOnly). Pay near the minimum wage.
 */
function buildWelfarePostings(rng: Rng, employers: EmployerIndex, now: Date): PostingInput[] {
  const rows: PostingInput[] = [];
  for (const [i, post] of WELFARE_POSTS.entries()) {
    for (const county of [pickCounty(rng), pickCounty(rng)]) {
      const org = employers.find(rng, county, ["public_institution"], "public_service");
      const template: JobTemplate = {
        title: post.title, industry: "public_service", occupation: post.title, pay: [2000, 2300], education: "any", experience: 0,
        content: `${post.content}公益性岗位，签订劳动合同并缴纳社会保险，享受岗位补贴。`,
        requirements: "须为经人社部门认定的就业困难人员或零就业家庭成员，身体健康，能胜任岗位工作。",
        skills: "", benefits: ["insurance"], groups: ["employment_difficulty", "zero_employment_family"], employer: "public_institution",
      };
      const row = buildJob(rng, postingContext(org, now), template);
      rows.push({
        ...row, occupationCode: post.code, payMin: 2000, payMax: 2000 + (i % 3) * 100, headcount: rng.int(2, 10), groupOnly: true,
        groups: toCommaList(["employment_difficulty", "zero_employment_family"]), status: "published", validUntil: addDays(now, rng.int(20, 60)),
      });
    }
  }
  return rows;
}

/** Open whatever the draw gave: what the personas must find. */
function pinned(row: PostingInput, now: Date, days: number): PostingInput {
  return { ...row, status: "published", ...(row.kind === "gig" ? {} : { validUntil: addDays(now, days) }) };
}

/** An employer of the county, posting for a place in one of its towns. */
function at(rng: Rng, employers: EmployerIndex, now: Date, town: string, kinds: string[], industry: string) {
  return { ...postingContext(employers.find(rng, town.slice(0, 6), kinds, industry), now), regionCode: town };
}

function buildPersonaPostings(rng: Rng, employers: EmployerIndex, now: Date): PostingInput[] {
  const job = JOB_TEMPLATES.find((t) => t.title === "修脚师")!;
  const internship = INTERNSHIP_TEMPLATES.find((t) => t.title === "护理见习岗")!;
  const gig = (title: string) => GIG_TEMPLATES.find((t) => t.title === title)!;
  const rows: PostingInput[] = [];
  for (const [town, days] of [["610924100", 45], ["610924101", 30], ["610902002", 40]] as const) {
    rows.push(pinned(buildJob(rng, at(rng, employers, now, town, ["company"], "life_services"), job), now, days));
  }
  for (const town of ["610902001", "610902003"]) {
    rows.push(pinned(buildInternship(rng, at(rng, employers, now, town, ["public_institution"], "health"), internship), now, 60));
  }
  const baihe = ["610929100", "610929101", "610929103", "610929105"];
  for (const [i, title] of ["搬运装卸工（日结）", "魔芋收获帮工", "工地小工（日结）", "茶叶采摘工（临时）"].entries()) {
    const ctx = at(rng, employers, now, baihe[i]!, ["company", "community_factory"], gig(title).industry);
    rows.push(pinned(buildGig(rng, ctx, gig(title), 1 + i), now, 0));
  }
  return rows;
}

/** Everything the demo posts beyond the catalog's random draw, in a stream of its own. */
export function buildDemoExtras(rng: Rng, employers: EmployerIndex, now: Date): PostingInput[] {
  return [...buildExtraPostings(rng, employers, now), ...buildWelfarePostings(rng, employers, now), ...buildPersonaPostings(rng, employers, now)];
}

/** Sets what each post requires, from its occupation (requirements.ts). */
export function withRequirements(rng: Rng, rows: PostingInput[]): PostingInput[] {
  for (const row of rows) {
    const kind = row.kind === "internship" || row.kind === "gig" ? row.kind : "job";
    const { credentials, skillCodes } = requirementsFor(rng, row.occupationCode, kind, row.title);
    row.credentials = toCommaList(credentials);
    row.skillCodes = toCommaList(skillCodes);
    row.groupOnly ??= false;
  }
  return rows;
}
