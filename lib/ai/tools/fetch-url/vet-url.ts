import { isIP } from "node:net";
import {
  isLocalHostname,
  isPublicAddress,
  type ResolvedAddress,
  type ResolveHost,
  resolveHost,
} from "./address-policy";

export type AddressPolicy = {
  allowPrivateAddresses: boolean;
  /** Replaces the public-address check, e.g. in tests. */
  isAllowedAddress?: (address: string) => boolean;
  resolveHost?: ResolveHost;
};

/** Lets a DNS lookup, which cannot be cancelled, lose to the deadline. */
function unlessAborted<T>(promise: Promise<T>, signal: AbortSignal) {
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    if (signal.aborted) return onAbort();
    signal.addEventListener("abort", onAbort, { once: true });
    promise
      .then(resolve, reject)
      .finally(() => signal.removeEventListener("abort", onAbort));
  });
}

/**
 * Checks the scheme, the credentials, the host name and every address the
 * name resolves to, and returns those addresses for the connection to use.
 */
export async function vetUrl(
  url: URL,
  policy: AddressPolicy,
  signal: AbortSignal,
): Promise<ResolvedAddress[]> {
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    throw new Error(
      `Only http and https URLs are fetched, not ${url.protocol} URLs.`,
    );
  }
  if (url.username || url.password) {
    throw new Error("URLs with a user name or password are refused.");
  }
  const refuse = (reason: string) =>
    new Error(
      `Refused to fetch ${url.href}: ${reason}. Only public internet ` +
        "addresses are fetched.",
    );
  const host = url.hostname.replace(/^\[|\]$/g, "");
  if (!policy.allowPrivateAddresses && isLocalHostname(host)) {
    throw refuse(`"${host}" names this machine`);
  }
  const family = isIP(host);
  let addresses: ResolvedAddress[];
  if (family === 4 || family === 6) {
    addresses = [{ address: host, family }];
  } else {
    try {
      const resolve = policy.resolveHost ?? resolveHost;
      addresses = await unlessAborted(resolve(host), signal);
    } catch (error) {
      if (signal.aborted) throw error;
      throw new Error(`Could not resolve the host name ${host}.`, {
        cause: error,
      });
    }
  }
  if (addresses.length === 0) {
    throw new Error(`The host name ${host} has no address.`);
  }
  const isAllowed =
    policy.isAllowedAddress ??
    (policy.allowPrivateAddresses ? () => true : isPublicAddress);
  for (const { address } of addresses) {
    if (isAllowed(address)) continue;
    throw refuse(
      address === host
        ? `${address} is not a public address`
        : `${host} resolves to ${address}, which is not a public address`,
    );
  }
  return addresses;
}
