import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDb, setDb, type Db } from "~/modules/db.server.ts";
import { resetEnvForTests } from "~/env.server.ts";
import { flushMessages } from "~/modules/auth/codes.server.ts";
import { LogEmailSender, setEmailSender } from "~/modules/auth/mail.server.ts";
import { LogSmsSender, setSmsSender } from "~/modules/auth/sms.server.ts";
import { forgetKeys } from "~/modules/security/secrets.server.ts";
import { createTestDatabase } from "../../tests/setup/test-env.ts";
import { action as signupAction } from "./signup.tsx";
import { action as loginAction } from "./login.tsx";
import { action as codeLoginAction, loader as codeLoginLoader } from "./login_.code.tsx";
import { action as resetAction } from "./forgot-password.tsx";
import { loader as accountLoader } from "./account.tsx";

type Reply = { status?: string; error?: Record<string, string[] | null>; initialValue?: Record<string, unknown> };
type Page = { step: string; identifier: string; reply: Reply };
type Action = (args: { request: Request; params: Record<string, string>; context: { clientAddress: string } }) => Promise<unknown>;

const post = (url: string, fields: Record<string, string>, cookie?: string) =>
  new Request(`http://localhost${url}`, { method: "POST", body: new URLSearchParams(fields), headers: cookie ? { Cookie: cookie } : {} });
const context = { clientAddress: "10.2.0.1" };
const call = (action: Action, url: string, fields: Record<string, string>, address = context.clientAddress) =>
  action({ request: post(url, fields), params: {}, context: { clientAddress: address } });
const page = async (action: Action, url: string, fields: Record<string, string>, address?: string) => (await call(action, url, fields, address)) as Page;
const codeIn = (text: string | undefined) => /\b(\d{6})\b/.exec(text ?? "")?.[1];

describe("sign-up, login, code login and reset forms (server side: the authority)", () => {
  let db: Db;
  let dataDir: string;
  const sms = new LogSmsSender();
  const mail = new LogEmailSender();
  const lastSms = async (phone: string) => {
    await flushMessages();
    return sms.sent.filter((m) => m.phone === phone).at(-1)?.message;
  };

  beforeAll(() => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "jobs-auth-routes-"));
    process.env.DATA_DIR = dataDir;
    resetEnvForTests();
    forgetKeys();
    setSmsSender(sms);
    setEmailSender(mail);
    db = createDb(createTestDatabase().url);
    setDb(db);
  });
  afterAll(async () => {
    setEmailSender(undefined);
    await db.$disconnect();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  const good = { identifier: "18700001111", displayName: "李娜", password: "月河两岸稻花飘香", role: "seeker" };

  it("answers every bad first-step value at its field and keeps what was typed", async () => {
    const cases: [Record<string, string>, string, string][] = [
      [{ identifier: "" }, "identifier", "forms.required"],
      [{ identifier: "12345" }, "identifier", "forms.identifierInvalid"],
      [{ identifier: "not-an-email@" }, "identifier", "forms.identifierInvalid"],
      [{ identifier: "x".repeat(300) }, "identifier", "forms.tooLong"],
      [{ role: "staff" }, "role", "forms.chooseOne"],
      [{ role: "" }, "role", "forms.chooseOne"],
    ];
    for (const [change, field, message] of cases) {
      const result = await page(signupAction, "/signup", { intent: "send", identifier: good.identifier, role: good.role, ...change });
      expect(result.step, JSON.stringify(change)).toBe("start");
      expect(result.reply.error?.[field], JSON.stringify(change)).toContain(message);
      if (!("identifier" in change)) expect(result.reply.initialValue?.identifier).toBe(good.identifier);
    }
    expect(sms.sent).toHaveLength(0);
  });

  it("creates the account only with the code sent to the phone; bad second-step values keep the step and what was typed", async () => {
    const sent = await page(signupAction, "/signup", { intent: "send", identifier: good.identifier, role: "seeker" });
    expect(sent).toMatchObject({ step: "code", identifier: good.identifier });
    const code = codeIn(await lastSms("18700001111"))!;
    const step2 = { intent: "verify", identifier: good.identifier, role: "seeker", code, displayName: good.displayName, password: good.password };
    const cases: [Record<string, string>, string, string][] = [
      [{ code: "12" }, "code", "forms.codeInvalid"],
      [{ displayName: "" }, "displayName", "forms.required"],
      [{ displayName: "名".repeat(41) }, "displayName", "forms.tooLong"],
      [{ password: "1234567" }, "password", "forms.passwordTooShort"],
      [{ password: "qwerty12" }, "password", "forms.passwordWarning.common"],
      [{ password: "1q2w3e4r" }, "password", "forms.passwordWarning.common"],
      [{ password: "p".repeat(300) }, "password", "forms.passwordTooLong"],
    ];
    for (const [change, field, message] of cases) {
      const result = await page(signupAction, "/signup", { ...step2, ...change });
      expect(result.step, JSON.stringify(change)).toBe("code");
      expect(result.reply.error?.[field], JSON.stringify(change)).toContain(message);
      expect(result.reply.initialValue?.password).toBeUndefined();
      if (!("displayName" in change)) expect(result.reply.initialValue?.displayName).toBe(good.displayName);
    }
    expect(await db.user.count()).toBe(0);
    const res = (await call(signupAction, "/signup", step2)) as Response;
    expect(res.status).toBe(302);
    expect(res.headers.get("Location")).toBe("/me");
    const cookie = res.headers.get("Set-Cookie")!.split(";")[0]!;
    const account = await accountLoader({ request: new Request("http://localhost/account", { headers: { Cookie: cookie } }), params: {}, context });
    expect(account.user.displayName).toBe("李娜");
  });

  it("gives existing and new identifiers byte-identical answers at every step of sign-up, code login and reset", async () => {
    const same = async (action: Action, url: string, fields: Record<string, string>, identifiers: [string, string]) => {
      const [a, b] = (await Promise.all(identifiers.map((identifier, i) => page(action, url, { ...fields, identifier }, `10.2.1.${i}`)))) as [Page, Page];
      // The identifier is echoed back as typed; everything else must match to the byte.
      expect(JSON.stringify(a).replaceAll(identifiers[0], "ID")).toBe(JSON.stringify(b).replaceAll(identifiers[1], "ID"));
      return a;
    };
    const pair: [string, string] = ["18700001111", "18700002222"];
    expect((await same(signupAction, "/signup", { intent: "send", role: "seeker" }, pair)).step).toBe("code");
    // The owner learns that someone tried to sign up with their number; the new number gets a code.
    expect(await lastSms("18700001111")).toContain("已经有账号");
    expect(codeIn(await lastSms("18700001111"))).toBeUndefined();
    expect(codeIn(await lastSms("18700002222"))).toMatch(/^\d{6}$/);
    expect((await same(signupAction, "/signup", { intent: "verify", role: "seeker", code: "123456", displayName: "王芳", password: "汉江两岸青山绿水" }, pair)).reply.error?.code).toEqual(["auth.codeRejected"]);
    expect((await same(codeLoginAction, "/login/code", { intent: "send" }, pair)).step).toBe("code");
    expect((await same(codeLoginAction, "/login/code", { intent: "verify", code: "123456" }, pair)).reply.error?.code).toEqual(["auth.codeRejected"]);
    expect((await same(resetAction, "/forgot-password", { intent: "send" }, pair)).step).toBe("code");
    expect((await same(resetAction, "/forgot-password", { intent: "verify", code: "123456", password: "汉江两岸青山绿水" }, pair)).reply.error?.code).toEqual(["auth.codeRejected"]);
    expect((await same(loginAction, "/login", { password: "not it at all" }, pair)).reply.error?.[""]).toEqual(["auth.badCredentials"]);
    expect(await db.user.count()).toBe(1);
  });

  it("logs in, goes back only to a safe place, and never echoes the password after an error", async () => {
    const wrong = await page(loginAction, "/login", { identifier: "18700001111", password: "not it at all" }, "10.2.2.1");
    expect(wrong.reply.error?.[""]).toEqual(["auth.badCredentials"]);
    expect(wrong.reply.initialValue?.identifier).toBe("18700001111");
    expect(wrong.reply.initialValue?.password).toBeUndefined();
    const ok = (await call(loginAction, "/login", { identifier: "18700001111", password: good.password, redirectTo: "/search?q=1" }, "10.2.2.1")) as Response;
    expect(ok.headers.get("Location")).toBe("/search?q=1");
    const evil = (await call(loginAction, "/login", { identifier: "18700001111", password: good.password, redirectTo: "//evil.example" }, "10.2.2.1")) as Response;
    expect(evil.headers.get("Location")).toBe("/me");
  });

  it("serves /login/code as its own page and logs in with the code", async () => {
    // Served (no redirect for a visitor), with the constraint attributes its fields render.
    expect(await codeLoginLoader({ request: new Request("http://localhost/login/code"), params: {}, context })).toMatchObject({ constraint: { identifier: { required: true, maxLength: 254 } } });
    await call(codeLoginAction, "/login/code", { intent: "send", identifier: "187 0000 1111" }, "10.2.3.1");
    const code = codeIn(await lastSms("18700001111"))!;
    const res = (await call(codeLoginAction, "/login/code", { intent: "verify", identifier: "187 0000 1111", code, redirectTo: "/search" }, "10.2.3.1")) as Response;
    expect(res.headers.get("Location")).toBe("/search");
    expect(res.headers.get("Set-Cookie")).toMatch(/^__session=/);
  });

  it("puts an account that strangers hammer into slow mode: the owner's right password leads to the code step, and the code logs in", async () => {
    for (let i = 0; i < 12; i++) await call(loginAction, "/login", { identifier: "18700001111", password: `guess number ${i}` }, "10.66.0.1");
    const stranger = (await call(loginAction, "/login", { identifier: "18700001111", password: good.password }, "10.66.0.1")) as Page;
    expect(stranger.reply.error?.[""]).toEqual(["auth.tooManyAttempts?minutes=15"]);
    const owner = await page(loginAction, "/login", { identifier: "18700001111", password: good.password }, "10.2.4.1");
    expect(owner.step).toBe("unlock");
    const code = codeIn(await lastSms("18700001111"))!;
    expect(await lastSms("18700001111")).toContain("正确的密码");
    const res = (await call(loginAction, "/login", { intent: "unlock", identifier: "18700001111", code }, "10.2.4.1")) as Response;
    expect(res.status).toBe(302);
    expect(res.headers.get("Location")).toBe("/me");
  });

  it("sends visitors without a session to log in, and back afterwards", async () => {
    const outcome = await accountLoader({ request: new Request("http://localhost/account?tab=1"), params: {}, context }).catch((e: unknown) => e);
    expect(outcome).toBeInstanceOf(Response);
    expect((outcome as Response).headers.get("Location")).toBe(`/login?redirectTo=${encodeURIComponent("/account?tab=1")}`);
  });
});
