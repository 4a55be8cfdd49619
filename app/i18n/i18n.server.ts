import { createHash } from "node:crypto";
import i18next, { type i18n, type Resource } from "i18next";
import en from "~/locales/en.ts";
import zhCN, { type Translations } from "~/locales/zh-CN.ts";
import { DEFAULT_LANGUAGE, LANGUAGES, type Language, type Namespace } from "./i18n.ts";
import { createTranslator, registerTranslator } from "./translate.ts";

export const resources: Record<Language, Translations> = { "zh-CN": zhCN, en };

/**
 * Which slices of the string tree each namespace holds (top-level keys, or dotted paths for the few
 * layout strings that live in an area's file). Every top-level key belongs to exactly one namespace
 * besides "common" (namespaces.test.ts checks it); "server" strings (mails, SMS, the pages the server
 * answers before the app) never go to the browser.
 */
export const NAMESPACE_KEYS: Record<Namespace, readonly string[]> = {
  common: ["site", "nav", "errors", "footer", "list", "forms", "payPeriod", "auth.myHome", "auth.unread", "auth.toLogin", "exports.figures.link", "regionPicker"],
  opportunities: ["kinds", "kindShort", "search", "payBands", "postedWithin", "notes", "detail", "groups", "services", "benefits", "education", "contract", "levels", "home", "near", "responseRate", "policyHints"],
  accounts: ["auth", "roles"],
  applications: ["applications", "notifications"],
  seekers: ["seekers", "identity", "notificationsPage"],
  organizations: ["organizations", "employer", "invite", "staff", "staffAccounts", "staffOrgs", "audit"],
  postings: ["postings", "staffPostings", "outbox", "staffMessages", "staffFollowUp"],
  placements: ["placements", "placementEntry"],
  indicators: ["indicators"],
  registers: ["registers"],
  targets: ["targets"],
  exports: ["exports"],
  places: ["servicePoints"],
  matching: ["matching"],
  candidates: ["candidates", "invitations"],
  alerts: ["devMail", "alerts"],
  returnees: ["returnees"],
  returneeStaff: ["returneeStaff"],
  training: ["training"],
  bases: ["bases"],
  policies: ["policies"],
  server: ["httpErrors", "authMessages", "alertMessages", "followUpMessages", "returneeMessages", "lagMessages", "baseMessages"],
};

type Tree = { [key: string]: string | Tree };

function pick(tree: Tree, paths: readonly string[]): Tree {
  const out: Tree = {};
  for (const dotted of paths) {
    const parts = dotted.split(".");
    let from: Tree | string | undefined = tree;
    let to = out;
    parts.forEach((part, i) => {
      from = typeof from === "object" ? from[part] : undefined;
      if (from === undefined) throw new Error(`namespace key ${dotted} is not in the strings`);
      if (i === parts.length - 1) to[part] = from;
      else to = (to[part] ??= {}) as Tree;
    });
  }
  return out;
}

interface Slice {
  strings: Tree;
  json: string;
  hash: string;
}

// Built once per process: the slices are small and the strings never change while it runs.
const slices = new Map<string, Slice>();
export function namespaceSlice(lng: Language, ns: Namespace): Slice {
  const key = `${lng}:${ns}`;
  let slice = slices.get(key);
  if (!slice) {
    const strings = pick(resources[lng] as unknown as Tree, NAMESPACE_KEYS[ns]);
    const json = JSON.stringify(strings);
    slice = { strings, json, hash: createHash("sha256").update(json).digest("base64url").slice(0, 12) };
    slices.set(key, slice);
  }
  return slice;
}

/** What the browser needs to start: the strings of this page's namespaces, and every slice's hash (for cacheable URLs later). */
export function i18nBootstrap(lng: Language, namespaces: readonly Namespace[]): string {
  // The strings do not change while the server runs: one text per language and set of namespaces.
  const key = `${lng}|${namespaces.join(",")}`;
  let text = bootstraps.get(key);
  if (text === undefined) bootstraps.set(key, (text = bootstrapText(lng, namespaces)));
  return text;
}

const bootstraps = new Map<string, string>();

function bootstrapText(lng: Language, namespaces: readonly Namespace[]): string {
  const hashes = Object.fromEntries(LANGUAGES.map((l) => [l, Object.fromEntries((Object.keys(NAMESPACE_KEYS) as Namespace[]).map((ns) => [ns, namespaceSlice(l, ns).hash]))]));
  const store = Object.fromEntries(namespaces.map((ns) => [ns, namespaceSlice(lng, ns).strings]));
  // Inside <script type="application/json">: "<" escaped so no string can close the element.
  return JSON.stringify({ lng, hashes, store }).replace(/</g, "\\u003c");
}

function newI18n(lng: Language, all: Resource): i18n {
  const instance = i18next.createInstance();
  void instance.init({ lng, fallbackLng: DEFAULT_LANGUAGE, resources: all, initImmediate: false, interpolation: { escapeValue: false }, returnNull: false });
  return instance;
}

// Pages render through these (translate.ts), the same code the browser runs.
const zhTranslator = createTranslator("zh-CN", zhCN);
registerTranslator(zhTranslator);
registerTranslator(createTranslator("en", en, zhTranslator));

// For mails, exports and reports: one i18next instance per language, built at module load with every string, shared by every request:
// building one per request cost ~9 ms in the profile.
const all = { "zh-CN": { translation: zhCN }, en: { translation: en } };
const instances = Object.fromEntries(LANGUAGES.map((lng) => [lng, newI18n(lng, all)])) as Record<Language, i18n>;

/** The shared instance for a language (all strings). Do not change its language: pick the instance instead. */
export function createI18n(lng: Language): i18n {
  return instances[lng];
}
