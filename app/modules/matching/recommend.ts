/**
 * From retrieved documents to a person's recommendations, pure but for the exposure ledger it is
 * given: every hit checked against the hard conditions again, scored by score.ts, ranked by
 * interest × chance, spread so no post fills everyone's list, and split into the sections a page
 * shows: the best matches, one or two related occupations with more openings (Platsbanken's trial:
 * widening works best), start-up bases for a founder, and courses toward what the work asks.
 */
import type { MatchDoc, MatchRetrieval } from "../../../search/match.ts";
import { eligible } from "./eligibility.ts";
import type { ExposureLedger } from "./exposure.ts";
import { itemFromDoc } from "./items.ts";
import { scoreMatch } from "./score.ts";
import type { MatchItem, MatchSeeker, Score } from "./types.ts";

export interface Ranked {
  doc: MatchDoc;
  item: MatchItem;
  score: Score;
}

export interface Widening {
  /** The wanted occupation it widens, and the related one, with its open items within reach. */
  from: string;
  occupation: string;
  count: number;
  items: Ranked[];
}

export interface Recommendations {
  top: Ranked[];
  widened: Widening[];
  bases: Ranked[];
  courses: Ranked[];
}

export interface RecommendOptions {
  now: Date;
  /** Who the list is for (exposure counts people, not page views). */
  person: string;
  ledger: ExposureLedger;
  /** Applications so far per posting id. */
  applications?: (postingId: number) => number;
  /** Items the person marked "not interested", and their occupations (similar ones are lowered). */
  hidden?: Set<string>;
  dislikedOccupations?: string[];
  limit?: number;
  /** Record this list's items as shown (a page view does; a test may look without counting). */
  record?: boolean;
}

const WIDEN_OCCUPATIONS = 2;
const WIDEN_ITEMS = 2;
const SIDE_ITEMS = 3;
/** Below this many, capped items are still shown rather than leave the list almost empty. */
const MIN_LIST = 3;

function scored(seeker: MatchSeeker, docs: MatchDoc[], options: RecommendOptions, seen: Set<string>): Ranked[] {
  const nowSec = Math.floor(options.now.getTime() / 1000);
  const out: Ranked[] = [];
  for (const doc of docs) {
    if (seen.has(doc.id) || options.hidden?.has(doc.id)) continue;
    seen.add(doc.id);
    const applications = doc.kind === "base" || doc.kind === "course" ? 0 : (options.applications?.(doc.card.id) ?? 0);
    const item = itemFromDoc(doc, applications);
    if (!eligible(seeker, item, nowSec)) continue;
    const score = scoreMatch(seeker, item, { nowSec, shownToday: options.ledger.count(doc.id, options.now), dislikedOccupations: options.dislikedOccupations });
    out.push({ doc, item, score });
  }
  return out.sort((a, b) => b.score.total - a.score.total || (a.doc.id < b.doc.id ? -1 : 1));
}

/** The best `limit` items that may still be shown today; capped ones only to fill a very short list. */
function spread(ranked: Ranked[], limit: number, options: RecommendOptions): Ranked[] {
  const chosen: Ranked[] = [];
  const capped: Ranked[] = [];
  for (const r of ranked) {
    if (chosen.length >= limit) break;
    if (options.ledger.mayShow(r.doc.id, options.person, options.now)) chosen.push(r);
    else capped.push(r);
  }
  if (chosen.length < MIN_LIST) chosen.push(...capped.slice(0, MIN_LIST - chosen.length));
  return chosen;
}

function widen(seeker: MatchSeeker, retrieval: MatchRetrieval, pool: Ranked[], options: RecommendOptions): Widening[] {
  if (!seeker.wishOccupations.length) return [];
  const wanted = new Set(seeker.wishOccupations);
  const wantedCount = Math.max(0, ...seeker.wishOccupations.map((c) => retrieval.occupationCounts[c] ?? 0));
  const related = Object.entries(retrieval.occupationCounts)
    .filter(([code, count]) => !wanted.has(code) && count > wantedCount)
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .slice(0, WIDEN_OCCUPATIONS);
  return related
    .map(([occupation, count]) => {
      const items = spread(pool.filter((r) => r.item.occupation === occupation), WIDEN_ITEMS, options);
      const from = seeker.wishOccupations.find((w) => w.split("-").slice(0, 2).join("-") === occupation.split("-").slice(0, 2).join("-")) ?? seeker.wishOccupations[0]!;
      for (const r of items) r.score.reasons.unshift({ key: "widened", from, to: occupation });
      return { from, occupation, count, items };
    })
    .filter((w) => w.items.length > 0);
}

export function recommend(seeker: MatchSeeker, retrieval: MatchRetrieval, options: RecommendOptions): Recommendations {
  const limit = options.limit ?? 10;
  const seen = new Set<string>();
  const wanted = scored(seeker, retrieval.wanted, options, seen);
  const related = scored(seeker, retrieval.related, options, seen);
  // Too few of the wanted work within reach: its relatives fill the list (scored lower by the occupation factor).
  const main = wanted.length >= limit ? wanted : [...wanted, ...related].sort((a, b) => b.score.total - a.score.total);
  const top = spread(main, limit, options);
  const inTop = new Set(top.map((r) => r.doc.id));
  const widened = widen(seeker, retrieval, [...wanted, ...related].filter((r) => !inTop.has(r.doc.id)), options);
  const bases = spread(scored(seeker, retrieval.bases, options, seen), SIDE_ITEMS, options);
  const courses = spread(scored(seeker, retrieval.courses, options, seen), SIDE_ITEMS, options);
  if (options.record !== false) {
    options.ledger.record(options.person, [...top, ...widened.flatMap((w) => w.items), ...bases, ...courses].map((r) => r.doc.id), options.now);
  }
  return { top, widened, bases, courses };
}
