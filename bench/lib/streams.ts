import { randomUUID } from "node:crypto";
import { performance } from "node:perf_hooks";
import { TEST_API_KEY } from "../../e2e/support/config";

/** The model every request names, so both paths carry the same chunks. */
export const MODEL = "deepseek/deepseek-v4-flash";

/** No request waits longer: a reply that never ends counts as an error. */
const REQUEST_TIMEOUT_MS = 90_000;

export type TimedReply = {
  ok: boolean;
  status: number;
  /** From sending the request to the first visible token. */
  ttftMs: number;
  /** From sending the request to the end of the response body. */
  totalMs: number;
  text: string;
  error?: string;
};

type Options = {
  /** The reply counts as an error unless its text is exactly this. */
  expected?: string;
  /** Called once, when the first token arrives. */
  onFirstToken?: () => void;
  signal?: AbortSignal;
};

/** A first message to a conversation, through `POST /api/chat`. */
export function timeAppReply(
  appUrl: string,
  { conversationId, prompt }: { conversationId: string; prompt: string },
  options: Options = {},
): Promise<TimedReply> {
  const body = {
    trigger: "submit-message",
    id: conversationId,
    message: {
      id: randomUUID(),
      role: "user",
      parts: [{ type: "text", text: prompt }],
    },
  };
  return timeStream(
    (signal) =>
      fetch(`${appUrl}/api/chat`, {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify(body),
        signal,
      }),
    { firstToken: /"type":"text-delta"/, textOf: uiStreamText },
    options,
  );
}

/** A streamed chat completion, to the fake or through the pipe. */
export function timeUpstreamReply(
  baseUrl: string,
  prompt: string,
  options: Options = {},
): Promise<TimedReply> {
  const body = {
    model: MODEL,
    stream: true,
    messages: [{ role: "user", content: prompt }],
  };
  return timeStream(
    (signal) =>
      fetch(`${baseUrl}/chat/completions`, {
        method: "POST",
        headers: {
          "Content-Type": "application/json",
          Authorization: `Bearer ${TEST_API_KEY}`,
        },
        body: JSON.stringify(body),
        signal,
      }),
    // The opening chunk carries `"content":""`; the first token does not.
    { firstToken: /"content":"[^"]/, textOf: completionText },
    options,
  );
}

type Format = {
  firstToken: RegExp;
  textOf: (body: string) => { text: string; error?: string };
};

async function timeStream(
  send: (signal: AbortSignal) => Promise<Response>,
  format: Format,
  options: Options,
): Promise<TimedReply> {
  const started = performance.now();
  let firstAt = Number.NaN;
  let status = 0;
  const signal = withTimeout(options.signal);
  try {
    const response = await send(signal);
    status = response.status;
    if (!response.body) throw new Error("no response body");
    const decoder = new TextDecoder();
    let received = "";
    // The body is only searched until the first token, then just kept:
    // the client's own work must stay small next to the server's.
    const kept: Uint8Array[] = [];
    const reader = response.body.getReader();
    // An abort while a compressed body is being read has been seen to leave
    // read() pending for good: give up on it ourselves.
    const aborted = new Promise<never>((_, reject) => {
      const fail = () => {
        reader.cancel().catch(() => {});
        reject(new Error(`aborted: ${String(signal.reason)}`));
      };
      if (signal.aborted) fail();
      else signal.addEventListener("abort", fail, { once: true });
    });
    aborted.catch(() => {});
    for (;;) {
      const { value: bytes, done } = await Promise.race([
        reader.read(),
        aborted,
      ]);
      if (done) break;
      if (Number.isNaN(firstAt)) {
        received += decoder.decode(bytes, { stream: true });
        if (format.firstToken.test(received)) {
          firstAt = performance.now();
          options.onFirstToken?.();
        }
      } else {
        kept.push(bytes);
      }
    }
    const endAt = performance.now();
    const body = received + decoder.decode(Buffer.concat(kept));
    const { text, error } = format.textOf(body);
    const problem =
      error ??
      (status !== 200 ? `HTTP ${status}` : undefined) ??
      (Number.isNaN(firstAt) ? "no token arrived" : undefined) ??
      (options.expected !== undefined && text !== options.expected
        ? `text differs (${text.length} of ${options.expected.length} chars)`
        : undefined);
    return {
      ok: problem === undefined,
      status,
      ttftMs: firstAt - started,
      totalMs: endAt - started,
      text,
      error: problem,
    };
  } catch (error) {
    return {
      ok: false,
      status,
      ttftMs: Number.NaN,
      totalMs: performance.now() - started,
      text: "",
      error: String(error),
    };
  }
}

function withTimeout(signal: AbortSignal | undefined): AbortSignal {
  const timeout = AbortSignal.timeout(REQUEST_TIMEOUT_MS);
  return signal ? AbortSignal.any([signal, timeout]) : timeout;
}

function dataEvents(body: string): string[] {
  return body
    .split("\n\n")
    .map((event) => event.trim())
    .filter((event) => event.startsWith("data:"))
    .map((event) => event.slice("data:".length).trim())
    .filter((data) => data !== "[DONE]");
}

function uiStreamText(body: string): { text: string; error?: string } {
  let text = "";
  for (const data of dataEvents(body)) {
    const chunk = JSON.parse(data) as {
      type: string;
      delta?: string;
      errorText?: string;
    };
    if (chunk.type === "text-delta") text += chunk.delta ?? "";
    if (chunk.type === "error") return { text, error: chunk.errorText };
  }
  return { text };
}

function completionText(body: string): { text: string; error?: string } {
  let text = "";
  for (const data of dataEvents(body)) {
    const chunk = JSON.parse(data) as {
      choices?: { delta?: { content?: string | null } }[];
      error?: { message?: string };
    };
    if (chunk.error) return { text, error: chunk.error.message };
    text += chunk.choices?.[0]?.delta?.content ?? "";
  }
  return { text };
}
