import { describe, expect, it } from "vitest";
import type { ParleyMessage } from "@/lib/types";
import {
  describeSharedView,
  readSnapshot,
  type SharedView,
  toSharedMessage,
} from "./view";

describe("shared view", () => {
  it("drops message ids and provider metadata", () => {
    const message = {
      id: "secret-message-id",
      role: "assistant",
      parts: [
        { type: "reasoning", text: "hm", providerMetadata: { x: { y: 1 } } },
        {
          type: "tool-current_time",
          toolCallId: "call-1",
          state: "output-available",
          input: {},
          output: { local: "now" },
          callProviderMetadata: { x: { y: 2 } },
        },
        { type: "text", text: "Hi" },
      ],
      metadata: { status: "complete", model: "a/b" },
    } as ParleyMessage;
    const shared = toSharedMessage(message);
    const json = JSON.stringify(shared);
    expect(json).not.toContain("secret-message-id");
    expect(json).not.toContain("providerMetadata");
    expect(json).not.toContain("callProviderMetadata");
    expect(shared.parts).toHaveLength(3);
    expect(shared.metadata?.model).toBe("a/b");
  });

  it("describes a view by its first message, cut near 200 characters", () => {
    const view: SharedView = {
      title: "T",
      model: "a/b",
      messages: [
        {
          role: "user",
          parts: [{ type: "text", text: `  Hello\n${"word ".repeat(100)}` }],
          metadata: undefined,
        },
      ],
    };
    const description = describeSharedView(view);
    expect(description.startsWith("Hello word")).toBe(true);
    expect(description.length).toBe(200);
    expect(description.endsWith("…")).toBe(true);
  });

  it("reads a stored snapshot back, refusing a malformed one", () => {
    expect(readSnapshot(null)).toBeNull();
    expect(readSnapshot({ model: 3, messages: [] })).toBeNull();
    expect(
      readSnapshot({ title: "T", model: "a/b", messages: [] }),
    ).toMatchObject({ title: "T", model: "a/b", messages: [] });
  });
});
