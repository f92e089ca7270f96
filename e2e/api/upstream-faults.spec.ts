import type { FakeResponse } from "../fake-openrouter/scenarios";
import { APP_URL } from "../support/config";
import { expect, test } from "../support/fixtures";
import { newTurn, sendMessage, settledMessages, storedText } from "./helpers";
import { errorChunks, metadataOf, parseSse } from "./sse";

const TEXT = "Alpha beta gamma delta epsilon";

type Fault = {
  name: string;
  response: FakeResponse;
  /** What the person reads; OpenRouter's own words where it sent some. */
  says: (string | RegExp)[];
  /** What it must not read, beyond the internal jargon no reply shows. */
  never: RegExp[];
  /** Whatever the reply had shown before it failed. */
  kept: string;
};

function refusal(
  status: number,
  message: string,
  headers?: Record<string, string>,
): FakeResponse {
  return { kind: "error", status, message, ...(headers ? { headers } : {}) };
}

// Faults where OpenRouter sent no words must not be quoted as if it had.
const NOT_QUOTED = /OpenRouter said/;
// Error class names and parser output mean nothing to a person.
const JARGON = [/AI_\w+Error/, /APICallError/, /SyntaxError/, /JSON parsing/];

// Chunk 1 is the opening delta, so `chunks: 3` leaves two words shown.
const faults: Fault[] = [
  {
    name: "401 bad key",
    response: refusal(401, "User not found."),
    says: ["User not found.", /OPENROUTER_API_KEY/],
    never: [],
    kept: "",
  },
  {
    name: "402 no credits",
    response: refusal(402, "This request requires more credits."),
    says: ["This request requires more credits.", /credits/],
    never: [],
    kept: "",
  },
  {
    name: "403 moderation",
    response: refusal(403, 'Your input was flagged for "misc".'),
    says: ['Your input was flagged for "misc".'],
    never: [],
    kept: "",
  },
  {
    name: "408 timeout",
    response: refusal(408, "Request timed out."),
    says: ["Request timed out.", /too long/],
    never: [],
    kept: "",
  },
  {
    name: "429 with Retry-After",
    response: refusal(429, "Rate limit exceeded: limit_rpm/deepseek", {
      "Retry-After": "7",
    }),
    says: ["Rate limit exceeded: limit_rpm/deepseek", /rate limit/i, /7 s/],
    never: [],
    kept: "",
  },
  {
    name: "500 internal",
    response: refusal(500, "Internal Server Error"),
    says: ["Internal Server Error"],
    never: [],
    kept: "",
  },
  {
    name: "502 provider error",
    response: refusal(502, "Provider returned error"),
    says: ["Provider returned error"],
    never: [],
    kept: "",
  },
  {
    name: "503 no provider",
    response: refusal(503, "No endpoints available for routing", {
      "Retry-After": "3",
    }),
    says: ["No endpoints available for routing", /3 s/],
    never: [],
    kept: "",
  },
  {
    name: "mid-stream error, documented form",
    response: {
      kind: "stream",
      text: TEXT,
      errorAfter: {
        chunks: 3,
        code: 502,
        message: "Provider disconnected",
        form: "documented",
      },
    },
    says: ["Provider disconnected"],
    never: [],
    kept: "Alpha beta",
  },
  {
    name: "mid-stream error, observed form",
    response: {
      kind: "stream",
      text: TEXT,
      errorAfter: {
        chunks: 3,
        code: 400,
        message: "Token limit reached",
        form: "observed",
      },
    },
    says: ["Token limit reached"],
    never: [],
    kept: "Alpha beta",
  },
  {
    name: "connection dropped",
    response: { kind: "stream", text: TEXT, dropAfter: { chunks: 3 } },
    says: [/connection/i],
    never: [NOT_QUOTED],
    kept: "Alpha beta",
  },
  {
    name: "malformed SSE",
    response: { kind: "stream", text: TEXT, malformedAfter: { chunks: 3 } },
    says: [],
    never: [NOT_QUOTED],
    kept: "Alpha beta",
  },
  {
    name: "cost: null in the usage chunk",
    response: { kind: "stream", text: TEXT, costNull: true },
    says: [],
    never: [NOT_QUOTED],
    kept: TEXT,
  },
];

for (const fault of faults) {
  test(`${fault.name}: fails in plain words, saved as failed`, async ({
    fake,
    uniquePrompt,
  }) => {
    const prompt = uniquePrompt(`Fault ${fault.name}`);
    await fake.script(prompt, fault.response);
    const turn = newTurn();

    const response = await sendMessage(turn, prompt);
    expect(response.status).toBe(200);
    const { chunks, done } = parseSse(await response.text());
    expect(done).toBe(true);

    const errors = errorChunks(chunks);
    expect(errors).toHaveLength(1);
    const body = JSON.parse(errors[0]?.errorText ?? "null");
    expect(body).toEqual({
      error: {
        code: "upstream:openrouter",
        message: expect.any(String),
        status: 502,
      },
    });
    const message: string = body.error.message;
    for (const words of fault.says) expect(message).toMatch(words);
    for (const words of [...JARGON, ...fault.never]) {
      expect(message).not.toMatch(words);
    }
    expect(metadataOf(chunks)).toMatchObject({
      status: "failed",
      error: { code: "upstream:openrouter", message },
    });

    const [user, assistant, ...others] = await settledMessages(
      turn.conversationId,
    );
    expect(others).toEqual([]);
    expect(user).toMatchObject({
      id: turn.messageId,
      status: "complete",
      parts: [{ type: "text", text: prompt }],
    });
    expect(assistant).toMatchObject({
      role: "assistant",
      status: "failed",
      error: { code: "upstream:openrouter", message },
    });
    expect(storedText(assistant)).toBe(fault.kept);

    const health = await fetch(`${APP_URL}/api/health`);
    expect(health.status).toBe(200);
  });
}
