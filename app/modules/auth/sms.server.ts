/**
 * The seam for SMS one-time codes. Production plugs in a real gateway implementing SmsSender;
 * development and tests use the log sender, which writes the code to the server log.
 */
export interface SmsSender {
  send(phone: string, message: string): Promise<void>;
}

export class LogSmsSender implements SmsSender {
  readonly sent: { phone: string; message: string }[] = [];
  async send(phone: string, message: string) {
    this.sent.push({ phone, message });
    console.log(`[sms:dev] to ${phone}: ${message}`);
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
