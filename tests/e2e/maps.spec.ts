import { expect, test, type Page } from "@playwright/test";
import { demoLogin, logIn } from "./fixtures.ts";

/** The map fits the screen: nothing wider than the viewport, the drawing inside it. */
async function fitsScreen(page: Page) {
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(412);
  const box = (await page.getByTestId("choropleth").locator("svg").boundingBox())!;
  expect(box.width).toBeGreaterThan(300);
  expect(box.x + box.width).toBeLessThanOrEqual(412);
  expect(box.height).toBeGreaterThan(200);
}

test.describe("maps without JavaScript at 412 px", () => {
  test.use({ javaScriptEnabled: false, viewport: { width: 412, height: 915 } });

  test("the public figures page shows the counties' % done on a map, with a legend and the values as text", async ({ page }) => {
    await page.goto("/figures");
    const map = page.getByTestId("choropleth");
    await expect(map).toBeVisible();
    const svg = map.locator("svg");
    await expect(svg).toHaveAttribute("role", "img");
    await expect(svg.locator("> title")).toContainText("各县（市、区）完成率");
    // an outline for each county the page lists (a city's development zones would have none), and every one in the table
    const listed = (await page.getByTestId("county").evaluateAll((li) => li.map((l) => l.getAttribute("data-code")))).sort();
    const drawn = (await svg.locator("path[data-code]").evaluateAll((ps) => ps.map((p) => p.getAttribute("data-code")))).sort();
    expect(listed).toEqual(expect.arrayContaining(drawn));
    expect(drawn).toEqual(["610902", "610921", "610922", "610923", "610924", "610925", "610926", "610927", "610929", "610981"]); // the demo site is Ankang
    expect((await map.getByTestId("map-table").locator("tbody tr").evaluateAll((tr) => tr.map((r) => r.getAttribute("data-code")))).sort()).toEqual(listed);
    await expect(map.getByTestId("map-legend").locator("li")).not.toHaveCount(0);
    await fitsScreen(page);

    // What the colours say, a screen reader reads from the table: each county's % as the list shows it.
    for (const code of listed.slice(0, 3)) {
      const listed = page.getByTestId("county").and(page.locator(`[data-code="${code}"]`));
      const pct = (await listed.locator("strong").innerText()).trim();
      await expect(map.getByTestId("map-table").locator(`tr[data-code="${code}"] td`).first()).toHaveText(pct === "—" ? "无数据" : `${Math.round(Number(pct.replace("%", "")))}%`);
    }
    // the accessible description of the map is that table
    const describedBy = (await svg.getAttribute("aria-describedby"))!;
    await expect(page.locator(`[id="${describedBy}"]`)).toHaveAttribute("data-testid", "map-table");
  });

  test("the staff dashboard maps the city's county ranking; a county's (towns) has the list only", async ({ browser }) => {
    const city = await logIn(browser, demoLogin("cityStaff"), { javaScriptEnabled: false });
    await city.setViewportSize({ width: 412, height: 915 });
    await city.goto("/staff/indicators");
    const map = city.getByTestId("choropleth");
    await expect(map).toBeVisible();
    await expect(map.locator("svg path[data-code]")).toHaveCount(10);
    await fitsScreen(city);
    await expect(map.getByTestId("map-table").locator("tbody tr")).toHaveCount(await city.getByTestId("child-region").count());

    await city.goto("/staff/indicators?region=610924");
    await expect(city.getByTestId("child-region").first()).toBeVisible();
    await expect(city.getByTestId("choropleth")).toHaveCount(0);
  });
});
