import type { ModelMessage } from "ai";
import { describe, expect, it } from "vitest";
import type { StoredMessage } from "@/lib/types";
import {
  attachReasoningDetails,
  stepReasoningDetails,
  toModelMessages,
} from "./model-messages";

type Parts = StoredMessage["parts"];

function stored(
  role: StoredMessage["role"],
  parts: Parts,
  steps: StoredMessage["steps"] = [],
): StoredMessage {
  return {
    id: `${role}-${Math.random()}`,
    conversationId: "conversation",
    parentId: null,
    role,
    parts,
    status: "complete",
    model: null,
    finishReason: null,
    error: null,
    usage: null,
    cost: null,
    steps,
    createdAt: new Date(0),
  };
}

const user = (text: string) => stored("user", [{ type: "text", text }]);

function detailsOf(message: ModelMessage | undefined): unknown {
  return message?.providerOptions?.openrouter?.reasoning_details;
}

const signed = {
  type: "reasoning.text",
  text: "Think first.",
  signature: "c2lnbmF0dXJl",
  format: "anthropic-claude-v1",
  index: 0,
};
const encrypted = {
  type: "reasoning.encrypted",
  data: "gAAAAB-opaque",
  id: "rs_0123",
  format: "openai-responses-v1",
  index: 0,
};

const timeCall = {
  type: "tool-current_time",
  toolCallId: "call_1",
  state: "output-available",
  input: { timeZone: "Europe/Paris" },
  output: { timeZone: "Europe/Paris", iso: "2026-01-01T18:00:00.000Z" },
} as unknown as Parts[number];

describe("toModelMessages", () => {
  it("sends user text as it was typed", async () => {
    expect(await toModelMessages([user("Hello there")])).toEqual([
      { role: "user", content: [{ type: "text", text: "Hello there" }] },
    ]);
  });

  it("gives an assistant reply back its recorded reasoning_details", async () => {
    const reply = stored(
      "assistant",
      [{ type: "text", text: "Hi.", state: "done" }],
      [{ reasoningDetails: [encrypted] }],
    );
    const [, assistant] = await toModelMessages([user("Hello"), reply]);
    expect(assistant).toMatchObject({
      role: "assistant",
      content: [{ type: "text", text: "Hi." }],
    });
    expect(detailsOf(assistant)).toEqual([encrypted]);
  });

  it("keeps DeepSeek's recorded empty list as an explicit []", async () => {
    const reply = stored(
      "assistant",
      [{ type: "text", text: "Hi.", state: "done" }],
      [{ reasoningDetails: [] }],
    );
    const [, assistant] = await toModelMessages([user("Hello"), reply]);
    expect(detailsOf(assistant)).toEqual([]);
  });

  it("sends [] for a reply with nothing recorded, as a stopped one", async () => {
    const reply = stored("assistant", [
      { type: "text", text: "Half an ans", state: "streaming" },
    ]);
    const [, assistant] = await toModelMessages([user("Hello"), reply]);
    expect(detailsOf(assistant)).toEqual([]);
  });

  it("lets a reasoning part's details stand when no step was recorded", async () => {
    const reply = stored("assistant", [
      {
        type: "reasoning",
        text: "Think first.",
        state: "done",
        providerMetadata: { openrouter: { reasoning_details: [signed] } },
      },
      { type: "text", text: "Done.", state: "done" },
    ]);
    const [, assistant] = await toModelMessages([user("Hello"), reply]);
    expect(detailsOf(assistant)).toBeUndefined();
    expect(assistant?.content).toContainEqual(
      expect.objectContaining({
        type: "reasoning",
        providerOptions: { openrouter: { reasoning_details: [signed] } },
      }),
    );
  });

  it("gives each step of a tool loop its own details", async () => {
    const reply = stored(
      "assistant",
      [
        { type: "step-start" },
        timeCall,
        { type: "step-start" },
        { type: "text", text: "It is evening in Paris.", state: "done" },
      ],
      [{ reasoningDetails: [signed] }, { reasoningDetails: [] }],
    );
    const messages = await toModelMessages([user("Time in Paris?"), reply]);
    expect(messages.map((message) => message.role)).toEqual([
      "user",
      "assistant",
      "tool",
      "assistant",
    ]);
    const [, call, result, answer] = messages;
    expect(call?.content).toEqual([
      {
        type: "tool-call",
        toolCallId: "call_1",
        toolName: "current_time",
        input: { timeZone: "Europe/Paris" },
      },
    ]);
    expect(detailsOf(call)).toEqual([signed]);
    expect(result?.content).toEqual([
      {
        type: "tool-result",
        toolCallId: "call_1",
        toolName: "current_time",
        output: {
          type: "json",
          value: { timeZone: "Europe/Paris", iso: "2026-01-01T18:00:00.000Z" },
        },
      },
    ]);
    expect(detailsOf(answer)).toEqual([]);
  });

  it("drops a tool call that never got its result", async () => {
    const unfinished = {
      type: "tool-current_time",
      toolCallId: "call_2",
      state: "input-available",
      input: { timeZone: "UTC" },
    } as unknown as Parts[number];
    const reply = stored("assistant", [{ type: "step-start" }, unfinished]);
    const messages = await toModelMessages([user("Time?"), reply]);
    expect(JSON.stringify(messages)).not.toContain("call_2");
  });

  it("skips messages without parts, as a reply that failed at once", async () => {
    const failed = stored("assistant", []);
    const messages = await toModelMessages([user("Hi"), failed, user("Again")]);
    expect(messages.map((message) => message.role)).toEqual(["user", "user"]);
  });
});

// Between the steps of one reply's tool loop, the same rule applies to the
// messages the SDK built from the steps so far.
describe("attachReasoningDetails", () => {
  it("gives each step's message its details, [] where none came", () => {
    const messages: ModelMessage[] = [
      {
        role: "assistant",
        content: [
          {
            type: "tool-call",
            toolCallId: "call_1",
            toolName: "current_time",
            input: {},
          },
        ],
      },
      {
        role: "tool",
        content: [
          {
            type: "tool-result",
            toolCallId: "call_1",
            toolName: "current_time",
            output: { type: "json", value: {} },
          },
        ],
      },
      { role: "assistant", content: [{ type: "text", text: "Evening." }] },
    ];
    const [call, result, answer] = attachReasoningDetails(messages, [
      [encrypted],
      undefined,
    ]);
    expect(detailsOf(call)).toEqual([encrypted]);
    expect(result?.providerOptions).toBeUndefined();
    expect(detailsOf(answer)).toEqual([]);
  });
});

describe("stepReasoningDetails", () => {
  it("reads OpenRouter's list from a step's provider metadata", () => {
    const metadata = { openrouter: { reasoning_details: [signed] } };
    expect(stepReasoningDetails(metadata)).toEqual([signed]);
    expect(
      stepReasoningDetails({ openrouter: { reasoning_details: [] } }),
    ).toEqual([]);
  });

  it("has nothing when the step reported no list", () => {
    expect(stepReasoningDetails(undefined)).toBeUndefined();
    expect(stepReasoningDetails({ openrouter: {} })).toBeUndefined();
    expect(
      stepReasoningDetails({ openrouter: { reasoning_details: "no" } }),
    ).toBeUndefined();
  });
});
