import type Database from "better-sqlite3";
import { pinyin } from "pinyin-pro";
import { BENCH_QUERIES } from "../../scripts/bench-queries.ts";
import type { Rng } from "./factories.ts";

/**
 * Saved searches as people make them, for the alerts benchmark and the tests that compare the
 * alerts' two ways of checking: words of the posts' titles (the common trades most often), their
 * pinyin, kinds, counties and towns, near/within, pay, now and then an industry or a group.
 */

/** What the searches are made of, read from a database with the demo data. */
export interface SearchVocabulary {
  words: string[];
  counties: string[];
  towns: string[];
  industries: string[];
}

export function searchVocabulary(sqlite: Database.Database): SearchVocabulary {
  const titles = sqlite.prepare("SELECT title, count(*) AS n FROM Posting WHERE status = 'published' GROUP BY title ORDER BY n DESC").all() as { title: string; n: number }[];
  const weight = new Map<string, number>();
  const add = (word: string, n: number) => {
    const w = word.trim();
    if (w.length >= 2 && w.length <= 20) weight.set(w, (weight.get(w) ?? 0) + n);
  };
  for (const { title, n } of titles) {
    add(title, n);
    // The occupation before a bracket, the words in it, a trainee post's trade.
    const [head, inside] = title.split(/[（(]/);
    add(head ?? "", n);
    if (inside) add(inside.replace(/[）)].*$/, ""), n / 2);
    if (/见习|实习/.test(title)) add(title.replace(/见习岗?|实习生?/g, ""), n / 2);
  }
  for (const { q } of BENCH_QUERIES) add(q, 50);
  const words = [...weight.entries()].sort((a, b) => b[1] - a[1]).map(([w]) => w);
  // Some people type pinyin on a phone keyboard.
  const spelled = words.slice(0, 60).filter((_, i) => i % 3 === 0).map((w) => pinyin(w.replace(/[^\u4e00-\u9fff]/g, ""), { toneType: "none", type: "array" }).join(""));
  const codes = (sql: string) => (sqlite.prepare(sql).all() as { code: string }[]).map((r) => r.code);
  return {
    words: [...words, ...spelled.filter((s) => s.length >= 4)],
    counties: codes("SELECT code FROM Region WHERE level = 'county' AND code LIKE '6109%' ORDER BY code"),
    towns: codes("SELECT code FROM Region WHERE level = 'town' AND code LIKE '6109%' ORDER BY code"),
    industries: codes("SELECT DISTINCT industryCode AS code FROM Posting WHERE industryCode IS NOT NULL ORDER BY industryCode"),
  };
}

/** Popular first: rank r is drawn with weight 1/(r+1)^s (people save the common searches more often). */
export function zipfPicker<T>(items: readonly T[], rng: Rng, s = 0.9): () => T {
  const cumulative: number[] = [];
  let sum = 0;
  for (let i = 0; i < items.length; i++) cumulative.push((sum += 1 / (i + 1) ** s));
  return () => {
    const r = rng.next() * sum;
    let lo = 0;
    let hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cumulative[mid]! < r) lo = mid + 1;
      else hi = mid;
    }
    return items[lo]!;
  };
}

/** One of the choices, by weight. */
export function weighted<T>(rng: Rng, choices: readonly [T, number][]): T {
  let r = rng.next() * choices.reduce((a, [, w]) => a + w, 0);
  for (const [value, w] of choices) if ((r -= w) < 0) return value;
  return choices[choices.length - 1]![0];
}

/** A maker of search query strings (as the search page writes them, not yet normalised). */
export function savedSearchQueries(vocabulary: SearchVocabulary, rng: Rng): () => string {
  const word = zipfPicker(vocabulary.words, rng);
  const county = zipfPicker(vocabulary.counties, rng, 0.6);
  return () => {
    const p = new URLSearchParams();
    if (rng.chance(0.85)) p.set("q", word());
    for (const k of weighted<string[]>(rng, [[[], 50], [["job"], 34], [["internship"], 5], [["gig"], 5], [["course"], 3], [["base"], 1], [["job", "gig"], 2]])) p.append("kind", k);
    if (vocabulary.towns.length && rng.chance(0.1)) {
      p.set("near", rng.pick(vocabulary.towns));
      p.set("within", weighted(rng, [["10", 3], ["20", 4], ["50", 3]]));
    } else if (vocabulary.counties.length && rng.chance(0.55)) {
      const c = county();
      p.set("county", c);
      const inCounty = vocabulary.towns.filter((town) => town.startsWith(c));
      if (inCounty.length && rng.chance(0.2)) p.set("town", rng.pick(inCounty));
    }
    if (rng.chance(0.15)) p.set("pay", weighted(rng, [["3000_5000", 5], ["5000_8000", 4], ["gte8000", 2], ["lt3000", 1]]));
    if (vocabulary.industries.length && rng.chance(0.03)) p.set("industry", rng.pick(vocabulary.industries));
    if (rng.chance(0.03)) p.set("group", weighted(rng, [["rural_migrant", 3], ["returnee", 3], ["graduate", 2], ["veteran", 1]]));
    return p.toString();
  };
}
