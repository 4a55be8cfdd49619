/// <reference types="@remix-run/dev" />

// An import makes this file a module, so the block below augments Remix's types instead of replacing them.
import "@remix-run/node";

declare module "@remix-run/node" {
  interface AppLoadContext {
    /** The client's IP address as the socket saw it (for rate limits). */
    clientAddress: string;
    /** Nonce for inline scripts, matching this response's Content-Security-Policy. */
    cspNonce?: string;
  }
}
