// A worker thread does not inherit the server's `--import tsx` loader: load the TypeScript entry through tsx's API.
import { tsImport } from "tsx/esm/api";

await tsImport("./runner-thread.server.ts", import.meta.url);
