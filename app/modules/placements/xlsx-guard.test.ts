import zlib from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openSeededDatabase } from "../../../tests/setup/test-env.ts";
import type { StaffActor } from "../staff/scope.ts";
import { importPlacements, loadImport, templateXlsx } from "./import.server.ts";
import { checkXlsxArchive } from "./xlsx-guard.server.ts";

// ---- a real zip writer, enough for an XLSX: stored small parts, one deflated part fed as a stream ----

interface Part {
  name: string;
  data: Buffer;
  method: 0 | 8;
  crc: number;
  size: number;
}

const stored = (name: string, text: string): Part => {
  const data = Buffer.from(text);
  return { name, data, method: 0, crc: zlib.crc32(data), size: data.length };
};

/** `total` bytes of one repeated XML row, deflated chunk by chunk: the input never sits in memory. */
async function deflatedRows(name: string, total: number): Promise<Part> {
  const row = Buffer.from('<row><c t="inlineStr"><is><t>0</t></is></c></row>'.padEnd(64, " "));
  const chunk = Buffer.concat(Array.from({ length: 16_384 }, () => row)); // 1 MiB
  const deflate = zlib.createDeflateRaw({ level: 9 });
  const out: Buffer[] = [];
  deflate.on("data", (b: Buffer) => out.push(b));
  const done = new Promise((resolve) => deflate.on("end", resolve));
  let crc = 0;
  for (let written = 0; written < total; written += chunk.length) {
    crc = zlib.crc32(chunk, crc);
    if (!deflate.write(chunk)) await new Promise((resolve) => deflate.once("drain", resolve));
  }
  deflate.end();
  await done;
  return { name, data: Buffer.concat(out), method: 8, crc, size: total };
}

/** A zip file; `declare` can lie about a part's uncompressed size, as a forged bomb would. */
function zip(parts: Part[], declare: (p: Part) => number = (p) => p.size): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const p of parts) {
    const name = Buffer.from(p.name);
    const head = Buffer.alloc(30);
    head.writeUInt32LE(0x04034b50, 0);
    head.writeUInt16LE(20, 4);
    head.writeUInt16LE(p.method, 8);
    head.writeUInt16LE(0x21, 12); // 1980-01-01
    head.writeUInt32LE(p.crc, 14);
    head.writeUInt32LE(p.data.length, 18);
    head.writeUInt32LE(declare(p), 22);
    head.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(p.method, 10);
    central.writeUInt16LE(0x21, 14);
    central.writeUInt32LE(p.crc, 16);
    central.writeUInt32LE(p.data.length, 20);
    central.writeUInt32LE(declare(p), 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(head, name, p.data);
    centrals.push(central, name);
    offset += head.length + name.length + p.data.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

const SHELL = [
  stored("[Content_Types].xml", '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>'),
  stored("_rels/.rels", '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>'),
  stored("xl/workbook.xml", '<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>'),
  stored("xl/_rels/workbook.xml.rels", '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>'),
];
const GIB = 1024 * 1024 * 1024;
const MIB = 1024 * 1024;

describe("XLSX archive check before the spreadsheet library opens an upload", () => {
  let cleanup: () => Promise<void>;
  let staff: StaffActor;
  let bomb: Buffer;
  beforeAll(async () => {
    let db;
    ({ db, cleanup } = openSeededDatabase());
    const u = await db.user.findUniqueOrThrow({ where: { email: "ziyang@demo.ankang.gov.cn" } });
    staff = { id: u.id, role: u.role as StaffActor["role"], staffRegionCode: u.staffRegionCode };
    // A sheet of 1 GiB (minus a little, so sizes fit the 32-bit zip fields) in about a megabyte.
    bomb = zip([...SHELL, await deflatedRows("xl/worksheets/sheet1.xml", GIB - MIB)]);
  }, 120_000);
  afterAll(() => cleanup());

  it("refuses a zip bomb with a message about the file, without the process growing", async () => {
    expect(bomb.length).toBeLessThan(5 * MIB);
    global.gc?.();
    const before = process.memoryUsage().rss;
    const started = Date.now();
    const result = await importPlacements(staff, { name: "名单.xlsx", data: bomb });
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(result).toMatchObject({ ok: true, status: "rejected" });
    const batch = result.ok ? await loadImport(staff, result.batchId) : null;
    expect(batch?.report).toEqual({ fileErrors: ["placementEntry.import.errors.archive"], rows: [] });
    // exceljs holding the sheet would add well over a gigabyte.
    expect(process.memoryUsage().rss - before).toBeLessThan(150 * MIB);
  });

  it("refuses a bomb whose directory lies about its size, once inflating passes what it declared", async () => {
    const part = await deflatedRows("xl/worksheets/sheet1.xml", 256 * MIB);
    const forged = zip([...SHELL, part], (p) => (p === part ? 50_000 : p.size));
    const before = process.memoryUsage().rss;
    expect(await checkXlsxArchive(forged)).toEqual({ ok: false, error: "placementEntry.import.errors.archive" });
    expect(process.memoryUsage().rss - before).toBeLessThan(150 * MIB);
  });

  it("refuses too many parts and lets a genuine workbook through", async () => {
    const many = zip(Array.from({ length: 600 }, (_, i) => stored(`xl/media/p${i}.xml`, "<a/>")));
    expect(await checkXlsxArchive(many)).toEqual({ ok: false, error: "placementEntry.import.errors.archive" });
    expect(await checkXlsxArchive(await templateXlsx("zh-CN"))).toEqual({ ok: true });
    expect(await checkXlsxArchive(Buffer.from("PK\u0003\u0004 not really a zip"))).toEqual({ ok: false, error: "placementEntry.import.errors.unreadable" });
  });
});
