// react-dom ships this entry point without its own types; it is the same API as react-dom/server's.
declare module "react-dom/server.browser" {
  export { renderToReadableStream } from "react-dom/server";
}
