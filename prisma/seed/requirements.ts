/**
 * What a demo post requires, as codes of data/occupations (Posting.credentials and skillCodes): the
 * certificates the law asks for the work (a driving licence for a driver, the electrician's
 * operating certificate, the health certificate for food and care work…), sometimes a skill-level
 * certificate an employer insists on, and one or two skills. Many everyday posts ask for nothing.
 */
import { credentialsFor, skillsFor, type Credential } from "../../app/modules/occupations/occupations.ts";
import type { Rng } from "./factories.ts";

export interface Requirements {
  credentials: string[];
  skillCodes: string[];
}

type Rule = { any: string[]; p: number };

/**
 * Written out where the listed certificates are alternatives or only sometimes asked for; every
 * other licence listed for an occupation is required, other certificates now and then.
 */
const RULES: Record<string, Rule[]> = {
  "4-02-02-02": [{ any: ["driving_a2", "driving_b2"], p: 1 }, { any: ["road_freight_permit"], p: 0.7 }],
  "6-30-01-00": [{ any: ["driving_a2", "driving_b2"], p: 1 }],
  "4-02-02-01": [{ any: ["driving_a1", "driving_b1", "driving_a3"], p: 1 }, { any: ["road_passenger_permit"], p: 0.8 }],
  "4-10-08-02": [{ any: ["driving_c1", "driving_c2"], p: 1 }],
  "4-02-02-09": [{ any: ["driving_c1"], p: 1 }],
  "4-10-08-01": [{ any: ["driving_e"], p: 0.2 }],
  "4-02-07-08": [{ any: ["driving_e", "driving_d"], p: 0.3 }],
  "4-02-07-04": [{ any: ["driving_e"], p: 0.5 }],
  "4-07-05-01": [{ any: ["security_guard"], p: 0.7 }],
  "6-31-01-03": [{ any: ["special_low_voltage"], p: 1 }, { any: ["special_high_voltage"], p: 0.2 }],
  "6-18-02-04": [{ any: ["special_welding"], p: 1 }, { any: ["skill_welder"], p: 0.2 }],
  "6-29-03-04": [{ any: ["special_welding"], p: 0.4 }],
  "6-29-04-01": [{ any: ["special_height_install", "special_height_scaffold"], p: 0.4 }, { any: ["special_insulation", "skill_decoration"], p: 0.2 }],
  "6-11-01-02": [{ any: ["special_hazchem"], p: 0.8 }, { any: ["pressure_vessel"], p: 0.3 }],
  "4-02-06-01": [{ any: ["forklift"], p: 0.3 }],
  "4-02-05-01": [{ any: ["forklift"], p: 0.1 }],
  "4-10-01-06": [{ any: ["health_certificate"], p: 0.9 }, { any: ["skill_childcare", "skill_maternity", "skill_domestic"], p: 0.5 }],
  "4-10-01-01": [{ any: ["skill_childcare"], p: 0.9 }, { any: ["health_certificate"], p: 0.8 }],
  "4-10-01-03": [{ any: ["health_certificate"], p: 1 }, { any: ["skill_nursery"], p: 0.6 }],
  "4-10-01-05": [{ any: ["health_certificate"], p: 0.8 }, { any: ["skill_elderly_care"], p: 0.3 }],
  "4-10-03-05": [{ any: ["special_pedicure", "skill_pedicure"], p: 0.35 }],
  "4-03-02-01": [{ any: ["health_certificate"], p: 1 }, { any: ["skill_chinese_cook"], p: 0.35 }],
  "4-03-02-02": [{ any: ["health_certificate"], p: 1 }, { any: ["skill_chinese_pastry"], p: 0.25 }],
  "2-05-08-01": [{ any: ["nurse_licence"], p: 1 }],
  "2-05-09-00": [{ any: ["village_doctor", "assistant_physician"], p: 1 }],
  "2-05-01-19": [{ any: ["physician_licence", "assistant_physician"], p: 1 }],
  "2-02-18-02": [{ any: ["site_staff_constructor"], p: 0.5 }, { any: ["constructor_grade2"], p: 0.15 }],
  "2-06-03-00": [{ any: ["accounting_junior"], p: 0.5 }],
  "4-13-01-03": [{ any: ["putonghua_2b", "putonghua_2a"], p: 0.7 }],
  "4-01-06-02": [{ any: ["putonghua_2b"], p: 0.2 }],
  "4-01-05-02": [{ any: ["pharmacist_licence"], p: 0.3 }],
  "4-02-04-06": [{ any: ["drone_pilot"], p: 1 }],
  "5-05-05-01": [{ any: ["tractor"], p: 0.8 }, { any: ["drone_pilot"], p: 0.2 }],
  "6-02-06-10": [{ any: ["health_certificate"], p: 0.7 }, { any: ["skill_tea_processing"], p: 0.15 }],
};

/** Licences that are only a sometimes-asked extra for some of the occupations they list. */
const NOT_BY_DEFAULT = new Set(["driving_c1", "driving_c2", "driving_d", "driving_e", "dangerous_goods_permit", "pressure_vessel",
  "ride_hailing_permit", "road_freight_permit", "road_passenger_permit", "driving_a1", "driving_a2", "driving_a3", "driving_b1", "driving_b2",
  "special_height_install", "special_height_scaffold", "forklift", "drone_pilot", "security_guard", "construction_special"]);

const cache = new Map<string, { licences: Credential[]; others: Credential[]; skills: string[] }>();

function listsFor(code: string) {
  let lists = cache.get(code);
  if (!lists) {
    const all = credentialsFor(code);
    lists = {
      licences: all.filter((c) => c.kind === "licence" && !NOT_BY_DEFAULT.has(c.code)),
      others: all.filter((c) => c.kind !== "licence"),
      skills: skillsFor(code).map((s) => s.code),
    };
    cache.set(code, lists);
  }
  return lists;
}

/**
 * The certificates and skills a post of this occupation requires. An internship asks for no
 * certificate (见习 is where graduates get them) and a gig for at most what the law asks.
 */
export function requirementsFor(rng: Rng, code: string | null | undefined, kind: "job" | "internship" | "gig", title = ""): Requirements {
  if (!code) return { credentials: [], skillCodes: [] };
  const lists = listsFor(code);
  const credentials = new Set<string>();
  if (kind !== "internship") {
    const rules = RULES[code];
    if (rules) {
      for (const rule of rules) if (rng.chance(kind === "gig" ? rule.p * 0.5 : rule.p)) credentials.add(rng.pick(rule.any));
    } else {
      for (const c of lists.licences) if (rng.chance(0.9)) credentials.add(c.code);
      if (kind === "job" && lists.others.length && rng.chance(0.2)) credentials.add(rng.pick(lists.others).code);
    }
  }
  // A title that names the certificate asks for that one: 货车司机（A2）, 育婴员（月嫂）.
  if (kind !== "internship") {
    const licence = /\b(A1|A2|B1|B2|C1)\b|（(A1|A2|B1|B2|C1)）/.exec(title);
    if (licence) {
      for (const c of [...credentials]) if (c.startsWith("driving_")) credentials.delete(c);
      credentials.add(`driving_${(licence[1] ?? licence[2])!.toLowerCase()}`);
    }
    if (/育婴员|月嫂/.test(title) && rng.chance(0.9)) credentials.add("skill_childcare");
  }
  const skillCodes: string[] = [];
  const skillChance = kind === "job" ? 0.55 : kind === "gig" ? 0.3 : 0.15;
  if (lists.skills.length && rng.chance(skillChance)) {
    skillCodes.push(...rng.sample(lists.skills, kind === "job" && rng.chance(0.4) ? 2 : 1));
  }
  return { credentials: [...credentials], skillCodes };
}
