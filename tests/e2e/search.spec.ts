import { expect, test } from "@playwright/test";

test.describe("public search", () => {
  test("search → facet → detail, in Chinese by default", async ({ page }) => {
    await page.goto("/");
    await expect(page.locator("html")).toHaveAttribute("lang", "zh-CN");
    await page.getByRole("searchbox").first().fill("养老");
    await page.getByRole("button", { name: "搜索" }).first().click();
    await expect(page).toHaveURL(/\/search\?q=%E5%85%BB%E8%80%81/);
    await expect(page.getByTestId("result").first()).toBeVisible();
    await expect(page.getByTestId("result").first().locator("mark").first()).toContainText("养老");

    const count = async () => Number((await page.getByTestId("result-count").innerText()).match(/(\d+)\s*条/)?.[1]);
    const before = await count();
    await page.getByTestId("facet-county").getByRole("link").first().click();
    await expect(page).toHaveURL(/county=\d{6}/);
    await expect(page.getByTestId("active-filter").first()).toBeVisible();
    expect(await count()).toBeLessThanOrEqual(before);

    const first = page.getByTestId("result").first().getByRole("link").first();
    const title = await first.innerText();
    await first.click();
    await expect(page.getByTestId("detail-title")).toHaveText(title);
    await expect(page.getByTestId("how-to-apply").or(page.locator("dl")).first()).toBeVisible();
    const ld = await page.locator('script[type="application/ld+json"]').textContent();
    expect(JSON.parse(ld ?? "{}")["@context"]).toBe("https://schema.org");
    await page.goBack();
    await expect(page).toHaveURL(/county=\d{6}/);
  });

  test("results update as you type, without a full reload", async ({ page }) => {
    await page.goto("/search");
    await page.evaluate(() => ((window as unknown as { marker: number }).marker = 42));
    await page.getByRole("searchbox").fill("修脚");
    await expect(page).toHaveURL(/q=%E4%BF%AE%E8%84%9A/);
    await expect(page.getByTestId("result").first()).toContainText("修脚");
    expect(await page.evaluate(() => (window as unknown as { marker?: number }).marker)).toBe(42);
  });

  test("language switch keeps the page and its query", async ({ page }) => {
    await page.goto("/search?q=%E7%BA%BF%E6%9D%9F&kind=job");
    await page.getByTestId("language-switch").click();
    await expect(page).toHaveURL(/\/search\?q=%E7%BA%BF%E6%9D%9F&kind=job/);
    await expect(page.locator("html")).toHaveAttribute("lang", "en");
    await expect(page.getByRole("button", { name: "Search" })).toBeVisible();
    await page.getByTestId("language-switch").click();
    await expect(page.locator("html")).toHaveAttribute("lang", "zh-CN");
  });

  test("unknown ids and pages give a friendly 404", async ({ page }) => {
    const response = await page.goto("/job/999999999");
    expect(response?.status()).toBe(404);
    await expect(page.getByTestId("error-page")).toContainText("找不到");
    const other = await page.goto("/no/such/page");
    expect(other?.status()).toBe(404);
  });

  test("bad parameters give a note, never an error page", async ({ page }) => {
    const response = await page.goto("/search?page=-4&county=abc&sort=x&q=" + "工".repeat(300));
    expect(response?.status()).toBe(200);
    await expect(page.getByTestId("param-note").first()).toBeVisible();
  });
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });
  test("the search form and facets work as plain GET", async ({ page }) => {
    await page.goto("/search");
    await page.getByRole("searchbox").fill("见习");
    await page.getByRole("button", { name: "搜索" }).click();
    await expect(page).toHaveURL(/q=%E8%A7%81%E4%B9%A0/);
    await expect(page.getByTestId("result").first()).toBeVisible();
    await page.getByTestId("kind-tabs").getByRole("link", { name: /就业见习/ }).click();
    await expect(page).toHaveURL(/kind=internship/);
    await expect(page.getByTestId("result-kind").first()).toHaveText("见习");
  });
});
