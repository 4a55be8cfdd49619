/**
 * Candidates for a post (issue 11, point 4): people who agreed to be shown to employers as anonymous
 * candidates, ranked by the one scoring function seen from the post's side (`mutual`: the person's
 * interest in such a post × how well they fit it; both sides must fit). A candidate is shown without
 * name, phone, ID number, birth date, sex or photo: the pool query cannot read them (it selects the
 * matching columns, work titles and the coming-home month only), and the handle is opaque.
 */
import { createHmac } from "node:crypto";
import { toCommaList } from "../../utils/comma-list.ts";
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

/** What the pool reads of a profile: the matching columns, work history (only titles and dates leave here) and the coming-home month. */
const POOL_SELECT = { userId: true, ...MATCHABLE_SELECT, workHistory: true, comeHomeBy: true } as const;

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

/** What the hard conditions read (kinds, place and reach, groups, graduation) and the wanted occupations: the first, light read of the pool. */
type LightRow = Pick<MatchableProfile, "wishOccupations" | "wishKinds" | "wishCounties" | "travelKm" | "hometownCode" | "currentRegionCode" | "awayCityCode" | "groups" | "graduationYear" | "education"> & { userId: number };
const UNREAD: Omit<MatchableProfile, keyof LightRow> = {
  wishPayMin: null, wishStartDate: null, credentials: ",", skillCodes: ",", experienceYears: null, brandsTrained: ",",
};


/**
 * The wide, light read as one indexed join (SeekerOccupation by its minor or medium index, the
 * profile by its key): the ORM's relation filter scans every profile instead (1.4 s against 30 ms
 * at 100,000 profiles).
 */
async function lightPool(where: { minor: string } | { medium: string; notMinor: string | null }): Promise<LightRow[]> {
  const db = getDb();
  const rows = "minor" in where
    ? await db.$queryRaw<LightRow[]>`SELECT DISTINCT p.userId, p.wishOccupations, p.wishKinds, p.wishCounties, p.travelKm, p.hometownCode, p.currentRegionCode, p.awayCityCode, p.groups, p.graduationYear, p.education
        FROM SeekerOccupation o JOIN SeekerProfile p ON p.userId = o.userId
        WHERE o.minor = ${where.minor} AND p.consentCandidate = 1 AND p.consentMatching = 1`
    : await db.$queryRaw<LightRow[]>`SELECT DISTINCT p.userId, p.wishOccupations, p.wishKinds, p.wishCounties, p.travelKm, p.hometownCode, p.currentRegionCode, p.awayCityCode, p.groups, p.graduationYear, p.education
        FROM SeekerOccupation o JOIN SeekerProfile p ON p.userId = o.userId
        WHERE o.medium = ${where.medium} AND o.minor <> ${where.notMinor ?? ""} AND p.consentCandidate = 1 AND p.consentMatching = 1`;
  const num = (v: unknown) => (v === null || v === undefined ? null : Number(v));
  return rows.map((p) => ({ ...p, userId: Number(p.userId), travelKm: num(p.travelKm), graduationYear: num(p.graduationYear) }));
}

/** Full profiles read per step (well inside SQLite's bound-parameter limit). */
const CHUNK = 200;

/** The minor group ("4-10-03") of an occupation code; null above that level. */
const minorOf = (code: string | null) => ((code ?? "").split("-").length >= 3 ? code!.split("-").slice(0, 3).join("-") : null);

/**
 * The pool and its ranking, without names. The pool is the people who want work in the post's
 * minor group (widened to its medium group when that gives fewer than `limit`), found through the
 * SeekerOccupation index, consent required; read in two steps so that the wide part stays light:
 * first what the hard conditions need (eligible(), which ends with withinReach()), then, for those
 * who pass, the rest of what matching may read. Then the score and a keyed, opaque tie order.
 */
export async function rankCandidates(row: MatchPostingRow, options: { limit?: number; now?: Date } = {}): Promise<{ item: MatchItem; ranked: RankedCandidate[]; pool: number }> {
  const { limit = 20, now = new Date() } = options;
  const item = itemFromPosting(row);
  const medium = mediumOf(row.occupationCode);
  if (!medium) return { item, ranked: [], pool: 0 };
  const db = getDb();
  const nowSec = Math.floor(now.getTime() / 1000);
  const consent = { consentCandidate: true, consentMatching: true } as const;
  // The best `mutual` a person could reach once the rest is read (all that is asked, no pay floor, the
  // post's brand): every factor only falls from there, so the rest is read best bound first, in
  // chunks, until no one left could enter the list.
  const optimistic = { credentials: toCommaList(item.credentials), skillCodes: toCommaList(item.skills), experienceYears: 99, brandsTrained: toCommaList(item.brand ? [item.brand] : []), wishPayMin: null, wishStartDate: null };
  const reachable = async (where: { minor: string } | { medium: string; notMinor: string | null }) => {
    const light = await lightPool(where);
    const out: { id: number; bound: number }[] = [];
    for (const p of light) {
      const best = matchSeekerFrom({ ...p, ...optimistic, education: "master" });
      if (eligible(matchSeekerFrom({ ...UNREAD, ...p }), item, nowSec)) out.push({ id: p.userId, bound: scoreMatch(best, item, { nowSec }).mutual });
    }
    return { size: light.length, people: out };
  };
  const minor = minorOf(row.occupationCode);
  let pool = minor ? await reachable({ minor }) : { size: 0, people: [] as { id: number; bound: number }[] };
  if (pool.people.length < limit) {
    const wider = await reachable({ medium, notMinor: minor });
    pool = { size: pool.size + wider.size, people: [...pool.people, ...wider.people] };
  }
  pool.people.sort((a, b) => b.bound - a.bound);
  const ranked: RankedCandidate[] = [];
  const kth = () => (ranked.length < limit ? -1 : ranked.map((c) => c.score.mutual).sort((a, b) => b - a)[limit - 1]!);
  for (let at = 0; at < pool.people.length && pool.people[at]!.bound >= kth(); at += CHUNK) {
    const ids = pool.people.slice(at, at + CHUNK).map((p) => p.id);
    for (const profile of await db.seekerProfile.findMany({ where: { userId: { in: ids }, ...consent }, select: POOL_SELECT })) {
      const seeker = matchSeekerFrom(profile);
      ranked.push({
        userId: profile.userId,
        order: opaque(row.id, profile.userId),
        seeker,
        score: scoreMatch(seeker, item, { nowSec }),
        homeCode: homeCodeOf(profile),
        awayCityCode: profile.awayCityCode,
        comeHomeBy: profile.comeHomeBy,
        workHistory: profile.workHistory,
      });
    }
  }
  ranked.sort((a, b) => b.score.mutual - a.score.mutual || (a.order < b.order ? -1 : a.order > b.order ? 1 : 0));
  return { item, ranked: ranked.slice(0, limit), pool: pool.size };
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
