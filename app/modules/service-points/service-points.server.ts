/**
 * Public employment service points (公共就业服务站点): the public list, nearest first, and the
 * staff's management of the points in their region. Every staff change writes its audit record in
 * the same transaction; outside the staff member's region a point does not exist.
 */
import type { Prisma } from "~/generated/prisma/client.ts";
import { fromCommaList, toCommaList } from "../../utils/comma-list.ts";
import { audit } from "../audit/audit.server.ts";
import { scopePrefix } from "../auth/permissions.ts";
import { getDb } from "../db.server.ts";
import { travelMinutes, type LatLng } from "../places/distance.ts";
import { distanceKm } from "../search/near.ts";
import { pointOf, type Point } from "../places/points.ts";
import { getRegions, regionName, type RegionInfo, siteRegion } from "../regions/regions.server.ts";
import type { Change } from "../registers/registers.server.ts";
import { inRegion, staffScope, type StaffActor } from "../staff/scope.ts";
import { SERVICE_POINT_KINDS, type ServiceCode, type ServicePointInput, type ServicePointKind } from "./schemas.ts";

type Row = Prisma.ServicePointGetPayload<object>;

/** One view of a service point, for every page that shows one. */
export interface ServicePointView {
  id: number;
  kind: ServicePointKind;
  name: string;
  regionCode: string;
  countyCode: string;
  place: string;
  address: string;
  hours: string;
  phone: string;
  services: ServiceCode[];
  point: Point | null;
  active: boolean;
  /** From the visitor's chosen place, when there is one. */
  distanceKm: number | null;
  minutes: number | null;
}

/** A point's own coordinates, else its town's (or county seat's, approximate). */
export function pointOfRow(row: Pick<Row, "lat" | "lng" | "regionCode">): Point | null {
  if (row.lat != null && row.lng != null) return { lat: row.lat, lng: row.lng, approximate: false };
  return pointOf(row.regionCode) ?? null;
}

function view(row: Row, regions: Map<string, RegionInfo>, lang: string, origin?: LatLng & { urban?: boolean }): ServicePointView {
  const point = pointOfRow(row);
  const km = distanceKm(origin, point);
  const county = regionName(regions, row.countyCode, lang);
  return {
    id: row.id,
    kind: row.kind as ServicePointKind,
    name: row.name,
    regionCode: row.regionCode,
    countyCode: row.countyCode,
    place: row.regionCode === row.countyCode ? county : `${county} · ${regionName(regions, row.regionCode.slice(0, 9), lang)}`,
    address: row.address,
    hours: row.hours,
    phone: row.phone,
    services: fromCommaList(row.services) as ServiceCode[],
    point,
    active: row.active,
    distanceKm: km,
    minutes: km === null ? null : Math.round(travelMinutes(km, { urban: origin?.urban })),
  };
}

const KIND_ORDER = new Map(SERVICE_POINT_KINDS.map((k, i) => [k, i]));
const byPlace = (a: ServicePointView, b: ServicePointView) =>
  a.countyCode.localeCompare(b.countyCode) || (KIND_ORDER.get(a.kind) ?? 9) - (KIND_ORDER.get(b.kind) ?? 9) || a.regionCode.localeCompare(b.regionCode) || a.id - b.id;

/**
 * The open points of the site's region (or one county), nearest first when the visitor said where
 * they are, else county by county with the county centre first.
 */
export async function listServicePoints(options: { county?: string; origin?: LatLng; lang: string }): Promise<ServicePointView[]> {
  const site = scopePrefix(siteRegion());
  const prefix = options.county && options.county.startsWith(site) ? options.county : site;
  const [rows, regions] = await Promise.all([
    getDb().servicePoint.findMany({ where: { active: true, ...inRegion(prefix) } }),
    getRegions(),
  ]);
  const views = rows.map((row) => view(row, regions, options.lang, options.origin));
  return views.sort(options.origin ? (a, b) => (a.distanceKm ?? Infinity) - (b.distanceKm ?? Infinity) || byPlace(a, b) : byPlace);
}

/** Every point (closed ones too) inside a staff member's region. */
export async function listStaffServicePoints(actor: StaffActor, lang: string): Promise<ServicePointView[]> {
  const scope = staffScope(actor);
  const [rows, regions] = await Promise.all([getDb().servicePoint.findMany({ where: inRegion(scope) }), getRegions()]);
  return rows.map((row) => view(row, regions, lang)).sort((a, b) => Number(b.active) - Number(a.active) || byPlace(a, b));
}

const notFound = { ok: false, reason: "not_found" } as const;
const invalid = (fieldErrors: Record<string, string[]>) => ({ ok: false, reason: "invalid", fieldErrors }) as const;

/**
 * Where a point may be: a county centre serves a county, a station a town; inside the staff
 * member's region, and a code the national list still carries.
 */
async function placeFor(actor: StaffActor, input: ServicePointInput): Promise<{ regionCode: string; countyCode: string } | { error: string }> {
  const scope = staffScope(actor);
  const region = (await getRegions()).get(input.regionCode);
  if (!region || region.retiredAt || (scope !== null && !input.regionCode.startsWith(scope))) return { error: "servicePoints.errors.region" };
  if (region.level === "town" && region.parentCode !== input.county) return { error: "servicePoints.errors.region" };
  const wanted = input.kind === "county_centre" ? "county" : "town";
  if (region.level !== wanted) return { error: input.kind === "county_centre" ? "servicePoints.errors.needCounty" : "servicePoints.errors.needTown" };
  const countyCode = region.level === "county" ? region.code : (region.parentCode ?? region.code.slice(0, 6));
  return { regionCode: region.code, countyCode };
}

/** A place message goes under the field to change: the town, or the county for a county centre. */
const fieldOf = (error: string): Record<string, string[]> => ({ [error === "servicePoints.errors.region" ? "county" : "town"]: [error] });

function data(input: ServicePointInput, place: { regionCode: string; countyCode: string }) {
  return {
    kind: input.kind,
    name: input.name,
    ...place,
    address: input.address,
    hours: input.hours,
    phone: input.phone,
    services: toCommaList(input.services),
    lat: input.lat ?? null,
    lng: input.lng ?? null,
  };
}

export async function createServicePoint(actor: StaffActor, input: ServicePointInput): Promise<Change> {
  const place = await placeFor(actor, input);
  if ("error" in place) return invalid(fieldOf(place.error));
  return getDb().$transaction(async (tx) => {
    const row = await tx.servicePoint.create({ data: data(input, place) });
    await audit(tx, { actorId: actor.id, action: "service_point.create", entityType: "service_point", entityId: row.id, regionCode: row.regionCode, after: row });
    return { ok: true, name: row.name } as const;
  });
}

export async function updateServicePoint(actor: StaffActor, input: ServicePointInput & { id: number }): Promise<Change> {
  const place = await placeFor(actor, input);
  return getDb().$transaction(async (tx) => {
    const before = await tx.servicePoint.findFirst({ where: { id: input.id, ...inRegion(staffScope(actor)) } });
    if (!before) return notFound;
    if ("error" in place) return invalid(fieldOf(place.error));
    const after = await tx.servicePoint.update({ where: { id: before.id }, data: { ...data(input, place), active: true } });
    await audit(tx, { actorId: actor.id, action: "service_point.update", entityType: "service_point", entityId: after.id, regionCode: after.regionCode, before, after });
    return { ok: true, name: after.name } as const;
  });
}

/** A point that no longer serves is closed, not deleted: the audit trail and old links keep it. */
export async function closeServicePoint(actor: StaffActor, id: number): Promise<Change> {
  return getDb().$transaction(async (tx) => {
    const before = await tx.servicePoint.findFirst({ where: { id, active: true, ...inRegion(staffScope(actor)) } });
    if (!before) return notFound;
    const after = await tx.servicePoint.update({ where: { id: before.id }, data: { active: false } });
    await audit(tx, { actorId: actor.id, action: "service_point.close", entityType: "service_point", entityId: after.id, regionCode: after.regionCode, before, after });
    return { ok: true, name: after.name } as const;
  });
}
