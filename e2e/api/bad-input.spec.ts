import { randomUUID } from "node:crypto";
import { APP_URL } from "../support/config";
import { expect, test } from "../support/fixtures";
import {
  conversationExists,
  newTurn,
  postChat,
  readMessages,
  regenerate,
  sendMessage,
  settledMessages,
} from "./helpers";

type Refusal = {
  name: string;
  status: number;
  code: string;
  /** Sends the request for a conversation id and a prompt of its own. */
  send: (conversationId: string, prompt: string) => Promise<Response>;
};

function submit(conversationId: string, text: string, extra = {}) {
  return {
    trigger: "submit-message",
    id: conversationId,
    message: {
      id: randomUUID(),
      role: "user",
      parts: [{ type: "text", text }],
    },
    ...extra,
  };
}

function post(body: BodyInit, headers: Record<string, string>) {
  return fetch(`${APP_URL}/api/chat`, { method: "POST", headers, body });
}

const json = { "Content-Type": "application/json" };

const refusals: Refusal[] = [
  {
    name: "a text/plain body",
    status: 415,
    code: "unsupported_media_type:api",
    send: (id, prompt) =>
      post(JSON.stringify(submit(id, prompt)), {
        "Content-Type": "text/plain",
      }),
  },
  {
    name: "a form-encoded body",
    status: 415,
    code: "unsupported_media_type:api",
    send: (id, prompt) =>
      post(new URLSearchParams({ id, text: prompt }).toString(), {
        "Content-Type": "application/x-www-form-urlencoded",
      }),
  },
  {
    name: "invalid JSON",
    status: 400,
    code: "bad_request:api",
    send: (id, prompt) =>
      post(`${JSON.stringify(submit(id, prompt)).slice(0, -1)},`, json),
  },
  {
    name: "no trigger",
    status: 400,
    code: "bad_request:api",
    send: (id, prompt) =>
      postChat({ ...submit(id, prompt), trigger: undefined }),
  },
  {
    name: "an unknown trigger",
    status: 400,
    code: "bad_request:api",
    send: (id, prompt) => postChat(submit(id, prompt, { trigger: "resume" })),
  },
  {
    name: "a conversation id that is not a UUID",
    status: 400,
    code: "bad_request:api",
    send: (id, prompt) =>
      postChat(submit(`${id}'; DROP TABLE "Message";--`, prompt)),
  },
  {
    name: "a message id with a slash",
    status: 400,
    code: "bad_request:api",
    send: (id, prompt) =>
      postChat({
        ...submit(id, prompt),
        message: {
          id: "../../etc/passwd",
          role: "user",
          parts: [{ type: "text", text: prompt }],
        },
      }),
  },
  {
    name: "a message from the assistant",
    status: 400,
    code: "bad_request:api",
    send: (id, prompt) =>
      postChat({
        ...submit(id, prompt),
        message: {
          id: randomUUID(),
          role: "assistant",
          parts: [{ type: "text", text: prompt }],
        },
      }),
  },
  {
    name: "an empty text",
    status: 400,
    code: "bad_request:api",
    send: (id) => postChat(submit(id, " \n\t ")),
  },
  {
    name: "a text of 100,001 characters",
    status: 400,
    code: "bad_request:api",
    send: (id, prompt) =>
      postChat(submit(id, `${prompt} ${"x".repeat(100_001)}`)),
  },
  {
    name: "a body over 1 MiB",
    status: 413,
    code: "payload_too_large:api",
    send: (id, prompt) =>
      postChat(submit(id, prompt, { padding: "x".repeat(1024 * 1024) })),
  },
  {
    name: "a body over 1 MiB without Content-Length",
    status: 413,
    code: "payload_too_large:api",
    send: (id, prompt) => {
      const bytes = new TextEncoder().encode(
        JSON.stringify(submit(id, prompt, { padding: "x".repeat(1 << 20) })),
      );
      const body = new ReadableStream<Uint8Array>({
        start(controller) {
          controller.enqueue(bytes);
          controller.close();
        },
      });
      return fetch(`${APP_URL}/api/chat`, {
        method: "POST",
        headers: json,
        body,
        duplex: "half",
      } as RequestInit);
    },
  },
  {
    name: "another site's Origin",
    status: 403,
    code: "forbidden:api",
    send: (id, prompt) =>
      post(JSON.stringify(submit(id, prompt)), {
        ...json,
        Origin: "https://evil.example",
      }),
  },
  {
    name: "Sec-Fetch-Site: cross-site",
    status: 403,
    code: "forbidden:api",
    send: (id, prompt) =>
      post(JSON.stringify(submit(id, prompt)), {
        ...json,
        "Sec-Fetch-Site": "cross-site",
      }),
  },
  {
    name: "a retry in an unknown conversation",
    status: 404,
    code: "not_found:conversation",
    send: (id) => regenerate(id, randomUUID()),
  },
];

async function expectError(response: Response, status: number, code: string) {
  expect(response.status).toBe(status);
  expect(response.headers.get("content-type")).toContain("application/json");
  expect(await response.json()).toEqual({
    error: { code, message: expect.any(String), status },
  });
}

test.describe("POST /api/chat refuses bad input and writes nothing", () => {
  for (const refusal of refusals) {
    test(`${refusal.name}: ${refusal.status} ${refusal.code}`, async ({
      fake,
      uniquePrompt,
    }) => {
      const conversationId = randomUUID();
      const prompt = uniquePrompt(`Refused ${refusal.name}`);

      const response = await refusal.send(conversationId, prompt);

      await expectError(response, refusal.status, refusal.code);
      expect(conversationExists(conversationId)).toBe(false);
      expect(readMessages(conversationId)).toEqual([]);
      expect(await fake.requests(prompt)).toEqual([]);
    });
  }
});

test.describe("refusals inside an existing conversation", () => {
  test("a retry of a message that is not a user message of it: 404", async ({
    fake,
    uniquePrompt,
  }) => {
    const prompt = uniquePrompt("Say something.");
    await fake.script(prompt, { kind: "stream", text: "Something." });
    const turn = newTurn();
    await (await sendMessage(turn, prompt)).text();
    const before = await settledMessages(turn.conversationId);
    const reply = before[1]?.id ?? "no reply";
    const other = newTurn();
    const otherPrompt = uniquePrompt("Elsewhere.");
    await (await sendMessage(other, otherPrompt)).text();
    await settledMessages(other.conversationId);

    for (const parentId of [reply, other.messageId, "unknown-message"]) {
      const response = await regenerate(turn.conversationId, parentId);
      await expectError(response, 404, "not_found:message");
    }

    expect(readMessages(turn.conversationId)).toEqual(before);
    expect(await fake.requests(prompt)).toHaveLength(1);
  });

  test("the same message sent twice: 409, nothing added", async ({
    fake,
    uniquePrompt,
  }) => {
    const prompt = uniquePrompt("Only once.");
    await fake.script(prompt, { kind: "stream", text: "Once." });
    const turn = newTurn();
    await (await sendMessage(turn, prompt)).text();
    const before = await settledMessages(turn.conversationId);

    const again = await sendMessage(turn, prompt);

    await expectError(again, 409, "conflict:message");
    expect(readMessages(turn.conversationId)).toEqual(before);
    expect(await fake.requests(prompt)).toHaveLength(1);
  });
});

test.describe("other routes", () => {
  test("stopping a conversation whose id is not a UUID: 400", async () => {
    const response = await fetch(`${APP_URL}/api/chat/not-a-uuid/stop`, {
      method: "POST",
    });
    await expectError(response, 400, "bad_request:api");
  });

  test("stopping from another site: 403", async () => {
    const response = await fetch(`${APP_URL}/api/chat/${randomUUID()}/stop`, {
      method: "POST",
      headers: { Origin: "https://evil.example" },
    });
    await expectError(response, 403, "forbidden:api");
  });

  test("a page for a conversation id that is not a UUID: 404 page", async () => {
    const response = await fetch(`${APP_URL}/c/not-a-uuid`);
    expect(response.status).toBe(404);
    expect(response.headers.get("content-type")).toContain("text/html");
  });

  test("a page for an unknown conversation: 404 page", async () => {
    const id = randomUUID();
    const response = await fetch(`${APP_URL}/c/${id}`);
    expect(response.status).toBe(404);
    expect(conversationExists(id)).toBe(false);
  });

  test("a method a route does not serve: 405", async () => {
    for (const [method, path] of [
      ["GET", "/api/chat"],
      ["GET", `/api/chat/${randomUUID()}/stop`],
      ["POST", "/api/conversations"],
      ["DELETE", "/api/health"],
    ] as const) {
      const response = await fetch(`${APP_URL}${path}`, { method });
      expect(response.status, `${method} ${path}`).toBe(405);
    }
  });
});
