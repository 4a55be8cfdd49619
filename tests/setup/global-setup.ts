import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { createDb } from "../../app/modules/db.server.ts";
import { seedDemo } from "../../prisma/seed/seed.ts";
import { startMeili, type RunningMeili } from "../../search/launcher.ts";
import { createTestDatabase } from "./test-env.ts";

let meili: RunningMeili | undefined;
let dir: string | undefined;

let seededDir: string | undefined;

/**
 * One real Meilisearch for the whole Vitest run, on a free loopback port, and one demo-seeded
 * SQLite file that test files copy (seeding takes seconds; copying a file does not).
 */
export async function setup() {
  // One fixed secret for the whole run: the seeded file's encrypted fields must decrypt in every worker.
  process.env.APP_SECRET ??= "test-app-secret-0123456789abcdef-0123456789";
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "jobs-test-meili-"));
  const seeded = createTestDatabase();
  seededDir = seeded.dir;
  const now = new Date();
  // Meilisearch first, then the seed: the seed's synchronous SQLite work holds the event loop for
  // seconds at a time, and a health poll waiting behind it misses its deadline on a busy machine.
  meili = await startMeili({ dataDir: dir, masterKey: "test-master-key-0123456789" });
  const db = createDb(seeded.url);
  await seedDemo(db, { now });
  await db.$disconnect();
  process.env.TEST_MEILI_URL = meili.url;
  process.env.TEST_MEILI_KEY = meili.masterKey;
  process.env.TEST_SEEDED_DB = seeded.file;
  process.env.TEST_SEED_NOW = now.toISOString();
}

export async function teardown() {
  await meili?.stop();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
  if (seededDir) fs.rmSync(seededDir, { recursive: true, force: true });
}
