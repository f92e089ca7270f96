import { APICallError, JSONParseError, TypeValidationError } from "ai";
import { describe, expect, it } from "vitest";
import { UpstreamSilenceError } from "@/lib/ai/upstream-fetch";
import { ParleyError } from "@/lib/errors";
import { toUpstreamError } from "./upstream-error";

function refusal(
  statusCode: number,
  message: string,
  responseHeaders?: Record<string, string>,
): APICallError {
  return new APICallError({
    message,
    url: "https://openrouter.ai/api/v1/chat/completions",
    requestBodyValues: {},
    statusCode,
    responseHeaders,
    responseBody: JSON.stringify({ error: { code: statusCode, message } }),
  });
}

describe("toUpstreamError", () => {
  it.each([
    [401, "User not found.", "OpenRouter did not accept the API key."],
    [402, "Insufficient credits.", "out of credits"],
    [403, 'Your input was flagged for "misc".', "refused this request"],
    [408, "Request timed out.", "took too long"],
    [429, "Rate limit exceeded.", "rate limiting"],
    [500, "Internal Server Error", "had a problem"],
    [502, "Provider returned error", "had a problem"],
    [503, "No endpoints available.", "had a problem"],
    [400, "Invalid model id.", "OpenRouter returned an error."],
  ])("explains a %i and quotes OpenRouter's words", (status, words, hint) => {
    const error = toUpstreamError(refusal(status, words));
    expect(error).toBeInstanceOf(ParleyError);
    expect(error.code).toBe("upstream:openrouter");
    expect(error.status).toBe(502);
    expect(error.message).toContain(hint);
    expect(error.message).toContain(`"${words}"`);
  });

  it("says how long OpenRouter asks to wait", () => {
    const error = toUpstreamError(
      refusal(429, "Rate limit exceeded.", { "retry-after": "7" }),
    );
    expect(error.message).toBe(
      "OpenRouter is rate limiting requests. Wait a moment, then retry. " +
        'OpenRouter said: "Rate limit exceeded." OpenRouter asks to wait 7 s.',
    );
  });

  it("names the setting to fix when the key is refused", () => {
    const error = toUpstreamError(refusal(401, "User not found."));
    expect(error.message).toContain("OPENROUTER_API_KEY");
  });

  it("keeps the original error as the cause", () => {
    const original = refusal(500, "Internal Server Error");
    expect(toUpstreamError(original).cause).toBe(original);
  });

  it("reads an error object sent inside the stream", () => {
    const error = toUpstreamError({ code: 502, message: "Provider gone" });
    expect(error.message).toBe(
      "OpenRouter or the model's provider had a problem. " +
        'OpenRouter said: "Provider gone"',
    );
  });

  it("reads a stream error whose code is a word", () => {
    const error = toUpstreamError({
      code: "server_error",
      message: "Upstream failed",
    });
    expect(error.message).toContain('"Upstream failed"');
  });

  it("explains a response that does not fit the protocol", () => {
    const error = toUpstreamError(
      new TypeValidationError({ value: { cost: null }, cause: "bad" }),
    );
    expect(error.message).toMatch(/could not read/);
    expect(error.message).not.toContain("OpenRouter said");
  });

  it("passes a ParleyError through untouched", () => {
    const original = new ParleyError("upstream:openrouter", "Gave up.");
    expect(toUpstreamError(original)).toBe(original);
  });

  // fetch's own failure arrives wrapped by the provider, without a status.
  it("explains an OpenRouter that cannot be reached", () => {
    const unreachable = new APICallError({
      message: "Cannot connect to API: connect ECONNREFUSED 127.0.0.1:443",
      url: "https://openrouter.ai/api/v1/chat/completions",
      requestBodyValues: {},
      cause: new Error("connect ECONNREFUSED 127.0.0.1:443"),
      isRetryable: true,
    });
    const error = toUpstreamError(unreachable);
    expect(error.message).toMatch(/connect/i);
    expect(error.message).not.toContain("OpenRouter said");
  });

  // A connection reset after the 200 arrives as an APICallError carrying the
  // SDK's own words; they are not OpenRouter's.
  it("does not quote the SDK as OpenRouter when a stream is cut", () => {
    const cut = new APICallError({
      message: "Failed to process successful response",
      url: "https://openrouter.ai/api/v1/chat/completions",
      requestBodyValues: {},
      statusCode: 200,
      cause: new TypeError("terminated"),
    });
    const error = toUpstreamError(cut);
    expect(error.message).not.toContain("OpenRouter said");
    expect(error.message).toMatch(/connection/i);
  });

  it("does not quote a parser error as OpenRouter's words", () => {
    const broken = new JSONParseError({
      text: '{"choices":[{"delta":',
      cause: new SyntaxError("Unexpected end of JSON input"),
    });
    const error = toUpstreamError(broken);
    expect(error.message).not.toContain("OpenRouter said");
    expect(error.message).not.toContain("SyntaxError");
  });
});

describe("errors inside the stream", () => {
  it("quotes OpenRouter's words from the SDK's stream error", () => {
    const wrapped = Object.assign(new Error("Token limit reached"), {
      name: "AI_StreamProviderError",
      statusCode: 400,
    });
    expect(toUpstreamError(wrapped).message).toBe(
      'OpenRouter returned an error. OpenRouter said: "Token limit reached"',
    );
  });
});

describe("an upstream that never answers", () => {
  it("says how long Parley waited, whatever wrapped the silence", () => {
    const wrapped = new APICallError({
      message: "Cannot connect to API: OpenRouter sent nothing",
      url: "https://openrouter.ai/api/v1/chat/completions",
      requestBodyValues: {},
      cause: new UpstreamSilenceError(7),
    });
    const error = toUpstreamError(wrapped);
    expect(error.message).toBe(
      "OpenRouter sent nothing for 7 seconds, so Parley gave up on this " +
        "reply. Retry, or pick another model.",
    );
    expect(error.cause).toBe(wrapped);
  });
});
