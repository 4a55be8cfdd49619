import { z } from "zod";

const regionCode = z.string().regex(/^\d{6}(\d{3})?$/).optional().catch(undefined);
const year = (now: Date) => z.coerce.number().int().min(2000).max(2100).catch(new Date(now.getTime() + 8 * 3_600_000).getUTCFullYear());

/** The dashboard's URL: a bad value falls back to the default, never an error. */
export function dashboardQuerySchema(_now = new Date()) {
  return z.object({
    region: regionCode,
    // Absent or unreadable: the dashboard picks the year (this one, or the region's latest plan's last).
    year: z.coerce.number().int().min(2000).max(2100).optional().catch(undefined),
    plan: z.string().regex(/^[a-z0-9-]{3,60}$/).optional().catch(undefined),
    rank: z.coerce.number().int().positive().optional().catch(undefined),
  });
}

export function recordsQuerySchema(now = new Date()) {
  return z.object({
    indicator: z.coerce.number().int().positive().max(2_147_483_647),
    region: z.string().regex(/^\d{6}(\d{3})?$/),
    year: year(now),
    month: z.coerce.number().int().min(1).max(12).optional().catch(undefined),
    page: z.coerce.number().int().min(1).max(100_000).catch(1),
  });
}
