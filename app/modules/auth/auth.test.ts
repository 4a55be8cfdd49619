import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDb, setDb, type Db } from "../db.server.ts";
import { createTestDatabase } from "../../../tests/setup/test-env.ts";
import { resetEnvForTests } from "../../env.server.ts";
import { forgetKeys } from "../security/secrets.server.ts";
import { logIn, logInWithCode, type LoginResult } from "./accounts.server.ts";
import { flushMessages } from "./codes.server.ts";
import { safeRedirect } from "./guards.server.ts";
import { hashPassword } from "./password.server.ts";
import { passwordStrengthErrors } from "./password-strength.server.ts";
import { can, inScope, scopePrefix } from "./permissions.ts";
import { LIMITS } from "./rate-limit.server.ts";
import { loginSchema, signupSchema } from "./schemas.ts";
import { createSession, destroyAllSessions, destroySession, getSessionUser, SESSION_IDLE_MS } from "./session.server.ts";
import { LogSmsSender, setSmsSender } from "./sms.server.ts";
import { encrypt, lookupHash } from "../security/secrets.server.ts";
import { maskPhone } from "../people/identity.ts";

const cookieOf = (setCookie: string) => setCookie.split(";")[0]!;
const formError = (result: LoginResult) => (result.ok ? undefined : result.errors.form);
const requestWith = (cookie?: string) => new Request("http://localhost/", { headers: cookie ? { Cookie: cookie } : {} });
const OWNER_PASSWORD = "秦巴山水好风光2026";

describe("password strength (zxcvbn with its common-password lists)", () => {
  it("refuses the passwords the review found accepted, saying why and what to do", () => {
    for (const weak of ["1q2w3e4r", "qwerty12", "Password1!", "zxcvbnm1", "iloveyou1", "12345678", "aaaaaaaaaaaa", "woaini1314", "5201314a"]) {
      const errors = passwordStrengthErrors(weak, []);
      expect(errors.length, weak).toBeGreaterThan(1);
      expect(errors[0], weak).toMatch(/^forms\.password(Warning\.\w+|Weak)$/);
      expect(errors.at(-1)).toBe("forms.passwordTry");
    }
    expect(passwordStrengthErrors("qwerty12", [])[0]).toBe("forms.passwordWarning.common");
  });

  it("counts what the user typed and the site's name as known words", () => {
    expect(passwordStrengthErrors("Wangxiaoming2026", ["13812345678", "王小明", "wangxiaoming"])[0]).toBe("forms.passwordWarning.userInputs");
    expect(passwordStrengthErrors("13812345678abc", ["13812345678"]).length).toBeGreaterThan(0);
    expect(passwordStrengthErrors("ankang2026!", []).length).toBeGreaterThan(0);
    expect(passwordStrengthErrors("安康安康安康安康", []).length).toBeGreaterThan(0);
  });

  it("accepts long passphrases, Chinese ones included", () => {
    for (const strong of [OWNER_PASSWORD, "月河两岸稻花飘香", "这是一个很长很长的中文密码短语，而且没有人能猜到它 2026", "Qinba-mountains-7", "correct horse battery staple"]) {
      expect(passwordStrengthErrors(strong, ["13812345678", "王小明"]), strong).toEqual([]);
    }
  });

  it("keeps only the cheap checks in the schema the browser runs", () => {
    const issue = (password: string, identifier = "a@b.cn") =>
      signupSchema.safeParse({ identifier, code: "123456", password, displayName: "x", role: "seeker" }).error?.issues.find((i) => i.path[0] === "password")?.message;
    expect(issue("short")).toBe("forms.passwordTooShort");
    expect(issue("wangfang2026!", "wangfang@qq.com")).toBe("forms.passwordLikeIdentifier");
    expect(issue("x".repeat(257))).toBe("forms.passwordTooLong");
    expect(issue("qwerty12")).toBeUndefined(); // refused by the server's strength check, not by the shared schema
  });
});

describe("password login and sessions, on a real SQLite database", () => {
  let db: Db;
  let dataDir: string;
  let sms: LogSmsSender;

  beforeAll(() => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "jobs-auth-"));
    process.env.DATA_DIR = dataDir;
    resetEnvForTests();
    forgetKeys();
    db = createDb(createTestDatabase().url);
    setDb(db);
    sms = new LogSmsSender();
    setSmsSender(sms);
  });
  afterAll(async () => {
    await db.$disconnect();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  /** An account as sign-up leaves it (sign-up itself is tested in codes.test.ts). */
  async function account(identifier: string, password = OWNER_PASSWORD) {
    const phone = /^1\d{10}$/.test(identifier) ? identifier : null;
    return db.user.create({
      data: phone
        ? { phoneHash: lookupHash("phone", phone), phoneEnc: encrypt(phone), phoneMasked: maskPhone(phone), passwordHash: await hashPassword(password), role: "seeker", displayName: "王小明" }
        : { email: identifier, passwordHash: await hashPassword(password), role: "seeker", displayName: "王小明" },
    });
  }
  const login = (identifier: string, password: string, address: string) => logIn(loginSchema.parse({ identifier, password }), address);

  it("logs in with the right password only, with one message for unknown account and wrong password", async () => {
    await account("13812345678");
    expect((await login("138 1234 5678", OWNER_PASSWORD, "10.0.0.2")).ok).toBe(true);
    const wrong = await login("13812345678", "wrong password", "10.0.0.2");
    const unknown = await login("13900000000", "wrong password", "10.0.0.2");
    expect(wrong).toEqual({ ok: false, errors: { form: "auth.badCredentials" } });
    expect(unknown).toEqual(wrong);
  });

  it("a stranger guessing from one address never locks the owner out: the owner passes slow mode with a code sent to their phone", async () => {
    await account("13700000001");
    const stranger = "10.1.0.1";
    for (let i = 0; i < LIMITS.accountFailures.max; i++) expect(formError(await login("13700000001", `not the password ${i}`, stranger))).toBe("auth.badCredentials");
    // Slow mode: from now on every password attempt on the account gets the same "enter the code" answer.
    const guessed = await login("13700000001", "still not it", stranger);
    expect(guessed).toEqual({ ok: false, errors: { form: "auth.unlockCodeSent" }, needsCode: true });
    await flushMessages();
    expect(sms.sent.filter((m) => m.phone === "13700000001")).toHaveLength(0); // a wrong password sends nothing
    for (let i = 0; i < LIMITS.loginPerPair.max; i++) await login("13700000001", `more guesses ${i}`, stranger);
    expect(formError(await login("13700000001", OWNER_PASSWORD, stranger))).toBe("auth.tooManyAttempts"); // the pair is slowed down

    const owner = "10.1.0.2";
    const first = await login("13700000001", OWNER_PASSWORD, owner);
    expect(first).toEqual(guessed); // the same answer as the wrong guess: no oracle for the password
    await flushMessages();
    const code = /(\d{6})/.exec(sms.sent.filter((m) => m.phone === "13700000001").at(-1)?.message ?? "")?.[1];
    expect(code).toMatch(/^\d{6}$/);
    // The stranger cannot use the owner's code step without the code…
    expect((await logInWithCode({ identifier: "13700000001", code: code === "000000" ? "111111" : "000000" }, "unlock", stranger)).ok).toBe(false);
    // …the owner can, once.
    expect((await logInWithCode({ identifier: "13700000001", code: code! }, "unlock", owner)).ok).toBe(true);
    expect(await logInWithCode({ identifier: "13700000001", code: code! }, "unlock", owner)).toEqual({ ok: false, errors: { code: "auth.codeRejected" } });
    // Proving the phone ends slow mode: the password alone works again.
    expect((await login("13700000001", OWNER_PASSWORD, owner)).ok).toBe(true);
  });

  it("rate limits password attempts per address across accounts", async () => {
    for (let i = 0; i < LIMITS.loginPerAddress.max; i++) await login(`u${i}@example.com`, "whatever1", "10.9.9.9");
    expect(formError(await login("someone@example.com", "whatever1", "10.9.9.9"))).toBe("auth.tooManyAttempts");
    expect(formError(await login("someone@example.com", "whatever1", "10.9.9.10"))).toBe("auth.badCredentials");
  });

  it("keeps sessions in the database behind an id-only cookie; a new id at every login; log out here or everywhere", async () => {
    const user = await db.user.findFirstOrThrow({ where: { phoneMasked: "138****5678" } });
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
    const user = await db.user.findFirstOrThrow({ where: { phoneMasked: "138****5678" } });
    const cookie = cookieOf(await createSession(user.id, requestWith()));
    expect(await getSessionUser(requestWith(cookie), new Date(Date.now() + SESSION_IDLE_MS + 60_000))).toBeNull();
    const fresh = cookieOf(await createSession(user.id, requestWith()));
    const [name, value] = fresh.split("=") as [string, string];
    const tampered = `${name}=${value.slice(0, -3)}${value.endsWith("AAA") ? "BBB" : "AAA"}`;
    expect(await getSessionUser(requestWith(tampered))).toBeNull();
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
    expect(scopePrefix("610924100")).toBe("610924100");
    expect(inScope("610900", "610924100")).toBe(true);
    expect(inScope("610924", "610924100")).toBe(true);
    expect(inScope("610924", "610902001")).toBe(false);
    expect(inScope("610924100", "610924101")).toBe(false);
    expect(inScope(null, "610924100")).toBe(false);
  });

  it("redirects only to same-site paths", () => {
    expect(safeRedirect("/search?q=1")).toBe("/search?q=1");
    for (const bad of ["//evil.example", "https://evil.example", "/\\evil.example", "javascript:alert(1)", undefined, 42]) expect(safeRedirect(bad)).toBe("/");
  });
});
