/** What the demo's local SMTP server received, for /dev/mail; null when mail goes to a real SMTP_URL. */
export interface CapturedMessage {
  to: string[];
  from: string;
  subject: string;
  text: string;
  at: string;
}

const holder = globalThis as typeof globalThis & { __capturedMail?: CapturedMessage[] | null };

export function setMailCapture(mails: CapturedMessage[] | null) {
  holder.__capturedMail = mails;
}

/** The captured mail, newest first; null when nothing is captured (the page is then not there). */
export function capturedMail(): CapturedMessage[] | null {
  return holder.__capturedMail ? [...holder.__capturedMail].reverse() : null;
}

/** Loopback only: the captured mail is for the person running the demo on this machine. */
export function mayReadCapturedMail(clientAddress: string): boolean {
  return clientAddress === "127.0.0.1" || clientAddress === "::1" || clientAddress === "::ffff:127.0.0.1";
}
