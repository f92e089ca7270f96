import { APICallError } from "ai";
import { MockLanguageModelV3 } from "ai/test";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { getChatModel } from "@/lib/ai/provider";
import {
  getConversationById,
  saveGeneratedTitle,
} from "@/lib/db/conversations";
import { getMessagesByConversationId } from "@/lib/db/messages";
import { log } from "@/lib/log";
import type { StoredMessage } from "@/lib/types";
import { cleanTitle, generateTitleIfNeeded, titlePrompt } from "./title";

vi.mock("@/lib/ai/provider", () => ({ getChatModel: vi.fn() }));
vi.mock("@/lib/ai/models", () => ({
  findModel: async () => ({ reasoningEfforts: ["low", "none"] }),
}));
vi.mock("@/lib/db/conversations", () => ({
  getConversationById: vi.fn(),
  saveGeneratedTitle: vi.fn(async () => true),
}));
vi.mock("@/lib/db/messages", () => ({
  getMessagesByConversationId: vi.fn(),
}));
vi.mock("@/lib/db/spend", () => ({ recordSpend: vi.fn(async () => {}) }));
vi.mock("@/lib/keys", () => ({ resolveApiKey: async () => "sk-or-test" }));

const QUESTION = "How do I keep sourdough starter alive on holiday?";

function message(
  id: string,
  role: StoredMessage["role"],
  text: string,
  parentId: string | null,
): StoredMessage {
  return {
    id,
    conversationId: "c1",
    parentId,
    role,
    parts: [{ type: "text", text }],
    status: "complete",
    model: null,
    finishReason: null,
    error: null,
    usage: null,
    cost: null,
    steps: [],
    createdAt: new Date(),
  };
}

function answerWith(doGenerate: MockLanguageModelV3["doGenerate"]) {
  const model = new MockLanguageModelV3({ doGenerate });
  vi.mocked(getChatModel).mockReturnValue(model as never);
  return model;
}

function textResult(text: string) {
  return async () => ({
    content: [{ type: "text" as const, text }],
    finishReason: { unified: "stop" as const, raw: "stop" },
    usage: {
      inputTokens: {
        total: 1,
        noCache: 1,
        cacheRead: undefined,
        cacheWrite: undefined,
      },
      outputTokens: { total: 1, text: 1, reasoning: undefined },
    },
    warnings: [],
  });
}

describe("cleanTitle", () => {
  it.each([
    ['"Keeping Sourdough Alive."', "Keeping Sourdough Alive"],
    ["**Title:** Sourdough care!", "Sourdough care"],
    ["# Sourdough on holiday\nMore text", "Sourdough on holiday"],
    ["<think>hmm</think>\n  “Feeding a starter”  ", "Feeding a starter"],
    ["Title: `Starter` basics...", "Starter basics"],
    ["Why is bread sour?", "Why is bread sour?"],
    ["  \n ", ""],
    ['""', ""],
    [
      "Sure! A sourdough starter survives a week in the fridge if fed first.",
      "",
    ],
  ])("%j becomes %j", (raw, expected) => {
    expect(cleanTitle(raw)).toBe(expected);
  });

  it("caps a long title at a word boundary", () => {
    const title = cleanTitle(
      "Keeping a neglected sourdough starter alive through an extraordinarily long holiday",
    );
    expect(title.length).toBeLessThanOrEqual(60);
    expect(title).toBe(
      "Keeping a neglected sourdough starter alive through an…",
    );
  });
});

describe("generateTitleIfNeeded", () => {
  beforeEach(() => {
    vi.clearAllMocks();
    vi.mocked(getConversationById).mockResolvedValue({
      id: "c1",
      title: "How do I keep sourdough starter alive on…",
      titleSource: "message",
      pinned: false,
      userId: "u1",
      model: "deepseek/deepseek-v4-flash",
      settings: { params: { provider: { data_collection: "deny" } } },
      createdAt: new Date(),
      updatedAt: new Date(),
    });
    vi.mocked(getMessagesByConversationId).mockResolvedValue([
      message("u1", "user", QUESTION, null),
      message("a1", "assistant", "Feed it, then refrigerate it.", "u1"),
    ]);
  });

  it("asks once, briefly, quoting the first message, and saves", async () => {
    const model = answerWith(textResult('"Sourdough on holiday."'));
    await generateTitleIfNeeded({ conversationId: "c1", userId: "u1" });

    expect(model.doGenerateCalls).toHaveLength(1);
    const call = model.doGenerateCalls[0];
    expect(call?.maxOutputTokens).toBe(30);
    expect(JSON.stringify(call?.prompt)).toContain(QUESTION);
    expect(call?.providerOptions?.openrouter).toEqual({
      provider: { data_collection: "deny" },
      reasoning: { effort: "none" },
    });
    expect(saveGeneratedTitle).toHaveBeenCalledWith({
      id: "c1",
      title: "Sourdough on holiday",
    });
  });

  it.each([
    [
      "an upstream error",
      async () => {
        throw new APICallError({
          message: "Provider returned error",
          url: "https://openrouter.ai/api/v1/chat/completions",
          requestBodyValues: {},
          statusCode: 502,
        });
      },
    ],
    ["an empty answer", textResult("  ")],
  ])(
    "keeps the first-words title after %s, with one warning",
    async (_, doGenerate) => {
      answerWith(doGenerate);
      const warn = vi.spyOn(log, "warn").mockImplementation(() => undefined);
      await generateTitleIfNeeded({ conversationId: "c1", userId: "u1" });

      expect(saveGeneratedTitle).not.toHaveBeenCalled();
      expect(warn).toHaveBeenCalledOnce();
      expect(JSON.stringify(warn.mock.calls)).not.toContain("sourdough");
    },
  );

  it("leaves renamed conversations and later exchanges alone", async () => {
    const model = answerWith(textResult("Unused"));
    const conversation = await getConversationById({ id: "c1", userId: null });
    vi.mocked(getConversationById).mockResolvedValueOnce(
      conversation && { ...conversation, titleSource: "user" },
    );
    await generateTitleIfNeeded({ conversationId: "c1", userId: "u1" });

    vi.mocked(getMessagesByConversationId).mockResolvedValueOnce([
      message("u1", "user", QUESTION, null),
      message("a1", "assistant", "Feed it.", "u1"),
      message("u2", "user", "And for a month?", "a1"),
      message("a2", "assistant", "Dry some.", "u2"),
    ]);
    await generateTitleIfNeeded({ conversationId: "c1", userId: "u1" });

    expect(model.doGenerateCalls).toHaveLength(0);
    expect(saveGeneratedTitle).not.toHaveBeenCalled();
  });
});

describe("titlePrompt", () => {
  it("quotes the first message right after its label", () => {
    const prompt = titlePrompt({ question: QUESTION, answer: "Feed it." });
    expect(prompt).toContain(`First message:\n${QUESTION}\n`);
    expect(prompt).toContain("at most 6 words");
  });
});
