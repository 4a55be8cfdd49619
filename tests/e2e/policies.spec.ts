import { expect, test, type Browser } from "@playwright/test";

/**
 * Issue 13, point 7: an anonymous visitor on a phone opens /policies, runs the eligibility check
 * answering that they work in another province (and are lifted out of poverty, which the travel
 * subsidy also needs) and reads the one-off travel subsidy as applying, with its reasons; with and
 * without JavaScript.
 */
async function check(browser: Browser, javaScriptEnabled: boolean) {
  const page = await (await browser.newContext({ javaScriptEnabled })).newPage();
  await page.goto("/policies");
  await expect(page.getByRole("heading", { name: "扶持政策和补贴", level: 1 })).toBeVisible();
  await expect(page.getByTestId("policy-list")).toContainText("跨省就业一次性交通补贴");
  await page.getByTestId("check-link").click();
  await expect(page.getByRole("heading", { name: "看看我能申请哪些补贴" })).toBeVisible();
  await page.getByLabel("脱贫人口（含防返贫监测对象）").check();
  await page.getByTestId("q-works_other_province").getByLabel("是").check();
  await page.getByTestId("check-submit").click();
  const travel = page.getByTestId("result-travel_subsidy");
  await expect(travel).toHaveAttribute("data-verdict", "applies");
  await expect(travel).toContainText("您可能符合");
  await expect(travel).toContainText("跨省就业一次性交通补贴");
  await expect(travel.getByTestId("because")).toContainText("在外省工作，或要去外省工作");
  await expect(travel.getByTestId("because")).toContainText("脱贫人口");
  // The answers stay in the form after the check.
  await expect(page.getByTestId("q-works_other_province").getByLabel("是")).toBeChecked();
  await travel.getByRole("link", { name: "跨省就业一次性交通补贴" }).click();
  await expect(page.getByTestId("policy-source")).toContainText("安政办发〔2022〕11号");
  await page.context().close();
}

test("an anonymous visitor checks which support applies and gets the one-off travel subsidy with its reason", async ({ browser }) => {
  await check(browser, true);
});

test("the same check works without JavaScript", async ({ browser }) => {
  await check(browser, false);
});
