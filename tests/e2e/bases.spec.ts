import { expect, test, type Page } from "@playwright/test";
import { demoRow, logIn, signUp } from "./fixtures.ts";

/** The free places search shows on the base's card (a search for its name). */
async function placesInSearch(page: Page, name: string): Promise<number | null> {
  await page.goto(`/search?kind=base&q=${encodeURIComponent(name)}`);
  const card = page.getByTestId("result").filter({ hasText: name }).first();
  if (!(await card.count())) return null;
  const match = (await card.innerText()).match(/入驻空位:\s*(\d+)/);
  return match ? Number(match[1]) : null;
}

test("a graduate applies for a place in an incubation base, the operator admits them, and the base's free places in search drop by one", async ({ browser, page }) => {
  test.setTimeout(120_000);
  // A base of the demo operator's organization (紫阳县创业服务中心) with a place free.
  const base = demoRow<{ id: number; name: string; freePlaces: number }>(
    `SELECT b.id, b.name, b.freePlaces FROM IncubationBase b JOIN Membership m ON m.organizationId = b.organizationId JOIN User u ON u.id = m.userId
     WHERE u.email = 'base@demo-incubator.cn' AND b.status = 'published' AND b.freePlaces > 0 ORDER BY b.freePlaces DESC, b.id LIMIT 1`,
  )!;
  expect(base).toBeTruthy();
  const before = await placesInSearch(page, base.name);
  expect(before).toBe(base.freePlaces);

  // The graduate signs up, opens the base's page and applies for a place.
  const stamp = String(Date.now()).slice(-8);
  await signUp(page, { identifier: `grad-${stamp}@example.cn`, displayName: `毕业生${stamp}`, password: "汉江两岸青山绿水" });
  await expect(page).toHaveURL(/\/me$/);
  await page.goto(`/base/${base.id}`);
  await page.getByTestId("apply-base").click();
  await expect(page).toHaveURL(new RegExp(`/bases/${base.id}/apply$`));
  // Bad input is answered at the field, and what was typed stays.
  await page.getByLabel("创业计划摘要").fill("太短");
  await page.getByRole("button", { name: "提交申请" }).click();
  await expect(page.getByText("请至少写 20 个字。")).toBeVisible();
  await page.getByLabel("创业计划摘要").fill("在紫阳开一家富硒茶网店，线上卖给城市年轻人，靠直播带货和差价赚钱。");
  await page.getByLabel("团队").fill("三人：我负责运营，两位同学负责拍摄和客服。");
  await page.getByLabel("行业").selectOption({ index: 1 });
  await page.getByLabel("高校毕业生").check();
  await page.getByLabel("需要基地提供什么").fill("一间办公室，帮忙办营业执照。");
  await page.getByRole("button", { name: "提交申请" }).click();
  await expect(page).toHaveURL(/\/me\/base-applications/);
  await expect(page.getByTestId("base-application").first()).toContainText(base.name);
  await expect(page.getByTestId("base-application-status").first()).toHaveText("待审核");

  // The operator reviews and admits.
  const operator = await logIn(browser, "base@demo-incubator.cn");
  await operator.goto(`/employer/bases/${base.id}/applications`);
  await operator.getByTestId("base-application-row").filter({ hasText: `毕业生${stamp}` }).getByRole("link").click();
  await operator.getByTestId("admit-form").getByLabel(/企业名称/).fill(`硒茶小铺${stamp}`);
  await operator.getByTestId("admit-form").getByLabel("带动就业人数").fill("2");
  await operator.getByRole("button", { name: "同意入驻" }).click();
  await expect(operator.getByTestId("done-notice")).toBeVisible();
  await expect(operator.getByTestId("placement")).toBeVisible();

  // Search shows one free place fewer within moments; the founder sees the history; the base's page lists the business.
  await expect.poll(() => placesInSearch(page, base.name), { timeout: 20_000, intervals: [500, 1000, 2000] }).toBe(base.freePlaces - 1);
  await page.goto("/me/base-applications");
  await expect(page.getByTestId("base-application-status").first()).toHaveText("已入驻");
  await expect(page.getByTestId("base-timeline").first().locator("li")).toHaveCount(2);
  await page.goto(`/base/${base.id}`);
  await expect(page.getByTestId("admitted-businesses")).toContainText(`硒茶小铺${stamp}`);
});
