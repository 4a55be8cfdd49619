import { expect, test } from "@playwright/test";
import { demoLogin, demoRow, logIn } from "./fixtures.ts";

/** The demo employer's organization, read from the e2e site's own database. */
function demoEmployerOrganization(): string {
  const row = demoRow<{ name: string }>(
    "SELECT o.name FROM Organization o JOIN Membership m ON m.organizationId = o.id JOIN User u ON u.id = m.userId WHERE u.email = ?",
    demoLogin("employer"),
  );
  if (!row) throw new Error("the demo employer has no organization");
  return row.name;
}

test("a seeker applies to a demo employer's post; the employer invites and hires; the seeker sees it and is notified", async ({ browser }) => {
  const orgName = demoEmployerOrganization();

  // The seeker finds one of the employer's posts by searching its name, and applies in one step.
  const seeker = await logIn(browser, demoLogin("seeker"));
  await seeker.goto("/search?kind=job");
  await seeker.getByRole("searchbox").first().fill(orgName);
  await seeker.getByRole("button", { name: "搜索" }).first().click();
  const card = seeker.getByTestId("result").filter({ hasText: orgName }).first();
  await expect(card).toBeVisible();
  await card.getByRole("link").first().click();
  const title = (await seeker.getByTestId("detail-title").innerText()).trim();
  await expect(seeker.getByText(orgName).first()).toBeVisible();
  await seeker.getByTestId("apply").click();

  await expect(seeker.getByTestId("apply-title")).toHaveText(title);
  const applyUrl = seeker.url();
  await expect(seeker.getByTestId("consent-note")).toContainText("完整联系电话");
  await expect(seeker.getByTestId("shared-phone")).toHaveText("13800000001");
  await seeker.getByRole("button", { name: "确认申请" }).click();

  await expect(seeker).toHaveURL(/\/me\/applications\?applied=\d+/);
  await expect(seeker.getByTestId("applied-notice")).toBeVisible();
  const mine = seeker.getByTestId("application").filter({ hasText: title }).first();
  await expect(mine.getByTestId("application-status")).toHaveText("已投递");
  const applicationId = await mine.getAttribute("data-application-id");

  // Applying again is refused politely.
  await seeker.goto(applyUrl);
  await expect(seeker.getByTestId("apply-refused")).toContainText("已经申请过");

  // The employer finds the applicant on the post's list, invites to interview, then confirms the hire.
  const employer = await logIn(browser, demoLogin("employer"));
  await employer.goto("/employer/applicants");
  await employer.getByLabel("搜索姓名或技能").fill("王小红");
  await employer.getByRole("button", { name: "筛选" }).click();
  const row = employer.getByTestId("applicant").filter({ hasText: title }).first();
  await expect(row.getByTestId("application-status")).toHaveText("新申请");
  await row.getByTestId("applicant-name").click();
  await expect(employer).toHaveURL(new RegExp(`/employer/applicants/${applicationId}$`));
  await expect(employer.getByTestId("shared-phone")).toHaveText("13800000001");

  await employer.getByRole("button", { name: "邀请面试" }).click();
  await expect(employer.getByTestId("done-notice")).toContainText("已邀请面试");
  await expect(employer.getByTestId("application-status")).toHaveText("面试");

  await employer.getByRole("button", { name: "确认入职" }).click();
  await expect(employer.getByTestId("done-notice")).toContainText("已确认入职");
  await expect(employer.getByTestId("placement")).toContainText("待核实");
  await expect(employer.getByTestId("timeline").locator("li")).toHaveCount(3);

  // The seeker sees the new status with its timeline, and the unread count in the header.
  await seeker.goto("/me/applications");
  const updated = seeker.locator(`#application-${applicationId}`);
  await expect(updated.getByTestId("application-status")).toHaveText("已入职");
  await expect(updated.getByTestId("timeline").locator("li")).toHaveCount(3);
  const badge = seeker.getByTestId("nav-home").locator("span");
  await expect(badge).toHaveText(/^\d+$/);
  expect(Number(await badge.innerText())).toBeGreaterThanOrEqual(2);

  await seeker.goto("/notifications");
  await expect(seeker.getByTestId("notification").filter({ hasText: "邀请您面试" })).toHaveCount(1);
  await expect(seeker.getByTestId("notification").filter({ hasText: "已确认入职" })).toHaveCount(1);
});
