/**
 * The site behind a TLS-terminating reverse proxy, as nginx is usually set up: a real proxy hop on
 * loopback that forwards to the real Express app with X-Forwarded-For/-Proto/-Host. Clients come
 * from different loopback addresses (127.0.0.2, 127.0.0.3), as different visitors would.
 */
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startApp, type RunningApp } from "../tests/setup/app-server.ts";
import { openSeededDatabase } from "../tests/setup/test-env.ts";
import { getEnv, resetEnvForTests } from "~/env.server.ts";
import type { Db } from "~/modules/db.server.ts";

/** proxy_pass with proxy_add_x_forwarded_for, X-Forwarded-Proto https and X-Forwarded-Host $host. */
async function startProxy(upstream: string) {
  const target = new URL(upstream);
  const server = http.createServer((req, res) => {
    const forwardedFor = [req.headers["x-forwarded-for"], req.socket.remoteAddress].filter(Boolean).join(", ");
    const headers = { ...req.headers, host: target.host, "x-forwarded-for": forwardedFor, "x-forwarded-proto": "https", "x-forwarded-host": req.headers.host ?? "" };
    const out = http.request({ host: target.hostname, port: target.port, method: req.method, path: req.url, headers }, (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    });
    out.on("error", () => res.writeHead(502).end());
    req.pipe(out);
  });
  server.listen(0, "127.0.0.1");
  await new Promise((resolve) => server.once("listening", resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, close: () => new Promise((resolve) => server.close(resolve)) };
}

/** A visitor's browser: posts the login form from `from` (its own loopback address). */
function postLogin(base: string, from: string, headers: Record<string, string>) {
  const body = new URLSearchParams({ identifier: "13900000000", password: "not-the-password-1" }).toString();
  return new Promise<number>((resolve, reject) => {
    const req = http.request(
      `${base}/login`,
      { method: "POST", localAddress: from, headers: { "Content-Type": "application/x-www-form-urlencoded", "Content-Length": String(Buffer.byteLength(body)), ...headers } },
      (res) => {
        res.resume();
        res.on("end", () => resolve(res.statusCode ?? 0));
      },
    );
    req.on("error", reject);
    req.end(body);
  });
}

const SITE = { Host: "jobs.example", Origin: "https://jobs.example" };

describe("behind a reverse proxy (real proxy hop, real Express app)", () => {
  let db: Db;
  let cleanup: () => Promise<void>;
  let trusted: RunningApp;
  let untrusted: RunningApp;
  let proxyToTrusted: Awaited<ReturnType<typeof startProxy>>;
  let proxyToUntrusted: Awaited<ReturnType<typeof startProxy>>;
  const buckets = async () => (await db.rateLimit.findMany({ where: { key: { startsWith: "login:addr:" } }, orderBy: { key: "asc" } })).map((r) => `${r.key}=${r.count}`);

  beforeAll(async () => {
    ({ db, cleanup } = openSeededDatabase());
    trusted = await startApp({ trustProxy: 1 });
    untrusted = await startApp();
    proxyToTrusted = await startProxy(trusted.url);
    proxyToUntrusted = await startProxy(untrusted.url);
  });
  beforeEach(async () => void (await db.rateLimit.deleteMany()));
  afterAll(async () => {
    await proxyToTrusted.close();
    await proxyToUntrusted.close();
    await trusted.close();
    await untrusted.close();
    await cleanup();
  });

  it("with TRUST_PROXY=1, forms from the public https origin pass the origin check and each visitor has their own limit", async () => {
    expect(await postLogin(proxyToTrusted.url, "127.0.0.2", SITE)).toBe(200);
    expect(await postLogin(proxyToTrusted.url, "127.0.0.3", SITE)).toBe(200);
    expect(await postLogin(proxyToTrusted.url, "127.0.0.3", SITE)).toBe(200);
    expect(await buckets()).toEqual(["login:addr:127.0.0.2=1", "login:addr:127.0.0.3=2"]);
    // Another site's form is still refused, proxy or not.
    expect(await postLogin(proxyToTrusted.url, "127.0.0.2", { ...SITE, Origin: "https://evil.example" })).toBe(403);
  });

  it("with TRUST_PROXY=1, an X-Forwarded-For the visitor made up is not their address: only the proxy's hop counts", async () => {
    expect(await postLogin(proxyToTrusted.url, "127.0.0.2", { ...SITE, "X-Forwarded-For": "203.0.113.9" })).toBe(200);
    expect(await buckets()).toEqual(["login:addr:127.0.0.2=1"]);
  });

  it("without TRUST_PROXY, forwarded headers are ignored: the socket is the client and the Host header the origin", async () => {
    const spoofed = { "X-Forwarded-For": "203.0.113.10", "X-Forwarded-Proto": "https", "X-Forwarded-Host": "evil.example" };
    expect(await postLogin(untrusted.url, "127.0.0.2", { ...spoofed, Origin: "https://evil.example" })).toBe(403);
    expect(await postLogin(untrusted.url, "127.0.0.2", { ...spoofed, Origin: untrusted.url })).toBe(200);
    expect(await postLogin(untrusted.url, "127.0.0.3", { ...spoofed, Origin: untrusted.url })).toBe(200);
    expect(await buckets()).toEqual(["login:addr:127.0.0.2=1", "login:addr:127.0.0.3=1"]);
    // Behind a proxy it cannot believe, the site sees http and the proxy's host: the public origin is not its own.
    expect(await postLogin(proxyToUntrusted.url, "127.0.0.2", SITE)).toBe(403);
  });
});

describe("TRUST_PROXY", () => {
  const parse = (value: string | undefined) => {
    const before = process.env.TRUST_PROXY;
    if (value === undefined) delete process.env.TRUST_PROXY;
    else process.env.TRUST_PROXY = value;
    resetEnvForTests();
    try {
      return getEnv().TRUST_PROXY;
    } finally {
      if (before === undefined) delete process.env.TRUST_PROXY;
      else process.env.TRUST_PROXY = before;
      resetEnvForTests();
    }
  };
  it("takes a hop count or addresses/CIDRs in Express's forms, and refuses anything else at boot", () => {
    expect(parse(undefined)).toBe(false);
    expect(parse("1")).toBe(1);
    expect(parse("10.0.0.0/8, ::1,loopback")).toEqual(["10.0.0.0/8", "::1", "loopback"]);
    expect(() => parse("true")).toThrow(/TRUST_PROXY: a hop count/);
    expect(() => parse("10.0.0.0/33")).toThrow(/TRUST_PROXY/);
  });
});
