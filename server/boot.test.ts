import { spawn, execFileSync, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { searchKeyUid } from "../search/keys.ts";
import { getFreePort, isPortFree, startMeili } from "../search/launcher.ts";

/** The real `npm start` path: node server/index.ts against the Remix build, in a temp DATA_DIR. */
interface Started {
  child: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
}

function startServer(env: Record<string, string>): Started {
  let output = "";
  const child = spawn(process.execPath, ["--import", "tsx", "server/index.ts"], {
    env: { ...process.env, NODE_ENV: "production", HOST: "127.0.0.1", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stdout!.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  return { child, output: () => output, exited };
}

async function waitForText(server: Started, text: string | RegExp, timeoutMs = 90_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const out = server.output();
    if (typeof text === "string" ? out.includes(text) : text.test(out)) return;
    if (server.child.exitCode !== null) throw new Error(`server exited early:\n${out}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`timed out waiting for ${String(text)}:\n${server.output()}`);
}

function processesUsing(dir: string): string[] {
  try {
    return execFileSync("pgrep", ["-af", dir]).toString().trim().split("\n").filter(Boolean);
  } catch {
    return []; // pgrep exits 1 when nothing matches
  }
}

describe("npm start: embedded services", () => {
  let dataDir: string;
  beforeAll(() => {
    if (!fs.existsSync("build/index.js")) execFileSync("npx", ["remix", "build"], { stdio: "ignore" });
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "jobs-boot-"));
  });
  afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

  it("first start migrates, seeds, starts Meilisearch and builds the index; Ctrl-C leaves no process behind", async () => {
    const port = await getFreePort();
    const server = startServer({ PORT: String(port), DATA_DIR: dataDir });
    await waitForText(server, "site ready");
    expect(server.output()).toMatch(/demo data loaded/);
    expect(server.output()).toMatch(/search index "opportunities" rebuilt/);
    expect(fs.existsSync(path.join(dataDir, "app.db"))).toBe(true);
    expect(fs.existsSync(path.join(dataDir, "meili-master-key"))).toBe(true);
    const res = await fetch(`http://127.0.0.1:${port}/api/v1/search?q=xjs`);
    const body = (await res.json()) as { source: string; total: number };
    expect(body).toMatchObject({ source: "search" });
    expect(body.total).toBeGreaterThan(0);
    expect(processesUsing(dataDir).some((p) => p.includes("meilisearch"))).toBe(true);
    // What any local user sees in `ps`: the embedded server in production mode, its key nowhere.
    const masterKey = fs.readFileSync(path.join(dataDir, "meili-master-key"), "utf8").trim();
    const meiliLine = processesUsing(dataDir).find((p) => p.includes("meilisearch"))!;
    expect(meiliLine).toContain("--env production");
    expect(processesUsing(dataDir).filter((p) => p.includes(masterKey))).toEqual([]);

    server.child.kill("SIGINT");
    expect(await server.exited).toBe(0);
    expect(processesUsing(dataDir)).toEqual([]);
    expect(await isPortFree(port)).toBe(true);
  });

  it("a second start reuses the database, the key and the index", async () => {
    const port = await getFreePort();
    const key = fs.readFileSync(path.join(dataDir, "meili-master-key"), "utf8");
    const server = startServer({ PORT: String(port), DATA_DIR: dataDir });
    await waitForText(server, "site ready");
    expect(server.output()).not.toMatch(/demo data/);
    expect(server.output()).toMatch(/search index "opportunities" ready \(\d+ documents\)/);
    expect(fs.readFileSync(path.join(dataDir, "meili-master-key"), "utf8")).toBe(key);
    expect((await fetch(`http://127.0.0.1:${port}/healthz`)).status).toBe(200);
    server.child.kill("SIGTERM");
    expect(await server.exited).toBe(0);
    expect(processesUsing(dataDir)).toEqual([]);
  });

  it("says what to do when the port is taken", async () => {
    const blocker = net.createServer();
    const port = await getFreePort();
    await new Promise<void>((resolve) => blocker.listen(port, "127.0.0.1", resolve));
    const server = startServer({ PORT: String(port), DATA_DIR: dataDir });
    expect(await server.exited).toBe(1);
    expect(server.output()).toContain(`Port ${port} is already in use`);
    expect(server.output()).toContain("PORT=");
    blocker.close();
  });

  it("says what to do when no Meilisearch can be found", async () => {
    const server = startServer({ PORT: String(await getFreePort()), DATA_DIR: dataDir, MEILI_BIN: "/nonexistent/meilisearch" });
    expect(await server.exited).toBe(1);
    expect(server.output()).toContain("MEILI_BIN points to /nonexistent/meilisearch");
  });

  it("uses an external server given MEILI_URL and MEILI_MASTER_KEY", async () => {
    const meiliDir = fs.mkdtempSync(path.join(os.tmpdir(), "jobs-boot-meili-"));
    const meili = await startMeili({ dataDir: meiliDir, masterKey: "external-key-0123456789abcdef" });
    const port = await getFreePort();
    const server = startServer({ PORT: String(port), DATA_DIR: dataDir, MEILI_URL: meili.url, MEILI_MASTER_KEY: meili.masterKey });
    await waitForText(server, "site ready");
    expect(server.output()).not.toMatch(/meilisearch started/);
    const stats = await fetch(`${meili.url}/indexes/opportunities/stats`, { headers: { Authorization: `Bearer ${meili.masterKey}` } });
    expect(((await stats.json()) as { numberOfDocuments: number }).numberOfDocuments).toBeGreaterThan(5000);
    // The site made its search-only key there too, and its searches answer from Meilisearch.
    const key = await fetch(`${meili.url}/keys/${searchKeyUid("opportunities")}`, { headers: { Authorization: `Bearer ${meili.masterKey}` } });
    expect(await key.json()).toMatchObject({ actions: ["search"], indexes: ["opportunities"] });
    const found = (await (await fetch(`http://127.0.0.1:${port}/api/v1/search?q=xjs`)).json()) as { source: string; total: number };
    expect(found.source).toBe("search");
    expect(found.total).toBeGreaterThan(0);
    server.child.kill("SIGINT");
    await server.exited;
    await meili.stop();
    fs.rmSync(meiliDir, { recursive: true, force: true });
  });
});
