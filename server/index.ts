import path from "node:path";
import { pathToFileURL } from "node:url";
import type { ServerBuild } from "@remix-run/node";
import { getEnv } from "../app/env.server.ts";
import { isPortFree } from "../search/launcher.ts";
import { createApp } from "./app.ts";
import { PageCache } from "./page-cache.ts";
import { bootServices } from "./boot.ts";

async function main() {
  const env = getEnv();
  const host = env.HOST;
  if (!(await isPortFree(env.PORT, host))) {
    console.error(`Port ${env.PORT} is already in use. Stop what is using it, or start on another port: PORT=3001 npm start`);
    process.exit(1);
  }

  const services = await bootServices();
  const build = (await import(pathToFileURL(path.resolve("build", "index.js")).href)) as ServerBuild;

  const trustedOrigins = (env.TRUSTED_ORIGINS ?? "").split(",").map((o) => o.trim()).filter(Boolean);
  const pageCache = env.PAGE_CACHE === "true" ? new PageCache() : undefined;
  const app = createApp({ build, mode: env.NODE_ENV, trustProxy: env.TRUST_PROXY, trustedOrigins, pageCache });

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
