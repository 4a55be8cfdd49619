import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makePosting } from "../../../prisma/seed/factories.ts";
import { SearchService, setSearchService } from "../../../search/service.ts";
import { openSeededDatabase } from "../../../tests/setup/test-env.ts";
import type { Db } from "../db.server.ts";
import { loadDetail } from "../opportunities/detail.server.ts";
import { lookupHash } from "../security/secrets.server.ts";
import type { StaffActor } from "../staff/scope.ts";
import { makeCreditCode } from "./credit-code.ts";
import { acceptInvitation, createInvitation, viewInvitation } from "./invitations.server.ts";
import { decideOrganization, employerOrganization, listOrganizationsForStaff, registerOrganization } from "./organizations.server.ts";
import { organizationSchema } from "./schemas.ts";

let serial = 40_000_000;
const validCode = (region = "610924") => makeCreditCode(region, serial++);
/** A code with a wrong check character: accepted with a warning. */
const badChecksum = (region = "610924") => {
  const code = validCode(region);
  return `${code.slice(0, 17)}${code[17] === "1" ? "2" : "1"}`;
};

const form = (overrides: Record<string, string | undefined> = {}) =>
  organizationSchema.parse({
    name: "紫阳县测试茶业有限公司",
    creditCode: validCode(),
    kind: "company",
    industryCode: "selenium",
    countyCode: "610924",
    townCode: "610924101",
    address: "蒿坪镇茶园路 8 号",
    contactName: "陈女士",
    contactPhone: "0915-4312345",
    ...overrides,
  });

describe("organizations: registration, staff decisions in scope, invitations (real SQLite)", () => {
  let db: Db;
  let cleanup: () => Promise<void>;
  const staff: Record<string, StaffActor> = {};
  let nextUser = 0;

  const employer = async (identity: { email?: string; phone?: string } = {}) =>
    db.user.create({
      data: {
        email: identity.email ?? (identity.phone ? null : `boss${++nextUser}@example.com`),
        phoneHash: identity.phone ? lookupHash("phone", identity.phone) : null,
        passwordHash: "not-used",
        role: "employer",
        displayName: `老板${nextUser}`,
      },
    });
  const register = async (overrides: Record<string, string | undefined> = {}) => {
    const owner = await employer();
    const result = await registerOrganization(owner.id, form(overrides));
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    return { owner, id: result.organizationId, warning: result.creditCodeWarning };
  };
  const pendingIds = async (actor: StaffActor) =>
    (await listOrganizationsForStaff(actor, { tab: "pending", page: 1 }, "zh-CN")).rows.map((r) => r.id);

  beforeAll(async () => {
    ({ db, cleanup } = openSeededDatabase());
    // Detail pages take similar items from search; no index under this name, so from the database.
    setSearchService(new SearchService(process.env.TEST_MEILI_URL!, process.env.TEST_MEILI_KEY, `organizations_absent_${process.pid}`));
    for (const [key, email] of Object.entries({
      ziyang: "ziyang@demo.ankang.gov.cn",
      hanbin: "hanbin@demo.ankang.gov.cn",
      haoping: "haoping@demo.ankang.gov.cn",
      city: "city@demo.ankang.gov.cn",
      admin: "admin@demo.ankang.gov.cn",
    })) {
      const user = await db.user.findUniqueOrThrow({ where: { email } });
      staff[key] = { id: user.id, role: user.role as StaffActor["role"], staffRegionCode: user.staffRegionCode };
    }
  });
  afterAll(() => cleanup());

  it("accepts a code whose check character fails, pending and flagged, with the employer as owner; staff see it first", async () => {
    const code = badChecksum();
    const typed = `${code.slice(0, 6).toLowerCase()} ${code.slice(6, 12)} ${code.slice(12)}`;
    const { owner, id, warning } = await register({ creditCode: typed });
    expect(warning).toBe(true);
    const org = await db.organization.findUniqueOrThrow({ where: { id }, include: { members: true } });
    expect(org).toMatchObject({ creditCode: code, status: "pending", creditCodeWarning: true, regionCode: "610924101", verifiedAt: null, createdById: owner.id });
    expect(org.members).toEqual([expect.objectContaining({ userId: owner.id, role: "owner" })]);
    const { id: plain } = await register();
    const queue = await pendingIds(staff.ziyang!);
    expect(queue.indexOf(id)).toBeLessThan(queue.indexOf(plain));
    const view = await employerOrganization(owner.id, "zh-CN");
    expect(view?.organization).toMatchObject({ status: "pending", creditCodeWarning: true, place: "紫阳县 · 蒿坪镇" });
  });

  it("refuses malformed codes at the field, and a code already registered whatever its case or spacing", async () => {
    const issue = (creditCode: string) => organizationSchema.safeParse({ ...form(), creditCode }).error?.issues.find((i) => i.path[0] === "creditCode")?.message;
    expect(issue("91610924ABC")).toBe("organizations.creditCodeLength?count=11");
    expect(issue("91610924MA0I234567")).toBe("organizations.creditCodeLetters");
    expect(issue("9161092AMA01234567")).toBe("organizations.creditCodeFormat");
    expect(issue("")).toBe("forms.required");
    expect(issue("９１６１０９２４ＭＡ０１２３４５６７")).toBeUndefined(); // full-width input is normalised

    const seeded = await db.organization.findFirstOrThrow({ where: { status: "verified" } });
    const before = await db.organization.count();
    const someone = await employer();
    const spaced = seeded.creditCode.toLowerCase().replace(/(.{4})/g, "$1 ");
    expect(await registerOrganization(someone.id, form({ creditCode: spaced }))).toEqual({ ok: false, errors: { creditCode: "organizations.creditCodeTaken" } });
    expect(await db.organization.count()).toBe(before);
    expect(await db.membership.count({ where: { userId: someone.id } })).toBe(0);
  });

  it("checks the region against the Region table and allows one organization per employer account", async () => {
    const someone = await employer();
    expect(await registerOrganization(someone.id, form({ countyCode: "610999", townCode: "610999001" }))).toMatchObject({ ok: false, errors: { countyCode: "organizations.chooseCounty" } });
    expect(await registerOrganization(someone.id, form({ townCode: "610924999" }))).toMatchObject({ ok: false, errors: { townCode: "organizations.townNotInCounty" } });
    expect(organizationSchema.safeParse({ ...form(), townCode: "610902001" }).error?.issues[0]?.message).toBe("organizations.townNotInCounty");
    expect((await registerOrganization(someone.id, form())).ok).toBe(true);
    expect(await registerOrganization(someone.id, form())).toEqual({ ok: false, errors: { form: "organizations.alreadyHasOrganization" } });
  });

  it("lets staff of another county neither see nor decide; town staff only their town", async () => {
    const haoping = await register({ townCode: "610924101" });
    const chengguan = await register({ townCode: "610924100" });
    const county = await register({ townCode: undefined });
    const all = [haoping.id, chengguan.id, county.id];
    const auditsBefore = await db.auditLog.count();

    expect(await pendingIds(staff.hanbin!)).not.toEqual(expect.arrayContaining([haoping.id]));
    expect((await pendingIds(staff.hanbin!)).filter((id) => all.includes(id))).toEqual([]);
    const allTab = await listOrganizationsForStaff(staff.hanbin!, { tab: "all", page: 1 }, "zh-CN");
    expect(allTab.rows.every((r) => r.place.startsWith("汉滨区"))).toBe(true);
    expect(await decideOrganization(staff.hanbin!, { intent: "verify", id: haoping.id })).toEqual({ ok: false, reason: "not_found" });

    expect((await pendingIds(staff.haoping!)).filter((id) => all.includes(id))).toEqual([haoping.id]);
    expect(await decideOrganization(staff.haoping!, { intent: "verify", id: chengguan.id })).toEqual({ ok: false, reason: "not_found" });
    expect(await decideOrganization(staff.haoping!, { intent: "reject", id: county.id, reason: "x" })).toEqual({ ok: false, reason: "not_found" });

    expect((await pendingIds(staff.ziyang!)).filter((id) => all.includes(id)).sort()).toEqual([...all].sort());
    expect((await pendingIds(staff.city!)).filter((id) => all.includes(id)).sort()).toEqual([...all].sort());

    expect(await db.organization.count({ where: { id: { in: all }, status: "pending" } })).toBe(3);
    expect(await db.auditLog.count()).toBe(auditsBefore);
    // A staff account without a region sees nothing at all.
    const refused = await listOrganizationsForStaff({ id: 1, role: "staff", staffRegionCode: null }, { tab: "pending", page: 1 }, "zh-CN").catch((e: unknown) => e);
    expect((refused as Response).status).toBe(403);
  });

  it("verifies with an audit record (before and after) and a notification; a second decision is refused", async () => {
    const { owner, id } = await register();
    const result = await decideOrganization(staff.ziyang!, { intent: "verify", id }, new Date("2026-03-02T02:00:00Z"));
    expect(result).toMatchObject({ ok: true, status: "verified" });
    const org = await db.organization.findUniqueOrThrow({ where: { id } });
    expect(org).toMatchObject({ status: "verified", verifiedById: staff.ziyang!.id, verifiedAt: new Date("2026-03-02T02:00:00Z") });
    const log = await db.auditLog.findFirstOrThrow({ where: { entityType: "organization", entityId: String(id) } });
    expect(log).toMatchObject({ actorId: staff.ziyang!.id, action: "organization.verify", regionCode: "610924101" });
    expect(JSON.parse(log.before!)).toMatchObject({ status: "pending", verifiedAt: null, verifiedById: null });
    expect(JSON.parse(log.after!)).toMatchObject({ status: "verified", verifiedAt: "2026-03-02T02:00:00.000Z", verifiedById: staff.ziyang!.id });
    const note = await db.notification.findFirstOrThrow({ where: { userId: owner.id } });
    expect(note).toMatchObject({ type: "organizationVerified", link: "/employer" });
    expect(await decideOrganization(staff.ziyang!, { intent: "reject", id, reason: "late" })).toEqual({ ok: false, reason: "already_decided" });
    expect(await db.auditLog.count({ where: { entityId: String(id), entityType: "organization" } })).toBe(1);
  });

  it("rejects with a reason the employer reads, and the owner can correct and send it back", async () => {
    const { owner, id } = await register();
    expect(await decideOrganization(staff.ziyang!, { intent: "reject", id, reason: "营业执照上的名称与填写的不一致" })).toMatchObject({ ok: true, status: "rejected" });
    const view = await employerOrganization(owner.id, "zh-CN");
    expect(view?.organization).toMatchObject({ status: "rejected", rejectionReason: "营业执照上的名称与填写的不一致" });
    const note = await db.notification.findFirstOrThrow({ where: { userId: owner.id } });
    expect(JSON.parse(note.params)).toMatchObject({ reason: "营业执照上的名称与填写的不一致" });

    const again = await registerOrganization(owner.id, form({ name: "紫阳县测试茶业有限责任公司", creditCode: view!.organization.creditCode }));
    expect(again).toEqual({ ok: true, organizationId: id, creditCodeWarning: false });
    expect(await db.organization.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: "pending", rejectionReason: null, name: "紫阳县测试茶业有限责任公司" });
    expect(await db.membership.count({ where: { userId: owner.id } })).toBe(1);
  });

  it("rolls back the decision and its audit record together when anything in the transaction fails", async () => {
    const { id } = await register();
    const audits = await db.auditLog.count();
    await db.$executeRawUnsafe(`CREATE TRIGGER fail_notification BEFORE INSERT ON "Notification" BEGIN SELECT RAISE(ABORT, 'notification store down'); END`);
    try {
      await expect(decideOrganization(staff.ziyang!, { intent: "verify", id })).rejects.toThrow();
    } finally {
      await db.$executeRawUnsafe(`DROP TRIGGER fail_notification`);
    }
    expect(await db.organization.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: "pending", verifiedAt: null });
    expect(await db.auditLog.count()).toBe(audits);
  });

  it("shows 'verified' on a posting only once the organization is verified", async () => {
    const pending = await register();
    const posting = await makePosting(db, { organizationId: pending.id, regionCode: "610924101" });
    expect((await loadDetail("job", posting.id, "zh-CN"))?.posting?.organization.verified).toBe(false);
    await decideOrganization(staff.ziyang!, { intent: "verify", id: pending.id });
    expect((await loadDetail("job", posting.id, "zh-CN"))?.posting?.organization.verified).toBe(true);
    // The status decides, not a verification date left behind.
    await db.organization.update({ where: { id: pending.id }, data: { status: "rejected" } });
    expect((await loadDetail("job", posting.id, "zh-CN"))?.posting?.organization.verified).toBe(false);
  });

  it("invitations: bound to the invited person, once, before they expire", async () => {
    const { owner, id } = await register();
    const invited = await createInvitation(owner.id, "Colleague@Example.com");
    if (!invited.ok) throw new Error("invitation refused");
    const stored = await db.invitation.findFirstOrThrow({ where: { organizationId: id } });
    expect(stored.email).toBe("colleague@example.com");
    expect(stored.tokenHash).not.toContain(invited.token);
    expect(JSON.stringify(stored)).not.toContain(invited.token);

    expect(await viewInvitation(invited.token, null)).toMatchObject({ state: "open", problem: "signedOut", sentTo: { email: "c***@example.com" } });
    const seeker = await db.user.create({ data: { email: "colleague-seeker@example.com", passwordHash: "x", role: "seeker", displayName: "求职者" } });
    expect(await viewInvitation(invited.token, seeker.id)).toMatchObject({ problem: "wrongRole" });
    const stranger = await employer({ email: "stranger@example.com" });
    expect(await acceptInvitation(invited.token, stranger.id)).toMatchObject({ ok: false, view: { problem: "wrongAccount" } });

    const colleague = await employer({ email: "colleague@example.com" });
    expect(await acceptInvitation(invited.token, colleague.id)).toEqual({ ok: true, organizationId: id });
    expect(await db.membership.findUnique({ where: { userId_organizationId: { userId: colleague.id, organizationId: id } } })).toMatchObject({ role: "member" });
    expect(await acceptInvitation(invited.token, colleague.id)).toMatchObject({ ok: false, view: { state: "used" } });
    expect(await createInvitation(owner.id, "colleague@example.com")).toEqual({ ok: false, errors: { identifier: "organizations.alreadyMember" } });

    // Any member may invite; a mobile invitation matches the account's phone.
    const byPhone = await createInvitation(colleague.id, "139 1234 0000");
    if (!byPhone.ok) throw new Error("invitation refused");
    const phoneUser = await employer({ phone: "13912340000" });
    expect(await viewInvitation(byPhone.token, phoneUser.id)).toMatchObject({ state: "open", problem: null, sentTo: { phone: true } });

    // Expired.
    const old = await createInvitation(owner.id, "late@example.com", new Date(Date.now() - 8 * 24 * 3_600_000));
    if (!old.ok) throw new Error("invitation refused");
    const late = await employer({ email: "late@example.com" });
    expect(await viewInvitation(old.token, late.id)).toMatchObject({ state: "expired" });
    expect(await acceptInvitation(old.token, late.id)).toMatchObject({ ok: false, view: { state: "expired" } });
    expect(await db.membership.count({ where: { userId: late.id } })).toBe(0);

    // Someone who already belongs to another organization.
    const other = await register();
    const cross = await createInvitation(owner.id, (await db.user.findUniqueOrThrow({ where: { id: other.owner.id } })).email!);
    if (!cross.ok) throw new Error("invitation refused");
    expect(await acceptInvitation(cross.token, other.owner.id)).toMatchObject({ ok: false, view: { problem: "otherOrganization" } });

    expect(await viewInvitation("not-a-token", null)).toEqual({ state: "invalid" });
    expect(await viewInvitation("A".repeat(43), null)).toEqual({ state: "invalid" });
    expect(await createInvitation((await employer()).id, "x@example.com")).toEqual({ ok: false, errors: { form: "organizations.noOrganization" } });
  });
});
