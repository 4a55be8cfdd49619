import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { COURSE_LINES, GIG_TEMPLATES, INTERNSHIP_TEMPLATES, JOB_TEMPLATES, LABOUR_BRANDS } from "../../../prisma/seed/catalog.ts";
import { BRAND_OCCUPATIONS, CATALOG_OCCUPATIONS, COURSE_CREDENTIALS } from "./catalog-codes.ts";
import { OCCUPATION_DIR, readOccupationFiles } from "./files.server.ts";
import {
  allCredentials, allOccupations, allSkills, childrenOf, codeTitle, credential, credentialsFor, isOccupationCode,
  levelOf, majorGroups, occupation, parentsOf, searchOccupations, skill, CREDENTIAL_KINDS,
} from "./occupations.ts";

const files = readOccupationFiles();
const rows = [...files.groups, ...files.occupations];
const HAN = /\p{Script=Han}/u;

describe("data/occupations/occupations.json", () => {
  it("follows the 2022 edition: 8 major and 79 medium groups, and at least 400 occupations", () => {
    expect(files.edition).toBe("2022");
    expect(majorGroups().map((g) => g.code)).toEqual(["1", "2", "3", "4", "5", "6", "7", "8"]);
    expect(files.groups.filter(([c]) => levelOf(c) === "medium")).toHaveLength(79);
    expect(allOccupations().length).toBeGreaterThanOrEqual(400);
    expect(occupation("4-10-03-05")).toEqual({ code: "4-10-03-05", nameZh: "修脚师", nameEn: "Pedicurist", level: "occupation" });
  });

  it("has well-formed codes, each once, in code order, occupations only at level 4", () => {
    const codes = rows.map(([c]) => c);
    expect(codes.filter((c) => levelOf(c) === null)).toEqual([]);
    expect(new Set(codes).size).toBe(codes.length);
    for (const list of [files.groups, files.occupations]) expect(list.map(([c]) => c)).toEqual(list.map(([c]) => c).sort());
    expect(files.occupations.filter(([c]) => levelOf(c) !== "occupation")).toEqual([]);
    expect(files.groups.filter(([c]) => levelOf(c) === "occupation")).toEqual([]);
  });

  it("lists every group above every row, and every minor group holds a listed occupation", () => {
    for (const [code] of rows) {
      expect(parentsOf(code).map((p) => p.level), code).toEqual(
        ({ major: [], medium: ["major"], minor: ["medium", "major"], occupation: ["minor", "medium", "major"] } as const)[levelOf(code)!],
      );
    }
    expect(parentsOf("4-10-03-05").map((p) => p.nameZh)).toEqual(["美容美发和浴池服务人员", "居民服务人员", "社会生产服务和生活服务人员"]);
    for (const [code] of files.groups.filter(([c]) => levelOf(c) === "minor")) expect(childrenOf(code).length, code).toBeGreaterThan(0);
  });

  it("has a Chinese and an English name on every row", () => {
    for (const [code, zh, en] of rows) {
      expect(HAN.test(zh), code).toBe(true);
      expect(en, code).toMatch(/^[A-Z][A-Za-z0-9 ,'()./-]+$/);
      expect(HAN.test(en), code).toBe(false);
    }
  });

  it("stops at first use when a row is malformed, instead of failing a request later", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "occupations-"));
    fs.copyFileSync(path.join(OCCUPATION_DIR, "credentials.json"), path.join(dir, "credentials.json"));
    fs.writeFileSync(path.join(dir, "occupations.json"), JSON.stringify({ edition: "2022", groups: [["4", "社会生产服务和生活服务人员"]], occupations: [] }));
    expect(() => readOccupationFiles(dir)).toThrow(/groups has a malformed row/);
    fs.rmSync(dir, { recursive: true });
  });
});

describe("data/occupations/credentials.json", () => {
  it("lists at least 40 certificates and 100 skills, each code once, with both names", () => {
    expect(allCredentials().length).toBeGreaterThanOrEqual(40);
    expect(allSkills().length).toBeGreaterThanOrEqual(100);
    expect(new Set(files.credentials.map(([c]) => c)).size).toBe(files.credentials.length);
    expect(new Set(files.skills.map(([c]) => c)).size).toBe(files.skills.length);
    for (const item of [...allCredentials(), ...allSkills()]) {
      expect(HAN.test(item.nameZh), item.code).toBe(true);
      expect(HAN.test(item.nameEn), item.code).toBe(false);
      expect(item.code).toMatch(/^[a-z][a-z0-9_]*$/);
    }
  });

  it("gives every certificate a kind and points every certificate and skill at listed occupations", () => {
    for (const c of allCredentials()) {
      expect(CREDENTIAL_KINDS, c.code).toContain(c.kind);
      expect(c.occupations.length, c.code).toBeGreaterThan(0);
      for (const o of c.occupations) expect(isOccupationCode(o), `${c.code} → ${o}`).toBe(true);
    }
    for (const s of allSkills()) {
      expect(s.occupations.length, s.code).toBeGreaterThan(0);
      for (const o of s.occupations) expect(isOccupationCode(o), `${s.code} → ${o}`).toBe(true);
    }
  });

  it("has what local employers ask for", () => {
    expect(credential("driving_a2")).toMatchObject({ nameZh: "机动车驾驶证 A2（重型牵引挂车）", kind: "licence", occupations: ["4-02-02-02", "6-30-01-00"] });
    for (const code of ["driving_a1", "driving_b1", "driving_b2", "driving_c1", "driving_c2", "special_low_voltage", "special_welding",
      "special_height_install", "health_certificate", "skill_childcare", "skill_nursery", "skill_elderly_care", "skill_domestic",
      "skill_chinese_cook", "security_guard", "forklift", "teacher_kindergarten", "nurse_licence", "accounting_junior", "tour_guide",
      "skill_tea_art", "skill_tea_taster"]) expect(credential(code), code).toBeDefined();
    expect(credential("special_low_voltage")?.nameZh).toContain("低压电工");
    expect(credential("skill_elderly_care")?.kind).toBe("skill_level");
    expect(credential("special_pedicure")?.kind).toBe("special_ability");
    expect(credentialsFor("4-02-02-02").map((c) => c.code)).toEqual(expect.arrayContaining(["driving_a2", "driving_b2", "road_freight_permit"]));
    for (const code of ["forklift", "typing", "putonghua", "cashier", "short_video"]) expect(skill(code), code).toBeDefined();
    expect(skill("forklift")).toMatchObject({ nameZh: "开叉车", nameEn: "Forklift driving" });
  });
});

describe("the demo catalog's occupations", () => {
  const titles = [...JOB_TEMPLATES, ...INTERNSHIP_TEMPLATES, ...GIG_TEMPLATES, ...COURSE_LINES].map((t) => t.title);

  it("maps every job, internship, gig and course title to a listed occupation", () => {
    expect(titles.filter((t) => !isOccupationCode(CATALOG_OCCUPATIONS[t] ?? ""))).toEqual([]);
    expect(Object.keys(CATALOG_OCCUPATIONS).sort()).toEqual([...new Set(titles)].sort());
  });

  it("codes each title the same way codeTitle does, so postings outside the catalog are coded alike", () => {
    expect(titles.filter((t) => codeTitle(t)[0] !== CATALOG_OCCUPATIONS[t])).toEqual([]);
  });

  it("gives every labour brand its trades and every course its certificate", () => {
    expect(Object.keys(BRAND_OCCUPATIONS).sort()).toEqual(LABOUR_BRANDS.map((b) => b.code).sort());
    for (const codes of Object.values(BRAND_OCCUPATIONS)) for (const c of codes) expect(isOccupationCode(c), c).toBe(true);
    for (const course of COURSE_LINES) {
      const cred = credential(COURSE_CREDENTIALS[course.title] ?? "");
      expect(cred, course.title).toBeDefined();
      expect(cred!.occupations, course.title).toContain(CATALOG_OCCUPATIONS[course.title]);
    }
  });
});

describe("codeTitle and searchOccupations", () => {
  it("read a posting title's trade", () => {
    expect(codeTitle("电子线束装配工")[0]).toBe("6-25-04-07");
    expect(occupation(codeTitle("电子线束装配工")[0]!)?.nameZh).toBe("电子设备装接工");
    expect(codeTitle("招聘叉车司机2名")[0]).toBe("6-30-05-01");
    expect(codeTitle("急招外卖骑手")[0]).toBe("4-10-08-01");
    expect(codeTitle("水电站运行值班员")[0]).toBe("6-28-01-09");
    expect(codeTitle("春茶采茶工")[0]).toBe("5-01-02-02");
    expect(codeTitle("")).toEqual([]);
    expect(codeTitle("天气很好")).toEqual([]);
  });

  it("find occupations by Chinese, English or code for a picker", () => {
    expect(searchOccupations("修脚师")[0]?.code).toBe("4-10-03-05");
    expect(searchOccupations("nurse")[0]?.nameZh).toMatch(/护士$/);
    expect(searchOccupations("4-10-03").map((o) => o.code)).toEqual(expect.arrayContaining(["4-10-03-02", "4-10-03-05"]));
    expect(searchOccupations("我想做月嫂").map((o) => o.code)).toContain("4-10-01-06");
    expect(searchOccupations("   ")).toEqual([]);
    expect(searchOccupations("护", 5)).toHaveLength(5);
  });
});
