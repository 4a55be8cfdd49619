/**
 * Demo accounts, one per role, listed in the README. The password is the same for all of them and
 * is for the demo only.
 */
import type { PrismaClient } from "../../app/generated/prisma/client.ts";
import { hashPassword } from "../../app/modules/auth/password.server.ts";
import { maskPhone } from "../../app/modules/people/identity.ts";
import { encrypt, lookupHash } from "../../app/modules/security/secrets.server.ts";
import { likeText } from "../../app/modules/like.ts";
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from "./demo-accounts.ts";

export { DEMO_ACCOUNTS, DEMO_PASSWORD };

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
      hometownCode: "610924101",
      currentRegionCode: "610924100",
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
