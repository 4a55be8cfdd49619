import { expect, test, type Page } from "@playwright/test";

const resultCount = async (page: Page) => Number((await page.getByTestId("result-count").innerText()).match(/(\d+)\s*条/)?.[1]);
const resultTitles = (page: Page) => page.getByTestId("result").getByRole("link").allInnerTexts();

test.describe("public search", () => {
  test("search → facet → detail, in Chinese by default", async ({ page }) => {
    await page.goto("/");
    await expect(page.locator("html")).toHaveAttribute("lang", "zh-CN");
    await page.getByRole("searchbox").first().fill("养老");
    await page.getByRole("button", { name: "搜索" }).first().click();
    await expect(page).toHaveURL(/\/search\?q=%E5%85%BB%E8%80%81/);
    await expect(page.getByTestId("result").first()).toBeVisible();
    await expect(page.getByTestId("result").first().locator("mark").first()).toContainText("养老");
    // Nothing wider than the phone's screen.
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);

    const before = await resultCount(page);
    // On a phone the filters are folded away behind one button.
    await expect(page.getByTestId("facet-county")).toBeHidden();
    await page.getByTestId("filters-toggle").click();
    await page.getByTestId("facet-county").getByRole("link").first().click();
    await expect(page).toHaveURL(/county=\d{6}/);
    await expect(page.getByTestId("active-filter").first()).toBeVisible();
    expect(await resultCount(page)).toBeLessThanOrEqual(before);

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

  test("the back button restores the previous results after a facet click", async ({ page }) => {
    await page.goto("/search?q=%E5%B7%A5%E7%A8%8B"); // 工程
    const count = await resultCount(page);
    const titles = await resultTitles(page);
    expect(count).toBeGreaterThan(0);

    await page.getByTestId("filters-toggle").click();
    const county = page.getByTestId("facet-county").getByRole("link").filter({ hasNotText: /^\D+0$/ }).last();
    const countyName = (await county.locator("span").first().innerText()).trim();
    await county.click();
    await expect(page).toHaveURL(/county=\d{6}/);
    await expect(page.getByTestId("active-filter")).toContainText(countyName);
    expect(await resultCount(page)).toBeLessThan(count);

    await page.goBack();
    await expect(page).toHaveURL(/\/search\?q=%E5%B7%A5%E7%A8%8B$/);
    await expect(page.getByTestId("active-filter")).toHaveCount(0);
    expect(await resultCount(page)).toBe(count);
    expect(await resultTitles(page)).toEqual(titles);
    await expect(page.getByRole("searchbox")).toHaveValue("工程");

    await page.goForward();
    await expect(page.getByTestId("active-filter")).toContainText(countyName);
  });

  test("results update as you type, without a full reload", async ({ page }) => {
    await page.goto("/search");
    const all = await resultCount(page);
    await page.evaluate(() => ((window as unknown as { marker: number }).marker = 42));
    await page.getByRole("searchbox").fill("修脚");
    await expect(page).toHaveURL(/\/search\?q=%E4%BF%AE%E8%84%9A$/);
    await expect(page.getByTestId("result").first()).toContainText("修脚");
    await expect(page.getByTestId("result-count")).toContainText("修脚");
    expect(await resultCount(page)).toBeLessThan(all);
    // The same document: a full reload would have dropped the marker.
    expect(await page.evaluate(() => (window as unknown as { marker?: number }).marker)).toBe(42);

    // A later word keeps the filters that are already chosen.
    await page.getByTestId("kind-tabs").getByRole("link", { name: /劳务品牌培训/ }).click();
    await expect(page).toHaveURL(/kind=course/);
    await page.getByRole("searchbox").fill("修脚师");
    await expect(page).toHaveURL(/q=%E4%BF%AE%E8%84%9A%E5%B8%88&kind=course/);
    await expect(page.getByTestId("result-kind").first()).toHaveText("培训");
    expect(await page.evaluate(() => (window as unknown as { marker?: number }).marker)).toBe(42);
  });

  test("zero results explain what to try: drop a filter, nearby counties", async ({ page, request }) => {
    // A county where 保温 (insulation work) has nothing, found through the open API.
    const api = await (await request.get("/api/v1/search?q=%E4%BF%9D%E6%B8%A9")).json();
    const empty = (api.facets.county as { value: string; count: number }[]).find((c) => c.count === 0);
    expect(empty, "a county without insulation work in the demo data").toBeTruthy();

    await page.goto(`/search?q=%E4%BF%9D%E6%B8%A9&county=${empty!.value}`);
    await expect(page.getByTestId("no-results")).toBeVisible();
    await expect(page.getByTestId("result")).toHaveCount(0);
    await expect(page.getByTestId("drop-filter")).toHaveCount(1);
    const nearby = page.getByTestId("nearby-county").first();
    await expect(nearby).toBeVisible();
    await nearby.click();
    await expect(page).not.toHaveURL(new RegExp(`county=${empty!.value}`));
    await expect(page.getByTestId("result").first()).toBeVisible();

    await page.goto(`/search?q=%E4%BF%9D%E6%B8%A9&county=${empty!.value}`);
    await page.getByTestId("drop-filter").click();
    await expect(page).toHaveURL(/\/search\?q=%E4%BF%9D%E6%B8%A9$/);
    await expect(page.getByTestId("result").first()).toBeVisible();

    // Words that match nothing at all: tips instead of an empty page.
    await page.goto("/search?q=zzzqqqxxx");
    await expect(page.getByTestId("no-results")).toContainText("拼音");
    await expect(page.getByTestId("no-results").getByRole("link", { name: "清除搜索词和全部筛选" })).toBeVisible();
  });

  test("language switch keeps the page and its query", async ({ page }) => {
    await page.goto("/search?q=%E7%BA%BF%E6%9D%9F&kind=job");
    await page.getByTestId("language-switch").click();
    await expect(page).toHaveURL(/\/search\?q=%E7%BA%BF%E6%9D%9F&kind=job/);
    await expect(page.locator("html")).toHaveAttribute("lang", "en");
    await expect(page.getByRole("button", { name: "Search" })).toBeVisible();
    await expect(page.getByTestId("result-kind").first()).toHaveText("Job");
    await expect(page).toHaveTitle(/Search \| Ankang Jobs/);
    await page.getByTestId("language-switch").click();
    await expect(page.locator("html")).toHaveAttribute("lang", "zh-CN");
    await expect(page).toHaveTitle(/搜索 \| 安康就业创业服务网/);
  });

  test("bad parameters give a note, never an error page", async ({ page }) => {
    const response = await page.goto("/search?page=-4&county=abc&sort=x&q=" + "工".repeat(300));
    expect(response?.status()).toBe(200);
    await expect(page.getByTestId("param-note").first()).toBeVisible();
    await expect(page.getByTestId("param-note")).toContainText(["搜索词过长", "县（市、区）", "排序", "页码无效"]);
    await expect(page.getByTestId("result").first()).toBeVisible();
  });
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });
  test("the search form, facets, sort and pages work as plain GET", async ({ page }) => {
    await page.goto("/search");
    await page.getByRole("searchbox").fill("见习");
    await page.getByRole("button", { name: "搜索" }).click();
    await expect(page).toHaveURL(/q=%E8%A7%81%E4%B9%A0/);
    await expect(page.getByTestId("result").first()).toBeVisible();
    await page.getByTestId("kind-tabs").getByRole("link", { name: /就业见习/ }).click();
    await expect(page).toHaveURL(/kind=internship/);
    await expect(page.getByTestId("result-kind").first()).toHaveText("见习");

    await page.getByTestId("filters-toggle").click();
    await page.getByTestId("facet-county").getByRole("link").first().click();
    await expect(page).toHaveURL(/kind=internship.*county=\d{6}/);

    await page.getByTestId("sort").selectOption("newest");
    await page.getByRole("button", { name: "排序" }).click();
    await expect(page).toHaveURL(/sort=newest/);
    await expect(page).toHaveURL(/county=\d{6}/);

    const firstPage = await resultTitles(page);
    await page.getByTestId("pagination").getByRole("link", { name: "下一页" }).click();
    await expect(page).toHaveURL(/page=2/);
    await expect(page).toHaveURL(/sort=newest/);
    expect(await resultTitles(page)).not.toEqual(firstPage);

    await page.getByTestId("result").first().getByRole("link").first().click();
    await expect(page.getByTestId("detail-kind")).toHaveText("见习");
  });
});
