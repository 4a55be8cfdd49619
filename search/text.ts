import { pinyin } from "pinyin-pro";

const CJK = /[\u3400-\u9fff]/;
const CJK_RUN = /[\u3400-\u9fff]+/g;
const MAX_PINYIN_SPAN = 8;

/**
 * Pinyin tokens for every suffix of the text's Chinese runs, so that a typed "xiujiao" (full pinyin)
 * or "xjs" (initials) prefix-matches 修脚师 even in the middle of a longer title.
 */
export function pinyinTokens(text: string): { full: string; initials: string } {
  const full = new Set<string>();
  const initials = new Set<string>();
  for (const run of text.match(CJK_RUN) ?? []) {
    const syllables = pinyin(run, { toneType: "none", type: "array", v: true });
    const firsts = syllables.map((s) => s[0] ?? "");
    for (let i = 0; i < syllables.length; i++) {
      const end = Math.min(syllables.length, i + MAX_PINYIN_SPAN);
      full.add(syllables.slice(i, end).join("").toLowerCase());
      if (end - i >= 2) initials.add(firsts.slice(i, end).join("").toLowerCase());
    }
  }
  return { full: [...full].join(" "), initials: [...initials].join(" ") };
}

/**
 * Chinese bigrams of the text. Meilisearch matches word prefixes only and its segmenter keeps
 * words such as 在建工程 whole, so 工程 would miss it; indexing bigrams covers those infixes.
 */
export function chineseBigrams(text: string): string {
  const grams = new Set<string>();
  for (const run of text.match(CJK_RUN) ?? []) {
    for (let i = 0; i + 1 < run.length; i++) grams.add(run.slice(i, i + 2));
  }
  return [...grams].join(" ");
}

export function hasChinese(text: string): boolean {
  return CJK.test(text);
}

/** Terms to mark in a text: query words and Chinese bigrams of the query. */
export function highlightTerms(query: string): string[] {
  const terms = new Set<string>();
  for (const word of query.trim().split(/\s+/)) {
    if (!word) continue;
    terms.add(word);
  }
  return [...terms].sort((a, b) => b.length - a.length);
}
