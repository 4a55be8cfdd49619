/**
 * Every route × every role, against the demo data: the answer each one gets is the one the
 * permission matrix (app/modules/auth/permissions.ts) says, and no route that takes an id hands
 * out someone else's object. Staff see and act only inside their region's subtree; outside it an
 * object does not exist (404, never a 403 that would confirm it).
 */
import fs from "node:fs";
import path from "node:path";
import type { LoaderFunctionArgs } from "@remix-run/node";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createRng, makeCourse, makeOrganization, makePosting } from "../../prisma/seed/factories.ts";
import { COURSE_LINES } from "../../prisma/seed/catalog.ts";
import { makeReturnee } from "../../prisma/seed/returnees.ts";
import { PENDING_REGISTRATIONS } from "../../prisma/seed/registrations.ts";
import { SearchService, setSearchService } from "../../search/service.ts";
import { openSeededDatabase } from "../../tests/setup/test-env.ts";
import { loader as rootLoader } from "~/root.tsx";
import { apply } from "~/modules/applications/applications.server.ts";
import { homeFor } from "~/modules/auth/home.ts";
import { can, PERMISSIONS, ROLES, type Action, type Role } from "~/modules/auth/permissions.ts";
import { createSession } from "~/modules/auth/session.server.ts";
import type { Db } from "~/modules/db.server.ts";
import { createInvitation } from "~/modules/organizations/invitations.server.ts";
import { maskPhone } from "~/modules/people/identity.ts";
import { encrypt, lookupHash } from "~/modules/security/secrets.server.ts";
import * as detailPage from "./$kind.$id.tsx";
import * as itemApi from "./api.v1.$kind.$id.ts";
import * as applyPage from "./apply.$postingId.tsx";
import * as employerHome from "./employer._index.tsx";
import * as applicantPage from "./employer.applicants.$id.tsx";
import * as applicantsPage from "./employer.applicants._index.tsx";
import * as organizationPage from "./employer.organization._index.tsx";
import * as postingPage from "./employer.postings.$id._index.tsx";
import * as postingEdit from "./employer.postings.$id.edit.tsx";
import * as postingsPage from "./employer.postings._index.tsx";
import * as invitePage from "./invite.$token.tsx";
import * as myApplications from "./me.applications.tsx";
import * as myExport from "./me.export.ts";
import * as myProfile from "./me.profile.tsx";
import * as notificationsPage from "./notifications.tsx";
import * as staffHome from "./staff._index.tsx";
import * as staffAudit from "./staff.audit.tsx";
import * as staffOrganizations from "./staff.organizations.tsx";
import * as staffPostings from "./staff.postings.tsx";

// ---- calling routes the way Remix does ----

type Entries = [string, string][];
type Handler = (args: LoaderFunctionArgs) => unknown;
interface RouteModule {
  loader?: Handler;
  action?: Handler;
}
/** What the browser would get: a status, where a redirect goes, and the text of the answer. */
interface Answer {
  status: number;
  location: string | null;
  body: string;
}

const context = { clientAddress: "10.9.0.1" };
const request = (url: string, cookie: string | null, form?: Entries) =>
  new Request(`http://localhost${url}`, {
    method: form ? "POST" : "GET",
    body: form ? new URLSearchParams(form) : undefined,
    headers: cookie ? { Cookie: cookie } : {},
  });

async function answerOf(res: Response): Promise<Answer> {
  return { status: res.status, location: res.headers.get("Location"), body: await res.text() };
}

/** Runs a loader or action; a thrown Response is the answer, any other throw is a 500. */
async function call(handler: Handler, url: string, cookie: string | null, options: { params?: Record<string, string>; form?: Entries } = {}): Promise<Answer> {
  let value: unknown;
  try {
    value = await handler({ request: request(url, cookie, options.form), params: options.params ?? {}, context });
  } catch (error) {
    if (error instanceof Response) return answerOf(error);
    return { status: 500, location: null, body: error instanceof Error ? (error.stack ?? error.message) : String(error) };
  }
  if (value instanceof Response) return answerOf(value);
  return { status: 200, location: null, body: JSON.stringify(value) ?? "" };
}

const REDIRECT = new Set([301, 302, 303, 307, 308]);
type Expected = { status: number } | { redirect: string | RegExp };
const OK: Expected = { status: 200 };
const FORBIDDEN: Expected = { status: 403 };
const NOT_FOUND: Expected = { status: 404 };
const toLogin = (url: string): Expected => {
  const u = new URL(url, "http://localhost");
  return { redirect: `/login?redirectTo=${encodeURIComponent(u.pathname + u.search)}` };
};

function fits(answer: Answer, expected: Expected): boolean {
  if ("status" in expected) return answer.status === expected.status;
  if (!REDIRECT.has(answer.status) || answer.location === null) return false;
  return typeof expected.redirect === "string" ? answer.location === expected.redirect : expected.redirect.test(answer.location);
}
const show = (a: Answer) => `${a.status}${a.location ? ` → ${a.location}` : ""}${a.status >= 500 ? `: ${a.body.slice(0, 400)}` : ""}`;
const showExpected = (e: Expected) => ("status" in e ? String(e.status) : `redirect ${String(e.redirect)}`);

/** Nothing of the other party's object is in what came back. */
function expectNoLeak(answer: Answer, secrets: string[], label: string) {
  for (const secret of secrets) expect(answer.body, `${label} must not show ${secret}`).not.toContain(secret);
}

// ---- who asks ----

const WHO = ["anonymous", "seeker", "employer", "countyStaff", "townStaff", "admin"] as const;
type Who = (typeof WHO)[number];
type SignedIn = Exclude<Who, "anonymous">;
const ROLE_OF: Record<SignedIn, Role> = { seeker: "seeker", employer: "employer", countyStaff: "staff", townStaff: "staff", admin: "admin" };

/**
 * How a route decides who gets in:
 * - open: anyone, signed in or not (what each visitor gets, when it differs by who asks);
 * - signedIn: any signed-in role (requireUser), anonymous is sent to log in;
 * - permission: the matrix's roles get `ok` (200 unless the route documents a redirect); the
 *   others get 403, or are sent to their own home where the route says so; anonymous logs in.
 */
type Guard = { open: (who: Who) => Expected } | { signedIn: Expected } | { permission: Action; ok?: Expected; refused?: "home" };

interface Entry {
  url: string;
  params?: Record<string, string>;
  loader?: Guard;
  action?: Guard;
  /** The POST body (empty by default: the guard answers before any validation matters). */
  form?: Entries;
  /** The action ends the session it is called with (logout): give it a throwaway one. */
  freshSession?: boolean;
}

function expectedFor(guard: Guard, who: Who, url: string): Expected {
  if ("open" in guard) return guard.open(who);
  if (who === "anonymous") return toLogin(url);
  const role = ROLE_OF[who];
  if ("signedIn" in guard) return guard.signedIn;
  if (can(role, guard.permission)) return guard.ok ?? OK;
  return guard.refused === "home" ? { redirect: homeFor(role) } : FORBIDDEN;
}

const everyone = (expected: Expected) => ({ open: () => expected });
/** Login and signup: the form for visitors, signed-in people go to their own home. */
const visitorsOnly = { open: (who: Who) => (who === "anonymous" ? OK : { redirect: homeFor(ROLE_OF[who]) }) };

const ROUTES_DIR = path.resolve("app", "routes");
const routeFiles = () => fs.readdirSync(ROUTES_DIR).filter((f) => /\.tsx?$/.test(f) && !/\.test\.tsx?$/.test(f)).sort();
const loadRoute = (file: string) => import(/* @vite-ignore */ `./${file}`) as Promise<RouteModule>;

describe("access matrix: every route × role, and nobody else's object (real SQLite, demo data)", () => {
  let db: Db;
  let cleanup: () => Promise<void>;
  const cookies = {} as Record<SignedIn | "cityStaff" | "hanbinStaff" | "outsider" | "pendingOwner" | "stranger", string>;
  const userIds = {} as Record<SignedIn | "outsider" | "stranger", number>;
  let table: Record<string, Entry>;

  // objects of the matrix's own employer and seeker
  let ownOrgId: number;
  let ownPostingId: number;
  let ownCourseId: number;
  let applyPostingId: number;
  let ownApplicationId: number;
  let ownInviteToken: string;
  // another organization (汉滨区), its posts and another seeker's application there
  const other = { org: "汉滨区矩阵外单位有限公司", published: "外单位公开岗位甲", draft: "外单位草稿岗位乙", pending: "外单位待审岗位丙", seeker: "李秘密", skills: "独门秘技", phone: "13911119999" };
  let otherOrgId: number;
  let otherPostingId: number;
  let otherDraftId: number;
  let otherPendingId: number;
  let otherApplicationId: number;
  let importBatchId: number;
  let returneeId: number;
  let ownBaseId: number;
  let ownBaseApplicationId: number;

  const signIn = async (userId: number) => (await createSession(userId, new Request("http://localhost/"), false)).split(";")[0]!;
  const userId = async (email: string) => (await db.user.findUniqueOrThrow({ where: { email } })).id;

  beforeAll(async () => {
    ({ db, cleanup } = openSeededDatabase());
    // Public pages search through the service; an index that does not exist sends them to the SQLite fallback.
    setSearchService(new SearchService(process.env.TEST_MEILI_URL ?? "http://127.0.0.1:9", process.env.TEST_MEILI_KEY, `access_matrix_absent_${process.pid}`));
    // That fallback is expected here: keep its notice out of the output, and every other warning in it.
    const warn = console.warn.bind(console);
    vi.spyOn(console, "warn").mockImplementation((...args: unknown[]) => {
      if (!String(args[0]).startsWith("search server unavailable")) warn(...args);
    });

    userIds.seeker = (await db.user.findUniqueOrThrow({ where: { phoneHash: lookupHash("phone", "13800000001") } })).id;
    userIds.employer = await userId("hr@demo-employer.cn");
    userIds.countyStaff = await userId("ziyang@demo.ankang.gov.cn");
    userIds.townStaff = await userId("haoping@demo.ankang.gov.cn");
    userIds.admin = await userId("admin@demo.ankang.gov.cn");
    for (const who of ["seeker", "employer", "countyStaff", "townStaff", "admin"] as const) cookies[who] = await signIn(userIds[who]);
    cookies.cityStaff = await signIn(await userId("city@demo.ankang.gov.cn"));
    cookies.hanbinStaff = await signIn(await userId("hanbin@demo.ankang.gov.cn"));
    cookies.pendingOwner = await signIn(await userId(PENDING_REGISTRATIONS[0].owner.email));

    // The demo employer's own things.
    ownOrgId = (await db.membership.findFirstOrThrow({ where: { userId: userIds.employer } })).organizationId;
    ownPostingId = (await makePosting(db, { organizationId: ownOrgId, regionCode: "610924100", title: "矩阵本单位岗位" })).id;
    applyPostingId = (await makePosting(db, { organizationId: ownOrgId, regionCode: "610924100", title: "矩阵投递岗位" })).id;
    const applied = await apply(userIds.seeker, ownPostingId);
    if (!applied.ok) throw new Error(`fixture: ${applied.reason}`);
    ownApplicationId = applied.applicationId;
    const invited = await createInvitation(userIds.employer, "matrix-invitee@routes.test");
    if (!invited.ok) throw new Error("fixture: invitation");
    ownInviteToken = invited.token;
    // A course the demo employer's organization runs as a provider (another provider's is a 404: training.test.ts).
    ownCourseId = (await makeCourse(db, COURSE_LINES[0]!, { providerId: ownOrgId, enrolDeadline: new Date(Date.now() + 30 * 86_400_000) })).id;
    // A base the demo employer's organization runs, with the demo seeker's application for a place.
    ownBaseId = (await db.incubationBase.create({ data: { name: "矩阵本单位孵化基地", type: "incubator", level: "county", organizationId: ownOrgId, regionCode: "610924100", countyCode: "610924", address: "x", description: "x", totalPlaces: 5, freePlaces: 5, rentTerms: "x", publishedAt: new Date() } })).id;
    ownBaseApplicationId = (await db.baseApplication.create({ data: { baseId: ownBaseId, founderId: userIds.seeker, businessPlan: "矩阵创业计划", team: "x", industryCode: "x", needs: "x" } })).id;

    // Another organization in 汉滨区 with its own employer, posts and applicant.
    otherOrgId = (await makeOrganization(db, { regionCode: "610902001", name: other.org })).id;
    const outsider = await db.user.create({ data: { email: "outsider@matrix.test", passwordHash: "x", role: "employer", displayName: "外单位人事" } });
    userIds.outsider = outsider.id;
    await db.membership.create({ data: { userId: outsider.id, organizationId: otherOrgId, role: "owner" } });
    cookies.outsider = await signIn(outsider.id);
    otherPostingId = (await makePosting(db, { organizationId: otherOrgId, regionCode: "610902001", title: other.published })).id;
    otherDraftId = (await makePosting(db, { organizationId: otherOrgId, regionCode: "610902001", title: other.draft, status: "draft" })).id;
    otherPendingId = (await makePosting(db, { organizationId: otherOrgId, regionCode: "610902001", title: other.pending, status: "pending", submittedAt: new Date() })).id;
    const seeker2 = await db.user.create({
      data: { phoneHash: lookupHash("phone", other.phone), phoneEnc: encrypt(other.phone), phoneMasked: maskPhone(other.phone), passwordHash: "x", role: "seeker", displayName: other.seeker },
    });
    await db.seekerProfile.create({
      data: { userId: seeker2.id, name: other.seeker, phoneEnc: encrypt(other.phone), phoneMasked: maskPhone(other.phone), skills: other.skills, consentSharing: true },
    });
    const applied2 = await apply(seeker2.id, otherPostingId);
    if (!applied2.ok) throw new Error(`fixture: ${applied2.reason}`);
    otherApplicationId = applied2.applicationId;

    const stranger = await db.user.create({ data: { email: "stranger@matrix.test", passwordHash: "x", role: "employer", displayName: "无单位雇主" } });
    userIds.stranger = stranger.id;
    cookies.stranger = await signIn(stranger.id);

    // An import filed in a town every staff row reaches, with its report.
    importBatchId = (await db.placementImport.create({ data: { fileName: "m.csv", format: "csv", status: "rejected", totalRows: 1, acceptedRows: 0, report: JSON.stringify({ fileErrors: [], rows: [] }), createdById: userIds.townStaff, regionCode: "610924101" } })).id;

    // A registrant from a town every staff row reaches.
    returneeId = (await makeReturnee(db, createRng(7), new Date(), { homeCounty: "610924", homeTown: "610924101", regionCode: "610924101" })).id;

    const job = `/job/${ownPostingId}`;
    table = {
      "$.tsx": { url: "/no-such-page", loader: everyone(NOT_FOUND) },
      "$kind.$id.tsx": { url: job, params: { kind: "job", id: String(ownPostingId) }, loader: everyone(OK) },
      "_index.tsx": { url: "/", loader: everyone(OK) },
      "account.tsx": { url: "/account", loader: { signedIn: OK } },
      "api.v1.$kind.$id.ts": { url: `/api/v1${job}`, params: { kind: "job", id: String(ownPostingId) }, loader: everyone(OK) },
      "api.v1.search.ts": { url: "/api/v1/search?q=%E5%85%BB%E8%80%81", loader: everyone(OK) },
      "apply.$postingId.tsx": {
        url: `/apply/${applyPostingId}`,
        params: { postingId: String(applyPostingId) },
        loader: { permission: "application.create" },
        action: { permission: "application.create", ok: { redirect: /^\/me\/applications\?applied=\d+#application-\d+$/ } },
      },
      "employer._index.tsx": { url: "/employer", loader: { permission: "employer.home" } },
      // Training: learners enrol (an empty form answers its field messages); providers see only their own courses' learners.
      "training.$id.enrol.tsx": { url: `/training/${ownCourseId}/enrol`, params: { id: String(ownCourseId) }, loader: { permission: "enrolment.create" }, action: { permission: "enrolment.create" } },
      "me.training.tsx": { url: "/me/training", loader: { permission: "enrolment.create" }, action: { permission: "enrolment.create", ok: { redirect: "/me/training" } } },
      "employer.training._index.tsx": { url: "/employer/training", loader: { permission: "course.manage" } },
      // A form naming no learner acts on nothing that exists (404).
      "employer.training.$id.tsx": { url: `/employer/training/${ownCourseId}`, params: { id: String(ownCourseId) }, loader: { permission: "course.manage" }, action: { permission: "course.manage", ok: NOT_FOUND } },
      // Labour-brand pages: public.
      "brands.$code.tsx": { url: "/brands/ziyang_pedicure", params: { code: "ziyang_pedicure" }, loader: everyone(OK) },
      // Bases: the operator's pages answer only for the organization's own base (bases.test.ts: another operator's id is a 404).
      "bases.$id.apply.tsx": { url: `/bases/${ownBaseId}/apply`, params: { id: String(ownBaseId) }, loader: { permission: "application.create" }, action: { permission: "application.create" } },
      "me.base-applications.tsx": { url: "/me/base-applications", loader: { permission: "application.create", refused: "home" }, action: { permission: "application.withdraw", refused: "home" } },
      "employer.bases._index.tsx": { url: "/employer/bases", loader: { permission: "applicant.manage" } },
      "employer.bases.$id._index.tsx": { url: `/employer/bases/${ownBaseId}`, params: { id: String(ownBaseId) }, loader: { permission: "applicant.manage" }, action: { permission: "applicant.manage" } },
      "employer.bases.$id.applications.tsx": { url: `/employer/bases/${ownBaseId}/applications`, params: { id: String(ownBaseId) }, loader: { permission: "applicant.manage" } },
      "employer.base-applications.$id.tsx": { url: `/employer/base-applications/${ownBaseApplicationId}`, params: { id: String(ownBaseApplicationId) }, loader: { permission: "applicant.manage" }, action: { permission: "applicant.manage" } },
      "employer.applicants.$id.tsx": {
        url: `/employer/applicants/${ownApplicationId}`,
        params: { id: String(ownApplicationId) },
        loader: { permission: "applicant.manage" },
        action: { permission: "applicant.manage" },
      },
      "employer.applicants._index.tsx": { url: "/employer/applicants", loader: { permission: "applicant.manage" } },
      "employer.organization._index.tsx": { url: "/employer/organization", loader: { permission: "employer.home" }, action: { permission: "organization.invite" } },
      // The demo employer already has an organization: the registration page sends them home.
      "employer.organization.new.tsx": {
        url: "/employer/organization/new",
        loader: { permission: "organization.register", ok: { redirect: "/employer" } },
        action: { permission: "organization.register" },
      },
      "employer.postings.$id._index.tsx": {
        url: `/employer/postings/${ownPostingId}`,
        params: { id: String(ownPostingId) },
        loader: { permission: "posting.manage" },
        action: { permission: "posting.manage" },
      },
      "employer.postings.$id.edit.tsx": {
        url: `/employer/postings/${ownPostingId}/edit`,
        params: { id: String(ownPostingId) },
        loader: { permission: "posting.manage" },
        action: { permission: "posting.manage" },
      },
      "employer.postings._index.tsx": { url: "/employer/postings", loader: { permission: "posting.manage" } },
      "employer.postings.new.tsx": { url: "/employer/postings/new", loader: { permission: "posting.manage" }, action: { permission: "posting.manage" } },
      // The public figures: the same aggregate numbers for everyone.
      "figures.tsx": { url: "/figures", loader: everyone(OK) },
      // The demo's captured mail: only while the site captures mail, and only from the machine itself (dev-mail.test.ts).
      "dev.mail.tsx": { url: "/dev/mail", loader: everyone(NOT_FOUND) },
      "healthz.ts": { url: "/healthz", loader: everyone(OK) },
      // One language's strings of one area, for client-side navigation: public, like the pages that show them.
      "locales.$lng.$ns.ts": { url: "/locales/zh-CN/common", params: { lng: "zh-CN", ns: "common" }, loader: everyone(OK) },
      // The link works for anyone (it shows whether it is still open); accepting needs an account.
      "invite.$token.tsx": { url: `/invite/${ownInviteToken}`, params: { token: ownInviteToken }, loader: everyone(OK), action: { signedIn: OK } },
      // Code login and password reset: open to everyone; an empty form answers its field messages.
      "login_.code.tsx": { url: "/login/code", loader: visitorsOnly, action: everyone(OK) },
      "forgot-password.tsx": { url: "/forgot-password", loader: everyone(OK), action: everyone(OK) },
      "login.tsx": { url: "/login", loader: visitorsOnly, action: everyone(OK) },
      "logout.tsx": { url: "/logout", loader: everyone({ redirect: "/account" }), action: { signedIn: { redirect: "/" } }, freshSession: true },
      "me._index.tsx": { url: "/me", loader: { permission: "profile.edit", refused: "home" } },
      "me.applications.tsx": {
        url: "/me/applications",
        loader: { permission: "application.create", refused: "home" },
        action: { permission: "application.withdraw", refused: "home" },
      },
      "me.delete.tsx": { url: "/me/delete", loader: { permission: "profile.edit" }, action: { permission: "profile.edit" } },
      "me.export.ts": { url: "/me/export", loader: { permission: "profile.edit" } },
      "me.profile.tsx": { url: "/me/profile", loader: { permission: "profile.edit" }, action: { permission: "profile.edit" } },
      // A form that says nothing (the matrix posts an empty one) goes back to the list (post, redirect, get).
      "me.recommendations.tsx": { url: "/me/recommendations", loader: { permission: "profile.edit" }, action: { permission: "profile.edit", ok: { redirect: "/me/recommendations" } } },
      "me.invitations.tsx": { url: "/me/invitations", loader: { permission: "profile.edit" }, action: { permission: "profile.edit" } },
      "me.alerts.tsx": { url: "/me/alerts", loader: { permission: "profile.edit" }, action: { permission: "profile.edit" } },
      // The link in every alert message: the token is the proof, so it is public (an unknown token changes nothing).
      "alerts.unsubscribe.$token.tsx": { url: "/alerts/unsubscribe/x", params: { token: "x" }, loader: everyone(OK), action: everyone(OK) },
      // An alert without an account: anyone may save one (an empty form answers its field messages); the confirm and manage links are proved by their token alone.
      "alerts.new.tsx": { url: "/alerts/new?q=x", loader: everyone(OK), action: everyone(OK) },
      "alerts.confirm.$token.tsx": { url: "/alerts/confirm/x", params: { token: "x" }, loader: everyone(OK), action: everyone(OK) },
      "alerts.manage.$token.tsx": { url: "/alerts/manage/x", params: { token: "x" }, loader: everyone(OK), action: everyone(OK) },
      "notifications.tsx": { url: "/notifications", loader: { signedIn: OK }, action: { signedIn: { redirect: "/notifications" } } },
      "search.tsx": { url: "/search?q=%E5%85%BB%E8%80%81&county=610924", loader: everyone(OK) },
      "set-language.tsx": { url: "/set-language?lng=en&redirectTo=%2Fsearch", loader: everyone({ redirect: "/search" }) },
      "signup.tsx": { url: "/signup", loader: visitorsOnly, action: everyone(OK) },
      // Near me and the service points: public; a home town is a cookie anyone may set.
      "near-me.tsx": { url: "/near-me?redirectTo=%2Fsearch", loader: everyone(OK) },
      "set-home.tsx": { url: "/set-home?county=610924&redirectTo=%2Fsearch%3Fsort%3Ddistance", loader: everyone({ redirect: "/search?sort=distance" }) },
      "service-points.tsx": { url: "/service-points?county=610924", loader: everyone(OK) },
      // Support and subsidies: public reference pages; the check is a plain form anyone may send (GET or POST).
      "policies._index.tsx": { url: "/policies", loader: everyone(OK) },
      "policies.$code.tsx": { url: "/policies/travel_subsidy", params: { code: "travel_subsidy" }, loader: everyone(OK) },
      "policies.check.tsx": { url: "/policies/check?checked=1&works_other_province=yes", loader: everyone(OK), action: everyone(OK), form: [["works_other_province", "yes"]] },
      "staff.service-points.tsx": { url: "/staff/service-points", loader: { permission: "servicepoint.manage" }, action: { permission: "servicepoint.manage" } },
      "staff._index.tsx": { url: "/staff", loader: { permission: "staff.home" } },
      "staff.accounts.tsx": { url: "/staff/accounts", loader: { permission: "staff.manage" }, action: { permission: "staff.manage" } },
      "staff.audit.tsx": { url: "/staff/audit", loader: { permission: "audit.read" } },
      "staff.identity.tsx": { url: "/staff/identity", loader: { permission: "identity.confirm" }, action: { permission: "identity.confirm" } },
      "staff.organizations.tsx": { url: "/staff/organizations", loader: { permission: "organization.verify" }, action: { permission: "organization.verify" } },
      // The demo data has no parked rows: "send all back" answers that nothing was waiting.
      "staff.outbox.tsx": { url: "/staff/outbox", loader: { permission: "outbox.read" }, action: { permission: "outbox.read" }, form: [["intent", "retryAll"]] },
      "staff.messages.tsx": { url: "/staff/messages", loader: { permission: "outbox.read" }, action: { permission: "outbox.read" }, form: [["intent", "retryAll"]] },
      // The follow-up queue: a form that names no row acts on nothing that exists (404); region scope is in follow-up-routes.test.ts.
      "staff.follow-up.tsx": { url: "/staff/follow-up", loader: { permission: "followup.manage" }, action: { permission: "followup.manage", ok: NOT_FOUND } },
      "staff.indicators._index.tsx": { url: "/staff/indicators", loader: { permission: "placement.read" } },
      "staff.indicators.records.tsx": { url: `/staff/indicators/records?indicator=1&region=610924101&year=${new Date().getUTCFullYear()}`, loader: { permission: "placement.read" } },
      // Downloads and the printable report: the dashboard's permission and region (a town every staff row reaches).
      "staff.indicators.export.ts": { url: `/staff/indicators/export?region=610924101&year=${new Date().getUTCFullYear()}&format=xlsx`, loader: { permission: "placement.read" } },
      "staff.indicators.records_.export.ts": { url: `/staff/indicators/records/export?indicator=1&region=610924101&year=${new Date().getUTCFullYear()}&format=csv`, loader: { permission: "placement.read" } },
      "staff.indicators.report.tsx": { url: "/staff/indicators/report?region=610924101", loader: { permission: "placement.read" } },
      // Lagging areas: the dashboard's permission; each staff member sees their own scope (lagging-routes.test.tsx).
      "staff.indicators.lagging.tsx": { url: "/staff/indicators/lagging", loader: { permission: "placement.read" } },
      "staff.placements.tsx": { url: "/staff/placements", loader: { permission: "placement.read" }, action: { permission: "placement.verify" } },
      "staff.placements_.export.ts": { url: "/staff/placements/export?status=all&format=xlsx", loader: { permission: "placement.read" } },
      // Without a file the import answers its "choose a file" message; an empty entry form its field messages.
      "staff.placements_.import.tsx": { url: "/staff/placements/import", loader: { permission: "placement.create" }, action: { permission: "placement.create" } },
      "staff.placements_.new.tsx": { url: "/staff/placements/new", loader: { permission: "placement.create" }, action: { permission: "placement.create" } },
      "staff.placements_.import_.template.$format.ts": { url: "/staff/placements/import/template/xlsx", params: { format: "xlsx" }, loader: { permission: "placement.create" } },
      "staff.placements_.import_.$batchId.report.ts": { url: `/staff/placements/import/${importBatchId}/report`, params: { batchId: String(importBatchId) }, loader: { permission: "placement.create" } },
      "staff.targets.tsx": { url: "/staff/targets", loader: { permission: "placement.read" }, action: { permission: "target.edit" } },
      "staff.postings.tsx": { url: "/staff/postings", loader: { permission: "posting.moderate" }, action: { permission: "posting.moderate" } },
      // The returnee register: anyone may register (an empty form answers its field messages); the link is proved by its token.
      "returnees._index.tsx": { url: "/returnees", loader: everyone(OK), action: everyone(OK) },
      "returnees.me.tsx": { url: "/returnees/me", loader: { permission: "profile.edit", ok: { redirect: "/returnees" } }, action: { permission: "profile.edit", ok: { redirect: "/returnees/me" } } },
      "returnees.r.$token.tsx": { url: "/returnees/r/x", params: { token: "x" }, loader: everyone(OK), action: everyone({ redirect: "/returnees/r/x" }) },
      "returnees.done.tsx": { url: "/returnees/done" },
      // Staff of the registrant's area; other areas' registrants are not found (returnees-staff.test.ts).
      "staff.returnees._index.tsx": { url: "/staff/returnees", loader: { permission: "returnee.manage" } },
      "staff.returnees.$id.tsx": { url: `/staff/returnees/${returneeId}`, params: { id: String(returneeId) }, loader: { permission: "returnee.manage" }, action: { permission: "returnee.manage" } },
      "staff.returnees.events.tsx": { url: "/staff/returnees/events", loader: { permission: "returnee.manage" }, action: { permission: "returnee.manage" } },
      "staff.returnees.export.ts": { url: "/staff/returnees/export?format=csv", loader: { permission: "returnee.manage" } },
      "staff.registers.tsx": { url: "/staff/registers", loader: { permission: "register.manage" } },
      "staff.registers._index.tsx": { url: "/staff/registers", loader: { permission: "register.manage" } },
      "staff.registers.communities.tsx": { url: "/staff/registers/communities", loader: { permission: "register.manage" }, action: { permission: "register.manage" } },
      "staff.registers.difficulty.tsx": { url: "/staff/registers/difficulty", loader: { permission: "register.manage" }, action: { permission: "register.manage" } },
      "staff.registers.families.tsx": { url: "/staff/registers/families", loader: { permission: "register.manage" }, action: { permission: "register.manage" } },
      "staff.registers.figures.tsx": { url: "/staff/registers/figures", loader: { permission: "register.manage" }, action: { permission: "register.manage" } },
      "staff.registers.labour.tsx": { url: "/staff/registers/labour", loader: { permission: "register.manage" }, action: { permission: "register.manage" } },
    };
  });

  afterAll(async () => {
    vi.restoreAllMocks();
    await cleanup();
  });

  it("has a row for every route module in app/routes, with exactly the loader and action each exports", async () => {
    const files = routeFiles();
    expect(files.length).toBeGreaterThan(30);
    expect(files.filter((f) => !(f in table)), "route modules missing from the access table").toEqual([]);
    for (const file of files) {
      const route = await loadRoute(file);
      const entry = table[file]!;
      expect(typeof route.loader === "function", `${file}: loader in the table ⇔ loader exported`).toBe(Boolean(entry.loader));
      expect(typeof route.action === "function", `${file}: action in the table ⇔ action exported`).toBe(Boolean(entry.action));
    }
    // Every permission the table names is one the matrix knows, and each is given to some role.
    for (const entry of Object.values(table)) {
      for (const guard of [entry.loader, entry.action]) {
        if (guard && "permission" in guard) expect(ROLES.some((r) => can(r, guard.permission)), guard.permission).toBe(true);
      }
    }
  });

  it("answers every route × role as the matrix says: log in, 403 (or the role's own home), or the page — never a 500", async () => {
    const failures: string[] = [];
    let calls = 0;
    for (const file of routeFiles()) {
      const entry = table[file];
      if (!entry) continue; // reported by the test above
      const route = await loadRoute(file);
      for (const who of WHO) {
        for (const [method, handler, guard] of [["GET", route.loader, entry.loader], ["POST", route.action, entry.action]] as const) {
          if (!handler || !guard) continue;
          const cookie = who === "anonymous" ? null : method === "POST" && entry.freshSession ? await signIn(userIds[who]) : cookies[who];
          const answer = await call(handler, entry.url, cookie, { params: entry.params, form: method === "POST" ? (entry.form ?? []) : undefined });
          const expected = expectedFor(guard, who, entry.url);
          calls++;
          if (answer.status >= 500 || !fits(answer, expected)) failures.push(`${method} ${entry.url} (${file}) as ${who}: got ${show(answer)}, expected ${showExpected(expected)}`);
        }
      }
    }
    expect(failures).toEqual([]);
    expect(calls).toBeGreaterThan(250);
  });

  it("the layout's loader answers every role and names the right home", async () => {
    for (const who of WHO) {
      const data = await rootLoader({ request: request("/", who === "anonymous" ? null : cookies[who]), params: {}, context });
      if (who === "anonymous") expect(data.user).toBeNull();
      else expect(data.user?.home, who).toBe(homeFor(ROLE_OF[who]));
    }
  });

  it("the UI reads the same matrix: the staff home offers staff accounts to admins only", async () => {
    for (const [cookie, role] of [[cookies.countyStaff, "staff"], [cookies.townStaff, "staff"], [cookies.cityStaff, "staff"], [cookies.admin, "admin"]] as const) {
      const home = await staffHome.loader({ request: request("/staff", cookie), params: {}, context });
      expect(home.canManageStaff).toBe(can(role, "staff.manage"));
    }
    expect(PERMISSIONS["staff.manage"]).toEqual(["admin"]);
  });

  it("an employer gets 404 for another organization's posts and applicants, and nothing of them shows anywhere", async () => {
    const secrets = [other.org, other.published, other.draft, other.pending, other.seeker, other.skills, other.phone];
    const before = await db.posting.findMany({ where: { organizationId: otherOrgId }, orderBy: { id: "asc" } });
    const ownCount = await db.posting.count({ where: { organizationId: ownOrgId } });
    for (const id of [otherPostingId, otherDraftId, otherPendingId]) {
      const params = { id: String(id) };
      for (const [label, answer] of [
        ["preview", await call(postingPage.loader, `/employer/postings/${id}`, cookies.employer, { params })],
        ["edit form", await call(postingEdit.loader, `/employer/postings/${id}/edit`, cookies.employer, { params })],
        ["edit save", await call(postingEdit.action, `/employer/postings/${id}/edit`, cookies.employer, { params, form: [["kind", "job"], ["title", "被改掉的标题"]] })],
        ...(await Promise.all(
          (["submit", "close", "reopen", "copy"] as const).map(async (intent) => [intent, await call(postingPage.action, `/employer/postings/${id}`, cookies.employer, { params, form: [["intent", intent]] })] as const),
        )),
        ["applicants of the post", await call(applicantsPage.loader, `/employer/applicants?posting=${id}`, cookies.employer)],
      ] as const) {
        expect(answer.status, `${label} of post ${id}`).toBe(404);
        expectNoLeak(answer, secrets, `${label} of post ${id}`);
      }
    }
    // Nothing changed and nothing was copied.
    expect(await db.posting.findMany({ where: { organizationId: otherOrgId }, orderBy: { id: "asc" } })).toEqual(before);
    expect(await db.posting.count({ where: { organizationId: ownOrgId } })).toBe(ownCount);

    const params = { id: String(otherApplicationId) };
    const url = `/employer/applicants/${otherApplicationId}`;
    for (const [label, answer] of [
      ["applicant page", await call(applicantPage.loader, url, cookies.employer, { params })],
      ["mark viewed", await call(applicantPage.action, url, cookies.employer, { params, form: [["intent", "viewed"]] })],
      ["reject", await call(applicantPage.action, url, cookies.employer, { params, form: [["intent", "rejected"], ["reason", "不合适"]] })],
      ["hire", await call(applicantPage.action, url, cookies.employer, { params, form: [["intent", "hired"], ["startDate", new Date().toISOString().slice(0, 10)]] })],
    ] as const) {
      expect(answer.status, label).toBe(404);
      expectNoLeak(answer, secrets, label);
    }
    expect((await db.application.findUniqueOrThrow({ where: { id: otherApplicationId } })).status).toBe("submitted");
    expect(await db.placement.count({ where: { applicationId: otherApplicationId } })).toBe(0);

    // The employer's own pages list their own things only.
    for (const [label, handler, path] of [
      ["employer home", employerHome.loader, "/employer"],
      ["organization page", organizationPage.loader, "/employer/organization"],
      ["post list", postingsPage.loader, "/employer/postings?status=all"],
      ["applicant list", applicantsPage.loader, "/employer/applicants"],
      ["notifications", notificationsPage.loader, "/notifications"],
    ] as const) {
      const answer = await call(handler, path, cookies.employer);
      expect(answer.status, label).toBe(200);
      expectNoLeak(answer, secrets, label);
    }
    // Searching for the other applicant by name finds no one (the answer echoes only the words typed).
    const search = await applicantsPage.loader({ request: request(`/employer/applicants?q=${encodeURIComponent(other.seeker)}`, cookies.employer), params: {}, context });
    expect(search.total).toBe(0);
    expect(search.rows).toEqual([]);
    // The control: the other organization's own member does see them.
    const theirs = await call(applicantPage.loader, url, cookies.outsider, { params });
    expect(theirs.status).toBe(200);
    expect(theirs.body).toContain(other.seeker);
  });

  it("the other way round: another organization's employer, and one still waiting for verification, get 404 for the demo employer's things", async () => {
    const secrets = ["矩阵本单位岗位", "王小红"];
    for (const cookie of [cookies.outsider, cookies.pendingOwner, cookies.stranger]) {
      const params = { id: String(ownPostingId) };
      for (const answer of [
        await call(postingPage.loader, `/employer/postings/${ownPostingId}`, cookie, { params }),
        await call(postingEdit.loader, `/employer/postings/${ownPostingId}/edit`, cookie, { params }),
        await call(postingPage.action, `/employer/postings/${ownPostingId}`, cookie, { params, form: [["intent", "close"]] }),
        await call(applicantPage.loader, `/employer/applicants/${ownApplicationId}`, cookie, { params: { id: String(ownApplicationId) } }),
        await call(applicantPage.action, `/employer/applicants/${ownApplicationId}`, cookie, { params: { id: String(ownApplicationId) }, form: [["intent", "viewed"]] }),
        await call(applicantsPage.loader, `/employer/applicants?posting=${ownPostingId}`, cookie),
      ]) {
        expect(answer.status).toBe(404);
        expectNoLeak(answer, secrets, "own object seen from outside");
      }
    }
    expect((await db.posting.findUniqueOrThrow({ where: { id: ownPostingId } })).status).toBe("published");
    expect((await db.application.findUniqueOrThrow({ where: { id: ownApplicationId } })).status).toBe("submitted");
  });

  it("a seeker cannot withdraw, read or export another seeker's application", async () => {
    const secrets = [other.seeker, other.skills, other.phone];
    const refused = await call(myApplications.action, "/me/applications", cookies.seeker, { form: [["applicationId", String(otherApplicationId)]] });
    const unknown = await call(myApplications.action, "/me/applications", cookies.seeker, { form: [["applicationId", "999999999"]] });
    // The same answer as for an id that does not exist: the form error "not found", no hint that it does.
    for (const answer of [refused, unknown]) {
      expect(answer.status).toBe(200);
      expect((JSON.parse(answer.body) as { error?: Record<string, string[]> }).error?.[""]).toEqual(["applications.errors.notFound"]);
      expectNoLeak(answer, secrets, "withdraw");
    }
    expect((await db.application.findUniqueOrThrow({ where: { id: otherApplicationId } })).status).toBe("submitted");

    const mine = await myApplications.loader({ request: request("/me/applications", cookies.seeker), params: {}, context });
    expect(mine.applications.map((a) => a.id)).not.toContain(otherApplicationId);
    expect(mine.applications.map((a) => a.id)).toContain(ownApplicationId);
    for (const [label, handler, url] of [["export", myExport.loader, "/me/export"], ["profile", myProfile.loader, "/me/profile"], ["notifications", notificationsPage.loader, "/notifications"]] as const) {
      const answer = await call(handler, url, cookies.seeker);
      expect(answer.status, label).toBe(200);
      expectNoLeak(answer, secrets, label);
    }
  });

  it("posts that are not public (draft, pending) do not exist on the public pages, the API or the apply page", async () => {
    const applications = await db.application.count();
    for (const [id, title] of [[otherDraftId, other.draft], [otherPendingId, other.pending]] as const) {
      for (const who of WHO) {
        const cookie = who === "anonymous" ? null : cookies[who];
        const params = { kind: "job", id: String(id) };
        const page = await call(detailPage.loader, `/job/${id}`, cookie, { params });
        const api = await call(itemApi.loader, `/api/v1/job/${id}`, cookie, { params });
        expect(page.status, `detail page as ${who}`).toBe(404);
        expect(api.status, `API as ${who}`).toBe(404);
        expect(JSON.parse(api.body)).toMatchObject({ error: "not_found" });
        expectNoLeak(page, [title, other.org], `detail page as ${who}`);
        expectNoLeak(api, [title, other.org], `API as ${who}`);
      }
      const applyParams = { postingId: String(id) };
      for (const answer of [
        await call(applyPage.loader, `/apply/${id}`, cookies.seeker, { params: applyParams }),
        await call(applyPage.action, `/apply/${id}`, cookies.seeker, { params: applyParams, form: [] }),
      ]) {
        expect(answer.status).toBe(404);
        expectNoLeak(answer, [title, other.org], "apply page");
      }
    }
    expect(await db.application.count()).toBe(applications);
  });

  it("an invitation lets in only the person it was sent to; an unknown token says nothing", async () => {
    const made = await organizationPage.action({ request: request("/employer/organization", cookies.outsider, [["identifier", "invitee-b@matrix.test"]]), params: {}, context });
    const token = made.invite!.link.split("/").pop()!;
    const params = { token };
    const url = `/invite/${token}`;
    const membershipsOf = (id: number) => db.membership.findMany({ where: { userId: id }, select: { organizationId: true } });
    const before = { stranger: await membershipsOf(userIds.stranger), employer: await membershipsOf(userIds.employer) };

    const seen = await call(invitePage.loader, url, cookies.stranger, { params });
    expect(JSON.parse(seen.body)).toMatchObject({ view: { state: "open", problem: "wrongAccount", sentTo: { email: "i***@matrix.test" } } });
    for (const [cookie, problem] of [[cookies.stranger, "wrongAccount"], [cookies.employer, "wrongAccount"], [cookies.seeker, "wrongRole"], [cookies.countyStaff, "wrongRole"]] as const) {
      const answer = await call(invitePage.action, url, cookie, { params, form: [] });
      expect(answer.status, problem).toBe(200);
      expect(JSON.parse(answer.body)).toMatchObject({ view: { state: "open", problem } });
    }
    expect(await membershipsOf(userIds.stranger)).toEqual(before.stranger);
    expect(await membershipsOf(userIds.employer)).toEqual(before.employer);

    const bogus = "A".repeat(43);
    for (const cookie of [null, cookies.stranger]) {
      const answer = await call(invitePage.loader, `/invite/${bogus}`, cookie, { params: { token: bogus } });
      expect(JSON.parse(answer.body)).toMatchObject({ view: { state: "invalid" } });
      expectNoLeak(answer, [other.org], "unknown invitation");
    }
    const accept = await call(invitePage.action, `/invite/${bogus}`, cookies.stranger, { params: { token: bogus }, form: [] });
    expect(JSON.parse(accept.body)).toMatchObject({ view: { state: "invalid" } });
    expect(await membershipsOf(userIds.stranger)).toEqual(before.stranger);

    // The control: the invited person gets in.
    const invitee = await db.user.create({ data: { email: "invitee-b@matrix.test", passwordHash: "x", role: "employer", displayName: "受邀者" } });
    const joined = await call(invitePage.action, url, await signIn(invitee.id), { params, form: [] });
    expect(joined.location).toBe("/employer");
    expect(await membershipsOf(invitee.id)).toEqual([{ organizationId: otherOrgId }]);
  });

  it("staff see and decide organizations only inside their region's subtree; county and city see their towns", async () => {
    const [haopingFactory, ziyangTea, hanbinLogistics] = await Promise.all(
      PENDING_REGISTRATIONS.map(({ org }) => db.organization.findFirstOrThrow({ where: { name: org.name, status: "pending" } })),
    );
    const orgs = { haopingFactory: haopingFactory!, ziyangTea: ziyangTea!, hanbinLogistics: hanbinLogistics! };
    type Key = keyof typeof orgs;
    const sees: [string, string, Key[]][] = [
      ["汉滨区 staff", cookies.hanbinStaff, ["hanbinLogistics"]],
      ["紫阳县 staff", cookies.countyStaff, ["haopingFactory", "ziyangTea"]],
      ["蒿坪镇 staff", cookies.townStaff, ["haopingFactory"]],
      ["city staff", cookies.cityStaff, ["haopingFactory", "ziyangTea", "hanbinLogistics"]],
      ["admin", cookies.admin, ["haopingFactory", "ziyangTea", "hanbinLogistics"]],
    ];
    for (const [label, cookie, visible] of sees) {
      for (const url of ["/staff/organizations", "/staff/organizations?tab=all&status=pending"]) {
        const list = await call(staffOrganizations.loader, url, cookie);
        expect(list.status).toBe(200);
        for (const key of Object.keys(orgs) as Key[]) {
          if (visible.includes(key)) expect(list.body, `${label} sees ${key} at ${url}`).toContain(orgs[key].name);
          else expect(list.body, `${label} must not see ${key} at ${url}`).not.toContain(orgs[key].name);
        }
      }
      // Outside the region the organization does not exist: verify and reject both answer 404.
      for (const key of (Object.keys(orgs) as Key[]).filter((k) => !visible.includes(k))) {
        for (const form of [[["intent", "verify"], ["id", String(orgs[key].id)]], [["intent", "reject"], ["id", String(orgs[key].id)], ["reason", "越权"]]] as Entries[]) {
          const answer = await call(staffOrganizations.action, "/staff/organizations", cookie, { form });
          expect(answer.status, `${label} deciding ${key}`).toBe(404);
          expectNoLeak(answer, [orgs[key].name, orgs[key].address], `${label} deciding ${key}`);
        }
      }
    }
    for (const org of Object.values(orgs)) expect((await db.organization.findUniqueOrThrow({ where: { id: org.id } })).status).toBe("pending");

    // Inside the subtree they decide: the town its own factory, the city a county's company, the admin anything.
    for (const [cookie, key] of [[cookies.townStaff, "haopingFactory"], [cookies.cityStaff, "ziyangTea"], [cookies.admin, "hanbinLogistics"]] as const) {
      const done = await staffOrganizations.action({ request: request("/staff/organizations", cookie, [["intent", "verify"], ["id", String(orgs[key].id)]]), params: {}, context });
      expect(done.done).toEqual({ intent: "verify", name: orgs[key].name });
    }

    // The audit log follows the same scope.
    const audit = async (cookie: string) => (await call(staffAudit.loader, "/staff/audit?type=organization", cookie)).body;
    const logs = { hanbin: await audit(cookies.hanbinStaff), county: await audit(cookies.countyStaff), town: await audit(cookies.townStaff), admin: await audit(cookies.admin) };
    expect(logs.hanbin).toContain(orgs.hanbinLogistics.name);
    expect(logs.hanbin).not.toContain(orgs.ziyangTea.name);
    expect(logs.hanbin).not.toContain(orgs.haopingFactory.name);
    expect(logs.county).toContain(orgs.ziyangTea.name);
    expect(logs.county).toContain(orgs.haopingFactory.name);
    expect(logs.county).not.toContain(orgs.hanbinLogistics.name);
    expect(logs.town).toContain(orgs.haopingFactory.name);
    expect(logs.town).not.toContain(orgs.ziyangTea.name);
    for (const org of Object.values(orgs)) expect(logs.admin).toContain(org.name);
  });

  it("staff see and moderate posts only of organizations inside their region, and their home counts what their queue shows", async () => {
    const verified = (regionCode: string, name: string) => makeOrganization(db, { regionCode, name });
    const chengguan = await verified("610924100", "紫阳县城关矩阵商贸有限公司");
    const haoping = await verified("610924101", "紫阳县蒿坪矩阵社区工厂");
    const hanbin = await verified("610902003", "汉滨区矩阵建材有限公司");
    const submittedAt = new Date("2001-01-01T00:00:00Z");
    const pending = (organizationId: number, regionCode: string, title: string) => makePosting(db, { organizationId, regionCode, title, status: "pending", submittedAt });
    const posts = {
      chengguan: await pending(chengguan.id, "610924100", "城关镇矩阵审核岗位"),
      haoping: await pending(haoping.id, "610924101", "蒿坪镇矩阵审核岗位"),
      hanbin: await pending(hanbin.id, "610902003", "汉滨区矩阵审核岗位"),
      // A 紫阳县 organization hiring for work in 汉滨区: it is the organization's region that decides.
      cross: await pending(chengguan.id, "610902001", "紫阳单位汉滨用工矩阵岗位"),
    };
    type Key = keyof typeof posts;
    const all = Object.keys(posts) as Key[];
    const sees: [string, string, Key[]][] = [
      ["汉滨区 staff", cookies.hanbinStaff, ["hanbin"]],
      ["紫阳县 staff", cookies.countyStaff, ["chengguan", "haoping", "cross"]],
      ["蒿坪镇 staff", cookies.townStaff, ["haoping"]],
      ["city staff", cookies.cityStaff, all],
      ["admin", cookies.admin, all],
    ];
    for (const [label, cookie, visible] of sees) {
      const queue = await call(staffPostings.loader, "/staff/postings", cookie);
      expect(queue.status).toBe(200);
      for (const key of all) {
        if (visible.includes(key)) expect(queue.body, `${label} sees ${key}`).toContain(posts[key].title);
        else expect(queue.body, `${label} must not see ${key}`).not.toContain(posts[key].title);
      }
      // What the home page counts is what the queues show (no count of things out of reach).
      const home = await staffHome.loader({ request: request("/staff", cookie), params: {}, context });
      const postings = await staffPostings.loader({ request: request("/staff/postings", cookie), params: {}, context });
      const organizations = await staffOrganizations.loader({ request: request("/staff/organizations", cookie), params: {}, context });
      expect(home.counts.pendingPostings, `${label}: pending posts on the home page`).toBe(postings.queue.total);
      expect(home.counts.pendingOrganizations, `${label}: pending organizations on the home page`).toBe(organizations.list.pendingTotal);

      for (const key of all.filter((k) => !visible.includes(k))) {
        for (const form of [[["intent", "approve"], ["id", String(posts[key].id)]], [["intent", "reject"], ["id", String(posts[key].id)], ["reason", "越权"]]] as Entries[]) {
          const answer = await call(staffPostings.action, "/staff/postings", cookie, { form });
          expect(answer.status, `${label} moderating ${key}`).toBe(404);
          expectNoLeak(answer, [posts[key].title], `${label} moderating ${key}`);
        }
      }
    }
    for (const post of Object.values(posts)) expect((await db.posting.findUniqueOrThrow({ where: { id: post.id } })).status).toBe("pending");

    for (const [cookie, key, intent] of [
      [cookies.townStaff, "haoping", "approve"],
      [cookies.countyStaff, "cross", "approve"],
      [cookies.cityStaff, "chengguan", "approve"],
      [cookies.admin, "hanbin", "reject"],
    ] as const) {
      const form: Entries = [["intent", intent], ["id", String(posts[key].id)], ...(intent === "reject" ? ([["reason", "信息不全"]] as Entries) : [])];
      const done = await staffPostings.action({ request: request("/staff/postings", cookie, form), params: {}, context });
      expect(done.done, key).toEqual({ intent, title: posts[key].title });
    }

    const audit = async (cookie: string) => (await call(staffAudit.loader, "/staff/audit?type=posting", cookie)).body;
    const hanbinLog = await audit(cookies.hanbinStaff);
    expect(hanbinLog).toContain(posts.hanbin.title);
    for (const key of ["chengguan", "haoping", "cross"] as const) expect(hanbinLog, key).not.toContain(posts[key].title);
    const townLog = await audit(cookies.townStaff);
    expect(townLog).toContain(posts.haoping.title);
    for (const key of ["chengguan", "hanbin", "cross"] as const) expect(townLog, key).not.toContain(posts[key].title);
  });
});
