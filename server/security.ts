import { randomBytes } from "node:crypto";
import type { NextFunction, Request, Response } from "express";

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * CSRF defence in depth beside SameSite=Lax cookies: a state-changing request must come from our
 * own origin (or one listed in TRUSTED_ORIGINS). Browsers always send Origin on cross-site POSTs.
 */
export function originCheck(trusted: string[]) {
  return (req: Request, res: Response, next: NextFunction) => {
    if (SAFE_METHODS.has(req.method)) return next();
    const origin = req.get("origin") ?? refererOrigin(req.get("referer"));
    const own = requestOrigin(req);
    if (origin && (origin === own || trusted.includes(origin))) return next();
    res.status(403).type("text/plain; charset=utf-8").send("403 Forbidden: cross-site request refused / 跨站请求已拒绝");
  };
}

/** Whether the connection comes from a proxy TRUST_PROXY names (Express's own test for X-Forwarded-*). */
export function fromTrustedProxy(req: Request): boolean {
  const trust = req.app.get("trust proxy fn") as (address: string | undefined, hop: number) => boolean;
  return trust(req.socket.remoteAddress, 0);
}

/**
 * The origin the visitor used. Behind a trusted proxy (TRUST_PROXY) that is X-Forwarded-Proto and
 * X-Forwarded-Host; otherwise the socket's scheme and the Host header. The host keeps its port,
 * which Express's req.hostname drops; the proxy test is the same one Express applies to the scheme.
 */
export function requestOrigin(req: Request): string {
  let host = req.get("x-forwarded-host");
  if (!host || !fromTrustedProxy(req)) host = req.get("host");
  else host = host.split(",")[0]!.trim();
  return `${req.protocol}://${host ?? ""}`;
}

function refererOrigin(referer: string | undefined): string | undefined {
  if (!referer) return undefined;
  try {
    return new URL(referer).origin;
  } catch {
    return undefined;
  }
}

/** A fresh nonce per response for the inline scripts Remix renders; the CSP allows only those. */
export function securityHeaders(production: boolean) {
  return (_req: Request, res: Response, next: NextFunction) => {
    const nonce = randomBytes(16).toString("base64");
    res.locals.cspNonce = nonce;
    res.setHeader(
      "Content-Security-Policy",
      [
        "default-src 'self'",
        `script-src 'self' 'nonce-${nonce}'`,
        "style-src 'self' 'unsafe-inline'",
        "img-src 'self' data:",
        "font-src 'self'",
        `connect-src 'self'${production ? "" : " ws:"}`,
        "form-action 'self'",
        "frame-ancestors 'none'",
        "base-uri 'self'",
        "object-src 'none'",
      ].join("; "),
    );
    res.setHeader("X-Content-Type-Options", "nosniff");
    res.setHeader("Referrer-Policy", "strict-origin-when-cross-origin");
    res.setHeader("X-Frame-Options", "DENY");
    // Location only for the site itself: "near me" asks for it on a tap; embedded frames never may.
    res.setHeader("Permissions-Policy", "camera=(), microphone=(), geolocation=(self), payment=()");
    res.setHeader("Cross-Origin-Opener-Policy", "same-origin");
    if (production) res.setHeader("Strict-Transport-Security", "max-age=31536000");
    next();
  };
}
