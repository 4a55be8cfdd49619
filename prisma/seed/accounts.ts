/**
 * Demo accounts, one per role, listed in the README. The password is the same for all of them and
 * is for the demo only.
 */
import type { PrismaClient } from "../../app/generated/prisma/client.ts";
import { hashPassword } from "../../app/modules/auth/password.server.ts";
import { maskPhone } from "../../app/modules/people/identity.ts";
import { encrypt, lookupHash } from "../../app/modules/security/secrets.server.ts";
import { likeText } from "../../app/modules/like.ts";

export const DEMO_PASSWORD = "Ankang-demo-2026";

export const DEMO_ACCOUNTS = [
  { key: "admin", email: "admin@demo.ankang.gov.cn", role: "admin", displayName: "系统管理员", staffRegionCode: "610900" },
  { key: "cityStaff", email: "city@demo.ankang.gov.cn", role: "staff", displayName: "市就业局 刘科长", staffRegionCode: "610900" },
  { key: "ziyangStaff", email: "ziyang@demo.ankang.gov.cn", role: "staff", displayName: "紫阳县就业局 陈干事", staffRegionCode: "610924" },
  { key: "hanbinStaff", email: "hanbin@demo.ankang.gov.cn", role: "staff", displayName: "汉滨区就业局 杨干事", staffRegionCode: "610902" },
  { key: "townStaff", email: "haoping@demo.ankang.gov.cn", role: "staff", displayName: "蒿坪镇劳动保障站 周站长", staffRegionCode: "610924002" },
  { key: "employer", email: "hr@demo-employer.cn", role: "employer", displayName: "紫阳企业人事 赵女士", staffRegionCode: null },
  { key: "seeker", phone: "13800000001", role: "seeker", displayName: "王小红", staffRegionCode: null },
] as const;

export async function seedDemoAccounts(db: PrismaClient) {
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const ids: Record<string, number> = {};
  for (const account of DEMO_ACCOUNTS) {
    const identity =
      "phone" in account
        ? { phoneHash: lookupHash("phone", account.phone), phoneEnc: encrypt(account.phone), phoneMasked: maskPhone(account.phone) }
        : { email: account.email };
    const user = await db.user.create({
      data: { ...identity, passwordHash, role: account.role, displayName: account.displayName, staffRegionCode: account.staffRegionCode },
    });
    ids[account.key] = user.id;
  }
  const employerOrg = await db.organization.findFirstOrThrow({ where: { kind: "company", regionCode: { startsWith: likeText("610924") } }, orderBy: { id: "asc" } });
  await db.membership.create({ data: { userId: ids.employer!, organizationId: employerOrg.id, role: "owner" } });
  await db.seekerProfile.create({
    data: {
      userId: ids.seeker!,
      name: "王小红",
      phoneEnc: encrypt("13800000001"),
      phoneMasked: maskPhone("13800000001"),
      education: "college",
      school: "安康学院",
      major: "电子商务",
      graduationYear: 2025,
      skills: "网店运营 直播 Office",
      hometownCode: "610924002",
      currentRegionCode: "610924001",
      groups: ",graduate,returnee,",
      returneeKind: "graduate",
      wishKinds: ",job,internship,",
      wishCounties: ",610924,610902,",
      wishPayMin: 3000,
      consentMatching: true,
      consentSharing: true,
    },
  });
  return { accounts: DEMO_ACCOUNTS.length, employerOrganization: employerOrg.name };
}
