import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rebuildIndex } from "../../../search/indexer.ts";
import { createTestServices, seedNow, type TestServices } from "../../../tests/setup/test-env.ts";
import { DEMO_PERSONAS, type DemoPersonaKey } from "../../../prisma/seed/demo-accounts.ts";
import { reasonWords } from "./reason-names.server.ts";
import { loadRecommendations, type RecommendedCard } from "./recommendations.server.ts";

/**
 * The golden personas of docs/demo-personas.md, as seeded: what each finds at the top and why, in
 * the words the page shows (zh-CN).
 */
describe("golden personas (the demo data, a real index)", () => {
  let services: TestServices;
  const now = seedNow();
  const inWords = reasonWords("zh-CN");
  const words = (r: RecommendedCard) => r.reasons.map(inWords);

  beforeAll(async () => {
    services = await createTestServices("personas", { seeded: true });
    await rebuildIndex(services.db, services.search.connection, { now });
  }, 180_000);
  afterAll(() => services.cleanup());

  async function recommendationsOf(key: DemoPersonaKey) {
    const profile = await services.db.seekerProfile.findFirstOrThrow({ where: { name: DEMO_PERSONAS.find((p) => p.key === key)!.displayName } });
    const page = await loadRecommendations(profile.userId, "zh-CN", { now });
    if (page.state !== "ready") throw new Error(`${key}: ${page.state}`);
    const occupationOf = async (r: RecommendedCard) =>
      r.card.kind === "base" ? null : (await services.db.posting.findUnique({ where: { id: r.card.id }, select: { occupationCode: true } }))?.occupationCode;
    return { page, occupationOf };
  }

  it("陈修远, a 紫阳 pedicurist in 广州 coming home: pedicure posts in 紫阳 first, his brand training named, a related trade, the brand's course", async () => {
    const { page, occupationOf } = await recommendationsOf("pedicurist");
    expect(page.top.length).toBe(10);
    for (const r of page.top.slice(0, 5)) {
      expect(await occupationOf(r)).toBe("4-10-03-05");
      expect(r.card.place).toMatch(/^紫阳县/);
    }
    const first = words(page.top[0]!);
    expect(first).toContain("是您想做的修脚师");
    expect(first).toContain("在紫阳县，离您家很近");
    expect(first).toContain("您参加过紫阳修脚师培训");
    expect(page.top.some((r) => words(r).includes("需要的专项职业能力证书（修脚）您有"))).toBe(true);
    expect(page.widened.length).toBeGreaterThan(0);
    expect(page.widened.length).toBeLessThanOrEqual(2);
    expect(words(page.widened[0]!.items[0]!)[0]).toMatch(/^和修脚师相近的.+，机会更多$/);
    expect(page.courses.map((r) => r.card.title)).toContain("紫阳修脚师专项能力培训班");
  });

  it("李护清, a 2026 nursing graduate in 汉滨: internships for her year and nurse posts naming the licence she lacks, all in 汉滨", async () => {
    const { page } = await recommendationsOf("nurseGraduate");
    const internships = page.top.filter((r) => r.card.kind === "internship");
    expect(internships.length).toBeGreaterThan(0);
    expect(words(internships[0]!)).toContain("面向 2026 届毕业生的见习岗位");
    const jobs = page.top.filter((r) => r.card.kind === "job");
    expect(jobs.length).toBeGreaterThan(0);
    expect(jobs.some((r) => words(r).some((w) => w.startsWith("还缺：") && w.includes("护士执业证书")))).toBe(true);
    for (const r of page.top) expect(r.card.place).toMatch(/^汉滨区/);
  });

  it("张守田, a farmer of 50 in 白河: day work near home only, nothing he did not ask for", async () => {
    const { page } = await recommendationsOf("farmer");
    expect(page.top.length).toBeGreaterThan(3);
    for (const r of page.top) {
      expect(r.card.kind).toBe("gig");
      expect(r.card.place).toMatch(/^白河县/);
      expect(r.card.distanceKm ?? 0).toBeLessThanOrEqual(15);
    }
    expect(page.bases).toEqual([]);
  });

  it("刘振军, a veteran starting a tea business: the veterans' and returnees' bases, and the tea courses toward the 评茶员 certificate", async () => {
    const { page } = await recommendationsOf("veteran");
    const bases = page.bases.map((r) => r.card.title);
    expect(bases).toContain("紫阳县退役军人创业孵化园");
    const veterans = page.bases.find((r) => r.card.title === "紫阳县退役军人创业孵化园")!;
    expect(words(veterans)).toEqual(expect.arrayContaining(["可申请入驻创业", "适合：退役军人"]));
    expect(page.courses.length).toBeGreaterThan(0);
    expect(page.courses[0]!.card.title).toBe("富硒茶叶制作技能培训");
    expect(words(page.courses[0]!).some((w) => w.startsWith("学完可考") && w.includes("评茶员"))).toBe(true);
    // He asked for bases and courses, not jobs.
    expect(page.top.filter((r) => r.card.kind === "job")).toEqual([]);
  });

  it("王小勇, out of school after junior high in 汉阴: the kitchen work he wants first, what it still needs, and the course that leads there", async () => {
    const { page, occupationOf } = await recommendationsOf("schoolLeaver");
    const wanted = ["4-03-02-01", "4-03-02-02"];
    expect(wanted).toContain(await occupationOf(page.top[0]!));
    expect(page.top.some((r) => words(r).some((w) => w.startsWith("还缺：") && w.includes("健康证")))).toBe(true);
    expect(page.courses.map((r) => r.card.title)).toContain("安康美厨面点师培训");
    for (const r of page.top) expect(r.card.place).toMatch(/^汉阴县/);
  });
});
