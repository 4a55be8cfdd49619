import type { TFunction } from "i18next";
import { DEFAULT_LANGUAGE, isLanguage } from "~/i18n/i18n.ts";
import { translatorFor } from "~/i18n/translate.ts";

/** A `t` for `meta` functions (which cannot use hooks), in the language the root loader chose. */
export function metaT(matches: readonly { id: string; data?: unknown }[]): TFunction {
  const lang = (matches.find((m) => m.id === "root")?.data as { lang?: unknown } | undefined)?.lang;
  const language = isLanguage(lang) ? lang : DEFAULT_LANGUAGE;
  return translatorFor(language).t;
}

/** "Page title | Site name", with the site name in the page's language. */
export function pageTitle(t: TFunction, title: string): string {
  return title ? `${title} | ${t("site.name")}` : t("site.name");
}
