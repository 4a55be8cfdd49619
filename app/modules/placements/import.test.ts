import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openSeededDatabase } from "../../../tests/setup/test-env.ts";
import type { Db } from "../db.server.ts";
import { regionDashboard } from "../indicators/progress.server.ts";
import { makeCreditCode } from "../organizations/credit-code.ts";
import { idNumberCheckChar } from "../people/identity.ts";
import { decrypt, lookupHash } from "../security/secrets.server.ts";
import type { StaffActor } from "../staff/scope.ts";
import { createPlacement } from "./entry.server.ts";
import { IMPORT_MAX_BYTES, IMPORT_MAX_ROWS, importPlacements, loadImport, parseCsv, reportCsv, templateCsv, templateXlsx, type ImportReport } from "./import.server.ts";
import { decidePlacement } from "./placements.server.ts";
import { placementRowSchema } from "./schemas.ts";

/** Valid ID numbers of people born in 1958 in 紫阳县 (the demo data's people are younger): serial → number. */
const idNumber = (serial: number) => {
  const first17 = `61092419580${String(1 + (serial % 9))}1${String(serial % 10)}${String(serial % 1000).padStart(3, "0")}`;
  return first17 + idNumberCheckChar(first17);
};
/** Same number, last character wrong. */
const badChecksum = (serial: number) => {
  const good = idNumber(serial);
  return good.slice(0, 17) + (good[17] === "1" ? "2" : "1");
};
const chinaDay = (offsetDays = 0) => new Date(Date.now() + 8 * 3_600_000 + offsetDays * 86_400_000).toISOString().slice(0, 10);
const utf8 = (text: string) => new TextEncoder().encode(text);
const csvFile = (name: string, text: string) => ({ name, data: utf8(text) });

describe("placements entered by staff and imported from CSV and XLSX (real SQLite, demo data)", () => {
  let db: Db;
  let cleanup: () => Promise<void>;
  let ziyang: StaffActor;
  let hanbin: StaffActor;
  const staff = async (email: string): Promise<StaffActor> => {
    const u = await db.user.findUniqueOrThrow({ where: { email } });
    return { id: u.id, role: u.role as StaffActor["role"], staffRegionCode: u.staffRegionCode };
  };
  const report = async (batchId: number) => (await loadImport(ziyang, batchId))?.report ?? (await loadImport(hanbin, batchId))!.report;
  const rowErrors = (r: ImportReport, row: number) => Object.fromEntries(r.rows.find((x) => x.row === row)?.errors.map((e) => [e.field ?? "row", e.message]) ?? []);

  beforeAll(async () => {
    ({ db, cleanup } = openSeededDatabase());
    ziyang = await staff("ziyang@demo.ankang.gov.cn");
    hanbin = await staff("hanbin@demo.ankang.gov.cn");
  });
  afterAll(() => cleanup());

  it("imports a good CSV (BOM, Chinese header, labels or codes, a town by name) as pending placements with encrypted ID numbers and one audit record", async () => {
    const ids = [idNumber(101), idNumber(102), idNumber(103)];
    const text =
      "\uFEFF姓名,身份证号,人员类别,返乡人员类型,就业类别,就业情形,用人单位,统一社会信用代码,就业地区,就业日期\r\n" +
      `张一,${ids[0]},返乡人员、退役军人,退役军人,返乡入乡创业就业,到新单位就业,"紫阳县富硒茶业有限公司,二厂",,紫阳县蒿坪镇,2026/1/5\r\n` +
      `李二,${ids[1]!.toLowerCase()},,,new_urban,,紫阳县修脚师服务中心,,610924100,2025-11-30\r\n` +
      `王三,${ids[2]},graduate,,高校毕业生就业,new_business,王三电商工作室,,610924,2025-09-01\r\n`;
    const result = await importPlacements(ziyang, csvFile("九月名单.csv", text));
    expect(result).toMatchObject({ ok: true, status: "accepted" });
    if (!result.ok) return;
    const batch = await db.placementImport.findUniqueOrThrow({ where: { id: result.batchId } });
    expect(batch).toMatchObject({ status: "accepted", format: "csv", totalRows: 3, acceptedRows: 3, createdById: ziyang.id, regionCode: "610924", fileName: "九月名单.csv" });

    const rows = await db.placement.findMany({ where: { importBatchId: batch.id }, orderBy: { id: "asc" } });
    expect(rows).toHaveLength(3);
    expect(rows.map((r) => [r.personName, r.status, r.source, r.createdById])).toEqual([
      ["张一", "pending", "import", ziyang.id],
      ["李二", "pending", "import", ziyang.id],
      ["王三", "pending", "import", ziyang.id],
    ]);
    expect(rows[0]).toMatchObject({ kind: "returnee", returneeKind: "veteran", groups: ",returnee,veteran,", employerName: "紫阳县富硒茶业有限公司,二厂", regionCode: "610924101", countyCode: "610924", continuity: "new_employer" });
    expect(rows[0]!.startDate.toISOString()).toBe("2026-01-05T00:00:00.000Z");
    expect(rows[1]).toMatchObject({ kind: "new_urban", regionCode: "610924100", countyCode: "610924", groups: "," });
    expect(rows[2]).toMatchObject({ kind: "graduate", continuity: "new_business", regionCode: "610924", countyCode: "610924", groups: ",graduate," });
    rows.forEach((r, i) => {
      expect(r.idHash).toBe(lookupHash("id-number", ids[i]!));
      expect(r.personKey).toBe(r.idHash);
      expect(decrypt(r.idNumberEnc!)).toBe(ids[i]);
      expect(r.idNumberMasked).toBe(`6109**********${ids[i]!.slice(-4)}`);
    });
    // The plain numbers are nowhere in the database: not in the rows, the batch or the audit log.
    const stored = JSON.stringify([rows, batch, await db.auditLog.findMany({ where: { entityType: "placement_import" } })]);
    for (const id of ids) expect(stored).not.toContain(id);

    const audits = await db.auditLog.findMany({ where: { entityType: "placement_import", entityId: String(batch.id) } });
    expect(audits).toHaveLength(1);
    expect(audits[0]).toMatchObject({ action: "placement.import", actorId: ziyang.id, regionCode: "610924" });
    expect(JSON.parse(audits[0]!.after!)).toMatchObject({ totalRows: 3, acceptedRows: 3, status: "accepted", format: "csv" });
  });

  it("imports a good XLSX (English header in another order, real date cells, the ID column as text)", async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet("Sheet1");
    sheet.addRow(["Start date", "Name", "ID number", "Employer", "Placement kind", "Region", "Credit code", "Notes"]);
    const org = await db.organization.findFirstOrThrow({ where: { regionCode: { startsWith: "610924" } } });
    sheet.addRow([new Date(Date.UTC(2026, 0, 20)), "赵四", idNumber(201), "Some name typed differently", "Gig and flexible work", "610924101", org.creditCode.toLowerCase(), "ignored"]);
    sheet.addRow([new Date(Date.UTC(2025, 5, 1)), "钱五", idNumber(202), "紫阳县社区工厂", "rural_transfer_local", "蒿坪镇", "", ""]);
    sheet.getCell("C2").numFmt = "@";
    const data = new Uint8Array(await workbook.xlsx.writeBuffer());
    const result = await importPlacements(ziyang, { name: "july.xlsx", data });
    expect(result).toMatchObject({ ok: true, status: "accepted" });
    if (!result.ok) return;
    const rows = await db.placement.findMany({ where: { importBatchId: result.batchId }, orderBy: { id: "asc" } });
    expect(rows.map((r) => [r.personName, r.kind, r.regionCode, r.startDate.toISOString().slice(0, 10), r.status, r.source])).toEqual([
      ["赵四", "gig_flexible", "610924101", "2026-01-20", "pending", "import"],
      ["钱五", "rural_transfer_local", "610924101", "2025-06-01", "pending", "import"],
    ]);
    // A known credit code links the organization.
    expect(rows[0]!.organizationId).toBe(org.id);
    expect(rows[1]!.organizationId).toBeNull();
    expect(decrypt(rows[1]!.idNumberEnc!)).toBe(idNumber(202));
    expect(await db.placementImport.findUniqueOrThrow({ where: { id: result.batchId } })).toMatchObject({ format: "xlsx", status: "accepted", totalRows: 2 });
    expect(await db.auditLog.count({ where: { entityType: "placement_import", entityId: String(result.batchId), action: "placement.import" } })).toBe(1);
  });

  it("explains an ID number that a spreadsheet stored as a number (its last digits are gone)", async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet("Sheet1");
    sheet.addRow(["姓名", "身份证号", "就业类别", "用人单位", "就业地区", "就业日期"]);
    sheet.addRow(["数字", Number(idNumber(250).slice(0, 17)) * 10, "new_urban", "紫阳数字厂", "610924100", "2025-05-01"]);
    const result = await importPlacements(ziyang, { name: "numbers.xlsx", data: new Uint8Array(await workbook.xlsx.writeBuffer()) });
    expect(result).toMatchObject({ ok: true, status: "rejected" });
    if (result.ok) expect(rowErrors(await report(result.batchId), 2)).toEqual({ idNumber: "placementEntry.errors.idNumberAsNumber" });
  });

  it("saves nothing from a file with one bad row, and reports that row with its reason", async () => {
    const before = await db.placement.count();
    const text = ["姓名,身份证号,就业类别,用人单位,就业地区,就业日期", `孙六,${idNumber(301)},new_urban,紫阳甲厂,610924100,2025-10-01`, `周七,${badChecksum(302)},new_urban,紫阳乙厂,610924100,2025-10-02`, `吴八,${idNumber(303)},new_urban,紫阳丙厂,610924100,2025-10-03`].join("\n");
    const result = await importPlacements(ziyang, csvFile("one-bad.csv", text));
    expect(result).toMatchObject({ ok: true, status: "rejected" });
    if (!result.ok) return;
    expect(await db.placement.count()).toBe(before);
    expect(await db.placement.count({ where: { idHash: lookupHash("id-number", idNumber(301)) } })).toBe(0);
    const batch = await db.placementImport.findUniqueOrThrow({ where: { id: result.batchId } });
    expect(batch).toMatchObject({ status: "rejected", totalRows: 3, acceptedRows: 0 });
    const r = await report(result.batchId);
    expect(r.rows.map((x) => x.row)).toEqual([3]);
    expect(r.rows[0]).toMatchObject({ personName: "周七", idNumberMasked: `6109**********${badChecksum(302).slice(-4)}` });
    expect(rowErrors(r, 3)).toEqual({ idNumber: "seekers.errors.idNumberChecksum" });
    // The stored report never holds the typed number in full.
    expect(batch.report).not.toContain(badChecksum(302));
    // In the reader's language, one line per problem.
    const zh = reportCsv(r, "zh-CN");
    expect(zh.startsWith("\uFEFF行号,姓名,身份证号,列,问题\r\n")).toBe(true);
    expect(zh).toContain("3,周七,");
    expect(zh).toContain("身份证号校验不通过");
    expect(reportCsv(r, "en")).toContain("This ID number does not check out");
    expect(await db.auditLog.count({ where: { action: "placement.import_rejected", entityId: String(result.batchId) } })).toBe(1);
  });

  it("refuses each kind of bad row with its reason: checksum, future date, outside the scope, unknown kind, duplicates", async () => {
    // The first file's 李二 is recorded already (same person, employer and day).
    const text = [
      "Name,ID number,Placement kind,Employer,Region,Start date,Groups,Returnee kind,Continuity,Credit code",
      `A,${badChecksum(401)},new_urban,汉滨甲厂,610902001,2025-10-01,,,,`, // 2: checksum
      `B,${idNumber(402)},new_urban,汉滨乙厂,610902001,${chinaDay(1)},,,,`, // 3: tomorrow
      `C,${idNumber(403)},new_urban,紫阳丙厂,610924101,2025-10-01,,,,`, // 4: a Ziyang town, Hanbin staff
      `D,${idNumber(404)},astronaut,汉滨丁厂,610902001,2025-10-01,,,,`, // 5: unknown kind
      `李二,${idNumber(102)},new_urban,紫阳县修脚师服务中心,610902001,2025-11-30,,,,`, // 6: already recorded
      `E,${idNumber(406)},new_urban,汉滨戊厂,610902001,2025-10-01,,,,`, // 7: fine
      `E,${idNumber(406)},new_urban,汉滨 戊厂,610902001,2025-10-01,,,,`, // 8: same as row 7
      `F,${idNumber(408)},returnee,汉滨己厂,610902001,1999-12-31,martian,,sometimes,123`, // 9: several at once
      `,,new_urban,,,,,,,`, // 10: required cells empty
      `G,${idNumber(411)},returnee,汉滨庚厂,610902001,2025-10-01,,,,`, // 11: a returnee without the returnee kind
    ].join("\n");
    const result = await importPlacements(hanbin, csvFile("bad-rows.csv", text));
    expect(result).toMatchObject({ ok: true, status: "rejected" });
    if (!result.ok) return;
    const r = await report(result.batchId);
    expect(r.rows.map((x) => x.row)).toEqual([2, 3, 4, 5, 6, 8, 9, 10, 11]);
    expect(rowErrors(r, 2)).toEqual({ idNumber: "seekers.errors.idNumberChecksum" });
    expect(rowErrors(r, 3)).toEqual({ startDate: "placementEntry.errors.dateFuture" });
    expect(rowErrors(r, 4)).toEqual({ regionCode: "placementEntry.errors.regionOutOfScope" });
    expect(rowErrors(r, 5)).toEqual({ kind: "placementEntry.errors.kindUnknown" });
    expect(rowErrors(r, 6)).toEqual({ row: "placementEntry.errors.duplicate" });
    expect(rowErrors(r, 8)).toEqual({ row: "placementEntry.errors.duplicateInFile?row=7" });
    expect(rowErrors(r, 9)).toEqual({
      groups: "placementEntry.errors.groupUnknown",
      continuity: "placementEntry.errors.continuityUnknown",
      creditCode: "placementEntry.errors.creditCodeFormat",
      startDate: "placementEntry.errors.dateTooEarly",
    });
    expect(rowErrors(r, 10)).toEqual({ personName: "forms.required", idNumber: "forms.required", employerName: "forms.required", regionCode: "forms.required", startDate: "forms.required" });
    expect(rowErrors(r, 11)).toEqual({ returneeKind: "placementEntry.errors.returneeKindRequired" });
    expect(await db.placement.count({ where: { idHash: lookupHash("id-number", idNumber(406)) } })).toBe(0);
    const en = reportCsv(r, "en");
    expect(en).toContain("4,C,");
    expect(en).toContain("Region,This region is outside your area.");
    expect(en).toContain("Same as row 7");
  });

  it("refuses whole files it cannot use, with a reason: columns missing, not UTF-8, too many rows, too large, not CSV or XLSX", async () => {
    const missing = await importPlacements(ziyang, csvFile("missing.csv", "姓名,身份证号\n张三,1\n"));
    expect(missing.ok && (await report(missing.batchId)).fileErrors[0]).toMatch(/^placementEntry\.import\.errors\.columnsMissing\?columns=/);
    const gbk = new Uint8Array([0xd0, 0xd5, 0xc3, 0xfb, 0x2c, 0x0a]); // "姓名," in GBK
    const notUtf8 = await importPlacements(ziyang, { name: "gbk.csv", data: gbk });
    expect(notUtf8.ok && (await report(notUtf8.batchId)).fileErrors).toEqual(["placementEntry.import.errors.notUtf8"]);
    const header = "姓名,身份证号,就业类别,用人单位,就业地区,就业日期\n";
    const many = header + `张三,${idNumber(1)},new_urban,厂,610924100,2025-01-01\n`.repeat(IMPORT_MAX_ROWS + 1);
    const tooMany = await importPlacements(ziyang, csvFile("many.csv", many));
    expect(tooMany.ok && (await report(tooMany.batchId)).fileErrors).toEqual([`placementEntry.import.errors.tooManyRows?max=${IMPORT_MAX_ROWS}&count=${IMPORT_MAX_ROWS + 1}`]);
    expect(await importPlacements(ziyang, { name: "big.csv", data: new Uint8Array(IMPORT_MAX_BYTES + 1) })).toEqual({ ok: false, error: "placementEntry.import.errors.tooLarge?mb=5" });
    expect(await importPlacements(ziyang, csvFile("notes.docx", "x"))).toEqual({ ok: false, error: "placementEntry.import.errors.format" });
    expect(await importPlacements(ziyang, csvFile("fake.xlsx", "not a zip"))).toEqual({ ok: false, error: "placementEntry.import.errors.format" });
    const onlyHeader = await importPlacements(ziyang, csvFile("header.csv", header));
    expect(onlyHeader.ok && (await report(onlyHeader.batchId)).fileErrors).toEqual(["placementEntry.import.errors.noRows"]);
  });

  it("imports a large file in one go: 5,000 rows checked and saved in one transaction", async () => {
    const header = "姓名,身份证号,就业类别,用人单位,就业地区,就业日期\n";
    const lines = Array.from({ length: 5000 }, (_, i) => {
      const first17 = `610924196${i % 10}0101${String(Math.floor(i / 10)).padStart(3, "0")}`;
      return `批量${i},${first17 + idNumberCheckChar(first17)},new_urban,紫阳批量厂${Math.floor(i / 1000)},610924100,2025-0${1 + (i % 9)}-15`;
    });
    const started = Date.now();
    const result = await importPlacements(ziyang, csvFile("big.csv", header + lines.join("\n")));
    expect(result).toMatchObject({ ok: true, status: "accepted" });
    expect(Date.now() - started).toBeLessThan(30_000);
    if (result.ok) expect(await db.placement.count({ where: { importBatchId: result.batchId, status: "pending", source: "import" } })).toBe(5000);
  });

  it("enters one placement by hand, refuses it twice, and once verified it counts in the county's and the city's dashboard", async () => {
    const year = Number(chinaDay().slice(0, 4));
    const done = async (region: string) => (await regionDashboard(ziyang.staffRegionCode === region ? ziyang : { ...ziyang, role: "admin", staffRegionCode: null }, { region, year }))!.indicators.find((i) => i.code === "new_urban_employment")!.done;
    const before = { county: await done("610924"), city: await done("610900") };
    const row = placementRowSchema.parse({
      personName: "郑九",
      idNumber: idNumber(901),
      kind: "new_urban",
      employerName: "紫阳县手工录入有限公司",
      creditCode: makeCreditCode("610924", 77_000_001),
      regionCode: "610924101",
      startDate: chinaDay(),
    });
    const entered = await createPlacement(ziyang, row);
    expect(entered).toMatchObject({ ok: true, personName: "郑九" });
    if (!entered.ok) return;
    const saved = await db.placement.findUniqueOrThrow({ where: { id: entered.id } });
    expect(saved).toMatchObject({ status: "pending", source: "staff", createdById: ziyang.id, countyCode: "610924", organizationId: null, idHash: lookupHash("id-number", idNumber(901)) });
    expect(JSON.stringify(saved)).not.toContain(idNumber(901));
    const audit = await db.auditLog.findFirstOrThrow({ where: { entityType: "placement", entityId: String(entered.id), action: "placement.create" } });
    expect(audit.after).not.toContain(idNumber(901));

    expect(await createPlacement(ziyang, { ...row, employerName: " 紫阳县手工录入有限公司 " })).toEqual({ ok: false, errors: { form: "placementEntry.errors.duplicate" } });
    expect(await createPlacement(hanbin, row)).toEqual({ ok: false, errors: { regionCode: "placementEntry.errors.regionOutOfScope" } });
    expect(await createPlacement(ziyang, { ...row, regionCode: "610900" })).toEqual({ ok: false, errors: { regionCode: "placementEntry.errors.regionUnknown" } });

    // Pending does not count; verified does, once, in the county and the city.
    expect(await done("610924")).toBe(before.county);
    // Another county's staff cannot verify it: for them it does not exist.
    expect(await decidePlacement(hanbin, { intent: "verify", id: entered.id })).toEqual({ ok: false, reason: "not_found" });
    expect(await decidePlacement(ziyang, { intent: "verify", id: entered.id })).toMatchObject({ ok: true });
    expect(await done("610924")).toBe(before.county! + 1);
    expect(await done("610900")).toBe(before.city! + 1);
  });

  it("reads CSV the way spreadsheets write it, and offers templates whose headers import", async () => {
    expect(parseCsv('a,"b ""c"", d"\r\n"line\nbreak",x\n')).toEqual([["a", 'b "c", d'], ["line\nbreak", "x"]]);
    expect(parseCsv("a\tb\n1\t2")).toEqual([["a", "b"], ["1", "2"]]);
    for (const lang of ["zh-CN", "en"] as const) {
      const header = templateCsv(lang);
      const row = `\n测试,${idNumber(950 + (lang === "en" ? 1 : 0))},,,new_urban,,模板测试厂,,610924100,2025-05-05\n`;
      const result = await importPlacements(ziyang, csvFile(`template-${lang}.csv`, header.replace(/\r\n$/, "") + row));
      expect(result, lang).toMatchObject({ ok: true, status: "accepted" });
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load((await templateXlsx(lang)) as unknown as ArrayBuffer);
      const headerRow = (workbook.worksheets[0]!.getRow(1).values as unknown[]).slice(1);
      expect(headerRow.join(",")).toBe(header.replace(/^\uFEFF/, "").trim());
      expect(workbook.worksheets[1]!.rowCount).toBeGreaterThan(20);
    }
  });
});
