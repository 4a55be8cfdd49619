import { expect, test, type Page } from "@playwright/test";
import { pinyin } from "pinyin-pro";
import { demoRow, signUp } from "./fixtures.ts";

type Row = { code: string; name: string };

/** A county of the site's city (SITE_REGION, 安康 by default) with several towns, and one of its towns, read from the database. */
function countyWithTowns(skip = 0): { county: Row; town: Row; towns: number } {
  const county = demoRow<Row & { towns: number }>(
    `SELECT c.code, c.name, COUNT(t.code) AS towns FROM Region c JOIN Region t ON t.parentCode = c.code AND t.level = 'town' AND t.retiredAt IS NULL
     WHERE c.level = 'county' AND c.retiredAt IS NULL AND c.parentCode = '610900' GROUP BY c.code HAVING COUNT(t.code) >= 3 ORDER BY c.code LIMIT 1 OFFSET ?`,
    skip,
  )!;
  const town = demoRow<Row>("SELECT code, name FROM Region WHERE parentCode = ? AND level = 'town' AND retiredAt IS NULL ORDER BY code DESC LIMIT 1", county.code)!;
  return { county, town, towns: county.towns };
}

const currentPlace = (displayName: string) =>
  demoRow<{ currentRegionCode: string | null }>("SELECT p.currentRegionCode FROM SeekerProfile p JOIN User u ON u.id = p.userId WHERE u.displayName = ?", displayName)?.currentRegionCode;

async function newSeeker(page: Page, phone: string, displayName: string) {
  await signUp(page, { identifier: phone, displayName, password: "汉江水暖鸭先知2026" });
  await expect(page).toHaveURL(/\/me$/);
  await page.goto("/me/profile");
  await expect(page.getByRole("heading", { name: "我的简历" })).toBeVisible();
}

test.describe("region picker on the profile", () => {
  test("with JavaScript: county, then type to find the town (Chinese or pinyin), save", async ({ page }) => {
    const { county, town, towns } = countyWithTowns();
    await newSeeker(page, "13988881101", "e2e 选区划一");
    const place = page.getByTestId("place-current");
    const townSelect = place.locator('select[name="currentTown"]');
    const realOptions = () => townSelect.locator("option:not([value=''])");

    await place.locator('select[name="currentCounty"]').selectOption(county.code);
    await expect(realOptions()).toHaveCount(towns);

    // The search box (there only with JavaScript) narrows the list as one types.
    const search = place.getByLabel("查找镇（街道）");
    await search.fill(town.name.slice(0, 2));
    await expect.poll(() => realOptions().count()).toBeLessThanOrEqual(towns);
    const shown = await realOptions().allTextContents();
    expect(shown.every((name) => name.includes(town.name.slice(0, 2)))).toBe(true);
    expect(shown).toContain(town.name);

    // Pinyin works too: the keys were made on the server.
    const spelled = pinyin(town.name, { toneType: "none", type: "array" }).join("");
    await search.fill(spelled);
    await expect(realOptions()).toContainText([town.name]);
    await expect(place.getByTestId("region-matches")).toContainText("找到");
    await search.fill("没有这个地方");
    await expect(place.getByTestId("region-matches")).toContainText("没有找到");
    await search.fill(spelled);

    await townSelect.selectOption(town.code);
    await page.getByLabel("姓名", { exact: true }).fill("王选区");
    await page.getByRole("button", { name: "保存简历" }).click();
    await expect(page.getByTestId("profile-saved")).toBeVisible();
    await expect(townSelect).toHaveValue(town.code);
    await expect(place.locator('select[name="currentCounty"]')).toHaveValue(county.code);
    expect(currentPlace("e2e 选区划一")).toBe(town.code);
  });

  test("with JavaScript: typing a town before choosing a county finds it and sets its county", async ({ page }) => {
    const { county, town } = countyWithTowns(1);
    await newSeeker(page, "13988881103", "e2e 选区划三");
    const place = page.getByTestId("place-hometown");
    await place.getByLabel("查找镇（街道）").fill(town.name);
    await place.locator('select[name="hometownTown"]').selectOption(town.code);
    await expect(place.locator('select[name="hometownCounty"]')).toHaveValue(county.code);
  });

  test("without JavaScript: every town is listed under its county, and the chosen one is saved", async ({ browser }) => {
    const { county, town } = countyWithTowns(1);
    const page = await (await browser.newContext({ javaScriptEnabled: false })).newPage();
    await newSeeker(page, "13988881102", "e2e 选区划二");
    const place = page.getByTestId("place-current");
    await expect(place.getByLabel("查找镇（街道）")).toHaveCount(0);
    const townSelect = place.locator('select[name="currentTown"]');
    // One list grouped by county: the town sits under its county's name.
    await expect(townSelect.locator(`optgroup[label="${county.name}"] option[value="${town.code}"]`)).toHaveCount(1);

    await place.locator('select[name="currentCounty"]').selectOption(county.code);
    await townSelect.selectOption(town.code);
    await page.getByLabel("姓名", { exact: true }).fill("李无脚本");
    await page.getByRole("button", { name: "保存简历" }).click();
    await expect(page.getByTestId("profile-saved")).toBeVisible();
    await expect(townSelect).toHaveValue(town.code);
    expect(currentPlace("e2e 选区划二")).toBe(town.code);
    await page.context().close();
  });
});
