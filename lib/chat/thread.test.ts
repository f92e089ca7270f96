import { describe, expect, it } from "vitest";
import type { StoredMessage } from "@/lib/types";
import {
  activePath,
  branchThrough,
  pathTo,
  textOf,
  toUIMessage,
  versionsOf,
} from "./thread";

let clock = 0;

/** A stored message; creation order is call order, as the query returns. */
function message(
  id: string,
  parentId: string | null,
  overrides: Partial<StoredMessage> = {},
): StoredMessage {
  clock += 1;
  return {
    id,
    conversationId: "conversation",
    parentId,
    role: id.startsWith("u") ? "user" : "assistant",
    parts: [{ type: "text", text: `text of ${id}` }],
    status: "complete",
    model: null,
    finishReason: null,
    error: null,
    usage: null,
    cost: null,
    steps: [],
    createdAt: new Date(clock),
    ...overrides,
  };
}

const ids = (messages: StoredMessage[]) => messages.map(({ id }) => id);

describe("activePath", () => {
  it("is empty for a conversation without messages", () => {
    expect(activePath([])).toEqual([]);
  });

  it("follows a conversation without forks from its first message", () => {
    const messages = [
      message("u1", null),
      message("a1", "u1"),
      message("u2", "a1"),
      message("a2", "u2"),
    ];
    expect(ids(activePath(messages))).toEqual(["u1", "a1", "u2", "a2"]);
  });

  it("shows the newest reply after a retry, not what followed the old", () => {
    const messages = [
      message("u1", null),
      message("a1", "u1"),
      message("u2", "a1"),
      message("a2", "u2"),
      message("a1-retry", "u1"),
    ];
    expect(ids(activePath(messages))).toEqual(["u1", "a1-retry"]);
  });

  it("continues down the newest branch at every fork", () => {
    const messages = [
      message("u1", null),
      message("a1", "u1"),
      message("a1-retry", "u1"),
      message("u2", "a1-retry"),
      message("a2", "u2"),
      message("u2-edit", "a1-retry"),
      message("a2-edit", "u2-edit"),
    ];
    expect(ids(activePath(messages))).toEqual([
      "u1",
      "a1-retry",
      "u2-edit",
      "a2-edit",
    ]);
  });

  it("starts from the newest first message after an edit", () => {
    const messages = [
      message("u1", null),
      message("a1", "u1"),
      message("u1-edit", null),
      message("a1-edit", "u1-edit"),
    ];
    expect(ids(activePath(messages))).toEqual(["u1-edit", "a1-edit"]);
  });
});

describe("activePath with a chosen branch", () => {
  const messages = [
    message("u1", null),
    message("a1", "u1"),
    message("u2", "a1"),
    message("a2", "u2"),
    message("a1-retry", "u1"),
    message("u2-retry", "a1-retry"),
    message("a2-retry", "u2-retry"),
  ];

  it("follows the chosen leaf instead of the newest branch", () => {
    expect(ids(activePath(messages, "a2"))).toEqual(["u1", "a1", "u2", "a2"]);
  });

  it("goes on down the newest replies below a leaf that has some", () => {
    expect(ids(activePath(messages, "a1"))).toEqual(["u1", "a1", "u2", "a2"]);
    const later = [...messages, message("u3", "a2"), message("a3", "u3")];
    expect(ids(activePath(later, "a2"))).toEqual([
      "u1",
      "a1",
      "u2",
      "a2",
      "u3",
      "a3",
    ]);
  });

  it("falls back to the newest branch without a leaf", () => {
    const newest = ["u1", "a1-retry", "u2-retry", "a2-retry"];
    expect(ids(activePath(messages, null))).toEqual(newest);
    expect(ids(activePath(messages, undefined))).toEqual(newest);
  });

  it("falls back to the newest branch for a leaf it does not hold", () => {
    expect(ids(activePath(messages, "deleted"))).toEqual([
      "u1",
      "a1-retry",
      "u2-retry",
      "a2-retry",
    ]);
  });

  it("falls back when the leaf's chain does not reach a first message", () => {
    const orphaned = [...messages, message("a9", "missing-parent")];
    expect(ids(activePath(orphaned, "a9"))).toEqual([
      "u1",
      "a1-retry",
      "u2-retry",
      "a2-retry",
    ]);
    const looped = [message("x", "y"), message("y", "x")];
    expect(activePath(looped, "x")).toEqual([]);
  });
});

describe("branchThrough", () => {
  it("is the path through a message and its newest replies", () => {
    const messages = [
      message("u1", null),
      message("a1", "u1"),
      message("u2", "a1"),
      message("a2", "u2"),
      message("a2-retry", "u2"),
      message("a1-retry", "u1"),
    ];
    expect(ids(branchThrough(messages, "a1"))).toEqual([
      "u1",
      "a1",
      "u2",
      "a2-retry",
    ]);
    expect(ids(branchThrough(messages, "a1-retry"))).toEqual([
      "u1",
      "a1-retry",
    ]);
  });
});

describe("versionsOf", () => {
  const messages = [
    message("u1", null),
    message("a1", "u1"),
    message("a1-retry", "u1"),
    message("a1-third", "u1"),
    message("u2", "a1-retry"),
    message("a2", "u2"),
    message("u1-edit", null),
  ];

  it("lists every version, oldest first, of the shown messages that fork", () => {
    const path = pathTo(messages, "a2");
    expect(versionsOf(messages, path)).toEqual({
      u1: ["u1", "u1-edit"],
      "a1-retry": ["a1", "a1-retry", "a1-third"],
    });
  });

  it("gives each shown version its own position in the same list", () => {
    const path = branchThrough(messages, "a1-third");
    const versions = versionsOf(messages, path);
    expect(versions["a1-third"]?.indexOf("a1-third")).toBe(2);
    expect(versions["a1-third"]).toHaveLength(3);
  });

  it("leaves out messages without other versions", () => {
    const single = [message("u1", null), message("a1", "u1")];
    expect(versionsOf(single, single)).toEqual({});
  });
});

describe("textOf", () => {
  it("joins the text parts and leaves reasoning and tools out", () => {
    const parts: StoredMessage["parts"] = [
      { type: "step-start" },
      { type: "reasoning", text: "Thinking." },
      { type: "text", text: "First." },
      { type: "text", text: "Second." },
    ];
    expect(textOf(parts)).toBe("First.\n\nSecond.");
  });
});

describe("pathTo", () => {
  const messages = [
    message("u1", null),
    message("a1", "u1"),
    message("u2", "a1"),
    message("a2", "u2"),
    message("a1-retry", "u1"),
  ];

  it("is the chain from the first message down to the given one", () => {
    expect(ids(pathTo(messages, "u2"))).toEqual(["u1", "a1", "u2"]);
  });

  it("reaches messages off the active path", () => {
    expect(ids(pathTo(messages, "a2"))).toEqual(["u1", "a1", "u2", "a2"]);
    expect(ids(pathTo(messages, "a1-retry"))).toEqual(["u1", "a1-retry"]);
  });

  it("is empty for an id the conversation does not hold", () => {
    expect(pathTo(messages, "elsewhere")).toEqual([]);
  });

  it("ends on a parent loop in damaged data instead of spinning", () => {
    const looped = [message("x", "y"), message("y", "x")];
    expect(ids(pathTo(looped, "x"))).toEqual(["y", "x"]);
  });
});

describe("toUIMessage", () => {
  it("carries status, model, usage, cost and error as metadata", () => {
    const stored = message("a1", "u1", {
      status: "failed",
      model: "deepseek/deepseek-v4-flash",
      finishReason: "error",
      usage: { prompt: 10, completion: 2, reasoning: 1, cached: 4 },
      cost: 0.0001,
      error: { code: "upstream:openrouter", message: "It failed." },
    });
    expect(toUIMessage(stored)).toEqual({
      id: "a1",
      role: "assistant",
      parts: [{ type: "text", text: "text of a1" }],
      metadata: {
        status: "failed",
        model: "deepseek/deepseek-v4-flash",
        finishReason: "error",
        usage: { prompt: 10, completion: 2, reasoning: 1, cached: 4 },
        cost: 0.0001,
        error: { code: "upstream:openrouter", message: "It failed." },
      },
    });
  });

  it("leaves out what was never recorded", () => {
    const metadata = toUIMessage(message("u1", null)).metadata;
    expect(metadata).toEqual({ status: "complete" });
  });
});
