import fs from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import { brotliDecompressSync, gunzipSync } from "node:zlib";
import compression from "compression";
import express from "express";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { negotiateEncoding } from "./encoding.ts";
import { buildAssets } from "./static-assets.ts";

describe("build assets are sent precompressed (real Express app, real files)", () => {
  let dir: string;
  let base: string;
  let close: () => void;
  const script = `export const greeting = ${JSON.stringify("你好，".repeat(2000))};\n`;

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "jobs-assets-"));
    fs.mkdirSync(path.join(dir, "_shared"));
    fs.writeFileSync(path.join(dir, "_shared", "chunk-ABC.js"), script);
    fs.writeFileSync(path.join(dir, "plain-XYZ.js"), script);
    const { execFileSync } = await import("node:child_process");
    execFileSync(process.execPath, ["--import", "tsx", "scripts/precompress.ts", dir]);
    fs.rmSync(path.join(dir, "plain-XYZ.js.br"));
    fs.rmSync(path.join(dir, "plain-XYZ.js.gz"));
    const app = express();
    app.use(compression());
    app.use("/build", buildAssets(dir));
    const server = app.listen(0, "127.0.0.1");
    await new Promise((resolve) => server.once("listening", resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/build`;
    close = () => server.close();
  });
  afterAll(() => {
    close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  // Raw bytes through node:http: fetch would decode them and hide which copy was sent.
  const get = (file: string, acceptEncoding: string) =>
    new Promise<{ res: { status: number; headers: Map<string, string> }; bytes: Buffer }>((resolve, reject) => {
      http.get(`${base}/${file}`, { headers: { "Accept-Encoding": acceptEncoding } }, (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () => {
          const headers = new Map(Object.entries(res.headers).map(([k, v]) => [k, String(v)]));
          resolve({ res: { status: res.statusCode ?? 0, headers }, bytes: Buffer.concat(chunks) });
        });
      }).on("error", reject);
    });

  it("sends brotli to a browser that takes it, gzip to one that takes only gzip, the file to the rest", async () => {
    const br = await get("_shared/chunk-ABC.js", "gzip, deflate, br");
    expect(br.res.status).toBe(200);
    expect(br.res.headers.get("content-encoding")).toBe("br");
    expect(br.res.headers.get("content-type")).toBe("text/javascript; charset=utf-8");
    expect(br.res.headers.get("vary")).toMatch(/Accept-Encoding/i);
    expect(br.res.headers.get("cache-control")).toMatch(/immutable/);
    expect(brotliDecompressSync(br.bytes).toString()).toBe(script);
    expect(br.bytes.length).toBeLessThan(Buffer.byteLength(script) / 10);

    const gz = await get("_shared/chunk-ABC.js", "gzip");
    expect(gz.res.headers.get("content-encoding")).toBe("gzip");
    expect(gunzipSync(gz.bytes).toString()).toBe(script);

    const refused = await get("_shared/chunk-ABC.js", "br;q=0, gzip;q=0.5");
    expect(refused.res.headers.get("content-encoding")).toBe("gzip");

    const plain = await get("_shared/chunk-ABC.js", "identity");
    expect(plain.res.headers.get("content-encoding")).toBeUndefined();
    expect(plain.bytes.toString()).toBe(script);
  });

  it("a file without copies is compressed on the way as before; an unknown file is not found", async () => {
    const { res, bytes } = await get("plain-XYZ.js", "gzip");
    expect(res.headers.get("content-encoding")).toBe("gzip");
    expect(gunzipSync(bytes).toString()).toBe(script);
    expect((await fetch(`${base}/missing.js`)).status).toBe(404);
    // A copy removed after start (a rebuild while running): the file itself, compressed on the way.
    fs.rmSync(path.join(dir, "_shared", "chunk-ABC.js.br"));
    const gone = await get("_shared/chunk-ABC.js", "br");
    expect(gone.res.status).toBe(200);
    expect(gone.res.headers.get("content-type")).toMatch(/javascript/);
    const body = gone.res.headers.get("content-encoding") === "br" ? brotliDecompressSync(gone.bytes) : gone.bytes;
    expect(body.toString()).toBe(script);
  });
});

describe("content coding negotiation", () => {
  it("takes the highest weight, honours q=0 and *, and prefers the first offered on a tie", () => {
    expect(negotiateEncoding("gzip, deflate, br", ["br", "gzip"])).toBe("br");
    expect(negotiateEncoding("gzip;q=1, br;q=0.8", ["br", "gzip"])).toBe("gzip");
    expect(negotiateEncoding("*", ["br", "gzip"])).toBe("br");
    expect(negotiateEncoding("*;q=0, gzip", ["br", "gzip"])).toBe("gzip");
    expect(negotiateEncoding("identity", ["br", "gzip"])).toBeNull();
    expect(negotiateEncoding(undefined, ["gzip"])).toBeNull();
    expect(negotiateEncoding("GZIP", ["gzip"])).toBe("gzip");
  });
});
