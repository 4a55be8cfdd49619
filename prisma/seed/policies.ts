import type { PrismaClient } from "../../app/generated/prisma/client.ts";
import { loadPolicyFile, policyFiles, readPolicyFile } from "../../app/modules/policies/policies.server.ts";
import path from "node:path";

/** Every region's support and subsidy list under prisma/seed/policies (no random choices). */
export async function seedPolicies(db: PrismaClient): Promise<number> {
  let count = 0;
  for (const file of policyFiles()) count += (await loadPolicyFile(db, readPolicyFile(file), path.basename(file))).policies;
  return count;
}
