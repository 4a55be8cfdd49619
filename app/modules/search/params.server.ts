// Routes import the parser from here, so the browser bundle never sees params.ts (and zod): a
// `.server` module is left out of it; the constants and searchUrl come from search-url.ts.
export { nearParam, parseSearchParams } from "./params.ts";
