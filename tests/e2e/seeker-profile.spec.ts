import fs from "node:fs";
import { expect, test, type Page } from "@playwright/test";
import { demoRow, signUp } from "./fixtures.ts";

/** A resident ID number with its GB 11643 check character, computed here independently of the app. */
function idNumber(first17: string): string {
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = [...first17].reduce((acc, digit, i) => acc + Number(digit) * weights[i]!, 0);
  return first17 + "10X98765432"[sum % 11]!;
}

function profileRow(displayName: string): Record<string, unknown> | undefined {
  return demoRow<Record<string, unknown>>("SELECT p.* FROM SeekerProfile p JOIN User u ON u.id = p.userId WHERE u.displayName = ?", displayName);
}

async function signUpAsSeeker(page: Page, phone: string, displayName: string) {
  await signUp(page, { identifier: phone, displayName, password: "汉江水暖鸭先知2026" });
  await expect(page).toHaveURL(/\/me$/);
  await expect(page.getByTestId("completeness")).toContainText("0%");
}

const fitsScreen = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);

test.describe("seeker profile on a phone", () => {
  test("sign up, fill the profile, see the ID number masked, download everything", async ({ page }) => {
    const id = idNumber("61092419960215322"); // Ziyang, 1996-02-15, even sequence: female
    await signUpAsSeeker(page, "13988880001", "e2e 求职者一");
    await page.getByTestId("edit-profile").click();
    await expect(page.getByRole("heading", { name: "我的简历" })).toBeVisible();
    expect(await fitsScreen(page)).toBe(true);

    await page.getByLabel("姓名", { exact: true }).fill("刘晓燕");
    await page.getByLabel("联系电话", { exact: true }).fill("139 8888 0001");
    await page.getByLabel(/^身份证号/).fill(id.slice(0, 17) + (id[17] === "1" ? "2" : "1")); // one character wrong
    await page.getByLabel("最高学历").selectOption("college");
    await page.getByLabel("毕业学校").fill("安康职业技术学院");
    await expect(page.getByTestId("work-row")).toHaveCount(3);
    await page.getByLabel("单位名称").first().fill("东莞某玩具厂");
    await page.getByTestId("add-work-row").click();
    await expect(page.getByTestId("work-row")).toHaveCount(4);

    // With JavaScript the town list follows the chosen county.
    const county = page.locator('select[name="hometownCounty"]');
    const town = page.locator('select[name="hometownTown"]');
    await county.selectOption("610924");
    const towns = await town.locator("option").evaluateAll((options) => options.map((o) => (o as HTMLOptionElement).value).filter(Boolean));
    expect(towns.length).toBeGreaterThan(0);
    expect(towns.every((code) => code.startsWith("610924"))).toBe(true);
    await town.selectOption(towns[0]!);

    // The returnee kind appears once "returnee" is ticked.
    await expect(page.getByTestId("returnee-kind")).toHaveCount(0);
    await page.getByLabel("返乡人员").check();
    await page.getByLabel("技能人才").check();
    await page.getByLabel("招聘岗位").check();
    await page.getByLabel(/同意平台根据我的简历/).check();

    await page.getByRole("button", { name: "保存简历" }).click();
    await expect(page.locator("#profile-idNumber-error")).toHaveText(/校验不通过/);
    await expect(page.getByLabel("毕业学校")).toHaveValue("安康职业技术学院");

    await page.getByLabel(/^身份证号/).fill(id);
    await page.getByRole("button", { name: "保存简历" }).click();
    await expect(page.getByTestId("profile-saved")).toBeVisible();
    await expect(page.getByLabel(/^身份证号/)).toHaveValue("");
    const masked = `6109**********${id.slice(-4)}`;
    await expect(page.getByText(masked)).toBeVisible();
    await expect(page.getByTestId("id-derived")).toContainText("1996-02-15");
    await expect(page.getByTestId("id-derived")).toContainText("女");
    expect(await page.content()).not.toContain(id);
    await expect(page.getByLabel("单位名称").first()).toHaveValue("东莞某玩具厂");
    await expect(town).toHaveValue(towns[0]!);

    const row = profileRow("e2e 求职者一");
    expect(JSON.stringify(row)).not.toContain(id);
    expect(JSON.stringify(row)).not.toContain("13988880001");

    await page.getByRole("link", { name: "返回我的求职" }).click();
    await expect(page.getByTestId("id-masked")).toHaveText(masked);
    await expect(page.getByTestId("phone-masked")).toHaveText("139****0001");
    expect(await page.content()).not.toContain(id);
    expect(await fitsScreen(page)).toBe(true);

    const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("export-link").click()]);
    expect(download.suggestedFilename()).toMatch(/^my-data-\d{4}-\d{2}-\d{2}\.json$/);
    const data = JSON.parse(fs.readFileSync(await download.path(), "utf8"));
    expect(data.profile).toMatchObject({ name: "刘晓燕", phone: "13988880001", idNumber: id, sex: "female", groups: ["returnee"], returneeKind: "skilled" });
    expect(data.profile.workHistory).toEqual([{ employer: "东莞某玩具厂", title: "", from: "", to: "" }]);
    expect(data.account.phone).toBe("13988880001");
  });
});

test.describe("what matching reads, on a phone", () => {
  test("a seeker fills a wanted occupation, a certificate and how far they would travel, is helped with an unclear name, and sees them saved", async ({ page }) => {
    await signUpAsSeeker(page, "13988880003", "e2e 求职者三");
    await page.goto("/me/profile");
    await expect(page.getByTestId("matching-lead")).toContainText("不显示您的姓名和电话");
    // What you want comes first, consents last.
    const sections = await page.locator("form section").evaluateAll((nodes) => nodes.map((n) => n.id));
    expect(sections).toEqual(["wishes", "places", "education", "work", "basics", "groups", "consents"]);
    expect(await fitsScreen(page)).toBe(true);
    // The occupations to pick from are in the page, in its language.
    expect(await page.locator("datalist#occupation-names option").count()).toBeGreaterThan(600);

    await page.getByLabel("想做的工作 1").fill("护理");
    await page.getByLabel(/健康证明/).check();
    await page.getByLabel(/愿意去多远/).fill("30");
    await page.getByLabel("其他证书").fill("叉车");
    await page.getByLabel("现在所在的城市").fill("广东省 广州市");
    await page.getByRole("button", { name: "保存简历" }).click();
    await expect(page.locator("#profile-wishOccupations\\[0\\]-error")).toContainText("养老护理员");
    await expect(page.getByLabel("想做的工作 1")).toHaveValue("护理");
    await expect(page.getByLabel(/愿意去多远/)).toHaveValue("30");
    await expect(page.getByLabel(/健康证明/)).toBeChecked();

    await page.getByLabel("想做的工作 1").fill("养老护理员");
    await page.getByRole("button", { name: "保存简历" }).click();
    await expect(page.getByTestId("profile-saved")).toBeVisible();
    await expect(page.getByLabel("想做的工作 1")).toHaveValue("养老护理员");
    await expect(page.getByLabel(/健康证明/)).toBeChecked();
    // A certificate typed by name is now a ticked box of its own.
    await expect(page.getByLabel(/N1 叉车司机/)).toBeChecked();
    await expect(page.getByLabel("其他证书")).toHaveValue("");
    await expect(page.getByLabel(/愿意去多远/)).toHaveValue("30");
    await expect(page.getByLabel("现在所在的城市")).toHaveValue("广东省 广州市");
    expect(await fitsScreen(page)).toBe(true);

    const row = profileRow("e2e 求职者三")!;
    expect([row.wishOccupations, row.credentials, row.travelKm, row.awayCityCode]).toEqual([",4-10-01-05,", ",health_certificate,forklift,", 30, "440100"]);
    const userId = row.userId as number;
    expect(demoRow<{ n: number }>("SELECT COUNT(*) AS n FROM SeekerOccupation WHERE userId = ? AND code = '4-10-01-05'", userId)?.n).toBe(1);
  });
});

test.describe("seeker profile with JavaScript off", () => {
  test.use({ javaScriptEnabled: false });

  test("the plain form keeps what was typed, shows errors at their fields, saves, and the account can be deleted", async ({ page }) => {
    const id = idNumber("61090219900101111");
    await signUpAsSeeker(page, "13988880002", "e2e 求职者二");
    await page.goto("/me/profile");
    await expect(page.getByTestId("work-row")).toHaveCount(3);
    // Without JavaScript every extra is simply shown.
    await expect(page.getByTestId("returnee-kind")).toBeVisible();

    await page.getByLabel("姓名", { exact: true }).fill("赵建国");
    await page.getByLabel(/^身份证号/).fill(id);
    await page.getByLabel("毕业学校").fill("汉滨高级中学");
    await page.getByLabel("期望月薪不低于（元）").fill("三千");
    await page.getByLabel("单位名称").nth(1).fill("旬阳建工集团");
    await page.getByLabel("开始（年-月）").nth(1).fill("2015-03");
    await page.locator('select[name="currentTown"]').selectOption({ index: 1 });
    await page.getByLabel("返乡人员").check();
    await page.getByRole("button", { name: "保存简历" }).click();

    await expect(page.getByTestId("error-summary")).toBeVisible();
    await expect(page.locator("#profile-wishPayMin-error")).toHaveText("请填写 0 到 100000 之间的整数。");
    await expect(page.getByLabel("期望月薪不低于（元）")).toHaveValue("三千");
    await expect(page.getByLabel("毕业学校")).toHaveValue("汉滨高级中学");
    await expect(page.getByLabel("单位名称").nth(1)).toHaveValue("旬阳建工集团");
    await expect(page.getByLabel("开始（年-月）").nth(1)).toHaveValue("2015-03");
    await expect(page.getByLabel("返乡人员")).toBeChecked();

    // "Add a row" works by a round trip to the server.
    await page.getByTestId("add-work-row").click();
    await expect(page.getByTestId("work-row")).toHaveCount(4);
    await expect(page.getByLabel("单位名称").nth(1)).toHaveValue("旬阳建工集团");

    await page.getByLabel("期望月薪不低于（元）").fill("3000");
    await page.getByRole("button", { name: "保存简历" }).click();
    await expect(page.locator("#profile-returneeKind-error")).toHaveText("请选择返乡前的身份。");
    await page.getByLabel("退役军人").last().check();
    await page.getByRole("button", { name: "保存简历" }).click();
    await expect(page.getByTestId("profile-saved")).toBeVisible();
    await expect(page.getByText(`6109**********${id.slice(-4)}`)).toBeVisible();
    expect(await page.content()).not.toContain(id);

    // What matching reads works as plain form fields too.
    await expect(page.getByText(/16–24 岁、目前没有工作/)).toBeVisible();
    await page.getByLabel("想做的工作 1").fill("修脚");
    await page.getByLabel(/健康证明/).check();
    await page.getByLabel(/愿意去多远/).fill("三百多");
    await page.getByRole("button", { name: "保存简历" }).click();
    await expect(page.locator("#profile-travelKm-error")).toHaveText("请填写 1 到 300 之间的整数。");
    await expect(page.getByLabel(/愿意去多远/)).toHaveValue("三百多");
    await expect(page.getByLabel("想做的工作 1")).toHaveValue("修脚");
    await expect(page.getByLabel(/健康证明/)).toBeChecked();
    await page.getByLabel(/愿意去多远/).fill("15");
    await page.getByRole("button", { name: "保存简历" }).click();
    await expect(page.getByTestId("profile-saved")).toBeVisible();
    await expect(page.getByLabel("想做的工作 1")).toHaveValue("修脚师");
    await expect(page.getByLabel(/健康证明/)).toBeChecked();
    await expect(page.getByLabel(/愿意去多远/)).toHaveValue("15");
    const saved = profileRow("e2e 求职者二")!;
    expect(saved).toMatchObject({ wishOccupations: ",4-10-03-05,", credentials: ",health_certificate,", travelKm: 15 });

    await page.goto("/me/delete");
    await page.getByRole("button", { name: "永久注销" }).click();
    await expect(page.locator("#delete-account-confirm-error")).toHaveText("请勾选确认。");
    await page.getByLabel(/确认注销/).check();
    await page.getByRole("button", { name: "永久注销" }).click();
    await expect(page.getByTestId("account-deleted")).toBeVisible();
    await expect(page.getByTestId("nav-login")).toBeVisible();
    expect(profileRow("e2e 求职者二")).toBeUndefined();
    expect(demoRow<{ n: number }>("SELECT COUNT(*) AS n FROM SeekerOccupation WHERE userId = ?", saved.userId)?.n).toBe(0);
  });
});
