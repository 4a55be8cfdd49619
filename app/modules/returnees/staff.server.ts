import type { Prisma } from "~/generated/prisma/client.ts";
import { fromCommaList } from "../../utils/comma-list.ts";
import { httpError } from "../../utils/http.ts";
import { getDb } from "../db.server.ts";
import { likeText } from "../like.ts";
import { getRegions, regionName, type RegionInfo } from "../regions/regions.server.ts";
import { awayCityLabel } from "../seekers/profile-vocabulary.server.ts";
import { staffScope, type StaffActor } from "../staff/scope.ts";
import type { RegistryQuery } from "./staff-schemas.ts";

const PAGE_SIZE = 20;

/**
 * The registrants a staff member may see: confirmed ones whose home is inside their region. A
 * filter on a region outside it finds nothing (null), never someone else's people.
 */
export function registryWhere(actor: StaffActor, query: Partial<RegistryQuery>): Prisma.ReturneeRegistrationWhereInput | null {
  const prefix = staffScope(actor);
  if (query.region && prefix !== null && !query.region.startsWith(prefix)) return null;
  const region = query.region ?? prefix;
  return {
    confirmedAt: { not: null },
    ...(region ? { regionCode: { startsWith: likeText(region) } } : {}),
    ...(query.status ? { status: query.status } : {}),
    ...(query.intention ? { intentions: { contains: likeText(`,${query.intention},`) } } : {}),
    ...(query.timing ? { timing: query.timing } : {}),
    ...(query.kind ? { returneeKind: query.kind } : {}),
    ...(query.q ? { OR: [{ name: { contains: likeText(query.q) } }, { trade: { contains: likeText(query.q) } }] } : {}),
  };
}

/** The one-registrant `where`: the id inside the staff member's scope, so another area's id is simply not found. */
export function registrantWhere(actor: StaffActor, id: number): Prisma.ReturneeRegistrationWhereInput {
  return { id, ...registryWhere(actor, {})! };
}

export const placeName = (regions: Map<string, RegionInfo>, county: string, town: string | null, lang: string) =>
  town ? `${regionName(regions, county, lang)} ${regionName(regions, town, lang)}` : regionName(regions, county, lang);

type Tally = { code: string; count: number }[];
const sorted = (tally: Map<string, number>): Tally => [...tally].map(([code, count]) => ({ code, count })).sort((a, b) => b.count - a.count || a.code.localeCompare(b.code));

/** Counts for the filtered set: by status, county, trade (top ten), intention, timing and what they do away. */
async function tallies(where: Prisma.ReturneeRegistrationWhereInput, regions: Map<string, RegionInfo>, lang: string) {
  const db = getDb();
  const [status, county, trade, intentions, timing, kind] = await Promise.all([
    db.returneeRegistration.groupBy({ by: ["status"], where, _count: { _all: true } }),
    db.returneeRegistration.groupBy({ by: ["homeCounty"], where, _count: { _all: true } }),
    db.returneeRegistration.groupBy({ by: ["trade"], where, _count: { _all: true }, orderBy: { _count: { trade: "desc" } }, take: 10 }),
    db.returneeRegistration.groupBy({ by: ["intentions"], where, _count: { _all: true } }),
    db.returneeRegistration.groupBy({ by: ["timing"], where, _count: { _all: true } }),
    db.returneeRegistration.groupBy({ by: ["returneeKind"], where, _count: { _all: true } }),
  ]);
  const byIntention = new Map<string, number>();
  for (const row of intentions) for (const code of fromCommaList(row.intentions)) byIntention.set(code, (byIntention.get(code) ?? 0) + row._count._all);
  const statusCount = (s: string) => status.find((r) => r.status === s)?._count._all ?? 0;
  return {
    total: status.reduce((sum, r) => sum + r._count._all, 0),
    away: statusCount("away"),
    returned: statusCount("returned"),
    placed: statusCount("placed"),
    byCounty: sorted(new Map(county.map((r) => [r.homeCounty, r._count._all]))).map((r) => ({ ...r, name: regionName(regions, r.code, lang) })),
    byTrade: trade.map((r) => ({ code: r.trade, count: r._count._all })),
    byIntention: sorted(byIntention),
    byTiming: sorted(new Map(timing.map((r) => [r.timing, r._count._all]))),
    byKind: sorted(new Map(kind.map((r) => [r.returneeKind, r._count._all]))),
  };
}

/** The registry page: counts, then one page of registrants, newest first, contacts masked. */
export async function registryPage(actor: StaffActor, query: RegistryQuery, lang: string) {
  const where = registryWhere(actor, query);
  if (!where) return null;
  const db = getDb();
  const regions = await getRegions();
  const [counts, rows] = await Promise.all([
    tallies(where, regions, lang),
    db.returneeRegistration.findMany({
      where,
      orderBy: { id: "desc" },
      skip: (query.page - 1) * PAGE_SIZE,
      take: PAGE_SIZE,
      select: {
        id: true, name: true, homeCounty: true, homeTown: true, awayCityCode: true, trade: true, intentions: true, timing: true, status: true, createdAt: true,
        phoneMasked: true, contacts: { orderBy: { id: "desc" }, take: 1, select: { createdAt: true, kind: true } },
      },
    }),
  ]);
  return {
    counts,
    pages: Math.max(1, Math.ceil(counts.total / PAGE_SIZE)),
    rows: rows.map((r) => ({
      id: r.id,
      name: r.name,
      phone: r.phoneMasked,
      home: placeName(regions, r.homeCounty, r.homeTown, lang),
      away: awayCityLabel(r.awayCityCode, lang),
      trade: r.trade,
      intentions: fromCommaList(r.intentions),
      timing: r.timing,
      status: r.status,
      registeredAt: r.createdAt.toISOString(),
      lastContact: r.contacts[0] ? { at: r.contacts[0].createdAt.toISOString(), kind: r.contacts[0].kind } : null,
    })),
  };
}

/** Every registrant the filter finds, oldest first, in batches: what the export writes. */
export async function* allRegistrants(actor: StaffActor, query: Partial<RegistryQuery>, batchSize = 2000) {
  const where = registryWhere(actor, query);
  if (!where) throw httpError(404);
  let after = 0;
  for (;;) {
    const batch = await getDb().returneeRegistration.findMany({
      where: { AND: [where, { id: { gt: after } }] },
      orderBy: { id: "asc" },
      take: batchSize,
      include: { contacts: { orderBy: { id: "desc" }, take: 1, select: { createdAt: true } } },
    });
    yield* batch;
    if (batch.length < batchSize) return;
    after = batch[batch.length - 1]!.id;
  }
}

/** One registrant, for staff of their area: the details, masked contacts, the contact log and the placement. */
export async function registrantDetail(actor: StaffActor, id: number, lang: string) {
  const db = getDb();
  const row = await db.returneeRegistration.findFirst({
    where: registrantWhere(actor, id),
    include: { contacts: { orderBy: { id: "desc" } }, placement: { select: { id: true, employerName: true, startDate: true, status: true } } },
  });
  if (!row) return null;
  const regions = await getRegions();
  const staffIds = [...new Set(row.contacts.map((c) => c.staffId))];
  const [staff, candidates] = await Promise.all([
    db.user.findMany({ where: { id: { in: staffIds } }, select: { id: true, displayName: true } }),
    // Placements under the person's own account that no registrant holds yet: the usual one to link.
    row.userId && !row.placementId
      ? db.placement.findMany({ where: { personUserId: row.userId, returnee: null, status: { not: "rejected" } }, orderBy: { startDate: "desc" }, take: 5, select: { id: true, employerName: true, startDate: true, status: true } })
      : Promise.resolve([]),
  ]);
  const names = new Map(staff.map((s) => [s.id, s.displayName]));
  const placementView = (p: { id: number; employerName: string; startDate: Date; status: string }) => ({ id: p.id, employer: p.employerName, startDate: p.startDate.toISOString().slice(0, 10), status: p.status });
  return {
    id: row.id,
    name: row.name,
    phone: row.phoneMasked,
    hasPhone: Boolean(row.phoneEnc),
    email: row.emailMasked,
    hasAccount: row.userId !== null,
    home: placeName(regions, row.homeCounty, row.homeTown, lang),
    away: awayCityLabel(row.awayCityCode, lang),
    returneeKind: row.returneeKind,
    trade: row.trade,
    skills: row.skills,
    intentions: fromCommaList(row.intentions),
    timing: row.timing,
    status: row.status,
    registeredAt: row.createdAt.toISOString(),
    returnedAt: row.returnedAt?.toISOString() ?? null,
    placement: row.placement ? placementView(row.placement) : null,
    candidates: candidates.map(placementView),
    contacts: row.contacts.map((c) => ({ id: c.id, kind: c.kind, note: c.note, at: c.createdAt.toISOString(), by: names.get(c.staffId) ?? "" })),
  };
}
