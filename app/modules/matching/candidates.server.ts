/**
 * Candidates for a post (issue 11, point 4): people who agreed to be shown to employers as anonymous
 * candidates, ranked by the one scoring function seen from the post's side (`mutual`: the person's
 * interest in such a post × how well they fit it; both sides must fit). A candidate is shown without
 * name, phone, ID number, birth date, sex or photo: the pool query cannot read them (it selects the
 * matching columns, work titles and the coming-home month only), and the handle is opaque.
 */
import { createHmac } from "node:crypto";
import { getDb } from "../db.server.ts";
import { ownedBy, employerScope } from "../organizations/scope.ts";
import { isOpen } from "../opportunities/open.ts";
import { getBrands, getRegions } from "../regions/regions.server.ts";
import { decrypt, deriveKey, encrypt } from "../security/secrets.server.ts";
import { parseWorkHistory } from "../seekers/profile.server.ts";
import { eligible } from "./eligibility.ts";
import { itemFromPosting, type MatchPostingRow } from "./items.ts";
import { candidateNames, placeOfHome } from "./candidate-names.server.ts";
import { scoreMatch } from "./score.ts";
import { homeCodeOf, MATCHABLE_SELECT, matchSeekerFrom, type MatchableProfile } from "./seeker.ts";
import type { MatchItem, MatchSeeker, Reason, Score } from "./types.ts";

export const POSTING_MATCH_SELECT = {
  id: true, kind: true, occupationCode: true, countyCode: true, regionCode: true, lat: true, lng: true, payMax: true, payPeriod: true,
  publishedAt: true, createdAt: true, validUntil: true, workDate: true, groups: true, groupOnly: true, brandCode: true, credentials: true,
  skillCodes: true, education: true, experienceYears: true, headcount: true,
} as const satisfies Record<keyof MatchPostingRow, true>;

/** The medium group (e.g. "4-10") of an occupation code, the pool's key; null when the post names none below a major group. */
export function mediumOf(code: string | null): string | null {
  const parts = (code ?? "").split("-");
  return parts.length >= 2 ? parts.slice(0, 2).join("-") : null;
}

/** A stable, opaque order and name for a person within one post: neither reveals the account id nor sign-up order. */
function opaque(postingId: number, userId: number): string {
  return createHmac("sha256", deriveKey("lookup-hash")).update(`candidate|${postingId}|${userId}`).digest("hex");
}

/** The form's reference to a candidate: sealed (AES-GCM) and bound to the post, so it names nobody and fits no other post. */
export function candidateToken(postingId: number, userId: number): string {
  return encrypt(`candidate.${postingId}.${userId}`);
}

export function readCandidateToken(postingId: number, token: string): number | null {
  try {
    const match = /^candidate\.(\d+)\.(\d+)$/.exec(decrypt(token));
    return match && Number(match[1]) === postingId ? Number(match[2]) : null;
  } catch {
    return null;
  }
}

export interface RankedCandidate {
  userId: number;
  order: string;
  seeker: MatchSeeker;
  score: Score;
  homeCode: string | null;
  awayCityCode: string | null;
  comeHomeBy: Date | null;
  workHistory: string;
}

type PoolRow = MatchableProfile & { userId: number };
/** Exactly the columns matching may read (constants, never input). */
const POOL_COLUMNS = Object.keys(MATCHABLE_SELECT).map((column) => `p.${column}`).join(", ");
type PoolKey = { minor: string } | { medium: string; notMinor: string | null };

const num = (v: unknown) => (v === null || v === undefined ? null : Number(v));
const date = (v: unknown) => (v === null || v === undefined ? null : v instanceof Date ? v : new Date(typeof v === "bigint" ? Number(v) : (v as string | number)));

/**
 * The pool as one indexed join (SeekerOccupation by its minor or medium index, the profile by its
 * key), reading exactly the columns matching may read: the ORM's relation filter scans every
 * profile instead (1.4 s against 30 ms at 100,000 profiles), and reading these small columns for
 * everyone costs less than a second round of reads.
 */
async function poolRows(key: PoolKey): Promise<PoolRow[]> {
  const where = "minor" in key ? "o.minor = ?" : "o.medium = ? AND o.minor <> ?";
  const params = "minor" in key ? [key.minor] : [key.medium, key.notMinor ?? ""];
  const rows = await getDb().$queryRawUnsafe<PoolRow[]>(
    `SELECT DISTINCT p.userId, ${POOL_COLUMNS} FROM SeekerOccupation o JOIN SeekerProfile p ON p.userId = o.userId
      WHERE ${where} AND p.consentCandidate = 1 AND p.consentMatching = 1`,
    ...params,
  );
  return rows.map((p) => ({
    ...p, userId: Number(p.userId), wishPayMin: num(p.wishPayMin), wishStartDate: date(p.wishStartDate), travelKm: num(p.travelKm),
    graduationYear: num(p.graduationYear), experienceYears: num(p.experienceYears),
  }));
}

/** The minor group ("4-10-03") of an occupation code; null above that level. */
const minorOf = (code: string | null) => ((code ?? "").split("-").length >= 3 ? code!.split("-").slice(0, 3).join("-") : null);

/**
 * The pool and its ranking, without names. The pool is the people who want work in the post's
 * minor group (widened to its medium group when that gives fewer than `limit`), found through the
 * SeekerOccupation index, consent required. Everyone eligible is scored; the keyed, opaque tie
 * order is computed only for those who could enter the list, and only the chosen few have their
 * work titles and coming-home month read.
 */
export async function rankCandidates(row: MatchPostingRow, options: { limit?: number; now?: Date } = {}): Promise<{ item: MatchItem; ranked: RankedCandidate[]; pool: number }> {
  const { limit = 20, now = new Date() } = options;
  const item = itemFromPosting(row);
  const medium = mediumOf(row.occupationCode);
  if (!medium) return { item, ranked: [], pool: 0 };
  const nowSec = Math.floor(now.getTime() / 1000);
  const scored: { profile: PoolRow; seeker: MatchSeeker; score: Score }[] = [];
  let size = 0;
  const take = async (key: PoolKey) => {
    const rows = await poolRows(key);
    size += rows.length;
    for (const profile of rows) {
      const seeker = matchSeekerFrom(profile);
      if (eligible(seeker, item, nowSec)) scored.push({ profile, seeker, score: scoreMatch(seeker, item, { nowSec }) });
    }
  };
  const minor = minorOf(row.occupationCode);
  if (minor) await take({ minor });
  if (scored.length < limit) await take({ medium, notMinor: minor });
  scored.sort((a, b) => b.score.mutual - a.score.mutual);
  // Everyone tied with the last place is ordered by the opaque key, so a tie never favours early sign-ups.
  const cut = scored[Math.min(limit, scored.length) - 1]?.score.mutual ?? 0;
  const contenders = scored.filter((s, i) => i < limit || s.score.mutual === cut).map((s) => ({ ...s, order: opaque(row.id, s.profile.userId) }));
  contenders.sort((a, b) => b.score.mutual - a.score.mutual || (a.order < b.order ? -1 : a.order > b.order ? 1 : 0));
  const chosen = contenders.slice(0, limit);
  const extras = await getDb().seekerProfile.findMany({ where: { userId: { in: chosen.map((c) => c.profile.userId) } }, select: { userId: true, workHistory: true, comeHomeBy: true } });
  const extraOf = new Map(extras.map((e) => [e.userId, e]));
  const ranked = chosen.map((c): RankedCandidate => ({
    userId: c.profile.userId,
    order: c.order,
    seeker: c.seeker,
    score: c.score,
    homeCode: homeCodeOf(c.profile),
    awayCityCode: c.profile.awayCityCode,
    comeHomeBy: extraOf.get(c.profile.userId)?.comeHomeBy ?? null,
    workHistory: extraOf.get(c.profile.userId)?.workHistory ?? "",
  }));
  return { item, ranked, pool: size };
}

/** The same, from the post's id (for measuring): the row, the pool and the ranking. */
export async function rankCandidatesFor(postingId: number, options: { limit?: number; now?: Date } = {}) {
  const row = await getDb().posting.findUnique({ where: { id: postingId }, select: POSTING_MATCH_SELECT });
  return row ? rankCandidates(row, options) : null;
}

export type CandidateStatus = "sent" | "applied" | "declined" | "withdrawn" | null;

export interface CandidateView {
  /** Sealed reference for the invite form. */
  token: string;
  /** Six characters to tell candidates apart on the page ("候选人 7F3A2C"). */
  code: string;
  occupations: string[];
  credentials: { name: string; matched: boolean }[];
  skills: { name: string; matched: boolean }[];
  missing: string[];
  experienceYears: number;
  education: string;
  work: { title: string; from: string; to: string }[];
  place: string;
  availableFrom: string | null;
  comingHome: string | null;
  km: number | null;
  reasons: { key: string; params: Record<string, string | number> }[];
  /** The invitation's state, or "applied" when the person applied (with or without one). */
  status: CandidateStatus;
}

export type CandidatesPage =
  | { state: "open"; candidates: CandidateView[] }
  | { state: "not_open" | "no_occupation"; candidates: [] };

/** Reasons an employer reads; the post's own facts (freshness, openings) are left out. */
const EMPLOYER_REASONS = new Set<Reason["key"]>(["occupation", "near", "inCounty", "credentialHave", "skillHave", "missing", "brandTrained", "internshipFor", "youthInternship", "payMeets", "payBelow", "groupFor"]);

/**
 * The candidates section of the employer's post page: null when the post is not in the employer's
 * scope (404), an explained empty state when it is not open or names no occupation.
 */
export async function loadCandidates(actor: { id: number }, postingId: number, lang: string, options: { limit?: number; now?: Date } = {}): Promise<CandidatesPage | null> {
  const now = options.now ?? new Date();
  const scope = await employerScope(actor);
  const db = getDb();
  const row = await db.posting.findFirst({ where: { id: postingId, ...ownedBy(scope) }, select: { ...POSTING_MATCH_SELECT, status: true } });
  if (!row) return null;
  if (!isOpen.posting(row, now)) return { state: "not_open", candidates: [] };
  if (!mediumOf(row.occupationCode)) return { state: "no_occupation", candidates: [] };
  const { item, ranked } = await rankCandidates(row, { limit: options.limit, now });
  const ids = ranked.map((c) => c.userId);
  const [invitations, applications, regions, brands] = await Promise.all([
    db.candidateInvitation.findMany({ where: { postingId, seekerId: { in: ids } }, select: { seekerId: true, status: true } }),
    db.application.findMany({ where: { postingId, seekerId: { in: ids } }, select: { seekerId: true } }),
    getRegions(),
    getBrands(),
  ]);
  const invited = new Map(invitations.map((i) => [i.seekerId, i.status as CandidateStatus]));
  const applied = new Set(applications.map((a) => a.seekerId));
  const names = candidateNames(regions, lang, brands);
  const required = new Set([...item.credentials, ...item.skills]);
  return {
    state: "open",
    candidates: ranked.map((c): CandidateView => ({
      token: candidateToken(postingId, c.userId),
      code: c.order.slice(0, 6).toUpperCase(),
      occupations: c.seeker.wishOccupations.map(names.occupation),
      credentials: c.seeker.credentials.map((code) => ({ name: names.credential(code), matched: required.has(code) })),
      skills: c.seeker.skills.map((code) => ({ name: names.skill(code), matched: required.has(code) })),
      missing: [...c.score.missing.credentials.map(names.credential), ...c.score.missing.skills.map(names.skill)],
      experienceYears: c.seeker.experienceYears,
      education: c.seeker.education,
      work: parseWorkHistory(c.workHistory).filter((w) => w.title).map((w) => ({ title: w.title ?? "", from: w.from ?? "", to: w.to ?? "" })),
      place: placeOfHome(regions, c.homeCode, lang),
      availableFrom: c.seeker.availableFrom !== null ? new Date(c.seeker.availableFrom * 1000).toISOString().slice(0, 10) : null,
      comingHome: c.awayCityCode && c.comeHomeBy ? c.comeHomeBy.toISOString().slice(0, 7) : null,
      km: c.score.km === null ? null : Math.round(c.score.km),
      reasons: c.score.reasons.filter((r) => EMPLOYER_REASONS.has(r.key)).map(names.reason),
      status: applied.has(c.userId) ? "applied" : (invited.get(c.userId) ?? null),
    })),
  };
}
