import { createContext, useContext } from "react";
import { useMatches } from "@remix-run/react";
import { routeNamespaces, type Language, type Namespace } from "./i18n.ts";
import { translatorFor } from "./translate.ts";

/**
 * How strings reach the browser (docs/decisions/2026-12-01-strings-reach-the-browser-per-route.md): the document carries
 * the current language's strings of its routes' namespaces in a JSON element; a client-side
 * navigation to a route that needs more fetches them from /locales/:lng/:ns (cacheable, hash in the
 * URL) and suspends inside the router's transition, so the old page stays until they are there.
 */
export interface I18nBootstrap {
  lng: Language;
  hashes: Partial<Record<Language, Partial<Record<Namespace, string>>>>;
  store: Partial<Record<Namespace, object>>;
}

export const I18N_DATA_ID = "i18n-data";

/** Server: serialises the namespaces a page needs. Browser: the element's original text (unchanged). */
export const I18nDataContext = createContext<(namespaces: readonly Namespace[]) => string>(() => "");

export function I18nData({ namespaces }: { namespaces: readonly Namespace[] }) {
  const serialise = useContext(I18nDataContext);
  return <script id={I18N_DATA_ID} type="application/json" suppressHydrationWarning dangerouslySetInnerHTML={{ __html: serialise(namespaces) }} />;
}

const loaded = new Set<string>();
const pending = new Map<string, Promise<void>>();
let hashes: I18nBootstrap["hashes"] = {};

/** Browser start: this page's strings into the translator, before hydration. Returns the element's text. */
export function readBootstrap(): string {
  const text = document.getElementById(I18N_DATA_ID)?.textContent ?? "";
  const data = JSON.parse(text || '{"lng":"zh-CN","hashes":{},"store":{}}') as I18nBootstrap;
  hashes = data.hashes;
  for (const [ns, strings] of Object.entries(data.store)) {
    translatorFor(data.lng).add(strings);
    loaded.add(`${data.lng}:${ns}`);
  }
  return text;
}

function load(lng: Language, ns: Namespace): Promise<void> {
  const key = `${lng}:${ns}`;
  let promise = pending.get(key);
  if (!promise) {
    const v = hashes[lng]?.[ns];
    promise = fetch(`/locales/${lng}/${ns}${v ? `?v=${v}` : ""}`)
      .then((r) => (r.ok ? (r.json() as Promise<object>) : {}))
      .then(
        (strings) => translatorFor(lng).add(strings),
        () => undefined, // offline: keys show; the next navigation tries again
      )
      .finally(() => {
        loaded.add(key);
        pending.delete(key);
      });
    pending.set(key, promise);
  }
  return promise;
}

/**
 * The namespaces of the matched routes, in the language the root loader chose. In the browser it
 * suspends (throws the loading promise) until every one is in that language's translator.
 */
export function useRouteNamespaces(lng: Language): Namespace[] {
  const namespaces = routeNamespaces(useMatches());
  if (typeof document === "undefined") return namespaces;
  const missing = namespaces.filter((ns) => !loaded.has(`${lng}:${ns}`));
  if (missing.length) throw Promise.all(missing.map((ns) => load(lng, ns)));
  return namespaces;
}
