import { RemixBrowser } from "@remix-run/react";
import { startTransition, StrictMode } from "react";
import { hydrateRoot } from "react-dom/client";
import { I18nDataContext, readBootstrap } from "./i18n/i18n-client.tsx";

// Only this language's strings of this page's namespaces, from the document (never the string files).
const text = readBootstrap();
const sameText = () => text;

startTransition(() => {
  hydrateRoot(
    document,
    <I18nDataContext.Provider value={sameText}>
      <StrictMode>
        <RemixBrowser />
      </StrictMode>
    </I18nDataContext.Provider>,
  );
});
