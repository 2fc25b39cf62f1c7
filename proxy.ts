import { NextResponse, type NextRequest } from "next/server";
import { buildContentSecurityPolicy, requestIdFrom } from "@/lib/security/csp";

// Runs before every page and route: a fresh CSP nonce, a request id for logs and the audit trail, and the
// path, so a portal layout can send an anonymous visitor to /login and back again.
export function proxy(request: NextRequest) {
  const nonce = btoa(crypto.randomUUID());
  const csp = buildContentSecurityPolicy(nonce, process.env.NODE_ENV === "development");
  const requestId = requestIdFrom(request.headers.get("x-request-id"));

  const headers = new Headers(request.headers);
  headers.set("x-nonce", nonce);
  headers.set("x-request-id", requestId);
  headers.set("x-pathname", request.nextUrl.pathname + request.nextUrl.search);
  headers.set("Content-Security-Policy", csp);

  const response = NextResponse.next({ request: { headers } });
  response.headers.set("Content-Security-Policy", csp);
  response.headers.set("x-request-id", requestId);
  return response;
}

// Not /api/: when the proxy runs, Next clones and buffers the request body (10 MB by default), which broke
// uploads over ~10 MB (issue 12 §3). Route handlers need no CSP nonce; they make their own request id
// (lib/server/auth/session.ts getRequestContext).
export const config = {
  matcher: [{ source: "/((?!api/|_next/static|_next/image|favicon.ico).*)" }],
};
