// A placeholder origin: only whether a value stays on it matters. The value a browser receives is
// relative, so it resolves against the real site wherever it is served (or proxied) from.
const SITE = "https://site.invalid";

/**
 * A redirect target that stays on this site, as a path; anything else gives `fallback`.
 * Same-origin is decided by the URL parser (as a browser resolves a Location), not by string
 * prefixes: browsers drop tabs and newlines inside URLs and read "\" as "/", so "/\t/evil" and
 * "/\\evil" are other hosts. Control characters (CR/LF included) are refused outright. The path
 * comes back percent-encoded, so "/中文" is a valid header value.
 */
export function safeRedirectPath(value: unknown, fallback = "/"): string {
  // eslint-disable-next-line no-control-regex
  if (typeof value !== "string" || !value.startsWith("/") || /[\u0000-\u001f\u007f]/.test(value)) return fallback;
  let url: URL;
  try {
    url = new URL(value, SITE);
  } catch {
    return fallback;
  }
  if (url.origin !== SITE) return fallback;
  const target = `${url.pathname}${url.search}${url.hash}`;
  // The path itself must not read as "//host" once a browser strips what it strips.
  return target.startsWith("//") ? fallback : target;
}
