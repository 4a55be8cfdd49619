import { connect, type SearchConnection } from "./client.ts";
import { meiliAnswer } from "./errors.ts";
import { ensureSearchKey } from "./keys.ts";

/**
 * Tracks whether Meilisearch answers. After a failure it is skipped for a short cool-down, so a
 * down server costs one timed-out request, not one per page; then it is tried again by itself.
 *
 * Two connections: `connection` carries the master key (the indexer and the outbox worker write
 * through it); `run`, the read path of public pages and the API, goes through a key that can only
 * search this index, made with the master key the first time it is needed.
 */
const READ_TIMEOUT_MS = 2000;
const WRITE_TIMEOUT_MS = 60_000;

export class SearchService {
  private downUntil = 0;
  readonly connection: SearchConnection;
  private reader: SearchConnection | undefined;
  private pendingReader: Promise<SearchConnection> | undefined;
  /** No master key, so no search-only key: reads go without one. */
  private unscoped = false;

  constructor(private readonly url: string, private readonly apiKey: string | undefined, indexUid: string, private coolDownMs = 5000) {
    // Writes (the indexer's batches of thousands of documents, the outbox) may take seconds on a busy
    // machine; pages never wait on them. Reads keep the short timeout that lets a page fall back.
    this.connection = connect(url, apiKey, indexUid, WRITE_TIMEOUT_MS);
    // A server without a master key has no keys to scope: reads go through a short-timeout connection all the same.
    if (!apiKey) [this.reader, this.unscoped] = [connect(url, apiKey, indexUid, READ_TIMEOUT_MS), true];
  }

  get available(): boolean {
    return Date.now() >= this.downUntil;
  }

  /** The search-only connection (found or made once; retried on the next call after a failure). */
  searchConnection(): Promise<SearchConnection> {
    if (this.reader) return Promise.resolve(this.reader);
    const { indexUid } = this.connection;
    // Made on a page's path: the short timeout, so a hung server lets the page fall back.
    const admin = connect(this.url, this.apiKey, indexUid, READ_TIMEOUT_MS).client;
    this.pendingReader ??= ensureSearchKey(admin, indexUid).then(
      (key) => (this.reader = connect(this.url, key, indexUid, READ_TIMEOUT_MS)),
      (error: unknown) => {
        this.pendingReader = undefined;
        // Given a key, but the server runs without a master key: nothing to scope.
        if (meiliAnswer(error)?.code === "missing_master_key") {
          this.unscoped = true;
          return (this.reader = connect(this.url, undefined, indexUid, READ_TIMEOUT_MS));
        }
        throw error;
      },
    );
    return this.pendingReader;
  }

  /** Read-only operations of the query path, through the search-only key. */
  async run<T>(operation: (connection: SearchConnection) => Promise<T>): Promise<{ ok: true; value: T } | { ok: false; error: unknown }> {
    if (!this.available) return { ok: false, error: new Error("search server marked down") };
    try {
      return { ok: true, value: await operation(await this.searchConnection()) };
    } catch (error) {
      // The search-only key was deleted or its rights changed behind our back: make it again (the
      // same uid gives the same key) and try once more, rather than failing until a restart.
      if (this.unscoped || !isKeyRefused(error)) return this.failed(error);
      this.reader = undefined;
      this.pendingReader = undefined;
      try {
        return { ok: true, value: await operation(await this.searchConnection()) };
      } catch (again) {
        return this.failed(again);
      }
    }
  }

  private failed(error: unknown): { ok: false; error: unknown } {
    this.downUntil = Date.now() + this.coolDownMs;
    return { ok: false, error };
  }
}

const KEY_REFUSED = new Set(["invalid_api_key", "missing_authorization_header"]);
const isKeyRefused = (error: unknown) => {
  const answer = meiliAnswer(error);
  return answer !== null && (answer.status === 401 || answer.status === 403 || KEY_REFUSED.has(answer.code ?? ""));
};

// Shared via globalThis: the server boot and the Remix build are separate module graphs.
const holder = globalThis as typeof globalThis & { __searchService?: SearchService };

export function setSearchService(value: SearchService) {
  holder.__searchService = value;
}

export function getSearchService(): SearchService {
  if (!holder.__searchService) throw new Error("search service not initialised: the server boot sets it");
  return holder.__searchService;
}
