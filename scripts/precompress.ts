/**
 * After `remix build`: every script and stylesheet in public/build gets a brotli (quality 11) and a
 * gzip (level 9) copy beside it, so the server sends the smallest form a browser takes without
 * compressing on each request (server/static-assets.ts). Run by `npm run build`.
 */
import fs from "node:fs";
import path from "node:path";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";

const dir = process.argv[2] ?? "public/build";
const COMPRESSIBLE = /\.(?:js|css|map|svg|json)$/;
let files = 0;
let raw = 0;
let brotli = 0;
for (const entry of fs.readdirSync(dir, { recursive: true, withFileTypes: true })) {
  if (!entry.isFile() || !COMPRESSIBLE.test(entry.name)) continue;
  const file = path.join(entry.parentPath, entry.name);
  const body = fs.readFileSync(file);
  const br = brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: body.length } });
  fs.writeFileSync(`${file}.br`, br);
  fs.writeFileSync(`${file}.gz`, gzipSync(body, { level: 9 }));
  files++;
  raw += body.length;
  brotli += br.length;
}
console.log(`precompressed ${files} files in ${dir}: ${Math.round(raw / 1024)} KiB → ${Math.round(brotli / 1024)} KiB brotli`);
