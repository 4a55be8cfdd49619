/**
 * The golden personas' accounts and full profiles (their logins: DEMO_PERSONAS in demo-accounts.ts;
 * what each should see: docs/demo-personas.md). Dates follow the seed's `now`, so a persona coming
 * home is always about three months away.
 */
import type { Prisma, PrismaClient } from "../../app/generated/prisma/client.ts";
import { hashPassword } from "../../app/modules/auth/password.server.ts";
import { maskPhone } from "../../app/modules/people/identity.ts";
import { encrypt, lookupHash } from "../../app/modules/security/secrets.server.ts";
import { toCommaList } from "../../app/utils/comma-list.ts";
import { DEMO_PASSWORD, DEMO_PERSONAS, type DemoPersonaKey } from "./demo-accounts.ts";
import { addDays } from "./factories.ts";
import { seekerOccupation } from "./seekers.ts";

type Profile = Omit<Prisma.SeekerProfileUncheckedCreateInput, "userId" | "name" | "phoneEnc" | "phoneMasked">;

const list = (codes: string[]) => toCommaList(codes);

/** Each persona's profile, as the person would fill it in. */
export function personaProfiles(now: Date): Record<DemoPersonaKey, Profile> {
  return {
    pedicurist: {
      birthDate: new Date("1990-04-12"), sex: "male", education: "junior", skills: "修脚 足部护理 足疗",
      workHistory: JSON.stringify([{ employer: "广州某连锁修脚店", title: "修脚师", from: "2018-03", to: "" }]),
      hometownCode: "610924101", currentRegionCode: null, awayCityCode: "440100", comeHomeBy: addDays(now, 90),
      groups: list(["returnee"]), returneeKind: "skilled", wishKinds: list(["job", "gig"]), wishCounties: list(["610924"]),
      wishPayMin: 5000, wishStartDate: addDays(now, 90), wishOccupations: list(["4-10-03-05"]),
      credentials: list(["special_pedicure", "health_certificate"]), skillCodes: list(["pedicure", "foot_care", "foot_bath"]),
      travelKm: 30, experienceYears: 8, brandsTrained: list(["ziyang_pedicure"]),
    },
    nurseGraduate: {
      birthDate: new Date("2004-09-03"), sex: "female", education: "college", school: "安康职业技术学院", major: "护理",
      graduationYear: 2026, hometownCode: "610902002", currentRegionCode: "610902002", groups: list(["graduate"]),
      wishKinds: list(["job", "internship"]), wishCounties: list(["610902"]), wishPayMin: 3000,
      wishOccupations: list(["2-05-08-01", "2-05-08-05"]), credentials: list([]),
      skillCodes: list(["basic_nursing", "vital_signs", "clinical_nursing"]), travelKm: 20, experienceYears: 0,
    },
    farmer: {
      birthDate: new Date("1976-02-20"), sex: "male", education: "junior", skills: "种庄稼 装卸搬运 砌砖",
      hometownCode: "610929101", currentRegionCode: "610929101", groups: list(["rural_migrant", "lifted_from_poverty"]),
      wishKinds: list(["gig"]), wishCounties: list(["610929"]), wishPayMin: null,
      wishOccupations: list(["4-02-05-01", "5-01-02-01", "6-29-01-01"]), credentials: list([]),
      skillCodes: list(["loading", "crop_farming", "konjac_growing", "bricklaying"]), travelKm: 15, experienceYears: 20,
    },
    veteran: {
      birthDate: new Date("1994-11-08"), sex: "male", education: "senior", skills: "驾驶 组织管理",
      workHistory: JSON.stringify([{ employer: "中国人民解放军某部", title: "士官", from: "2012-09", to: "2024-12" }]),
      hometownCode: "610924100", currentRegionCode: "610924100", groups: list(["veteran", "returnee"]), returneeKind: "veteran",
      wishKinds: list(["base", "course"]), wishCounties: list(["610924", "610926"]),
      wishOccupations: list(["6-02-06-10", "5-01-02-02"]), credentials: list(["driving_c1"]),
      skillCodes: list(["team_leading", "car_driving"]), travelKm: 50, experienceYears: 12,
    },
    schoolLeaver: {
      birthDate: new Date("2009-05-16"), sex: "male", education: "junior", graduationYear: null,
      hometownCode: "610921100", currentRegionCode: "610921100", groups: list(["school_leaver", "youth_unemployed"]),
      wishKinds: list(["course", "job", "internship"]), wishCounties: list(["610921"]),
      wishOccupations: list(["4-03-02-02", "4-03-02-01"]), credentials: list([]), skillCodes: list([]), travelKm: 30, experienceYears: 0,
    },
  };
}

/** Creates the personas' users, profiles (consenting to matching) and SeekerOccupation rows. */
export async function seedPersonas(db: PrismaClient, now: Date) {
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const profiles = personaProfiles(now);
  for (const persona of DEMO_PERSONAS) {
    const profile = profiles[persona.key];
    const user = await db.user.create({
      data: {
        phoneHash: lookupHash("phone", persona.phone), phoneEnc: encrypt(persona.phone), phoneMasked: maskPhone(persona.phone),
        passwordHash, role: "seeker", displayName: persona.displayName,
      },
    });
    await db.seekerProfile.create({
      data: {
        ...profile, userId: user.id, name: persona.displayName, phoneEnc: encrypt(persona.phone), phoneMasked: maskPhone(persona.phone),
        consentMatching: true, consentSharing: true, consentCandidate: true,
      },
    });
    const codes = (profile.wishOccupations ?? ",").split(",").filter(Boolean);
    await db.seekerOccupation.createMany({ data: codes.map((code) => ({ ...seekerOccupation(code), userId: user.id })) });
  }
  return DEMO_PERSONAS.length;
}
