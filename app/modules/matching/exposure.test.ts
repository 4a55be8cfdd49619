import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rebuildIndex } from "../../../search/indexer.ts";
import type { MatchDoc, MatchRequest, MatchRetrieval } from "../../../search/match.ts";
import { createTestServices, seedNow, type TestServices } from "../../../tests/setup/test-env.ts";
import { seekerProfiles } from "../../../prisma/seed/seekers.ts";
import { greatCircleKm } from "../places/distance.ts";
import { ExposureLedger, DAILY_EXPOSURE_CAP } from "./exposure.ts";
import { recommend } from "./recommend.ts";
import { matchRequestFor } from "./request.ts";
import { matchSeekerFrom, type MatchableProfile } from "./seeker.ts";

const SEEKERS = 10_000;
const minorOf = (code: string) => code.split("-").slice(0, 3).join("-");
const mediumOf = (code: string) => code.split("-").slice(0, 2).join("-");

/**
 * search/match.ts's filters, evaluated in memory over the index's own documents, so that 10,000
 * people's lists can be made in seconds; the ranking and the ledger are the real ones. Documents
 * are bucketed by kind and medium group, and distances kept per pair of points (towns share their
 * county seat's), which is what makes it fast.
 */
function memoryRetriever(docs: MatchDoc[], nowSec: number) {
  const open = docs.filter((d) => d.match.validUntil >= nowSec);
  const byMedium = new Map<string, MatchDoc[]>();
  for (const d of open) if (d.occupation && d.kind !== "base") byMedium.set(mediumOf(d.occupation), [...(byMedium.get(mediumOf(d.occupation)) ?? []), d]);
  const bases = open.filter((d) => d.kind === "base");
  const courses = open.filter((d) => d.kind === "course");
  const km = new Map<string, number>();
  const distance = (a: { lat: number; lng: number }, b: { lat: number; lng: number }) => {
    const key = `${a.lat},${a.lng},${b.lat},${b.lng}`;
    let d = km.get(key);
    if (d === undefined) km.set(key, (d = greatCircleKm(a, b)));
    return d;
  };
  return (req: MatchRequest): MatchRetrieval => {
    const origin = req.place.origin;
    const inPlace = (d: MatchDoc, widen = 1) =>
      (!req.place.counties.length && !origin) || req.place.counties.includes(d.countyCode) || (!!origin && !!d._geo && distance(origin, d._geo) <= req.place.radiusKm * widen);
    const mayTake = (d: MatchDoc) => !d.groupOnly || d.groups.some((g) => req.groups.includes(g));
    const sorted = (list: MatchDoc[], limit: number) =>
      list
        .sort((a, b) => (origin && a._geo && b._geo ? distance(origin, a._geo) - distance(origin, b._geo) : 0) || b.postedAt - a.postedAt)
        .slice(0, limit);
    const minors = req.occupations.map(minorOf);
    const mediums = [...new Set(req.occupations.map(mediumOf))];
    const pool = req.occupations.length ? mediums.flatMap((m) => byMedium.get(m) ?? []) : open.filter((d) => d.kind !== "base" && d.kind !== "course");
    const work = pool.filter((d) => (req.postingKinds as string[]).includes(d.kind) && mayTake(d) && inPlace(d));
    const isWanted = (d: MatchDoc) => !req.occupations.length || req.occupations.includes(d.occupation!) || minors.includes(minorOf(d.occupation!));
    const wanted = work.filter(isWanted);
    const related = req.occupations.length ? work.filter((d) => !isWanted(d)) : [];
    const counts: Record<string, number> = {};
    for (const d of work) if (d.occupation) counts[d.occupation] = (counts[d.occupation] ?? 0) + 1;
    const leads = (d: MatchDoc) => !!d.occupation && (req.occupations.includes(d.occupation) || minors.includes(minorOf(d.occupation)) || d.credentials.some((c) => req.missingCredentials.includes(c)));
    return {
      wanted: sorted(wanted, 150),
      related: sorted(related, 60),
      bases: req.bases ? sorted(bases.filter((d) => inPlace(d, 3)), 20) : [],
      courses: req.courses ? sorted(courses.filter((d) => inPlace(d) && leads(d)), 20) : [],
      occupationCounts: counts,
    };
  };
}

const matchable = (p: Record<string, unknown>): MatchableProfile => ({
  wishOccupations: ",", wishKinds: ",", wishCounties: ",", wishPayMin: null, wishStartDate: null, travelKm: null, credentials: ",", skillCodes: ",",
  education: "any", graduationYear: null, experienceYears: null, brandsTrained: ",", groups: ",", hometownCode: null, currentRegionCode: null, awayCityCode: null,
  ...(p as Partial<MatchableProfile>),
});

describe("exposure spread over 10,000 generated seekers (the demo index)", () => {
  let services: TestServices;
  let docs: MatchDoc[];
  const now = seedNow();

  beforeAll(async () => {
    services = await createTestServices("exposure", { seeded: true });
    await rebuildIndex(services.db, services.search.connection, { now });
    const index = services.search.connection.client.index(services.indexUid);
    const { results } = await index.getDocuments({ limit: 20_000 });
    docs = results as unknown as MatchDoc[];
  }, 180_000);
  afterAll(() => services.cleanup());

  async function share(cap: number) {
    const ledger = new ExposureLedger(cap);
    const retrieve = memoryRetriever(docs, Math.floor(now.getTime() / 1000));
    const appearances = new Map<string, number>();
    let lists = 0;
    const people = seekerProfiles(SEEKERS, 20261202, { now });
    for (let i = 0; i < people.length; i++) {
      // Let the test runner's messages through now and then.
      if (i % 500 === 0) await new Promise((r) => setImmediate(r));
      const seeker = matchSeekerFrom(matchable(people[i]!.profile as Record<string, unknown>));
      const result = recommend(seeker, retrieve(matchRequestFor(seeker, now)), { now, person: `gen:${i}`, ledger, limit: 10 });
      if (result.top.length) lists += 1;
      for (const r of result.top) appearances.set(r.doc.id, (appearances.get(r.doc.id) ?? 0) + 1);
    }
    const max = Math.max(...appearances.values());
    return { lists, max, maxShare: max / SEEKERS };
  }

  it("puts no post in more than 5 % of the top-10 lists, where without the daily cap some post would be in more", async () => {
    const capped = await share(DAILY_EXPOSURE_CAP);
    const uncapped = await share(Number.MAX_SAFE_INTEGER);
    console.info(`exposure: ${capped.lists} lists; most-shown post in ${capped.max} (${(100 * capped.maxShare).toFixed(2)} %) with the cap, ${uncapped.max} (${(100 * uncapped.maxShare).toFixed(2)} %) without`);
    expect(capped.lists).toBeGreaterThan(SEEKERS * 0.8);
    expect(capped.maxShare).toBeLessThanOrEqual(0.05);
    expect(uncapped.maxShare).toBeGreaterThan(capped.maxShare);
  }, 120_000);
});
