/**
 * A few organizations waiting for staff, so the demo's verification queue is not empty: two in
 * Ziyang (one in 蒿坪镇, which the town's staff see too) and one in Hanbin. Each has an owner
 * account (demo password) that sees "in review" on the employer home.
 */
import type { PrismaClient } from "../../app/generated/prisma/client.ts";
import { hashPassword } from "../../app/modules/auth/password.server.ts";
import { makeCreditCode } from "../../app/modules/organizations/credit-code.ts";
import { DEMO_PASSWORD } from "./accounts.ts";

export const PENDING_REGISTRATIONS = [
  {
    owner: { email: "haoping-factory@demo-employer.cn", displayName: "蒿坪毛绒玩具厂 李厂长" },
    org: { name: "紫阳县蒿坪镇毛绒玩具新社区工厂", kind: "community_factory", industryCode: "plush_toys", regionCode: "610924101", address: "紫阳县蒿坪镇社区工厂园 3 号楼", contactName: "李厂长", contactPhone: "0915-4316688", description: "毛绒玩具缝制加工，招缝纫工、质检员，可带娃上班。" },
  },
  {
    owner: { email: "ziyang-tea@demo-employer.cn", displayName: "紫阳茗香茶业 人事 王先生" },
    org: { name: "紫阳县茗香富硒茶业有限公司", kind: "company", industryCode: "selenium", regionCode: "610924100", address: "紫阳县城关镇茶城路 18 号", contactName: "王先生", contactPhone: "0915-4321808", description: "富硒茶种植、加工与销售。" },
  },
  {
    owner: { email: "hanbin-logistics@demo-employer.cn", displayName: "汉滨速达物流 人事 张女士" },
    org: { name: "安康市汉滨区速达物流有限公司", kind: "company", industryCode: "logistics", regionCode: "610902001", address: "汉滨区老城街道巴山路 66 号", contactName: "张女士", contactPhone: "0915-3218866", description: "城乡配送与仓储。" },
  },
] as const;

export async function seedPendingRegistrations(db: PrismaClient, now: Date) {
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  let serial = 88_000_000;
  for (const { owner, org } of PENDING_REGISTRATIONS) {
    const user = await db.user.create({ data: { ...owner, passwordHash, role: "employer" } });
    const created = await db.organization.create({
      data: { ...org, creditCode: makeCreditCode(org.regionCode, serial++), status: "pending", createdById: user.id, createdAt: new Date(now.getTime() - 3_600_000) },
    });
    await db.membership.create({ data: { userId: user.id, organizationId: created.id, role: "owner" } });
  }
  return PENDING_REGISTRATIONS.length;
}
