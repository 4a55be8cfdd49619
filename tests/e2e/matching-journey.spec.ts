import fs from "node:fs";
import { expect, test, type Browser, type Page } from "@playwright/test";
import { demoLogin, demoRow, logIn, signUp } from "./fixtures.ts";

/**
 * Issue 11's journey on a phone, with JavaScript and without: a new seeker fills what matching
 * reads, sees recommendations with their reasons in words, the demo employer finds them as an
 * anonymous candidate on a post and invites them, and the seeker applies from the invitation. Only
 * then does the employer learn who they are.
 */

type Entry = [code: string, zh: string, en: string, ...rest: unknown[]];
const vocabulary = (file: string) => JSON.parse(fs.readFileSync(`data/occupations/${file}.json`, "utf8"));
const occupations = new Map((vocabulary("occupations").occupations as Entry[]).map(([code, zh]) => [code, zh]));
const credentialFile = vocabulary("credentials");
const requirementNames = new Map([...(credentialFile.credentials as Entry[]), ...(credentialFile.skills as Entry[])].map(([code, zh]) => [code, zh]));
const list = (comma: string) => comma.split(",").filter(Boolean);

interface Post { id: number; title: string; occupationCode: string; regionCode: string; countyCode: string; credentials: string; skillCodes: string }

/** The demo employer's first open job that names an occupation and asks for a certificate. */
function employersPost(): Post {
  const post = demoRow<Post>(
    `SELECT p.id, p.title, p.occupationCode, p.regionCode, p.countyCode, p.credentials, p.skillCodes
       FROM Posting p JOIN Membership m ON m.organizationId = p.organizationId JOIN User u ON u.id = m.userId
      WHERE u.email = ? AND p.status = 'published' AND p.kind = 'job' AND p.groupOnly = 0 AND p.validUntil > ?
        AND p.occupationCode LIKE '_-__-__-__' AND p.credentials <> ',' ORDER BY p.id LIMIT 1`,
    demoLogin("employer"), new Date(Date.now() + 86_400_000).toISOString(),
  );
  if (!post) throw new Error("the demo employer has no open job asking for a certificate");
  return post;
}

/** Fills what matching reads, as a person would: the occupation by its name, the post's certificates and skills named, home in the post's town. */
async function fillWhatMatchingReads(page: Page, post: Post, who: { name: string; phone: string; workTitle: string }) {
  await page.goto("/me/profile");
  await page.getByLabel("姓名", { exact: true }).fill(who.name);
  await page.getByLabel("联系电话", { exact: true }).fill(who.phone);
  await page.getByLabel("招聘岗位").check();
  await page.getByLabel("想做的工作 1").fill(occupations.get(post.occupationCode)!);
  // Typed by name, as someone whose certificate is not among the common boxes would.
  await page.getByLabel("其他证书").fill(list(post.credentials).map((c) => requirementNames.get(c)!).join("、"));
  await page.getByLabel("其他技能").fill(list(post.skillCodes).map((c) => requirementNames.get(c)!).join("、"));
  await page.getByLabel("工作年限（年）").fill("6");
  await page.getByLabel(/愿意去多远/).fill("20");
  await page.locator('select[name="hometownCounty"]').selectOption(post.countyCode);
  await page.locator('select[name="hometownTown"]').selectOption(post.regionCode);
  await page.getByLabel("单位名称").first().fill("广州某物流公司");
  await page.getByLabel("岗位", { exact: true }).first().fill(who.workTitle);
  await page.getByLabel("开始（年-月）").first().fill("2019-04");
  await page.getByLabel(/同意平台根据我的简历/).check();
  await page.getByLabel(/同意把我的简历/).check();
  await page.getByLabel(/同意以匿名候选人的方式/).check();
  await page.getByRole("button", { name: "保存简历" }).click();
  await expect(page.getByTestId("profile-saved")).toBeVisible();
}

const fitsScreen = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);

async function journey(browser: Browser, javaScriptEnabled: boolean, phone: string) {
  const post = employersPost();
  const stamp = String(Date.now()).slice(-6);
  const who = { name: `匹配${javaScriptEnabled ? "甲" : "乙"}${stamp}`, phone, workTitle: `牵引车司机${stamp}` };
  const occupation = occupations.get(post.occupationCode)!;

  // 1. A new seeker signs up and fills what matching reads.
  const seeker = await (await browser.newContext({ javaScriptEnabled })).newPage();
  await signUp(seeker, { identifier: phone, displayName: `e2e ${who.name}`, password: "汉水悠悠归雁还乡2026" });
  await expect(seeker).toHaveURL(/\/me$/);
  await fillWhatMatchingReads(seeker, post, who);

  // 2. Recommendations, each with its reasons in words; the employer's post is among them, and "why this?" opens the rest.
  await seeker.goto("/me/recommendations");
  const top = seeker.getByTestId("section-top");
  await expect(top.getByTestId("result").first()).toBeVisible();
  expect(await fitsScreen(seeker)).toBe(true);
  const card = top.getByTestId("result").filter({ has: seeker.locator(`a[href="/job/${post.id}"]`) });
  await expect(card).toHaveCount(1);
  await expect(card.getByTestId("reasons")).toContainText(`是您想做的${occupation}`);
  const why = card.getByTestId("why-this");
  await why.locator("summary").click();
  await expect(why).toContainText(`需要的${requirementNames.get(list(post.credentials)[0]!)}您有`);
  await expect(why).toContainText("离您家很近");

  // 3. The employer sees them on the post's page as an anonymous candidate, and invites them.
  const employer = await logIn(browser, demoLogin("employer"), { javaScriptEnabled });
  await employer.goto(`/employer/postings/${post.id}`);
  const candidate = employer.getByTestId("candidate").filter({ hasText: who.workTitle });
  await expect(candidate).toHaveCount(1);
  await expect(candidate).toContainText(occupation);
  await expect(candidate.getByTestId("candidate-reasons")).toContainText(`持有所需的${requirementNames.get(list(post.credentials)[0]!)}`);
  const before = await employer.content();
  expect(before).not.toContain(who.name);
  expect(before).not.toContain(phone);
  await candidate.getByLabel(/给求职者的话/).fill("您的驾驶经验正合适，欢迎来厂里看看。");
  await candidate.getByTestId("invite").click();
  await expect(employer.getByTestId("invited")).toBeVisible();
  await expect(employer.getByTestId("candidate").filter({ hasText: who.workTitle }).getByTestId("candidate-status")).toHaveText("已邀请，等待答复");

  // 4. The seeker sees the invitation with the employer's words and applies from it.
  await seeker.goto("/me/invitations");
  const invitation = seeker.getByTestId("invitation").filter({ hasText: post.title });
  await expect(invitation).toHaveCount(1);
  await expect(invitation.getByTestId("invitation-status")).toHaveText("待回复");
  await expect(invitation.getByTestId("invitation-message")).toHaveText("您的驾驶经验正合适，欢迎来厂里看看。");
  expect(await fitsScreen(seeker)).toBe(true);
  await invitation.getByTestId("invitation-apply").click();
  await expect(seeker.getByTestId("apply-title")).toHaveText(post.title);
  await seeker.getByRole("button", { name: "确认申请" }).click();
  await expect(seeker.getByTestId("applied-notice")).toBeVisible();
  await seeker.goto("/me/invitations");
  await expect(seeker.getByTestId("invitation").filter({ hasText: post.title }).getByTestId("invitation-status")).toHaveText("已申请");

  // 5. Now, and only now, the employer learns who applied.
  await employer.goto(`/employer/postings/${post.id}`);
  await expect(employer.getByTestId("candidate").filter({ hasText: who.workTitle }).getByTestId("candidate-status")).toHaveText("已申请");
  await employer.goto("/employer/applicants");
  await expect(employer.getByTestId("applicant").filter({ hasText: who.name })).toContainText(post.title);

  await seeker.context().close();
  await employer.context().close();
}

test.describe("matching on a phone", () => {
  test("a seeker fills the profile and sees recommendations with reasons; the employer invites them as an anonymous candidate; they apply from the invitation", async ({ browser }) => {
    test.setTimeout(90_000);
    await journey(browser, true, "13988882101");
  });

  test("the same without JavaScript", async ({ browser }) => {
    test.setTimeout(90_000);
    await journey(browser, false, "13988882102");
  });
});
