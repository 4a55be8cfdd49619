import { expect, test, type Page } from "@playwright/test";
import { logIn } from "./fixtures.ts";

/**
 * Form pages load no validation library with the page (issue 9, point 6: ≤ 90 KiB): the server
 * checks and answers with field messages; the form's zod schema comes at the first focus or
 * keystroke, and then checks live. zod's issue codes ("invalid_type") are string literals that
 * survive minification, so a script holding them is zod.
 */
const holdsZod = (body: string) => body.includes("invalid_type") && body.includes("too_small");

/** Opens the page and returns the scripts of its first load (until the network is idle), with their text. */
async function openAndCollectScripts(page: Page, path: string) {
  const scripts = new Map<string, Promise<string>>();
  page.on("response", (response) => {
    if (response.request().resourceType() === "script") scripts.set(response.url(), response.text().catch(() => ""));
  });
  await page.goto(path, { waitUntil: "networkidle" });
  const firstLoad = new Map<string, string>();
  for (const [url, text] of scripts) firstLoad.set(url, await text);
  return { firstLoad, all: scripts };
}

test.describe("form pages load their validation only when used", () => {
  test("the login page's first load carries no zod; a bad submit without it still gets the server's field message and keeps what was typed", async ({ page }) => {
    // Every script that was not part of the first load is refused: the validator never arrives.
    let loaded = false;
    const refused: string[] = [];
    await page.route("**/build/**/*.js", (route) => {
      if (loaded) {
        refused.push(route.request().url());
        return route.abort();
      }
      return route.continue();
    });
    const { firstLoad } = await openAndCollectScripts(page, "/login");
    expect(firstLoad.size).toBeGreaterThan(0);
    expect([...firstLoad].filter(([, body]) => holdsZod(body)).map(([url]) => url)).toEqual([]);
    loaded = true;

    await page.getByLabel("手机号或邮箱").fill("138 0000");
    await page.getByLabel("密码", { exact: true }).fill("x");
    await page.getByRole("button", { name: "登录", exact: true }).click();
    await expect(page.locator("#login-identifier-error")).toHaveText("请输入 11 位手机号或有效的电子邮箱。");
    await expect(page.getByLabel("手机号或邮箱")).toHaveValue("138 0000");
    expect(refused.length).toBeGreaterThan(0); // the page did ask for its validator, and managed without it
  });

  test("after the first keystroke the login form checks live, in the page's language, without sending anything", async ({ page }) => {
    const posts: string[] = [];
    page.on("request", (request) => {
      if (request.method() === "POST") posts.push(request.url());
    });
    const { firstLoad, all } = await openAndCollectScripts(page, "/login");
    const identifier = page.getByLabel("手机号或邮箱");
    await identifier.fill("138 0000");
    // The validator arrives after the first use: a script that was not in the first load, holding zod.
    await expect(async () => {
      const later = [...all.keys()].filter((url) => !firstLoad.has(url));
      const bodies = await Promise.all(later.map((url) => all.get(url)!));
      expect(bodies.some(holdsZod)).toBe(true);
    }).toPass();
    await identifier.blur();
    await expect(page.locator("#login-identifier-error")).toHaveText("请输入 11 位手机号或有效的电子邮箱。");
    await expect(identifier).toHaveAttribute("aria-invalid", "true");
    // A message shown follows every keystroke: it goes as soon as the number is whole.
    await identifier.focus();
    await page.keyboard.press("End");
    await page.keyboard.type("0001");
    await expect(page.locator("#login-identifier-error")).toHaveCount(0);
    await expect(identifier).toHaveValue("138 00000001");
    expect(posts).toEqual([]);
  });

  test("the profile form adds and removes work rows in the browser and checks a field when it is left", async ({ browser }) => {
    const seeker = await logIn(browser, "13800000001");
    const { firstLoad } = await openAndCollectScripts(seeker, "/me/profile");
    expect([...firstLoad.values()].some(holdsZod)).toBe(false);
    // A slow phone: the validator arrives only after the field has been left, and checks it then.
    await seeker.route("**/build/**/*.js", async (route) => {
      await new Promise((resolve) => setTimeout(resolve, 800));
      await route.continue();
    });
    const pay = seeker.getByLabel("期望月薪不低于（元）");
    await pay.fill("很多");
    await pay.blur();
    await expect(seeker.locator("#profile-wishPayMin-error")).toHaveText("请填写 0 到 100000 之间的整数。");
    const rows = await seeker.getByTestId("work-row").count();
    await seeker.getByTestId("add-work-row").click();
    await expect(seeker.getByTestId("work-row")).toHaveCount(rows + 1);
    await expect(pay).toHaveValue("很多");
    await seeker.context().close();
  });
});
