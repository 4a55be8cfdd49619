import { execFileSync } from "node:child_process";
import fs from "node:fs";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { pathToFileURL } from "node:url";
import type { ServerBuild } from "@remix-run/node";
import { createApp, type AppOptions } from "../../server/app.ts";

export interface RunningApp {
  /** http://127.0.0.1:PORT */
  url: string;
  port: number;
  close(): Promise<void>;
}

/**
 * The real Express app (server/app.ts) over the Remix build, on a free loopback port. The database
 * and search service are whatever the test set (openSeededDatabase / createTestServices): the build
 * shares them through globalThis.
 */
export async function startApp(options: Partial<Omit<AppOptions, "build">> = {}): Promise<RunningApp> {
  if (!fs.existsSync("build/index.js")) execFileSync("npx", ["remix", "build"], { stdio: "ignore" });
  const build = (await import(pathToFileURL(path.resolve("build", "index.js")).href)) as ServerBuild;
  const app = createApp({ build, mode: "production", trustProxy: false, trustedOrigins: [], ...options });
  const server = app.listen(0, "127.0.0.1");
  await new Promise((resolve) => server.once("listening", resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
