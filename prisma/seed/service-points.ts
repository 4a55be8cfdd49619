/**
 * The demo's public employment service points: every Ankang county's centre in its seat, a
 * station in most towns, and community stations in the city's subdistricts. A few remote towns are
 * left without one, so the staff coverage page has gaps to show. Phone numbers are made up.
 */
import type { Prisma, PrismaClient } from "../../app/generated/prisma/client.ts";
import { toCommaList } from "../../app/utils/comma-list.ts";
import { COUNTIES, shortCountyName, townsOf } from "./regions.ts";
import type { Rng } from "./factories.ts";

const CENTRE_SERVICES = ["job_registration", "unemployment_registration", "job_referral", "vocational_guidance", "training_signup", "startup_services", "policy_advice", "employment_assistance", "social_insurance", "rights_advice"];
const STATION_SERVICES = ["job_registration", "job_referral", "training_signup", "policy_advice", "employment_assistance"];
const COMMUNITY_SERVICES = ["job_registration", "job_referral", "policy_advice"];
const HOURS = "周一至周五 8:30-12:00，14:30-17:30";

/** Of every county's towns beyond its seat, this share has a station (the rest are the gaps). */
const STATION_SHARE = 0.8;

export function servicePointRows(rng: Rng): Prisma.ServicePointCreateManyInput[] {
  const rows: Prisma.ServicePointCreateManyInput[] = [];
  const phone = () => `0915-${rng.int(2, 8)}${String(rng.int(0, 999_999)).padStart(6, "0")}`;
  for (const county of COUNTIES) {
    const short = shortCountyName(county.name);
    const [seat, ...towns] = townsOf(county);
    rows.push({
      kind: "county_centre", name: `${county.name}公共就业服务中心`, regionCode: county.code, countyCode: county.code,
      address: `${short}${seat?.name ?? ""}人力资源和社会保障局一楼服务大厅`, hours: HOURS, phone: phone(), services: toCommaList(CENTRE_SERVICES),
    });
    for (const town of towns) {
      if (!rng.chance(STATION_SHARE)) continue;
      rows.push({
        kind: "town_station", name: `${short}${town.name}就业服务站`, regionCode: town.code, countyCode: county.code,
        address: `${town.name}便民服务中心`, hours: HOURS, phone: phone(), services: toCommaList(STATION_SERVICES),
      });
    }
    for (const town of townsOf(county).filter((t) => t.name.endsWith("街道")).slice(0, 3)) {
      rows.push({
        kind: "community_station", name: `${town.name}社区就业服务站`, regionCode: town.code, countyCode: county.code,
        address: `${town.name}社区党群服务中心`, hours: "周一至周六 9:00-17:00", phone: phone(), services: toCommaList(COMMUNITY_SERVICES),
      });
    }
  }
  return rows;
}

export async function seedServicePoints(db: PrismaClient, rng: Rng) {
  await db.servicePoint.createMany({ data: servicePointRows(rng) });
}
