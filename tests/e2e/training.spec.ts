import { expect, test, type Page } from "@playwright/test";
import { demoLogin, demoRow, logIn, publishJobCopy, saveShortProfile, signUp, withDemoDb } from "./fixtures.ts";

const PROVIDER = "training@demo-provider.cn";

/** The brand page's "employed after training" figure this year. */
async function placedFigure(page: Page): Promise<number> {
  await page.goto("/brands/ziyang_pedicure");
  return Number(await page.getByTestId("figure-placed").innerText());
}

test("a returnee enrols in a 紫阳修脚师 course, the provider records completion with the certificate, the learner applies to a post wanting it, is hired, staff verify, and the brand's after-training figure rises by one", async ({ browser }) => {
  const stamp = String(Date.now()).slice(-6);
  const name = `培训${stamp}`;
  const phone = `1397777${stamp.slice(-4)}`;
  // An open session of the demo provider's 紫阳修脚师 course.
  const course = demoRow<{ id: number }>(
    `SELECT c.id FROM TrainingCourse c JOIN Organization o ON o.id = c.providerId
     WHERE o.name = '紫阳县修脚技艺培训学校' AND c.brandCode = 'ziyang_pedicure' AND c.status = 'published' AND c.placesLeft > 1 AND c.credentialCode IS NOT NULL
     ORDER BY c.enrolDeadline DESC LIMIT 1`,
  );
  if (!course) throw new Error("no open 紫阳修脚师 course of the demo provider");

  const visitor = await browser.newPage();
  const before = await placedFigure(visitor);

  // 1. The returnee signs up, saves the short profile, and enrols from the course's page.
  const learner = await browser.newPage();
  await signUp(learner, { identifier: phone, displayName: name, password: "秦巴山水养育人2026" });
  await expect(learner).toHaveURL(/\/me$/);
  await saveShortProfile(learner, { name, phone });
  await learner.goto(`/course/${course.id}`);
  const placesBefore = demoRow<{ placesLeft: number }>("SELECT placesLeft FROM TrainingCourse WHERE id = ?", course.id)!.placesLeft;
  await learner.getByTestId("enrol").click();
  await learner.getByLabel("姓名", { exact: true }).fill("");
  await learner.getByRole("button", { name: "确认报名" }).click();
  await expect(learner.getByText("请填写您的姓名。")).toBeVisible();
  await learner.getByLabel("姓名", { exact: true }).fill(name);
  await learner.getByRole("button", { name: "确认报名" }).click();
  await expect(learner).toHaveURL(/\/me\/training\?enrolled=\d+/);
  await expect(learner.getByTestId("enrolment").first().getByTestId("enrolment-status")).toHaveText("已报名");
  expect(demoRow<{ placesLeft: number }>("SELECT placesLeft FROM TrainingCourse WHERE id = ?", course.id)!.placesLeft).toBe(placesBefore - 1);

  // The session runs (its start moves into the past, as time would).
  withDemoDb((db) => db.prepare("UPDATE TrainingCourse SET startDate = (SELECT MIN(startDate) FROM TrainingCourse) WHERE id = ?").run(course.id), { write: true });

  // 2. The provider records completion with the certificate.
  const provider = await logIn(browser, PROVIDER);
  await provider.goto("/employer/training");
  await provider.goto(`/employer/training/${course.id}`);
  const row = provider.locator(`[data-testid="learner"][data-name="${name}"]`);
  await row.getByTestId("complete-form").getByRole("checkbox").check();
  await row.getByTestId("complete-form").getByRole("button", { name: "记录结业" }).click();
  await expect(provider.getByTestId("saved-notice")).toContainText(name);
  await expect(provider.locator(`[data-testid="learner"][data-name="${name}"]`).getByTestId("learner-status")).toHaveText("已结业");

  // 3. A post of the demo employer wants that certificate; the completer sees it on their training page.
  const title = `持证修脚师${stamp}`;
  const postingId = publishJobCopy(title, { countyCode: "610924" });
  withDemoDb((db) => {
    const org = db.prepare("SELECT m.organizationId AS id FROM Membership m JOIN User u ON u.id = m.userId WHERE u.email = ?").get(demoLogin("employer")) as { id: number };
    db.prepare("UPDATE Posting SET organizationId = ?, credentials = ',special_pedicure,', publishedAt = ? WHERE id = ?").run(org.id, new Date(Date.now() + 86_400_000).toISOString(), postingId);
  }, { write: true });
  await learner.goto("/me/training");
  await expect(learner.getByTestId("certificate").first()).toBeVisible();
  await learner.getByTestId("matching-posts").first().getByRole("link", { name: title }).click();
  await learner.getByTestId("apply").click();
  await learner.getByRole("button", { name: "确认申请" }).click();
  await expect(learner.getByTestId("applied-notice")).toBeVisible();

  // 4. The employer hires.
  const employer = await logIn(browser, demoLogin("employer"));
  await employer.goto(`/employer/applicants?posting=${postingId}`);
  // Listed for this one post, the row names the applicant (the title is the heading).
  await employer.getByTestId("applicant").filter({ hasText: name }).first().getByTestId("applicant-name").click();
  await employer.getByRole("button", { name: "确认入职" }).click();
  await expect(employer.getByTestId("placement")).toContainText("待核实");

  // 5. Ziyang staff verify the placement: the brand's after-training figure rises by one.
  const staff = await logIn(browser, demoLogin("ziyangStaff"));
  await staff.goto(`/staff/placements?q=${encodeURIComponent(name)}`);
  await staff.getByTestId("placement").filter({ hasText: name }).getByTestId("verify").click();
  await expect(staff.getByTestId("decision-done")).toContainText(name);
  expect(await placedFigure(visitor)).toBe(before + 1);
});
