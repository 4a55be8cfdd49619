import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { defineConfig, devices } from "@playwright/test";

// Playwright loads this file in the runner and again in every worker: the port and data folder
// are chosen once (a free loopback port, a fresh temp folder, so every run seeds and indexes from
// scratch) and handed to the workers through the environment.
if (!process.env.E2E_PORT) {
  const freePort = `const s = require("node:net").createServer().listen(0, "127.0.0.1", () => { process.stdout.write(String(s.address().port)); s.close(); });`;
  process.env.E2E_PORT = execFileSync(process.execPath, ["-e", freePort], { encoding: "utf8" }).trim();
}
// The SMTP server the app mails to (started by the global setup; the app connects only when it sends).
if (!process.env.E2E_SMTP_PORT) {
  const freePort = `const s = require("node:net").createServer().listen(0, "127.0.0.1", () => { process.stdout.write(String(s.address().port)); s.close(); });`;
  process.env.E2E_SMTP_PORT = execFileSync(process.execPath, ["-e", freePort], { encoding: "utf8" }).trim();
}
if (!process.env.E2E_DATA_DIR) {
  process.env.E2E_DATA_DIR = fs.mkdtempSync(path.join(os.tmpdir(), "jobs-e2e-"));
  process.env.E2E_DATA_DIR_TEMP = "1"; // removed by the global teardown
}
const port = Number(process.env.E2E_PORT);
const dataDir = process.env.E2E_DATA_DIR;
const executablePath = process.env.CHROMIUM_PATH ?? (fs.existsSync("/usr/bin/chromium") ? "/usr/bin/chromium" : undefined);

export default defineConfig({
  testDir: "tests/e2e",
  globalSetup: "./tests/e2e/global-setup.ts",
  globalTeardown: "./tests/e2e/global-teardown.ts",
  timeout: 30_000,
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: [["list"]],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    trace: "retain-on-failure",
    launchOptions: {
      executablePath,
      args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"],
    },
  },
  projects: [
    { name: "mobile", use: { ...devices["Pixel 5"], browserName: "chromium" } },
  ],
  webServer: {
    command: "node --import ./server/production-mode.js --import tsx server/index.ts",
    url: `http://127.0.0.1:${port}/healthz`,
    timeout: 120_000,
    reuseExistingServer: false,
    stdout: "pipe",
    env: {
      PORT: String(port),
      HOST: "127.0.0.1",
      DATA_DIR: dataDir,
      NODE_ENV: "production",
      // Mail goes to a real local SMTP server (tests/e2e/global-setup.ts); SMS to the log sender's file.
      SMTP_URL: `smtp://127.0.0.1:${process.env.E2E_SMTP_PORT}`,
      MESSAGE_LOG_FILE: path.join(dataDir, "messages.jsonl"),
      // Saved searches are checked every two seconds, so an "at once" alert arrives while a test waits.
      ALERT_PASS_MS: "2000",
      // The browser sits behind no proxy, but sign-ups say which address they come from (fixtures.ts).
      TRUST_PROXY: "loopback",
    },
  },
});
