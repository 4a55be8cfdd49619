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
] as const;

/** The sign-in identifier of a demo account by its key. */
export const demoLogin = (key: (typeof DEMO_ACCOUNTS)[number]["key"]): string => {
  const account = DEMO_ACCOUNTS.find((a) => a.key === key)!;
  return "phone" in account ? account.phone : account.email;
};
