import fs from "node:fs";
import path from "node:path";
import express, { type NextFunction, type Request, type Response } from "express";
import { negotiateEncoding } from "./encoding.ts";

/**
 * The build's hashed assets, served from the copies `npm run build` compressed once at the highest
 * settings (scripts/precompress.ts): brotli when the browser takes it, else gzip, else the file.
 * Which copies exist is read once at start, so a request costs no stat() for a copy that is not there.
 */
export function buildAssets(dir: string) {
  const serve = express.static(dir, { immutable: true, maxAge: "1y" });
  const copies = new Set<string>();
  if (fs.existsSync(dir)) {
    for (const entry of fs.readdirSync(dir, { recursive: true, withFileTypes: true })) {
      if (entry.isFile() && /\.(?:br|gz)$/.test(entry.name)) copies.add(`/${path.relative(dir, path.join(entry.parentPath, entry.name)).split(path.sep).join("/")}`);
    }
  }
  const types: Record<string, string> = { ".js": "text/javascript; charset=utf-8", ".css": "text/css; charset=utf-8" };
  const suffix: Record<string, string> = { br: ".br", gzip: ".gz" };
  return (req: Request, res: Response, next: NextFunction) => {
    const type = types[path.extname(req.path)];
    if (!type) return serve(req, res, next);
    res.vary("Accept-Encoding");
    const offered = ["br", "gzip"].filter((coding) => copies.has(`${req.path}${suffix[coding]}`));
    const coding = negotiateEncoding(req.get("accept-encoding"), offered);
    if (!coding) return serve(req, res, next);
    // The copy, with the original's type; the compression middleware leaves an encoded answer alone.
    res.setHeader("Content-Type", type);
    res.setHeader("Content-Encoding", coding);
    const url = req.url;
    req.url = `${req.path}${suffix[coding]}`;
    serve(req, res, () => {
      // The copy is gone (a rebuild while running): the file itself, as it is, or not found.
      res.removeHeader("Content-Encoding");
      res.removeHeader("Content-Type");
      req.url = url;
      serve(req, res, next);
    });
  };
}

/**
 * The files at the top of public/ (favicon.ico, robots.txt…), served as they are. Only a request for
 * one of them reaches the static server: otherwise every page would first cost a failed stat().
 */
export function publicFiles(dir: string, options: Parameters<typeof express.static>[1]) {
  const serve = express.static(dir, options);
  const names = new Set(fs.readdirSync(dir, { withFileTypes: true }).filter((e) => e.isFile()).map((e) => `/${e.name}`));
  return (req: Request, res: Response, next: NextFunction) => (names.has(req.path) ? serve(req, res, next) : next());
}
