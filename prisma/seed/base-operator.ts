/**
 * The demo base operator (issue 13): the demo account "baseOperator" becomes a member of the 紫阳
 * incubator organization, so it runs that organization's bases. No random draws: the other demo
 * rows stay as they were.
 */
import type { PrismaClient } from "../../app/generated/prisma/client.ts";
import { likeText } from "../../app/modules/like.ts";
import { DEMO_ACCOUNTS } from "./demo-accounts.ts";

export const DEMO_OPERATOR_COUNTY = "610924";

export async function seedBaseOperator(db: PrismaClient) {
  const account = DEMO_ACCOUNTS.find((a) => a.key === "baseOperator")!;
  const user = await db.user.findUniqueOrThrow({ where: { email: "email" in account ? account.email : "" } });
  const org = await db.organization.findFirstOrThrow({ where: { kind: "incubator", regionCode: { startsWith: likeText(DEMO_OPERATOR_COUNTY) }, bases: { some: {} } }, orderBy: { id: "asc" } });
  await db.membership.create({ data: { userId: user.id, organizationId: org.id, role: "owner" } });
  return org;
}
