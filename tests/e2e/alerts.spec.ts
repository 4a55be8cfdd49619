import { expect, test, type Browser } from "@playwright/test";
import { messagesTo, publishJobCopy as publishCopy, saveShortProfile, signUp } from "./fixtures.ts";

/**
 * Issue 12's alert, end to end on a phone: a seeker saves a search, a new post matching it is
 * published, the site's alert runner and message outbox put one email in the real SMTP server's
 * inbox, its link opens the post, the seeker applies, and the unsubscribe link ends the alert.
 */

async function alertJourney(browser: Browser, javaScriptEnabled: boolean) {
  const stamp = String(Date.now()).slice(-6);
  // Words the two runs do not share: the page also lists partial matches.
  const word = `${javaScriptEnabled ? "枇杷" : "山楂"}${stamp}`;
  const email = `alerts-${javaScriptEnabled ? "js" : "plain"}-${stamp}@example.cn`;
  const page = await (await browser.newContext({ javaScriptEnabled })).newPage();
  await signUp(page, { identifier: email, displayName: `e2e 提醒${stamp}`, password: "秦岭深处有人家2026" });
  await expect(page).toHaveURL(/\/me$/);
  await saveShortProfile(page, { name: "周提醒", phone: "13988883001" });

  // 1. Nothing yet: the seeker saves the search, to hear at once.
  await page.goto(`/search?q=${encodeURIComponent(word)}`);
  await expect(page.getByTestId("result")).toHaveCount(0);
  const save = page.getByTestId("save-search");
  await save.locator("summary").click();
  await save.getByLabel("有新的就提醒").check();
  await expect(save.getByLabel("邮件")).toBeChecked();
  // No way to be told: the form comes back with the search and the rhythm kept, and says what is missing.
  await save.getByLabel("站内消息").uncheck();
  await save.getByLabel("邮件").uncheck();
  await save.getByTestId("save-search-submit").click();
  const again = page.getByTestId("save-again");
  await expect(again).toContainText("请至少选一种提醒方式。");
  await expect(again.getByLabel("有新的就提醒")).toBeChecked();
  await again.getByLabel("邮件").check();
  await again.getByRole("button", { name: "有新机会时提醒我" }).click();
  await expect(page).toHaveURL(/\/me\/alerts\?done=created/);
  await expect(page.getByTestId("alert")).toHaveCount(1);
  await expect(page.getByTestId("alert-search")).toContainText(word);

  // 2. A matching post is published: one email arrives, within the alert runner's next passes.
  const since = Date.now();
  const title = `蒸面师傅${word}（新）`;
  const postId = publishCopy(title);
  await expect.poll(() => messagesTo(email, since).length, { timeout: 20_000 }).toBe(1);
  const [mail] = messagesTo(email, since);
  expect(mail!.subject).toBe("您关注的搜索有 1 个新机会");
  expect(mail!.text).toContain(title);
  const postLink = new URL(/https?:\/\/\S+\/job\/\d+/.exec(mail!.text)![0]);
  expect(postLink.pathname).toBe(`/job/${postId}`);

  // 3. The link opens the post, and the seeker applies.
  await page.goto(postLink.pathname);
  await expect(page.getByTestId("detail-title")).toHaveText(title);
  await page.getByTestId("apply").click();
  await page.getByRole("button", { name: "确认申请" }).click();
  await expect(page.getByTestId("applied-notice")).toBeVisible();

  // 4. No second email for the same post, and the unsubscribe link ends the alert.
  await page.waitForTimeout(4_500);
  expect(messagesTo(email, since)).toHaveLength(1);
  const unsubscribe = new URL(/https?:\/\/\S+\/alerts\/unsubscribe\/[\w-]+/.exec(mail!.text)![0]);
  await page.goto(unsubscribe.pathname);
  await page.getByTestId("unsubscribe").click();
  await expect(page.getByTestId("unsubscribed")).toHaveText("已退订，不会再收到这条提醒。");
  await page.goto("/me/alerts");
  await expect(page.getByTestId("no-alerts")).toBeVisible();
  await page.context().close();
}

/** A visitor without an account: an address at the search, its confirmation link, one email for a new post, then the manage link stops it. */
async function visitorJourney(browser: Browser, javaScriptEnabled: boolean) {
  const stamp = String(Date.now()).slice(-6);
  const word = `${javaScriptEnabled ? "香椿" : "核桃"}${stamp}`;
  const email = `visitor-${javaScriptEnabled ? "js" : "plain"}-${stamp}@example.cn`;
  const page = await (await browser.newContext({ javaScriptEnabled })).newPage();
  await page.goto(`/search?q=${encodeURIComponent(word)}`);
  const save = page.getByTestId("save-search");
  await save.locator("summary").click();
  await expect(save.getByTestId("save-search-login")).toBeVisible();
  // A bad address: the message at the field, what was typed and chosen kept.
  await save.getByLabel("邮箱").fill("visitor-at-example");
  await save.getByLabel("有新的就提醒").check();
  await save.getByTestId("email-alert-submit").click();
  await expect(page.getByText("请填写正确的邮箱地址，如 name@example.com。")).toBeVisible();
  await expect(page.getByLabel("邮箱")).toHaveValue("visitor-at-example");
  await expect(page.getByLabel("有新的就提醒")).toBeChecked();
  const since = Date.now();
  await page.getByLabel("邮箱").fill(email);
  await page.getByTestId("email-alert-submit").click();
  await expect(page.getByTestId("alert-sent")).toContainText("请查收邮件");

  await expect.poll(() => messagesTo(email, since).length, { timeout: 20_000 }).toBe(1);
  const [confirmation] = messagesTo(email, since);
  expect(confirmation!.subject).toBe("请确认您的职位提醒");
  const confirm = new URL(/https?:\/\/\S+\/alerts\/confirm\/[\w-]+/.exec(confirmation!.text)![0]);
  await page.goto(confirm.pathname);
  await page.getByTestId("confirm-alert").click();
  await expect(page.getByTestId("confirm-confirmed")).toBeVisible();

  const title = `蒸面师傅${word}（新）`;
  const postId = publishCopy(title);
  await expect.poll(() => messagesTo(email, since).length, { timeout: 20_000 }).toBe(2);
  const mail = messagesTo(email, since).find((m) => m.subject === "您关注的搜索有 1 个新机会")!;
  expect(mail.text).toContain(`/job/${postId}`);
  const manage = new URL(/https?:\/\/\S+\/alerts\/manage\/[\w-]+/.exec(mail.text)![0]);
  await page.goto(manage.pathname);
  await expect(page.getByText(word)).toBeVisible();
  await page.getByTestId("manage-stop").click();
  await expect(page.getByTestId("manage-deleted")).toBeVisible();
  const unsubscribe = new URL(/https?:\/\/\S+\/alerts\/unsubscribe\/[\w-]+/.exec(mail.text)![0]);
  await page.goto(unsubscribe.pathname);
  await expect(page.getByTestId("unsubscribe-gone")).toBeVisible();
  await page.context().close();
}

test.describe("alerts on a phone", () => {
  test("a visitor without an account confirms an address, gets one email for a new post, and stops it from the mail's link", async ({ browser }) => {
    test.setTimeout(90_000);
    await visitorJourney(browser, true);
  });

  test("the visitor's journey without JavaScript", async ({ browser }) => {
    test.setTimeout(90_000);
    await visitorJourney(browser, false);
  });

  test("a saved search brings one email for a new post; its link opens the post to apply; unsubscribing ends it", async ({ browser }) => {
    test.setTimeout(90_000);
    await alertJourney(browser, true);
  });

  test("the same without JavaScript", async ({ browser }) => {
    test.setTimeout(90_000);
    await alertJourney(browser, false);
  });
});
