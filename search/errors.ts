/** What Meilisearch answered to a failed request or task, when it answered at all. */
export interface MeiliAnswer {
  status?: number;
  code?: string;
  type?: string;
  message?: string;
}

/**
 * The answer behind an error from the client: our node:http client rejects with { status, body },
 * and the Meilisearch client wraps that as the `cause` of its own error. Null when nothing
 * answered (connection refused, reset, timed out): the server is down or unreachable.
 */
export function meiliAnswer(error: unknown): MeiliAnswer | null {
  for (let e = error, depth = 0; e && typeof e === "object" && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
    const { status, body } = e as { status?: unknown; body?: unknown };
    if (typeof status === "number") {
      const b = (body ?? {}) as { code?: string; type?: string; message?: string };
      return { status, code: b.code, type: b.type, message: b.message };
    }
  }
  return null;
}

/** Index-level problems are the server's state, not something wrong with one document. */
const NOT_ABOUT_A_DOCUMENT = new Set(["index_not_found", "index_already_exists", "index_creation_failed", "invalid_index_uid", "missing_master_key"]);

/**
 * Whether Meilisearch looked at what we sent and refused it (a document with a bad id, a bad
 * field, a payload it will not take). Everything else — no answer, a timeout, a 5xx, an internal
 * or system task error, a key problem — is the server's trouble and says nothing about the data.
 */
export function isRefusal(answer: MeiliAnswer | null | undefined): boolean {
  if (!answer || answer.type !== "invalid_request") return false;
  if (answer.code && NOT_ABOUT_A_DOCUMENT.has(answer.code)) return false;
  return answer.status === undefined || (answer.status >= 400 && answer.status < 500);
}
