import type { Frequency } from "./codes.ts";

/** When a saved search is next checked: at once (every few minutes), daily or weekly at 8:00 China time. */

/** "At once": the next pass (the site checks every ALERT_PASS_MS, a minute by default). */
export const INSTANT_EVERY_MS = 60_000;
const CHINA_OFFSET_MS = 8 * 3_600_000;
const DAY_MS = 86_400_000;
const SEND_HOUR = 8;

/** The next 8:00 China time strictly after `now` (daily), or the next Monday's (weekly). */
export function nextRunAfter(frequency: Frequency, now: Date, instantMs = INSTANT_EVERY_MS): Date {
  if (frequency === "instant") return new Date(now.getTime() + instantMs);
  const china = now.getTime() + CHINA_OFFSET_MS;
  const dayStart = Math.floor(china / DAY_MS) * DAY_MS;
  let next = dayStart + SEND_HOUR * 3_600_000;
  if (next <= china) next += DAY_MS;
  if (frequency === "weekly") {
    // 1970-01-01 was a Thursday: (days + 3) % 7 is 0 on Mondays.
    while ((Math.floor(next / DAY_MS) + 3) % 7 !== 0) next += DAY_MS;
  }
  return new Date(next - CHINA_OFFSET_MS);
}
