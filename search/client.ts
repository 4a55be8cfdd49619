import { Meilisearch } from "meilisearch";

export interface SearchConnection {
  client: Meilisearch;
  indexUid: string;
}

export function connect(url: string, apiKey: string | undefined, indexUid: string, timeoutMs = 3000): SearchConnection {
  return { client: new Meilisearch({ host: url, apiKey, timeout: timeoutMs }), indexUid };
}
