import { expect, test } from "@playwright/test";
import { idNumberCheckChar } from "../../app/modules/people/identity.ts";
import { demoLogin, logIn } from "./fixtures.ts";

const idNumber = (serial: number) => {
  const first17 = `61092419560${1 + (serial % 9)}1${serial % 10}${String(serial % 1000).padStart(3, "0")}`;
  return first17 + idNumberCheckChar(first17);
};
const csv = (rows: string[]) => Buffer.from(`\uFEFF姓名,身份证号,就业类别,用人单位,就业地区,就业日期\n${rows.join("\n")}\n`, "utf8");

test("county staff import a CSV with upload progress (JavaScript), and without JavaScript a bad file shows its report and saves nothing", async ({ browser }) => {
  const staff = await logIn(browser, demoLogin("ziyangStaff"));
  await staff.goto("/staff/placements");
  await staff.getByRole("link", { name: "批量导入" }).first().click();
  await expect(staff.getByRole("heading", { name: "批量导入就业登记" })).toBeVisible();
  await staff.getByLabel("选择文件").setInputFiles({ name: "e2e-good.csv", mimeType: "text/csv", buffer: csv([`e2e 甲,${idNumber(1)},new_urban,紫阳 e2e 厂,610924100,2025-06-01`, `e2e 乙,${idNumber(2)},城镇新增就业,紫阳 e2e 厂,蒿坪镇,2025-06-02`]) });
  // With JavaScript the file goes up through XMLHttpRequest (for its progress), not as a page load.
  const posts: string[] = [];
  staff.on("request", (r) => {
    if (r.method() === "POST") posts.push(r.resourceType());
  });
  await staff.getByRole("button", { name: "上传并检查" }).click();
  await expect(staff.getByTestId("import-accepted")).toContainText("共 2 条就业登记");
  expect(posts).toEqual(["xhr"]);
  await expect(staff).toHaveURL(/\/staff\/placements\/import\?batch=\d+$/);

  // No JavaScript: the plain multipart form; one bad row and nothing is saved.
  const plain = await logIn(browser, demoLogin("ziyangStaff"), { javaScriptEnabled: false });
  await plain.goto("/staff/placements/import");
  await plain.getByLabel("选择文件").setInputFiles({ name: "e2e-bad.csv", mimeType: "text/csv", buffer: csv([`e2e 丙,${idNumber(3)},new_urban,紫阳 e2e 厂,610924100,2025-06-03`, `e2e 丁,${idNumber(4)},火星就业,紫阳 e2e 厂,610924100,2025-06-04`]) });
  await plain.getByRole("button", { name: "上传并检查" }).click();
  await expect(plain.getByTestId("import-rejected")).toContainText("1 行有问题");
  await expect(plain.locator('[data-testid="import-report"] [data-row="3"]')).toContainText("就业类别：不在规定的就业类别中");
  if (process.env.E2E_SCREENSHOTS) await plain.screenshot({ path: `${process.env.E2E_SCREENSHOTS}/import-rejected.png`, fullPage: true });
  await plain.goto("/staff/placements?status=pending&q=e2e%20%E4%B8%99");
  await expect(plain.getByTestId("placement")).toHaveCount(0);

  // The entry form without JavaScript: a wrong value is answered at its field, the typed values stay.
  await plain.goto("/staff/placements/new");
  await plain.getByLabel("姓名").fill("e2e 戊");
  await plain.getByLabel("身份证号").fill(idNumber(5).slice(0, 17) + (idNumber(5)[17] === "1" ? "2" : "1"));
  await plain.getByLabel("就业类别").selectOption("new_urban");
  await plain.getByLabel("用人单位").fill("紫阳 e2e 厂");
  await plain.getByLabel("就业地区").selectOption("610924101");
  await plain.getByLabel("就业日期").fill("2025-06-05");
  await plain.getByRole("button", { name: "保存登记" }).click();
  await expect(plain.getByText("身份证号校验不通过")).toBeVisible();
  await expect(plain.getByLabel("姓名")).toHaveValue("e2e 戊");
  await plain.getByLabel("身份证号").fill(idNumber(5));
  await plain.getByRole("button", { name: "保存登记" }).click();
  await expect(plain.getByTestId("placement-saved")).toContainText("e2e 戊");
});
