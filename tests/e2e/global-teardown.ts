import fs from "node:fs";

/** Removes the temp data folder the config made (never one passed in with E2E_DATA_DIR). */
export default function globalTeardown() {
  const dir = process.env.E2E_DATA_DIR;
  if (process.env.E2E_DATA_DIR_TEMP === "1" && dir) fs.rmSync(dir, { recursive: true, force: true });
}
