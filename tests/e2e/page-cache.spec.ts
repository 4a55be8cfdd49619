import { expect, test } from "@playwright/test";

test("a search page served from the page cache runs its scripts under the cache's policy: typing updates the results without a reload", async ({ page }) => {
  const refused: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy|Refused to/i.test(message.text())) refused.push(message.text());
  });
  // The first visit fills the cache; the second is a hit (unless the search sync confirmed a change
  // in between, which rightly makes the kept page stale: then the pair is tried again).
  let response = null;
  for (let attempt = 0; attempt < 5 && response?.headers()["x-page-cache"] !== "hit"; attempt++) {
    await page.request.get("/search?q=%E4%BF%9D%E5%AE%89");
    response = await page.goto("/search?q=%E4%BF%9D%E5%AE%89");
  }
  expect(response?.headers()["x-page-cache"]).toBe("hit");
  expect(response?.headers()["content-security-policy"]).toMatch(/script-src 'self' 'sha256-/);
  await expect(page.getByTestId("result").first()).toBeVisible();

  await page.evaluate(() => ((window as unknown as { marker: number }).marker = 7));
  await page.getByRole("searchbox").fill("修脚");
  await expect(page).toHaveURL(/\/search\?q=%E4%BF%AE%E8%84%9A$/);
  await expect(page.getByTestId("result").first()).toContainText("修脚");
  // The same document: the page hydrated and navigated by itself.
  expect(await page.evaluate(() => (window as unknown as { marker?: number }).marker)).toBe(7);
  expect(refused).toEqual([]);
});
