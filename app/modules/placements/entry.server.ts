import type { Prisma } from "~/generated/prisma/client.ts";
import { linkAfterTraining } from "../training/after-training.server.ts";
import { audit } from "../audit/audit.server.ts";
import { getDb } from "../db.server.ts";
import { personKeyOf } from "../indicators/counting.server.ts";
import { maskIdNumber } from "../people/identity.ts";
import { getRegions, type RegionInfo, siteRegion } from "../regions/regions.server.ts";
import { encrypt, lookupHash } from "../security/secrets.server.ts";
import { inRegion, staffScope, type StaffActor } from "../staff/scope.ts";
import { scopePrefix } from "../auth/permissions.ts";
import { regionPickerOptions } from "../regions/picker.server.ts";
import type { PlacementRow, PlacementRowField } from "./schemas.ts";
import { toCommaList } from "../../utils/comma-list.ts";

type Tx = Prisma.TransactionClient;

/** Field errors as i18n keys (optionally "key?param=value"); `form` is about the whole row. */
export type RowErrors = Partial<Record<PlacementRowField | "form", string>>;

/** Which regions a staff member may record placements in: counties and towns inside the scope. */
export interface RegionScope {
  prefix: string | null;
  /** The region a batch or an audit record is filed under: the staff member's own, else the city. */
  homeCode: string;
  check(code: string): { ok: true; countyCode: string } | { ok: false; error: "placementEntry.errors.regionUnknown" | "placementEntry.errors.regionOutOfScope" | "regionPicker.errors.retired" };
  /** Every county and town inside the scope (for names typed into an import file). */
  places: RegionInfo[];
}

export async function regionScope(actor: StaffActor): Promise<RegionScope> {
  const prefix = staffScope(actor);
  const regions = await getRegions();
  // An admin may write anywhere, and is offered the site's own places to choose from.
  const offered = prefix ?? scopePrefix(siteRegion());
  const places = [...regions.values()].filter((r) => (r.level === "county" || r.level === "town") && r.code.startsWith(offered));
  return {
    prefix,
    homeCode: actor.staffRegionCode ?? siteRegion(),
    places,
    check(code) {
      const region = regions.get(code);
      if (!region || (region.level !== "county" && region.level !== "town")) return { ok: false, error: "placementEntry.errors.regionUnknown" };
      if (prefix !== null && !code.startsWith(prefix)) return { ok: false, error: "placementEntry.errors.regionOutOfScope" };
      // A new record takes today's divisions only; those already filed under a retired code keep it.
      if (region.retiredAt) return { ok: false, error: "regionPicker.errors.retired" };
      return { ok: true, countyCode: region.level === "county" ? code : (region.parentCode ?? code.slice(0, 6)) };
    },
  };
}

/**
 * The entry form's region list: each county of the scope with its towns (a town's staff see their
 * town only, its county not choosable); an administrator, who may enter anywhere, gets the site's area.
 */
export async function entryOptions(actor: StaffActor, lang: string) {
  const scope = staffScope(actor) ?? scopePrefix(siteRegion());
  const { counties } = await regionPickerOptions({ lang, scope });
  return { counties: counties.map((c) => ({ ...c, selectable: c.selectable !== false })) };
}

/** One employer spelled the same however it was typed: full-width characters and spaces folded. */
export function employerNameKey(name: string): string {
  return name.normalize("NFKC").replace(/\s+/g, "");
}

export interface Candidate {
  idHash: string;
  startDate: Date;
  organizationId: number | null;
  employerName: string;
}

/** The same person starting with the same employer on the same day: by organization when both rows have one, else by name. */
export function sameStart(a: Candidate, b: Candidate): boolean {
  if (a.idHash !== b.idHash || a.startDate.getTime() !== b.startDate.getTime()) return false;
  if (a.organizationId !== null && b.organizationId !== null) return a.organizationId === b.organizationId;
  return employerNameKey(a.employerName) === employerNameKey(b.employerName);
}

/**
 * For each candidate, whether the same start is already recorded (pending or verified, in any
 * region: one person must not be counted twice because two offices recorded them). Looked up in
 * chunks of ID hashes, so a 20,000-row file is a few dozen queries.
 */
export async function recordedStarts(db: Tx, candidates: readonly Candidate[]): Promise<boolean[]> {
  const hashes = [...new Set(candidates.map((c) => c.idHash))];
  const existing = new Map<string, Candidate[]>();
  for (let i = 0; i < hashes.length; i += 500) {
    const rows = await db.placement.findMany({
      where: { idHash: { in: hashes.slice(i, i + 500) }, status: { in: ["pending", "verified"] } },
      select: { idHash: true, startDate: true, organizationId: true, employerName: true },
    });
    for (const row of rows) existing.set(row.idHash!, [...(existing.get(row.idHash!) ?? []), { ...row, idHash: row.idHash! }]);
  }
  return candidates.map((c) => (existing.get(c.idHash) ?? []).some((e) => sameStart(c, e)));
}

/** "YYYY-MM-DD" → UTC midnight of that China day, as placements store it. */
export function startDay(day: string): Date {
  return new Date(`${day}T00:00:00.000Z`);
}

/** What a checked row becomes: the ID number only as its keyed hash, ciphertext and masked form. */
export function placementData(actor: StaffActor, row: PlacementRow, countyCode: string, organizationId: number | null, source: "staff" | "import") {
  const idHash = lookupHash("id-number", row.idNumber);
  return {
    personName: row.personName,
    idHash,
    idNumberEnc: encrypt(row.idNumber),
    idNumberMasked: maskIdNumber(row.idNumber),
    personKey: personKeyOf({ idHash, personUserId: null }),
    groups: toCommaList(row.groups),
    returneeKind: row.returneeKind,
    organizationId,
    employerName: row.employerName,
    kind: row.kind,
    continuity: row.continuity,
    regionCode: row.regionCode,
    countyCode,
    startDate: startDay(row.startDate),
    source,
    status: "pending",
    createdById: actor.id,
  };
}

/** The organizations registered under these credit codes. */
export async function organizationsByCode(db: Tx, codes: readonly string[]): Promise<Map<string, number>> {
  const unique = [...new Set(codes)];
  const found = new Map<string, number>();
  for (let i = 0; i < unique.length; i += 500) {
    const rows = await db.organization.findMany({ where: { creditCode: { in: unique.slice(i, i + 500) } }, select: { id: true, creditCode: true } });
    for (const r of rows) found.set(r.creditCode, r.id);
  }
  return found;
}

export type EntryResult = { ok: true; id: number; personName: string } | { ok: false; errors: RowErrors };

/**
 * A staff member records one placement by hand: inside their scope, pending verification like
 * every other source, with its audit record in the same transaction. The same person, start date
 * and employer already recorded is refused.
 */
export async function createPlacement(actor: StaffActor, row: PlacementRow): Promise<EntryResult> {
  const scope = await regionScope(actor);
  const region = scope.check(row.regionCode);
  if (!region.ok) return { ok: false, errors: { regionCode: region.error } };
  return getDb().$transaction(async (tx) => {
    const organizationId = row.creditCode ? ((await organizationsByCode(tx, [row.creditCode])).get(row.creditCode) ?? null) : null;
    const data = placementData(actor, row, region.countyCode, organizationId, "staff");
    const [duplicate] = await recordedStarts(tx, [data]);
    if (duplicate) return { ok: false, errors: { form: "placementEntry.errors.duplicate" } } as const;
    const placement = await tx.placement.create({ data });
    await linkAfterTraining(tx, placement);
    await audit(tx, {
      actorId: actor.id,
      action: "placement.create",
      entityType: "placement",
      entityId: placement.id,
      regionCode: placement.regionCode,
      after: {
        personName: data.personName,
        idNumberMasked: data.idNumberMasked,
        kind: data.kind,
        continuity: data.continuity,
        employerName: data.employerName,
        organizationId,
        regionCode: data.regionCode,
        startDate: row.startDate,
        source: data.source,
        status: data.status,
      },
    });
    return { ok: true, id: placement.id, personName: placement.personName } as const;
  });
}

/** A placement this staff member entered, for the "recorded" note after saving (null when not theirs). */
export async function enteredPlacement(actor: StaffActor, id: number) {
  return getDb().placement.findFirst({
    where: { id, createdById: actor.id, source: "staff", ...inRegion(staffScope(actor)) },
    select: { id: true, personName: true },
  });
}
