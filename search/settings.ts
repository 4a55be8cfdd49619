import { createHash } from "node:crypto";

/** Index settings live here, in code; boot applies them idempotently. */
export const indexSettings = {
  searchableAttributes: ["title", "orgName", "details", "summary", "grams", "pinyin", "initials"],
  filterableAttributes: ["kind", "countyCode", "townCode", "industry", "groups", "brand", "occupation", "occupationGroups", "groupOnly", "credentials", "payBand", "payMonthly", "postedAt", "validUntil", "_geo"],
  sortableAttributes: ["postedAt", "payMonthly", "validUntil", "_geo"],
  displayedAttributes: ["id", "kind", "countyCode", "groups", "brand", "occupation", "credentials", "groupOnly", "postedAt", "_geo", "card", "match"],
  rankingRules: ["words", "typo", "proximity", "attribute", "exactness", "sort"],
  localizedAttributes: [{ attributePatterns: ["title", "orgName", "details", "summary", "grams"], locales: ["cmn"] }],
  typoTolerance: { enabled: true, minWordSizeForTypos: { oneTypo: 5, twoTypos: 9 }, disableOnAttributes: ["grams", "initials"] },
  synonyms: synonymGroups([
    ["实习", "见习"],
    ["零工", "短工", "临时工", "日结", "兼职"],
    ["返乡", "归雁"],
    ["孵化基地", "众创空间", "孵化园"],
    ["护工", "护理员"],
    ["厨师", "美厨"],
    ["家政", "保洁"],
  ]),
  faceting: { maxValuesPerFacet: 200 },
  pagination: { maxTotalHits: 10_000 },
} as const;

function synonymGroups(groups: string[][]): Record<string, string[]> {
  const map: Record<string, string[]> = {};
  for (const group of groups) for (const word of group) map[word] = group.filter((w) => w !== word);
  return map;
}

/**
 * The documents' shape: change it when what a document holds changes (a new field, a card change,
 * new place data), so that boot rebuilds an index made by older code.
 */
const DOCUMENTS_VERSION = "4: what matching reads (required certificates and skills, openings, who may take it)";

export const settingsHash = createHash("sha256").update(JSON.stringify(indexSettings)).update(DOCUMENTS_VERSION).digest("hex").slice(0, 16);
