/**
 * Ankang's divisions for the demo. County codes are the national GB/T 2260 codes; town codes follow
 * the statistical scheme (county code + 3 digits), numbered in the order listed here. Another city
 * loads its own list in the same shape.
 */
export interface RegionSeed {
  code: string;
  name: string;
  nameEn: string;
  level: "province" | "city" | "county" | "town" | "village";
  parentCode: string | null;
}

export const CITY = { code: "610900", name: "安康市", nameEn: "Ankang City" } as const;
export const PROVINCE = { code: "610000", name: "陕西省", nameEn: "Shaanxi Province" } as const;

interface CountySeed {
  code: string;
  name: string;
  nameEn: string;
  /** Rough share of the city's jobs, for realistic spread of demo postings. */
  weight: number;
  towns: string[];
}

export const COUNTIES: CountySeed[] = [
  {
    code: "610902", name: "汉滨区", nameEn: "Hanbin District", weight: 30,
    towns: ["老城街道", "新城街道", "江北街道", "建民街道", "关庙镇", "张滩镇", "瀛湖镇", "五里镇", "大同镇", "恒口镇",
      "吉河镇", "流水镇", "大竹园镇", "洪山镇", "茨沟镇", "大河镇", "沈坝镇", "双溪镇", "叶坪镇", "中原镇",
      "早阳镇", "石梯镇", "关家镇", "县河镇", "晏坝镇", "谭坝镇", "坝河镇", "牛蹄镇", "紫荆镇"],
  },
  {
    code: "610921", name: "汉阴县", nameEn: "Hanyin County", weight: 9,
    towns: ["城关镇", "涧池镇", "蒲溪镇", "平梁镇", "双乳镇", "铁佛寺镇", "漩涡镇", "汉阳镇", "双河口镇", "观音河镇"],
  },
  {
    code: "610922", name: "石泉县", nameEn: "Shiquan County", weight: 6,
    towns: ["城关镇", "饶峰镇", "两河镇", "迎丰镇", "池河镇", "后柳镇", "喜河镇", "熨斗镇", "云雾山镇", "中池镇", "曾溪镇"],
  },
  {
    code: "610923", name: "宁陕县", nameEn: "Ningshan County", weight: 3,
    towns: ["城关镇", "四亩地镇", "江口回族镇", "广货街镇", "龙王镇", "筒车湾镇", "金川镇", "皇冠镇", "太山庙镇", "梅子镇", "新场镇"],
  },
  {
    code: "610924", name: "紫阳县", nameEn: "Ziyang County", weight: 10,
    towns: ["城关镇", "蒿坪镇", "汉王镇", "焕古镇", "向阳镇", "洞河镇", "洄水镇", "双桥镇", "高桥镇", "红椿镇",
      "高滩镇", "毛坝镇", "瓦庙镇", "麻柳镇", "双安镇", "东木镇", "界岭镇"],
  },
  {
    code: "610925", name: "岚皋县", nameEn: "Langao County", weight: 5,
    towns: ["城关镇", "佐龙镇", "滔河镇", "官元镇", "石门镇", "民主镇", "大道河镇", "蔺河镇", "四季镇", "孟石岭镇", "堰门镇", "南宫山镇"],
  },
  {
    code: "610926", name: "平利县", nameEn: "Pingli County", weight: 7,
    towns: ["城关镇", "兴隆镇", "老县镇", "大贵镇", "三阳镇", "洛河镇", "广佛镇", "八仙镇", "长安镇", "西河镇", "正阳镇"],
  },
  {
    code: "610927", name: "镇坪县", nameEn: "Zhenping County", weight: 2,
    towns: ["城关镇", "曾家镇", "牛头店镇", "钟宝镇", "上竹镇", "华坪镇", "曙坪镇"],
  },
  {
    code: "610929", name: "白河县", nameEn: "Baihe County", weight: 6,
    towns: ["城关镇", "中厂镇", "构朳镇", "卡子镇", "茅坪镇", "宋家镇", "西营镇", "仓上镇", "冷水镇", "双丰镇", "麻虎镇"],
  },
  {
    code: "610981", name: "旬阳市", nameEn: "Xunyang City", weight: 12,
    towns: ["城关镇", "棕溪镇", "关口镇", "蜀河镇", "双河镇", "小河镇", "赵湾镇", "麻坪镇", "甘溪镇", "白柳镇",
      "吕河镇", "神河镇", "赤岩镇", "铜钱关镇", "段家河镇", "金寨镇", "桐木镇", "仙河镇", "石门镇", "红军镇", "仁河口镇"],
  },
];

/** "汉滨区" → "汉滨": how people name a county in titles and company names. */
export function shortCountyName(name: string): string {
  return name.replace(/(区|县|市)$/, "");
}

export interface TownSeed {
  code: string;
  name: string;
  countyCode: string;
}

export function townsOf(county: CountySeed): TownSeed[] {
  return county.towns.map((name, index) => ({
    code: `${county.code}${String(index + 1).padStart(3, "0")}`,
    name,
    countyCode: county.code,
  }));
}

export const ALL_TOWNS: TownSeed[] = COUNTIES.flatMap(townsOf);

export function regionRows(toEnglish: (name: string) => string): RegionSeed[] {
  return [
    { ...PROVINCE, level: "province", parentCode: null },
    { ...CITY, level: "city", parentCode: PROVINCE.code },
    ...COUNTIES.map((c) => ({ code: c.code, name: c.name, nameEn: c.nameEn, level: "county" as const, parentCode: CITY.code })),
    ...ALL_TOWNS.map((t) => ({ code: t.code, name: t.name, nameEn: toEnglish(t.name), level: "town" as const, parentCode: t.countyCode })),
  ];
}
