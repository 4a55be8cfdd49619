import { createHash } from "node:crypto";
import type { Key, Meilisearch } from "meilisearch";
import { meiliAnswer } from "./errors.ts";

export const SEARCH_ONLY_ACTIONS = ["search"] as const;

/**
 * A fixed uid per index (a UUID v4 shape made from the index name), so every start finds the key it
 * made before instead of adding another; Meilisearch derives the key itself from the uid and the
 * master key, so the same master key always gives the same search key.
 */
export function searchKeyUid(indexUid: string): string {
  const hex = createHash("sha256").update(`ankang-jobs search-only key for ${indexUid}`).digest("hex");
  const variant = ((parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

const fits = (key: Key, indexUid: string) =>
  key.expiresAt === null &&
  key.actions.length === SEARCH_ONLY_ACTIONS.length &&
  SEARCH_ONLY_ACTIONS.every((a) => key.actions.includes(a)) &&
  key.indexes.length === 1 &&
  key.indexes[0] === indexUid;

const notFound = (error: unknown) => meiliAnswer(error)?.code === "api_key_not_found";

/**
 * The key public searches use: `search` on the live index only — no documents, settings, tasks,
 * stats or keys. The indexer swaps a fresh index in under the same name, so the one name covers
 * every rebuild. Made with the master key, found again at every start; a key with other rights
 * under our uid is replaced (a key's rights cannot be edited).
 */
export async function ensureSearchKey(admin: Meilisearch, indexUid: string): Promise<string> {
  const uid = searchKeyUid(indexUid);
  const existing = await admin.getKey(uid).catch((error: unknown) => {
    if (notFound(error)) return null;
    throw error;
  });
  if (existing && fits(existing, indexUid)) return existing.key;
  if (existing) await admin.deleteKey(uid);
  try {
    const created = await admin.createKey({
      uid,
      name: `search-only ${indexUid}`,
      description: `Public searches of the jobs site: search on index "${indexUid}" only`,
      actions: [...SEARCH_ONLY_ACTIONS],
      indexes: [indexUid],
      expiresAt: null,
    });
    return created.key;
  } catch (error) {
    // Another process of the site made it between our look and our create.
    if (meiliAnswer(error)?.code === "api_key_already_exists") return (await admin.getKey(uid)).key;
    throw error;
  }
}
