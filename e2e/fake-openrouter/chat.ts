import type { IncomingMessage, ServerResponse } from "node:http";
import {
  errorBody,
  missingReasoningDetailsMessage,
  unauthorizedBody,
} from "./errors";
import { loadFixture } from "./fixtures";
import { parseJson, readBody, sendJson } from "./http";
import type { KeyRing } from "./keys";
import { planReply } from "./reply";
import {
  DEFAULT_MODEL,
  estimatePromptTokens,
  isDeepSeekV4,
  lacksReasoningDetails,
  lastUserText,
  parseChatRequest,
} from "./request";
import type { FakeResponse } from "./scenarios";
import type { FakeStore, RecordedRequest } from "./store";
import { type SseSink, sleep, writeStream } from "./stream";
import { completionBody } from "./wire";

/** `POST /api/v1/chat/completions`. */
export async function handleChat(
  request: IncomingMessage,
  response: ServerResponse,
  context: { store: FakeStore; keys: KeyRing },
): Promise<void> {
  const { store } = context;
  const body = parseJson(await readBody(request));
  const userText = lastUserText(body);
  const record = store.record({
    method: request.method ?? "POST",
    path: request.url ?? "",
    headers: request.headers,
    body,
    lastUserText: userText,
    stream: isStreamRequest(body),
  });
  const sink = sseSink(response, record);
  const json = (status: number, value: unknown, headers = {}) => {
    record.status = status;
    sendJson(response, status, value, headers);
  };

  if (!context.keys.bearer(request)) return json(401, unauthorizedBody);
  const parsed = parseChatRequest(body);
  if (!parsed.ok) return json(400, errorBody(400, parsed.message));
  const chat = parsed.request;
  const model = chat.model ?? DEFAULT_MODEL;
  const entry = store.find(userText, chat.stream === true);
  const strict = entry?.scenario.deepseekStrict ?? store.config.deepseekStrict;
  if (strict && isDeepSeekV4(model) && lacksReasoningDetails(chat)) {
    return json(400, errorBody(400, missingReasoningDetailsMessage));
  }
  const scripted: FakeResponse = entry?.take() ?? {
    kind: "stream",
    text: `Echo: ${userText}`,
  };
  record.scenario = entry?.scenario.match ?? null;

  if (scripted.kind === "error") {
    const { status, message, metadata, headers } = scripted;
    return json(status, errorBody(status, message, metadata), headers);
  }
  if (scripted.kind === "fixture") {
    const fixture = loadFixture(scripted.file);
    record.status = fixture.status;
    response.writeHead(fixture.status, {
      "Content-Type": fixture.contentType,
      "Cache-Control": "no-cache",
      ...(fixture.generationId
        ? { "X-Generation-Id": fixture.generationId }
        : {}),
    });
    response.end(fixture.body);
    return;
  }
  const reply = planReply({
    response: scripted,
    model,
    alwaysReasoningDetails: isDeepSeekV4(scripted.model ?? model),
    promptTokens: estimatePromptTokens(chat),
  });
  if (chat.stream === true) return writeStream(sink, reply, scripted);
  await sleep(scripted.firstByteDelayMs ?? 0, sink.signal);
  if (sink.signal.aborted) return;
  json(200, completionBody(reply), { "X-Generation-Id": reply.id });
}

/** Streams into the response and notes on the record how it ended. */
function sseSink(response: ServerResponse, record: RecordedRequest): SseSink {
  const controller = new AbortController();
  let dropped = false;
  let flushed = Promise.resolve();
  response.once("close", () => {
    if (!response.writableFinished && !dropped) record.aborted = true;
    controller.abort();
  });
  return {
    signal: controller.signal,
    start(generationId) {
      record.status = 200;
      response.writeHead(200, {
        "Content-Type": "text/event-stream",
        "Cache-Control": "no-cache",
        "X-Generation-Id": generationId,
        "Access-Control-Expose-Headers": "X-Generation-Id,X-Provider-Name",
      });
    },
    write(text) {
      if (response.destroyed) return;
      flushed = new Promise((resolve) => response.write(text, () => resolve()));
    },
    end() {
      if (!response.destroyed) response.end();
    },
    async drop() {
      dropped = true;
      // Let what was written reach the client before the socket goes.
      await flushed;
      response.destroy();
    },
  };
}

function isStreamRequest(body: unknown): boolean {
  return (
    typeof body === "object" &&
    body !== null &&
    (body as { stream?: unknown }).stream === true
  );
}
