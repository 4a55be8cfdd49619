import path from "node:path";
import { pathToFileURL } from "node:url";
import compression from "compression";
import express from "express";
import { createRequestHandler } from "@remix-run/express";
import type { ServerBuild } from "@remix-run/node";
import { getEnv } from "../app/env.server.ts";
import { isPortFree } from "../search/launcher.ts";
import { bootServices } from "./boot.ts";
import { originCheck, securityHeaders } from "./security.ts";

async function main() {
  const env = getEnv();
  const host = env.HOST;
  if (!(await isPortFree(env.PORT, host))) {
    console.error(`Port ${env.PORT} is already in use. Stop what is using it, or start on another port: PORT=3001 npm start`);
    process.exit(1);
  }

  const services = await bootServices();
  const build = (await import(pathToFileURL(path.resolve("build", "index.js")).href)) as ServerBuild;

  const app = express();
  app.disable("x-powered-by");
  app.use(compression());
  app.use(securityHeaders(env.NODE_ENV === "production"));
  app.use(originCheck((env.TRUSTED_ORIGINS ?? "").split(",").map((o) => o.trim()).filter(Boolean)));
  app.use("/build", express.static("public/build", { immutable: true, maxAge: "1y" }));
  app.use(express.static("public", { maxAge: "1h" }));
  app.all("*", createRequestHandler({ build, mode: env.NODE_ENV, getLoadContext: (req, res) => ({ clientAddress: req.socket.remoteAddress ?? "unknown", cspNonce: res.locals.cspNonce as string }) }));

  const server = app.listen(env.PORT, host, () => {
    console.log(`site ready at http://localhost:${env.PORT}`);
  });

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`${signal}: stopping…`);
    server.close();
    server.closeAllConnections?.();
    await services.stop();
    process.exit(0);
  };
  process.on("SIGINT", () => void shutdown("SIGINT"));
  process.on("SIGTERM", () => void shutdown("SIGTERM"));
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
