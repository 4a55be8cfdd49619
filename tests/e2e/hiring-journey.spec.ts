import { expect, test, type Browser, type Page } from "@playwright/test";
import { makeCreditCode } from "../../app/modules/organizations/credit-code.ts";
import { demoLogin, logIn, signUp } from "./fixtures.ts";

async function newPage(browser: Browser): Promise<Page> {
  return (await browser.newContext()).newPage();
}

/** A day `days` from today in China time, as the date inputs take it. */
function chinaDayFromNow(days: number): string {
  return new Date(Date.now() + 8 * 3_600_000 + days * 86_400_000).toISOString().slice(0, 10);
}

/** The new urban employment figure on a staff member's dashboard for their own area. */
async function newUrbanFigure(page: Page): Promise<number> {
  await page.goto("/staff/indicators");
  const cell = page.locator('[data-testid="indicator-row"][data-code="new_urban_employment"] [data-testid="done"]');
  return Number((await cell.innerText()).replace(/\D/g, ""));
}

test("the whole loop: an employer registers and is verified, posts, staff approve, a new seeker finds it, applies and is hired, county staff verify the placement and the county's and city's counts rise by one", async ({ browser }) => {
  test.setTimeout(150_000);
  const stamp = String(Date.now()).slice(-7);
  const orgName = `紫阳县旅程${stamp}电子有限公司`;
  const title = `电子线束装配工 旅程${stamp}`;
  const employerEmail = `journey-${stamp}@example.com`;
  const employerPassword = "汉江两岸青山绿水";

  // 1. The employer signs up and registers its organization in Ziyang.
  const employer = await newPage(browser);
  await signUp(employer, { identifier: employerEmail, displayName: "旅程 陈经理", password: employerPassword, employer: true });
  await expect(employer).toHaveURL(/\/employer$/);
  await employer.goto("/employer/organization/new");
  await employer.getByLabel("单位名称").fill(orgName);
  await employer.getByLabel("统一社会信用代码").fill(makeCreditCode("610924", 80_000_000 + Number(stamp)));
  await employer.getByLabel("单位类型").selectOption("company");
  await employer.getByLabel("所属行业").selectOption("electronics");
  await employer.getByLabel("所在县（市、区）").selectOption("610924");
  await employer.getByLabel("所在镇（街道）").selectOption("610924101");
  await employer.getByLabel("详细地址").fill("蒿坪镇电子产业园 3 号厂房");
  await employer.getByLabel("联系人").fill("陈女士");
  await employer.getByLabel("对外联系电话").fill("0915-4319876");
  await employer.getByRole("button", { name: "提交审核" }).click();
  await expect(employer.getByTestId("organization-status")).toHaveText("审核中");

  // 2. Ziyang staff verify it.
  const staff = await logIn(browser, demoLogin("ziyangStaff"));
  await staff.goto("/staff/organizations");
  await staff.locator(`[data-name="${orgName}"]`).getByRole("button", { name: /通过认证/ }).click();
  await expect(staff.getByTestId("decision-done")).toContainText(orgName);

  // 3. The employer posts a job; it waits for review and is not yet in search.
  await employer.goto("/employer/postings/new?kind=job");
  await employer.getByLabel(/^标题/).fill(title);
  await employer.getByLabel(/^工作内容/).fill("在社区工厂流水线上装配汽车电子线束，白班 8:00–17:30，周末双休。");
  await employer.getByLabel(/^最低工资/).fill("3200");
  await employer.getByLabel(/^最高工资/).fill("4800");
  await employer.getByLabel(/^招聘人数/).fill("5");
  await employer.getByLabel(/^县（市、区）/).selectOption("610924");
  await employer.getByLabel(/^详细地址/).fill("蒿坪镇电子产业园 3 号厂房");
  await employer.getByRole("textbox", { name: /^招聘条件/ }).fill("初中以上学历，男女不限，视力良好，能适应流水线工作。");
  await employer.getByLabel(/^应聘方式/).fill("电话联系陈女士，或带身份证到厂里面试。");
  await employer.getByLabel(/^有效期至/).fill(chinaDayFromNow(60));
  await employer.getByRole("button", { name: "提交审核" }).last().click();
  await expect(employer.getByTestId("posting-done")).toBeVisible();
  await expect(employer.getByTestId("posting-state")).toContainText("待审核");

  const visitor = await newPage(browser);
  await visitor.goto(`/search?q=${encodeURIComponent(`旅程${stamp}`)}`);
  await expect(visitor.getByTestId("result")).toHaveCount(0);

  // 4. Staff approve it from the moderation queue.
  await staff.goto("/staff/postings");
  const queued = staff.locator(`[data-testid="queue-row"][data-title="${title}"]`);
  await expect(queued.getByTestId("content-check")).toContainText("没有发现");
  await queued.getByTestId("approve").click();
  await expect(staff.getByTestId("decision-done")).toContainText(title);

  // 5. A new seeker signs up, fills the profile, finds the post in search within moments and applies.
  const seeker = await newPage(browser);
  await signUp(seeker, { identifier: `1398888${stamp.slice(-4)}`, displayName: "旅程 求职者", password: "秦巴山水养育人2026" });
  await expect(seeker).toHaveURL(/\/me$/);
  await seeker.getByTestId("edit-profile").click();
  await seeker.getByLabel("姓名", { exact: true }).fill("陈秀英");
  await seeker.getByLabel("联系电话", { exact: true }).fill(`1398888${stamp.slice(-4)}`);
  await seeker.getByLabel("最高学历").selectOption("junior");
  await seeker.getByLabel(/同意平台根据我的简历/).check();
  await seeker.getByRole("button", { name: "保存简历" }).click();
  await expect(seeker.getByTestId("profile-saved")).toBeVisible();

  await expect(async () => {
    await seeker.goto(`/search?q=${encodeURIComponent(`旅程${stamp}`)}`);
    await expect(seeker.getByTestId("result")).toHaveCount(1, { timeout: 500 });
  }).toPass({ timeout: 10_000 });
  const card = seeker.getByTestId("result").first();
  await expect(card).toContainText(orgName);
  await card.getByRole("link").first().click();
  await expect(seeker.getByTestId("detail-title")).toHaveText(title);
  await seeker.getByTestId("apply").click();
  await seeker.getByRole("button", { name: "确认申请" }).click();
  await expect(seeker.getByTestId("applied-notice")).toBeVisible();
  await expect(seeker.getByTestId("application").filter({ hasText: title }).getByTestId("application-status")).toHaveText("已投递");

  // 6. The employer sees the applicant and confirms the hire.
  await employer.goto("/employer/applicants");
  const applicant = employer.getByTestId("applicant").filter({ hasText: title }).first();
  await expect(applicant).toContainText("陈秀英");
  await applicant.getByTestId("applicant-name").click();
  await employer.getByRole("button", { name: "确认入职" }).click();
  await expect(employer.getByTestId("done-notice")).toContainText("已确认入职");
  await expect(employer.getByTestId("placement")).toContainText("待核实");

  // 7. Ziyang staff see the pending placement; Hanbin staff do not.
  await staff.goto("/staff");
  const pendingTile = staff.getByTestId("pending-placements");
  await expect(pendingTile).toBeVisible();
  await pendingTile.click();
  await expect(staff).toHaveURL(/\/staff\/placements/);
  await staff.getByPlaceholder("姓名、单位名称或完整身份证号").fill(orgName);
  await staff.getByRole("button", { name: "查找", exact: true }).click();
  const placement = staff.getByTestId("placement").filter({ hasText: "陈秀英" }).filter({ hasText: orgName });
  await expect(placement).toHaveCount(1);
  await expect(placement).toContainText(title);
  await expect(placement).toContainText("待核实");
  await expect(placement).toContainText("网上录用");

  const hanbin = await logIn(browser, demoLogin("hanbinStaff"));
  await hanbin.goto(`/staff/placements?status=all&q=${encodeURIComponent(orgName)}`);
  await expect(hanbin.getByTestId("placement").filter({ hasText: orgName })).toHaveCount(0);

  // 8. Ziyang staff verify it: the county's and the city's counts each rise by one, and the record
  //    is in the drill-down. Hanbin staff cannot open Ziyang's figures.
  const cityStaff = await logIn(browser, demoLogin("cityStaff"));
  const [countyBefore, cityBefore] = [await newUrbanFigure(staff), await newUrbanFigure(cityStaff)];
  await staff.goto(`/staff/placements?q=${encodeURIComponent(orgName)}`);
  const pending = staff.getByTestId("placement").filter({ hasText: "陈秀英" }).filter({ hasText: orgName });
  await pending.getByTestId("verify").click();
  await expect(staff.getByTestId("decision-done")).toContainText("陈秀英");
  expect(await newUrbanFigure(staff)).toBe(countyBefore + 1);
  expect(await newUrbanFigure(cityStaff)).toBe(cityBefore + 1);

  await cityStaff.locator('[data-testid="child-region"][data-code="610924"] a').click();
  await expect(cityStaff.getByTestId("dashboard-region")).toHaveText("紫阳县");
  await cityStaff.locator('[data-testid="indicator-row"][data-code="new_urban_employment"] [data-testid="done"] a').click();
  await expect(cityStaff.getByTestId("record").filter({ hasText: "陈秀英" }).filter({ hasText: orgName })).toHaveCount(1);

  expect((await hanbin.goto("/staff/indicators?region=610924"))?.status()).toBe(404);
  await hanbin.goto(`/staff/placements?status=all&q=${encodeURIComponent(orgName)}`);
  await expect(hanbin.getByTestId("placement").filter({ hasText: orgName })).toHaveCount(0);
});
