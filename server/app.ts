import compression from "compression";
import express from "express";
import type { ServerBuild } from "@remix-run/node";
import { IMPORT_MAX_BYTES } from "../app/modules/placements/import.server.ts";
import { finalErrorHandler } from "./error-page.ts";
import type { PageCache } from "./page-cache.ts";
import { remixHandler } from "./remix-handler.ts";
import { buildAssets, publicFiles } from "./static-assets.ts";
import { bodyGuard, methodGuard, pathGuard } from "./requests.ts";
import { originCheck, securityHeaders } from "./security.ts";

export interface AppOptions {
  build: ServerBuild;
  mode: string;
  /** Express's `trust proxy` value (TRUST_PROXY parsed): false, a hop count, or addresses/CIDRs. */
  trustProxy: false | number | string[];
  trustedOrigins: string[];
  /** Public answers kept in memory (server/page-cache.ts); off when not given. */
  pageCache?: PageCache;
}

export const FORM_LIMIT = 1024 * 1024;
// The import page's own check (IMPORT_MAX_BYTES, a field message) must see every file it would take,
// so the body may exceed it by the other fields and the multipart framing.
export const UPLOAD_LIMIT = IMPORT_MAX_BYTES + 256 * 1024;
export const UPLOAD_PATHS = ["/staff/placements/import"];

/** The whole site as an Express app: what `npm start` serves and what the server tests start on a free port. */
export function createApp(options: AppOptions) {
  const app = express();
  app.disable("x-powered-by");
  app.set("trust proxy", options.trustProxy);
  app.use(compression());
  app.use(securityHeaders(options.mode === "production"));
  app.use(methodGuard());
  app.use(pathGuard());
  app.use(originCheck(options.trustedOrigins));
  app.use("/build", buildAssets("public/build"));
  app.use(publicFiles("public", { maxAge: "1h" }));
  app.use(bodyGuard({ form: FORM_LIMIT, upload: UPLOAD_LIMIT, uploadPaths: UPLOAD_PATHS }));
  if (options.pageCache) app.use(options.pageCache.middleware());
  app.all(
    "*",
    remixHandler(
      options.build,
      options.mode,
      (req, res) => ({ clientAddress: req.ip ?? req.socket.remoteAddress ?? "unknown", cspNonce: res.locals.cspNonce as string }),
      options.pageCache,
    ),
  );
  app.use(finalErrorHandler());
  return app;
}
