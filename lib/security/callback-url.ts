/**
 * Where a user may be sent after signing in: a path on this site, never another origin.
 *
 * Checking the string's first characters is not enough, because browsers clean a URL before they follow it:
 * they drop tabs and newlines and read `\` as `/`, so `/\t/evil.example` and `/\evil.example` both become
 * `//evil.example`, which is another site (issue 12, item 13). So the value is parsed exactly as a browser
 * parses it, against a placeholder origin, and only a result on that origin is kept, re-serialised: the path,
 * query and fragment come back percent-encoded (a newline or an ideographic space can no longer reach a
 * `Location` header), and a path that normalises to `//host` (`/.//evil`) is refused as well.
 */
const PLACEHOLDER_ORIGIN = "http://feijian.invalid";

export function safeCallbackPath(value: string | null | undefined, fallback = "/"): string {
  // Only relative paths are accepted: an absolute URL, even to this site, is not something our own pages send.
  if (typeof value !== "string" || !value.startsWith("/")) return fallback;
  let url: URL;
  try {
    url = new URL(value, PLACEHOLDER_ORIGIN);
  } catch {
    return fallback;
  }
  if (url.origin !== PLACEHOLDER_ORIGIN || url.username || url.password) return fallback;
  const path = `${url.pathname}${url.search}${url.hash}`;
  if (!path.startsWith("/") || path.startsWith("//") || path.startsWith("/\\")) return fallback;
  return path;
}

/**
 * next-auth's `redirect` callback: whatever it is given (a `callbackUrl` query parameter, a form field, a
 * cookie), the answer is an address on `baseUrl`. An absolute URL is accepted only on our own origin, and then
 * only its path counts.
 */
export function safeRedirectUrl(url: string, baseUrl: string): string {
  const base = new URL(baseUrl);
  let candidate: string | null = url;
  if (!url.startsWith("/")) {
    try {
      const absolute = new URL(url);
      candidate = absolute.origin === base.origin ? `${absolute.pathname}${absolute.search}${absolute.hash}` : null;
    } catch {
      candidate = null;
    }
  }
  return `${base.origin}${safeCallbackPath(candidate, "/")}`;
}
