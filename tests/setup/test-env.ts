import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { resetEnvForTests } from "../../app/env.server.ts";
import { createDb, setDb, type Db } from "../../app/modules/db.server.ts";
import { forgetKeys } from "../../app/modules/security/secrets.server.ts";
import { SearchService, setSearchService } from "../../search/service.ts";

/** A fresh, migrated SQLite file (the real migrations, applied in order). */
export function createTestDatabase(): { url: string; file: string; dir: string } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "jobs-test-db-"));
  const file = path.join(dir, "test.db");
  const sqlite = new Database(file);
  const migrations = path.resolve("prisma", "migrations");
  for (const name of fs.readdirSync(migrations).filter((n) => fs.statSync(path.join(migrations, n)).isDirectory()).sort()) {
    sqlite.exec(fs.readFileSync(path.join(migrations, name, "migration.sql"), "utf8"));
  }
  sqlite.close();
  return { url: `file:${file}`, file, dir };
}

export interface TestServices {
  db: Db;
  search: SearchService;
  indexUid: string;
  cleanup(): Promise<void>;
}

/** A private copy of the demo-seeded database that the global setup made once for the run. */
export function copySeededDatabase(): { url: string; file: string; dir: string } {
  const source = process.env.TEST_SEEDED_DB;
  if (!source) throw new Error("TEST_SEEDED_DB is not set: the Vitest global setup seeds it");
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "jobs-test-db-"));
  const file = path.join(dir, "test.db");
  fs.copyFileSync(source, file);
  return { url: `file:${file}`, file, dir };
}

/** A database as the app's own (setDb), with a DATA_DIR of its own for keys; cleanup() removes both. */
function openAsApp(database: { url: string; dir: string }): { db: Db; cleanup(): Promise<void> } {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "jobs-test-data-"));
  process.env.DATA_DIR = dataDir;
  resetEnvForTests();
  forgetKeys();
  const db = createDb(database.url);
  setDb(db);
  return {
    db,
    async cleanup() {
      await db.$disconnect();
      fs.rmSync(database.dir, { recursive: true, force: true });
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/**
 * A private copy of the demo data set as the app's database, with its own DATA_DIR, for tests that
 * call modules, loaders and actions directly. Call cleanup() in afterAll.
 */
export function openSeededDatabase(): { db: Db; cleanup(): Promise<void> } {
  return openAsApp(copySeededDatabase());
}

/** The same with a fresh, empty (migrated) database. */
export function openEmptyDatabase(): { db: Db; cleanup(): Promise<void> } {
  return openAsApp(createTestDatabase());
}

/** The `now` the shared demo data was seeded with. */
export function seedNow(): Date {
  return new Date(process.env.TEST_SEED_NOW ?? Date.now());
}

/**
 * Real SQLite plus the suite's real Meilisearch (started in global-setup), with a unique index.
 * `seeded: true` starts from the demo data; otherwise from an empty migrated database.
 */
export async function createTestServices(name: string, options: { seeded?: boolean } = {}): Promise<TestServices> {
  const { url, dir } = options.seeded ? copySeededDatabase() : createTestDatabase();
  const db = createDb(url);
  setDb(db);
  const meiliUrl = process.env.TEST_MEILI_URL;
  if (!meiliUrl) throw new Error("TEST_MEILI_URL is not set: the Vitest global setup starts Meilisearch");
  const indexUid = `test_${name}_${process.pid}_${Date.now()}`;
  const search = new SearchService(meiliUrl, process.env.TEST_MEILI_KEY, indexUid);
  setSearchService(search);
  return {
    db,
    search,
    indexUid,
    async cleanup() {
      await search.connection.client.deleteIndex(indexUid).waitTask().catch(() => undefined);
      await db.$disconnect();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
