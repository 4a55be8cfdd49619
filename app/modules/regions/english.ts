import { pinyin } from "pinyin-pro";

/**
 * English names for a division list nobody translated: the pinyin of the name's stem plus its kind
 * ("恒口镇" → "Hengkou Town", "旬阳市" → "Xunyang City"). Longest suffixes first, so "自治县" is not
 * read as "县" and "回族镇" not as "镇".
 */
const SUFFIXES: Record<string, [string, string][]> = {
  province: [["维吾尔自治区", "Uygur Autonomous Region"], ["壮族自治区", "Zhuang Autonomous Region"], ["回族自治区", "Hui Autonomous Region"], ["自治区", "Autonomous Region"], ["省", "Province"], ["市", "Municipality"]],
  city: [["自治州", "Autonomous Prefecture"], ["地区", "Prefecture"], ["盟", "League"], ["市", "City"]],
  county: [["自治县", "Autonomous County"], ["自治旗", "Autonomous Banner"], ["林区", "Forestry District"], ["特区", "Special District"], ["新区", "New Area"], ["区", "District"], ["县", "County"], ["旗", "Banner"], ["市", "City"]],
  town: [
    ["回族镇", "Hui Town"], ["民族乡", "Ethnic Township"], ["族乡", "Ethnic Township"], ["街道办事处", "Subdistrict"], ["街道", "Subdistrict"],
    ["经济开发区", "Economic Development Zone"], ["开发区", "Development Zone"], ["地区", "Area"], ["苏木", "Sumu"], ["林场", "Forest Farm"],
    ["农场", "Farm"], ["牧场", "Ranch"], ["园区", "Park"], ["矿区", "Mining Area"], ["办事处", "Office"], ["镇", "Town"], ["乡", "Township"],
  ],
  village: [["社区居委会", "Community"], ["居委会", "Residents' Committee"], ["村委会", "Village"], ["社区", "Community"], ["村", "Village"]],
};

/** Names the world spells otherwise than their pinyin, and list entries that are not places. */
const WHOLE: Record<string, string> = {
  陕西省: "Shaanxi Province",
  内蒙古自治区: "Inner Mongolia Autonomous Region",
  西藏自治区: "Tibet Autonomous Region",
  市辖区: "City Districts",
  县: "Counties",
  省直辖县级行政区划: "County-level Divisions under the Province",
  自治区直辖县级行政区划: "County-level Divisions under the Region",
};

function capitalised(name: string): string {
  const py = pinyin(name, { toneType: "none", type: "array", v: true, nonZh: "consecutive" }).join("");
  return `${py.charAt(0).toUpperCase()}${py.slice(1)}`;
}

export type RegionLevel = "province" | "city" | "county" | "town" | "village";

export function englishRegionName(name: string, level: RegionLevel): string {
  const whole = WHOLE[name];
  if (whole) return whole;
  const suffix = SUFFIXES[level]!.find(([zh]) => name.endsWith(zh) && name.length > zh.length);
  if (!suffix) return capitalised(name);
  return `${capitalised(name.slice(0, -suffix[0].length))} ${suffix[1]}`;
}

/** "恒口镇" → "Hengkou Town": the town rule, which the demo's names use. */
export function englishPlaceName(name: string): string {
  return englishRegionName(name, "town");
}
