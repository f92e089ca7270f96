import type { UIMessageChunk } from "ai";
import type { MessageMetadata } from "@/lib/types";

/** One chunk of Parley's UI message stream, with its metadata typed. */
export type Chunk = UIMessageChunk<MessageMetadata>;

export type ParsedStream = {
  chunks: Chunk[];
  /** The stream ended with `data: [DONE]`. */
  done: boolean;
};

/** Splits an SSE body into its `data:` events, parsed. */
export function parseSse(body: string): ParsedStream {
  const chunks: Chunk[] = [];
  let done = false;
  for (const event of body.split(/\r?\n\r?\n/)) {
    const data = event
      .split(/\r?\n/)
      .filter((line) => line.startsWith("data:"))
      .map((line) => line.slice("data:".length).trimStart())
      .join("\n");
    if (data === "") continue;
    if (data === "[DONE]") {
      done = true;
      continue;
    }
    chunks.push(JSON.parse(data) as Chunk);
  }
  return { chunks, done };
}

/** The visible answer: every text delta, in order. */
export function textOf(chunks: Chunk[]): string {
  return chunks
    .map((chunk) => (chunk.type === "text-delta" ? chunk.delta : ""))
    .join("");
}

/** The message metadata as the browser ends up with it (later wins). */
export function metadataOf(chunks: Chunk[]): MessageMetadata {
  let metadata: MessageMetadata = {};
  for (const chunk of chunks) {
    if (
      (chunk.type === "start" ||
        chunk.type === "finish" ||
        chunk.type === "message-metadata") &&
      chunk.messageMetadata
    ) {
      metadata = { ...metadata, ...chunk.messageMetadata };
    }
  }
  return metadata;
}

export function errorChunks(chunks: Chunk[]) {
  return chunks.filter(
    (chunk): chunk is Extract<Chunk, { type: "error" }> =>
      chunk.type === "error",
  );
}

/**
 * Reads a streaming response as it arrives, so a test can act in the middle
 * of a reply (stop it, check the database, walk away).
 */
export class SseReader {
  readonly chunks: Chunk[] = [];
  done = false;
  readonly #reader: ReadableStreamDefaultReader<Uint8Array>;
  readonly #decoder = new TextDecoder();
  #buffer = "";

  constructor(response: Response) {
    if (!response.body) throw new Error("the response has no body");
    this.#reader = response.body.getReader();
  }

  /** Reads until `predicate` holds for the chunks so far, or the end. */
  async until(predicate: (chunks: Chunk[]) => boolean): Promise<Chunk[]> {
    while (!predicate(this.chunks)) {
      const { value, done } = await this.#reader.read();
      if (done) {
        throw new Error(
          `the stream ended first:\n${JSON.stringify(this.chunks, null, 1)}`,
        );
      }
      this.#push(value);
    }
    return this.chunks;
  }

  /** Reads to the end of the stream. */
  async rest(): Promise<Chunk[]> {
    for (;;) {
      const { value, done } = await this.#reader.read();
      if (done) break;
      this.#push(value);
    }
    this.#push(new Uint8Array(), true);
    return this.chunks;
  }

  #push(bytes: Uint8Array, flush = false): void {
    this.#buffer += this.#decoder.decode(bytes, { stream: !flush });
    const cut = this.#buffer.lastIndexOf("\n\n");
    if (cut === -1) return;
    const parsed = parseSse(this.#buffer.slice(0, cut));
    this.#buffer = this.#buffer.slice(cut + 2);
    this.chunks.push(...parsed.chunks);
    this.done ||= parsed.done;
  }
}
