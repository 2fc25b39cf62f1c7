/**
 * The client's address, for throttling sign-in per address and for the logs.
 *
 * Next.js puts the socket's address into `X-Forwarded-For` only when the request has none, and a reverse proxy
 * appends the address it saw. So the trustworthy entry is counted from the right: with
 * FEIJIAN_TRUSTED_PROXIES = 1 (the default: one proxy in front, or none) it is the last entry; with a load
 * balancer in front of that proxy, 2, and so on. Entries further left are whatever the client claimed. Without a
 * proxy a client can still claim an address; the per-account limit does not depend on it (docs/decisions/014).
 */
export function clientAddress(forwardedFor: string | null | undefined, trustedProxies = trustedProxyCount()): string | undefined {
  if (!forwardedFor) return undefined;
  const entries = forwardedFor
    .split(",")
    .map((entry) => entry.trim())
    .filter(Boolean);
  if (entries.length === 0) return undefined;
  const index = Math.max(0, entries.length - Math.max(1, trustedProxies));
  // Long enough for IPv6 with a zone; anything longer is not an address and would only bloat the throttle keys.
  return entries[index]!.slice(0, 64);
}

function trustedProxyCount(): number {
  const value = Number(process.env.FEIJIAN_TRUSTED_PROXIES ?? 1);
  return Number.isInteger(value) && value >= 1 ? value : 1;
}
