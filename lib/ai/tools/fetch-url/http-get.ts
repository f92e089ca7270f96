import type { IncomingMessage } from "node:http";
import * as http from "node:http";
import * as https from "node:https";
import type { LookupFunction } from "node:net";
import type { Readable } from "node:stream";
import * as zlib from "node:zlib";
import type { ResolvedAddress } from "./address-policy";

/**
 * Answers the socket's DNS lookup with addresses already vetted, so the
 * connection goes where the policy looked, not where a second lookup (a
 * rebinding DNS server) would send it. Host header and TLS SNI still carry
 * the hostname.
 */
function pinnedLookup(addresses: ResolvedAddress[]): LookupFunction {
  return (_hostname, options, callback) => {
    const usable = addresses.filter(
      ({ family }) => !options.family || options.family === family,
    );
    const first = usable[0];
    if (!first) {
      callback(new Error("No vetted address of the requested family."), "");
    } else if (options.all) {
      callback(null, usable);
    } else {
      callback(null, first.address, first.family);
    }
  };
}

/** Sends a GET to `url` at one of `addresses`; resolves once headers arrive. */
export function openResponse({
  url,
  addresses,
  headers,
  signal,
}: {
  url: URL;
  addresses: ResolvedAddress[];
  headers: Record<string, string>;
  signal: AbortSignal;
}): Promise<IncomingMessage> {
  const client = url.protocol === "https:" ? https : http;
  return new Promise((resolve, reject) => {
    const request = client.request(
      url,
      {
        method: "GET",
        headers,
        signal,
        lookup: pinnedLookup(addresses),
        // A pooled socket could be one opened to an earlier address.
        agent: false,
      },
      resolve,
    );
    request.on("error", reject);
    request.end();
  });
}

function decoded(response: IncomingMessage): Readable {
  const encoding = String(response.headers["content-encoding"] ?? "")
    .trim()
    .toLowerCase();
  const decoder =
    encoding === "gzip" || encoding === "x-gzip"
      ? zlib.createGunzip()
      : encoding === "deflate"
        ? zlib.createInflate()
        : encoding === "br"
          ? zlib.createBrotliDecompress()
          : undefined;
  if (!decoder) return response;
  response.on("error", (error) => decoder.destroy(error));
  return response.pipe(decoder);
}

/**
 * Reads at most `maxBytes` of the (decompressed) body, then hangs up: a
 * bigger page is cut rather than refused, and a compression bomb stops at
 * the same limit.
 */
export async function readBody(
  response: IncomingMessage,
  maxBytes: number,
): Promise<{ body: Buffer; truncated: boolean }> {
  const chunks: Buffer[] = [];
  let size = 0;
  let truncated = false;
  const source = decoded(response);
  try {
    for await (const chunk of source) {
      const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk);
      if (size + buffer.length > maxBytes) {
        chunks.push(buffer.subarray(0, maxBytes - size));
        truncated = true;
        break;
      }
      chunks.push(buffer);
      size += buffer.length;
    }
  } finally {
    source.destroy();
    response.destroy();
  }
  return { body: Buffer.concat(chunks), truncated };
}
