import type { NextFunction, Request, Response } from "express";
import { searchGeneration } from "../search/freshness.ts";
import { requestOrigin } from "./security.ts";

/**
 * Public answers kept in memory and served without running Remix: the pages and API answers
 * everyone opens (home, search, detail pages, their .data requests and /api/v1). An entry is good
 * while the search generation it was made at is current — the search sync moves it on when
 * Meilisearch confirms a change, so an approved, edited or closed post shows at once — and for
 * MAX_AGE_MS at most (time alone changes what is open, e.g. a gig whose day has passed). Never for a
 * request with a session cookie, never an answer that sets a cookie: signed-in visitors always get
 * their own page.
 */
const MAX_AGE_MS = 30_000;
const MAX_ENTRIES = 2_000;
const MAX_BYTES = 64 * 1024 * 1024;
const CACHEABLE = /^\/(?:_index|search|job\/\d+|internship\/\d+|gig\/\d+|base\/\d+|course\/\d+)?(?:\.data)?$|^\/api\/v1\/(?:search|(?:job|internship|gig|base|course)\/\d+)$/;
const SESSION_COOKIE = /(?:^|;\s*)__session=/;
// Headers the answer is stored with; the security headers (and the CSP's fresh nonce) come from
// the middleware in front for every response.
const KEPT = new Set(["content-type", "cache-control", "etag", "vary", "last-modified", "x-remix-response"]);

interface Entry {
  status: number;
  headers: [string, string][];
  body: string;
  /** The nonce the page was rendered with: swapped for this response's own on every hit. */
  nonce: string | null;
  generation: number;
  madeAt: number;
}

export class PageCache {
  private readonly entries = new Map<string, Entry>();
  private bytes = 0;
  hits = 0;
  misses = 0;

  /** The key of a cacheable request, or null. */
  keyOf(req: Request): string | null {
    if (req.method !== "GET" && req.method !== "HEAD") return null;
    if (SESSION_COOKIE.test(req.headers.cookie ?? "") || req.originalUrl.length > 1000 || !CACHEABLE.test(req.path)) return null;
    const lng = /(?:^|;\s*)lng=([^;]*)/.exec(req.headers.cookie ?? "")?.[1] ?? "";
    return `${requestOrigin(req)}|${lng}|${req.originalUrl}`;
  }

  get(key: string, now = Date.now()): Entry | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    if (entry.generation !== searchGeneration() || now - entry.madeAt > MAX_AGE_MS) {
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
    this.bytes += entry.body.length * 2;
    while (this.entries.size > MAX_ENTRIES || this.bytes > MAX_BYTES) {
      const oldest = this.entries.keys().next().value;
      if (oldest === undefined) break;
      this.delete(oldest);
    }
  }

  private delete(key: string) {
    const entry = this.entries.get(key);
    if (!entry) return;
    this.bytes -= entry.body.length * 2;
    this.entries.delete(key);
  }

  /** Serves a fresh entry for the request, if there is one. */
  middleware() {
    return (req: Request, res: Response, next: NextFunction) => {
      const key = this.keyOf(req);
      const entry = key ? this.get(key) : undefined;
      if (!key || !entry) {
        if (key) res.locals.pageCacheKey = key;
        this.misses += key ? 1 : 0;
        return next();
      }
      this.hits++;
      for (const [name, value] of entry.headers) res.setHeader(name, value);
      const etag = entry.headers.find(([name]) => name === "etag")?.[1];
      if (etag && req.get("if-none-match") === etag) return void res.status(304).end();
      const nonce = res.locals.cspNonce as string;
      res.setHeader("X-Page-Cache", "hit");
      res.status(entry.status).end(entry.nonce ? entry.body.replaceAll(entry.nonce, nonce) : entry.body);
    };
  }

  /**
   * Keeps a Remix answer for the request the middleware marked, when it is a plain 200 text answer
   * that sets no cookie. Returns the body to send (the answer's stream is read here).
   */
  async store(res: Response, response: globalThis.Response, nonce: string, generation: number): Promise<string | null> {
    const key = res.locals.pageCacheKey as string | undefined;
    const type = response.headers.get("content-type") ?? "";
    if (!key || response.status !== 200 || response.headers.has("set-cookie") || !/^(text\/html|application\/json|text\/x-script)/.test(type)) return null;
    const body = await response.text();
    this.set(key, {
      status: response.status,
      headers: [...response.headers.entries()].filter(([name]) => KEPT.has(name)),
      body,
      nonce: body.includes(nonce) ? nonce : null,
      generation,
      madeAt: Date.now(),
    });
    return body;
  }
}
