/**
 * What "open" means, the one rule for every kind: a post (job, internship, gig) is open while it is
 * published and its validity has not passed; a base while it is published; a course while it is
 * published and still enrolling. Search indexes exactly this, search and its database fallback
 * show it, detail pages and applications decide by it. As query filters and as a test on a row.
 */
export const openWhere = {
  posting: (now: Date) => ({ status: "published", validUntil: { gte: now } }) as const,
  base: () => ({ status: "published" }) as const,
  course: (now: Date) => ({ status: "published", enrolDeadline: { gte: now } }) as const,
};

/** A published post whose validity has passed: shown as "expired", never stored as such. */
export const expiredPostingWhere = (now: Date) => ({ status: "published", validUntil: { lt: now } }) as const;

export const isOpen = {
  posting: (row: { status: string; validUntil: Date }, now: Date) => row.status === "published" && row.validUntil >= now,
  base: (row: { status: string }) => row.status === "published",
  course: (row: { status: string; enrolDeadline: Date }, now: Date) => row.status === "published" && row.enrolDeadline >= now,
};
