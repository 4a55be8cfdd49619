import http from "node:http";
import { Meilisearch } from "meilisearch";

export interface SearchConnection {
  client: Meilisearch;
  indexUid: string;
}

const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });

/**
 * Requests to Meilisearch through node:http rather than fetch. Measured here: a multi-search whose
 * answer is a little over 1 KB (any page with the town facet) took ~45 ms over fetch's reused
 * connections and ~2.5 ms over node:http's, on loopback, with Meilisearch itself taking 2 ms.
 * Same contract as the client's fetch path: the parsed JSON body, or a rejection (HTTP errors
 * included); the client's timeout arrives as init.signal and destroys the request.
 */
export function nodeHttpClient(input: RequestInfo | URL, init: RequestInit = {}): Promise<unknown> {
  const url = input instanceof URL ? input : new URL(String(input));
  const headers = Object.fromEntries(new Headers(init.headers).entries());
  if (init.body != null && typeof init.body !== "string") return Promise.reject(new Error("nodeHttpClient sends text bodies only"));
  const signal = init.signal ?? undefined;
  if (signal?.aborted) return Promise.reject(signal.reason);
  return new Promise((resolve, reject) => {
    // Our own abort listener, removed when the request settles: the client reuses one signal for
    // every poll of a task, and node:http's `signal` option would leave a listener per request on it.
    const onAbort = () => {
      reject(signal?.reason); // the client tells its own timeout by this reason
      request.destroy();
    };
    const settle = <T>(finish: (value: T) => void) => (value: T) => {
      signal?.removeEventListener("abort", onAbort);
      finish(value);
    };
    resolve = settle(resolve);
    reject = settle(reject);
    const request = http.request(url, { method: init.method ?? "GET", headers, agent }, (response) => {
      const chunks: Buffer[] = [];
      response.on("data", (chunk: Buffer) => chunks.push(chunk));
      response.on("error", reject);
      response.on("end", () => {
        const text = Buffer.concat(chunks).toString("utf8");
        let body: unknown;
        try {
          body = text === "" ? undefined : JSON.parse(text);
        } catch (error) {
          return reject(error);
        }
        const status = response.statusCode ?? 500;
        if (status >= 400) {
          const message = (body as { message?: string } | undefined)?.message ?? `HTTP ${status}`;
          return reject(Object.assign(new Error(`Meilisearch: ${message}`), { status, body }));
        }
        resolve(body);
      });
    });
    signal?.addEventListener("abort", onAbort, { once: true });
    request.on("error", reject);
    request.end(init.body ?? undefined);
  });
}

export function connect(url: string, apiKey: string | undefined, indexUid: string, timeoutMs = 3000): SearchConnection {
  return { client: new Meilisearch({ host: url, apiKey, timeout: timeoutMs, httpClient: nodeHttpClient }), indexUid };
}
