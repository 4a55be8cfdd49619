import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSmtpServer } from "../../../tests/setup/smtp-server.ts";
import { createTestDatabase } from "../../../tests/setup/test-env.ts";
import { resetEnvForTests } from "../../env.server.ts";
import { createDb, setDb, type Db } from "../db.server.ts";
import { forgetKeys } from "../security/secrets.server.ts";
import { logIn, logInWithCode, sendCode, signUp, startSignup, targetFor } from "./accounts.server.ts";
import { CODE_MAX_ATTEMPTS, consumeCode, flushMessages, issueCode } from "./codes.server.ts";
import { setEmailSender, SmtpEmailSender } from "./mail.server.ts";
import { LIMITS } from "./rate-limit.server.ts";
import { resetPassword } from "./recovery.server.ts";
import { loginSchema, signupSchema } from "./schemas.ts";
import { createSession, getSessionUser } from "./session.server.ts";
import { LogSmsSender, setSmsSender } from "./sms.server.ts";

const PASSWORD = "秦巴山水好风光2026";
const codeIn = (text: string | undefined) => /\b(\d{6})\b/.exec(text ?? "")?.[1];
const otherThan = (code: string) => (code === "000000" ? "111111" : "000000");

describe("one-time codes by SMS and by email (a real SMTP server), on a real SQLite database", () => {
  let db: Db;
  let dataDir: string;
  let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
  const sms = new LogSmsSender();

  beforeAll(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "jobs-codes-"));
    smtp = await startSmtpServer();
    process.env.DATA_DIR = dataDir;
    process.env.SMTP_URL = smtp.url;
    process.env.MAIL_FROM = "安康就业 <no-reply@ankang.test>";
    resetEnvForTests();
    forgetKeys();
    setEmailSender(undefined); // built from SMTP_URL on first use
    setSmsSender(sms);
    db = createDb(createTestDatabase().url);
    setDb(db);
  });
  afterAll(async () => {
    delete process.env.SMTP_URL;
    delete process.env.MAIL_FROM;
    setEmailSender(undefined);
    resetEnvForTests();
    await db.$disconnect();
    await smtp.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  async function mailTo(address: string, since: number) {
    await flushMessages();
    return smtp.waitFor(address, since);
  }
  const finish = (identifier: string, code: string, address = "10.3.0.1") =>
    signUp(signupSchema.parse({ identifier, code, displayName: "李娜", password: PASSWORD, role: "seeker" }), address);

  it("signs up with an email only after the code mailed to it comes back, in the reader's language", async () => {
    const before = smtp.mails.length;
    expect(await startSignup({ identifier: "Li.Na@Example.com", role: "seeker" }, "en", "10.3.0.1")).toEqual({ ok: true, step: "code" });
    expect(await db.user.count()).toBe(0); // nothing exists before the code is back
    const mail = await mailTo("li.na@example.com", before);
    expect(mail.from).toBe("no-reply@ankang.test");
    expect(mail.subject).toBe("Your sign-up code");
    expect(mail.text).not.toMatch(/[\u4e00-\u9fff]{4}/); // English throughout
    const code = codeIn(mail.text)!;
    expect(await finish("li.na@example.com", otherThan(code))).toEqual({ ok: false, errors: { code: "auth.codeRejected" } });
    const created = await finish("LI.NA@example.com", code);
    expect(created.ok).toBe(true);
    expect(await db.user.findUnique({ where: { email: "li.na@example.com" } })).not.toBeNull();
    expect(await finish("li.na@example.com", code)).toEqual({ ok: false, errors: { code: "auth.codeRejected" } }); // used once
  });

  it("answers a sign-up for an existing account exactly like a new one, and tells the owner instead of sending a code", async () => {
    const before = smtp.mails.length;
    const existing = await startSignup({ identifier: "li.na@example.com", role: "employer" }, "zh-CN", "10.3.0.2");
    const fresh = await startSignup({ identifier: "zhang.wei@example.com", role: "employer" }, "zh-CN", "10.3.0.2");
    expect(existing).toEqual(fresh);
    const notice = await mailTo("li.na@example.com", before);
    expect(notice.subject).toBe("您已经有账号了");
    expect(notice.text).toContain("忘记密码");
    expect(codeIn(notice.text)).toBeUndefined();
    expect(codeIn((await mailTo("zhang.wei@example.com", before)).text)).toMatch(/^\d{6}$/);
    // A guess at the existing account's code step gets the same answer as a wrong code for a new one.
    expect(await finish("li.na@example.com", "123456")).toEqual(await finish("zhang.wei@example.com", "123456"));
    expect(await db.user.count({ where: { email: "li.na@example.com" } })).toBe(1);
  });

  it("signs up with a phone by SMS, storing the number encrypted and masked", async () => {
    await startSignup({ identifier: "138 1234 5678", role: "seeker" }, "zh-CN", "10.3.0.3");
    await flushMessages();
    const message = sms.sent.filter((m) => m.phone === "13812345678").at(-1)?.message;
    expect(message).toMatch(/^【安康就业】您正在注册账号/);
    expect((await finish("+86 138-1234-5678", codeIn(message)!)).ok).toBe(true);
    const user = await db.user.findFirstOrThrow({ where: { phoneMasked: "138****5678" } });
    expect(JSON.stringify(user)).not.toContain("13812345678");
    expect(user.passwordHash).toMatch(/^\$argon2id\$/);
  });

  it("logs in with a code by email or SMS, once; unknown accounts get the same answer and nothing is sent", async () => {
    const before = smtp.mails.length;
    const smsBefore = sms.sent.length;
    const known = await sendCode(targetFor("li.na@example.com"), "login", "zh-CN", "10.4.0.1");
    const unknown = await sendCode(targetFor("nobody@example.com"), "login", "zh-CN", "10.4.0.1");
    const unknownPhone = await sendCode(targetFor("13999999999"), "login", "zh-CN", "10.4.0.1");
    expect(unknown).toEqual(known);
    expect(unknownPhone).toEqual(known);
    const code = codeIn((await mailTo("li.na@example.com", before)).text)!;
    expect(smtp.mails.slice(before).map((m) => m.to[0])).toEqual(["li.na@example.com"]);
    expect(sms.sent.length).toBe(smsBefore);
    // A wrong code for the account and any code for an unknown one: one answer.
    expect(await logInWithCode({ identifier: "li.na@example.com", code: otherThan(code) }, "login", "10.4.0.1")).toEqual(
      await logInWithCode({ identifier: "nobody@example.com", code: otherThan(code) }, "login", "10.4.0.1"),
    );
    expect((await logInWithCode({ identifier: "li.na@example.com", code }, "login", "10.4.0.1")).ok).toBe(true);
    expect((await logInWithCode({ identifier: "li.na@example.com", code }, "login", "10.4.0.1")).ok).toBe(false);

    await sendCode(targetFor("13812345678"), "login", "zh-CN", "10.4.0.1");
    await flushMessages();
    const smsCode = codeIn(sms.sent.at(-1)?.message)!;
    expect(sms.sent.at(-1)?.message).toContain("登录验证码");
    expect((await logInWithCode({ identifier: "138 1234 5678", code: smsCode }, "login", "10.4.0.1")).ok).toBe(true);
  });

  it("allows a code five tries, keeps only the newest one alive, and limits how many are sent", async () => {
    await sendCode(targetFor("13812345678"), "login", "zh-CN", "10.5.0.1");
    await flushMessages();
    const old = codeIn(sms.sent.at(-1)?.message)!;
    await sendCode(targetFor("13812345678"), "login", "zh-CN", "10.5.0.1");
    await flushMessages();
    const code = codeIn(sms.sent.at(-1)?.message)!;
    if (old !== code) expect((await logInWithCode({ identifier: "13812345678", code: old }, "login", "10.5.0.1")).ok).toBe(false);
    for (let i = old !== code ? 1 : 0; i < CODE_MAX_ATTEMPTS; i++) await logInWithCode({ identifier: "13812345678", code: otherThan(code) }, "login", "10.5.0.1");
    expect((await logInWithCode({ identifier: "13812345678", code }, "login", "10.5.0.1")).ok).toBe(false); // burnt after five wrong tries

    await sendCode(targetFor("13812345678"), "login", "zh-CN", "10.5.0.1");
    const refused = await sendCode(targetFor("13812345678"), "login", "zh-CN", "10.5.0.1");
    expect(refused).toMatchObject({ ok: false, errors: { form: "auth.tooManyAttempts" } }); // codeSendPerPair: 3 per 15 minutes
    expect((await sendCode(targetFor("13812345678"), "login", "zh-CN", "10.5.0.2")).ok).toBe(true); // the owner elsewhere still gets one
    expect(LIMITS.codeSendPerPair.max).toBe(3);
  });

  it("counts guesses sent at once: a code still allows only five tries in all", async () => {
    const target = targetFor("concurrent-guesses@test.cn");
    const code = await issueCode(db, target, "login");
    const wrong = Array.from({ length: 20 }, (_, i) => String(i).padStart(6, "0")).filter((c) => c !== code);
    await Promise.all(wrong.map((guess) => consumeCode(db, target, "login", guess)));
    expect((await db.oneTimeCode.findFirstOrThrow({ where: { targetHash: target.hash, purpose: "login" } })).attempts).toBe(CODE_MAX_ATTEMPTS);
    // The right code after the tries are gone opens nothing.
    expect(await consumeCode(db, target, "login", code)).toBe(false);
  });

  it("limits code checks per address, so the code step cannot be brute-forced across fresh codes", async () => {
    for (let i = 0; i < LIMITS.codeVerifyPerAddress.max; i++) await logInWithCode({ identifier: `guess${i}@example.com`, code: "123456" }, "unlock", "10.5.9.9");
    expect(await logInWithCode({ identifier: "13812345678", code: "123456" }, "unlock", "10.5.9.9")).toMatchObject({ ok: false, errors: { form: "auth.tooManyAttempts" } });
  });

  it("resets a password by code: single use, the old password stops working, and every other session ends", async () => {
    const user = await db.user.findUniqueOrThrow({ where: { email: "li.na@example.com" } });
    const otherDevice = (await createSession(user.id, new Request("http://localhost/"), false)).split(";")[0]!;
    const before = smtp.mails.length;
    expect(await sendCode(targetFor("li.na@example.com"), "reset", "zh-CN", "10.6.0.1")).toEqual(await sendCode(targetFor("ghost@example.com"), "reset", "zh-CN", "10.6.0.1"));
    const mail = await mailTo("li.na@example.com", before);
    expect(mail.subject).toBe("重设密码的验证码");
    const code = codeIn(mail.text)!;
    const newPassword = "汉江边上的柿子树又红了";
    const weak = await resetPassword({ identifier: "li.na@example.com", code, password: "qwerty12" }, "10.6.0.1");
    expect(weak.ok).toBe(false);
    if (!weak.ok) expect(weak.errors.password?.[0]).toBe("forms.passwordWarning.common");
    expect(await resetPassword({ identifier: "ghost@example.com", code, password: newPassword }, "10.6.0.1")).toEqual({ ok: false, errors: { code: "auth.codeRejected" } });
    expect((await resetPassword({ identifier: "li.na@example.com", code, password: newPassword }, "10.6.0.1")).ok).toBe(true);
    expect((await resetPassword({ identifier: "li.na@example.com", code, password: "另一个很长的新密码也不行" }, "10.6.0.1")).ok).toBe(false);
    expect(await getSessionUser(new Request("http://localhost/", { headers: { Cookie: otherDevice } }))).toBeNull();
    expect((await logIn(loginSchema.parse({ identifier: "li.na@example.com", password: PASSWORD }), "10.6.0.1")).ok).toBe(false);
    expect((await logIn(loginSchema.parse({ identifier: "li.na@example.com", password: newPassword }), "10.6.0.1")).ok).toBe(true);
  });

  it("sends through the SMTP sender directly as well (the seam the app uses when SMTP_URL is set)", async () => {
    const sender = new SmtpEmailSender(smtp.url, "test@ankang.test");
    const before = smtp.mails.length;
    await sender.send({ to: "seam@example.com", subject: "主题", text: "正文 123456" });
    sender.close();
    expect(await smtp.waitFor("seam@example.com", before)).toMatchObject({ subject: "主题", text: expect.stringContaining("正文 123456") });
  });
});
