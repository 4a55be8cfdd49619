import { createCipheriv, createDecipheriv, createHash, createHmac, hkdfSync, randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { getEnv } from "../../env.server.ts";

/**
 * One root secret (APP_SECRET, or 32 random bytes generated once into DATA_DIR/app-secret) and
 * keys derived from it per purpose, so a leaked cookie key says nothing about the data key.
 */
function rootSecret(): Buffer {
  const env = getEnv();
  if (env.APP_SECRET) return Buffer.from(env.APP_SECRET, "utf8");
  const file = path.join(env.DATA_DIR, "app-secret");
  if (!fs.existsSync(file)) {
    fs.mkdirSync(env.DATA_DIR, { recursive: true });
    fs.writeFileSync(file, randomBytes(32).toString("base64url"), { mode: 0o600, flag: "wx" });
  }
  return Buffer.from(fs.readFileSync(file, "utf8").trim(), "utf8");
}

type Purpose = "data-encryption" | "lookup-hash" | "cookie-signing";
const holder = globalThis as typeof globalThis & { __appKeys?: Map<Purpose, Buffer> };

export function deriveKey(purpose: Purpose): Buffer {
  holder.__appKeys ??= new Map();
  let key = holder.__appKeys.get(purpose);
  if (!key) {
    key = Buffer.from(hkdfSync("sha256", rootSecret(), Buffer.from("ankang-jobs"), Buffer.from(purpose), 32));
    holder.__appKeys.set(purpose, key);
  }
  return key;
}

/** For tests that switch DATA_DIR or APP_SECRET. */
export function forgetKeys() {
  holder.__appKeys = undefined;
}

/** AES-256-GCM; "v1." + base64url(iv ‖ tag ‖ ciphertext). */
export function encrypt(plain: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", deriveKey("data-encryption"), iv);
  const body = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()]);
  return `v1.${Buffer.concat([iv, cipher.getAuthTag(), body]).toString("base64url")}`;
}

export function decrypt(sealed: string): string {
  if (!sealed.startsWith("v1.")) throw new Error("unknown ciphertext version");
  const raw = Buffer.from(sealed.slice(3), "base64url");
  const decipher = createDecipheriv("aes-256-gcm", deriveKey("data-encryption"), raw.subarray(0, 12));
  decipher.setAuthTag(raw.subarray(12, 28));
  return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString("utf8");
}

/** Keyed hash for looking up personal data without storing it in the clear. */
export function lookupHash(kind: "phone" | "email" | "id-number", value: string): string {
  return createHmac("sha256", deriveKey("lookup-hash")).update(`${kind}:${value}`).digest("hex");
}

export function sha256(value: string): string {
  return createHash("sha256").update(value).digest("hex");
}

export function randomToken(bytes = 32): string {
  return randomBytes(bytes).toString("base64url");
}
