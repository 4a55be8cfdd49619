/**
 * The registers that feed indicators, inside the staff member's region (outside it a row does not
 * exist): persons with employment difficulties, zero-employment families, full-employment
 * communities and labour-force figures. Every change writes its audit record in the same
 * transaction. ID numbers are stored encrypted, matched by keyed hash and shown masked.
 */
import type { Prisma } from "~/generated/prisma/client.ts";
import { audit } from "../audit/audit.server.ts";
import { scopePrefix } from "../auth/permissions.ts";
import { getDb } from "../db.server.ts";
import { maskIdNumber } from "../people/identity.ts";
import { getRegions, regionName, type RegionInfo, siteRegion } from "../regions/regions.server.ts";
import { encrypt, lookupHash } from "../security/secrets.server.ts";
import { inRegion, staffScope, type StaffActor } from "../staff/scope.ts";
import { regionPickerOptions } from "../regions/picker.server.ts";
import {
  assistanceRate,
  assistedOn,
  chinaDay,
  CLEAR_WITHIN_DAYS,
  compareFamilies,
  familyClock,
  fullEmploymentCount,
  labourFigureFor,
  registeredUnemploymentRate,
  yearBounds,
} from "./formulas.ts";
import {
  familyMembers,
  type CommunityCreate,
  type DifficultyCreate,
  type DifficultyQuery,
  type FamilyCreate,
  type FamilyQuery,
  type LabourSave,
  type YearQuery,
} from "./schemas.ts";
import { syncDifficultyPerson, syncFamily } from "./sync.server.ts";

const PAGE_SIZE = 20;
const day = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : null);

/** What a change answers: done, not there (404), or messages for the form. */
export type Change = { ok: true; name: string } | { ok: false; reason: "not_found" } | { ok: false; reason: "invalid"; fieldErrors?: Record<string, string[]>; formErrors?: string[] };
const notFound = { ok: false, reason: "not_found" } as const;
const invalid = (fieldErrors: Record<string, string[]>, formErrors?: string[]) => ({ ok: false, reason: "invalid", fieldErrors, formErrors }) as const;

/** The region a list shows: the one asked for when it is inside the scope, else the staff member's own. null: outside (404). */
function listRegion(actor: StaffActor, region: string | undefined): { prefix: string | null; where: { regionCode?: { startsWith: string } } } | null {
  const scope = staffScope(actor);
  if (region === undefined) return { prefix: scope, where: inRegion(scope) };
  const prefix = scopePrefix(region);
  if (scope !== null && !prefix.startsWith(scope)) return null;
  return { prefix, where: inRegion(prefix) };
}

/** A town inside the staff member's region, or the field message saying why not. */
async function townInScope(actor: StaffActor, code: string): Promise<RegionInfo | null | "retired"> {
  const scope = staffScope(actor);
  const town = (await getRegions()).get(code);
  if (!town || town.level !== "town" || (scope !== null && !code.startsWith(scope))) return null;
  // New register rows take today's divisions; rows filed under a retired code keep it.
  return town.retiredAt ? "retired" : town;
}

/** The towns (and above them, for labour figures, the counties and the city) a staff member may write for. */
export async function regionChoices(actor: StaffActor, lang: string) {
  const scope = staffScope(actor);
  const regions = [...(await getRegions()).values()].filter((r) => ["city", "county", "town"].includes(r.level) && (scope === null || r.code.startsWith(scope)));
  regions.sort((a, b) => a.code.localeCompare(b.code));
  const label = (r: RegionInfo) => (lang === "en" && r.nameEn ? r.nameEn : r.name);
  const all = await getRegions();
  return {
    towns: regions.filter((r) => r.level === "town").map((r) => ({ code: r.code, name: label(r), county: regionName(all, r.parentCode, lang) })),
    areas: regions.map((r) => ({ code: r.code, name: label(r), level: r.level })),
    /** The same towns for the region picker (county, then a searchable town list). */
    // An admin may act anywhere, and is offered the site's own area to choose from.
    picker: await regionPickerOptions({ lang, scope: scope ?? scopePrefix(siteRegion()) }),
  };
}

const sealId = (idNumber: string) => ({ personKey: lookupHash("id-number", idNumber), idNumberEnc: encrypt(idNumber), idNumberMasked: maskIdNumber(idNumber) });

// ---------------------------------------------------------------------------------------------
// Persons with employment difficulties

export async function listDifficultyPersons(actor: StaffActor, query: DifficultyQuery, lang: string) {
  const area = listRegion(actor, query.region);
  if (!area) return null;
  const { start, end } = yearBounds(query.year);
  const db = getDb();
  const inYear: Prisma.DifficultyPersonWhereInput = { ...area.where, recognisedAt: { gte: start, lt: end } };
  const status: Record<DifficultyQuery["status"], Prisma.DifficultyPersonWhereInput> = {
    open: { closedAt: null },
    unassisted: { closedAt: null, assistedAt: null, employedAt: null },
    assisted: { OR: [{ assistedAt: { not: null } }, { employedAt: { not: null } }] },
    employed: { employedAt: { not: null } },
    closed: { closedAt: { not: null } },
    all: {},
  };
  const where = { ...inYear, ...status[query.status] };
  const [all, rows, total] = await Promise.all([
    db.difficultyPerson.findMany({ where: inYear, select: { recognisedAt: true, assistedAt: true, employedAt: true } }),
    db.difficultyPerson.findMany({ where, orderBy: [{ recognisedAt: "desc" }, { id: "desc" }], skip: (query.page - 1) * PAGE_SIZE, take: PAGE_SIZE }),
    db.difficultyPerson.count({ where }),
  ]);
  const regions = await getRegions();
  return {
    summary: assistanceRate(all, query.year),
    total,
    pages: Math.max(1, Math.ceil(total / PAGE_SIZE)),
    rows: rows.map((r) => ({
      id: r.id,
      name: r.name,
      idNumberMasked: r.idNumberMasked,
      place: regionName(regions, r.regionCode, lang),
      category: r.category,
      recognisedAt: day(r.recognisedAt)!,
      assistedAt: day(r.assistedAt),
      assistedOn: day(assistedOn(r)),
      employedAt: day(r.employedAt),
      placementId: r.placementId,
      closedAt: day(r.closedAt),
    })),
  };
}

export async function createDifficultyPerson(actor: StaffActor, input: DifficultyCreate): Promise<Change> {
  const town = await townInScope(actor, input.regionCode);
  if (town === "retired") return invalid({ regionCode: ["regionPicker.errors.retired"] });
  if (!town) return invalid({ regionCode: ["registers.errors.region"] });
  const sealed = sealId(input.idNumber);
  return getDb().$transaction(async (tx) => {
    const open = await tx.difficultyPerson.findFirst({ where: { personKey: sealed.personKey, closedAt: null }, select: { id: true } });
    if (open) return invalid({ idNumber: ["registers.errors.personTwice"] });
    const row = await tx.difficultyPerson.create({
      data: { ...sealed, name: input.name, regionCode: town.code, countyCode: town.code.slice(0, 6), category: input.category, recognisedAt: input.recognisedAt, createdById: actor.id },
    });
    await audit(tx, {
      actorId: actor.id,
      action: "difficulty_person.create",
      entityType: "difficulty_person",
      entityId: row.id,
      regionCode: row.regionCode,
      after: { name: row.name, idNumberMasked: row.idNumberMasked, category: row.category, recognisedAt: day(row.recognisedAt) },
    });
    await syncDifficultyPerson(tx, row.id, actor.id); // already in work: a verified placement since recognition
    return { ok: true, name: row.name } as const;
  });
}

/** Records assistance given, or closes the record (moved away, retired, no longer in need). */
export async function updateDifficultyPerson(actor: StaffActor, change: { intent: "assist"; id: number; assistedAt: Date } | { intent: "close"; id: number; closedAt: Date }): Promise<Change> {
  const scope = inRegion(staffScope(actor));
  return getDb().$transaction(async (tx) => {
    const row = await tx.difficultyPerson.findFirst({ where: { id: change.id, ...scope } });
    if (!row) return notFound;
    const date = change.intent === "assist" ? change.assistedAt : change.closedAt;
    const field = change.intent === "assist" ? "assistedAt" : "closedAt";
    if (date < row.recognisedAt) return invalid({ [field]: ["registers.errors.beforeRecognition"] });
    await tx.difficultyPerson.update({ where: { id: row.id }, data: { [field]: date } });
    await audit(tx, {
      actorId: actor.id,
      action: `difficulty_person.${change.intent}`,
      entityType: "difficulty_person",
      entityId: row.id,
      regionCode: row.regionCode,
      before: { [field]: day(row[field]) },
      after: { [field]: day(date) },
    });
    return { ok: true, name: row.name } as const;
  });
}

export async function deleteDifficultyPerson(actor: StaffActor, id: number): Promise<Change> {
  const scope = inRegion(staffScope(actor));
  return getDb().$transaction(async (tx) => {
    const row = await tx.difficultyPerson.findFirst({ where: { id, ...scope } });
    if (!row) return notFound;
    await tx.difficultyPerson.delete({ where: { id: row.id } });
    await audit(tx, {
      actorId: actor.id,
      action: "difficulty_person.delete",
      entityType: "difficulty_person",
      entityId: row.id,
      regionCode: row.regionCode,
      before: { name: row.name, idNumberMasked: row.idNumberMasked, category: row.category, recognisedAt: day(row.recognisedAt), assistedAt: day(row.assistedAt), employedAt: day(row.employedAt), closedAt: day(row.closedAt) },
    });
    return { ok: true, name: row.name } as const;
  });
}

// ---------------------------------------------------------------------------------------------
// Zero-employment families

/** Verified placements that could clear a family: a member's (by ID number, or by name where the record has none) since recognition, inside the scope. */
async function clearingCandidates(actor: StaffActor, family: { recognisedAt: Date; members: { personKey: string; name: string }[] }) {
  return getDb().placement.findMany({
    where: {
      ...inRegion(staffScope(actor)),
      status: "verified",
      startDate: { gte: family.recognisedAt },
      OR: [{ personKey: { in: family.members.map((m) => m.personKey) } }, { personName: { in: family.members.map((m) => m.name) } }],
    },
    orderBy: [{ startDate: "asc" }, { id: "asc" }],
    take: 5,
    select: { id: true, personName: true, idNumberMasked: true, employerName: true, startDate: true },
  });
}

export async function listFamilies(actor: StaffActor, query: FamilyQuery, lang: string, now = new Date()) {
  const area = listRegion(actor, query.region);
  if (!area) return null;
  const db = getDb();
  const include = { members: { select: { personKey: true, name: true, idNumberMasked: true }, orderBy: { id: "asc" } } } as const;
  const [uncleared, cleared, overdueRows] = await Promise.all([
    db.zeroEmploymentFamily.count({ where: { ...area.where, clearedAt: null } }),
    db.zeroEmploymentFamily.count({ where: { ...area.where, clearedAt: { not: null } } }),
    db.zeroEmploymentFamily.count({ where: { ...area.where, clearedAt: null, recognisedAt: { lt: new Date(chinaDay(now).getTime() - CLEAR_WITHIN_DAYS * 86_400_000) } } }),
  ]);
  // Uncleared first (longest waiting on top), then cleared (latest first), paged across both.
  const skip = (query.page - 1) * PAGE_SIZE;
  const showUncleared = query.status !== "cleared";
  const showCleared = query.status !== "uncleared";
  const firstCount = showUncleared ? uncleared : 0;
  const rows = [
    ...(showUncleared && skip < firstCount
      ? await db.zeroEmploymentFamily.findMany({ where: { ...area.where, clearedAt: null }, orderBy: [{ recognisedAt: "asc" }, { id: "asc" }], skip, take: PAGE_SIZE, include })
      : []),
  ];
  if (showCleared && rows.length < PAGE_SIZE) {
    rows.push(
      ...(await db.zeroEmploymentFamily.findMany({
        where: { ...area.where, clearedAt: { not: null } },
        orderBy: [{ clearedAt: "desc" }, { id: "desc" }],
        skip: Math.max(0, skip - firstCount),
        take: PAGE_SIZE - rows.length,
        include,
      })),
    );
  }
  rows.sort(compareFamilies);
  const total = (showUncleared ? uncleared : 0) + (showCleared ? cleared : 0);
  const regions = await getRegions();
  return {
    summary: { uncleared, cleared, overdue: overdueRows },
    total,
    pages: Math.max(1, Math.ceil(total / PAGE_SIZE)),
    rows: await Promise.all(
      rows.map(async (r) => ({
        id: r.id,
        headName: r.headName,
        headIdMasked: r.headIdMasked,
        memberCount: r.memberCount,
        members: r.members.map((m) => ({ name: m.name, idNumberMasked: m.idNumberMasked })),
        place: regionName(regions, r.regionCode, lang),
        recognisedAt: day(r.recognisedAt)!,
        clearedAt: day(r.clearedAt),
        clearedByPlacementId: r.clearedByPlacementId,
        clock: familyClock(r, now),
        candidates: r.clearedAt
          ? []
          : (await clearingCandidates(actor, r)).map((p) => ({ id: p.id, personName: p.personName, idNumberMasked: p.idNumberMasked, employerName: p.employerName, startDate: day(p.startDate)! })),
      })),
    ),
  };
}

export async function createFamily(actor: StaffActor, input: FamilyCreate): Promise<Change> {
  const town = await townInScope(actor, input.regionCode);
  if (town === "retired") return invalid({ regionCode: ["regionPicker.errors.retired"] });
  if (!town) return invalid({ regionCode: ["registers.errors.region"] });
  const members = familyMembers(input).map((m) => ({ name: m.name, ...sealId(m.idNumber) }));
  if (members.length > input.memberCount) return invalid({ memberCount: ["registers.errors.membersFewer"] });
  return getDb().$transaction(async (tx) => {
    const already = await tx.zeroFamilyMember.findFirst({ where: { personKey: { in: members.map((m) => m.personKey) }, family: { clearedAt: null } }, select: { personKey: true } });
    if (already) {
      const slot = members.findIndex((m) => m.personKey === already.personKey);
      return invalid({ [slot === 0 ? "headIdNumber" : `member${slot + 1}Id`]: ["registers.errors.familyTwice"] });
    }
    const family = await tx.zeroEmploymentFamily.create({
      data: {
        headName: input.headName,
        headIdHash: members[0]!.personKey,
        headIdMasked: members[0]!.idNumberMasked,
        memberCount: input.memberCount,
        regionCode: town.code,
        countyCode: town.code.slice(0, 6),
        recognisedAt: input.recognisedAt,
        createdById: actor.id,
        members: { create: members },
      },
    });
    await audit(tx, {
      actorId: actor.id,
      action: "zero_family.create",
      entityType: "zero_family",
      entityId: family.id,
      regionCode: family.regionCode,
      after: { headName: family.headName, headIdMasked: family.headIdMasked, memberCount: family.memberCount, members: members.map((m) => m.idNumberMasked), recognisedAt: day(family.recognisedAt) },
    });
    await syncFamily(tx, family.id, actor.id); // a member already in work since recognition clears it at once
    return { ok: true, name: family.headName } as const;
  });
}

/** Staff clear a family with the placement they choose (a member's verified placement since recognition). */
export async function clearFamily(actor: StaffActor, input: { id: number; placementId: number }): Promise<Change> {
  const scope = inRegion(staffScope(actor));
  const family = await getDb().zeroEmploymentFamily.findFirst({ where: { id: input.id, ...scope }, include: { members: true } });
  if (!family) return notFound;
  if (family.clearedAt) return invalid({}, ["registers.errors.alreadyCleared"]);
  const candidates = await clearingCandidates(actor, family);
  const chosen = candidates.find((c) => c.id === input.placementId);
  if (!chosen) return invalid({ placementId: ["registers.errors.choosePlacement"] });
  return getDb().$transaction(async (tx) => {
    const { count } = await tx.zeroEmploymentFamily.updateMany({ where: { id: family.id, clearedAt: null }, data: { clearedAt: new Date(Math.max(chosen.startDate.getTime(), family.recognisedAt.getTime())), clearedByPlacementId: chosen.id } });
    if (count !== 1) return invalid({}, ["registers.errors.alreadyCleared"]);
    await audit(tx, {
      actorId: actor.id,
      action: "zero_family.clear",
      entityType: "zero_family",
      entityId: family.id,
      regionCode: family.regionCode,
      before: { clearedAt: null, clearedByPlacementId: null },
      after: { clearedAt: day(chosen.startDate < family.recognisedAt ? family.recognisedAt : chosen.startDate), clearedByPlacementId: chosen.id, automatic: false },
    });
    return { ok: true, name: family.headName } as const;
  });
}

export async function deleteFamily(actor: StaffActor, id: number): Promise<Change> {
  const scope = inRegion(staffScope(actor));
  return getDb().$transaction(async (tx) => {
    const family = await tx.zeroEmploymentFamily.findFirst({ where: { id, ...scope }, include: { members: true } });
    if (!family) return notFound;
    await tx.zeroEmploymentFamily.delete({ where: { id: family.id } });
    await audit(tx, {
      actorId: actor.id,
      action: "zero_family.delete",
      entityType: "zero_family",
      entityId: family.id,
      regionCode: family.regionCode,
      before: { headName: family.headName, headIdMasked: family.headIdMasked, memberCount: family.memberCount, members: family.members.map((m) => m.idNumberMasked), recognisedAt: day(family.recognisedAt), clearedAt: day(family.clearedAt) },
    });
    return { ok: true, name: family.headName } as const;
  });
}

// ---------------------------------------------------------------------------------------------
// Full-employment communities

export async function listCommunities(actor: StaffActor, query: YearQuery, lang: string) {
  const area = listRegion(actor, query.region);
  if (!area) return null;
  const db = getDb();
  const where = { ...area.where, year: query.year };
  const [all, rows, total] = await Promise.all([
    db.fullEmploymentCommunity.findMany({ where, select: { regionCode: true, name: true, level: true, year: true } }),
    db.fullEmploymentCommunity.findMany({ where, orderBy: [{ recognisedAt: "desc" }, { id: "desc" }], skip: (query.page - 1) * PAGE_SIZE, take: PAGE_SIZE }),
    db.fullEmploymentCommunity.count({ where }),
  ]);
  const regions = await getRegions();
  const byLevel = Object.fromEntries(["city", "provincial", "provincial_star", "national"].map((l) => [l, all.filter((r) => r.level === l).length]));
  return {
    summary: { counted: fullEmploymentCount(all, query.year), byLevel },
    total,
    pages: Math.max(1, Math.ceil(total / PAGE_SIZE)),
    rows: rows.map((r) => ({ id: r.id, name: r.name, villageCode: r.villageCode, place: regionName(regions, r.regionCode, lang), level: r.level, year: r.year, recognisedAt: day(r.recognisedAt)! })),
  };
}

export async function createCommunity(actor: StaffActor, input: CommunityCreate): Promise<Change> {
  const town = await townInScope(actor, input.regionCode);
  if (town === "retired") return invalid({ regionCode: ["regionPicker.errors.retired"] });
  if (!town) return invalid({ regionCode: ["registers.errors.region"] });
  return getDb().$transaction(async (tx) => {
    const twice = await tx.fullEmploymentCommunity.findFirst({ where: { regionCode: town.code, name: input.name, level: input.level, year: input.year }, select: { id: true } });
    if (twice) return invalid({ name: ["registers.errors.communityTwice"] });
    const row = await tx.fullEmploymentCommunity.create({
      data: { name: input.name, villageCode: input.villageCode ?? null, regionCode: town.code, countyCode: town.code.slice(0, 6), level: input.level, year: input.year, recognisedAt: input.recognisedAt, createdById: actor.id },
    });
    await audit(tx, {
      actorId: actor.id,
      action: "community.create",
      entityType: "community",
      entityId: row.id,
      regionCode: row.regionCode,
      after: { name: row.name, villageCode: row.villageCode, level: row.level, year: row.year, recognisedAt: day(row.recognisedAt) },
    });
    return { ok: true, name: row.name } as const;
  });
}

export async function deleteCommunity(actor: StaffActor, id: number): Promise<Change> {
  const scope = inRegion(staffScope(actor));
  return getDb().$transaction(async (tx) => {
    const row = await tx.fullEmploymentCommunity.findFirst({ where: { id, ...scope } });
    if (!row) return notFound;
    await tx.fullEmploymentCommunity.delete({ where: { id: row.id } });
    await audit(tx, {
      actorId: actor.id,
      action: "community.delete",
      entityType: "community",
      entityId: row.id,
      regionCode: row.regionCode,
      before: { name: row.name, villageCode: row.villageCode, level: row.level, year: row.year, recognisedAt: day(row.recognisedAt) },
    });
    return { ok: true, name: row.name } as const;
  });
}

// ---------------------------------------------------------------------------------------------
// Labour-force figures

export async function listLabourFigures(actor: StaffActor, query: YearQuery, lang: string) {
  const area = listRegion(actor, query.region);
  if (!area) return null;
  const db = getDb();
  const regions = await getRegions();
  const where = { ...area.where, year: query.year };
  const [all, rows, total] = await Promise.all([
    db.labourForceFigure.findMany({ where, select: { regionCode: true, month: true, urbanEmployed: true, registeredUnemployed: true } }),
    db.labourForceFigure.findMany({ where, orderBy: [{ month: "desc" }, { regionCode: "asc" }], skip: (query.page - 1) * PAGE_SIZE, take: PAGE_SIZE }),
    db.labourForceFigure.count({ where }),
  ]);
  const regionCode = query.region ?? actor.staffRegionCode ?? siteRegion();
  const childrenOf = (code: string) => [...regions.values()].filter((r) => r.parentCode === code).map((r) => r.code);
  const figure = labourFigureFor(regionCode, all, childrenOf);
  return {
    summary: { region: regionName(regions, regionCode, lang), figure, rate: registeredUnemploymentRate(figure) },
    total,
    pages: Math.max(1, Math.ceil(total / PAGE_SIZE)),
    rows: rows.map((r) => ({
      id: r.id,
      regionCode: r.regionCode,
      place: regionName(regions, r.regionCode, lang),
      year: r.year,
      month: r.month,
      urbanEmployed: r.urbanEmployed,
      registeredUnemployed: r.registeredUnemployed,
      rate: registeredUnemploymentRate(r),
    })),
  };
}

/** Enters or corrects one region's figures for one month (one row per region and month). */
export async function saveLabourFigure(actor: StaffActor, input: LabourSave): Promise<Change> {
  const scope = staffScope(actor);
  const region = (await getRegions()).get(input.regionCode);
  if (!region || !["city", "county", "town"].includes(region.level) || (scope !== null && !input.regionCode.startsWith(scope))) return invalid({ regionCode: ["registers.errors.region"] });
  return getDb().$transaction(async (tx) => {
    const key = { regionCode: input.regionCode, year: input.year, month: input.month };
    const before = await tx.labourForceFigure.findUnique({ where: { regionCode_year_month: key } });
    const values = { urbanEmployed: input.urbanEmployed, registeredUnemployed: input.registeredUnemployed, enteredById: actor.id };
    const row = await tx.labourForceFigure.upsert({ where: { regionCode_year_month: key }, create: { ...key, ...values }, update: values });
    await audit(tx, {
      actorId: actor.id,
      action: before ? "labour_figure.update" : "labour_figure.create",
      entityType: "labour_figure",
      entityId: row.id,
      regionCode: row.regionCode,
      before: before ? { urbanEmployed: before.urbanEmployed, registeredUnemployed: before.registeredUnemployed } : undefined,
      after: { ...key, urbanEmployed: row.urbanEmployed, registeredUnemployed: row.registeredUnemployed },
    });
    return { ok: true, name: `${region.name} ${input.year}-${String(input.month).padStart(2, "0")}` } as const;
  });
}

export async function deleteLabourFigure(actor: StaffActor, id: number): Promise<Change> {
  const scope = inRegion(staffScope(actor));
  return getDb().$transaction(async (tx) => {
    const row = await tx.labourForceFigure.findFirst({ where: { id, ...scope } });
    if (!row) return notFound;
    await tx.labourForceFigure.delete({ where: { id: row.id } });
    await audit(tx, {
      actorId: actor.id,
      action: "labour_figure.delete",
      entityType: "labour_figure",
      entityId: row.id,
      regionCode: row.regionCode,
      before: { year: row.year, month: row.month, urbanEmployed: row.urbanEmployed, registeredUnemployed: row.registeredUnemployed },
    });
    return { ok: true, name: `${row.year}-${String(row.month).padStart(2, "0")}` } as const;
  });
}
