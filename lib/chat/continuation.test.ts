import type { TextStreamPart, ToolSet } from "ai";
import { describe, expect, it } from "vitest";
import { prependText } from "./continuation";

type Part = TextStreamPart<ToolSet>;

const start: Part = { type: "start" };
const startStep: Part = { type: "start-step", request: {}, warnings: [] };

async function run(parts: Part[], prefix: string | undefined) {
  const source = new ReadableStream<Part>({
    start(controller) {
      for (const part of parts) controller.enqueue(part);
      controller.close();
    },
  });
  const out: Part[] = [];
  const reader = prependText(source, prefix).getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return out;
    out.push(value);
  }
}

/** The parts with only what the UI message is built from. */
function shape(parts: Part[]): string[] {
  return parts.map((part) => {
    if (part.type === "text-delta") return `delta ${part.id} ${part.text}`;
    if ("id" in part) return `${part.type} ${part.id}`;
    return part.type;
  });
}

describe("prependText", () => {
  it("passes the stream through untouched without a prefix", async () => {
    const parts = [start, startStep, { type: "ping" } as Part];
    expect(await run(parts, undefined)).toEqual(parts);
  });

  it("opens the first step with the prefix and pours the text into it", async () => {
    const out = await run(
      [
        start,
        startStep,
        { type: "text-start", id: "t1" },
        { type: "text-delta", id: "t1", text: " and more" },
        { type: "text-end", id: "t1" },
        { type: "ping" },
      ],
      "So far",
    );
    expect(shape(out)).toEqual([
      "start",
      "start-step",
      "text-start continued-text",
      "delta continued-text So far",
      "delta continued-text  and more",
      "text-end continued-text",
      "ping",
    ]);
  });

  it("closes the prefix before reasoning, which then follows it", async () => {
    const out = await run(
      [
        start,
        startStep,
        { type: "reasoning-start", id: "r1" },
        { type: "reasoning-end", id: "r1" },
        { type: "text-start", id: "t1" },
        { type: "text-end", id: "t1" },
      ],
      "So far",
    );
    expect(shape(out)).toEqual([
      "start",
      "start-step",
      "text-start continued-text",
      "delta continued-text So far",
      "text-end continued-text",
      "reasoning-start r1",
      "reasoning-end r1",
      "text-start t1",
      "text-end t1",
    ]);
  });

  it("keeps the prefix when the upstream fails before the first step", async () => {
    const out = await run(
      [start, { type: "error", error: new Error("402") }],
      "So far",
    );
    expect(shape(out)).toEqual([
      "start",
      "start-step",
      "text-start continued-text",
      "delta continued-text So far",
      "text-end continued-text",
      "error",
    ]);
  });

  it("ends the joined text on an abort and drops what comes after", async () => {
    const out = await run(
      [
        start,
        startStep,
        { type: "text-start", id: "t1" },
        { type: "abort" },
        { type: "text-delta", id: "t1", text: "late" },
      ],
      "So far",
    );
    expect(shape(out)).toEqual([
      "start",
      "start-step",
      "text-start continued-text",
      "delta continued-text So far",
      "text-end continued-text",
      "abort",
    ]);
  });

  it("leaves a later text part that reuses the id to the model", async () => {
    const out = await run(
      [
        start,
        startStep,
        { type: "text-start", id: "t" },
        { type: "text-end", id: "t" },
        startStep,
        { type: "text-start", id: "t" },
        { type: "text-delta", id: "t", text: "next" },
        { type: "text-end", id: "t" },
      ],
      "So far",
    );
    expect(shape(out).slice(-5)).toEqual([
      "text-end continued-text",
      "start-step",
      "text-start t",
      "delta t next",
      "text-end t",
    ]);
  });
});
