/**
 * The demo training provider (issue 13): the demo account `trainingProvider` is the owner of
 * 紫阳县修脚技艺培训学校, which runs the 紫阳 sessions of the 紫阳修脚师 courses. No random choices, so
 * the rest of the demo does not move.
 */
import type { PrismaClient } from "../../app/generated/prisma/client.ts";
import { DEMO_ACCOUNTS } from "./demo-accounts.ts";

export const DEMO_PROVIDER_NAME = "紫阳县修脚技艺培训学校";

export async function seedTrainingDemo(db: PrismaClient) {
  const account = DEMO_ACCOUNTS.find((a) => a.key === "trainingProvider")!;
  const user = await db.user.findFirstOrThrow({ where: { email: "email" in account ? account.email : "" } });
  const provider = await db.organization.findFirstOrThrow({ where: { kind: "training_provider", name: DEMO_PROVIDER_NAME } });
  await db.membership.create({ data: { userId: user.id, organizationId: provider.id, role: "owner" } });
  // The brand's own school runs every 紫阳 session of the brand's courses.
  await db.trainingCourse.updateMany({ where: { brandCode: "ziyang_pedicure", countyCode: "610924" }, data: { providerId: provider.id } });
}
