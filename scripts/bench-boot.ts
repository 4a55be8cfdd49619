/**
 * npm run bench:boot — time from `node server/index.ts` to a served /healthz, on a first start
 * (migrate, seed, index) and on a second start over the same DATA_DIR. Goal: second start ≤ 10 s.
 */
import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { getFreePort } from "../search/launcher.ts";

async function timeStart(dataDir: string): Promise<number> {
  const port = await getFreePort();
  const started = performance.now();
  const child = spawn(process.execPath, ["--import", "tsx", "server/index.ts"], {
    env: { ...process.env, PORT: String(port), HOST: "127.0.0.1", DATA_DIR: dataDir },
    stdio: "ignore",
  });
  try {
    for (;;) {
      if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}`);
      const ok = await fetch(`http://127.0.0.1:${port}/healthz`).then((r) => r.ok, () => false);
      if (ok) return (performance.now() - started) / 1000;
      await new Promise((r) => setTimeout(r, 50));
    }
  } finally {
    const exited = new Promise((resolve) => child.once("exit", resolve));
    child.kill("SIGINT");
    await exited;
  }
}

async function main() {
  if (!fs.existsSync("build/index.js")) throw new Error("run `npx remix build` first");
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "jobs-bench-boot-"));
  const first = await timeStart(dataDir);
  const second = [await timeStart(dataDir), await timeStart(dataDir), await timeStart(dataDir)];
  const result = {
    date: new Date().toISOString(),
    machine: { cpus: os.cpus().length },
    firstStartSeconds: Math.round(first * 100) / 100,
    secondStartSeconds: second.map((s) => Math.round(s * 100) / 100),
    goalSecondStartSeconds: 10,
    met: Math.max(...second) <= 10,
  };
  fs.mkdirSync("bench/results", { recursive: true });
  const file = path.join("bench/results", `boot-${Date.now()}.json`);
  fs.writeFileSync(file, JSON.stringify(result, null, 2));
  console.table({ "first start (migrate, seed, index)": { seconds: result.firstStartSeconds }, ...Object.fromEntries(second.map((s, i) => [`second start #${i + 1}`, { seconds: result.secondStartSeconds[i] }])) });
  console.log(`second start ${result.met ? "meets" : "misses"} the 10 s goal; written to ${file}`);
  fs.rmSync(dataDir, { recursive: true, force: true });
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
