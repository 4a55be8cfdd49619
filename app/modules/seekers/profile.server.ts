import type { Prisma, SeekerProfile } from "~/generated/prisma/client.ts";
import type { FieldErrors } from "../auth/accounts.server.ts";
import { getDb } from "../db.server.ts";
import { maskIdNumber, maskPhone, parseIdNumber } from "../people/identity.ts";
import { getRegions, type RegionInfo } from "../regions/regions.server.ts";
import { checkPlace, checkRegionCode, type RegionError } from "../regions/choice.server.ts";
import { sitePickerOptions } from "../regions/picker.server.ts";
import { hit } from "../auth/rate-limit.server.ts";
import { decrypt, encrypt, lookupHash } from "../security/secrets.server.ts";
import { WISH_OCCUPATIONS_MAX, WORK_ROWS_MIN, type ProfileGroup, type ProfileInput, type WorkRow } from "./profile-schema.ts";
import { awayCityLabel, occupationName, profileVocabulary, resolveProfileWords } from "./profile-vocabulary.server.ts";
import { parentCodesOf } from "../occupations/codes.ts";
import { fromCommaList, toCommaList } from "../../utils/comma-list.ts";

/** ["a", "b"] → ",a,b,": list columns are comma-wrapped so SQL can filter them with LIKE (fromCommaList reads them). */

export function parseWorkHistory(json: string): WorkRow[] {
  try {
    const rows: unknown = JSON.parse(json);
    return Array.isArray(rows) ? (rows as WorkRow[]).filter((r) => r && typeof r.employer === "string") : [];
  } catch {
    return [];
  }
}

const isoDay = (date: Date | null) => (date ? date.toISOString().slice(0, 10) : "");
const isoMonth = (date: Date | null) => (date ? date.toISOString().slice(0, 7) : "");

/** The county and town parts of a stored region code (a town is 9 digits, its county its first 6). */
function splitRegion(code: string | null) {
  if (!code) return { county: "", town: "" };
  return code.length > 6 ? { county: code.slice(0, 6), town: code } : { county: code, town: "" };
}

/** The pickers' counties and towns, in the page's language; the codes the profile holds stay listed even if retired since. */
export async function profileRegionOptions(userId: number, lang: string) {
  const profile = await getDb().seekerProfile.findUnique({ where: { userId }, select: { hometownCode: true, currentRegionCode: true, wishCounties: true } });
  return sitePickerOptions(lang, [profile?.hometownCode, profile?.currentRegionCode, ...(profile ? fromCommaList(profile.wishCounties) : [])]);
}

/**
 * What the form starts from. The phone is the seeker's own contact number and is shown to them
 * in full; the ID number never is: only its masked copy, and a blank field keeps it.
 */
export async function loadProfileForm(userId: number, lang = "zh-CN") {
  const db = getDb();
  const [profile, user, brands] = await Promise.all([
    db.seekerProfile.findUnique({ where: { userId } }),
    db.user.findUniqueOrThrow({ where: { id: userId }, select: { displayName: true, phoneEnc: true } }),
    db.labourBrand.findMany({ orderBy: { code: "asc" }, select: { code: true, nameZh: true, nameEn: true } }),
  ]);
  const wanted = fromCommaList(profile?.wishOccupations);
  const held = { occupations: wanted, credentials: fromCommaList(profile?.credentials), skills: fromCommaList(profile?.skillCodes) };
  const work = profile ? parseWorkHistory(profile.workHistory) : [];
  const rows = [...work, ...Array.from({ length: Math.max(WORK_ROWS_MIN - work.length, 1) }, () => ({ employer: "", title: "", from: "", to: "" }))];
  const hometown = splitRegion(profile?.hometownCode ?? null);
  const current = splitRegion(profile?.currentRegionCode ?? null);
  const phoneEnc = profile ? profile.phoneEnc : user.phoneEnc;
  return {
    /** Changes at every save, so the page can start the form afresh from what was stored. */
    version: profile?.updatedAt.toISOString() ?? "new",
    idNumberMasked: profile?.idNumberMasked ?? null,
    idVerified: profile?.idVerifiedAt ? (profile.idVerifiedHow as "hire" | "staff") : null,
    birthDate: isoDay(profile?.birthDate ?? null),
    sex: profile?.sex ?? null,
    ...profileVocabulary(lang, held),
    brandOptions: brands.map((b) => ({ value: b.code, label: lang === "en" ? b.nameEn : b.nameZh })),
    defaultValue: {
      name: profile?.name ?? user.displayName,
      phone: phoneEnc ? decrypt(phoneEnc) : "",
      idNumber: "",
      idNumberRemove: false,
      education: profile?.education ?? "any",
      school: profile?.school ?? "",
      major: profile?.major ?? "",
      graduationYear: profile?.graduationYear ? String(profile.graduationYear) : "",
      skills: profile?.skills ?? "",
      workHistory: rows.map((r) => ({ employer: r.employer, title: r.title ?? "", from: r.from ?? "", to: r.to ?? "" })),
      hometownCounty: hometown.county,
      hometownTown: hometown.town,
      currentCounty: current.county,
      currentTown: current.town,
      groups: profile ? fromCommaList(profile.groups) : [],
      returneeKind: profile?.returneeKind ?? "",
      wishKinds: profile ? fromCommaList(profile.wishKinds) : [],
      wishCounties: profile ? fromCommaList(profile.wishCounties) : [],
      wishPayMin: profile?.wishPayMin != null ? String(profile.wishPayMin) : "",
      wishStartDate: isoDay(profile?.wishStartDate ?? null),
      wishOccupations: Array.from({ length: WISH_OCCUPATIONS_MAX }, (_, i) => (wanted[i] ? occupationName(wanted[i], lang) : "")),
      credentials: held.credentials,
      credentialOther: "",
      skillCodes: held.skills,
      skillOther: "",
      travelKm: profile?.travelKm != null ? String(profile.travelKm) : "",
      experienceYears: profile?.experienceYears != null ? String(profile.experienceYears) : "",
      brandsTrained: fromCommaList(profile?.brandsTrained),
      awayCity: awayCityLabel(profile?.awayCityCode ?? null, lang),
      comeHomeBy: isoMonth(profile?.comeHomeBy ?? null),
      consentMatching: profile?.consentMatching ?? false,
      consentSharing: profile?.consentSharing ?? false,
      consentCandidate: profile?.consentCandidate ?? false,
    },
  };
}

export type SaveResult = { ok: true } | { ok: false; errors: FieldErrors };

// The profile's own wording for the common cases; retired codes get the picker's message.
const PROFILE_MESSAGES: Partial<Record<RegionError, string>> = { "regionPicker.errors.unknown": "seekers.errors.regionUnknown", "regionPicker.errors.townNotInCounty": "seekers.errors.townNotInCounty" };

/** Each place: county and town known, the town inside the county, nothing newly retired (a stored code stays valid). */
function regionErrors(regions: Map<string, RegionInfo>, input: ProfileInput, stored: { hometownCode: string | null; currentRegionCode: string | null; wishCounties: string } | null): FieldErrors {
  const errors: FieldErrors = {};
  const places = [
    ["hometownCounty", "hometownTown", stored?.hometownCode],
    ["currentCounty", "currentTown", stored?.currentRegionCode],
  ] as const;
  for (const [countyField, townField, previous] of places) {
    const check = checkPlace(regions, { county: input[countyField], town: input[townField] }, { previous });
    if (check.errors.county) errors[countyField] = PROFILE_MESSAGES[check.errors.county] ?? check.errors.county;
    if (check.errors.town) errors[townField] = PROFILE_MESSAGES[check.errors.town] ?? check.errors.town;
    // Without JavaScript a town can be sent without its county: the county follows from it.
    input[countyField] = check.county;
  }
  const wished = new Set(stored ? fromCommaList(stored.wishCounties) : []);
  if (!input.wishCounties.every((c) => !checkRegionCode(regions, c, ["county"], { previous: wished.has(c) ? c : null }))) errors.wishCounties = "forms.invalid";
  return errors;
}

/**
 * The typed names checked from the raw form, for an answer where the schema already refused
 * something: every message then comes in one answer instead of one round trip after another.
 */
export function typedWordErrors(formData: FormData, lang: string): FieldErrors {
  const text = (name: string) => String(formData.get(name) ?? "").slice(0, 200);
  const wishOccupations = Array.from({ length: WISH_OCCUPATIONS_MAX }, (_, i) => text(`wishOccupations[${i}]`));
  return resolveProfileWords({ wishOccupations, credentials: [], skillCodes: [], credentialOther: text("credentialOther"), skillOther: text("skillOther"), awayCity: text("awayCity") }, lang).errors;
}

/** Changing the ID number is rare for a real person and the way a stranger would probe: keep it slow. */
export const ID_NUMBER_CHANGES = { max: 5, windowMs: 24 * 3_600_000 } as const;

const CLEAR_VERIFICATION = { idVerifiedAt: null, idVerifiedHow: null, idVerifiedById: null, idVerifiedPlacementId: null };

/**
 * What the ID-number field changes. A new number is only a claim: it never answers whether another
 * account holds it, and it drops any earlier proof (see identity.server.ts).
 */
async function identityChange(userId: number, input: ProfileInput): Promise<{ ok: true; data: Partial<Prisma.SeekerProfileUncheckedCreateInput> } | { ok: false; errors: FieldErrors }> {
  if (input.idNumber) {
    const parsed = parseIdNumber(input.idNumber);
    if (!parsed.ok) return { ok: false, errors: { idNumber: "seekers.errors.idNumberFormat" } };
    const { normalized, birthDate, sex } = parsed.facts;
    const idHash = lookupHash("id-number", normalized);
    const db = getDb();
    const current = await db.seekerProfile.findUnique({ where: { userId }, select: { idHash: true } });
    if (current?.idHash === idHash) return { ok: true, data: {} };
    const limit = await hit(db, `id-number:user:${userId}`, ID_NUMBER_CHANGES);
    if (!limit.allowed) return { ok: false, errors: { idNumber: "seekers.errors.idNumberTooOften" } };
    return { ok: true, data: { idNumberEnc: encrypt(normalized), idNumberMasked: maskIdNumber(normalized), idHash, birthDate, sex, ...CLEAR_VERIFICATION } };
  }
  if (input.idNumberRemove) return { ok: true, data: { idNumberEnc: null, idNumberMasked: null, idHash: null, birthDate: null, sex: null, ...CLEAR_VERIFICATION } };
  return { ok: true, data: {} };
}

/**
 * Saves the whole profile (the form always sends every field), its wanted occupations also as
 * SeekerOccupation rows, replaced in the same transaction. Phone and ID are stored encrypted. Typed
 * names are resolved in `lang`'s words first (either language is understood).
 */
export async function saveProfile(userId: number, input: ProfileInput, lang = "zh-CN"): Promise<SaveResult> {
  const db = getDb();
  const stored = await db.seekerProfile.findUnique({ where: { userId }, select: { hometownCode: true, currentRegionCode: true, wishCounties: true } });
  const words = resolveProfileWords(input, lang);
  const brands = input.brandsTrained.length ? await db.labourBrand.count({ where: { code: { in: input.brandsTrained } } }) : 0;
  const errors: FieldErrors = { ...regionErrors(await getRegions(), input, stored), ...words.errors };
  if (brands !== input.brandsTrained.length) errors.brandsTrained = "forms.invalid";
  if (Object.keys(errors).length) return { ok: false, errors };
  const identity = await identityChange(userId, input);
  if (!identity.ok) return identity;

  const data = {
    name: input.name,
    phoneEnc: input.phone ? encrypt(input.phone) : null,
    phoneMasked: input.phone ? maskPhone(input.phone) : null,
    ...identity.data,
    education: input.education,
    school: input.school ?? "",
    major: input.major ?? "",
    graduationYear: input.graduationYear ?? null,
    skills: input.skills ?? "",
    workHistory: JSON.stringify(input.workHistory.map(({ employer, title, from, to }) => ({ employer, title: title ?? "", from: from ?? "", to: to ?? "" }))),
    hometownCode: input.hometownTown ?? input.hometownCounty ?? null,
    currentRegionCode: input.currentTown ?? input.currentCounty ?? null,
    groups: toCommaList(input.groups),
    returneeKind: input.returneeKind,
    wishKinds: toCommaList(input.wishKinds),
    wishCounties: toCommaList(input.wishCounties),
    wishPayMin: input.wishPayMin ?? null,
    wishStartDate: input.wishStartDate ? new Date(`${input.wishStartDate}T00:00:00Z`) : null,
    wishOccupations: toCommaList(words.occupations),
    credentials: toCommaList(words.credentials),
    skillCodes: toCommaList(words.skills),
    travelKm: input.travelKm ?? null,
    experienceYears: input.experienceYears ?? null,
    brandsTrained: toCommaList(input.brandsTrained),
    awayCityCode: words.awayCityCode,
    comeHomeBy: input.comeHomeBy ? new Date(`${input.comeHomeBy}-01T00:00:00Z`) : null,
    consentMatching: input.consentMatching ?? false,
    consentSharing: input.consentSharing ?? false,
    consentCandidate: input.consentCandidate ?? false,
  };
  const rows = words.occupations.map((code) => ({ userId, code, minor: parentCodesOf(code)[0]!, medium: parentCodesOf(code)[1]! }));
  await db.$transaction([
    db.seekerProfile.upsert({ where: { userId }, create: { userId, ...data }, update: data }),
    db.seekerOccupation.deleteMany({ where: { userId } }),
    db.seekerOccupation.createMany({ data: rows }),
  ]);
  return { ok: true };
}

/** The parts a seeker is asked to fill in, in the order the home page lists what is missing. */
export const COMPLETENESS_ITEMS = ["basics", "idNumber", "education", "skills", "workHistory", "place", "wishes"] as const;
export type CompletenessItem = (typeof COMPLETENESS_ITEMS)[number];

export function completeness(profile: SeekerProfile | null) {
  const done: Record<CompletenessItem, boolean> = {
    basics: !!profile?.name && !!profile.phoneEnc,
    idNumber: !!profile?.idNumberEnc,
    education: !!profile && (profile.education !== "any" || profile.school !== ""),
    skills: !!profile?.skills,
    workHistory: !!profile && parseWorkHistory(profile.workHistory).length > 0,
    place: !!profile?.currentRegionCode,
    wishes: !!profile && fromCommaList(profile.wishKinds).length > 0,
  };
  const missing = COMPLETENESS_ITEMS.filter((item) => !done[item]);
  return { percent: Math.round((100 * (COMPLETENESS_ITEMS.length - missing.length)) / COMPLETENESS_ITEMS.length), missing };
}

/** The seeker's home: a profile summary, what is missing, and their latest applications (read-only). */
export async function loadSeekerHome(userId: number, lang: string) {
  const db = getDb();
  const [profile, applications, regions] = await Promise.all([
    db.seekerProfile.findUnique({ where: { userId } }),
    db.application.findMany({
      where: { seekerId: userId },
      orderBy: { updatedAt: "desc" },
      take: 20,
      select: { id: true, status: true, createdAt: true, updatedAt: true, posting: { select: { id: true, kind: true, title: true, organization: { select: { name: true } } } } },
    }),
    getRegions(),
  ]);
  const place = (code: string | null) => {
    if (!code) return "";
    const region = regions.get(code);
    const name = (r: RegionInfo | undefined) => (r ? (lang === "en" && r.nameEn ? r.nameEn : r.name) : code);
    return region?.level === "town" && region.parentCode ? `${name(regions.get(region.parentCode))} ${name(region)}` : name(region);
  };
  return {
    profile: profile
      ? {
          name: profile.name,
          phoneMasked: profile.phoneMasked,
          idNumberMasked: profile.idNumberMasked,
          birthDate: isoDay(profile.birthDate),
          sex: profile.sex,
          currentPlace: place(profile.currentRegionCode),
          groups: fromCommaList(profile.groups) as ProfileGroup[],
          consentMatching: profile.consentMatching,
          consentSharing: profile.consentSharing,
          consentCandidate: profile.consentCandidate,
          idVerified: profile.idVerifiedAt ? (profile.idVerifiedHow as "hire" | "staff") : null,
        }
      : null,
    completeness: completeness(profile),
    applications: applications.map((a) => ({
      id: a.id,
      status: a.status,
      createdAt: a.createdAt.toISOString(),
      updatedAt: a.updatedAt.toISOString(),
      posting: { id: a.posting.id, kind: a.posting.kind, title: a.posting.title, employer: a.posting.organization.name },
    })),
  };
}
