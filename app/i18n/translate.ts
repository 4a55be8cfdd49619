import type { TFunction } from "i18next";
import { useRouteLoaderData } from "@remix-run/react";
import type { Translations } from "~/locales/zh-CN.ts";
import { DEFAULT_LANGUAGE, isLanguage, type Language } from "./i18n.ts";

/**
 * What pages render strings with, in the server and in the browser alike (so both produce the
 * same text): a key looked up in one tree and `{{name}}` filled in — all the strings here use
 * (no plurals, nesting or formats; namespaces.test.ts checks). i18next itself is ~14 KiB of gzip
 * in the browser for that; it stays on the server for mails, exports and reports (i18n.server.ts).
 * The type of `t` is i18next's, so a key that is not in the strings fails `tsc`.
 */
export type Tree = { [key: string]: string | Tree };

export interface Translator {
  readonly language: Language;
  readonly t: TFunction;
  exists(key: string): boolean;
  add(strings: object): void;
}

const VARIABLE = /\{\{\s*([^{}\s]+)\s*\}\}/g;

function merge(into: Tree, from: Tree) {
  for (const [k, v] of Object.entries(from)) {
    const here = into[k];
    if (typeof v === "object" && typeof here === "object") merge(here, v);
    else into[k] = typeof v === "object" ? merge({}, v) : v;
  }
  return into;
}

export function createTranslator(language: Language, strings: object = {}, fallback?: Translator): Translator {
  const tree: Tree = merge({}, strings as Tree);
  const lookup = (key: string): string | undefined => {
    let node: string | Tree | undefined = tree;
    for (const part of key.split(".")) node = typeof node === "object" ? node[part] : undefined;
    return typeof node === "string" ? node : undefined;
  };
  const t = (key: string, options?: Record<string, unknown>): string => {
    const text = lookup(key);
    if (text === undefined) {
      if (fallback) return (fallback.t as unknown as typeof t)(key, options);
      // As i18next does: a code without a label shows the value its caller gave.
      return typeof options?.defaultValue === "string" ? options.defaultValue : key;
    }
    return options ? text.replace(VARIABLE, (_, name: string) => (options[name] === undefined ? "" : String(options[name]))) : text;
  };
  return { language, t: t as unknown as TFunction, exists: (key) => lookup(key) !== undefined || Boolean(fallback?.exists(key)), add: (more) => void merge(tree, more as Tree) };
}

// Server: both languages with every string (i18n.server.ts). Browser: what entry.client.tsx and
// later navigations loaded.
const translators = new Map<Language, Translator>();

export function registerTranslator(translator: Translator) {
  translators.set(translator.language, translator);
}

export function translatorFor(lng: Language): Translator {
  let translator = translators.get(lng);
  if (!translator) {
    translator = createTranslator(lng);
    translators.set(lng, translator);
  }
  return translator;
}

/** Same shape as react-i18next's hook (`t`, `i18n.language`), in the language the root loader chose. */
export function useTranslation(): { t: TFunction; i18n: { language: Language; exists: (key: string) => boolean } } {
  const lang = (useRouteLoaderData("root") as { lang?: unknown } | undefined)?.lang;
  const language = isLanguage(lang) ? lang : DEFAULT_LANGUAGE;
  const translator = translatorFor(language);
  return { t: translator.t, i18n: { language, exists: translator.exists } };
}

type Groups<T, P extends string = ""> = {
  [K in keyof T & string]: T[K] extends string ? never : `${P}${K}` | Groups<T[K], `${P}${K}.`>;
}[keyof T & string];
/** A key prefix that holds a group of labels ("groups", "placements.status"…): typed, so a wrong one fails tsc. */
export type KeyGroup = Groups<Translations>;

type Options = Record<string, unknown>;
const untyped = (t: TFunction) => t as unknown as (key: string, options?: Options) => string;

/** The label of a code read from data (`groups.graduate`): the group is checked by tsc, the code cannot be. */
export function tCode(t: TFunction, group: KeyGroup, code: string, options?: Options): string {
  return untyped(t)(`${group}.${code}`, options);
}

/** A whole key carried as data (a form error, a parameter note): the one place such keys go unchecked. */
export function tKey(t: TFunction, key: string, options?: Options): string {
  return untyped(t)(key, options);
}
