import { describe, expect, it } from "vitest";
import { GIG_TEMPLATES, INTERNSHIP_TEMPLATES, JOB_TEMPLATES } from "../../../prisma/seed/catalog.ts";
import { checkFields, checkText, findingMessage, type CheckCategory } from "./content-check.ts";

const refused: [CheckCategory, string, string][] = [
  // ethnicity and race
  ["ethnicity", "要求汉族，18-40 岁", "汉族"],
  ["ethnicity", "少数民族勿扰", "少数民族"],
  ["ethnicity", "限民族：回族", "民族"],
  ["ethnicity", "不招种族不同的人", "种族"],
  ["ethnicity", "Han Chinese only", "Han Chinese only"],
  ["ethnicity", "Ethnicity: Han", "Ethnicity"],
  // sex, marriage, childbearing
  ["sex", "限男性，能吃苦", "限男性"],
  ["sex", "仅限女性", "仅限女性"],
  ["sex", "男性优先", "男性优先"],
  ["sex", "女士优先录用", "女士优先"],
  ["sex", "只招男工", "只招男工"],
  ["sex", "性别：男", "性别：男"],
  ["sex", "已婚已育优先", "已婚已育"],
  ["sex", "限 男 性", "限 男 性"],
  ["sex", "Male only, night shift", "Male only"],
  ["sex", "Women preferred", "Women preferred"],
  // religion
  ["religion", "无宗教信仰", "宗教"],
  ["religion", "信教者勿扰", "信教"],
  ["religion", "No religious applicants", "religious"],
  // household registration, region of origin
  ["origin", "本地户口优先", "本地户口"],
  ["origin", "需提供户籍证明，限城镇户籍", "户籍"],
  ["origin", "限本地人", "限本地人"],
  ["origin", "仅限安康籍", "仅限安康籍"],
  ["origin", "陕西籍优先", "陕西籍优先"],
  ["origin", "外地人勿扰", "外地人"],
  ["origin", "Local hukou required", "hukou"],
  ["origin", "Locals only", "Locals only"],
  // hype
  ["hype", "高薪诚聘普工", "高薪"],
  ["hype", "保录取，不过退费", "保录"],
  ["hype", "考证包过", "包过"],
  ["hype", "稳赚不赔", "稳赚"],
  ["hype", "日赚300", "日赚"],
  ["hype", "月入过万不是梦", "月入过万"],
  ["hype", "在家躺赚", "躺赚"],
  ["hype", "ＨＩＧＨ ＳＡＬＡＲＹ", "ＨＩＧＨ ＳＡＬＡＲＹ"],
  ["hype", "Guaranteed job after training", "Guaranteed job"],
];

const passes = [
  "男女不限",
  "性别不限，年龄 18-50 岁",
  "不限户籍，欢迎返乡人员",
  "户籍：不限",
  "民族不限",
  "不限男女，包吃住",
  "烈士子女优先，军人子女优先", // priority for martyrs' and soldiers' children is lawful
  "提高薪酬待遇，最高薪资 8000 元",
  "面试请携带身份证、户口本",
  "具有全日制学籍的在校生",
  "限中国国籍",
  "负责古籍修复",
  "提供单身公寓",
  "为怀孕女工提供产假",
  "身穿民族服饰表演，弘扬中华民族文化，促进民族团结",
  "春节包过年车费",
  "落实稳就业保就业政策",
  "Men and women welcome, regardless of gender, religion or hukou",
  "Any gender. No hukou requirement.",
  "",
];

describe("content check", () => {
  it.each(refused)("refuses %s: %s, naming the phrase", (category, text, phrase) => {
    expect(checkText(text)).toEqual({ category, phrase });
  });

  it.each(passes)("lets lawful wording pass: %s", (text) => {
    expect(checkText(text)).toBeNull();
  });

  it("passes every text the demo data uses", () => {
    for (const template of [...JOB_TEMPLATES, ...INTERNSHIP_TEMPLATES, ...GIG_TEMPLATES]) {
      for (const value of Object.values(template)) {
        if (typeof value === "string") expect(checkText(value), value).toBeNull();
      }
    }
  });

  it("names the first problem in the text and reports every field with one", () => {
    expect(checkText("高薪，限男性")).toEqual({ category: "hype", phrase: "高薪" });
    const found = checkFields({ title: "普工", requirements: "男女不限，限本地户籍", description: "日赚 500" });
    expect(Object.keys(found).sort()).toEqual(["description", "requirements"]);
    expect(found.requirements).toEqual({ category: "origin", phrase: "限本地户籍" });
  });

  it("turns a finding into an i18n key with the phrase as its parameter", () => {
    const message = findingMessage({ category: "sex", phrase: "限男性 & co" });
    const [key, query] = message.split("?");
    expect(key).toBe("postings.check.sex");
    expect(new URLSearchParams(query).get("phrase")).toBe("限男性 & co");
  });
});
