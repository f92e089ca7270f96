import { isIP } from "node:net";
import type { RateLimitKey } from "./types";

// What a route handler can know about the client's address. Next 16's own
// server (`next start`, the standalone server.js) writes the socket's
// address into X-Forwarded-For only when the request has no such header
// (`??=` in next/dist/server/base-server.js), and route handlers get no
// other view of the socket. So the header's last entry is the peer's
// address when nobody sent the header, and each proxy in front appends the
// address it received from. With `trustedProxyHops` proxies in front, the
// client is the hops-th entry from the right; everything left of it was
// written by the client and is ignored. Since Next's server never appends,
// 0 hops (reached directly) and 1 hop both read the last entry.
//
// Known gap: with no proxy in front (0 hops), a client that sends its own
// X-Forwarded-For hides the socket address from the app, so it can pick its
// own key. On an open network, run Parley behind a proxy that sets the
// header and set TRUST_PROXY_HOPS.

/** The rate-limit key of the client that sent these headers. */
export function clientKeyOf(
  headers: Headers,
  trustedProxyHops: number,
): RateLimitKey {
  const entries = (headers.get("x-forwarded-for") ?? "")
    .split(",")
    .map((entry) => entry.trim())
    .filter((entry) => entry !== "");
  const index = Math.max(0, entries.length - Math.max(1, trustedProxyHops));
  const address = normalizeAddress(entries[index] ?? "");
  return `ip:${address ?? "unknown"}`;
}

/**
 * One budget per IPv4 address and per IPv6 /64 (a single home or phone
 * usually holds a whole /64); IPv4-mapped IPv6 addresses count as IPv4.
 * Undefined for anything that is not an address.
 */
export function normalizeAddress(entry: string): string | undefined {
  const address = entry
    .replace(/^\[(.*)\](:\d+)?$/, "$1")
    .replace(/^(\d+\.\d+\.\d+\.\d+):\d+$/, "$1")
    .replace(/%.*$/, "")
    .toLowerCase();
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(address);
  if (mapped?.[1] && isIP(mapped[1]) === 4) return mapped[1];
  const version = isIP(address);
  if (version === 4) return address;
  if (version === 6) return `${ipv6Prefix64(address)}::/64`;
  return undefined;
}

function ipv6Prefix64(address: string): string {
  const [head = "", tail = ""] = address.split("::");
  const headGroups = head === "" ? [] : head.split(":");
  const tailGroups = tail === "" ? [] : tail.split(":");
  // A trailing dotted IPv4 part stands for two groups.
  const width = (groups: string[]) =>
    groups.reduce((sum, group) => sum + (group.includes(".") ? 2 : 1), 0);
  const zeros = address.includes("::")
    ? 8 - width(headGroups) - width(tailGroups)
    : 0;
  const groups = [...headGroups, ...Array(zeros).fill("0"), ...tailGroups];
  return groups
    .slice(0, 4)
    .map((group) => Number.parseInt(group, 16).toString(16))
    .join(":");
}
