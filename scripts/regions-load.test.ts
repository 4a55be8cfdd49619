import { execFile } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import Database from "better-sqlite3";
import { afterAll, describe, expect, it } from "vitest";

const run = promisify(execFile);
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "regions-load-"));
const { DATABASE_URL: _unused, ...inherited } = process.env;
const load = (...args: string[]) => run(process.execPath, ["--import", "tsx", "scripts/regions-load.ts", ...args], { env: { ...inherited, DATA_DIR: dataDir } });

describe("npm run regions:load (the command, on the site's database)", () => {
  afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

  it("migrates DATA_DIR's database, loads a prefix, reports it, and a second run changes nothing", async () => {
    const first = await load("6110");
    expect(first.stdout).toContain(path.join(dataDir, "app.db"));
    expect(first.stdout).toMatch(/added \d+ \(1 province, 1 city, 7 county, \d+ town\)/);
    expect(first.stdout).toContain("+ 611000 商洛市");
    const sqlite = new Database(path.join(dataDir, "app.db"), { readonly: true });
    expect(sqlite.prepare("SELECT name, parentCode FROM Region WHERE code = '611002'").get()).toEqual({ name: "商州区", parentCode: "611000" });
    sqlite.close();
    const second = await load("6110");
    expect(second.stdout).toMatch(/added 0\nrenamed 0\nother fields updated 0\nretired 0/);
  });

  it("refuses a prefix that is not a division code, saying how to call it", async () => {
    await expect(load("61;drop")).rejects.toMatchObject({ code: 2, stderr: expect.stringContaining("usage: npm run regions:load") });
  });
});
