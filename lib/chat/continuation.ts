import type { TextStreamPart, ToolSet } from "ai";

type AnyPart = TextStreamPart<ToolSet>;

const PREFIX_ID = "continued-text";

// What may come before the model's first text without ending the prefix.
const BEFORE_TEXT = new Set<AnyPart["type"]>([
  "start-step",
  "source",
  "ping",
  "raw",
]);
// What ends the prefix even once the model's text has joined it.
const ENDS_TEXT = new Set<AnyPart["type"]>([
  "finish-step",
  "finish",
  "abort",
  "error",
]);

/**
 * Makes a reply start with `prefix`, the text of the unfinished reply it
 * continues, so the browser and the database both hold one whole answer.
 *
 * The prefix opens the first step at once (an upstream failure still keeps
 * it), and the model's first text part is poured into it, so the two read as
 * one paragraph. Anything else the model sends first (reasoning, a tool
 * call) closes the prefix and follows it.
 */
export function prependText<Tools extends ToolSet>(
  stream: ReadableStream<TextStreamPart<Tools>>,
  prefix: string | undefined,
): ReadableStream<TextStreamPart<Tools>> {
  type Part = TextStreamPart<Tools>;
  if (!prefix) return stream;
  let state: "waiting" | "open" | "joined" | "closed" = "waiting";
  let stepOpened = false;
  let joinedId: string | undefined;

  const close = (controller: TransformStreamDefaultController<Part>) => {
    if (state !== "open" && state !== "joined") return;
    state = "closed";
    controller.enqueue({ type: "text-end", id: PREFIX_ID });
  };

  return stream.pipeThrough(
    new TransformStream<Part, Part>({
      transform(part, controller) {
        if (part.type === "start" && state === "waiting") {
          controller.enqueue(part);
          controller.enqueue({ type: "start-step", request: {}, warnings: [] });
          controller.enqueue({ type: "text-start", id: PREFIX_ID });
          controller.enqueue({
            type: "text-delta",
            id: PREFIX_ID,
            text: prefix,
          });
          state = "open";
          return;
        }
        // The first step was opened above, ahead of the model.
        if (part.type === "start-step" && !stepOpened && state !== "waiting") {
          stepOpened = true;
          return;
        }
        if (part.type === "text-start") {
          if (state === "open") {
            joinedId = part.id;
            state = "joined";
            return;
          }
          // A later part may reuse the id; it is the model's own again.
          if (part.id === joinedId) joinedId = undefined;
        }
        if (
          (part.type === "text-delta" || part.type === "text-end") &&
          part.id === joinedId
        ) {
          if (state !== "joined") return;
          if (part.type === "text-end") state = "closed";
          controller.enqueue({ ...part, id: PREFIX_ID });
          return;
        }
        if (state === "open" && !BEFORE_TEXT.has(part.type)) close(controller);
        if (state === "joined" && ENDS_TEXT.has(part.type)) close(controller);
        controller.enqueue(part);
      },
      flush(controller) {
        close(controller);
      },
    }),
  );
}
