/**
 * User text inside SQL LIKE. Prisma's `contains`, `startsWith` and `endsWith` become `LIKE ?` with
 * the value wrapped in `%` and no ESCAPE clause, so a `%` or `_` typed by a user would match
 * anything. The database client (db.server.ts) adds `ESCAPE '\'` to every `LIKE ?` it sends, and
 * every value passed to those filters goes through `likeText` (an ESLint rule enforces it), so what
 * the user typed is matched literally.
 */
export const LIKE_ESCAPE = "\\";

export function likeText(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `${LIKE_ESCAPE}${c}`);
}

/** `… LIKE ?` → `… LIKE ? ESCAPE '\'` (Prisma writes no ESCAPE of its own). */
export function withLikeEscape(sql: string): string {
  return sql.includes("LIKE ?") ? sql.replace(/\bLIKE \?(?! ESCAPE)/g, "LIKE ? ESCAPE '\\'") : sql;
}
