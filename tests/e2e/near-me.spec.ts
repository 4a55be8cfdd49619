import { expect, test } from "@playwright/test";

/** Km a result card says it is away ("约 12 公里" → 12). */
async function distances(page: import("@playwright/test").Page): Promise<number[]> {
  const texts = await page.getByTestId("result-distance").allTextContents();
  return texts.map((t) => Number(/([\d.]+)/.exec(t)?.[1] ?? Number.NaN));
}

test.describe("near me", () => {
  test("a visitor chooses a home town, sorts by distance, and the choice is remembered", async ({ page }) => {
    await page.goto("/search?q=%E5%8E%A8%E5%B8%88");
    await expect(page.getByTestId("result-distance")).toHaveCount(0);
    await page.getByTestId("near-choose").click();
    await expect(page.getByRole("heading", { name: "我的位置" })).toBeVisible();
    await page.locator("#near-county").selectOption({ label: "紫阳县" });
    await page.getByTestId("near-save").click();

    await expect(page).toHaveURL(/\/search\?.*sort=distance/);
    await expect(page.getByTestId("near-from")).toContainText("紫阳县");
    await expect(page.getByTestId("sort")).toHaveValue("distance");
    const km = await distances(page);
    expect(km.length).toBeGreaterThan(3);
    for (let i = 1; i < km.length; i++) expect(km[i]!).toBeGreaterThanOrEqual(km[i - 1]!);
    // The first results are in 紫阳县 itself.
    await expect(page.getByTestId("result").first()).toContainText("紫阳县");

    // Within 20 km leaves out what is farther.
    await page.getByTestId("near-within").getByRole("link", { name: "20 公里内" }).click();
    await expect(page).toHaveURL(/within=20/);
    for (const k of await distances(page)) expect(k).toBeLessThanOrEqual(20);

    // A later visit remembers the town: distances show without choosing again.
    await page.goto("/search?q=%E4%BF%9D%E5%AE%89");
    await expect(page.getByTestId("near-from")).toContainText("紫阳县");
    expect((await distances(page)).length).toBeGreaterThan(0);
    // And the service points list the nearest first.
    await page.goto("/service-points");
    await expect(page.getByTestId("service-point").first()).toContainText("紫阳县");
  });

  test("a visitor who allows it is located by the phone: distances from there, rounded to about 1 km", async ({ browser }) => {
    // 紫阳县's seat, as the phone would report it.
    const context = await browser.newContext({ geolocation: { latitude: 32.5203, longitude: 108.5349 }, permissions: ["geolocation"] });
    const page = await context.newPage();
    await page.goto("/search?q=%E5%8E%A8%E5%B8%88");
    await page.getByTestId("near-locate").click();
    await expect(page).toHaveURL(/near=32\.52%2C108\.53/);
    await expect(page.getByTestId("near-from")).toContainText("您现在的位置");
    await expect(page.getByTestId("result").first()).toContainText("紫阳县");
    const km = await distances(page);
    for (let i = 1; i < km.length; i++) expect(km[i]!).toBeGreaterThanOrEqual(km[i - 1]!);
    await context.close();
  });

  test("works without JavaScript: the town picker is a plain form", async ({ browser }) => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto("/near-me?redirectTo=%2Fservice-points");
    await page.locator("#near-county").selectOption({ label: "汉滨区" });
    await page.getByTestId("near-save").click();
    await expect(page).toHaveURL(/\/service-points$/);
    await expect(page.getByTestId("near-me")).toContainText("汉滨区");
    const first = page.getByTestId("service-point").first();
    await expect(first).toContainText("汉滨区");
    await expect(first.getByTestId("service-point-distance")).toBeVisible();
    // The map of the points with their circles is drawn on the server: there without JavaScript, inside 412 px.
    const map = page.getByTestId("points-map");
    await expect(map.getByTestId("map-point").first()).toBeVisible();
    expect(await map.getByTestId("point-circle").count()).toBeGreaterThan(10);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(412);
    await context.close();
  });
});
