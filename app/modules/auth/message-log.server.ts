import fs from "node:fs";
import path from "node:path";
import { getEnv } from "../../env.server.ts";

/**
 * The log senders also append each message to MESSAGE_LOG_FILE when it is set, so that development
 * and end-to-end tests can read a code the way a person reads their phone. Never set in production.
 */
export function appendToMessageLog(entry: { channel: "sms" | "email"; to: string; subject?: string; text: string }) {
  const file = getEnv().MESSAGE_LOG_FILE;
  if (!file) return;
  fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  fs.appendFileSync(file, `${JSON.stringify({ ...entry, at: new Date().toISOString() })}\n`, { mode: 0o600 });
}
