import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rebuildIndex } from "../../../search/indexer.ts";
import { createTestServices, seedNow, type TestServices } from "../../../tests/setup/test-env.ts";
import { exportSeekerData } from "../seekers/data-rights.server.ts";
import { loadRecommendations, markNotInterested, undoNotInterested } from "./recommendations.server.ts";

/** Real SQLite with the demo data and a real Meilisearch index built from it. */
describe("a seeker's recommendations", () => {
  let services: TestServices;
  let serial = 0;
  const now = seedNow();

  async function seeker(profile: Record<string, unknown>) {
    serial += 1;
    const user = await services.db.user.create({ data: { email: `recs${serial}@example.cn`, passwordHash: "x", role: "seeker", displayName: `R${serial}` } });
    await services.db.seekerProfile.create({ data: { userId: user.id, name: `R${serial}`, consentMatching: true, ...profile } });
    return user.id;
  }

  beforeAll(async () => {
    services = await createTestServices("recommendations", { seeded: true });
    await rebuildIndex(services.db, services.search.connection, { now });
  }, 180_000);
  afterAll(() => services.cleanup());

  const ready = async (userId: number, lang = "zh-CN") => {
    const page = await loadRecommendations(userId, lang, { now });
    if (page.state !== "ready") throw new Error(`not ready: ${page.state}`);
    return page;
  };

  it("brings a 紫阳 pedicurist working in 广州 the pedicure posts near home, with reasons in words", async () => {
    const id = await seeker({
      wishOccupations: ",4-10-03-05,", wishKinds: ",job,", hometownCode: "610924100", awayCityCode: "440100", travelKm: 40,
      brandsTrained: ",ziyang_pedicure,", groups: ",returnee,", returneeKind: "skilled", experienceYears: 8, wishPayMin: 4000,
    });
    const page = await ready(id);
    expect(page.top.length).toBeGreaterThan(0);
    const first = page.top[0]!;
    expect(first.card.title).toMatch(/修脚|足部/);
    const reasons = first.reasons.map((r) => r.key);
    expect(reasons).toContain("occupation_same");
    expect(reasons.some((k) => k === "near" || k === "nearHome")).toBe(true);
    expect(first.reasons.find((r) => r.key.startsWith("near"))?.params.county).toBe("紫阳县");
    expect(page.top.some((r) => r.reasons.some((x) => x.key === "brandTrained" && x.params.brand === "紫阳修脚师"))).toBe(true);
    // Nothing beyond the person's reach: 紫阳 and its neighbours only.
    for (const r of page.top) expect(r.card.distanceKm ?? 0).toBeLessThanOrEqual(40);
  });

  it("names places and reasons in English on the English page", async () => {
    const id = await seeker({ wishOccupations: ",4-10-03-05,", wishKinds: ",job,", hometownCode: "610924100", travelKm: 40 });
    const page = await ready(id, "en");
    expect(page.top[0]!.reasons.find((r) => r.key.startsWith("near"))?.params.county).toMatch(/Ziyang/);
  });

  it("shows internships only to the people they are for", async () => {
    const graduate = await seeker({ wishKinds: ",internship,", education: "college", graduationYear: now.getUTCFullYear(), currentRegionCode: "610902", travelKm: 30 });
    const worker = await seeker({ wishKinds: ",internship,", education: "senior", currentRegionCode: "610902", travelKm: 30 });
    const g = await ready(graduate);
    expect(g.top.length).toBeGreaterThan(0);
    expect(g.top.every((r) => r.card.kind === "internship")).toBe(true);
    expect(g.top[0]!.reasons.some((r) => r.key === "internshipFor")).toBe(true);
    const w = await ready(worker);
    expect(w.top.filter((r) => r.card.kind === "internship")).toEqual([]);
  });

  it("asks for consent first, and for a profile before that", async () => {
    const noConsent = await seeker({ consentMatching: false, wishOccupations: ",4-10-03-05," });
    expect((await loadRecommendations(noConsent, "zh-CN", { now })).state).toBe("no_consent");
    const bare = await services.db.user.create({ data: { email: "bare@example.cn", passwordHash: "x", role: "seeker", displayName: "B" } });
    expect((await loadRecommendations(bare.id, "zh-CN", { now })).state).toBe("no_profile");
  });

  it("hides an item marked not interested, and brings it back on undo", async () => {
    const id = await seeker({ wishOccupations: ",4-10-03-05,", wishKinds: ",job,", hometownCode: "610924100", travelKm: 40 });
    const before = await ready(id);
    const hidden = before.top[0]!.card.key;
    await markNotInterested(id, hidden);
    const after = await ready(id);
    expect([...after.top, ...after.widened.flatMap((w) => w.items)].map((r) => r.card.key)).not.toContain(hidden);
    // The person's data download says what they hid, until they undo it.
    expect((await exportSeekerData(id)).notInterested.map((f) => f.item)).toEqual([hidden]);
    await undoNotInterested(id, hidden);
    expect((await ready(id)).top.map((r) => r.card.key)).toContain(hidden);
    expect((await exportSeekerData(id)).notInterested).toEqual([]);
  });

  it("gives a founder start-up bases and a person missing a certificate the course toward it", async () => {
    const founder = await seeker({ wishKinds: ",base,course,", wishOccupations: ",6-02-06-10,", groups: ",veteran,", hometownCode: "610924100", travelKm: 50 });
    const page = await ready(founder);
    expect(page.bases.length).toBeGreaterThan(0);
    expect(page.bases[0]!.reasons.some((r) => r.key === "startup")).toBe(true);
  });

  it("reads the same when the search server is down: a clear state, never an error", async () => {
    const id = await seeker({ wishOccupations: ",4-10-03-05," });
    const { SearchService, setSearchService } = await import("../../../search/service.ts");
    const { getFreePort } = await import("../../../search/launcher.ts");
    setSearchService(new SearchService(`http://127.0.0.1:${await getFreePort()}`, "unused-key-0123456789abcdef", services.indexUid));
    try {
      expect((await loadRecommendations(id, "zh-CN", { now })).state).toBe("unavailable");
    } finally {
      setSearchService(services.search);
    }
  });
});
