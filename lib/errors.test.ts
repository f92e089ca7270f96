import { describe, expect, it } from "vitest";
import { type ErrorCode, ParleyError, parseErrorBody } from "./errors";

describe("ParleyError", () => {
  it.each([
    ["bad_request:api", 400],
    ["forbidden:api", 403],
    ["not_found:conversation", 404],
    ["conflict:message", 409],
    ["payload_too_large:api", 413],
    ["unsupported_media_type:api", 415],
    ["rate_limited:chat", 429],
    ["internal:api", 500],
    ["upstream:openrouter", 502],
    ["config:openrouter_key", 503],
    ["database:api", 503],
  ] as [ErrorCode, number][])("answers %s with %i", (code, status) => {
    expect(new ParleyError(code, "Words.").status).toBe(status);
  });

  it("lets a status be set explicitly", () => {
    const error = new ParleyError("upstream:openrouter", "Slow.", {
      status: 504,
    });
    expect(error.status).toBe(504);
  });

  it("keeps its cause", () => {
    const cause = new Error("disk full");
    expect(new ParleyError("database:api", "Down.", { cause }).cause).toBe(
      cause,
    );
  });

  it("becomes a JSON response with its status and body", async () => {
    const error = new ParleyError(
      "not_found:conversation",
      "This conversation does not exist.",
    );
    const response = error.toResponse();
    expect(response.status).toBe(404);
    expect(response.headers.get("content-type")).toContain("application/json");
    expect(await response.json()).toEqual({
      error: {
        code: "not_found:conversation",
        message: "This conversation does not exist.",
        status: 404,
      },
    });
  });

  it("sends the headers it was given, such as Retry-After", () => {
    const response = new ParleyError("rate_limited:chat", "Wait.", {
      headers: { "Retry-After": "20" },
    }).toResponse();
    expect(response.status).toBe(429);
    expect(response.headers.get("retry-after")).toBe("20");
  });

  it("never puts its cause in the body", () => {
    const error = new ParleyError("database:api", "Down.", {
      cause: new Error("SQLITE_CANTOPEN /srv/secret/path.db"),
    });
    expect(JSON.stringify(error.toBody())).not.toContain("secret");
  });
});

describe("parseErrorBody", () => {
  it("rebuilds the error the server sent", () => {
    const sent = new ParleyError(
      "upstream:openrouter",
      'OpenRouter said: "Rate limit exceeded.".',
    );
    const rebuilt = parseErrorBody(JSON.stringify(sent.toBody()));
    expect(rebuilt).toBeInstanceOf(ParleyError);
    expect(rebuilt?.toBody()).toEqual(sent.toBody());
  });

  it("keeps a status the type would not give", () => {
    const body = {
      error: { code: "upstream:openrouter", message: "x", status: 504 },
    };
    expect(parseErrorBody(JSON.stringify(body))?.status).toBe(504);
  });

  it("falls back to the type's status when the body has none", () => {
    const body = { error: { code: "not_found:conversation", message: "x" } };
    expect(parseErrorBody(JSON.stringify(body))?.status).toBe(404);
  });

  it.each([
    ["text that is not JSON", "Internal Server Error"],
    ["JSON without an error", '{"ok":true}'],
    ["an error without a code", '{"error":{"message":"x"}}'],
    [
      "an error whose message is not text",
      '{"error":{"code":"a:b","message":1}}',
    ],
    ["JSON null", "null"],
  ])("returns undefined for %s", (_, text) => {
    expect(parseErrorBody(text)).toBeUndefined();
  });
});
