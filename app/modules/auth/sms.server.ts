import { appendToMessageLog } from "./message-log.server.ts";

/**
 * The seam for SMS. Production plugs in a real gateway implementing SmsSender; without one the log
 * sender writes each message to the server log (and to MESSAGE_LOG_FILE when that is set).
 */
export interface SmsSender {
  send(phone: string, message: string): Promise<void>;
}

export class LogSmsSender implements SmsSender {
  readonly sent: { phone: string; message: string }[] = [];
  async send(phone: string, message: string) {
    this.sent.push({ phone, message });
    console.log(`[sms:log] to ${phone}: ${message}`);
    appendToMessageLog({ channel: "sms", to: phone, text: message });
  }
}

const holder = globalThis as typeof globalThis & { __smsSender?: SmsSender };

export function getSmsSender(): SmsSender {
  holder.__smsSender ??= new LogSmsSender();
  return holder.__smsSender;
}

export function setSmsSender(sender: SmsSender) {
  holder.__smsSender = sender;
}
