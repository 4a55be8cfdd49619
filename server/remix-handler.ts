import { createRequestHandler, writeReadableStreamToWritable, type AppLoadContext, type ServerBuild } from "@remix-run/node";
import type { NextFunction, Request, Response } from "express";
import { hasSessionCookie } from "../app/modules/auth/session.server.ts";
import { searchGeneration } from "../search/freshness.ts";
import { sendErrorPage } from "./error-page.ts";
import { PageCache } from "./page-cache.ts";
import { asBody } from "./requests.ts";
import { fromTrustedProxy, requestOrigin } from "./security.ts";

/**
 * One rule for every page, data request and download: an answer to a signed-in visitor, or one that
 * sets a cookie, is theirs alone — no shared cache may keep it and the browser must not store it.
 */
export function applyCachePolicy(cookieHeader: string | undefined, headers: Headers) {
  if (hasSessionCookie(cookieHeader) || headers.has("Set-Cookie")) headers.set("Cache-Control", "private, no-store");
}

/** The request's headers; X-Forwarded-* only from a trusted proxy (Remix compares X-Forwarded-Host with Origin itself). */
function headersOf(req: Request): Headers {
  const headers = new Headers();
  const trusted = fromTrustedProxy(req);
  for (const [name, value] of Object.entries(req.headers)) {
    if (!trusted && name.startsWith("x-forwarded-")) continue;
    if (Array.isArray(value)) for (const v of value) headers.append(name, v);
    else if (value !== undefined) headers.set(name, value);
  }
  return headers;
}

/**
 * Remix behind Express, like @remix-run/express's handler but: the URL's origin follows the trusted
 * proxy setting (requestOrigin), a POST's body is the one bodyGuard already read and checked, and
 * every answer passes the cache policy.
 */
export function remixHandler(build: ServerBuild, mode: string, getLoadContext: (req: Request, res: Response) => AppLoadContext, cache?: PageCache) {
  const handle = createRequestHandler(build, mode);
  return async (req: Request, res: Response, next: NextFunction) => {
    // Read before rendering: a change the sync confirms meanwhile makes this answer stale at once.
    const generation = searchGeneration();
    let url: URL;
    try {
      url = new URL(`${requestOrigin(req)}${req.originalUrl}`);
    } catch {
      return void sendErrorPage(req, res, 400); // a Host header no URL can hold
    }
    try {
      const controller = new AbortController();
      res.on("close", () => !res.writableFinished && controller.abort());
      const body = req.method === "POST" ? asBody((res.locals.body as Buffer | undefined) ?? Buffer.alloc(0)) : undefined;
      const request = new globalThis.Request(url, { method: req.method, headers: headersOf(req), body, signal: controller.signal });
      const response = await handle(request, getLoadContext(req, res));
      applyCachePolicy(req.headers.cookie, response.headers);
      const kept = cache ? await cache.store(res, response, generation) : null;
      res.statusMessage = response.statusText;
      res.status(response.status);
      for (const [name, value] of response.headers.entries()) res.append(name, value);
      if (kept !== null) {
        res.vary("Accept-Encoding");
        return void PageCache.send(req, res, kept);
      }
      const type = response.headers.get("Content-Type") ?? "";
      if (/text\/event-stream/i.test(type)) res.flushHeaders();
      // A page is rendered whole before it is sent (no loader defers): one buffer compresses and
      // writes in one go, where React's many small chunks each cost a zlib call and a socket write.
      if (response.body && /^text\/html/i.test(type)) res.end(Buffer.from(await response.arrayBuffer()));
      else if (response.body) await writeReadableStreamToWritable(response.body, res);
      else res.end();
    } catch (error) {
      next(error);
    }
  };
}
