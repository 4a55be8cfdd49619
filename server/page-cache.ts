import { createHash } from "node:crypto";
import { gzipSync } from "node:zlib";
import type { NextFunction, Request, Response } from "express";
import { isFresh } from "../search/freshness.ts";
import { hasSessionCookie } from "../app/modules/auth/session.server.ts";
import { negotiateEncoding } from "./encoding.ts";
import { requestOrigin } from "./security.ts";

/**
 * Public answers kept in memory and served without running Remix: the pages and API answers
 * everyone opens (home, search, detail pages, their .data requests and /api/v1). An entry is good
 * while the search generation it was made at is current — the search sync moves it on when
 * Meilisearch confirms a change, so an approved, edited or closed post shows at once — and for
 * FRESH_FOR_MS at most (time alone changes what is open, e.g. a gig whose day has passed). A hit is
 * sent as stored (gzip when accepted), its inline scripts allowed by their hashes. Never for a
 * request with a session cookie, never an answer that sets a cookie: signed-in visitors always get
 * their own page.
 */
const MAX_ENTRIES = 2_000;
const MAX_BYTES = 64 * 1024 * 1024;
// "/_root.data" is the home page's data request under single fetch.
const CACHEABLE = /^\/(?:_root\.data|search|job\/\d+|internship\/\d+|gig\/\d+|base\/\d+|course\/\d+)?(?:\.data)?$|^\/api\/v1\/(?:search|(?:job|internship|gig|base|course)\/\d+)$/;
// Headers the answer is stored with (the open API's CORS ones included); the security headers come
// from the middleware in front for every response.
const KEPT = new Set(["content-type", "cache-control", "etag", "vary", "last-modified", "x-remix-response", "access-control-allow-origin", "access-control-expose-headers"]);

interface Entry {
  status: number;
  headers: [string, string][];
  body: Buffer;
  /** The same, compressed once when stored (most visitors accept gzip). */
  gzip: Buffer;
  /**
   * CSP sources for the page's inline scripts: the hashes of their text. A kept page cannot carry
   * a fresh nonce without being rewritten and compressed again on every hit, so a hit allows
   * exactly the scripts the page was rendered with, by hash.
   */
  scriptHashes: string[];
  generation: number;
  madeAt: number;
}

const INLINE_SCRIPT = /<script\b(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g;

function inlineScriptHashes(html: string): string[] {
  return [...new Set([...html.matchAll(INLINE_SCRIPT)].map((m) => `'sha256-${createHash("sha256").update(m[1]!).digest("base64")}'`))];
}

// The two cookies a public page depends on: the language, and the home town "near me" starts from.
const LANGUAGE_COOKIE = /(?:^|;\s*)lng=([^;]*)/;
const HOME_COOKIE = /(?:^|;\s*)home=([^;]*)/;

export class PageCache {
  private readonly entries = new Map<string, Entry>();
  private bytes = 0;

  /** The key of a cacheable request, or null. */
  keyOf(req: Request): string | null {
    if (req.method !== "GET" && req.method !== "HEAD") return null;
    if (hasSessionCookie(req.headers.cookie) || req.originalUrl.length > 1000 || !CACHEABLE.test(req.path)) return null;
    const cookies = req.headers.cookie ?? "";
    const lng = LANGUAGE_COOKIE.exec(cookies)?.[1] ?? "";
    const home = HOME_COOKIE.exec(cookies)?.[1] ?? "";
    return `${requestOrigin(req)}|${lng}|${home}|${req.originalUrl}`;
  }

  get(key: string, now = Date.now()): Entry | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    if (!isFresh(entry, now)) {
      this.delete(key);
      return undefined;
    }
    // Most recently used last, so the oldest is dropped first when the cache is full.
    this.entries.delete(key);
    this.entries.set(key, entry);
    return entry;
  }

  set(key: string, entry: Entry) {
    this.delete(key);
    this.entries.set(key, entry);
    this.bytes += entry.body.length + entry.gzip.length;
    while (this.entries.size > MAX_ENTRIES || this.bytes > MAX_BYTES) {
      const oldest = this.entries.keys().next().value;
      if (oldest === undefined) break;
      this.delete(oldest);
    }
  }

  private delete(key: string) {
    const entry = this.entries.get(key);
    if (!entry) return;
    this.bytes -= entry.body.length + entry.gzip.length;
    this.entries.delete(key);
  }

  /** Serves a fresh entry for the request, if there is one. */
  middleware() {
    return (req: Request, res: Response, next: NextFunction) => {
      const key = this.keyOf(req);
      const entry = key ? this.get(key) : undefined;
      if (!key || !entry) {
        // Only a GET fills the cache: Remix answers a HEAD with no body.
        if (key && req.method === "GET") res.locals.pageCacheKey = key;
        return next();
      }
      for (const [name, value] of entry.headers) res.setHeader(name, value);
      res.setHeader("X-Page-Cache", "hit");
      const csp = res.getHeader("Content-Security-Policy");
      if (typeof csp === "string") res.setHeader("Content-Security-Policy", csp.replace(/ 'nonce-[^']*'/, entry.scriptHashes.map((h) => ` ${h}`).join("")));
      res.vary("Accept-Encoding");
      // Express's own conditional-request check (If-None-Match lists, weak tags) against the stored ETag.
      if (req.fresh) return void res.status(304).end();
      res.status(entry.status);
      PageCache.send(req, res, entry);
    };
  }

  /** Ends the response with the entry's body, the compressed copy when the client takes gzip. */
  static send(req: Request, res: Response, entry: Pick<Entry, "body" | "gzip">) {
    // Already compressed: the compression middleware leaves an answer with an encoding alone.
    if (negotiateEncoding(req.get("accept-encoding"), ["gzip"])) {
      res.setHeader("Content-Encoding", "gzip");
      res.setHeader("Content-Length", entry.gzip.length);
      return void res.end(entry.gzip);
    }
    res.setHeader("Content-Length", entry.body.length);
    res.end(entry.body);
  }

  /**
   * Keeps a Remix answer for the request the middleware marked, when it is a plain 200 text answer
   * that sets no cookie. Returns what was kept, to send with send() (the answer's stream is read
   * here, and compressed once for the entry and this response alike).
   */
  async store(res: Response, response: globalThis.Response, generation: number): Promise<Entry | null> {
    const key = res.locals.pageCacheKey as string | undefined;
    const type = response.headers.get("content-type") ?? "";
    if (!key || response.status !== 200 || response.headers.has("set-cookie") || !/^(text\/html|application\/json|text\/x-script)/.test(type)) return null;
    const body = Buffer.from(await response.arrayBuffer());
    const entry: Entry = {
      status: response.status,
      headers: [...response.headers.entries()].filter(([name]) => KEPT.has(name)),
      body,
      gzip: gzipSync(body),
      scriptHashes: type.startsWith("text/html") ? inlineScriptHashes(body.toString("utf8")) : [],
      generation,
      madeAt: Date.now(),
    };
    this.set(key, entry);
    return entry;
  }
}
