import { expect, test, type Page } from "@playwright/test";
import { makeCreditCode } from "../../app/modules/organizations/credit-code.ts";
import { demoLogin, logInOn, signUp } from "./fixtures.ts";
const fitsScreen = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);

async function logOut(page: Page) {
  await page.goto("/account");
  await page.getByRole("button", { name: "退出", exact: true }).click();
  await expect(page.getByTestId("nav-login")).toBeVisible();
}

test.describe("organization verification on a phone", () => {
  test("an employer registers, Ziyang staff verify it, the employer sees it verified; Hanbin staff never see it", async ({ page }) => {
    const stamp = String(Date.now()).slice(-7);
    const employerEmail = `e2e-employer-${stamp}@example.com`;
    const employerPassword = "紫阳富硒茶香飘万里";
    const name = `紫阳县端到端${stamp}茶业有限公司`;

    // The employer signs up and lands on the employer home with nothing registered yet.
    await signUp(page, { identifier: employerEmail, displayName: "端到端 赵经理", password: employerPassword, employer: true });
    await expect(page).toHaveURL(/\/employer$/);
    await expect(page.getByTestId("no-organization")).toBeVisible();

    // Registration: one wrong value first, then the whole form.
    await page.getByRole("link", { name: "登记单位" }).click();
    await expect(page).toHaveURL(/\/employer\/organization\/new$/);
    expect(await fitsScreen(page)).toBe(true);
    await page.getByLabel("单位名称").fill(name);
    await page.getByLabel("统一社会信用代码").fill("91610924ABC");
    await page.getByLabel("单位类型").selectOption("company");
    await page.getByLabel("所属行业").selectOption("selenium");
    await page.getByLabel("所在县（市、区）").selectOption("610924");
    const towns = await page.getByLabel("所在镇（街道）").locator("option").evaluateAll((options) => options.map((o) => (o as HTMLOptionElement).value).filter(Boolean));
    expect(towns.length).toBeGreaterThan(5);
    expect(towns.every((code) => code.startsWith("610924"))).toBe(true);
    await page.getByLabel("所在镇（街道）").selectOption("610924101");
    await page.getByLabel("详细地址").fill("蒿坪镇茶园路 8 号");
    await page.getByLabel("联系人").fill("赵女士");
    await page.getByLabel("对外联系电话").fill("0915-4312345");
    await page.getByRole("button", { name: "提交审核" }).click();
    await expect(page.getByText("统一社会信用代码是 18 位，您填了 11 位。")).toBeVisible();
    await expect(page.getByLabel("单位名称")).toHaveValue(name);

    await page.getByLabel("统一社会信用代码").fill(makeCreditCode("610924", 70_000_000 + Number(stamp)).toLowerCase());
    await page.getByRole("button", { name: "提交审核" }).click();
    await expect(page).toHaveURL(/\/employer$/);
    await expect(page.getByTestId("organization-card")).toContainText(name);
    await expect(page.getByTestId("organization-status")).toHaveText("审核中");
    expect(await fitsScreen(page)).toBe(true);
    await logOut(page);

    // Staff of another county: neither in the queue nor among all organizations.
    await logInOn(page, demoLogin("hanbinStaff"));
    await expect(page).toHaveURL(/\/staff$/);
    await page.getByTestId("pending-organizations").click();
    await expect(page).toHaveURL(/\/staff\/organizations/);
    await expect(page.locator(`[data-name="${name}"]`)).toHaveCount(0);
    await page.goto("/staff/organizations?tab=all&status=pending");
    await expect(page.locator(`[data-name="${name}"]`)).toHaveCount(0);
    await logOut(page);

    // Ziyang staff verify it from the queue.
    await logInOn(page, demoLogin("ziyangStaff"));
    await expect(page).toHaveURL(/\/staff$/);
    await expect(page.getByTestId("staff-scope")).toContainText("紫阳县");
    await page.getByTestId("pending-organizations").click();
    const row = page.locator(`[data-name="${name}"]`);
    await expect(row).toBeVisible();
    expect(await fitsScreen(page)).toBe(true);
    await row.getByRole("button", { name: /通过认证/ }).click();
    await expect(page.getByTestId("decision-done")).toContainText(name);
    await expect(page.locator(`[data-name="${name}"]`)).toHaveCount(0);
    await page.getByRole("link", { name: "操作日志" }).first().click();
    await expect(page.getByTestId("audit-entry").first()).toContainText("认证单位");
    await expect(page.getByTestId("audit-diff").first()).toContainText("已认证");
    await logOut(page);

    // The employer sees it verified (and a notification).
    await logInOn(page, employerEmail, employerPassword);
    await expect(page).toHaveURL(/\/employer$/);
    await expect(page.getByTestId("organization-status")).toHaveText("✓ 已认证");
    await expect(page.getByTestId("nav-home")).toContainText("1");
  });
});
