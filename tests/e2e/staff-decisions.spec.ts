import { expect, test, type Page } from "@playwright/test";
import { demoLogin, demoRow, logIn } from "./fixtures.ts";

const readDb = <T>(sql: string, ...args: unknown[]) => demoRow<T>(sql, ...args)!;

test("two officers decide the same placement: the second is told who decided first; a verified record is corrected to rejected and back", async ({ browser }) => {
  const ziyang = await logIn(browser, demoLogin("ziyangStaff"));
  const city = await logIn(browser, demoLogin("cityStaff"));
  const { id, personName } = readDb<{ id: number; personName: string }>("SELECT id, personName FROM Placement WHERE status = 'pending' AND countyCode = '610924' ORDER BY id DESC LIMIT 1");
  const row = (page: Page) => page.locator(`[data-testid="placement"][data-placement-id="${id}"]`);
  const tab = (status: string) => `/staff/placements?status=${status}&q=${encodeURIComponent(personName)}`;

  // Both officers have the pending record on screen.
  await ziyang.goto(tab("pending"));
  await city.goto(tab("pending"));
  await expect(row(city)).toBeVisible();
  await row(ziyang).getByTestId("verify").click();
  await expect(ziyang.getByTestId("decision-done")).toContainText(personName);

  // The city officer's page is stale: rejecting it is refused, and the page says so.
  await row(city).getByText("不通过").first().click();
  await row(city).getByLabel("不通过的原因").fill("材料不全");
  await row(city).getByTestId("reject").click();
  await expect(city.getByTestId("decision-refused")).toContainText(personName);
  await expect(city.getByTestId("decision-refused")).toContainText("已核实");

  // Correcting it: the verified record is rejected with a reason, then verified again.
  await city.goto(tab("verified"));
  await row(city).getByText("更正为不通过").first().click();
  await row(city).getByLabel("不通过的原因").fill("核实发现重复登记");
  await row(city).getByTestId("reject").click();
  await expect(city.getByTestId("decision-done")).toContainText(personName);
  await city.goto(tab("rejected"));
  await expect(row(city)).toContainText("核实发现重复登记");
  await row(city).getByTestId("verify").click();
  await expect(city.getByTestId("decision-done")).toContainText(personName);
  await city.goto(tab("verified"));
  await expect(row(city)).toBeVisible();
});

test("the import templates and a rejected import's report download as files", async ({ browser }) => {
  const staff = await logIn(browser, demoLogin("ziyangStaff"), { javaScriptEnabled: false });
  await staff.goto("/staff/placements/import");
  const file = async (link: string) => {
    const [download] = await Promise.all([staff.waitForEvent("download"), staff.getByRole("link", { name: link }).click()]);
    return { name: download.suggestedFilename(), bytes: await import("node:fs/promises").then((fs) => download.path().then((p) => fs.readFile(p))) };
  };
  const csv = await file("CSV 模板");
  expect(csv.name).toBe("就业登记导入模板.csv");
  expect(csv.bytes.toString("utf8")).toContain("姓名,身份证号");
  const xlsx = await file("XLSX 模板");
  expect(xlsx.name).toBe("就业登记导入模板.xlsx");
  expect(xlsx.bytes.subarray(0, 2).toString("latin1")).toBe("PK");

  const bad = Buffer.from("\uFEFF姓名,身份证号,就业类别,用人单位,就业地区,就业日期\n报告 甲,1234,new_urban,紫阳报告厂,610924100,2025-06-03\n", "utf8");
  await staff.getByLabel("选择文件").setInputFiles({ name: "report.csv", mimeType: "text/csv", buffer: bad });
  await staff.getByRole("button", { name: "上传并检查" }).click();
  await expect(staff.getByTestId("import-rejected")).toBeVisible();
  const report = await file("下载问题报告（CSV）");
  expect(report.name).toMatch(/\.csv$/);
  expect(report.bytes.toString("utf8")).toContain("报告 甲");
});

test("a seeker sent from an application to the profile comes back to the application after saving", async ({ browser }) => {
  const seeker = await logIn(browser, demoLogin("seeker"));
  const { id } = readDb<{ id: number }>(
    "SELECT p.id FROM Posting p WHERE p.status = 'published' AND p.kind = 'job' AND (p.validUntil IS NULL OR p.validUntil > ?) AND NOT EXISTS (SELECT 1 FROM Application a JOIN User u ON u.id = a.seekerId WHERE a.postingId = p.id AND u.displayName = '王小红') ORDER BY p.id LIMIT 1",
    new Date().toISOString(),
  );
  await seeker.goto(`/apply/${id}`);
  await seeker.getByRole("link", { name: "修改简历或授权" }).click();
  await expect(seeker).toHaveURL(new RegExp(`/me/profile\\?redirectTo=%2Fapply%2F${id}$`));
  await seeker.getByRole("button", { name: "保存简历" }).last().click();
  await expect(seeker).toHaveURL(new RegExp(`/apply/${id}$`));
  await expect(seeker.getByRole("button", { name: "确认申请" })).toBeVisible();
});
