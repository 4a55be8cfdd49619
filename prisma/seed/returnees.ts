/**
 * The returnee registry's demo rows and the factory the tests use: people from Ankang's counties
 * working in 广州, 苏州, 深圳… who registered to come home, some already back and one placed.
 */
import { randomBytes } from "node:crypto";
import type { Prisma, PrismaClient } from "../../app/generated/prisma/client.ts";
import { maskPhone } from "../../app/modules/people/identity.ts";
import { INTENTIONS, RETURNEE_KINDS, TIMINGS } from "../../app/modules/returnees/codes.ts";
import { encrypt, lookupHash } from "../../app/modules/security/secrets.server.ts";
import { toCommaList } from "../../app/utils/comma-list.ts";
import type { Rng } from "./factories.ts";
import { ALL_TOWNS } from "./regions.ts";

const SURNAMES = ["王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马", "胡", "朱"];
const GIVEN = ["建华", "秀英", "海军", "丽娟", "志强", "春燕", "明亮", "晓梅", "国庆", "小兵", "红霞", "伟", "静", "磊", "芳"];
/** Where Ankang's workers are, as national-list city codes: 广州, 深圳, 东莞, 苏州, 宁波, 西安, 杭州, 上海. */
const AWAY_CITIES = ["440100", "440300", "441900", "320500", "330200", "610100", "330100", "310100"];
const TRADES = ["电工", "焊工", "厨师", "服装加工", "电子厂装配", "电商运营", "建筑木工", "汽车维修", "美容美发", "物流配送", "养殖", "修脚师"];

/** One registrant's row, confirmed, from a random town; `overrides` fixes what a test needs. */
export function buildReturnee(rng: Rng, now: Date, overrides: Partial<Prisma.ReturneeRegistrationUncheckedCreateInput> = {}): Prisma.ReturneeRegistrationUncheckedCreateInput {
  const town = rng.pick(ALL_TOWNS);
  const phone = `139${String(rng.int(0, 99_999_999)).padStart(8, "0")}`;
  const intentions = rng.sample(INTENTIONS, rng.int(1, 2));
  const created = new Date(now.getTime() - rng.int(1, 300) * 86_400_000);
  return {
    name: `${rng.pick(SURNAMES)}${rng.pick(GIVEN)}`,
    phoneEnc: encrypt(phone),
    phoneMasked: maskPhone(phone),
    phoneHash: lookupHash("phone", phone),
    homeCounty: town.countyCode,
    homeTown: town.code,
    regionCode: town.code,
    awayCityCode: rng.pick(AWAY_CITIES),
    returneeKind: rng.pick(RETURNEE_KINDS),
    trade: rng.pick(TRADES),
    intentions: toCommaList(intentions),
    timing: rng.pick(TIMINGS),
    token: randomBytes(24).toString("base64url"),
    confirmedAt: created,
    createdAt: created,
    ...overrides,
  };
}

export async function makeReturnee(db: PrismaClient, rng: Rng, now: Date, overrides: Partial<Prisma.ReturneeRegistrationUncheckedCreateInput> = {}) {
  return db.returneeRegistration.create({ data: buildReturnee(rng, now, overrides) });
}

/** The demo's registry: enough people in every county for the staff counts to mean something. */
export async function seedReturnees(db: PrismaClient, rng: Rng, now: Date, count = 240) {
  const rows = Array.from({ length: count }, () => buildReturnee(rng, now));
  // A tenth are back home already; staff mark that from a call or a visit.
  for (const row of rows.slice(0, Math.floor(count / 10))) Object.assign(row, { status: "returned", returnedAt: now });
  await db.returneeRegistration.createMany({ data: rows });
}
