import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { expect, type Browser, type Page } from "@playwright/test";
import { DEMO_PASSWORD, demoLogin } from "../../prisma/seed/demo-accounts.ts";

export { DEMO_PASSWORD, demoLogin };

/** A fresh browser context (its own cookies), logged in with the password form; demo password by default. */
export async function logIn(browser: Browser, identifier: string, options: { password?: string; javaScriptEnabled?: boolean } = {}): Promise<Page> {
  const page = await (await browser.newContext({ javaScriptEnabled: options.javaScriptEnabled ?? true, acceptDownloads: true })).newPage();
  await logInOn(page, identifier, options.password);
  return page;
}

/** The same on a page the test already has. */
export async function logInOn(page: Page, identifier: string, password = DEMO_PASSWORD) {
  await submitLogin(page, identifier, password);
  await expect(page).not.toHaveURL(/\/login/);
}

/** Fills and sends the password form, whatever the answer (for tests of a refusal). */
export async function submitLogin(page: Page, identifier: string, password: string) {
  await page.goto("/login");
  await page.getByLabel("手机号或邮箱").fill(identifier);
  await page.getByLabel("密码", { exact: true }).fill(password);
  await page.getByRole("button", { name: "登录", exact: true }).click();
}

/** The e2e site's own database (the config hands its folder to the workers); read-only unless asked. */
export function withDemoDb<T>(run: (db: Database.Database) => T, options: { write?: boolean } = {}): T {
  const db = new Database(path.join(process.env.E2E_DATA_DIR!, "app.db"), { readonly: !options.write, fileMustExist: true, timeout: 5000 });
  try {
    return run(db);
  } finally {
    db.close();
  }
}

/** One row of the e2e site's database, or undefined. */
export const demoRow = <T>(sql: string, ...params: unknown[]) => withDemoDb((db) => db.prepare(sql).get(...params) as T | undefined);

/**
 * Shared steps for the specs: read a one-time code the way its owner would (mail from the real SMTP
 * server the global setup runs; SMS from the log sender's file), and sign up through the confirmed
 * two-step sign-up.
 */
interface Message {
  to: string | string[];
  subject?: string;
  text: string;
  at: string;
}

function readLines(file: string): Message[] {
  if (!fs.existsSync(file)) return [];
  return fs.readFileSync(file, "utf8").split("\n").filter(Boolean).map((line) => JSON.parse(line) as Message);
}

/** Every message sent to a phone (digits only) or an email since `since` (ms), oldest first. */
export function messagesTo(identifier: string, since = 0): Message[] {
  const dir = process.env.E2E_DATA_DIR!;
  const email = identifier.includes("@") ? identifier.trim().toLowerCase() : null;
  const phone = identifier.replace(/\D/g, "").replace(/^86(?=1\d{10}$)/, "");
  const all = email ? readLines(path.join(dir, "mail.jsonl")).filter((m) => ([] as string[]).concat(m.to).includes(email)) : readLines(path.join(dir, "messages.jsonl")).filter((m) => m.to === phone);
  return all.filter((m) => Date.parse(m.at) >= since);
}

/** The code in the newest message to `identifier` sent after `since`, waiting for it to arrive. */
export async function latestCode(identifier: string, since: number): Promise<string> {
  let code: string | undefined;
  await expect
    .poll(() => {
      code = /\b(\d{6})\b/.exec(messagesTo(identifier, since).at(-1)?.text ?? "")?.[1];
      return code;
    }, { message: `a code for ${identifier}`, timeout: 10_000 })
    .toMatch(/^\d{6}$/);
  return code!;
}

/** A private-range address made from an identifier: the same account always comes from the same one. */
function addressFor(identifier: string): string {
  let h = 0;
  for (const ch of identifier) h = (h * 31 + ch.charCodeAt(0)) >>> 0;
  return `10.${(h >>> 16) & 255}.${(h >>> 8) & 255}.${(h & 255) || 1}`;
}

/** Sign up a new seeker or employer: the identifier, the code sent to it, then name and password. */
export async function signUp(page: Page, account: { identifier: string; displayName: string; password: string; employer?: boolean }) {
  // Each new account signs up from an address of its own (the e2e server trusts the loopback proxy),
  // as real people do: the suite makes more accounts than one address may in an hour.
  await page.setExtraHTTPHeaders({ "X-Forwarded-For": addressFor(account.identifier) });
  await page.goto("/signup");
  if (account.employer) await page.getByLabel(/用人单位/).check();
  await page.getByLabel("手机号或邮箱").fill(account.identifier);
  const since = Date.now();
  await page.getByRole("button", { name: "发送验证码", exact: true }).click();
  await expect(page.getByTestId("code-sent")).toBeVisible();
  await page.getByLabel("验证码").fill(await latestCode(account.identifier, since));
  await page.getByLabel("怎么称呼您").fill(account.displayName);
  await page.getByLabel("密码", { exact: true }).fill(account.password);
  await page.getByRole("button", { name: "注册", exact: true }).click();
}

/**
 * A new published job, copied from a demo job (in `countyCode` when given) with a new title, and
 * queued for search as the app queues its writes: "an employer just posted this". Its id.
 */
export function publishJobCopy(title: string, options: { countyCode?: string } = {}): number {
  return withDemoDb((db) => {
    const columns = (db.prepare("PRAGMA table_info(Posting)").all() as { name: string }[]).map((c) => c.name).filter((c) => c !== "id");
    const validUntil = new Date(Date.now() + 7 * 86_400_000).toISOString();
    const source = (options.countyCode
      ? db.prepare("SELECT id FROM Posting WHERE kind = 'job' AND status = 'published' AND validUntil > ? AND countyCode = ? ORDER BY id LIMIT 1").get(validUntil, options.countyCode)
      : db.prepare("SELECT id FROM Posting WHERE kind = 'job' AND status = 'published' AND validUntil > ? ORDER BY id LIMIT 1").get(validUntil)) as { id: number };
    const now = new Date().toISOString();
    const set: Record<string, unknown> = { title, publishedAt: now, createdAt: now, updatedAt: now };
    const select = columns.map((c) => (c in set ? "?" : `"${c}"`)).join(", ");
    const values = columns.filter((c) => c in set).map((c) => set[c]);
    const { lastInsertRowid } = db.prepare(`INSERT INTO Posting (${columns.map((c) => `"${c}"`).join(", ")}) SELECT ${select} FROM Posting WHERE id = ?`).run(...values, source.id);
    db.prepare("INSERT INTO SearchOutbox (docId, op, nextAttempt, createdAt) VALUES (?, 'sync', ?, ?)").run(`job-${lastInsertRowid}`, now, now);
    return Number(lastInsertRowid);
  }, { write: true });
}

/** The least of a résumé that applying needs: a name and a phone, saved from /me/profile. */
export async function saveShortProfile(page: Page, profile: { name: string; phone: string }) {
  await page.goto("/me/profile");
  await page.getByLabel("姓名", { exact: true }).fill(profile.name);
  await page.getByLabel("联系电话", { exact: true }).fill(profile.phone);
  await page.getByRole("button", { name: "保存简历" }).click();
  await expect(page.getByTestId("profile-saved")).toBeVisible();
}
