import { isIP } from "node:net";
/**
 * The client address: the socket peer, unless `trustProxyHops` proxies we operate sit in front,
 * in which case the N-th X-Forwarded-For entry from the right is the one our nearest trusted proxy saw.
 * Entries further left are client-controlled and never trusted.
 */
export function resolveClientIp(
  socketAddress: string | undefined,
  forwardedFor: string | null | undefined,
  trustProxyHops: number,
): string | null {
  if (trustProxyHops > 0 && forwardedFor) {
    const hops = forwardedFor
      .split(",")
      .map((s) => s.trim())
      .filter(Boolean);
    // Fewer entries than trusted hops means the request skipped a proxy: every entry may be forged.
    const picked = hops.length >= trustProxyHops ? hops[hops.length - trustProxyHops] : undefined;
    if (picked && isIP(picked) !== 0) return normalizeIp(picked);
  }
  return socketAddress ? normalizeIp(socketAddress) : null;
}

/** `::ffff:10.0.0.1` (IPv4 on a dual-stack socket) is the same client as `10.0.0.1`. */
function normalizeIp(address: string): string {
  return address.startsWith("::ffff:") && address.includes(".") ? address.slice(7) : address;
}
