import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDb, setDb, type Db } from "~/modules/db.server.ts";
import { resetEnvForTests } from "~/env.server.ts";
import { forgetKeys } from "~/modules/security/secrets.server.ts";
import { createTestDatabase } from "../../tests/setup/test-env.ts";
import { action as signupAction } from "./signup.tsx";
import { action as loginAction } from "./login.tsx";
import { loader as accountLoader } from "./account.tsx";

type Reply = { status?: string; error?: Record<string, string[] | null>; initialValue?: Record<string, unknown> };

const post = (url: string, fields: Record<string, string>, cookie?: string) =>
  new Request(`http://localhost${url}`, { method: "POST", body: new URLSearchParams(fields), headers: cookie ? { Cookie: cookie } : {} });
const context = { clientAddress: "10.2.0.1" };

describe("sign-up and login forms (server side: the authority)", () => {
  let db: Db;
  let dataDir: string;
  beforeAll(() => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "jobs-auth-routes-"));
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

  const good = { identifier: "18700001111", displayName: "李娜", password: "月河两岸稻花飘香", role: "seeker" };
  const badSignups: [Partial<typeof good>, string, string][] = [
    [{ identifier: "" }, "identifier", "forms.required"],
    [{ identifier: "12345" }, "identifier", "forms.identifierInvalid"],
    [{ identifier: "not-an-email@" }, "identifier", "forms.identifierInvalid"],
    [{ identifier: "x".repeat(300) }, "identifier", "forms.tooLong"],
    [{ displayName: "" }, "displayName", "forms.required"],
    [{ displayName: "名".repeat(41) }, "displayName", "forms.tooLong"],
    [{ password: "" }, "password", "forms.required"],
    [{ password: "1234567" }, "password", "forms.passwordTooShort"],
    [{ password: "qwertyuiop" }, "password", "forms.passwordCommon"],
    [{ password: "p".repeat(300) }, "password", "forms.passwordTooLong"],
    [{ role: "staff" }, "role", "forms.chooseOne"],
    [{ role: "" }, "role", "forms.chooseOne"],
  ];

  it("answers every bad value with the message at its field and keeps what was typed", async () => {
    for (const [change, field, message] of badSignups) {
      const fields = { ...good, ...change };
      const result = (await signupAction({ request: post("/signup", fields), params: {}, context })) as Reply;
      expect(result.status, JSON.stringify(change)).toBe("error");
      expect(result.error?.[field], JSON.stringify(change)).toContain(message);
      for (const kept of ["identifier", "displayName"] as const) {
        if (!(kept in change)) expect(result.initialValue?.[kept]).toBe(fields[kept]);
      }
    }
    expect(await db.user.count()).toBe(0);
  });

  it("signs up, sets the session cookie and lands on the account page", async () => {
    const res = (await signupAction({ request: post("/signup", good), params: {}, context })) as Response;
    expect(res.status).toBe(302);
    const cookie = res.headers.get("Set-Cookie")!.split(";")[0]!;
    const account = await accountLoader({ request: new Request("http://localhost/account", { headers: { Cookie: cookie } }), params: {}, context });
    expect(account.user.displayName).toBe("李娜");
    const again = (await signupAction({ request: post("/signup", good), params: {}, context })) as Reply;
    expect(again.error?.identifier).toEqual(["auth.identifierTaken"]);
  });

  it("logs in, goes back only to a safe place, and never echoes the password after an error", async () => {
    const wrong = (await loginAction({ request: post("/login", { identifier: "18700001111", password: "not it at all" }), params: {}, context })) as Reply;
    expect(wrong.error?.[""]).toEqual(["auth.badCredentials"]);
    expect(wrong.initialValue?.identifier).toBe("18700001111");
    expect(wrong.initialValue?.password).toBeUndefined();
    const ok = (await loginAction({ request: post("/login", { identifier: "18700001111", password: good.password, redirectTo: "/search?q=1" }), params: {}, context })) as Response;
    expect(ok.headers.get("Location")).toBe("/search?q=1");
    const evil = (await loginAction({ request: post("/login", { identifier: "18700001111", password: good.password, redirectTo: "//evil.example" }), params: {}, context })) as Response;
    expect(evil.headers.get("Location")).toBe("/me");
  });

  it("sends visitors without a session to log in, and back afterwards", async () => {
    const outcome = await accountLoader({ request: new Request("http://localhost/account?tab=1"), params: {}, context }).catch((e: unknown) => e);
    expect(outcome).toBeInstanceOf(Response);
    expect((outcome as Response).headers.get("Location")).toBe(`/login?redirectTo=${encodeURIComponent("/account?tab=1")}`);
  });
});
