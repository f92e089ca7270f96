import { describe, expect, it } from "vitest";
import type { ExportedConversation, ExportedMessage } from "./format";
import { validateExportFile } from "./validate";

const at = "2026-12-04T10:00:00.000Z";

function message(
  id: string,
  parentId: string | null,
  extra: Partial<ExportedMessage> = {},
): ExportedMessage {
  return {
    id,
    parentId,
    role: parentId === null ? "user" : "assistant",
    parts: [{ type: "text", text: `text of ${id}` }],
    status: "complete",
    model: null,
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

function conversation(
  id: string,
  messages: ExportedMessage[],
  extra: Partial<ExportedConversation> = {},
): ExportedConversation {
  return {
    id,
    title: `Title ${id}`,
    titleSource: "message",
    model: "deepseek/deepseek-v4-flash",
    settings: null,
    pinned: false,
    activeLeafId: messages.at(-1)?.id ?? null,
    createdAt: at,
    updatedAt: at,
    messages,
    ...extra,
  };
}

const file = (conversations: unknown[], extra: object = {}) => ({
  format: "parley-export",
  version: 1,
  exportedAt: at,
  conversations,
  ...extra,
});

const messageOf = (value: unknown) => {
  const result = validateExportFile(value);
  return result.ok ? "ok" : result.message;
};

describe("validateExportFile", () => {
  it("accepts a file with branches, parents first", () => {
    const result = validateExportFile(
      file([
        conversation("c1", [
          message("u1", null),
          message("a1", "u1"),
          message("a2", "u1"),
        ]),
      ]),
    );
    expect(result.ok).toBe(true);
  });

  it("refuses what is not a Parley export", () => {
    expect(messageOf([])).toMatch(/not a Parley export/);
    expect(messageOf({ name: "package", version: "1.0.0" })).toBe(
      'This is not a Parley export: "format" should be "parley-export".',
    );
  });

  it("refuses a newer version, saying so", () => {
    expect(messageOf(file([], { version: 2 }))).toMatch(
      /^Export version 2 is newer than this Parley understands/,
    );
  });

  it("names the conversation and message of a missing parent", () => {
    const broken = file([
      conversation("c1", [message("u1", null)]),
      conversation("c2", [message("u2", null), message("a2", "nowhere")]),
    ]);
    expect(messageOf(broken)).toBe(
      'Conversation 2 ("Title c2"), message 2: its parent nowhere is not ' +
        "among the messages before it in this conversation.",
    );
  });

  it("names the field that is wrong", () => {
    const broken = file([
      conversation("c1", [message("u1", null, { status: "done" as never })]),
    ]);
    expect(messageOf(broken)).toMatch(
      /^Conversation 1 \("Title c1"\): message 1 "status": /,
    );
  });

  it("refuses a parent that belongs to another conversation", () => {
    const broken = file([
      conversation("c1", [message("u1", null)]),
      conversation("c2", [message("a2", "u1")]),
    ]);
    expect(messageOf(broken)).toMatch(
      /^Conversation 2 .*message 1: its parent/,
    );
  });

  it("refuses an id used twice", () => {
    const twice = file([
      conversation("c1", [message("u1", null)]),
      conversation("c2", [message("u1", null)]),
    ]);
    expect(messageOf(twice)).toMatch(/the id u1 appears twice/);
    const sameConversation = file([
      conversation("c1", [message("u1", null)]),
      conversation("c1", [message("u2", null)]),
    ]);
    expect(messageOf(sameConversation)).toMatch(/its id appears twice/);
  });

  it("refuses a shown message that is not in the file", () => {
    const broken = file([
      conversation("c1", [message("u1", null)], { activeLeafId: "gone" }),
    ]);
    expect(messageOf(broken)).toMatch(/the message it shows \(gone\)/);
  });
});
