import { tool } from "ai";
import { z } from "zod";
import { htmlToText } from "./fetch-url/html-text";
import { openResponse, readBody } from "./fetch-url/http-get";
import { decodeText, mediaType, textKind } from "./fetch-url/media-type";
import { type AddressPolicy, vetUrl } from "./fetch-url/vet-url";

export type FetchUrlOptions = AddressPolicy & {
  timeoutMs?: number;
  maxBytes?: number;
  maxTextChars?: number;
};

export type FetchedPage = {
  url: string;
  status: number;
  contentType: string;
  title?: string;
  text: string;
  truncated: boolean;
};

export const MAX_REDIRECTS = 5;
const REDIRECTS = [301, 302, 303, 307, 308];
const HEADERS = {
  "user-agent": "Parley/0.1 (fetch_url tool of a self-hosted chat app)",
  accept: "text/html, text/*;q=0.9, application/json;q=0.9, */*;q=0.1",
  "accept-encoding": "gzip, deflate, br",
};

function parseUrl(text: string, base?: URL): URL {
  try {
    return new URL(text, base);
  } catch (error) {
    throw new Error(`"${text}" is not a valid URL.`, { cause: error });
  }
}

async function get(url: URL, options: FetchUrlOptions, signal: AbortSignal) {
  const addresses = await vetUrl(url, options, signal);
  try {
    return await openResponse({ url, addresses, headers: HEADERS, signal });
  } catch (error) {
    if (signal.aborted) throw error;
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(`Could not fetch ${url.href}: ${reason}.`, {
      cause: error,
    });
  }
}

async function follow(
  start: URL,
  options: FetchUrlOptions,
  signal: AbortSignal,
): Promise<FetchedPage> {
  let url = start;
  for (let redirects = 0; ; redirects++) {
    const response = await get(url, options, signal);
    const status = response.statusCode ?? 0;
    const location = response.headers.location;
    if (REDIRECTS.includes(status) && location) {
      response.destroy();
      const next = parseUrl(location, url);
      if (redirects === MAX_REDIRECTS) {
        throw new Error(
          `Stopped after ${MAX_REDIRECTS} redirects; the next one led to ` +
            `${next.href}.`,
        );
      }
      url = next;
      continue;
    }
    const header = String(response.headers["content-type"] ?? "");
    const contentType = mediaType(header);
    const kind = textKind(contentType);
    if (!kind) {
      response.destroy();
      throw new Error(
        `${url.href} is ${contentType || "of no stated type"}; only HTML, ` +
          "text and JSON are read.",
      );
    }
    const body = await readBody(response, options.maxBytes ?? 2_000_000);
    const raw = decodeText(body.body, header);
    const page = kind === "html" ? htmlToText(raw) : { text: raw.trim() };
    const limit = options.maxTextChars ?? 20_000;
    return {
      url: url.href,
      status,
      contentType,
      ...(page.title ? { title: page.title } : {}),
      text: page.text.slice(0, limit),
      truncated: body.truncated || page.text.length > limit,
    };
  }
}

/** GETs a URL under the address policy, following at most 5 redirects. */
export async function fetchUrl(
  input: string,
  options: FetchUrlOptions,
  abortSignal?: AbortSignal,
): Promise<FetchedPage> {
  const timeoutMs = options.timeoutMs ?? 10_000;
  const deadline = AbortSignal.timeout(timeoutMs);
  const signal = abortSignal
    ? AbortSignal.any([deadline, abortSignal])
    : deadline;
  try {
    return await follow(parseUrl(input), options, signal);
  } catch (error) {
    if (!deadline.aborted) throw error;
    throw new Error(
      `Gave up on ${input} after ${timeoutMs / 1000} s without a full answer.`,
      { cause: error },
    );
  }
}

export function createFetchUrlTool(options: FetchUrlOptions) {
  return tool({
    description:
      "Fetch a public web page or text document over HTTP(S) and return " +
      "its readable text (HTML is reduced to text, with the page title). " +
      "Use it to read a URL the user gives or one you know is relevant. " +
      "Only HTML, text and JSON are read; long pages are cut.",
    inputSchema: z.object({
      url: z
        .string()
        .min(1)
        .max(2048)
        .describe("The absolute http:// or https:// URL to fetch."),
    }),
    execute: ({ url }, { abortSignal }) => fetchUrl(url, options, abortSignal),
  });
}
