import path from "node:path";
import { startSmtpServer } from "../setup/smtp-server.ts";

/** A real SMTP server for the app's mail; the specs read what it received from E2E_DATA_DIR/mail.jsonl. */
export default async function globalSetup() {
  const smtp = await startSmtpServer({ port: Number(process.env.E2E_SMTP_PORT), file: path.join(process.env.E2E_DATA_DIR!, "mail.jsonl") });
  return () => smtp.close();
}
