/**
 * The Content-Security-Policy for one response. Scripts need the per-request nonce (Next streams inline
 * hydration scripts); `unsafe-eval` only in development, where React uses eval for error overlays.
 * Styles allow inline attributes: React sets `style=` on elements, and no script runs from a style.
 */
export function buildContentSecurityPolicy(nonce: string, isDevelopment: boolean): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${isDevelopment ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' blob: data:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

const REQUEST_ID_PATTERN = /^[A-Za-z0-9._:-]{8,80}$/;

/** Keep an upstream proxy's request id when it is a plain token; otherwise make a new one. */
export function requestIdFrom(header: string | null): string {
  return header && REQUEST_ID_PATTERN.test(header) ? header : crypto.randomUUID();
}
