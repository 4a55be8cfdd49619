/**
 * What a client can send that no form sends: other encodings, no or broken multipart boundaries,
 * other methods, bodies far too large, undecodable paths. Sent to every route that has an action,
 * through the real Express app over the Remix build; each gets its 4xx page, never a 500.
 */
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import http from "node:http";
import path from "node:path";
import { pathToFileURL } from "node:url";
import type { AddressInfo } from "node:net";
import type { ServerBuild } from "@remix-run/node";
import express from "express";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startApp, type RunningApp } from "../tests/setup/app-server.ts";
import { finalErrorHandler } from "./error-page.ts";
import { openSeededDatabase } from "../tests/setup/test-env.ts";

const ROUTES_DIR = path.resolve("app", "routes");
const HAS_ACTION = /export\s+(async\s+)?function\s+action\b|export\s+const\s+action\b|export\s*\{[^}]*\baction\b[^}]*\}/;

/** Route files that export an action, read from app/routes as the access matrix reads them. */
const actionFiles = () =>
  fs
    .readdirSync(ROUTES_DIR)
    .filter((f) => /\.tsx?$/.test(f) && !/\.test\.tsx?$/.test(f))
    .filter((f) => HAS_ACTION.test(fs.readFileSync(path.join(ROUTES_DIR, f), "utf8")))
    .sort();

/** A URL the build's router sends to that route: its path and its parents', params filled in. */
function urlOf(build: ServerBuild, id: string): string {
  const parts: string[] = [];
  for (let route = build.routes[id]; route; route = route.parentId ? build.routes[route.parentId] : undefined) if (route.path) parts.unshift(route.path);
  return `/${parts.join("/")}`.replace(/:(\w+)\??/g, "1").replace(/\*$/, "x").replace(/\/+/g, "/");
}

const BIG = 20 * 1024 * 1024;

/** node:http, because fetch refuses methods such as TRACE. */
function raw(base: string, method: string, url: string, headers: Record<string, string> = {}) {
  return new Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }>((resolve, reject) => {
    const req = http.request(`${base}${url}`, { method, headers }, (res) => {
      let body = "";
      res.setEncoding("utf8");
      res.on("data", (chunk: string) => (body += chunk));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on("error", reject);
    req.end();
  });
}

describe("malformed requests to every form route (real Express app)", () => {
  let app: RunningApp;
  let build: ServerBuild;
  let cleanup: () => Promise<void>;
  let routes: { file: string; url: string }[];
  beforeAll(async () => {
    ({ cleanup } = openSeededDatabase());
    if (!fs.existsSync("build/index.js")) execFileSync("npx", ["remix", "build"], { stdio: "ignore" });
    build = (await import(pathToFileURL(path.resolve("build", "index.js")).href)) as ServerBuild;
    app = await startApp();
    routes = actionFiles().map((file) => ({ file, url: urlOf(build, `routes/${file.replace(/\.tsx?$/, "")}`) }));
  });
  afterAll(async () => {
    await app.close();
    await cleanup();
  });

  const send = (url: string, init: { method?: string; type?: string | null; body?: string; headers?: Record<string, string> }) => {
    const headers: Record<string, string> = { Origin: app.url, ...init.headers };
    if (init.type) headers["Content-Type"] = init.type;
    // A Blob body has no type of its own, so "no Content-Type" really sends none.
    const body = init.body === undefined ? undefined : new Blob([init.body]);
    return fetch(`${app.url}${url}`, { method: init.method ?? "POST", headers, body, redirect: "manual" });
  };

  it("finds every route with an action in the build", () => {
    expect(routes.length).toBeGreaterThan(20);
    const missing = routes.filter((r) => typeof build.routes[`routes/${r.file.replace(/\.tsx?$/, "")}`]?.module.action !== "function");
    expect(missing.map((r) => r.file), "route files with an action that the build does not route (rebuild: npx remix build)").toEqual([]);
  });

  const MALFORMED: [string, { method?: string; type?: string | null; body?: string }, number][] = [
    ["a JSON body", { type: "application/json", body: '{"identifier":"x"}' }, 415],
    ["a text/plain body", { type: "text/plain", body: "identifier=x" }, 415],
    ["an octet-stream body", { type: "application/octet-stream", body: "\u0000\u0001\u0002" }, 415],
    ["no Content-Type", { type: null, body: "identifier=x" }, 415],
    ["multipart without a boundary", { type: "multipart/form-data", body: "--x\r\n\r\n--x--\r\n" }, 400],
    ["multipart with a broken boundary", { type: "multipart/form-data; boundary=abc", body: '--xyz\r\nContent-Disposition: form-data; name="a"\r\n\r\n1\r\n--xyz--\r\n' }, 400],
    ["multipart cut off", { type: "multipart/form-data; boundary=abc", body: '--abc\r\nContent-Disposition: form-data; name="a"\r\n\r\n1' }, 400],
    ["PUT", { method: "PUT", type: "application/x-www-form-urlencoded", body: "a=1" }, 405],
    ["PATCH", { method: "PATCH", type: "application/x-www-form-urlencoded", body: "a=1" }, 405],
    ["DELETE", { method: "DELETE" }, 405],
  ];

  it.each(MALFORMED)("answers %s with its 4xx page, linking back to the form, on every route", async (_label, init, status) => {
    const wrong: string[] = [];
    for (const { file, url } of routes) {
      for (const target of [url, `${url}.data`]) {
        const res = await send(target, init);
        const body = await res.text();
        const allow = res.headers.get("allow");
        if (res.status !== status) wrong.push(`${file} ${target}: ${res.status} ${body.slice(0, 120)}`);
        else if (status === 405 && allow !== "GET, HEAD, POST") wrong.push(`${file}: Allow ${allow}`);
        else if (status !== 405 && !body.includes(`href="${url}"`)) wrong.push(`${file}: no link back to ${url}`);
        else if (!body.includes("无法处理这个请求")) wrong.push(`${file}: not the Chinese page`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it("still lets a well-formed form through to every action", async () => {
    const refused: string[] = [];
    for (const { file, url } of routes) {
      const res = await send(url, { type: "application/x-www-form-urlencoded", body: "intent=x" });
      if (res.status >= 500 || [400, 405, 413, 415].includes(res.status)) refused.push(`${file}: ${res.status}`);
      const multipart = new FormData();
      multipart.set("intent", "x");
      const res2 = await fetch(`${app.url}${url}`, { method: "POST", headers: { Origin: app.url }, body: multipart, redirect: "manual" });
      if (res2.status >= 500 || [400, 405, 413, 415].includes(res2.status)) refused.push(`${file} (multipart): ${res2.status}`);
    }
    expect(refused).toEqual([]);
  });

  it("speaks the visitor's language (the lng cookie) on these pages", async () => {
    const lng = `lng=${Buffer.from(JSON.stringify("en")).toString("base64")}`;
    const res = await send("/login", { type: "application/json", body: "{}", headers: { Cookie: lng } });
    expect(res.status).toBe(415);
    const body = await res.text();
    expect(body).toContain('<html lang="en">');
    expect(body).toContain("Back to the form");
  });

  it("refuses 20 MB bodies with 413 before reading them, forms over 1 MB and uploads over 5 MB", async () => {
    for (const url of ["/login", "/me/profile", "/staff/placements/new"]) {
      const started = Date.now();
      const form = await send(url, { type: "application/x-www-form-urlencoded", body: `a=${"x".repeat(BIG)}` });
      expect(form.status, url).toBe(413);
      expect(await form.text()).toContain("1 MB");
      const multipart = new FormData();
      multipart.set("file", new Blob([Buffer.alloc(BIG)]), "big.csv");
      const upload = await fetch(`${app.url}${url}`, { method: "POST", headers: { Origin: app.url }, body: multipart });
      expect(upload.status, url).toBe(413);
      expect(Date.now() - started, url).toBeLessThan(3_000);
    }
    expect((await send("/login", { type: "application/x-www-form-urlencoded", body: `a=${"x".repeat(1024 * 1024 + 10)}` })).status).toBe(413);
    const justUnder = new FormData();
    justUnder.set("file", new Blob([Buffer.alloc(5 * 1024 * 1024)]), "ok.csv");
    expect((await fetch(`${app.url}/staff/placements/import`, { method: "POST", headers: { Origin: app.url }, body: justUnder, redirect: "manual" })).status).not.toBe(413);
    const over = new FormData();
    over.set("file", new Blob([Buffer.alloc(6 * 1024 * 1024)]), "big.csv");
    expect((await fetch(`${app.url}/staff/placements/import`, { method: "POST", headers: { Origin: app.url }, body: over })).status).toBe(413);
  });

  it("counts a body sent without Content-Length (chunked) and stops at the limit", async () => {
    const chunks = new ReadableStream<Uint8Array>({
      start(controller) {
        for (let i = 0; i < 20; i++) controller.enqueue(new Uint8Array(1024 * 1024).fill(0x61));
        controller.close();
      },
    });
    const res = await fetch(`${app.url}/login`, { method: "POST", headers: { Origin: app.url, "Content-Type": "application/x-www-form-urlencoded" }, body: chunks, duplex: "half" } as RequestInit);
    expect(res.status).toBe(413);
  });

  it("answers odd methods and undecodable paths with a plain page: no stack, no file paths", async () => {
    const checks: [string, string, number][] = [
      ["TRACE", "/", 405],
      ["PROPFIND", "/login", 405],
      ["GET", "/%ff", 400],
      ["GET", "/search/%E4%B8", 400],
      ["GET", "/build/%ff.js", 400],
      ["POST", "/%ff", 400],
    ];
    for (const [method, url, status] of checks) {
      const res = await raw(app.url, method, url, { Origin: app.url });
      expect(res.status, `${method} ${url}`).toBe(status);
      expect(res.body, `${method} ${url}`).not.toMatch(/\bat \S+ \(|node_modules|\/work\/|Error:/);
      expect(res.headers["content-type"], `${method} ${url}`).toContain("text/html");
    }
    const options = await fetch(`${app.url}/login`, { method: "OPTIONS" });
    expect(options.status).toBe(204);
    expect(options.headers.get("allow")).toBe("GET, HEAD, POST");
  });
});

describe("the final error handler", () => {
  it("logs what broke and answers a plain page in the visitor's language, without the stack", async () => {
    const app = express();
    app.get("/boom", () => {
      throw new Error("secret detail at /work/main/app/x.ts");
    });
    app.use(finalErrorHandler());
    const server = app.listen(0, "127.0.0.1");
    await new Promise((resolve) => server.once("listening", resolve));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const logged: unknown[][] = [];
    const original = console.error;
    console.error = (...args: unknown[]) => void logged.push(args);
    try {
      const zh = await raw(base, "GET", "/boom");
      expect(zh.status).toBe(500);
      expect(zh.body).toContain("服务器出错了");
      expect(zh.body).not.toMatch(/secret detail|\/work\/|\bat /);
      const en = await raw(base, "GET", "/boom?lng=en");
      expect(en.body).toContain("The server had a problem");
    } finally {
      console.error = original;
      server.close();
    }
    expect(String(logged[0]?.[0])).toContain("GET /boom");
    expect(String(logged[0]?.[1])).toContain("secret detail");
  });
});

describe("production mode for npm start", () => {
  const nodeArgs = (script: string) => {
    const command = JSON.parse(fs.readFileSync("package.json", "utf8")).scripts[script] as string;
    const node = command.split("&&").map((part) => part.trim()).find((part) => part.includes("server/index.ts"))!;
    const env = /^((?:\w+=\S+\s+)*)node\s+(.*)\s+server\/index\.ts$/.exec(node)!;
    return { env: Object.fromEntries(env[1]!.trim().split(/\s+/).filter(Boolean).map((kv) => kv.split("="))) as Record<string, string>, args: env[2]!.split(/\s+/) };
  };
  const modeOf = (script: string) => {
    const { env, args } = nodeArgs(script);
    // The script's own NODE_ENV, or none at all (Vitest sets "test").
    const clean = Object.fromEntries(Object.entries({ ...process.env, ...env }).filter(([name]) => name !== "NODE_ENV" || "NODE_ENV" in env)) as NodeJS.ProcessEnv;
    const probe = `import("express").then((e) => console.log(process.env.NODE_ENV, e.default().get("env")))`;
    return execFileSync(process.execPath, [...args, "-e", probe], { env: clean, encoding: "utf8" }).trim();
  };

  it("sets NODE_ENV=production before anything loads (Express and React read it once); npm run dev stays development", () => {
    expect(modeOf("start")).toBe("production production");
    expect(modeOf("dev")).toBe("development development");
  });
});
