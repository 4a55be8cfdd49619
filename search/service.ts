import { connect, type SearchConnection } from "./client.ts";

/**
 * Tracks whether Meilisearch answers. After a failure it is skipped for a short cool-down, so a
 * down server costs one timed-out request, not one per page; then it is tried again by itself.
 */
export class SearchService {
  private downUntil = 0;
  readonly connection: SearchConnection;

  constructor(url: string, apiKey: string | undefined, indexUid: string, private coolDownMs = 5000) {
    this.connection = connect(url, apiKey, indexUid, 2000);
  }

  get available(): boolean {
    return Date.now() >= this.downUntil;
  }

  async run<T>(operation: (connection: SearchConnection) => Promise<T>): Promise<{ ok: true; value: T } | { ok: false; error: unknown }> {
    if (!this.available) return { ok: false, error: new Error("search server marked down") };
    try {
      return { ok: true, value: await operation(this.connection) };
    } catch (error) {
      this.downUntil = Date.now() + this.coolDownMs;
      return { ok: false, error };
    }
  }
}

// Shared via globalThis: the server boot and the Remix build are separate module graphs.
const holder = globalThis as typeof globalThis & { __searchService?: SearchService };

export function setSearchService(value: SearchService) {
  holder.__searchService = value;
}

export function getSearchService(): SearchService {
  if (!holder.__searchService) throw new Error("search service not initialised: the server boot sets it");
  return holder.__searchService;
}
