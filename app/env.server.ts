import net from "node:net";
import path from "node:path";
import { z } from "zod";

const PROXY_NAMES = new Set(["loopback", "linklocal", "uniquelocal"]);
const isProxyAddress = (entry: string) => {
  if (PROXY_NAMES.has(entry)) return true;
  const [ip = "", bits, ...rest] = entry.split("/");
  const family = net.isIP(ip);
  if (!family || rest.length) return false;
  return bits === undefined || (/^\d{1,3}$/.test(bits) && Number(bits) <= (family === 4 ? 32 : 128));
};

/**
 * Which proxies' X-Forwarded-For/-Proto/-Host to believe: unset (none: the socket is the client), a
 * hop count, or addresses/CIDRs/names, in the forms Express's `trust proxy` takes. "true" (believe
 * any sender) is refused: every visitor could then pick their own address.
 */
const trustProxy = z
  .string()
  .optional()
  .transform((value, ctx): false | number | string[] => {
    const text = (value ?? "").trim();
    if (text === "" || text === "false" || text === "0") return false;
    if (/^\d+$/.test(text)) return Number(text);
    const entries = text.split(",").map((e) => e.trim()).filter(Boolean);
    const bad = entries.filter((e) => !isProxyAddress(e));
    if (bad.length) ctx.addIssue({ code: "custom", message: `a hop count (1 for one proxy), or proxy addresses/CIDRs (e.g. 127.0.0.1,10.0.0.0/8,loopback); not ${bad.join(", ")}` });
    return entries;
  });

const envSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("production"),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  HOST: z.string().min(1).default("0.0.0.0"),
  DATA_DIR: z.string().min(1).default("./data"),
  DATABASE_URL: z.string().startsWith("file:", "DATABASE_URL must be a SQLite file: URL").optional(),
  MEILI_URL: z.string().url().optional(),
  MEILI_MASTER_KEY: z.string().min(16, "MEILI_MASTER_KEY must be at least 16 bytes").optional(),
  MEILI_BIN: z.string().optional(),
  MEILI_INDEX: z.string().regex(/^[a-zA-Z0-9_-]+$/).default("opportunities"),
  SEED_DEMO: z.enum(["true", "false"]).default("true"),
  /** Keep public answers in memory until the search sync changes something (server/page-cache.ts). */
  PAGE_CACHE: z.enum(["true", "false"]).default("true"),
  /** 32+ random bytes (base64 or hex) from which the encryption, hashing and cookie keys derive. */
  APP_SECRET: z.string().min(32, "APP_SECRET must be at least 32 characters").optional(),
  /** Origins allowed to post forms besides the request's own host, comma-separated. */
  TRUSTED_ORIGINS: z.string().optional(),
  /** Secure cookies need HTTPS (or localhost); set "false" only to try the site over plain HTTP on a LAN. */
  COOKIE_SECURE: z.enum(["true", "false"]).optional(),
  /** Send email over SMTP (smtp:// or smtps://user:pass@host:port); without it mail goes to the log. */
  SMTP_URL: z.string().regex(/^smtps?:\/\/./, "SMTP_URL must be an smtp:// or smtps:// URL").optional(),
  /** Without SMTP_URL, mail goes to a local SMTP server the site starts, readable at /dev/mail from this machine; "false": to the log. */
  MAIL_CAPTURE: z.enum(["true", "false"]).default("true"),
  /** How often saved searches are checked, in milliseconds; "at once" alerts wait at most this long. */
  ALERT_PASS_MS: z.coerce.number().int().min(500).max(3_600_000).default(60_000),
  /** Follow-up of applications: days without an answer before the employer is reminded, and before staff take it up. */
  FOLLOW_UP_REMIND_DAYS: z.coerce.number().int().min(1).max(60).default(7),
  FOLLOW_UP_ESCALATE_DAYS: z.coerce.number().int().min(2).max(90).default(14),
  /** Applications an employer must have had before its response rate is shown on its posts. */
  FOLLOW_UP_MIN_APPLICATIONS: z.coerce.number().int().min(1).max(1000).default(5),
  /** How often the follow-up pass runs, in milliseconds. */
  FOLLOW_UP_PASS_MS: z.coerce.number().int().min(1000).max(86_400_000).default(3_600_000),
  /** The site's public address, for links in mail and SMS (default: http://localhost:PORT). */
  SITE_URL: z.string().url().optional(),
  /** The From address of the site's mail. */
  MAIL_FROM: z.string().min(3).default("安康就业创业服务网 <no-reply@localhost>"),
  /** The log senders (SMS, and email without SMTP_URL) also append each message here as a JSON line: development and tests only. */
  MESSAGE_LOG_FILE: z.string().min(1).optional(),
  TRUST_PROXY: trustProxy,
  /** Travel-time estimate (app/modules/places/distance.ts, which reads them): road km per straight km, and speeds. */
  TRAVEL_ROAD_FACTOR: z.coerce.number().min(1).max(3).optional(),
  TRAVEL_RURAL_KMH: z.coerce.number().min(5).max(120).optional(),
  TRAVEL_URBAN_KMH: z.coerce.number().min(5).max(120).optional(),
  /** The city (or county) this site serves: the public pages list its counties and towns. */
  SITE_REGION: z.string().regex(/^\d{6}$/, "SITE_REGION must be a 6-digit division code (610900 for Ankang)").default("610900"),
}).superRefine((env, ctx) => {
  if (env.FOLLOW_UP_ESCALATE_DAYS <= env.FOLLOW_UP_REMIND_DAYS) {
    ctx.addIssue({ code: "custom", path: ["FOLLOW_UP_ESCALATE_DAYS"], message: `must be more than FOLLOW_UP_REMIND_DAYS (${env.FOLLOW_UP_REMIND_DAYS}): the employer is reminded before staff take it up` });
  }
});

export type Env = z.infer<typeof envSchema> & { DATABASE_URL: string; DATA_DIR: string };

let cached: Env | undefined;

/** Parses process.env once; a bad value stops the boot with a message naming the variable. */
export function getEnv(): Env {
  if (cached) return cached;
  const parsed = envSchema.safeParse(process.env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new Error(`Invalid environment:\n${lines.join("\n")}`);
  }
  const dataDir = path.resolve(parsed.data.DATA_DIR);
  cached = {
    ...parsed.data,
    DATA_DIR: dataDir,
    DATABASE_URL: parsed.data.DATABASE_URL ?? `file:${path.join(dataDir, "app.db")}`,
  };
  return cached;
}

export function resetEnvForTests() {
  cached = undefined;
}
