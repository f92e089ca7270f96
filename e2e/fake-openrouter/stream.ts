import { midStreamErrorChunk } from "./errors";
import type { Reply } from "./reply";
import type { StreamResponse } from "./scenarios";
import { type Chunk, streamChunks } from "./wire";

const KEEP_ALIVE = ": OPENROUTER PROCESSING\n\n";
const DONE = "data: [DONE]\n\n";

/** Where a stream goes; the HTTP layer implements it over a response. */
export interface SseSink {
  /** Aborted once the client has gone away. */
  signal: AbortSignal;
  /** Sends the 200 status line and the SSE headers. */
  start(generationId: string): void;
  write(text: string): void;
  end(): void;
  /** Destroys the socket: the client sees a connection reset. */
  drop(): Promise<void>;
}

type Fault = { at: number; run: () => Promise<void> };

export async function writeStream(
  sink: SseSink,
  reply: Reply,
  response: StreamResponse,
): Promise<void> {
  const chunks = streamChunks(reply, response.usageShape ?? 2);
  const fault = faultOf(sink, reply, response);
  await sleep(response.firstByteDelayMs ?? 0, sink.signal);
  if (sink.signal.aborted) return;
  sink.start(reply.id);
  sink.write(KEEP_ALIVE.repeat(response.keepAlives ?? 3));
  for (const [index, chunk] of chunks.entries()) {
    if (fault?.at === index) return fault.run();
    if (index > 0) await sleep(response.tokenDelayMs ?? 0, sink.signal);
    if (sink.signal.aborted) return;
    sink.write(event(chunk));
  }
  if (fault) return fault.run();
  sink.write(DONE);
  sink.end();
}

function faultOf(
  sink: SseSink,
  reply: Reply,
  response: StreamResponse,
): Fault | undefined {
  const { errorAfter, dropAfter, stallAfter, malformedAfter } = response;
  if (errorAfter) {
    return {
      at: errorAfter.chunks,
      run: async () => {
        sink.write(event(midStreamErrorChunk(reply, errorAfter)));
        // The documented form ends the stream at the error event.
        if (errorAfter.form === "observed") sink.write(DONE);
        sink.end();
      },
    };
  }
  if (dropAfter) {
    return { at: dropAfter.chunks, run: () => sink.drop() };
  }
  if (stallAfter) {
    return { at: stallAfter.chunks, run: () => untilAborted(sink.signal) };
  }
  if (malformedAfter) {
    return {
      at: malformedAfter.chunks,
      run: async () => {
        sink.write(`data: {"id":"${reply.id}","choices":[{"delta":\n\n`);
        sink.write(DONE);
        sink.end();
      },
    };
  }
  return undefined;
}

function event(chunk: Chunk): string {
  return `data: ${JSON.stringify(chunk)}\n\n`;
}

/** Resolves after `ms`, or at once when the signal aborts. */
export function sleep(ms: number, signal: AbortSignal): Promise<void> {
  if (ms <= 0 || signal.aborted) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(done, ms);
    signal.addEventListener("abort", done, { once: true });
    function done() {
      clearTimeout(timer);
      signal.removeEventListener("abort", done);
      resolve();
    }
  });
}

function untilAborted(signal: AbortSignal): Promise<void> {
  if (signal.aborted) return Promise.resolve();
  return new Promise((resolve) => {
    signal.addEventListener("abort", () => resolve(), { once: true });
  });
}
