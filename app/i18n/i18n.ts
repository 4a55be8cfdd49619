/**
 * Shared by server and browser, so it must not import the string files: the server builds its
 * instances in i18n.server.ts (all namespaces, both languages); the browser gets only the current
 * language's strings of the namespaces its routes declare (i18n-client.tsx), and pages render
 * through translate.ts on both sides.
 */
export const LANGUAGES = ["zh-CN", "en"] as const;
export type Language = (typeof LANGUAGES)[number];
export const DEFAULT_LANGUAGE: Language = "zh-CN";

/**
 * The string areas a route can ask for (`export const handle = { i18n: ["postings"] }`); "common"
 * (layout, errors, form messages) goes to every page. Keys stay in one i18next namespace, so
 * `t("search.title")` needs no prefix: a namespace here is a loadable slice of that tree.
 */
export const NAMESPACES = [
  "common",
  "opportunities",
  "accounts",
  "applications",
  "seekers",
  "organizations",
  "postings",
  "placements",
  "indicators",
  "registers",
  "targets",
  "exports",
  "places",
  "matching",
  "candidates",
  "alerts",
  "returnees",
  "returneeStaff",
  "bases",
  "training",
  "policies",
  "server",
] as const;
export type Namespace = (typeof NAMESPACES)[number];

export interface I18nHandle {
  i18n?: readonly Namespace[];
}

export function isLanguage(value: unknown): value is Language {
  return typeof value === "string" && (LANGUAGES as readonly string[]).includes(value);
}

export function isNamespace(value: unknown): value is Namespace {
  return typeof value === "string" && (NAMESPACES as readonly string[]).includes(value);
}

/** "common" plus what every matched route declares in its handle. */
export function routeNamespaces(matches: readonly { handle?: unknown }[]): Namespace[] {
  const found = new Set<Namespace>(["common"]);
  for (const match of matches) {
    const list = (match.handle as I18nHandle | undefined)?.i18n;
    if (Array.isArray(list)) for (const ns of list) if (isNamespace(ns)) found.add(ns);
  }
  return [...found];
}
