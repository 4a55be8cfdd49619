import { expect, test, type Browser, type Page } from "@playwright/test";
import { latestCode, messagesTo, signUp, submitLogin } from "./fixtures.ts";

async function freshPage(browser: Browser): Promise<Page> {
  return (await browser.newContext()).newPage();
}

test.describe("code login and password reset on a phone", () => {
  test("logs in with a code by email (a real SMTP server) and by SMS, from the link on /login", async ({ browser }) => {
    const stamp = String(Date.now()).slice(-7);
    const email = `code-login-${stamp}@example.com`;
    const phone = `1377${stamp}`;
    await signUp(await freshPage(browser), { identifier: email, displayName: "验证码 刘经理", password: "安康的茶园春天最绿", employer: true });
    await signUp(await freshPage(browser), { identifier: phone, displayName: "验证码 求职者", password: "月河两岸稻花飘香2026" });

    for (const [identifier, home] of [[email, /\/employer$/], [phone, /\/me$/]] as const) {
      const page = await freshPage(browser);
      await page.goto("/login");
      await page.getByRole("link", { name: "用验证码登录（短信或邮件）" }).click();
      await expect(page).toHaveURL(/\/login\/code$/);
      await expect(page.getByRole("heading", { name: "验证码登录" })).toBeVisible();
      await expect(page.getByLabel("密码", { exact: true })).toHaveCount(0); // its own page, not the password form
      await page.getByLabel("手机号或邮箱").fill(identifier);
      const since = Date.now();
      await page.getByRole("button", { name: "发送验证码", exact: true }).click();
      await expect(page.getByTestId("code-sent")).toContainText("如果这个手机号或邮箱有账号");
      const code = await latestCode(identifier, since);
      expect(messagesTo(identifier, since).at(-1)?.text).toContain("登录验证码");
      await page.getByLabel("验证码").fill(code === "000000" ? "111111" : "000000");
      await page.getByRole("button", { name: "登录", exact: true }).click();
      await expect(page.getByTestId("form-error").or(page.getByRole("alert")).first()).toContainText("验证码不对或已失效");
      await page.getByLabel("验证码").fill(code);
      await page.getByRole("button", { name: "登录", exact: true }).click();
      await expect(page).toHaveURL(home);
    }

    // An address with no account gets the same page, and no message goes anywhere.
    const page = await freshPage(browser);
    await page.goto("/login/code");
    await page.getByLabel("手机号或邮箱").fill(`nobody-${stamp}@example.com`);
    const since = Date.now();
    await page.getByRole("button", { name: "发送验证码", exact: true }).click();
    await expect(page.getByTestId("code-sent")).toContainText("如果这个手机号或邮箱有账号");
    await page.waitForTimeout(500);
    expect(messagesTo(`nobody-${stamp}@example.com`, since)).toEqual([]);
  });

  test("resets a forgotten password by a mailed code: the new password works, the old one and every other session end", async ({ browser }) => {
    const stamp = String(Date.now()).slice(-7);
    const email = `reset-${stamp}@example.com`;
    const oldPassword = "汉江边的老柳树2026";
    const newPassword = "紫阳茶山上的云雾很美";
    const other = await freshPage(browser);
    await signUp(other, { identifier: email, displayName: "重设 王芳", password: oldPassword });
    await expect(other).toHaveURL(/\/me$/);

    const page = await freshPage(browser);
    await page.goto("/login");
    await page.getByRole("link", { name: "忘记密码？" }).click();
    await expect(page).toHaveURL(/\/forgot-password$/);
    await page.getByLabel("手机号或邮箱").fill(email);
    const since = Date.now();
    await page.getByRole("button", { name: "发送验证码", exact: true }).click();
    const code = await latestCode(email, since);
    expect(messagesTo(email, since).at(-1)?.subject).toBe("重设密码的验证码");

    // A common password is refused with the reason and what to do, in Chinese.
    await page.getByLabel("验证码").fill(code);
    await page.getByLabel("新密码").fill("qwerty12");
    await page.getByRole("button", { name: "设置新密码并登录" }).click();
    const fieldError = page.locator("#reset-verify-password-error"); // conform's id for the field's message
    await expect(fieldError).toContainText("这是一个很常见的密码");
    await expect(fieldError).toContainText("一句只有您自己知道的话");
    await expect(fieldError).not.toContainText(/[A-Za-z]{5,}/);

    await page.getByLabel("验证码").fill(code);
    await page.getByLabel("新密码").fill(newPassword);
    await page.getByRole("button", { name: "设置新密码并登录" }).click();
    await expect(page).toHaveURL(/\/me$/);

    // The session on the other device ended with the reset.
    await other.goto("/account");
    await expect(other).toHaveURL(/\/login/);

    const check = await freshPage(browser);
    await submitLogin(check, email, oldPassword);
    await expect(check.getByTestId("form-error")).toContainText("手机号/邮箱或密码不对");
    await submitLogin(check, email, newPassword);
    await expect(check).toHaveURL(/\/me$/);
  });
});
