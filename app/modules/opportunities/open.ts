/**
 * What "open" means, the one rule for every kind: a post (job, internship, gig) is open while it is
 * published and its validity has not passed; a base while it is published; a course while it is
 * published and still enrolling. Search indexes exactly this, search and its database fallback
 * show it, detail pages and applications decide by it, the expiry sweep drops what it no longer
 * covers. As query filters and as a test on a row. (The index keeps the deadline as `validUntil`
 * for every kind, search/documents.ts; its filter is search/query.ts openFilter.)
 */
const published = { status: "published" } as const;

export const openWhere = {
  posting: (now: Date) => ({ ...published, validUntil: { gte: now } }) as const,
  base: () => published,
  course: (now: Date) => ({ ...published, enrolDeadline: { gte: now } }) as const,
};

/**
 * Published but past its date: shown as "expired", never stored as such. With `since`, only what
 * passed its date after then (what the expiry sweep has not handled yet).
 */
export const expiredWhere = {
  posting: (now: Date, since?: Date) => ({ ...published, validUntil: since ? { gte: since, lt: now } : { lt: now } }) as const,
  course: (now: Date, since?: Date) => ({ ...published, enrolDeadline: since ? { gte: since, lt: now } : { lt: now } }) as const,
};

/** A post's own dates still cover `now`, whatever its state: what it needs to be reopened or approved. */
export const withinValidity = (row: { validUntil: Date }, now: Date) => row.validUntil >= now;

export const isOpen = {
  posting: (row: { status: string; validUntil: Date }, now: Date) => row.status === "published" && withinValidity(row, now),
  base: (row: { status: string }) => row.status === "published",
  course: (row: { status: string; enrolDeadline: Date }, now: Date) => row.status === "published" && row.enrolDeadline >= now,
};
