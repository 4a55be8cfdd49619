import type { NextFunction, Request, Response } from "express";
import { sendErrorPage } from "./error-page.ts";

/** The site's pages take GET and POST (forms); HEAD comes with GET. Anything else is refused before the app. */
export const ALLOWED_METHODS = "GET, HEAD, POST";

export function methodGuard() {
  return (req: Request, res: Response, next: NextFunction) => {
    if (req.method === "GET" || req.method === "HEAD" || req.method === "POST") return next();
    if (req.method === "OPTIONS") return void res.status(204).setHeader("Allow", ALLOWED_METHODS).end();
    void sendErrorPage(req, res, 405, { headers: { Allow: ALLOWED_METHODS } });
  };
}

/** "/%ff" cannot be decoded: a 400 here instead of an exception in the static files or the router. */
export function pathGuard() {
  return (req: Request, res: Response, next: NextFunction) => {
    try {
      decodeURIComponent(req.path);
    } catch {
      return void sendErrorPage(req, res, 400, { message: "badPath" });
    }
    next();
  };
}

export interface BodyLimits {
  /** Bytes for an ordinary form. */
  form: number;
  /** Bytes for a request to one of `uploadPaths` (file uploads). */
  upload: number;
  uploadPaths: string[];
}

const mb = (bytes: number) => `${Math.round((bytes / 1024 / 1024) * 10) / 10} MB`;
// RFC 2046: 1–70 characters from a small set, not ending in a space.
const BOUNDARY = /^[0-9A-Za-z'()+_,\-./:=? ]{0,69}[0-9A-Za-z'()+_,\-./:=?]$/;

function boundaryOf(contentType: string): string | null {
  const match = /;\s*boundary=(?:"([^"]*)"|([^;\s]*))/i.exec(contentType);
  const value = match?.[1] ?? match?.[2] ?? "";
  return BOUNDARY.test(value) ? value : null;
}

// Buffer.concat allocates a plain ArrayBuffer; the DOM types only want that spelled out.
export const asBody = (buffer: Buffer) => buffer as unknown as Uint8Array<ArrayBuffer>;

/** Reads at most `limit` bytes; past that it stops keeping data and says so (the rest is drained, not stored). */
function readBody(req: Request, limit: number): Promise<Buffer | "too large"> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let settled = false;
    req.on("data", (chunk: Buffer) => {
      if (settled) return;
      size += chunk.length;
      if (size > limit) {
        settled = true;
        chunks.length = 0;
        resolve("too large");
      } else chunks.push(chunk);
    });
    req.on("end", () => !settled && ((settled = true), resolve(Buffer.concat(chunks))));
    req.on("error", (error) => !settled && ((settled = true), reject(error)));
  });
}

/**
 * Every POST body, for every route, before the app sees it: only the two encodings HTML forms send
 * (415 otherwise), at most the route's size (413, decided from Content-Length before reading when it
 * is given), and a multipart body must parse (400) — so no action's request.formData() can throw on
 * what a client sent. The checked body is handed to the Remix handler in res.locals.body.
 */
export function bodyGuard(limits: BodyLimits) {
  return async (req: Request, res: Response, next: NextFunction) => {
    if (req.method !== "POST") return next();
    const contentType = req.get("content-type") ?? "";
    const mediaType = contentType.split(";")[0]!.trim().toLowerCase();
    const multipart = mediaType === "multipart/form-data";
    if (!multipart && mediaType !== "application/x-www-form-urlencoded") return void sendErrorPage(req, res, 415);
    if (multipart && !boundaryOf(contentType)) return void sendErrorPage(req, res, 400);

    const page = req.path.replace(/\.data$/, "");
    const limit = limits.uploadPaths.includes(page) ? limits.upload : limits.form;
    const tooLarge = () => sendErrorPage(req, res, 413, { values: { limit: mb(limits.form), upload: mb(limits.upload) }, headers: { Connection: "close" } });
    const declared = Number(req.get("content-length"));
    if (Number.isFinite(declared) && declared > limit) return void tooLarge();
    try {
      const body = await readBody(req, limit);
      if (body === "too large") return void tooLarge();
      if (multipart) await new Response(asBody(body), { headers: { "Content-Type": contentType } }).formData();
      res.locals.body = body;
    } catch {
      return void sendErrorPage(req, res, 400);
    }
    next();
  };
}
