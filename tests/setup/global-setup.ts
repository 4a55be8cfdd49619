import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { startMeili, type RunningMeili } from "../../search/launcher.ts";

let meili: RunningMeili | undefined;
let dir: string | undefined;

/** One real Meilisearch for the whole Vitest run, on a free loopback port. */
export async function setup() {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "jobs-test-meili-"));
  meili = await startMeili({ dataDir: dir, masterKey: "test-master-key-0123456789" });
  process.env.TEST_MEILI_URL = meili.url;
  process.env.TEST_MEILI_KEY = meili.masterKey;
}

export async function teardown() {
  await meili?.stop();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
}
