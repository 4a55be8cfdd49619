import nodemailer, { type Transporter } from "nodemailer";
import { getEnv } from "../../env.server.ts";
import { appendToMessageLog } from "./message-log.server.ts";

export interface Mail {
  to: string;
  subject: string;
  text: string;
}

/** The seam for email, in the same style as SmsSender: a log sender by default, SMTP when SMTP_URL is set. */
export interface EmailSender {
  send(mail: Mail): Promise<void>;
}

export class LogEmailSender implements EmailSender {
  readonly sent: Mail[] = [];
  async send(mail: Mail) {
    this.sent.push(mail);
    console.log(`[mail:log] to ${mail.to}: ${mail.subject}\n${mail.text}`);
    appendToMessageLog({ channel: "email", to: mail.to, subject: mail.subject, text: mail.text });
  }
}

export class SmtpEmailSender implements EmailSender {
  private readonly transport: Transporter;
  constructor(
    url: string,
    private readonly from: string,
  ) {
    // A pooled connection: codes go out one by one, and a new TLS handshake each time is slow.
    this.transport = nodemailer.createTransport(url.includes("?") ? `${url}&pool=true` : `${url}?pool=true`);
  }
  async send(mail: Mail) {
    await this.transport.sendMail({ from: this.from, to: mail.to, subject: mail.subject, text: mail.text });
  }
  close() {
    this.transport.close();
  }
}

const holder = globalThis as typeof globalThis & { __emailSender?: EmailSender };

export function getEmailSender(): EmailSender {
  if (!holder.__emailSender) {
    const env = getEnv();
    holder.__emailSender = env.SMTP_URL ? new SmtpEmailSender(env.SMTP_URL, env.MAIL_FROM) : new LogEmailSender();
  }
  return holder.__emailSender;
}

/** Replaces the sender (tests); a replaced SMTP sender closes its pooled connections. */
export function setEmailSender(sender: EmailSender | undefined) {
  if (holder.__emailSender instanceof SmtpEmailSender) holder.__emailSender.close();
  holder.__emailSender = sender;
}
