/**
 * Hostile redirect targets through the real routes and the real Express app: wherever a visitor is
 * sent after switching language, logging in or out, or arriving signed in, the Location resolves
 * (as a browser's URL parser resolves it) to this site, and never answers 500.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startApp, type RunningApp } from "../tests/setup/app-server.ts";
import { openSeededDatabase } from "../tests/setup/test-env.ts";
import { createSession } from "~/modules/auth/session.server.ts";

/** Values as the route receives them (after the query or form is decoded). */
const HOSTILE = [
  "//evil.example",
  "/\\evil.example",
  "\\\\evil.example",
  "/\\/evil.example",
  "\\/evil.example",
  "/\t/evil.example",
  "/\n/evil.example",
  "/\r/evil.example",
  "/\r\n/evil.example",
  "\t//evil.example",
  " //evil.example",
  "/\u000b/evil.example",
  "/\u000c/evil.example",
  "/\u0000/evil.example",
  "/\u007f/evil.example",
  "/.//evil.example",
  "/..//evil.example",
  "/a/..//evil.example",
  "https://evil.example",
  "http:evil.example",
  "https:/\\evil.example",
  "//evil.example@jobs.example",
  "javascript:alert(1)",
  "/ok\r\nSet-Cookie: pwned=1",
  "/%09/evil.example", // still encoded once it arrives (double-encoded in the query): a path here
  "/%5Cevil.example",
  "/%2F/evil.example",
  "/\u3000/evil.example",
  "/中文?q=中文#段",
];
/** Query strings written by hand: the issue's own forms, encoded once. */
const RAW_QUERIES = ["/%09/evil.example", "/%5Cevil.example", "%2F%2Fevil.example", "/%0d%0a/evil.example", "%5C%5Cevil.example", "/%E4%B8%AD%E6%96%87", "/%2509/evil.example", "%09/%2Fevil.example"];

describe("redirect targets stay on the site (real Express app, real routes)", () => {
  let app: RunningApp;
  let cleanup: () => Promise<void>;
  let signedIn: string;
  let visitor = 0;
  // Every request from its own address (the app trusts loopback as a proxy here), so the login
  // limits per address never decide what this test sees.
  const from = () => ({ "X-Forwarded-For": `198.51.100.${++visitor % 250}`, Origin: app.url });

  beforeAll(async () => {
    let db;
    ({ db, cleanup } = openSeededDatabase());
    app = await startApp({ trustProxy: ["loopback"] });
    const seeker = await db.user.findFirstOrThrow({ where: { role: "seeker", profile: { isNot: null } } });
    signedIn = (await createSession(seeker.id, new Request("http://localhost/"), false)).split(";")[0]!;
  });
  afterAll(async () => {
    await app.close();
    await cleanup();
  });

  const get = (path: string, cookie?: string) => fetch(`${app.url}${path}`, { redirect: "manual", headers: { ...from(), ...(cookie ? { Cookie: cookie } : {}) } });
  const post = (path: string, form: Record<string, string>) =>
    fetch(`${app.url}${path}`, { method: "POST", redirect: "manual", headers: { ...from(), "Content-Type": "application/x-www-form-urlencoded" }, body: new URLSearchParams(form) });

  /** Where a browser would go: the Location resolved against the page, as WHATWG URL does. */
  async function landing(res: Response, label: string): Promise<URL> {
    expect(res.status, `${label}: ${(await res.clone().text()).slice(0, 200)}`).toBeGreaterThanOrEqual(300);
    expect(res.status, label).toBeLessThan(400);
    const location = res.headers.get("location");
    expect(location, label).toBeTruthy();
    // eslint-disable-next-line no-control-regex
    expect(location, label).not.toMatch(/[\u0000-\u0020\u007f-\uffff\\]/);
    const url = new URL(location!, `${app.url}/somewhere/page`);
    expect(url.origin, `${label} → ${location}`).toBe(app.url);
    return url;
  }

  const ROUTES: [string, (value: string, raw?: boolean) => Promise<Response>][] = [
    ["GET /set-language", (v, raw) => get(`/set-language?lng=en&redirectTo=${raw ? v : encodeURIComponent(v)}`)],
    ["GET /login (signed in)", (v, raw) => get(`/login?redirectTo=${raw ? v : encodeURIComponent(v)}`, signedIn)],
    ["GET /signup (signed in)", (v, raw) => get(`/signup?redirectTo=${raw ? v : encodeURIComponent(v)}`, signedIn)],
    ["POST /login", (v, raw) => post("/login", { identifier: "13800000001", password: "Ankang-demo-2026", redirectTo: raw ? decodeURIComponent(v) : v })],
    ["POST /logout", (v, raw) => post("/logout", { redirectTo: raw ? decodeURIComponent(v) : v })],
  ];

  it.each(ROUTES)("%s sends every hostile target to a page of this site", async (label, send) => {
    for (const value of HOSTILE) await landing(await send(value), `${label} ${JSON.stringify(value)}`);
    for (const query of RAW_QUERIES) await landing(await send(query, true), `${label} raw ${query}`);
  });

  it("keeps ordinary targets, and encodes non-Latin-1 ones instead of failing", async () => {
    const plain = await landing(await get(`/set-language?lng=en&redirectTo=${encodeURIComponent("/search?q=养老&kind=job#top")}`), "plain");
    expect(`${plain.pathname}${plain.search}${plain.hash}`).toBe("/search?q=%E5%85%BB%E8%80%81&kind=job#top");
    const chinese = await landing(await post("/login", { identifier: "13800000001", password: "Ankang-demo-2026", redirectTo: "/中文" }), "login 中文");
    expect(chinese.pathname).toBe("/%E4%B8%AD%E6%96%87");
  });
});
