import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDb, setDb, type Db } from "../db.server.ts";
import { createTestDatabase } from "../../../tests/setup/test-env.ts";
import { resetEnvForTests } from "../../env.server.ts";
import { forgetKeys } from "../security/secrets.server.ts";
import { logIn, requestLoginCode, signUp, verifyLoginCode } from "./accounts.server.ts";
import { safeRedirect } from "./guards.server.ts";
import { can, inScope, scopePrefix } from "./permissions.ts";
import { loginSchema, signupSchema } from "./schemas.ts";
import { createSession, destroyAllSessions, destroySession, getSessionUser, SESSION_IDLE_MS } from "./session.server.ts";
import { LogSmsSender, setSmsSender } from "./sms.server.ts";

const cookieOf = (setCookie: string) => setCookie.split(";")[0]!;
const formError = (result: Awaited<ReturnType<typeof logIn>>) => (result.ok ? undefined : result.errors.form);
const requestWith = (cookie?: string) => new Request("http://localhost/", { headers: cookie ? { Cookie: cookie } : {} });

describe("accounts and sessions, on a real SQLite database", () => {
  let db: Db;
  let dataDir: string;

  beforeAll(() => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "jobs-auth-"));
    process.env.DATA_DIR = dataDir;
    resetEnvForTests();
    forgetKeys();
    db = createDb(createTestDatabase().url);
    setDb(db);
  });
  afterAll(async () => {
    await db.$disconnect();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  const signup = (identifier: string, password = "秦巴山水好风光2026", address = "10.0.0.1") =>
    signUp(signupSchema.parse({ identifier, password, displayName: "王小明", role: "seeker" }), address);

  it("signs up with a mobile number, storing it encrypted and masked, never in the clear", async () => {
    const result = await signup("138 1234 5678");
    expect(result.ok).toBe(true);
    const user = await db.user.findFirstOrThrow({ where: { phoneMasked: "138****5678" } });
    expect(user.phoneEnc).not.toContain("13812345678");
    expect(user.passwordHash).toMatch(/^\$argon2id\$/);
    expect(JSON.stringify(user)).not.toContain("13812345678");
  });

  it("signs up with an email, case-insensitively, and refuses a second account for the same address", async () => {
    expect((await signup("Li.Na@Example.com")).ok).toBe(true);
    expect(await signup("li.na@example.com")).toEqual({ ok: false, errors: { identifier: "auth.identifierTaken" } });
    expect(await signup("+86 13812345678")).toEqual({ ok: false, errors: { identifier: "auth.identifierTaken" } });
  });

  it("refuses short, common and identifier-like passwords, and accepts long ones", () => {
    const issue = (password: string, identifier = "a@b.cn") =>
      signupSchema.safeParse({ identifier, password, displayName: "x", role: "seeker" }).error?.issues.find((i) => i.path[0] === "password")?.message;
    expect(issue("short")).toBe("forms.passwordTooShort");
    expect(issue("12345678")).toBe("forms.passwordCommon");
    expect(issue("woaini1314")).toBe("forms.passwordCommon");
    expect(issue("aaaaaaaaaaaa")).toBe("forms.passwordCommon");
    expect(issue("wangfang2026!", "wangfang@qq.com")).toBe("forms.passwordLikeIdentifier");
    expect(issue("x".repeat(257))).toBe("forms.passwordTooLong");
    expect(issue("这是一个很长很长的中文密码短语，而且没有人能猜到它 2026")).toBeUndefined();
  });

  it("logs in with the right password only, with one message for unknown account and wrong password", async () => {
    const ok = await logIn(loginSchema.parse({ identifier: "13812345678", password: "秦巴山水好风光2026" }), "10.0.0.2");
    expect(ok.ok).toBe(true);
    const wrong = await logIn(loginSchema.parse({ identifier: "13812345678", password: "wrong password" }), "10.0.0.2");
    const unknown = await logIn(loginSchema.parse({ identifier: "13900000000", password: "wrong password" }), "10.0.0.2");
    expect(wrong).toEqual({ ok: false, errors: { form: "auth.badCredentials" } });
    expect(unknown).toEqual(wrong);
  });

  it("rate limits login per account, across addresses, with the time to wait", async () => {
    await signup("rate@example.com");
    const attempt = (address: string) => logIn(loginSchema.parse({ identifier: "rate@example.com", password: "not the password" }), address);
    for (let i = 0; i < 8; i++) expect(formError(await attempt(`10.1.0.${i}`))).toBe("auth.badCredentials");
    const blocked = await attempt("10.1.0.99");
    expect(blocked.ok).toBe(false);
    if (!blocked.ok) {
      expect(blocked.errors.form).toBe("auth.tooManyAttempts");
      expect(blocked.retryAfterSeconds).toBeGreaterThan(0);
    }
    // Even the right password waits until the window ends.
    expect((await logIn(loginSchema.parse({ identifier: "rate@example.com", password: "秦巴山水好风光2026" }), "10.1.0.100")).ok).toBe(false);
  });

  it("rate limits login and sign-up per address", async () => {
    for (let i = 0; i < 30; i++) await logIn(loginSchema.parse({ identifier: `u${i}@example.com`, password: "whatever1" }), "10.9.9.9");
    expect(formError(await logIn(loginSchema.parse({ identifier: "someone@example.com", password: "whatever1" }), "10.9.9.9"))).toBe("auth.tooManyAttempts");
    for (let i = 0; i < 10; i++) await signup(`bulk${i}@example.com`, "秦巴山水好风光2026", "10.8.8.8");
    expect(formError(await signup("bulk-extra@example.com", "秦巴山水好风光2026", "10.8.8.8"))).toBe("auth.tooManyAttempts");
  });

  it("keeps sessions in the database behind an id-only cookie; a new id at every login; log out here or everywhere", async () => {
    const user = await db.user.findFirstOrThrow({ where: { email: "li.na@example.com" } });
    const first = await createSession(user.id, requestWith());
    expect(first).toMatch(/HttpOnly/i);
    expect(first).toMatch(/SameSite=Lax/i);
    const cookie = cookieOf(first);
    // The value is only a signed random token: nothing about the user.
    const payload = Buffer.from(decodeURIComponent(cookie.split("=")[1]!).split(".")[0]!, "base64").toString("utf8");
    expect(payload).toMatch(/^"[A-Za-z0-9_-]{43}"$/);
    expect((await getSessionUser(requestWith(cookie)))?.id).toBe(user.id);

    const rotated = cookieOf(await createSession(user.id, requestWith(cookie)));
    expect(rotated).not.toBe(cookie);
    expect(await getSessionUser(requestWith(cookie))).toBeNull();
    expect((await getSessionUser(requestWith(rotated)))?.id).toBe(user.id);

    const other = cookieOf(await createSession(user.id, requestWith(), false));
    await destroySession(requestWith(rotated));
    expect(await getSessionUser(requestWith(rotated))).toBeNull();
    expect(await getSessionUser(requestWith(other))).not.toBeNull();
    await destroyAllSessions(user.id);
    expect(await getSessionUser(requestWith(other))).toBeNull();
  });

  it("expires idle sessions and refuses tampered cookies", async () => {
    const user = await db.user.findFirstOrThrow({ where: { email: "li.na@example.com" } });
    const cookie = cookieOf(await createSession(user.id, requestWith()));
    expect(await getSessionUser(requestWith(cookie), new Date(Date.now() + SESSION_IDLE_MS + 60_000))).toBeNull();
    const fresh = cookieOf(await createSession(user.id, requestWith()));
    const [name, value] = fresh.split("=") as [string, string];
    const tampered = `${name}=${value.slice(0, -3)}${value.endsWith("AAA") ? "BBB" : "AAA"}`;
    expect(await getSessionUser(requestWith(tampered))).toBeNull();
  });

  it("logs in with an SMS code through the sender seam", async () => {
    const sender = new LogSmsSender();
    setSmsSender(sender);
    await requestLoginCode("13812345678");
    const code = /(\d{6})/.exec(sender.sent.at(-1)?.message ?? "")?.[1];
    expect(code).toBeDefined();
    expect((await verifyLoginCode("13812345678", code === "000000" ? "111111" : "000000")).ok).toBe(false);
    expect((await verifyLoginCode("13812345678", code!)).ok).toBe(true);
    expect((await verifyLoginCode("13812345678", code!)).ok).toBe(false); // used once
    await requestLoginCode("13999999999"); // no account: nothing sent, nothing revealed
    expect(sender.sent).toHaveLength(1);
  });
});

describe("permissions and redirects", () => {
  it("maps roles to actions in one matrix", () => {
    expect(can("seeker", "application.create")).toBe(true);
    expect(can("employer", "application.create")).toBe(false);
    expect(can("staff", "posting.moderate")).toBe(true);
    expect(can("employer", "posting.moderate")).toBe(false);
    expect(can(null, "profile.edit")).toBe(false);
  });

  it("scopes staff to their region's subtree by division code prefix", () => {
    expect(scopePrefix("610900")).toBe("6109");
    expect(scopePrefix("610924")).toBe("610924");
    expect(scopePrefix("610924001")).toBe("610924001");
    expect(inScope("610900", "610924001")).toBe(true);
    expect(inScope("610924", "610924001")).toBe(true);
    expect(inScope("610924", "610902001")).toBe(false);
    expect(inScope("610924001", "610924002")).toBe(false);
    expect(inScope(null, "610924001")).toBe(false);
  });

  it("redirects only to same-site paths", () => {
    expect(safeRedirect("/search?q=1")).toBe("/search?q=1");
    for (const bad of ["//evil.example", "https://evil.example", "/\\evil.example", "javascript:alert(1)", undefined, 42]) expect(safeRedirect(bad)).toBe("/");
  });
});
