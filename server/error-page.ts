import { tCode } from "../app/i18n/translate.ts";
import type { NextFunction, Request, Response } from "express";
import { DEFAULT_LANGUAGE, type Language } from "../app/i18n/i18n.ts";
import { createI18n } from "../app/i18n/i18n.server.ts";
import { getLanguage } from "../app/i18n/language.server.ts";
import { safeRedirectPath } from "../app/utils/safe-redirect.ts";

export type ServerErrorStatus = 400 | 405 | 413 | 415 | 500;

/** The language the app would use for this request (?lng=, then the `lng` cookie), read the app's way. */
async function languageOf(req: Request): Promise<Language> {
  try {
    return await getLanguage(new Request(new URL(req.originalUrl, "http://site.invalid"), { headers: { Cookie: req.headers.cookie ?? "" } }));
  } catch {
    return DEFAULT_LANGUAGE;
  }
}

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** The page a form came from (a single-fetch ".data" request stands for its page), if it is one of ours. */
function pageOf(req: Request): string | null {
  let path: string;
  try {
    path = decodeURIComponent(req.path);
  } catch {
    return null;
  }
  path = path === "/_root.data" ? "/" : path.replace(/\.data$/, "");
  const safe = safeRedirectPath(path, "");
  return safe || null;
}

export interface ErrorPageOptions {
  /** i18n key under httpErrors (defaults to the status). */
  message?: string;
  values?: Record<string, string>;
  headers?: Record<string, string>;
}

/**
 * A small self-contained page (no scripts, no app shell: it must render when the app could not),
 * in the visitor's language, linking back to the page so the form can be filled in again.
 */
export async function sendErrorPage(req: Request, res: Response, status: ServerErrorStatus, options: ErrorPageOptions = {}) {
  const lang = await languageOf(req);
  const t = createI18n(lang).t;
  const message = tCode(t, "httpErrors", options.message ?? String(status), options.values ?? {});
  const back = req.method === "GET" || req.method === "HEAD" ? null : pageOf(req);
  const links = [back ? `<a href="${escapeHtml(back)}">${escapeHtml(t("httpErrors.back"))}</a>` : "", `<a href="/">${escapeHtml(t("httpErrors.home"))}</a>`].filter(Boolean);
  const html = `<!doctype html>
<html lang="${lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><meta name="robots" content="noindex">
<title>${status} · ${escapeHtml(t("httpErrors.title"))}</title>
<style>body{font-family:system-ui,sans-serif;max-width:36rem;margin:3rem auto;padding:0 1rem;color:#1e293b}a{display:inline-block;min-height:44px;line-height:44px;margin-right:1.5rem;color:#1d4ed8}</style>
</head><body><main data-testid="server-error"><p><strong>${status}</strong></p><h1>${escapeHtml(t("httpErrors.title"))}</h1><p>${escapeHtml(message)}</p><p>${links.join(" ")}</p></main></body></html>`;
  if (res.headersSent) return void res.end();
  res.status(status);
  for (const [name, value] of Object.entries(options.headers ?? {})) res.setHeader(name, value);
  res.setHeader("Cache-Control", "no-store");
  res.type("text/html; charset=utf-8").send(req.method === "HEAD" ? undefined : html);
}

/**
 * Express's last handler: whatever went wrong is logged with the request, the visitor gets a plain
 * page; no stack, no file paths. Errors that already carry a client status (a body parser's 400) keep it.
 */
export function finalErrorHandler() {
  return (error: unknown, req: Request, res: Response, next: NextFunction) => {
    const status = (error as { status?: unknown; statusCode?: unknown } | null)?.status ?? (error as { statusCode?: unknown } | null)?.statusCode;
    const known: ServerErrorStatus = status === 400 || status === 405 || status === 413 || status === 415 ? status : 500;
    console.error(`[${known}] ${req.method} ${req.originalUrl}:`, error);
    if (res.headersSent) return next(error); // mid-stream: Express closes the connection
    void sendErrorPage(req, res, known);
  };
}
