import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSmtpServer } from "../../server/mail-capture.ts";
import { openEmptyDatabase } from "../../tests/setup/test-env.ts";
import { setEmailSender, SmtpEmailSender } from "~/modules/auth/mail.server.ts";
import type { Db } from "~/modules/db.server.ts";
import { setMailCapture } from "~/modules/messages/capture.server.ts";
import { enqueueMessages } from "~/modules/messages/outbox.server.ts";
import { MessageWorker } from "~/modules/messages/worker.server.ts";
import { loader } from "./dev.mail.tsx";

/** The demo's mail, end to end: the outbox, the local SMTP server the site starts without SMTP_URL, and /dev/mail. */
describe("/dev/mail", () => {
  let db: Db;
  let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
  let cleanup: () => Promise<void>;
  const open = (clientAddress: string) => loader({ request: new Request("http://localhost/dev/mail"), params: {}, context: { clientAddress } });
  const status = (promise: Promise<unknown>) => promise.then(() => 200, (thrown: Response) => thrown.status);

  beforeAll(async () => {
    ({ db, cleanup } = openEmptyDatabase());
    smtp = await startSmtpServer({ keep: 500 });
    setEmailSender(new SmtpEmailSender(smtp.url, "no-reply@example.cn"));
  });
  afterAll(async () => {
    setMailCapture(null);
    setEmailSender(undefined);
    await smtp.close();
    await cleanup();
  });

  it("is not there while mail goes to a real SMTP server", async () => {
    setMailCapture(null);
    expect(await status(open("127.0.0.1"))).toBe(404);
  });

  it("shows what the site sent, newest first, to the machine itself and to nobody else", async () => {
    setMailCapture(smtp.mails);
    await db.$transaction((tx) =>
      enqueueMessages(tx, [
        { channel: "email", to: "first@example.cn", subject: "第一封", text: "第一封提醒", purpose: "alert" },
        { channel: "email", to: "second@example.cn", subject: "第二封", text: "第二封提醒", purpose: "alert" },
      ]),
    );
    await new MessageWorker(db).runOnce();
    const { mails } = await open("127.0.0.1");
    expect(mails.map((m) => [m.to, m.subject, m.text.trim()])).toEqual([
      [["second@example.cn"], "第二封", "第二封提醒"],
      [["first@example.cn"], "第一封", "第一封提醒"],
    ]);
    expect(await status(open("::1"))).toBe(200);
    expect(await status(open("10.9.0.1"))).toBe(404);
  });
});
