import { createContext, useContext } from "react";

/** The CSP nonce for this response, set by entry.server from the request's load context. */
export const NonceContext = createContext<string | undefined>(undefined);

export function useNonce(): string | undefined {
  return useContext(NonceContext);
}
