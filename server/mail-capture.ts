import fs from "node:fs";
import type { AddressInfo } from "node:net";
import { simpleParser } from "mailparser";
import { SMTPServer } from "smtp-server";

export interface CapturedMail {
  to: string[];
  from: string;
  subject: string;
  text: string;
  at: string;
}

/**
 * A real SMTP server on a free loopback port that keeps every mail it accepts (and appends it as a
 * JSON line to `file` when given): the demo site's mail when no SMTP_URL is set (read at /dev/mail)
 * and the tests' mail. `refuse` names addresses it answers with 550. Its packages are development
 * dependencies, so the site imports this file only when it needs it.
 */
export async function startSmtpServer(options: { file?: string; port?: number; refuse?: (address: string) => boolean; keep?: number } = {}) {
  const mails: CapturedMail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    closeTimeout: 1_000,
    // A mailbox the server says does not exist (550), as real servers answer for a mistyped address.
    onRcptTo(address, _session, callback) {
      if (options.refuse?.(address.address.toLowerCase())) return callback(Object.assign(new Error("5.1.1 mailbox unavailable"), { responseCode: 550 }));
      callback();
    },
    onData(stream, session, callback) {
      simpleParser(stream)
        .then((parsed) => {
          const mail: CapturedMail = {
            to: session.envelope.rcptTo.map((r) => r.address.toLowerCase()),
            from: typeof session.envelope.mailFrom === "object" ? session.envelope.mailFrom.address : "",
            subject: parsed.subject ?? "",
            text: parsed.text ?? "",
            at: new Date().toISOString(),
          };
          mails.push(mail);
          // A long-running demo keeps only the newest mail in memory.
          if (options.keep && mails.length > options.keep) mails.splice(0, mails.length - options.keep);
          if (options.file) fs.appendFileSync(options.file, `${JSON.stringify(mail)}\n`);
          callback();
        })
        .catch((error: Error) => callback(error));
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, "127.0.0.1", () => resolve());
  });
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    port,
    mails,
    /** The newest mail to `to` received after `since` mails, waiting for it up to `timeoutMs`. */
    async waitFor(to: string, since = 0, timeoutMs = 5_000): Promise<CapturedMail> {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const mail = mails.slice(since).filter((m) => m.to.includes(to.toLowerCase())).at(-1);
        if (mail) return mail;
        if (Date.now() > deadline) throw new Error(`no mail to ${to} within ${timeoutMs} ms`);
        await new Promise((r) => setTimeout(r, 25));
      }
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
