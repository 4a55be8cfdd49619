import { expect, test, type APIRequestContext } from "@playwright/test";
import { demoRow } from "./fixtures.ts";

const LD_TYPE = { job: "JobPosting", internship: "JobPosting", gig: "JobPosting", course: "Course", base: ["Place", "Organization"] } as const;

async function firstOf(request: APIRequestContext, kind: string): Promise<{ id: number; title: string }> {
  const body = await (await request.get(`/api/v1/search?kind=${kind}`)).json();
  expect(body.results.length, `demo data has a ${kind}`).toBeGreaterThan(0);
  return body.results[0];
}


test.describe("detail pages", () => {
  for (const [kind, type] of Object.entries(LD_TYPE)) {
    test(`the first ${kind} shows what to do and its schema.org ${[type].flat().join(" or ")}`, async ({ page, request }) => {
      const item = await firstOf(request, kind);
      const response = await page.goto(`/${kind}/${item.id}`);
      expect(response?.status()).toBe(200);
      await expect(page.getByTestId("detail-title")).toHaveText(item.title);
      await expect(page.getByTestId("detail-kind")).toBeVisible();
      await expect(page.getByTestId("closed-notice")).toHaveCount(0);
      await expect(page.getByTestId("how-to-apply")).toBeVisible();
      await expect(page.getByTestId("call")).toHaveAttribute("href", /^tel:[\d-]+$/);

      const ld = JSON.parse((await page.locator('script[type="application/ld+json"]').textContent()) ?? "{}");
      expect(ld["@context"]).toBe("https://schema.org");
      expect([type].flat()).toContain(ld["@type"]);
      expect(ld.name ?? ld.title).toBe(item.title);
      if (ld["@type"] === "JobPosting") {
        expect(ld.hiringOrganization.name).toBeTruthy();
        expect(ld.validThrough).toMatch(/^\d{4}-\d\d-\d\dT/);
      }
      expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    });
  }

  test("closed and expired items say so, offer no way to apply and are out of search", async ({ page, request }) => {
    const closed = demoRow<{ id: number; kind: string; title: string; countyCode: string }>(
      "SELECT id, kind, title, countyCode FROM Posting WHERE status = 'closed' ORDER BY id LIMIT 1",
    );
    const expired = demoRow<{ id: number; kind: string; title: string; countyCode: string }>(
      "SELECT id, kind, title, countyCode FROM Posting WHERE status = 'published' AND validUntil < ? ORDER BY validUntil DESC LIMIT 1",
      new Date(Date.now() - 2 * 86_400_000).toISOString(),
    );
    expect(closed, "the demo data has a closed posting").toBeTruthy();
    expect(expired, "the demo data has an expired posting").toBeTruthy();

    for (const item of [closed!, expired!]) {
      const response = await page.goto(`/${item.kind}/${item.id}`);
      expect(response?.status()).toBe(200);
      await expect(page.getByTestId("detail-title")).toHaveText(item.title);
      await expect(page.getByTestId("closed-notice")).toContainText("已截止或关闭");
      await expect(page.getByTestId("how-to-apply")).toHaveCount(0);
      await expect(page.locator('meta[name="robots"]')).toHaveAttribute("content", "noindex");

      const api = await (await request.get(`/api/v1/${item.kind}/${item.id}`)).json();
      expect(api.open).toBe(false);
      // Not among the search results for its own title in its own county, on any page.
      const query = `q=${encodeURIComponent(item.title)}&kind=${item.kind}&county=${item.countyCode}`;
      let ids: number[] = [];
      for (let p = 1, pages = 1; p <= pages && p <= 10; p++) {
        const body = await (await request.get(`/api/v1/search?${query}&page=${p}`)).json();
        pages = body.totalPages;
        ids = ids.concat(body.results.map((r: { id: number }) => r.id));
      }
      expect(ids).not.toContain(item.id);
    }
  });

  test("unknown ids and pages give a friendly 404", async ({ page }) => {
    const response = await page.goto("/job/999999999");
    expect(response?.status()).toBe(404);
    await expect(page.getByTestId("error-page")).toContainText("找不到");
    await expect(page.getByTestId("error-page").getByRole("link", { name: "搜索" })).toBeVisible();
    for (const url of ["/no/such/page", "/base/abc", "/course/-1", "/job/1e3", "/pet/1"]) {
      const other = await page.goto(url);
      expect(other?.status(), url).toBe(404);
      await expect(page.getByTestId("error-page")).toBeVisible();
    }
  });

  test("from the results, back returns to the same search", async ({ page }) => {
    await page.goto("/search?q=%E4%BF%AE%E8%84%9A%E5%B8%88&kind=course"); // 修脚师, training
    await page.getByTestId("result").first().getByRole("link").first().click();
    await expect(page.getByTestId("detail-kind")).toHaveText("培训");
    await page.getByRole("link", { name: /返回搜索结果/ }).click();
    await expect(page).toHaveURL(/\/search\?q=%E4%BF%AE%E8%84%9A%E5%B8%88&kind=course$/);
    await expect(page.getByTestId("result").first()).toBeVisible();
  });
});
