import type { Organization, Posting, Prisma } from "~/generated/prisma/client.ts";
import { codeTitle, occupation as occupationEntry } from "../occupations/occupations.ts";
import { audit } from "../audit/audit.server.ts";
import type { FieldErrors } from "../auth/accounts.server.ts";
import { getDb } from "../db.server.ts";
import { notify } from "../notifications/notifications.server.ts";
import { registrationOptions } from "../organizations/organizations.server.ts";
import { employerScope, homeMembership, ownedBy } from "../organizations/scope.ts";
import { placeFieldErrors } from "../regions/choice.server.ts";
import { getRegions, regionName } from "../regions/regions.server.ts";
import { afterSearchWrite, enqueueSearchSync, type SearchKind } from "../search/outbox.server.ts";
import { inRegion, staffScope, type StaffActor } from "../staff/scope.ts";
import { checkFields, findingMessage, type ContentFinding } from "./content-check.ts";
import { addDays, chinaDay, endOfDay } from "./dates.ts";
import type { FullPostingInput, GigPostingInput, ModerationDecision, PostingAction, PostingInput, PostingKind, PostingStatus } from "./schemas.ts";
import { fromCommaList, toCommaList } from "../../utils/comma-list.ts";
import { expiredWhere, isOpen, openWhere, withinValidity } from "../opportunities/open.ts";
import { postingViewer } from "../opportunities/posting-view.server.ts";
import { occupationChoices, occupationName, requirementChoices, requirementErrors } from "./vocabulary.server.ts";

type Tx = Prisma.TransactionClient;

/**
 * Employers' posts and staff moderation. Every write to a posting queues a search sync for it in
 * the same transaction (the worker decides from the row whether the index keeps or drops it), so
 * search can never miss a change; afterSearchWrite() then wakes the worker.
 *
 * Lifecycle: draft → pending (submitted) → published (approved) or rejected (with a reason the
 * employer reads). Editing a published post sends it back to pending and out of search until
 * staff approve it again. Close takes a post out; reopen sends it back to pending.
 */

/** The text fields the public reads: what the content check looks at. */
const CHECKED_FIELDS = ["title", "occupation", "description", "requirements", "skills", "eligibleMajors", "howToApply", "address"] as const;

export function contentFindings(row: Partial<Record<(typeof CHECKED_FIELDS)[number], string | null>>): Record<string, ContentFinding> {
  return checkFields(Object.fromEntries(CHECKED_FIELDS.map((f) => [f, row[f] ?? null])));
}

const searchItem = (row: { id: number; kind: string }) => ({ kind: row.kind as SearchKind, id: row.id });


// ---- form data ----

/**
 * `keep`: the codes the form starts from, listed even if retired since (the server then asks for a
 * current one only if they change). `requirements`: the occupation and the ticked certificates and
 * skills the form starts from, for its check boxes. `occupations`: the datalist, in one language.
 */
export async function postingFormOptions(lang: string, keep: (string | null | undefined)[] = [], requirements: { occupationCode?: string | null; credentials?: string[]; skillCodes?: string[] } = {}) {
  const [{ counties, industries }, brands] = await Promise.all([registrationOptions(lang, keep), getDb().labourBrand.findMany({ orderBy: { code: "asc" } })]);
  return {
    counties,
    industries,
    brands: brands.map((b) => ({ code: b.code, name: lang === "en" ? b.nameEn : b.nameZh })),
    occupations: occupationChoices(lang),
    requirements: requirementChoices(requirements.occupationCode ?? null, lang, requirements),
  };
}

/** What a new form starts from: the organization's place and public phone, a month's validity. */
export async function newPostingDefaults(userId: number, kind: PostingKind, now = new Date()) {
  const home = homeMembership(await employerScope({ id: userId }));
  if (!home) return null;
  const org = await getDb().organization.findUniqueOrThrow({ where: { id: home.organizationId } });
  const today = chinaDay(now);
  const place = { countyCode: org.regionCode.slice(0, 6), townCode: org.regionCode.length > 6 ? org.regionCode : "", address: org.address, contactPhone: org.contactPhone ?? "" };
  if (kind === "gig") return { kind, ...place, workDate: addDays(today, 1), startTime: "08:00", endTime: "17:00", payPeriod: "day", headcount: "1" };
  return { kind, ...place, industryCode: org.industryCode ?? "", validUntil: addDays(today, 30), headcount: "1", education: "any", contractType: "full_time", payPeriod: "month" };
}

/** The stored post as the edit form's starting values; the occupation by its name in the reader's language. */
export function formValues(row: Posting, lang = "zh-CN"): Record<string, string | string[]> {
  const day = (d: Date | null) => (d ? chinaDay(d) : "");
  const place = { countyCode: row.countyCode, townCode: row.regionCode.length > 6 ? row.regionCode : "", address: row.address };
  const base = { kind: row.kind, title: row.title, description: row.description, requirements: row.requirements, headcount: String(row.headcount), contactPhone: row.contactPhone ?? "", howToApply: row.howToApply, ...place };
  if (row.kind === "gig") {
    return { ...base, workDate: day(row.workDate), startTime: row.startTime ?? "", endTime: row.endTime ?? "", pay: String(row.payMin), payPeriod: row.payPeriod };
  }
  const num = (n: number | null) => (n === null ? "" : String(n));
  return {
    ...base,
    occupation: occupationName(row.occupationCode, lang) || row.occupation,
    industryCode: row.industryCode ?? "",
    brandCode: row.brandCode ?? "",
    education: row.education,
    experienceYears: String(row.experienceYears),
    ageMin: num(row.ageMin),
    ageMax: num(row.ageMax),
    skills: row.skills,
    benefits: fromCommaList(row.benefits),
    groups: fromCommaList(row.groups),
    groupOnly: row.groupOnly ? "on" : "",
    credentials: fromCommaList(row.credentials),
    skillCodes: fromCommaList(row.skillCodes),
    contractType: row.contractType === "internship" ? "full_time" : row.contractType,
    payMin: String(row.payMin),
    payMax: String(row.payMax),
    payPeriod: row.payPeriod,
    validUntil: day(row.validUntil),
    durationMonths: num(row.durationMonths),
    eligibleMajors: row.eligibleMajors ?? "",
  };
}


const POSTING_PLACE_MESSAGES = {
  county: { "regionPicker.errors.unknown": "postings.errors.chooseCounty", "regionPicker.errors.countyRequired": "postings.errors.chooseCounty" },
  town: { "regionPicker.errors.unknown": "postings.errors.townNotInCounty", "regionPicker.errors.townNotInCounty": "postings.errors.townNotInCounty" },
};

/**
 * Region, industry and brand codes must exist; the schema checked their shape only. `previous`:
 * the post's stored place, which stays valid when unchanged even if its code was retired since.
 */
async function checkCodes(input: PostingInput, previous: string | null = null): Promise<FieldErrors> {
  const regions = await getRegions();
  const errors: FieldErrors = placeFieldErrors(regions, { county: input.countyCode, town: input.townCode }, { county: "countyCode", town: "townCode" }, { previous, countyRequired: true }, POSTING_PLACE_MESSAGES);
  if (input.kind !== "gig") {
    const db = getDb();
    if (input.industryCode && !(await db.industry.findUnique({ where: { code: input.industryCode }, select: { code: true } }))) errors.industryCode = "forms.chooseOne";
    if (input.brandCode && !(await db.labourBrand.findUnique({ where: { code: input.brandCode }, select: { code: true } }))) errors.brandCode = "forms.chooseOne";
    Object.assign(errors, requirementErrors(input));
    if (input.groupOnly && !input.groups.length) errors.groupOnly = "postings.errors.groupOnly";
  }
  return errors;
}

/** A form's values, with the occupation's code when the form read one (forms.server.ts). */
export type PostingSave = PostingInput & { occupationCode?: string | null };

/** The row's fields from a form. A post's kind never changes after it is created. */
function rowFields(kind: PostingKind, input: PostingSave, org: Pick<Organization, "industryCode">) {
  const place = { regionCode: input.townCode ?? input.countyCode, countyCode: input.countyCode, address: input.address };
  // The form names the occupation; a gig's short form (and a caller without one) goes by the title.
  const occupationCode = input.occupationCode ?? codeTitle(input.title)[0] ?? null;
  const common = { title: input.title, occupationCode, description: input.description, requirements: input.requirements, headcount: input.headcount, ...place };
  if (kind === "gig") {
    const gig = input as GigPostingInput;
    const workDate = endOfDay(gig.workDate);
    return {
      ...common,
      industryCode: org.industryCode,
      payMin: gig.pay,
      payMax: gig.pay,
      payPeriod: gig.payPeriod,
      contractType: "gig",
      workDate,
      startTime: gig.startTime,
      endTime: gig.endTime,
      contactPhone: gig.contactPhone,
      howToApply: gig.howToApply ?? "",
      // A gig ends with its work day (China time): after that the search filter hides it and the
      // expiry sweep removes it from the index.
      validUntil: workDate,
    };
  }
  const full = input as FullPostingInput;
  const internship = kind === "internship";
  return {
    ...common,
    // The classification's name when the form read a code; the text search and similar posts read it.
    occupation: (input.occupationCode && occupationEntry(input.occupationCode)?.nameZh) || (full.occupation ?? ""),
    industryCode: full.industryCode ?? null,
    brandCode: full.brandCode ?? null,
    education: full.education,
    experienceYears: full.experienceYears ?? 0,
    ageMin: full.ageMin ?? null,
    ageMax: full.ageMax ?? null,
    skills: full.skills ?? "",
    benefits: toCommaList(full.benefits),
    groups: toCommaList(full.groups),
    groupOnly: full.groupOnly && full.groups.length > 0,
    credentials: toCommaList(full.credentials),
    skillCodes: toCommaList(full.skillCodes),
    contractType: internship ? "internship" : full.contractType,
    payMin: full.payMin,
    payMax: full.payMax,
    payPeriod: internship ? "month" : full.payPeriod,
    howToApply: full.howToApply,
    contactPhone: full.contactPhone ?? null,
    durationMonths: internship ? (full.durationMonths ?? null) : null,
    eligibleMajors: internship ? (full.eligibleMajors ?? null) : null,
    validUntil: endOfDay(full.validUntil),
  };
}

export type SaveResult = { ok: true; id: number; status: PostingStatus } | { ok: false; errors: FieldErrors };

/** A new post: waiting for staff (pending), or a draft when the employer saved it as one. */
export async function createPosting(userId: number, input: PostingSave, now = new Date()): Promise<SaveResult> {
  const home = homeMembership(await employerScope({ id: userId }));
  if (!home) return { ok: false, errors: { form: "postings.errors.noOrganization" } };
  const { organizationId } = home;
  const errors = await checkCodes(input);
  if (Object.keys(errors).length) return { ok: false, errors };
  const db = getDb();
  const org = await db.organization.findUniqueOrThrow({ where: { id: organizationId } });
  const status: PostingStatus = input.intent === "draft" ? "draft" : "pending";
  const row = await db.$transaction(async (tx) => {
    const created = await tx.posting.create({
      data: {
        ...rowFields(input.kind, input, org),
        kind: input.kind,
        organizationId,
        status,
        submittedAt: status === "pending" ? now : null,
        createdById: userId,
        validFrom: now,
      },
    });
    await enqueueSearchSync(tx, [searchItem(created)]);
    return created;
  });
  afterSearchWrite();
  return { ok: true, id: row.id, status };
}

/**
 * Saves an edit. Whatever the post's state, it goes back to pending (or to draft when saved as
 * one): a published post leaves search until staff approve the new text.
 */
export async function updatePosting(userId: number, id: number, input: PostingSave, now = new Date()): Promise<SaveResult | { ok: false; notFound: true }> {
  const scope = await employerScope({ id: userId });
  const db = getDb();
  const current = await db.posting.findFirst({ where: { id, ...ownedBy(scope) }, include: { organization: true } });
  if (!current) return { ok: false, notFound: true };
  if (input.kind !== current.kind) return { ok: false, errors: { form: "forms.invalid" } };
  const errors = await checkCodes(input, current.regionCode);
  if (Object.keys(errors).length) return { ok: false, errors };
  const status: PostingStatus = input.intent === "draft" ? "draft" : "pending";
  await db.$transaction(async (tx) => {
    await tx.posting.update({
      where: { id: current.id },
      data: {
        ...rowFields(input.kind, input, current.organization),
        status,
        submittedAt: status === "pending" ? now : current.submittedAt,
        rejectionReason: null,
        closedAt: null,
      },
    });
    await enqueueSearchSync(tx, [searchItem(current)]);
  });
  afterSearchWrite();
  return { ok: true, id: current.id, status };
}

export type ActionResult = { ok: true; id: number } | { ok: false; reason: "not_found" } | { ok: false; reason: "not_allowed" | "expired"; message: string };

const ALLOWED_FROM: Record<PostingAction, PostingStatus[]> = {
  submit: ["draft"],
  close: ["published", "pending"],
  reopen: ["closed"],
  copy: ["draft", "pending", "published", "rejected", "closed"],
};

/** Submit a draft, close, reopen (back to staff) or copy (a new draft) one of the employer's posts. */
export async function postingAction(userId: number, id: number, action: PostingAction, now = new Date()): Promise<ActionResult> {
  const scope = await employerScope({ id: userId });
  const db = getDb();
  const current = await db.posting.findFirst({ where: { id, ...ownedBy(scope) } });
  if (!current) return { ok: false, reason: "not_found" };
  if (!ALLOWED_FROM[action].includes(current.status as PostingStatus)) return { ok: false, reason: "not_allowed", message: "postings.errors.notAllowed" };
  if (action === "submit" || action === "reopen") {
    if (!withinValidity(current, now)) return { ok: false, reason: "expired", message: "postings.errors.expiredEditFirst" };
    // Stored text from before the check existed (or copied from such a post) is checked again.
    const [finding] = Object.values(contentFindings(current));
    if (finding) return { ok: false, reason: "not_allowed", message: findingMessage(finding) };
  }
  const resultId = await db.$transaction(async (tx) => {
    const expected = { id: current.id, status: current.status };
    let target = current.id;
    if (action === "copy") {
      const { id: _id, createdAt: _c, updatedAt: _u, ...fields } = current;
      const copy = await tx.posting.create({
        data: {
          ...fields,
          status: "draft",
          rejectionReason: null,
          submittedAt: null,
          reviewedAt: null,
          reviewedById: null,
          closedAt: null,
          publishedAt: null,
          createdById: userId,
          validFrom: now,
        },
      });
      target = copy.id;
    } else {
      const data =
        action === "close" ? { status: "closed", closedAt: now }
          : { status: "pending", submittedAt: now, closedAt: null, rejectionReason: null };
      const { count } = await tx.posting.updateMany({ where: expected, data });
      if (count === 0) return null;
    }
    await enqueueSearchSync(tx, [searchItem({ id: target, kind: current.kind })]);
    return target;
  });
  if (resultId === null) return { ok: false, reason: "not_allowed", message: "postings.errors.notAllowed" };
  afterSearchWrite();
  return { ok: true, id: resultId };
}

// ---- reading ----

export const EMPLOYER_TABS = ["all", "draft", "pending", "published", "rejected", "closed", "expired"] as const;
export type EmployerTab = (typeof EMPLOYER_TABS)[number];

/** "expired" is not stored: a published post whose validity has passed. */
function tabWhere(tab: EmployerTab, now: Date): Prisma.PostingWhereInput {
  if (tab === "all") return {};
  if (tab === "published") return openWhere.posting(now);
  if (tab === "expired") return expiredWhere.posting(now);
  return { status: tab };
}

export function displayStatus(row: { status: string; validUntil: Date }, now: Date): PostingStatus | "expired" {
  return row.status === "published" && !isOpen.posting(row, now) ? "expired" : (row.status as PostingStatus);
}

const PAGE_SIZE = 20;

/** The employer's posts in one tab, with every tab's count. */
export async function listEmployerPostings(userId: number, tab: EmployerTab, page: number, now = new Date()) {
  const scope = await employerScope({ id: userId });
  const home = homeMembership(scope);
  const db = getDb();
  const mine = ownedBy(scope);
  const where = { ...mine, ...tabWhere(tab, now) };
  const [rows, total, byStatus, expired, organization] = await Promise.all([
    db.posting.findMany({ where, orderBy: [{ updatedAt: "desc" }, { id: "desc" }], skip: (page - 1) * PAGE_SIZE, take: PAGE_SIZE }),
    db.posting.count({ where }),
    db.posting.groupBy({ by: ["status"], where: mine, _count: { _all: true } }),
    db.posting.count({ where: { ...mine, ...tabWhere("expired", now) } }),
    home ? db.organization.findUnique({ where: { id: home.organizationId }, select: { name: true, status: true } }) : null,
  ]);
  const counts: Record<EmployerTab, number> = { all: 0, draft: 0, pending: 0, published: 0, rejected: 0, closed: 0, expired };
  for (const group of byStatus) {
    counts.all += group._count._all;
    if (group.status in counts) counts[group.status as EmployerTab] += group._count._all;
  }
  counts.published -= expired;
  return {
    organization,
    counts,
    total,
    pages: Math.max(1, Math.ceil(total / PAGE_SIZE)),
    rows: rows.map((r) => ({
      id: r.id,
      kind: r.kind as PostingKind,
      title: r.title,
      status: displayStatus(r, now),
      rejectionReason: r.rejectionReason,
      headcount: r.headcount,
      pay: { min: r.payMin, max: r.payMax, period: r.payPeriod },
      workDate: r.workDate?.toISOString() ?? null,
      validUntil: r.validUntil.toISOString(),
      updatedAt: r.updatedAt.toISOString(),
    })),
  };
}

/** One of the employer's posts: its preview, state and the actions it allows; null when not theirs. */
export async function employerPosting(userId: number, id: number, lang: string, now = new Date()) {
  const scope = await employerScope({ id: userId });
  const row = await getDb().posting.findFirst({ where: { id, ...ownedBy(scope) }, include: { organization: true } });
  if (!row) return null;
  const view = (await postingViewer(lang))(row);
  const status = displayStatus(row, now);
  const can = (action: PostingAction) => ALLOWED_FROM[action].includes(row.status as PostingStatus);
  return {
    view,
    status,
    searchable: status === "published",
    rejectionReason: row.rejectionReason,
    organizationVerified: row.organization.status === "verified",
    submittedAt: row.submittedAt?.toISOString() ?? null,
    reviewedAt: row.reviewedAt?.toISOString() ?? null,
    actions: { edit: true, submit: can("submit"), close: can("close"), reopen: can("reopen") && withinValidity(row, now), copy: true },
  };
}

/** The edit form's data; null when the post is not the employer's. */
export async function postingForEdit(userId: number, id: number, lang = "zh-CN") {
  const scope = await employerScope({ id: userId });
  const row = await getDb().posting.findFirst({ where: { id, ...ownedBy(scope) } });
  if (!row) return null;
  const requirements = { occupationCode: row.occupationCode, credentials: fromCommaList(row.credentials), skillCodes: fromCommaList(row.skillCodes) };
  return { id: row.id, kind: row.kind as PostingKind, status: row.status as PostingStatus, title: row.title, values: formValues(row, lang), requirements };
}

// ---- staff ----

const staffWhere = (actor: StaffActor): Prisma.PostingWhereInput => ({ organization: inRegion(staffScope(actor)) });

/** Pending posts from organizations inside the staff member's region, oldest first, with the content check's result. */
export async function moderationQueue(actor: StaffActor, page: number, lang: string, now = new Date()) {
  const where = { ...staffWhere(actor), status: "pending" };
  const db = getDb();
  const [rows, total] = await Promise.all([
    db.posting.findMany({ where, include: { organization: true }, orderBy: [{ submittedAt: "asc" }, { id: "asc" }], skip: (page - 1) * PAGE_SIZE, take: PAGE_SIZE }),
    db.posting.count({ where }),
  ]);
  const toView = await postingViewer(lang);
  const regions = await getRegions();
  return {
    total,
    pages: Math.max(1, Math.ceil(total / PAGE_SIZE)),
    rows: rows.map((row) => ({
      view: toView(row),
      organization: {
        name: row.organization.name,
        status: row.organization.status,
        place: regionName(regions, row.organization.regionCode, lang),
      },
      findings: Object.entries(contentFindings(row)).map(([field, finding]) => ({ field, ...finding })),
      expired: !withinValidity(row, now),
      resubmitted: row.publishedAt !== null,
      submittedAt: row.submittedAt?.toISOString() ?? null,
    })),
  };
}

function snapshot(row: Pick<Posting, "title" | "status" | "rejectionReason" | "reviewedAt" | "reviewedById">) {
  return { title: row.title, status: row.status, rejectionReason: row.rejectionReason, reviewedAt: row.reviewedAt?.toISOString() ?? null, reviewedById: row.reviewedById };
}

export type ModerationResult =
  | { ok: true; status: "published" | "rejected"; title: string }
  | { ok: false; reason: "not_found" | "already_decided" | "organization_not_verified" | "expired" | "content" };

async function notifyMembers(tx: Tx, organizationId: number, type: string, params: Record<string, string | number>, link: string) {
  const members = await tx.membership.findMany({ where: { organizationId }, select: { userId: true } });
  for (const m of members) await notify(tx, m.userId, type, params, link);
}

/**
 * Staff approve (publish) or reject a pending post from an organization in their region; outside
 * it the post does not exist for them. Approval needs a verified organization and a post still
 * valid. The change, its audit record, the search sync and the employer's notification commit
 * together.
 */
export async function moderatePosting(actor: StaffActor, decision: ModerationDecision, now = new Date()): Promise<ModerationResult> {
  const result = await getDb().$transaction(async (tx): Promise<ModerationResult> => {
    const row = await tx.posting.findFirst({ where: { id: decision.id, ...staffWhere(actor) }, include: { organization: true } });
    if (!row) return { ok: false, reason: "not_found" };
    if (row.status !== "pending") return { ok: false, reason: "already_decided" };
    const approve = decision.intent === "approve";
    if (approve) {
      if (row.organization.status !== "verified") return { ok: false, reason: "organization_not_verified" };
      if (!withinValidity(row, now)) return { ok: false, reason: "expired" };
      if (Object.keys(contentFindings(row)).length) return { ok: false, reason: "content" };
    }
    const data = approve
      ? { status: "published", publishedAt: now, validFrom: now, reviewedAt: now, reviewedById: actor.id, rejectionReason: null }
      : { status: "rejected", reviewedAt: now, reviewedById: actor.id, rejectionReason: decision.reason ?? "" };
    const { count } = await tx.posting.updateMany({ where: { id: row.id, status: "pending" }, data });
    if (count === 0) return { ok: false, reason: "already_decided" };
    await audit(tx, {
      actorId: actor.id,
      action: `posting.${decision.intent}`,
      entityType: "posting",
      entityId: row.id,
      regionCode: row.organization.regionCode,
      before: snapshot(row),
      after: snapshot({ ...row, ...data }),
    });
    await enqueueSearchSync(tx, [searchItem(row)]);
    await notifyMembers(
      tx,
      row.organizationId,
      approve ? "postingApproved" : "postingRejected",
      approve ? { title: row.title } : { title: row.title, reason: data.rejectionReason ?? "" },
      `/employer/postings/${row.id}`,
    );
    return { ok: true, status: approve ? "published" : "rejected", title: row.title };
  });
  if (result.ok) afterSearchWrite();
  return result;
}

/** Pending posts in the staff member's region (for the staff home). */
export async function pendingPostingCount(actor: StaffActor): Promise<number> {
  return getDb().posting.count({ where: { ...staffWhere(actor), status: "pending" } });
}
