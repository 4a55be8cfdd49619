/**
 * Candidates for a post and invitations (issue 11, point 4): only people who consented, ranked by the
 * one scoring function from the post's side, shown without anything that names them; the employer
 * invites, the person sees it and applies or declines, and contact details come only with the
 * application. Real loaders and actions, real SQLite with the demo data.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeOrganization, makePosting } from "../../prisma/seed/factories.ts";
import { openSeededDatabase } from "../../tests/setup/test-env.ts";
import { createSession } from "~/modules/auth/session.server.ts";
import type { Db } from "~/modules/db.server.ts";
import { candidateToken, loadCandidates, rankCandidatesFor } from "~/modules/matching/candidates.server.ts";
import { openInvitationCount } from "~/modules/matching/invitations.server.ts";
import { encrypt } from "~/modules/security/secrets.server.ts";
import { action as applyAction } from "./apply.$postingId.tsx";
import { loader as applicantLoader } from "./employer.applicants.$id.tsx";
import { action as postAction, loader as postLoader } from "./employer.postings.$id._index.tsx";
import { loader as exportLoader } from "./me.export.ts";
import { action as invitationsAction, loader as invitationsLoader } from "./me.invitations.tsx";

const context = { clientAddress: "10.11.0.1" };
const TOWN = "610924100";
const TRUCK = "4-02-02-02";
const req = (url: string, cookie: string, body?: [string, string][]) =>
  new Request(`http://localhost${url}`, { method: body ? "POST" : "GET", body: body ? new URLSearchParams(body) : undefined, headers: { Cookie: cookie } });
const thrown = (promise: Promise<unknown>) => promise.then(() => null, (e: unknown) => e as Response);
type Reply = { invite?: { error?: Record<string, string[] | null>; initialValue?: Record<string, unknown> } };

interface Person { id: number; name: string; phone: string; idNumber: string; cookie: string }

describe("candidates for a post and invitations (routes, real SQLite with the demo data)", () => {
  let db: Db;
  let cleanup: () => Promise<void>;
  let postingId: number;
  let closedId: number;
  let employerCookie: string;
  let outsiderCookie: string;
  let employerId: number;
  let serial = 0;
  const people = {} as Record<"certified" | "plain" | "man" | "woman" | "noConsent" | "noMatching", Person>;

  const signIn = async (userId: number) => (await createSession(userId, new Request("http://localhost/"))).split(";")[0]!;

  async function makeSeeker(options: { credentials?: string; sex?: string; birth?: string; consentCandidate?: boolean; consentMatching?: boolean; experienceYears?: number; payFloor?: number }): Promise<Person> {
    const n = ++serial;
    const name = `候选测试人${"甲乙丙丁戊己庚"[n]}`;
    const phone = `1391234${String(5600 + n).padStart(4, "0")}`;
    const idNumber = `61092419${options.birth?.replace(/-/g, "") ?? "19900101"}${String(100 + n)}${n % 10}`.slice(0, 18);
    const user = await db.user.create({ data: { email: `candidate-${n}@routes.test`, passwordHash: "x", role: "seeker", displayName: name } });
    await db.seekerProfile.create({
      data: {
        userId: user.id, name, phoneEnc: encrypt(phone), phoneMasked: `${phone.slice(0, 3)}****${phone.slice(7)}`,
        idNumberEnc: encrypt(idNumber), idNumberMasked: `${idNumber.slice(0, 3)}***********${idNumber.slice(14)}`,
        birthDate: new Date(`${options.birth ?? "1990-01-01"}T00:00:00Z`), sex: options.sex ?? "male",
        education: "senior", currentRegionCode: TOWN, wishKinds: ",job,", wishOccupations: `,${TRUCK},`, credentials: options.credentials ?? ",",
        skillCodes: ",truck_driving,", experienceYears: options.experienceYears ?? 4, travelKm: 40, wishPayMin: options.payFloor ?? null,
        workHistory: JSON.stringify([{ employer: `秘密物流公司${n}`, title: "货车司机", from: "2019-03", to: "2024-06" }]),
        consentMatching: options.consentMatching ?? true, consentCandidate: options.consentCandidate ?? true, consentSharing: true,
      },
    });
    await db.seekerOccupation.create({ data: { userId: user.id, code: TRUCK, minor: "4-02-02", medium: "4-02" } });
    return { id: user.id, name, phone, idNumber, cookie: await signIn(user.id) };
  }

  beforeAll(async () => {
    ({ db, cleanup } = openSeededDatabase());
    const employer = await db.user.findUniqueOrThrow({ where: { email: "hr@demo-employer.cn" }, include: { memberships: true } });
    employerId = employer.id;
    const orgId = employer.memberships[0]!.organizationId;
    const post = { organizationId: orgId, regionCode: TOWN, title: "候选测试货车司机", occupationCode: TRUCK, credentials: ",driving_b2,", skillCodes: ",truck_driving,", education: "any", experienceYears: 2, groupOnly: false, lat: null, lng: null, payMin: 6000, payMax: 8000, payPeriod: "month" };
    postingId = (await makePosting(db, post)).id;
    closedId = (await makePosting(db, { ...post, status: "closed" })).id;
    employerCookie = await signIn(employer.id);
    const outsider = await db.user.create({ data: { email: "candidates-outsider@routes.test", passwordHash: "x", role: "employer", displayName: "别家" } });
    const otherOrg = await makeOrganization(db, { regionCode: "610902001" });
    await db.membership.create({ data: { userId: outsider.id, organizationId: otherOrg.id, role: "owner" } });
    outsiderCookie = await signIn(outsider.id);
    people.certified = await makeSeeker({ credentials: ",driving_b2," });
    people.plain = await makeSeeker({});
    // Identical but for sex, birth date and ID number (and name and phone, which ranking never reads).
    // (A pay floor above the post's pay sets the two apart from everyone else's score.)
    people.man = await makeSeeker({ experienceYears: 9, payFloor: 9000, sex: "male", birth: "1975-05-05" });
    people.woman = await makeSeeker({ experienceYears: 9, payFloor: 9000, sex: "female", birth: "2001-11-11" });
    people.noConsent = await makeSeeker({ credentials: ",driving_b2,", consentCandidate: false });
    people.noMatching = await makeSeeker({ credentials: ",driving_b2,", consentMatching: false });
  });

  afterAll(() => cleanup());

  const page = async (id = postingId, cookie = employerCookie) => postLoader({ request: req(`/employer/postings/${id}`, cookie), params: { id: String(id) }, context });

  it("lists only people who consented to both matching and being a candidate", async () => {
    const ranked = (await rankCandidatesFor(postingId, { limit: 10_000 }))!.ranked.map((c) => c.userId);
    for (const key of ["certified", "plain", "man", "woman"] as const) expect(ranked, key).toContain(people[key].id);
    expect(ranked).not.toContain(people.noConsent.id);
    expect(ranked).not.toContain(people.noMatching.id);
    const data = await page();
    expect(data.candidates.state).toBe("open");
    expect(data.candidates.candidates.length).toBeGreaterThanOrEqual(4);
  });

  it("another organization's post is 404, for the page and for an invitation; a closed post explains itself", async () => {
    expect((await thrown(page(postingId, outsiderCookie)))?.status).toBe(404);
    const outsider = (await db.user.findFirstOrThrow({ where: { email: "candidates-outsider@routes.test" } })).id;
    expect(await loadCandidates({ id: outsider }, postingId, "zh-CN")).toBeNull();
    const body: [string, string][] = [["intent", "invite"], ["candidate", candidateToken(postingId, people.plain.id)], ["message", ""]];
    expect((await thrown(postAction({ request: req(`/employer/postings/${postingId}`, outsiderCookie, body), params: { id: String(postingId) }, context })))?.status).toBe(404);
    const closed = await page(closedId);
    expect(closed.candidates).toEqual({ state: "not_open", candidates: [] });
  });

  it("the page never holds a candidate's name, phone, ID number, birth date, sex, former employer or account id", async () => {
    const data = await page();
    const json = JSON.stringify(data.candidates);
    for (const p of Object.values(people)) {
      expect(json).not.toContain(p.name);
      expect(json).not.toContain(p.phone);
      expect(json).not.toContain(p.phone.slice(7));
      expect(json).not.toContain(p.idNumber.slice(0, 10));
      expect(json).not.toMatch(new RegExp(`:${p.id}[,}]`));
    }
    expect(json).not.toMatch(/秘密物流公司|"(sex|birthDate|userId|seekerId|phone\w*|idNumber\w*|photo\w*)"/);
    const mine = data.candidates.candidates.find((c) => c.credentials.some((x) => x.matched))!;
    expect(mine.work).toEqual([{ title: "货车司机", from: "2019-03", to: "2024-06" }]);
    expect(mine.place).toContain("紫阳县");
    expect(mine.reasons.map((r) => r.key)).toEqual(expect.arrayContaining(["occupationSame", "near", "credentialHave"]));
  });

  it("ranks a person holding the required certificate above one without; sex and age change nothing", async () => {
    const all = (await rankCandidatesFor(postingId, { limit: 10_000 }))!.ranked;
    const at = (p: Person) => all.findIndex((c) => c.userId === p.id);
    expect(at(people.certified)).toBeLessThan(at(people.plain));
    const plain = all[at(people.plain)]!;
    expect(plain.score.missing.credentials).toEqual(["driving_b2"]);
    const man = all[at(people.man)]!;
    const woman = all[at(people.woman)]!;
    expect(man.score.mutual).toBe(woman.score.mutual);
    expect(man.score.reasons).toEqual(woman.score.reasons);
    expect(Math.abs(at(people.man) - at(people.woman))).toBe(1);
  });

  it("invite → the person sees it with its reasons → applies from it → the employer gets the application with contact as consented", async () => {
    const token = candidateToken(postingId, people.certified.id);
    const res = (await postAction({ request: req(`/employer/postings/${postingId}`, employerCookie, [["intent", "invite"], ["candidate", token], ["code", "X"], ["message", "欢迎来面试"]]), params: { id: String(postingId) }, context })) as Response;
    expect(res.status).toBe(302);
    expect(res.headers.get("Location")).toBe(`/employer/postings/${postingId}?invited=1#candidates`);
    const invitation = await db.candidateInvitation.findUniqueOrThrow({ where: { postingId_seekerId: { postingId, seekerId: people.certified.id } } });
    expect(invitation).toMatchObject({ status: "sent", message: "欢迎来面试", invitedById: employerId });
    expect(await db.notification.count({ where: { userId: people.certified.id, type: "candidateInvited" } })).toBe(1);

    // The count /me links with (its loader also asks the search index for recommendations, which this suite does not start).
    expect(await openInvitationCount(people.certified.id)).toBe(1);
    const mine = await invitationsLoader({ request: req("/me/invitations", people.certified.cookie), params: {}, context });
    expect(mine.invitations).toHaveLength(1);
    expect(mine.invitations[0]).toMatchObject({ id: invitation.id, status: "sent", message: "欢迎来面试", posting: { id: postingId, title: "候选测试货车司机", open: true } });
    expect(mine.invitations[0]!.reasons.map((r) => r.key)).toContain("credentialHave");

    const applied = (await applyAction({ request: req(`/apply/${postingId}?invitation=${invitation.id}`, people.certified.cookie, []), params: { postingId: String(postingId) }, context })) as Response;
    expect(applied.status).toBe(302);
    expect((await db.candidateInvitation.findUniqueOrThrow({ where: { id: invitation.id } })).status).toBe("applied");
    const status = (await page()).candidates.candidates.map((c) => c.status);
    expect(status).toContain("applied");
    const applicationId = Number(/applied=(\d+)/.exec(applied.headers.get("Location") ?? "")?.[1]);
    const applicant = await applicantLoader({ request: req(`/employer/applicants/${applicationId}`, employerCookie), params: { id: String(applicationId) }, context });
    // The person consented to sharing: through the application, and only there, the name and full phone.
    expect(applicant.applicant).toMatchObject({ name: people.certified.name, phone: people.certified.phone, phoneIsFull: true });

    // The person's data download holds the invitation as they saw it.
    const download = (await exportLoader({ request: req("/me/export", people.certified.cookie), params: {}, context })) as Response;
    const data = await download.json();
    expect(data.invitations).toEqual([expect.objectContaining({ posting: expect.objectContaining({ id: postingId, title: "候选测试货车司机" }), message: "欢迎来面试", status: "applied" })]);
  });

  it("a second invitation to the same person is refused with a message; a too-long note answers at its field", async () => {
    const again = (await postAction({ request: req(`/employer/postings/${postingId}`, employerCookie, [["intent", "invite"], ["candidate", candidateToken(postingId, people.certified.id)], ["message", ""]]), params: { id: String(postingId) }, context })) as Reply;
    expect(again.invite?.error?.[""]).toEqual(["candidates.errors.alreadyInvited"]);
    const long = (await postAction({ request: req(`/employer/postings/${postingId}`, employerCookie, [["intent", "invite"], ["candidate", candidateToken(postingId, people.plain.id)], ["code", "ABC123"], ["message", "很".repeat(201)]]), params: { id: String(postingId) }, context })) as Reply;
    expect(long.invite?.error?.message).toEqual(["candidates.errors.messageTooLong"]);
    expect(long.invite?.initialValue?.code).toBe("ABC123");
    // A token for another post, or a forged one, names nobody.
    const forged = (await postAction({ request: req(`/employer/postings/${postingId}`, employerCookie, [["intent", "invite"], ["candidate", candidateToken(closedId, people.plain.id)]]), params: { id: String(postingId) }, context })) as Reply;
    expect(forged.invite?.error?.[""]).toEqual(["candidates.errors.noCandidate"]);
    expect(await db.candidateInvitation.count({ where: { postingId, seekerId: people.plain.id } })).toBe(0);
  });

  it("a post sends at most 50 invitations a day, then says so", async () => {
    await db.rateLimit.upsert({ where: { key: `candidate-invite:${postingId}` }, create: { key: `candidate-invite:${postingId}`, count: 50, windowStart: new Date() }, update: { count: 50, windowStart: new Date() } });
    const refused = (await postAction({ request: req(`/employer/postings/${postingId}`, employerCookie, [["intent", "invite"], ["candidate", candidateToken(postingId, people.woman.id)]]), params: { id: String(postingId) }, context })) as Reply;
    expect(refused.invite?.error?.[""]).toEqual(["candidates.errors.rateLimited"]);
    expect(await db.candidateInvitation.count({ where: { postingId, seekerId: people.woman.id } })).toBe(0);
    await db.rateLimit.delete({ where: { key: `candidate-invite:${postingId}` } });
  });

  it("the person declines; declining twice or someone else's invitation is a message, not an error", async () => {
    await postAction({ request: req(`/employer/postings/${postingId}`, employerCookie, [["intent", "invite"], ["candidate", candidateToken(postingId, people.plain.id)]]), params: { id: String(postingId) }, context });
    const invitation = await db.candidateInvitation.findUniqueOrThrow({ where: { postingId_seekerId: { postingId, seekerId: people.plain.id } } });
    const other = (await invitationsAction({ request: req("/me/invitations", people.man.cookie, [["intent", "decline"], ["invitationId", String(invitation.id)]]), params: {}, context })) as { error?: Record<string, string[]> };
    expect(other.error?.[""]).toEqual(["invitations.errors.notFound"]);
    const res = (await invitationsAction({ request: req("/me/invitations", people.plain.cookie, [["intent", "decline"], ["invitationId", String(invitation.id)]]), params: {}, context })) as Response;
    expect(res.status).toBe(302);
    expect((await db.candidateInvitation.findUniqueOrThrow({ where: { id: invitation.id } })).status).toBe("declined");
    const twice = (await invitationsAction({ request: req("/me/invitations", people.plain.cookie, [["intent", "decline"], ["invitationId", String(invitation.id)]]), params: {}, context })) as { error?: Record<string, string[]> };
    expect(twice.error?.[""]).toEqual(["invitations.errors.notFound"]);
    const bad = (await invitationsAction({ request: req("/me/invitations", people.plain.cookie, [["intent", "decline"], ["invitationId", "abc"]]), params: {}, context })) as { error?: Record<string, string[]> };
    expect(bad.error?.[""]).toEqual(["invitations.errors.notFound"]);
    expect((await page()).candidates.candidates.map((c) => c.status)).toContain("declined");
  });
});
