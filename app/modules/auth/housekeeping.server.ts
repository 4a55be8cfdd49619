import { repeatEvery } from "../../utils/repeat.ts";
import type { Db } from "../db.server.ts";
import { LIMITS } from "./rate-limit.server.ts";
import { SESSION_IDLE_MS } from "./session.server.ts";

/** A returnee registration whose link was never opened is removed with its phone and address, like an unconfirmed alert. */
export const UNCONFIRMED_REGISTRATION_MS = 3 * 24 * 3_600_000;

const HOUR = 3_600_000;
const LONGEST_WINDOW_MS = Math.max(...Object.values(LIMITS).map((limit) => limit.windowMs));

/**
 * Sign-in leaves rows that stop meaning anything: codes past their expiry, sessions past their
 * absolute or (the longest) idle expiry, rate-limit windows older than the longest window. None is
 * needed again, and the codes and sessions are personal data kept no longer than their use. So is
 * a returnee registration nobody confirmed: someone typed a phone or an address that was not theirs.
 */
export async function purgeExpired(db: Db, now = new Date()) {
  const [codes, sessions, limits, registrations] = await db.$transaction([
    db.oneTimeCode.deleteMany({ where: { expiresAt: { lt: now } } }),
    db.session.deleteMany({ where: { OR: [{ expiresAt: { lt: now } }, { lastSeenAt: { lt: new Date(now.getTime() - SESSION_IDLE_MS) } }] } }),
    db.rateLimit.deleteMany({ where: { windowStart: { lt: new Date(now.getTime() - LONGEST_WINDOW_MS) } } }),
    db.returneeRegistration.deleteMany({ where: { confirmedAt: null, createdAt: { lt: new Date(now.getTime() - UNCONFIRMED_REGISTRATION_MS) } } }),
  ]);
  return { codes: codes.count, sessions: sessions.count, rateLimits: limits.count, registrations: registrations.count };
}

/** At boot and then every hour. */
export function startHousekeeping(db: Db, log: (line: string) => void = () => {}, everyMs = HOUR): { stop(): void } {
  return repeatEvery(everyMs, () => {
    purgeExpired(db).then(
      (n) => n.codes + n.sessions + n.rateLimits + n.registrations > 0 && log(`housekeeping: removed ${n.codes} expired codes, ${n.sessions} sessions, ${n.rateLimits} rate-limit windows, ${n.registrations} unconfirmed returnee registrations`),
      (error: unknown) => log(`housekeeping failed (${String(error)}); next try in an hour`),
    );
  });
}
