import type { AppLoadContext, EntryContext } from "@remix-run/node";
import { RemixServer } from "@remix-run/react";
// The web-streams renderer, not renderToPipeableStream: React 18.3's Node renderer flushes its whole
// 2048-byte buffer when a multi-byte character does not fit at its end, so Chinese pages could
// carry a NUL byte (shown as "�") wherever a character straddled that edge. This build encodes the
// text first and copies bytes, which has no such edge. (Fixed in React 19.)
import { renderToReadableStream } from "react-dom/server.browser";
import { I18nDataContext } from "./i18n/i18n-client.tsx";
import type { Namespace } from "./i18n/i18n.ts";
import { i18nBootstrap } from "./i18n/i18n.server.ts";
import { getLanguage } from "./i18n/language.server.ts";
import { NonceContext } from "./nonce.tsx";

const ABORT_DELAY = 5_000;

export default async function handleRequest(
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  remixContext: EntryContext,
  loadContext: AppLoadContext,
) {
  const nonce = loadContext.cspNonce;
  const lng = await getLanguage(request);
  const bootstrap = (namespaces: readonly Namespace[]) => i18nBootstrap(lng, namespaces);
  let shellRendered = false;
  // Stop rendering after ABORT_DELAY or when the visitor goes away, but only while React is still
  // writing: aborting a finished stream makes React close it a second time, which throws.
  const controller = new AbortController();
  let finished = false;
  const stop = () => finished || controller.abort();
  const timer = setTimeout(stop, ABORT_DELAY);
  request.signal.addEventListener("abort", stop, { once: true });
  const body = await renderToReadableStream(
    <NonceContext.Provider value={nonce}>
      <I18nDataContext.Provider value={bootstrap}>
        <RemixServer context={remixContext} url={request.url} abortDelay={ABORT_DELAY} nonce={nonce} />
      </I18nDataContext.Provider>
    </NonceContext.Provider>,
    {
      nonce,
      signal: controller.signal,
      onError(error: unknown) {
        responseStatusCode = 500;
        if (shellRendered) console.error(error);
      },
    },
  );
  shellRendered = true;
  const done = () => {
    finished = true;
    clearTimeout(timer);
    request.signal.removeEventListener("abort", stop);
  };
  body.allReady.then(done, done);
  // No loader defers, so the page is whole once React is done; server/remix-handler.ts sends it in one buffer.
  responseHeaders.set("Content-Type", "text/html; charset=utf-8");
  return new Response(body, { headers: responseHeaders, status: responseStatusCode });
}
