/**
 * The content check for job posts: discriminatory requirements (ethnicity or race, sex, religion,
 * household registration or region of origin) and hype that promises what no employer can
 * (高薪, 保录…). Pure: the form schema runs it in the browser and on the server alike.
 *
 * Allowed phrases ("男女不限", "不限户籍", "提高薪酬"…) are blanked out first, so a rule can name a
 * word such as 户籍 without refusing the sentence that says it does not matter.
 */

export const CHECK_CATEGORIES = ["ethnicity", "sex", "religion", "origin", "hype"] as const;
export type CheckCategory = (typeof CHECK_CATEGORIES)[number];

export interface ContentFinding {
  category: CheckCategory;
  /** The words as the employer typed them. */
  phrase: string;
}

const any = (words: string[]) => words.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")).sort((a, b) => b.length - a.length).join("|");
const cn = (source: string) => new RegExp(source, "g");
const en = (source: string) => new RegExp(`\\b(?:${source})\\b`, "gi");

const NOT_REQUIRED = "不限|均可|皆可|都可|都行|不要求|无要求|无限制";

/** Phrases that mention a protected trait only to say it does not count, and common harmless words. */
const ALLOWED: RegExp[] = [
  cn(`(?:性别|男女|民族|种族|宗教|信仰|户籍|户口|籍贯|地域|生源地)[:：]?(?:${NOT_REQUIRED})`),
  cn(`(?:不限|不分|不论|无论)(?:性别|男女|民族|种族|宗教|信仰|户籍|户口|籍贯|地域|生源地|本地外地|本地和外地)`),
  cn(`男女(?:各半|比例不限|都要|都招|均招)`),
  cn(`(?:中华民族|各民族|民族团结|民族(?:服饰|服装|文化|特色|风情|歌舞|舞蹈|乐器|音乐|工艺|手工艺|刺绣|医药|地区|村寨|美食|节日))`),
  cn(`(?:尊重宗教|宗教信仰自由|尊重(?:各族|少数民族)(?:群众|员工)?(?:的)?(?:风俗|习惯))`),
  cn(`(?:户口本|户口簿|户籍证明材料|户籍迁移|户口迁移|迁移户籍|迁移户口|办理落户|帮助落户|协助落户)`),
  cn(`(?:提高薪|最高薪)`),
  cn(`(?:包过年|明白人|婚育假|婚假|地域特色|地域文化)`),
  en(`(?:any|all) (?:genders?|sex|ethnicity|ethnicities|religions?|hukou)`),
  en(`regardless of (?:gender|sex|ethnicity|race|religion|hukou|household registration|origin)(?:(?:,| or| and) ?(?:gender|sex|ethnicity|race|religion|hukou|household registration|origin))*`),
  en(`(?:no|without) (?:gender|ethnicity|religion|hukou|household registration) (?:requirements?|limits?|restrictions?)`),
  en(`(?:men|male) and (?:women|female)(?: (?:welcome|both welcome|alike))?`),
  en(`ethnic (?:costumes?|culture|dances?|music|crafts?|food|cuisine|restaurants?|minority areas?)`),
];

/** 籍 after these is not a place of origin: 国籍 (nationality), 学籍 (school roll), 古籍 (old books)… */
const NOT_ORIGIN = "(?<!国|古|书|典|学|党|军|原|客|祖|户)";

/** Ethnic group names (the 56 include these most common ones); any of them in a post is a requirement. */
const ETHNIC_GROUPS = ["汉族", "回族", "藏族", "维吾尔族", "维族", "蒙古族", "苗族", "彝族", "壮族", "满族", "土家族", "朝鲜族", "侗族", "瑶族", "白族", "哈萨克族", "傣族", "黎族", "羌族"];

const RULES: { category: CheckCategory; pattern: RegExp }[] = [
  // ethnicity and race
  { category: "ethnicity", pattern: cn(`${any(["少数民族", "民族", "种族", "黑人", "白人", ...ETHNIC_GROUPS])}|肤色(?:要求|限制|白|黑)|(?:限|要求)肤色`) },
  { category: "ethnicity", pattern: en("ethnicity|ethnic|racial|race requirements?|skin colou?r requirements?|han (?:chinese|nationality) only") },
  // sex, marriage and childbearing (both count as sex discrimination in Chinese law)
  { category: "sex", pattern: cn(`(?:仅限|只限|限于|限|只招|仅招|只要|仅要|只收|只录|要求|需为|须为|必须是|必须为)(?:男|女)(?:性|士|生|工|的)?(?!女|男)`) },
  { category: "sex", pattern: cn(`(?<!子|儿|孙|闺|侄|外孙)(?:男|女)(?:性|士|生|工)?(?:优先|勿扰|免谈|不要|不招|除外)`) },
  { category: "sex", pattern: cn(`性别[:：]?(?:男|女)(?!女)|性别(?:要求|限制|限定)`) },
  { category: "sex", pattern: cn(any(["已婚已育", "未婚未育", "已婚", "未婚", "已育", "未育", "婚育", "生育计划", "孕妇勿扰", "限单身", "单身优先"])) },
  { category: "sex", pattern: en(`(?:males?|females?|men|women|man|woman|boys?|girls?) only|only (?:males?|females?|men|women|boys|girls)|(?:males?|females?|men|women) (?:applicants )?preferred|must be (?:a )?(?:male|female|man|woman)|gender: ?(?:male|female)|unmarried|single only|no (?:plans for )?(?:pregnancy|children)`) },
  // religion
  { category: "religion", pattern: cn(any(["宗教", "信教", "不信教", "信仰", "穆斯林", "基督徒", "基督教", "天主教", "伊斯兰", "佛教徒", "信佛", "信基督"])) },
  { category: "religion", pattern: en("religions?|religious|christians?|muslims?|buddhists?|catholics?|atheists? only") },
  // household registration and region of origin
  { category: "origin", pattern: cn(any(["本地户口", "本地户籍", "外地户口", "户籍", "户口", "籍贯", "地域", "生源地", "外地人", "外省人", "外县人", "非本地", "限本地", "本地人优先", "本地优先", "外地勿扰"])) },
  { category: "origin", pattern: cn(`(?:仅限|只限|限|只招|仅招|只要|要求)本地(?:人|居民|户口|户籍|常住人口)?`) },
  { category: "origin", pattern: cn(`(?:仅限|只限|限|只招|仅招|只要|要求)[\\u4e00-\\u9fa5]{1,6}${NOT_ORIGIN}籍|[\\u4e00-\\u9fa5]{1,6}${NOT_ORIGIN}籍(?:人员|人士)?(?:优先|勿扰|免谈|不要|不招|除外)`) },
  { category: "origin", pattern: en("hukou|household registration|locals? only|only locals?|local residents? only|local (?:residents?|people) preferred|no (?:outsiders|non-locals|migrants)") },
  // hype
  {
    category: "hype",
    pattern: cn(
      `${any(["高薪", "保录", "包录取", "保证录取", "保证录用", "百分百录取", "100%录取", "包过", "包分配", "包就业", "内部名额", "内部指标", "稳赚", "日赚", "躺赚", "躺着赚", "轻松赚", "坐着赚钱", "在家赚钱", "暴富", "暴利", "快速致富", "一夜致富", "零风险", "无风险", "钱多事少", "不用上班", "月入过万", "月入上万", "月入万元", "月入数万", "年入百万", "年薪百万", "轻松月入", "日入过千", "日薪过千", "日结千元"])}|日入[0-9一二三四五六七八九十百千万]+|月入[0-9]+万`,
    ),
  },
  { category: "hype", pattern: en("high(?:ly)?[- ]paid|high (?:salary|pay|income|wages?)|guaranteed (?:admission|job|offer|pass|income|employment|placement)|100% (?:admission|hired|guaranteed|pass)|easy money|get rich|risk[- ]free|no risk|make money fast|earn big") },
];

/** Width-normalised, lower case, spaces and zero-width characters removed: "限 男 性" and "ＨＩＧＨ" are caught too. */
function normalise(text: string): { value: string; index: number[] } {
  let value = "";
  const index: number[] = [];
  const chars = [...text];
  let offset = 0;
  for (let i = 0; i < chars.length; i++) {
    const raw = chars[i]!;
    const start = offset;
    offset += raw.length;
    const folded = raw.normalize("NFKC").toLowerCase();
    for (const ch of folded) {
      // Spaces are dropped only between non-Latin characters: English keeps its word boundaries.
      if (/[\s\u200b-\u200d\ufeff]/.test(ch)) {
        const prev = value.at(-1) ?? "";
        const next = (chars[i + 1] ?? "").normalize("NFKC");
        if (/[a-z0-9]/i.test(prev) && /[a-z0-9]/i.test(next) && prev !== " ") {
          value += " ";
          index.push(start);
        }
        continue;
      }
      value += ch;
      index.push(start);
    }
  }
  index.push(text.length);
  return { value, index };
}

/** The first problem in one piece of text, or null. */
export function checkText(text: string | null | undefined): ContentFinding | null {
  if (!text) return null;
  const { value, index } = normalise(text);
  let masked = value;
  for (const allowed of ALLOWED) {
    masked = masked.replace(allowed, (m) => "\u0000".repeat(m.length));
  }
  let best: { at: number; end: number; category: CheckCategory } | null = null;
  for (const rule of RULES) {
    rule.pattern.lastIndex = 0;
    for (const match of masked.matchAll(rule.pattern)) {
      if (match[0].length === 0 || match[0].includes("\u0000")) continue;
      const at = match.index ?? 0;
      if (!best || at < best.at || (at === best.at && at + match[0].length > best.end)) best = { at, end: at + match[0].length, category: rule.category };
      break;
    }
  }
  if (!best) return null;
  const phrase = text.slice(index[best.at], index[best.end]).trim();
  return { category: best.category, phrase };
}

/** Every field with a problem, by field name. */
export function checkFields(fields: Record<string, string | null | undefined>): Record<string, ContentFinding> {
  const found: Record<string, ContentFinding> = {};
  for (const [name, text] of Object.entries(fields)) {
    const finding = checkText(text);
    if (finding) found[name] = finding;
  }
  return found;
}

/** The form error for a finding: an i18n key with the phrase as its parameter. */
export function findingMessage(finding: ContentFinding): string {
  return `postings.check.${finding.category}?phrase=${encodeURIComponent(finding.phrase)}`;
}
