/**
 * npm run bench:web [-- --lighthouse-runs 1 --no-lighthouse]
 * Builds if needed, starts the site on a free port over a fresh DATA_DIR (seeded demo data), opens every
 * public, seeker, employer and staff page in Debian Chromium and sums the JavaScript as transferred
 * (gzip; CDP body bytes of every script response until the network is idle), against the budget of
 * issue 9 (≤ 90 KiB public and seeker pages, ≤ 150 KiB employer and staff pages). Then Lighthouse
 * (mobile preset) on /, /search?q=修脚 and a job page. Prints both tables; writes bench/results/web-*.json.
 */
import { execFileSync, spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { chromium, type BrowserContext } from "@playwright/test";
import { DEMO_PASSWORD, demoLogin } from "../prisma/seed/demo-accounts.ts";
import { getFreePort } from "../search/launcher.ts";

const { values } = parseArgs({
  options: {
    "lighthouse-runs": { type: "string", default: "1" },
    "no-lighthouse": { type: "boolean", default: false },
    label: { type: "string", default: "" },
  },
});

const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const CHROME_FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"];
const PUBLIC_BUDGET = 90;
const SIGNED_IN_BUDGET = 150;
const GOALS = { performance: 95, tbtMs: 150, accessibility: 98 };

type Role = "public" | "seeker" | "employer" | "cityStaff";
interface PageRow { page: string; role: Role; budgetKiB: number; jsKiB: number; scripts: number; inlineKiB: number; status: number; pass: boolean }

function buildIfNeeded() {
  const built = fs.existsSync("build/index.js") ? fs.statSync("build/index.js").mtimeMs : 0;
  const newest = (dir: string): number =>
    fs.readdirSync(dir, { withFileTypes: true }).reduce((max, e) => {
      const p = path.join(dir, e.name);
      return Math.max(max, e.isDirectory() ? newest(p) : fs.statSync(p).mtimeMs);
    }, 0);
  if (built < newest("app")) {
    console.log("building (app/ is newer than build/)…");
    execFileSync("npx", ["remix", "build"], { stdio: "inherit" });
  }
}

async function startSite(dataDir: string) {
  const port = await getFreePort();
  const child = spawn(process.execPath, ["--import", "./server/production-mode.js", "--import", "tsx", "server/index.ts"], {
    env: { ...process.env, PORT: String(port), HOST: "127.0.0.1", DATA_DIR: dataDir, NODE_ENV: "production", MESSAGE_LOG_FILE: path.join(dataDir, "messages.jsonl") },
    stdio: ["ignore", "ignore", "inherit"],
  });
  const base = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 180_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}`);
    if (await fetch(`${base}/healthz`).then((r) => r.ok, () => false)) break;
    if (Date.now() > deadline) throw new Error("server did not answer /healthz within 180 s");
    await new Promise((r) => setTimeout(r, 200));
  }
  return { base, child };
}

/** One detail page per kind, from the public API (so the bench follows whatever the seed holds). */
async function detailPages(base: string): Promise<string[]> {
  const urls: string[] = [];
  for (const kind of ["job", "internship", "gig", "base", "course"]) {
    const body = (await (await fetch(`${base}/api/v1/search?kind=${kind}`)).json()) as { results: { url: string }[] };
    if (body.results[0]) urls.push(body.results[0].url);
  }
  return urls;
}

/** JavaScript bytes as transferred for one page load: body bytes of every Script response (CDP). */
async function measure(context: BrowserContext, url: string) {
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send("Network.enable");
  await cdp.send("Network.setCacheDisabled", { cacheDisabled: true });
  const scripts = new Map<string, { headers: number; total: number }>();
  cdp.on("Network.responseReceived", (e) => {
    if (e.type === "Script") scripts.set(e.requestId, { headers: e.response.encodedDataLength, total: 0 });
  });
  cdp.on("Network.loadingFinished", (e) => {
    const s = scripts.get(e.requestId);
    if (s) s.total = e.encodedDataLength;
  });
  const response = await page.goto(url, { waitUntil: "networkidle" });
  await page.waitForTimeout(300);
  const inline = await page.evaluate(() => [...document.querySelectorAll("script:not([src])")].reduce((n, s) => n + new TextEncoder().encode(s.textContent ?? "").length, 0));
  const bytes = [...scripts.values()].reduce((n, s) => n + Math.max(0, s.total - s.headers), 0);
  await page.close();
  return { status: response?.status() ?? 0, jsKiB: Math.round((bytes / 1024) * 10) / 10, scripts: scripts.size, inlineKiB: Math.round((inline / 1024) * 10) / 10 };
}

async function logIn(context: BrowserContext, base: string, key: "seeker" | "employer" | "cityStaff") {
  const page = await context.newPage();
  await page.goto(`${base}/login`);
  await page.getByLabel("手机号或邮箱").fill(demoLogin(key));
  await page.getByLabel("密码", { exact: true }).fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "登录", exact: true }).click();
  await page.waitForURL((u) => !u.pathname.startsWith("/login"));
  await page.close();
}

const PAGES: Record<Role, string[]> = {
  public: ["/", "/search", "/search?q=修脚", "/figures", "/login", "/signup"],
  seeker: ["/me", "/me/profile", "/me/applications", "/me/delete", "/notifications"],
  employer: ["/employer", "/employer/postings", "/employer/postings/new", "/employer/applicants", "/employer/organization"],
  cityStaff: ["/staff", "/staff/indicators", "/staff/postings", "/staff/organizations", "/staff/placements", "/staff/placements/new", "/staff/registers", "/staff/targets", "/staff/audit"],
};

async function lighthouseRuns(urls: string[], runs: number) {
  const { default: lighthouse } = await import("lighthouse");
  const chromeLauncher = await import("chrome-launcher");
  const results: { url: string; performance: number; tbtMs: number; accessibility: number; lcpMs: number; pass: boolean; runs: number[][] }[] = [];
  for (const url of urls) {
    const samples: number[][] = [];
    for (let i = 0; i < runs; i++) {
      const chrome = await chromeLauncher.launch({ chromePath: CHROMIUM, chromeFlags: ["--headless=new", ...CHROME_FLAGS] });
      try {
        const result = await lighthouse(url, { port: chrome.port, output: "json", logLevel: "error", onlyCategories: ["performance", "accessibility"] });
        const lhr = result!.lhr;
        samples.push([
          Math.round((lhr.categories.performance?.score ?? 0) * 100),
          Math.round(lhr.audits["total-blocking-time"]?.numericValue ?? 0),
          Math.round((lhr.categories.accessibility?.score ?? 0) * 100),
          Math.round(lhr.audits["largest-contentful-paint"]?.numericValue ?? 0),
        ]);
      } finally {
        await chrome.kill();
      }
    }
    const median = (k: number) => [...samples].map((s) => s[k]!).sort((a, b) => a - b)[Math.floor(samples.length / 2)]!;
    const row = { url, performance: median(0), tbtMs: median(1), accessibility: median(2), lcpMs: median(3), runs: samples, pass: false };
    row.pass = row.performance >= GOALS.performance && row.tbtMs <= GOALS.tbtMs && row.accessibility >= GOALS.accessibility;
    results.push(row);
  }
  return results;
}

async function main() {
  buildIfNeeded();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "jobs-bench-web-"));
  const { base, child } = await startSite(dataDir);
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROME_FLAGS });
  try {
    const details = await detailPages(base);
    const rows: PageRow[] = [];
    for (const role of Object.keys(PAGES) as Role[]) {
      const context = await browser.newContext({ viewport: { width: 393, height: 851 }, isMobile: true });
      if (role !== "public") await logIn(context, base, role);
      const urls = role === "public" ? [...PAGES.public.slice(0, 3), ...details, ...PAGES.public.slice(3)] : PAGES[role];
      for (const url of urls) {
        const m = await measure(context, base + encodeURI(url));
        const budgetKiB = role === "public" || role === "seeker" ? PUBLIC_BUDGET : SIGNED_IN_BUDGET;
        rows.push({ page: url, role, budgetKiB, ...m, pass: m.jsKiB <= budgetKiB && m.status < 400 });
      }
      await context.close();
    }
    console.log("\nJavaScript as transferred (gzip), per page:");
    console.table(rows.map((r) => ({ page: r.page, role: r.role, "JS KiB": r.jsKiB, budget: r.budgetKiB, scripts: r.scripts, "inline KiB (raw)": r.inlineKiB, status: r.status, pass: r.pass ? "yes" : "NO" })));

    const lighthouse = values["no-lighthouse"] ? [] : await lighthouseRuns([`${base}/`, `${base}/search?q=${encodeURIComponent("修脚")}`, base + details[0]!], Number(values["lighthouse-runs"]));
    if (lighthouse.length) {
      console.log(`\nLighthouse (mobile preset; goals: performance ≥ ${GOALS.performance}, TBT ≤ ${GOALS.tbtMs} ms, accessibility ≥ ${GOALS.accessibility}):`);
      console.table(lighthouse.map((r) => ({ url: r.url.replace(base, ""), performance: r.performance, "TBT ms": r.tbtMs, accessibility: r.accessibility, "LCP ms": r.lcpMs, pass: r.pass ? "yes" : "NO" })));
    }
    const result = {
      date: new Date().toISOString(),
      label: values.label,
      commit: execFileSync("git", ["rev-parse", "--short", "HEAD"], { encoding: "utf8" }).trim(),
      machine: { cpus: os.cpus().length },
      budgets: { publicAndSeekerKiB: PUBLIC_BUDGET, employerAndStaffKiB: SIGNED_IN_BUDGET, lighthouse: GOALS },
      pages: rows,
      lighthouse: lighthouse.map((r) => ({ ...r, url: r.url.replace(base, "") })),
      met: rows.every((r) => r.pass) && lighthouse.every((r) => r.pass),
    };
    fs.mkdirSync("bench/results", { recursive: true });
    const file = path.join("bench/results", `web-${Date.now()}.json`);
    fs.writeFileSync(file, JSON.stringify(result, null, 2));
    console.log(`\n${result.met ? "all budgets met" : "some budgets missed"}; written to ${file}`);
  } finally {
    await browser.close();
    const exited = new Promise((resolve) => child.once("exit", resolve));
    child.kill("SIGINT");
    await exited;
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
