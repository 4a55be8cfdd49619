/**
 * npm run policies:load -- [file.json …]
 * Loads support and subsidy lists (prisma/seed/policies/*.json by default, or the files given: any
 * region's file, no code change) into the site's database (DATABASE_URL), applying the migrations
 * first. A second run changes nothing. A running site reads the lists once per process: restart it.
 */
import fs from "node:fs";
import path from "node:path";
import { getEnv } from "../app/env.server.ts";
import { createDb } from "../app/modules/db.server.ts";
import { loadPolicyFile, policyFiles, readPolicyFile } from "../app/modules/policies/policies.server.ts";
import { migrate } from "../server/boot.ts";

async function main() {
  const files = process.argv.slice(2).filter((a) => a !== "--");
  const env = getEnv();
  fs.mkdirSync(env.DATA_DIR, { recursive: true });
  await migrate(env.DATABASE_URL);
  const db = createDb(env.DATABASE_URL);
  try {
    for (const file of files.length ? files.map((f) => path.resolve(f)) : policyFiles()) {
      const { regionCode, policies } = await loadPolicyFile(db, readPolicyFile(file), path.basename(file));
      console.log(`${path.basename(file)}: ${policies} entries for ${regionCode}`);
    }
  } finally {
    await db.$disconnect();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
