import type { AddressInfo } from "node:net";
import express from "express";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { originCheck, securityHeaders } from "./security.ts";

describe("web security middleware", () => {
  let base: string;
  let close: () => void;
  beforeAll(async () => {
    const app = express();
    app.use(securityHeaders(true));
    app.use(originCheck(["https://partner.example"]));
    app.all("/form", (_req, res) => res.send(`ok ${String(res.locals.cspNonce)}`));
    const server = app.listen(0, "127.0.0.1");
    await new Promise((resolve) => server.once("listening", resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    close = () => server.close();
  });
  afterAll(() => close());

  it("sends a CSP whose script nonce matches the one given to the page, and the usual headers", async () => {
    const res = await fetch(`${base}/form`);
    const nonce = (await res.text()).split(" ")[1];
    const csp = res.headers.get("content-security-policy") ?? "";
    expect(csp).toContain(`script-src 'self' 'nonce-${nonce}'`);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("form-action 'self'");
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
    expect(res.headers.get("x-frame-options")).toBe("DENY");
    // The site may ask where the visitor is ("near me"), nothing else may; no camera or microphone.
    expect(res.headers.get("permissions-policy")).toBe("camera=(), microphone=(), geolocation=(self), payment=()");
    const again = await fetch(`${base}/form`);
    expect(again.headers.get("content-security-policy")).not.toBe(csp);
  });

  it("refuses state-changing requests from other origins or with no origin at all", async () => {
    const post = (headers: Record<string, string>) => fetch(`${base}/form`, { method: "POST", headers, body: "a=1" }).then((r) => r.status);
    expect(await post({ Origin: base })).toBe(200);
    expect(await post({ Referer: `${base}/signup` })).toBe(200);
    expect(await post({ Origin: "https://partner.example" })).toBe(200);
    expect(await post({ Origin: "https://evil.example" })).toBe(403);
    expect(await post({ Referer: "https://evil.example/page" })).toBe(403);
    expect(await post({})).toBe(403);
    expect((await fetch(`${base}/form`, { method: "GET", headers: { Origin: "https://evil.example" } })).status).toBe(200);
  });
});
