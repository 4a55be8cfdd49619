import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openSeededDatabase } from "../../../tests/setup/test-env.ts";
import type { Db } from "../db.server.ts";
import { idNumberCheckChar } from "../people/identity.ts";
import { decidePlacement } from "../placements/placements.server.ts";
import { decrypt, encrypt, lookupHash } from "../security/secrets.server.ts";
import type { StaffActor } from "../staff/scope.ts";
import { exportSeekerData } from "./data-rights.server.ts";
import { confirmIdentityByStaff } from "./identity.server.ts";
import { profileSchema } from "./profile-schema.ts";
import { ID_NUMBER_CHANGES, loadProfileForm, saveProfile } from "./profile.server.ts";

const validId = (first17: string) => `${first17}${idNumberCheckChar(first17)}`;
const input = (fields: Record<string, unknown>) => profileSchema.parse({ name: "王试", ...fields });

describe("an ID number in a profile is a claim: records under it open only with proof", () => {
  let db: Db;
  let cleanup: () => Promise<void>;
  let staff: StaffActor;
  let nextPhone = 13650000000;
  const newSeeker = async () => {
    const phone = String(++nextPhone);
    const user = await db.user.create({ data: { role: "seeker", displayName: "试用", passwordHash: "x", phoneHash: lookupHash("phone", phone) } });
    return { id: user.id, phone };
  };
  /** A placement the demo recorded for someone without an account: what an attacker would want. */
  const strangersRecord = async () => {
    const row = await db.placement.findFirstOrThrow({ where: { source: { in: ["staff", "import"] }, personUserId: null, idNumberEnc: { not: null } }, orderBy: { id: "asc" } });
    return { row, idNumber: decrypt(row.idNumberEnc!) };
  };

  beforeAll(async () => {
    ({ db, cleanup } = openSeededDatabase());
    const city = await db.user.findFirstOrThrow({ where: { email: "city@demo.ankang.gov.cn" } });
    staff = { id: city.id, role: "staff", staffRegionCode: city.staffRegionCode };
  });
  afterAll(() => cleanup());

  it("saving a stranger's number answers exactly as any number does, and the download shows none of their records", async () => {
    const { row, idNumber } = await strangersRecord();
    const attacker = await newSeeker();
    const fresh = await newSeeker();
    const unused = validId("61092419930303555");
    // Same answer for a number that has records (and even another account) as for an unused one.
    expect(await saveProfile(attacker.id, input({ idNumber }))).toEqual(await saveProfile(fresh.id, input({ idNumber: unused })));
    const second = await newSeeker();
    expect(await saveProfile(second.id, input({ idNumber }))).toEqual({ ok: true });

    const data = await exportSeekerData(attacker.id);
    expect(data.placements).toEqual([]);
    const text = JSON.stringify(data);
    expect(text).not.toContain(row.personName);
    expect(text).not.toContain(row.employerName);
    // Only the number the attacker typed comes back, in their own profile.
    expect(text.split(idNumber)).toHaveLength(2);
    expect((await loadProfileForm(attacker.id)).idVerified).toBeNull();
  });

  it("limits how often an account changes its ID number, without saying anything about the numbers", async () => {
    const seeker = await newSeeker();
    const ids = Array.from({ length: ID_NUMBER_CHANGES.max + 1 }, (_, i) => validId(`61092419900${String(110 + i)}123`));
    for (const id of ids.slice(0, ID_NUMBER_CHANGES.max)) expect(await saveProfile(seeker.id, input({ idNumber: id }))).toEqual({ ok: true });
    // Saving the same number again is not a change.
    expect(await saveProfile(seeker.id, input({ idNumber: ids[ID_NUMBER_CHANGES.max - 1] }))).toEqual({ ok: true });
    expect(await saveProfile(seeker.id, input({ idNumber: ids.at(-1) }))).toEqual({ ok: false, errors: { idNumber: "seekers.errors.idNumberTooOften" } });
    expect((await db.seekerProfile.findUniqueOrThrow({ where: { userId: seeker.id } })).idHash).toBe(lookupHash("id-number", ids[ID_NUMBER_CHANGES.max - 1]!));
  });

  it("a hire of the account's own, verified by staff, proves the number; rejecting that hire withdraws the proof", async () => {
    const seeker = await newSeeker();
    const id = validId("61092619850707303");
    await saveProfile(seeker.id, input({ idNumber: id }));
    const idHash = lookupHash("id-number", id);
    const base = { personName: "王试", employerName: "紫阳茶厂", kind: "new_urban", regionCode: "610924100", countyCode: "610924", startDate: new Date("2026-03-02"), idHash, personKey: idHash };
    const recorded = await db.placement.create({ data: { ...base, source: "staff", idNumberEnc: encrypt(id), idNumberMasked: "masked", status: "verified", startDate: new Date("2025-04-01") } });
    const hire = await db.placement.create({ data: { ...base, source: "site", personUserId: seeker.id, status: "pending" } });

    expect((await exportSeekerData(seeker.id)).placements.map((p) => p.id)).toEqual([hire.id]);
    expect(await decidePlacement(staff, { intent: "verify", id: hire.id })).toMatchObject({ ok: true });
    expect((await loadProfileForm(seeker.id)).idVerified).toBe("hire");
    expect((await exportSeekerData(seeker.id)).placements.map((p) => p.id).sort()).toEqual([recorded.id, hire.id].sort());
    const proof = await db.auditLog.findFirstOrThrow({ where: { action: "identity.prove_by_hire", entityId: String(seeker.id) } });
    expect(proof).toMatchObject({ actorId: staff.id, entityType: "user" });

    expect(await decidePlacement(staff, { intent: "reject", id: hire.id, from: "verified", reason: "不是本人" })).toMatchObject({ ok: true });
    expect((await loadProfileForm(seeker.id)).idVerified).toBeNull();
    expect((await exportSeekerData(seeker.id)).placements.map((p) => p.id)).toEqual([hire.id]);
    expect(await db.auditLog.count({ where: { action: "identity.withdraw_proof", entityId: String(seeker.id) } })).toBe(1);
  });

  it("a hire under another number than the profile holds now proves nothing", async () => {
    const seeker = await newSeeker();
    await saveProfile(seeker.id, input({ idNumber: validId("61092619860606404") }));
    const other = lookupHash("id-number", validId("61092619860606412"));
    const hire = await db.placement.create({
      data: { personName: "王试", employerName: "x", kind: "new_urban", regionCode: "610924100", countyCode: "610924", startDate: new Date("2026-03-02"), source: "site", personUserId: seeker.id, idHash: other, personKey: other },
    });
    await decidePlacement(staff, { intent: "verify", id: hire.id });
    expect((await loadProfileForm(seeker.id)).idVerified).toBeNull();
  });

  it("staff confirm an identity in person only when the profile holds the card's number; a later change drops it", async () => {
    const { row, idNumber } = await strangersRecord();
    const owner = await newSeeker();
    expect(await confirmIdentityByStaff(staff, { identifier: owner.phone, idNumber })).toEqual({ ok: false, errors: { idNumber: "identity.errors.mismatch" } });
    expect(await confirmIdentityByStaff(staff, { identifier: "13000000000", idNumber })).toEqual({ ok: false, errors: { identifier: "identity.errors.noAccount" } });
    await saveProfile(owner.id, input({ idNumber }));
    expect(await confirmIdentityByStaff(staff, { identifier: owner.phone, idNumber })).toEqual({ ok: true, displayName: "试用" });
    expect((await loadProfileForm(owner.id)).idVerified).toBe("staff");
    expect((await exportSeekerData(owner.id)).placements.map((p) => p.id)).toContain(row.id);
    expect(await db.auditLog.findFirst({ where: { action: "identity.confirm", entityId: String(owner.id), actorId: staff.id } })).not.toBeNull();

    await saveProfile(owner.id, input({ idNumber: validId("61092419930303563") }));
    expect((await loadProfileForm(owner.id)).idVerified).toBeNull();
    expect((await exportSeekerData(owner.id)).placements).toEqual([]);
  });
});
