/**
 * Every byte of a rendered page is the text React was given: no NUL bytes and valid UTF-8, wherever
 * a Chinese character falls against the renderer's internal buffer (see app/entry.server.tsx).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SearchService, setSearchService } from "../search/service.ts";
import { startApp, type RunningApp } from "../tests/setup/app-server.ts";
import { openSeededDatabase } from "../tests/setup/test-env.ts";

describe("server-rendered pages are intact UTF-8 (real Express app and Remix build)", () => {
  let app: RunningApp;
  let cleanup: () => Promise<void>;
  beforeAll(async () => {
    ({ cleanup } = openSeededDatabase());
    // No index under this name: the search page answers from SQLite, which is all this needs.
    setSearchService(new SearchService(process.env.TEST_MEILI_URL!, process.env.TEST_MEILI_KEY, `rendering_absent_${process.pid}`));
    app = await startApp();
  }, 180_000);
  afterAll(async () => {
    await app.close();
    await cleanup();
  });

  it("the search page echoing Chinese text at every byte offset has no NUL and decodes strictly", async () => {
    const strict = new TextDecoder("utf-8", { fatal: true });
    const broken: number[] = [];
    // The query is echoed several times in the page; padding it shifts every later character by a byte.
    for (let pad = 0; pad < 48; pad++) {
      const q = `${"a".repeat(pad)}旬阳建工集团安康养老护理员`;
      const res = await fetch(`${app.url}/search?q=${encodeURIComponent(q)}`, { headers: { "Accept-Encoding": "identity" } });
      expect(res.status).toBe(200);
      const bytes = new Uint8Array(await res.arrayBuffer());
      if (bytes.includes(0)) broken.push(pad);
      expect(() => strict.decode(bytes)).not.toThrow();
      expect(strict.decode(bytes)).toContain("旬阳建工集团安康养老护理员");
    }
    expect(broken).toEqual([]);
  });
});
