import type { Instrumentation } from "next";

/** Server errors are logged once, with the digest the error page shows the user as its reference. */
export const onRequestError: Instrumentation.onRequestError = async (error, request, context) => {
  const err = error as Error & { digest?: string };
  console.error(
    JSON.stringify({ time: new Date().toISOString(), level: "error", event: "request.failed", reference: err.digest, path: request.path, method: request.method, route: context.routePath, error: err.stack ?? String(err) }),
  );
};
