import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { createDb, setDb, type Db } from "../../app/modules/db.server.ts";
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

/** Real SQLite plus the suite's real Meilisearch (started in global-setup), with a unique index. */
export async function createTestServices(name: string): Promise<TestServices> {
  const { url, dir } = createTestDatabase();
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
