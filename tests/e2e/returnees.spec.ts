import { expect, test, type Browser } from "@playwright/test";
import { logIn, messagesTo, publishJobCopy, saveShortProfile, signUp } from "./fixtures.ts";

/**
 * Issue 12's returnee, end to end on a phone: someone working in 广州 registers without an account,
 * confirms by the link in the real SMTP inbox, a new post in the home county brings an email, its
 * link opens the post, and after signing up they apply. County staff then find them in the register.
 */
async function returneeJourney(browser: Browser, javaScriptEnabled: boolean) {
  const stamp = String(Date.now()).slice(-6);
  const email = `guiyan-${javaScriptEnabled ? "js" : "plain"}-${stamp}@example.cn`;
  const name = `${javaScriptEnabled ? "陈" : "林"}归雁${stamp}`;
  const page = await (await browser.newContext({ javaScriptEnabled })).newPage();
  await page.setExtraHTTPHeaders({ "X-Forwarded-For": `10.77.${javaScriptEnabled ? 1 : 2}.${Number(stamp) % 250 + 1}` });
  await page.goto("/");
  await page.getByTestId("returnees-link").click();
  await expect(page.getByRole("heading", { name: "归雁回乡登记" })).toBeVisible();

  // A bad address: the message at its field, everything typed and chosen kept.
  await page.getByLabel("姓名", { exact: true }).fill(name);
  await page.getByLabel("邮箱", { exact: true }).fill("guiyan-at-example");
  await page.getByLabel("县区", { exact: true }).selectOption({ label: "紫阳县" });
  await page.getByLabel("现在在哪个城市").fill("广州");
  await page.getByLabel("在外主要做什么").selectOption({ label: "技能人才" });
  await page.getByLabel("行业或手艺").fill("电工");
  await page.getByLabel("找一份工作").check();
  await page.getByLabel("半年内").check();
  await page.getByLabel("有新的就提醒").check();
  await page.getByLabel(/我同意家乡县区/).check();
  await page.getByRole("button", { name: "提交登记" }).click();
  await expect(page.getByText("请输入有效的邮箱，如 name@example.com。")).toBeVisible();
  await expect(page.getByLabel("行业或手艺")).toHaveValue("电工");
  await expect(page.getByLabel("半年内")).toBeChecked();

  const since = Date.now();
  await page.getByLabel("邮箱", { exact: true }).fill(email);
  if (!javaScriptEnabled) await page.getByLabel(/我同意家乡县区/).check();
  await page.getByRole("button", { name: "提交登记" }).click();
  await expect(page.getByTestId("returnee-check")).toContainText("请查收确认链接");

  // The link in the mail: a button to confirm (a mail scanner's visit confirms nothing).
  await expect.poll(() => messagesTo(email, since).length, { timeout: 20_000 }).toBe(1);
  const [confirmation] = messagesTo(email, since);
  expect(confirmation!.subject).toBe("请确认您的归雁回乡登记");
  const mine = new URL(/https?:\/\/\S+\/returnees\/r\/[\w-]+/.exec(confirmation!.text)![0]);
  await page.goto(mine.pathname);
  await page.getByTestId("returnee-confirm").click();
  await expect(page.getByTestId("returnee-done")).toContainText("登记已确认");
  await expect(page.getByTestId("returnee-home")).toHaveText("紫阳县");

  // A new post at home: an email with its link, within the alert runner's next passes.
  const title = `回乡电工${stamp}${javaScriptEnabled ? "甲" : "乙"}`;
  const postId = publishJobCopy(title, { countyCode: "610924" });
  await expect.poll(() => messagesTo(email, since).filter((m) => m.text.includes(`/job/${postId}`)).length, { timeout: 20_000 }).toBe(1);
  const alert = messagesTo(email, since).find((m) => m.text.includes(`/job/${postId}`))!;
  expect(alert.text).toContain(title);
  expect(alert.text).toMatch(/\/alerts\/unsubscribe\/[\w-]+/);

  // The link opens the post; applying needs an account, made with the same address.
  await page.goto(`/job/${postId}`);
  await expect(page.getByTestId("detail-title")).toHaveText(title);
  await signUp(page, { identifier: email, displayName: name, password: "秦岭深处有人家2026" });
  await expect(page).toHaveURL(/\/me$/);
  await saveShortProfile(page, { name, phone: `1398877${stamp.slice(-4)}` });
  await page.goto(`/job/${postId}`);
  await page.getByTestId("apply").click();
  await page.getByRole("button", { name: "确认申请" }).click();
  await expect(page.getByTestId("applied-notice")).toBeVisible();
  // Never the same post twice.
  await page.waitForTimeout(4_500);
  expect(messagesTo(email, since).filter((m) => m.text.includes(`/job/${postId}`))).toHaveLength(1);
  await page.context().close();
  return name;
}

test.describe("returnees on a phone", () => {
  test("someone working away registers without an account, confirms by email, gets a new post at home by email and applies; county staff see them", async ({ browser }) => {
    test.setTimeout(120_000);
    const name = await returneeJourney(browser, true);
    const staff = await logIn(browser, "ziyang@demo.ankang.gov.cn");
    await staff.goto(`/staff/returnees?q=${encodeURIComponent(name)}`);
    await expect(staff.getByTestId("registrant")).toHaveCount(1);
    await expect(staff.getByTestId("registrant")).toContainText("广东省 广州市");
    const hanbin = await logIn(browser, "hanbin@demo.ankang.gov.cn");
    await hanbin.goto(`/staff/returnees?q=${encodeURIComponent(name)}`);
    await expect(hanbin.getByTestId("registrant")).toHaveCount(0);
  });

  test("the same journey without JavaScript", async ({ browser }) => {
    test.setTimeout(120_000);
    await returneeJourney(browser, false);
  });
});
