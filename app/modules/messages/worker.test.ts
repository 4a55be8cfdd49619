import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getFreePort } from "../../../search/launcher.ts";
import { openEmptyDatabase } from "../../../tests/setup/test-env.ts";
import { startSmtpServer } from "../../../tests/setup/smtp-server.ts";
import { LogSmsSender, setSmsSender } from "../auth/sms.server.ts";
import { setEmailSender, SmtpEmailSender } from "../auth/mail.server.ts";
import type { Db } from "../db.server.ts";
import { enqueueMessages, type OutgoingMessage } from "./outbox.server.ts";
import { MAX_MESSAGE_ATTEMPTS, messageBackoffMs, MessageWorker } from "./worker.server.ts";

/** The message outbox against a real SMTP server on a loopback port and a real SQLite file. */
describe("message outbox", () => {
  let db: Db;
  let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
  let sms: LogSmsSender;
  let cleanup: () => Promise<void>;
  const worker = () => new MessageWorker(db);
  const mail = (to: string, subject = "新岗位提醒"): OutgoingMessage => ({ channel: "email", to, subject, text: `您关注的搜索有新岗位。\n${subject}`, purpose: "alert" });
  const queue = (messages: OutgoingMessage[]) => db.$transaction((tx) => enqueueMessages(tx, messages));

  beforeAll(async () => {
    ({ db, cleanup } = openEmptyDatabase());
    smtp = await startSmtpServer({ refuse: (address) => address === "nobody@example.cn" });
    setEmailSender(new SmtpEmailSender(smtp.url, "安康就业 <no-reply@example.cn>"));
    sms = new LogSmsSender();
    setSmsSender(sms);
  });
  afterAll(async () => {
    setEmailSender(undefined);
    await smtp.close();
    await cleanup();
  });

  it("keeps the address encrypted, sends each message once, and a refused address is parked without holding up the rest", async () => {
    await queue([mail("nobody@example.cn", "发往不存在的邮箱"), mail("wang@example.cn"), { channel: "sms", to: "13900001111", text: "【安康就业】新岗位", purpose: "alert" }]);
    expect(JSON.stringify(await db.messageOutbox.findMany())).not.toContain("wang@example.cn");
    const before = smtp.mails.length;

    expect(await worker().runOnce()).toBe(3);
    const received = smtp.mails.slice(before);
    expect(received.map((m) => m.to)).toEqual([["wang@example.cn"]]);
    expect(received[0]).toMatchObject({ subject: "新岗位提醒", from: "no-reply@example.cn" });
    expect(sms.sent).toEqual([{ phone: "13900001111", message: "【安康就业】新岗位" }]);

    const left = await db.messageOutbox.findMany();
    expect(left).toHaveLength(1);
    expect(left[0]).toMatchObject({ subject: "发往不存在的邮箱", attempts: 1 });
    expect(left[0]!.deadAt).not.toBeNull();
    expect(left[0]!.lastError).toMatch(/550|mailbox unavailable/);
    // A parked message is not tried again, and nothing is sent twice.
    expect(await worker().runOnce()).toBe(0);
    expect(smtp.mails.length).toBe(before + 1);
    await db.messageOutbox.deleteMany();
  });

  it("while the mail server is down, a message waits with growing pauses, then goes once it is back", async () => {
    const downPort = await getFreePort();
    setEmailSender(new SmtpEmailSender(`smtp://127.0.0.1:${downPort}`, "no-reply@example.cn"));
    await queue([mail("li@example.cn", "服务器停机时的提醒")]);
    const t0 = new Date();
    expect(await worker().runOnce(t0)).toBe(1);
    let row = await db.messageOutbox.findFirstOrThrow();
    expect(row).toMatchObject({ attempts: 1, deadAt: null });
    expect(row.nextAttempt.getTime()).toBe(t0.getTime() + messageBackoffMs(1));
    // Not due yet: nothing is tried.
    expect(await worker().runOnce(new Date(t0.getTime() + 1000))).toBe(0);
    const t1 = new Date(t0.getTime() + messageBackoffMs(1));
    expect(await worker().runOnce(t1)).toBe(1);
    row = await db.messageOutbox.findFirstOrThrow();
    expect(row.attempts).toBe(2);
    expect(row.nextAttempt.getTime()).toBe(t1.getTime() + messageBackoffMs(2));
    expect(messageBackoffMs(2)).toBe(2 * messageBackoffMs(1));

    setEmailSender(new SmtpEmailSender(smtp.url, "no-reply@example.cn"));
    const before = smtp.mails.length;
    expect(await worker().runOnce(row.nextAttempt)).toBe(1);
    expect(smtp.mails.slice(before).map((m) => m.subject)).toEqual(["服务器停机时的提醒"]);
    expect(await db.messageOutbox.count()).toBe(0);
  });

  it(`parks a message after ${MAX_MESSAGE_ATTEMPTS} failed tries`, async () => {
    setEmailSender(new SmtpEmailSender(`smtp://127.0.0.1:${await getFreePort()}`, "no-reply@example.cn"));
    await queue([mail("zhao@example.cn", "一直发不出去")]);
    let at = new Date();
    for (let i = 0; i < MAX_MESSAGE_ATTEMPTS; i++) {
      await worker().runOnce(at);
      at = (await db.messageOutbox.findFirstOrThrow()).nextAttempt;
    }
    const row = await db.messageOutbox.findFirstOrThrow();
    expect(row.attempts).toBe(MAX_MESSAGE_ATTEMPTS);
    expect(row.deadAt).not.toBeNull();
    expect(await worker().runOnce(new Date(at.getTime() + 86_400_000))).toBe(0);
    setEmailSender(new SmtpEmailSender(smtp.url, "no-reply@example.cn"));
    await db.messageOutbox.deleteMany();
  });

  it("writes nothing when the event's transaction fails: a message goes out only for what happened", async () => {
    await expect(
      db.$transaction(async (tx) => {
        await enqueueMessages(tx, [mail("chen@example.cn", "不该发出的提醒")]);
        throw new Error("the event failed");
      }),
    ).rejects.toThrow("the event failed");
    expect(await db.messageOutbox.count()).toBe(0);
  });
});
