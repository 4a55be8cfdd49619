/**
 * The demo accounts, one per role, as the README lists them: shared by the seed and the tests
 * (plain constants, so a test runner can import them without the app). The password is for the
 * demo only.
 */
export const DEMO_PASSWORD = "Ankang-demo-2026";

export const DEMO_ACCOUNTS = [
  { key: "admin", email: "admin@demo.ankang.gov.cn", role: "admin", displayName: "系统管理员", staffRegionCode: "610900" },
  { key: "cityStaff", email: "city@demo.ankang.gov.cn", role: "staff", displayName: "市就业局 刘科长", staffRegionCode: "610900" },
  { key: "ziyangStaff", email: "ziyang@demo.ankang.gov.cn", role: "staff", displayName: "紫阳县就业局 陈干事", staffRegionCode: "610924" },
  { key: "hanbinStaff", email: "hanbin@demo.ankang.gov.cn", role: "staff", displayName: "汉滨区就业局 杨干事", staffRegionCode: "610902" },
  { key: "townStaff", email: "haoping@demo.ankang.gov.cn", role: "staff", displayName: "蒿坪镇劳动保障站 周站长", staffRegionCode: "610924101" },
  // The other two plans' regions (Shangluo 2012, Henan 2016–2020): their dashboards and targets, nothing of Ankang's.
  { key: "shangluoStaff", email: "shangluo@demo.shangluo.gov.cn", role: "staff", displayName: "商洛市就业局 演示账号", staffRegionCode: "611000" },
  { key: "henanStaff", email: "henan@demo.henan.gov.cn", role: "staff", displayName: "河南省就业促进中心 演示账号", staffRegionCode: "410000" },
  { key: "employer", email: "hr@demo-employer.cn", role: "employer", displayName: "紫阳企业人事 赵女士", staffRegionCode: null },
  { key: "seeker", phone: "13800000001", role: "seeker", displayName: "王小红", staffRegionCode: null },
  // Runs 紫阳县创业服务中心 (an incubator organization) and so its bases: reviews applications for a place.
  { key: "baseOperator", email: "base@demo-incubator.cn", role: "employer", displayName: "紫阳县创业服务中心 周主任", staffRegionCode: null },
  // Runs 紫阳县修脚技艺培训学校 (a training provider) and so its 紫阳修脚师 courses: records learners' hours, completion and certificates.
  { key: "trainingProvider", email: "training@demo-provider.cn", role: "employer", displayName: "紫阳县修脚技艺培训学校 李老师", staffRegionCode: null },
] as const;

/** The sign-in identifier of a demo account by its key. */
export const demoLogin = (key: (typeof DEMO_ACCOUNTS)[number]["key"]): string => {
  const account = DEMO_ACCOUNTS.find((a) => a.key === key)!;
  return "phone" in account ? account.phone : account.email;
};

/**
 * The golden personas of matching (issue 11, point 5): seekers with full profiles who consent to
 * matching, each with what the recommendations should show them (docs/demo-personas.md). They sign
 * in by phone with DEMO_PASSWORD; their profiles are in prisma/seed/personas.ts.
 */
export const DEMO_PERSONAS = [
  { key: "pedicurist", phone: "13800000011", displayName: "陈修远",
    description: "紫阳修脚师 now working in 广州 (8 years), coming home to 紫阳 within three months: 修脚 jobs and gigs in 紫阳 and nearby, the brand's reason" },
  { key: "nurseGraduate", phone: "13800000012", displayName: "李护清",
    description: "2026 nursing graduate (college, 护理) in 汉滨 without a nurse's licence yet: nursing internships (就业见习) in 汉滨, nurse jobs naming the missing licence" },
  { key: "farmer", phone: "13800000013", displayName: "张守田",
    description: "50-year-old farmer in 白河 (junior school, 20 years' work) wanting day work within 15 km: gigs in 白河 towns (搬运, 魔芋收获, 工地小工)" },
  { key: "veteran", phone: "13800000014", displayName: "刘振军",
    description: "Veteran back in 紫阳 who wants to start a tea business: the veterans' and 归雁 incubation bases, tea-making courses (评茶员 certificate)" },
  { key: "schoolLeaver", phone: "13800000015", displayName: "王小勇",
    description: "Young person out of school after junior high in 汉阴 (school leaver, young and out of work): cooking and pastry courses with a certificate, kitchen jobs, internships open to young people out of work" },
] as const;

export type DemoPersonaKey = (typeof DEMO_PERSONAS)[number]["key"];

/** The sign-in phone of a golden persona by its key. */
export const personaLogin = (key: DemoPersonaKey): string => DEMO_PERSONAS.find((p) => p.key === key)!.phone;
