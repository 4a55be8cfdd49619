/** Realistic queries people type, each with the filters they would add. */
export const BENCH_QUERIES: { q: string; params?: Record<string, string> }[] = [
  { q: "修脚师" }, { q: "电子线束", params: { county: "610902" } }, { q: "养老护理员" }, { q: "厨师", params: { kind: "job" } },
  { q: "保温工", params: { county: "610929" } }, { q: "家政", params: { group: "rural_migrant" } }, { q: "见习", params: { kind: "internship" } },
  { q: "会计", params: { kind: "internship" } }, { q: "零工", params: { kind: "gig" } }, { q: "日结", params: { county: "610902" } },
  { q: "缝纫工", params: { industry: "plush_toys" } }, { q: "毛绒玩具" }, { q: "富硒茶" }, { q: "茶叶加工", params: { county: "610924" } },
  { q: "仓储 分拣" }, { q: "物流 司机", params: { sort: "pay" } }, { q: "施工员" }, { q: "工程" }, { q: "在建工程" },
  { q: "创业 孵化", params: { kind: "base" } }, { q: "返乡创业" }, { q: "母婴护理" }, { q: "育婴师", params: { kind: "course" } },
  { q: "导游", params: { county: "610923" } }, { q: "康养" }, { q: "装配工", params: { pay: "3000_5000" } }, { q: "电工", params: { sort: "newest" } },
  { q: "焊工" }, { q: "普工 包吃住" }, { q: "销售", params: { posted: "7" } }, { q: "教师" }, { q: "护士", params: { county: "610981" } },
  { q: "xiujiao" }, { q: "xjs" }, { q: "保安", params: { group: "veteran" } },
];
