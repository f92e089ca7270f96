import { describe, expect, it } from "vitest";
import type { ExportedConversation, ExportedMessage } from "./format";
import { conversationToMarkdown } from "./markdown";

const at = "2026-12-04T10:00:00.000Z";

function message(
  id: string,
  parentId: string | null,
  parts: ExportedMessage["parts"],
  extra: Partial<ExportedMessage> = {},
): ExportedMessage {
  return {
    id,
    parentId,
    role: parentId === null ? "user" : "assistant",
    parts,
    status: "complete",
    model: parentId === null ? null : "deepseek/deepseek-v4-flash",
    finishReason: null,
    error: null,
    usage: null,
    cost: null,
    reasoningMs: null,
    providerMetadata: null,
    createdAt: at,
    updatedAt: at,
    ...extra,
  };
}

const conversation: ExportedConversation = {
  id: "c1",
  title: "Trip plans",
  titleSource: "user",
  model: "deepseek/deepseek-v4-flash",
  settings: { systemPrompt: "Be brief.", params: {} },
  pinned: false,
  activeLeafId: "a-old",
  createdAt: at,
  updatedAt: at,
  messages: [
    message("u1", null, [{ type: "text", text: "What is 6 x 7?" }]),
    message(
      "a-old",
      "u1",
      [
        { type: "reasoning", text: "Multiply." },
        {
          type: "tool-calculator",
          toolCallId: "t1",
          state: "output-available",
          input: { expression: "6*7" },
          output: { value: "42" },
        },
        { type: "text", text: "It is **42**." },
      ],
      {
        usage: { prompt: 10, completion: 5, reasoning: 2, cached: 0 },
        cost: 0.000012,
      },
    ),
    message("a-new", "u1", [{ type: "text", text: "Forty-two." }]),
  ],
};

describe("conversationToMarkdown", () => {
  const markdown = conversationToMarkdown(conversation);

  it("shows the branch the conversation shows, in order", () => {
    expect(markdown).toContain("It is **42**.");
    expect(markdown).not.toContain("Forty-two.");
    expect(markdown.indexOf("What is 6 x 7?")).toBeLessThan(
      markdown.indexOf("It is **42**."),
    );
  });

  it("has the title, model, system prompt, reasoning, tool call and usage", () => {
    expect(markdown.startsWith("# Trip plans\n")).toBe(true);
    expect(markdown).toContain("Model: `deepseek/deepseek-v4-flash`");
    expect(markdown).toContain("> Be brief.");
    expect(markdown).toContain("<details><summary>Reasoning</summary>");
    expect(markdown).toContain("**Tool `calculator`**");
    expect(markdown).toContain('"expression": "6*7"');
    expect(markdown).toContain("_15 tokens · $0.000012_");
  });

  it("fences tool output longer than any backtick run inside it", () => {
    const tricky = conversationToMarkdown({
      ...conversation,
      activeLeafId: "a",
      messages: [
        message("u", null, [{ type: "text", text: "q" }]),
        message("a", "u", [
          {
            type: "tool-fetch_url",
            toolCallId: "t",
            state: "output-available",
            input: { url: "https://example.com" },
            output: "```js\nalert(1)\n```",
          },
        ]),
      ],
    });
    expect(tricky).toContain("````\n```js\nalert(1)\n```\n````");
  });
});
